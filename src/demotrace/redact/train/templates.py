# ruff: noqa: E501  (template tables: one template per line reads better than wrapped ones)
"""Training templates: `{slot}` markers are filled by `fillers.FILLERS`. The held-out sets in
tests/redact/data/heldout/ are written from other templates (tests/redact/heldout_templates.py).

Kinds: title, chat, email, form, ticket, letter, shell, code, url; topic lines (health, family,
immigration) are tagged so the topic head learns them; clinical lines without names are the hard
negatives that kept the rules' name detector busy (capitalised ordinary words).
"""

from __future__ import annotations

COMMON: dict[str, list[str]] = {
    "title": [
        "Inbox ({num}) - {email} - Gmail", "{name} - {product}", "Chat with {name} | {product}",
        "{product} — {ident} — {version}", "Pull request #{num}: fix {ident} by {handle} · GitHub",
        "[{ticket}] {cword} {word} - Jira", "{company} - Google Sheets", "{cword} {word} - {product}",
        "Customer {id} - {name} - Salesforce", "Account {id} · Billing · Stripe Dashboard",
        "{user}@{host}: ~/src/{ident}", "DM {handle} - Slack", "{name} ({handle}) / Threads",
        "{name} | LinkedIn", "Meeting with {name} - {date} {time} - Calendar", "{commit} · {ident} · GitLab",
        "Release {version} · {product}", "{city} - Wikipedia", "{company} | {product}",
        "Edit profile: {name} <{email}>", "Order {num} shipped to {addr}", "{name} - WhatsApp",
        "Zendesk: ticket #{num} from {name} ({id})", "{cword} and {cword} - {product}",
        "API keys - {token} - Dashboard", "{ident} - {product} [{version}]", "{country} travel guide - {product}",
    ],
    "shell": [
        "$ ssh {user}@{host}", "{user}@{host}:~$ git log --oneline | head", "export API_TOKEN={token}",
        "export DB_PASSWORD='{pw}'", "curl -H 'Authorization: Bearer {token}' https://{domain}/v1/{ident}",
        "mysql -h {host} -u {user} -p{pw} app", "git clone https://{user}:{token}@github.com/{user}/{ident}.git",
        "psql postgresql://{user}:{pw}@{host}:5432/app", "git checkout {commit} && make test",
        "docker run -e POSTGRES_PASSWORD={pw} postgres:{version}", "pip install {ident}=={version}",
        "cd /home/{user}/projects/{ident}", "aws configure set aws_access_key_id {token}",
        "kubectl rollout restart deploy/{ident} -n prod", "npm publish --otp {num}  # {version}",
        "git commit -m 'bump {ident} to {version}'", "ls -la /var/log/{ident}", "sudo -u {user} systemctl restart {ident}",
        "redis-cli -h {host} -a {pw} ping", "scp report.pdf {user}@{host}:/tmp/",
    ],
    "code": [
        "password = \"{pw}\"", "API_KEY = '{token}'", "DATABASE_URL=postgres://{user}:{pw}@{host}/prod",
        "  \"api_key\": \"{token}\",", "client = Client(token=\"{token}\")", "secret_key: {token}",
        "spring.datasource.password={pw}", "SMTP_PASS={pw}", "auth:\n  username: {user}\n  password: {pw}",
        "const {ident} = require('./{ident}')", "def {ident}(self, account_id: int) -> None:",
        "version = \"{version}\"", "# TODO({user}): remove {ident} after {version}", "max_retries = {num}",
        "request_id = \"{uuid}\"", "sha = \"{commit}\"", "timeout_ms: {num}", "username: {user}",
        "<add key=\"ConnectionString\" value=\"Server={host};User Id={user};Password={pw};\"/>",
        "headers = {{\"Authorization\": \"token {token}\"}}", "if user.id == {num}: return {ident}()",
        "log.info(\"loaded %s\", {ident})", "[client]\nuser={user}\npassword={pw}", "image: {ident}:{version}",
        "slack_webhook: https://hooks.slack.com/services/T{num}/B{num}/{token}",
    ],
    "url": [
        "https://{domain}/account/{id}/settings", "https://{domain}/search?q={cword}+{word}&page={num}",
        "https://{domain}/users/{user}", "https://{domain}/reset?token={token}", "https://{domain}/docs/{ident}",
        "https://{user}:{pw}@{host}/repo.git", "https://{domain}/customers?id={id}&tab=invoices",
        "https://{domain}/maps/place/{street}", "https://{domain}/commit/{commit}", "https://{domain}/release/{version}",
    ],
}  # fmt: skip

LANG: dict[str, dict[str, list[str]]] = {
    "en": {
        "chat": [
            "hey {first}, can you send me the deck?", "{name} will join the call at {time}",
            "ask {first} {last} about the invoice", "thanks {first}! see you tomorrow", "my address is {addr}",
            "ping {handle} when the build is green", "{first}'s laptop is at {street}", "the {product} sync is broken again",
            "lunch at {city} office?", "new version {version} is out", "cc {name}", "I'm {name}, call me on {phone}",
            "the password for the wifi is {pw}", "customer {id} asked for a refund", "merged {commit}, thanks {handle}",
            "Will you review {ticket}?", "Grant access to the {product} channel please", "Mark the {cword} doc as done",
        ],
        "email": [
            "Dear {name},\nthank you for your order.", "Hi {first},\nplease find attached the report.\nBest, {name}",
            "From: {name} <{email}>\nSubject: {cword} {word}", "Kind regards,\n{name}\n{company}\n{addr}",
            "Please ship it to {addr}.", "Your account number is {id}.", "Send the cheque to {pobox}.",
        ],
        "form": [
            "Name: {name}\nAddress: {addr}\nPhone: {phone}", "First name: {first}\nLast name: {last}",
            "Customer ID: {id}", "Username: {user}\nPassword: {pw}", "Billing address: {addr}", "Member no. {id}",
            "Policy number {id} — holder {name}", "Ship to: {name}, {addr}", "Date of birth: {date}",
        ],
        "ticket": [
            "{ticket}: {name} cannot log in (account {id})", "Reported by {name} on {date}: {product} crashes",
            "Assignee: {user} · Status: open · Version {version}", "Customer {name} at {addr} reports no delivery",
        ],
        "letter": [
            "{name}\n{addr}\n\nDear Mr {last},", "RE: claim {id} of {name}", "Attorney {name} for the plaintiff, {addr}",
            "The tenant, {name}, residing at {addr}, agrees to pay.", "Signed in {city} on {date} by {name}.",
        ],
    },
    "es": {
        "chat": [
            "hola {first}, ¿me pasas el informe?", "{name} llega a las {time}", "pregúntale a {first} {last}",
            "gracias {first}, nos vemos mañana", "mi dirección es {addr}", "avisa a {handle} cuando termine",
            "la reunión con {name} es en {city}", "la contraseña es {pw}", "el cliente {id} pidió un reembolso",
            "Buenos días, Mañana no puedo, Lunes vuelvo", "Perfecto, Gracias por todo", "Vale, Luego hablamos",
        ],
        "email": [
            "Estimado Sr. {last}:\nle adjunto la factura.", "Hola {first},\nun saludo,\n{name}",
            "Atentamente,\n{name}\n{company}\n{addr}", "Envíelo a {addr}.", "Su número de cliente es {id}.",
        ],
        "form": [
            "Nombre: {name}\nDirección: {addr}\nTeléfono: {phone}", "DNI: {id}", "Usuario: {user}\nContraseña: {pw}",
            "Domicilio: {addr}", "Titular: {name}, cuenta {id}", "Fecha de nacimiento: {date}",
        ],
        "ticket": ["{ticket}: {name} no puede acceder (cuenta {id})", "Incidencia de {name}: {product} falla"],
        "letter": [
            "{name}\n{addr}\n\nMuy señor mío:", "En {city}, a {date}, comparece D. {name}, con domicilio en {addr}.",
            "El arrendatario {name} se compromete al pago.", "Firmado: Dr. {last}, colegiado {id}",
        ],
    },
    "nl": {
        "chat": [
            "hoi {first}, kun je het rapport sturen?", "{name} komt om {time}", "vraag het aan {first} {last}",
            "bedankt {first}, tot morgen", "mijn adres is {addr}", "stuur het naar {pobox}", "wachtwoord is {pw}",
            "klant {id} wil zijn geld terug", "Goedemorgen, Morgen ben ik er niet", "Prima, Dank je wel",
            "dr. {last} belt je terug", "mevrouw {last} heeft gebeld", "overleg met {name} in {city}",
        ],
        "email": [
            "Geachte heer {last},\nhierbij de factuur.", "Beste {first},\nmet vriendelijke groet,\n{name}",
            "Met vriendelijke groet,\n{name}\n{company}\n{addr}", "Uw klantnummer is {id}.", "Antwoordnummer {pobox}",
        ],
        "form": [
            "Naam: {name}\nAdres: {addr}\nTelefoon: {phone}", "BSN: {id}", "Gebruikersnaam: {user}\nWachtwoord: {pw}",
            "Postadres: {pobox}", "Klantnummer: {id}", "Geboortedatum: {date}",
        ],
        "ticket": ["{ticket}: {name} kan niet inloggen (account {id})", "Melding van {name}: {product} werkt niet"],
        "letter": [
            "{name}\n{addr}\n\nGeachte mevrouw {last},", "Behandelend arts: dr. {last}", "Verwezen door dr. {name}",
            "De huurder, {name}, wonende te {addr}, verklaart", "Getekend te {city} op {date}.",
        ],
    },
    "de": {
        "chat": [
            "hallo {first}, schickst du mir den Bericht?", "{name} kommt um {time}", "frag {first} {last}",
            "danke {first}, bis morgen", "meine Adresse ist {addr}", "das Passwort ist {pw}", "Kunde {id} will Geld zurück",
            "Guten Morgen, Morgen bin ich im Urlaub", "Alles klar, Danke dir", "Termin mit {name} in {city}",
        ],
        "email": [
            "Sehr geehrter Herr {last},\nanbei die Rechnung.", "Hallo {first},\nviele Grüße,\n{name}",
            "Mit freundlichen Grüßen\n{name}\n{company}\n{addr}", "Ihre Kundennummer lautet {id}.",
        ],
        "form": [
            "Name: {name}\nAnschrift: {addr}\nTelefon: {phone}", "Benutzername: {user}\nKennwort: {pw}",
            "Postanschrift: {pobox}", "Versichertennummer: {id}", "Geburtsdatum: {date}",
        ],
        "ticket": ["{ticket}: {name} kann sich nicht anmelden (Konto {id})"],
        "letter": ["{name}\n{addr}\n\nSehr geehrte Frau {last},", "Der Mieter {name}, wohnhaft {addr}, verpflichtet sich"],
    },
    "fr": {
        "chat": [
            "salut {first}, tu m'envoies le rapport ?", "{name} arrive à {time}", "demande à {first} {last}",
            "merci {first}, à demain", "mon adresse est {addr}", "le mot de passe est {pw}", "le client {id} veut un remboursement",
            "Bonjour, Demain je suis absent", "Parfait, Merci beaucoup", "rendez-vous avec {name} à {city}",
        ],
        "email": [
            "Madame {last},\nveuillez trouver ci-joint la facture.", "Bonjour {first},\ncordialement,\n{name}",
            "Cordialement,\n{name}\n{company}\n{addr}", "Votre numéro client est {id}.",
        ],
        "form": [
            "Nom : {name}\nAdresse : {addr}\nTéléphone : {phone}", "Identifiant : {user}\nMot de passe : {pw}",
            "N° de sécurité sociale : {id}", "Adresse postale : {pobox}",
        ],
        "ticket": ["{ticket} : {name} ne peut pas se connecter (compte {id})"],
        "letter": ["{name}\n{addr}\n\nMonsieur {last},", "Le locataire {name}, demeurant {addr}, s'engage"],
    },
    "pt": {
        "chat": [
            "oi {first}, me manda o relatório?", "{name} chega às {time}", "pergunta ao {first} {last}",
            "obrigado {first}, até amanhã", "meu endereço é {addr}", "a senha é {pw}", "o cliente {id} pediu reembolso",
            "Bom dia, Amanhã não posso", "Beleza, Valeu",
        ],
        "email": ["Prezado Sr. {last},\nsegue a fatura.", "Atenciosamente,\n{name}\n{company}\n{addr}"],
        "form": ["Nome: {name}\nEndereço: {addr}\nTelefone: {phone}", "CPF: {id}", "Usuário: {user}\nSenha: {pw}"],
        "ticket": ["{ticket}: {name} não consegue entrar (conta {id})"],
        "letter": ["{name}\n{addr}\n\nExmo. Sr. {last},", "O locatário {name}, residente em {addr}"],
    },
    "it": {
        "chat": [
            "ciao {first}, mi mandi il report?", "{name} arriva alle {time}", "chiedi a {first} {last}",
            "grazie {first}, a domani", "il mio indirizzo è {addr}", "la password è {pw}", "Buongiorno, Domani sono in ferie",
        ],
        "email": ["Gentile Sig. {last},\nin allegato la fattura.", "Cordiali saluti,\n{name}\n{company}\n{addr}"],
        "form": ["Nome: {name}\nIndirizzo: {addr}\nTelefono: {phone}", "Codice cliente: {id}", "Utente: {user}\nPassword: {pw}"],
        "ticket": ["{ticket}: {name} non riesce ad accedere (conto {id})"],
        "letter": ["{name}\n{addr}\n\nEgregio Sig. {last},", "Il conduttore {name}, residente in {addr}"],
    },
    "ru": {
        "chat": ["привет, {first}! пришли отчёт", "{name} придёт в {time}", "мой адрес: {addr}", "пароль {pw}"],
        "email": ["Уважаемый {name}!\nСчёт во вложении.", "С уважением,\n{name}\n{company}"],
        "form": ["ФИО: {name}\nАдрес: {addr}\nТелефон: {phone}", "Логин: {user}\nПароль: {pw}", "Номер клиента: {id}"],
        "letter": ["{name}\n{addr}", "Арендатор {name}, проживающий по адресу {addr}"],
    },
    "ja": {
        "chat": ["{name}さん、資料を送ってください", "{name}さんは{time}に来ます", "住所は{addr}です", "パスワードは{pw}です"],
        "form": ["氏名: {name}\n住所: {addr}\n電話: {phone}", "ユーザー名: {user}", "顧客番号: {id}"],
        "letter": ["{name} 様\n{addr}"],
    },
    "zh": {
        "chat": ["{name}，请把报告发给我", "{name}{time}到", "我的地址是{addr}", "密码是{pw}"],
        "form": ["姓名：{name}\n地址：{addr}\n电话：{phone}", "用户名：{user}", "客户编号：{id}"],
        "letter": ["尊敬的{name}：\n{addr}"],
    },
}  # fmt: skip

# Topic lines: (topic, template). Clinical lines also serve as name-free hard negatives.
CLINICAL_HEADS = {
    "es": (
        "Antecedentes",
        "Exploración",
        "Diagnóstico",
        "Tratamiento",
        "Evolución",
        "Motivo de consulta",
        "Plan",
    ),
    "nl": (
        "Anamnese",
        "Lichamelijk onderzoek",
        "Diagnose",
        "Beleid",
        "Conclusie",
        "Medicatie",
        "Voorgeschiedenis",
    ),
    "de": ("Anamnese", "Befund", "Diagnose", "Therapie", "Verlauf", "Medikation"),
    "fr": ("Antécédents", "Examen clinique", "Diagnostic", "Traitement", "Évolution", "Conclusion"),
    "pt": ("Antecedentes", "Exame físico", "Diagnóstico", "Tratamento", "Evolução", "Conduta"),
    "it": ("Anamnesi", "Esame obiettivo", "Diagnosi", "Terapia", "Decorso", "Conclusioni"),
    "en": ("History", "Examination", "Diagnosis", "Treatment", "Plan", "Medication", "Assessment"),
}
CLINICAL = {
    "es": (
        "Paciente de {age} años con dolor torácico de dos días de evolución.", "Hipertensión arterial y diabetes mellitus tipo 2.",
        "Se pauta Paracetamol 1 g cada 8 horas.", "TAC craneal sin hallazgos patológicos.", "Ingresa en Urgencias por disnea.",
        "Alergia a Penicilina.", "Control en Consultas Externas de Cardiología en un mes.", "Intervenido de Apendicitis en {date}.",
        "Refiere Cefalea Intensa y Fiebre.", "Se realiza Analítica con Hemograma y Bioquímica normales.",
        "Derivado a Oncología para Quimioterapia.", "Embarazo de 12 semanas, Ecografía normal.", "Alta hospitalaria con Reposo Relativo.",
    ),
    "nl": (
        "Patiënt van {age} jaar met pijn op de borst.", "Bekend met Hypertensie en Diabetes Mellitus type 2.",
        "Start Metoprolol 50 mg tweemaal daags.", "CT-scan zonder afwijkingen.", "Opgenomen op de Spoedeisende Hulp wegens benauwdheid.",
        "Allergie voor Penicilline.", "Controle op de Polikliniek Cardiologie over vier weken.", "Verwijzing naar de Oncologie voor chemotherapie.",
        "Klachten van Hoofdpijn en Koorts.", "Zwangerschap van 12 weken, echo normaal.", "Ontslag met advies rust.",
    ),
    "de": (
        "Patient, {age} Jahre, mit Brustschmerzen seit zwei Tagen.", "Bekannte Arterielle Hypertonie und Diabetes mellitus Typ 2.",
        "Beginn mit Metformin 500 mg.", "CT des Schädels ohne pathologischen Befund.", "Aufnahme in der Notaufnahme wegen Atemnot.",
        "Überweisung zur Onkologie zur Chemotherapie.", "Kontrolle in der Kardiologischen Ambulanz in vier Wochen.",
    ),
    "fr": (
        "Patient de {age} ans présentant une douleur thoracique.", "Antécédents d'Hypertension Artérielle et de Diabète de type 2.",
        "Mise sous Paracétamol 1 g trois fois par jour.", "Scanner cérébral sans anomalie.", "Admis aux Urgences pour dyspnée.",
        "Adressé en Oncologie pour chimiothérapie.", "Grossesse de 12 semaines, échographie normale.",
    ),
    "pt": (
        "Paciente de {age} anos com dor torácica há dois dias.", "Hipertensão Arterial e Diabetes Mellitus tipo 2.",
        "Iniciado Paracetamol 1 g de 8 em 8 horas.", "Tomografia sem alterações.", "Internado na Urgência por dispneia.",
    ),
    "it": (
        "Paziente di {age} anni con dolore toracico.", "Ipertensione Arteriosa e Diabete Mellito di tipo 2.",
        "Si prescrive Paracetamolo 1 g ogni 8 ore.", "TAC encefalo negativa.", "Ricoverato in Pronto Soccorso per dispnea.",
    ),
    "en": (
        "Patient aged {age} presenting with chest pain for two days.", "Known Hypertension and Type 2 Diabetes Mellitus.",
        "Started Metformin 500 mg twice daily.", "CT head showed no acute findings.", "Admitted via the Emergency Department with dyspnoea.",
        "Referred to Oncology for chemotherapy.", "Pregnancy at 12 weeks, ultrasound normal.", "Discharged with advice to rest.",
    ),
    "ru": ("Пациент {age} лет с болью в груди.", "Артериальная гипертензия, сахарный диабет 2 типа.", "Назначен парацетамол 500 мг."),
    "ja": ("{age}歳の患者、胸痛で来院。", "高血圧と2型糖尿病の既往あり。", "抗がん剤治療のため腫瘍内科へ紹介。"),
    "zh": ("患者{age}岁，胸痛两天。", "既往高血压、2型糖尿病。", "转肿瘤科化疗。"),
}  # fmt: skip
CLINICAL_NAMED = {
    "es": ("Paciente: {name}. NHC {id}.", "Médico responsable: Dr. {last}.", "Domicilio del paciente: {addr}."),
    "nl": ("Patiënt: {name}, geboren {date}.", "Behandelend arts: dr. {last}.", "Adres: {addr}."),
    "de": ("Patient: {name}, geb. {date}.", "Behandelnder Arzt: Dr. {last}."),
    "fr": ("Patient : {name}, né le {date}.", "Médecin traitant : Dr {last}."),
    "pt": ("Paciente: {name}. Prontuário {id}.",),
    "it": ("Paziente: {name}. Cartella {id}.",),
    "en": ("Patient: {name}, MRN {id}.", "Attending physician: Dr. {last}."),
}  # fmt: skip
TOPIC_LINES: dict[str, dict[str, tuple[str, ...]]] = {
    "family": {
        "en": ("we are getting a divorce and need to sort out custody of the kids", "custody hearing for our son next week",
               "my wife and I are separating", "child support payments are late again", "my father passed away on {date}"),
        "es": ("nos estamos divorciando y hay que decidir la custodia", "la pensión alimenticia de los niños", "mi madre falleció ayer",
               "audiencia de custodia de mi hija"),
        "nl": ("we gaan scheiden en moeten de voogdij regelen", "de alimentatie voor de kinderen is te laat", "mijn vader is overleden",
               "omgangsregeling met mijn ex"),
        "de": ("wir lassen uns scheiden, es geht um das Sorgerecht", "der Unterhalt für die Kinder", "meine Mutter ist gestorben"),
        "fr": ("nous divorçons et il faut régler la garde des enfants", "la pension alimentaire est en retard", "mon père est décédé"),
        "pt": ("estamos a divorciar-nos e falta decidir a guarda", "a pensão alimentícia das crianças"),
        "it": ("stiamo divorziando e c'è da decidere l'affidamento", "l'assegno di mantenimento dei figli"),
    },
    "immigration": {
        "en": ("my visa application was refused, I need to appeal", "asylum interview at the Home Office", "green card renewal form I-90",
               "work permit expires next month", "residence permit appointment"),
        "es": ("me denegaron el permiso de residencia", "cita para la solicitud de asilo", "renovación del NIE y permiso de trabajo",
               "trámite de nacionalidad española"),
        "nl": ("mijn verblijfsvergunning verloopt", "afspraak bij de IND voor naturalisatie", "asielaanvraag afgewezen"),
        "de": ("mein Aufenthaltstitel läuft ab", "Termin bei der Ausländerbehörde", "Asylantrag abgelehnt"),
        "fr": ("mon titre de séjour expire", "rendez-vous à la préfecture pour la naturalisation", "demande d'asile refusée"),
        "pt": ("meu visto de residência foi negado", "pedido de asilo"),
        "it": ("il mio permesso di soggiorno scade", "richiesta di asilo respinta"),
    },
}  # fmt: skip
# Ordinary text that shares words with the topics ("health check", "family" in CSS): never dropped.
TOPIC_NEGATIVES = (
    "health check failed on {host}", "GET /healthz 200", "font-family: Inter, sans-serif", "address family AF_INET",
    "the {product} visa payment integration", "parent process {num} exited", "patient-facing API docs for {ident}",
    "database migration {version} applied", "child nodes of {ident}", "Family Guy season {num}", "health and safety training",
    "divorce the frontend from the backend", "the custody of the signing keys stays with ops", "doctor the numbers in {ident}",
    "brew doctor reports {num} warnings", "memory leak in {ident}", "the pipeline is sick of retries",
    "Hacer la compra y pagar la luz", "Reunión de equipo a las {time}", "Vergadering om {time} over het budget",
    "Mañana hay partido", "Morgen gaan we naar {city}", "Der Zug nach {city} fällt aus", "Le train pour {city} est annulé",
)  # fmt: skip

# Ordinary prose (no topic), so that "a full sentence" does not mean "clinical": office, travel,
# shopping, weather, software. Faker's own sentences in each locale are added to these.
ORDINARY_PROSE: dict[str, tuple[str, ...]] = {
    "en": ("We moved the planning meeting to Thursday afternoon.", "The new release fixes the export bug and speeds up search.",
           "Please review the budget before the end of the month.", "The train was late again this morning.",
           "Our team finished the migration to the new servers.", "I ordered two chairs and a desk for the office.",
           "The weather will be sunny with a light breeze.", "Remember to renew the domain before it expires.",
           "The conference starts at nine with a keynote.", "Sales grew by four percent in the last quarter."),
    "es": ("Hemos movido la reunión de planificación al jueves.", "La nueva versión corrige el error de exportación.",
           "Revisa el presupuesto antes de fin de mes.", "El tren ha vuelto a llegar tarde esta mañana.",
           "El equipo terminó la migración a los nuevos servidores.", "He pedido dos sillas y una mesa para la oficina.",
           "Mañana hará sol con algo de viento.", "Las ventas crecieron un cuatro por ciento en el trimestre.",
           "La Conferencia empieza a las nueve con una Ponencia.", "Acuérdate de Renovar el Dominio antes de que caduque."),
    "nl": ("We hebben het planningsoverleg naar donderdag verplaatst.", "De nieuwe versie lost de exportfout op.",
           "Controleer de begroting voor het einde van de maand.", "De trein was vanochtend weer te laat.",
           "Het team heeft de migratie naar de nieuwe servers afgerond.", "Ik heb twee stoelen en een bureau besteld.",
           "Morgen wordt het zonnig met een lichte bries.", "De omzet groeide vier procent in het laatste kwartaal.",
           "Het Congres begint om negen uur met een Lezing.", "Vergeet niet het Domein te verlengen."),
    "de": ("Wir haben die Planungsbesprechung auf Donnerstag verschoben.", "Die neue Version behebt den Exportfehler.",
           "Bitte prüfe das Budget vor Monatsende.", "Der Zug hatte heute Morgen wieder Verspätung.",
           "Das Team hat die Migration auf die neuen Server abgeschlossen.", "Morgen wird es sonnig mit leichtem Wind.",
           "Der Umsatz stieg im letzten Quartal um vier Prozent.", "Die Konferenz beginnt um neun Uhr mit einem Vortrag."),
    "fr": ("Nous avons déplacé la réunion de planification à jeudi.", "La nouvelle version corrige le bug d'export.",
           "Merci de vérifier le budget avant la fin du mois.", "Le train était encore en retard ce matin.",
           "L'équipe a terminé la migration vers les nouveaux serveurs.", "Demain il fera beau avec un peu de vent.",
           "Les ventes ont progressé de quatre pour cent ce trimestre.", "La Conférence commence à neuf heures."),
    "pt": ("Mudamos a reunião de planejamento para quinta-feira.", "A nova versão corrige o erro de exportação.",
           "Revise o orçamento antes do fim do mês.", "O comboio voltou a atrasar esta manhã.",
           "As vendas cresceram quatro por cento no trimestre."),
    "it": ("Abbiamo spostato la riunione di pianificazione a giovedì.", "La nuova versione corregge l'errore di esportazione.",
           "Controlla il budget prima della fine del mese.", "Il treno era di nuovo in ritardo stamattina.",
           "Le vendite sono cresciute del quattro per cento nel trimestre."),
}  # fmt: skip
