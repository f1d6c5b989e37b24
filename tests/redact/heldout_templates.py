# ruff: noqa: E501  (template tables: one template per line reads better than wrapped ones)
"""Held-out templates: written apart from the training templates (src/demotrace/redact/train/
templates.py), with other sentence frames, other field labels and other layouts. The slot fillers
(Faker locales, token shapes) are shared: the held-out text is new, the name lists are not.
`build_heldout.py` turns them into tests/redact/data/heldout/*.json.
"""

from __future__ import annotations

LANGS = ("en", "es", "nl", "de", "fr", "it")

# kind → language → templates with private spans
PRIVATE: dict[str, dict[str, list[str]]] = {
    "titles": {
        "en": ["Re: offer letter for {name} - Outlook", "{last}, {first} - Contact card", "Profile of {first} {last} · Wellfound",
               "Tenant portal — {street} — balance due", "Support case {id} ({first} {last})", "Invoice for account {id} - QuickBooks",
               "{handle} on Mastodon", "Credentials - {token} - Vault UI", "Video call: {first} and {first}", "Deliveries to {addr}"],
        "es": ["Conversación con {name} - Telegram", "Expediente {id} de {name}", "Ficha de cliente {id} — CRM", "Envío a {addr}",
               "Perfil de {first} {last}", "Re: contrato de {name} - Correo"],
        "nl": ["Gesprek met {name} - Teams", "Dossier {id} - {name}", "Klantkaart {id} — CRM", "Bezorgadres {addr}",
               "Profiel van {first} {last}", "Re: offerte voor {name} - Outlook", "Postadres {pobox} - Contacten"],
        "de": ["Chat mit {name} - Teams", "Akte {id} - {name}", "Kundenkonto {id} — CRM", "Lieferung an {addr}", "Profil von {first} {last}"],
        "fr": ["Discussion avec {name} - Teams", "Dossier {id} - {name}", "Fiche client {id} — CRM", "Livraison au {addr}",
               "Profil de {first} {last}"],
        "it": ["Chat con {name} - Teams", "Pratica {id} - {name}", "Scheda cliente {id} — CRM", "Consegna a {addr}", "Profilo di {first} {last}"],
    },
    "chat": {
        "en": ["could you loop in {first} {last} on this thread?", "{first} just moved to {addr}, update the CRM",
               "fyi {name} is out today", "my login is {user} if you need it", "the staging db pass is {pw} don't share",
               "talked to {first} about the {product} rollout", "reach me at {phone} or ping {handle}"],
        "es": ["¿puedes añadir a {first} {last} al hilo?", "{first} se ha mudado a {addr}", "{name} está de baja hoy",
               "mi usuario es {user}", "la clave del servidor es {pw}, no la compartas", "escríbeme al {phone}"],
        "nl": ["kun je {first} {last} toevoegen aan de thread?", "{first} is verhuisd naar {addr}", "{name} is vandaag ziek gemeld",
               "mijn gebruikersnaam is {user}", "het wachtwoord van de server is {pw}", "bel me op {phone}",
               "stuur de stukken naar {pobox}", "dr. {last} heeft de uitslag"],
        "de": ["kannst du {first} {last} dazunehmen?", "{first} ist nach {addr} umgezogen", "{name} ist heute krank",
               "mein Login ist {user}", "das Serverpasswort ist {pw}"],
        "fr": ["tu peux ajouter {first} {last} au fil ?", "{first} a déménagé au {addr}", "{name} est absent aujourd'hui",
               "mon identifiant est {user}", "le mot de passe du serveur est {pw}"],
        "it": ["puoi aggiungere {first} {last} alla chat?", "{first} si è trasferito in {addr}", "{name} oggi è assente",
               "il mio utente è {user}", "la password del server è {pw}"],
    },
    "forms": {
        "en": ["Full name | {name}\nStreet | {street}\nE-mail | {email}", "Account holder: {name}; account ref {id}",
               "Contact person - {first} {last}, tel. {phone}", "Login ID: {user}\nSecret answer: {pw}", "Mailing address — {addr}"],
        "es": ["Nombre y apellidos | {name}\nCalle | {street}", "Titular de la cuenta: {name}; referencia {id}",
               "Persona de contacto - {first} {last}, tel. {phone}", "Dirección postal — {addr}", "Cuenta bancaria: {iban}"],
        "nl": ["Voor- en achternaam | {name}\nStraat | {street}", "Rekeninghouder: {name}; kenmerk {id}",
               "Contactpersoon - {first} {last}, tel. {phone}", "Correspondentieadres — {addr}", "Rekeningnummer: {iban}",
               "Postadres — {pobox}"],
        "de": ["Vor- und Nachname | {name}\nStraße | {street}", "Kontoinhaber: {name}; Referenz {id}", "Ansprechpartner - {first} {last}",
               "Postanschrift — {addr}", "IBAN: {iban}"],
        "fr": ["Nom et prénom | {name}\nRue | {street}", "Titulaire du compte : {name} ; référence {id}",
               "Personne à contacter - {first} {last}", "Adresse de correspondance — {addr}", "IBAN : {iban}"],
        "it": ["Nome e cognome | {name}\nVia | {street}", "Intestatario: {name}; riferimento {id}", "Referente - {first} {last}",
               "Indirizzo di recapito — {addr}", "IBAN: {iban}"],
    },
    "code": {
        "xx": ["STRIPE_SECRET={token}", "db_pass: \"{pw}\"", "REDIS_URL=redis://default:{pw}@{host}:6379/0",
               "token: {token}  # deploy bot", "git remote set-url origin https://{user}:{token}@gitlab.com/{user}/{ident}.git",
               "mongo mongodb://{user}:{pw}@{host}/admin", "ENV GITHUB_TOKEN={token}", "\"password\": \"{pw}\",",
               "curl -u {user}:{pw} https://{host}/api", "HF_TOKEN={token} python train.py", "openai.api_key = \"{token}\"",
               "  - name: PGPASSWORD\n    value: {pw}", "ftp://{user}:{pw}@{host}/upload", "ssh -i ~/.ssh/id_ed25519 {user}@{host}"],
    },
    "letters": {
        "en": ["To {name}, {addr}.\nWe write about your claim {id}.", "Our client, {name}, of {addr}, instructs us as follows.",
               "Discharge summary for {name} (hospital no. {id}).", "Dr. {last} saw the patient on {date}."],
        "es": ["A la atención de {name}, {addr}.", "Nuestro representado, {name}, con domicilio en {addr}, manifiesta lo siguiente.",
               "Informe de alta de {name} (historia {id}).", "Valorado por el Dr. {last} el {date}.",
               "Acompañado de su hija {first}, acude a consulta."],
        "nl": ["Aan {name}, {addr}.", "Onze cliënt, {name}, wonende aan {addr}, deelt het volgende mee.",
               "Ontslagbrief van {name} (patiëntnummer {id}).", "Gezien door dr. {last} op {date}.", "Retouradres: {pobox}."],
        "de": ["An {name}, {addr}.", "Unser Mandant, {name}, wohnhaft in {addr}, teilt Folgendes mit.", "Entlassungsbrief für {name} (Fall {id})."],
        "fr": ["À l'attention de {name}, {addr}.", "Notre client, {name}, domicilié au {addr}, déclare ce qui suit.",
               "Compte rendu de sortie de {name} (dossier {id})."],
        "it": ["Alla c.a. di {name}, {addr}.", "Il nostro assistito, {name}, residente in {addr}, dichiara quanto segue.",
               "Lettera di dimissione di {name} (cartella {id})."],
    },
}  # fmt: skip

# kind → language → harmless items (nothing private): precision and "touched" checks.
CLEAN: dict[str, dict[str, list[str]]] = {
    "titles": {
        "en": ["Quarterly roadmap - Google Slides", "Pull requests · {ident}", "{product} - Settings", "Release notes {version}",
               "Sprint board - {ticket}", "Build #{num} passed - Jenkins", "New Tab", "Downloads", "{city} weather forecast",
               "Mark Twain quotes - Wikipedia", "Grant writing tips - Medium", "Will Smith filmography - Wikipedia"],
        "es": ["Presupuesto anual - Hojas de cálculo", "Configuración - {product}", "Tiempo en {city}", "Nueva pestaña"],
        "nl": ["Jaarplanning - Spreadsheets", "Instellingen - {product}", "Weer in {city}", "Nieuw tabblad"],
        "de": ["Jahresplanung - Tabellen", "Einstellungen - {product}", "Wetter in {city}"],
        "fr": ["Planning annuel - Feuilles de calcul", "Paramètres - {product}", "Météo à {city}"],
        "it": ["Pianificazione annuale - Fogli", "Impostazioni - {product}", "Meteo a {city}"],
    },
    "chat": {
        "en": ["ship it after the standup", "the {product} outage is resolved", "can we move the retro to {time}?"],
        "es": ["Mañana cerramos el sprint", "Perfecto, lo reviso Luego", "La reunión pasa a las {time}"],
        "nl": ["Morgen sluiten we de sprint af", "Prima, ik kijk er Straks naar", "De vergadering is om {time}"],
        "de": ["Morgen schließen wir den Sprint ab", "Passt, ich schaue es mir Später an"],
        "fr": ["Demain on clôture le sprint", "Parfait, je regarde Ça plus tard"],
        "it": ["Domani chiudiamo lo sprint", "Perfetto, ci guardo Dopo"],
    },
    "code": {
        "xx": ["git checkout {commit}", "image: {ident}:{version}", "request_id = \"{uuid}\"", "def {ident}(self) -> None:",
               "retries: {num}", "npm install {ident}@{version}", "password_min_length = 12", "token_ttl_seconds = 3600",
               "if not user.password_hash: raise AuthError()", "export PATH=$HOME/.local/bin:$PATH",
               "sha256 = \"{commit}{commit}\"", "kubectl get pods -n {ident}", "SECRET_KEY = os.environ[\"SECRET_KEY\"]",
               "password: ${{DB_PASSWORD}}", "api_key = config.get(\"api_key\")"],
    },
}  # fmt: skip

# Topic sets: clinical lines (health) per language, written apart from the training lines.
HEALTH: dict[str, list[str]] = {
    "en": ["Follow-up in the diabetes clinic, HbA1c 8.1 %.", "MRI of the lumbar spine shows a disc herniation at L4-L5.",
           "She was started on sertraline for depression.", "Post-operative wound infection treated with antibiotics.",
           "Blood pressure 165/95, amlodipine increased."],
    "es": ["Control en la Unidad de Diabetes, HbA1c 8,1 %.", "Resonancia lumbar con hernia discal L4-L5.",
           "Se inicia Sertralina por cuadro depresivo.", "Infección de Herida Quirúrgica tratada con antibióticos.",
           "Tensión Arterial 165/95, se aumenta Amlodipino.", "Exploración: abdomen blando y depresible, no doloroso."],
    "nl": ["Controle op de diabetespoli, HbA1c 8,1 %.", "MRI lumbale wervelkolom toont een hernia L4-L5.",
           "Gestart met sertraline vanwege depressie.", "Wondinfectie na de operatie, behandeld met antibiotica.",
           "Bloeddruk 165/95, amlodipine verhoogd."],
    "de": ["Kontrolle in der Diabetesambulanz, HbA1c 8,1 %.", "MRT der LWS zeigt einen Bandscheibenvorfall L4/L5.",
           "Beginn mit Sertralin wegen Depression.", "Wundinfektion nach der Operation, Antibiose."],
    "fr": ["Suivi en diabétologie, HbA1c 8,1 %.", "IRM lombaire : hernie discale L4-L5.", "Introduction de sertraline pour dépression.",
           "Infection de la plaie opératoire traitée par antibiotiques."],
    "it": ["Controllo in diabetologia, HbA1c 8,1 %.", "RM lombare: ernia discale L4-L5.", "Iniziata sertralina per depressione.",
           "Infezione della ferita chirurgica trattata con antibiotici."],
}  # fmt: skip
ORDINARY: dict[str, list[str]] = {
    "en": ["The quarterly report is due on Friday.", "Deploy the {ident} service after review.", "Lunch menu: pasta and salad.",
           "Health check for {host} is green.", "The family plan costs more per month."],
    "es": ["El informe trimestral se entrega el viernes.", "Menú del día: sopa y pescado.", "Actualiza la Hoja de Cálculo del equipo."],
    "nl": ["Het kwartaalrapport moet vrijdag af.", "Menu van de dag: soep en vis.", "Werk de Planning van het team bij."],
    "de": ["Der Quartalsbericht ist am Freitag fällig.", "Tagesmenü: Suppe und Fisch."],
    "fr": ["Le rapport trimestriel est dû vendredi.", "Menu du jour : soupe et poisson."],
    "it": ["Il report trimestrale scade venerdì.", "Menù del giorno: zuppa e pesce."],
}  # fmt: skip

# Typed segments (issue 11, eleventh pass): what a recorder hands the engine when text is typed
# alone into a field or a terminal, with no words around it: a recipient, an address, a short
# message. The model must catch what is private without the context the other kinds give, and
# leave alone the short codes, words with digits, commands and queries people type all day
# (a 32-channel tagger read "w0x" as a secret and "42" as an address). Kept apart from `PRIVATE`
# and `CLEAN` so that `build()` draws the other sets as before (`build_typed`, its own seed).
TYPED_PRIVATE: dict[str, list[str]] = {
    "en": ["{first} {last}", "{name}", "{addr}", "thanks {first}!", "ping {handle}", "{email}", "call {first} on {phone}",
           "{last}, {first}", "cc {name}"],
    "es": ["{first} {last}", "{name}", "{addr}", "gracias {first}!", "{email}", "llama a {first} al {phone}", "{last}, {first}"],
    "nl": ["{first} {last}", "{name}", "{addr}", "bedankt {first}!", "{pobox}", "bel {first} op {phone}", "{last}, {first}"],
    "de": ["{first} {last}", "{name}", "{addr}", "danke {first}!", "{email}", "ruf {first} an: {phone}", "{last}, {first}"],
    "fr": ["{first} {last}", "{name}", "{addr}", "merci {first} !", "{email}", "appelle {first} au {phone}", "{last}, {first}"],
    "it": ["{first} {last}", "{name}", "{addr}", "grazie {first}!", "{email}", "chiama {first} al {phone}", "{last}, {first}"],
}  # fmt: skip
TYPED_CLEAN: dict[str, list[str]] = {
    "en": ["w3x", "Mixed CASE 42!", "hello world", "ok", "42", "3.14", "Q3 report", "ls -la", "git status", "v2.1.0",
           "abc123", "page 12", "npm run build", "x86_64", "Windows 11", "iPhone 15 case", "1080p", "see you at 3pm",
           "SELECT * FROM orders;", "cd ~/src/{ident}", "{product} pricing", "thanks!", "lgtm", "k8s", "a1b2c3", "B2B leads",
           "room 204", "order #{num}", "ticket {ticket}", "{city} weather"],
    "es": ["hola", "gracias!", "informe Q3", "receta de paella", "nos vemos a las 15:00", "versión 2.1", "página 12", "tiempo en {city}",
           "vale", "mañana"],
    "nl": ["hoi", "bedankt!", "rapport Q3", "recept erwtensoep", "tot 15:00", "versie 2.1", "pagina 12", "weer in {city}", "prima",
           "morgen"],
    "de": ["hallo", "danke!", "Bericht Q3", "Rezept Apfelstrudel", "bis 15 Uhr", "Version 2.1", "Seite 12", "Wetter {city}", "passt",
           "morgen"],
    "fr": ["salut", "merci !", "rapport T3", "recette de crêpes", "à 15h", "version 2.1", "page 12", "météo {city}", "d'accord",
           "demain"],
    "it": ["ciao", "grazie!", "report Q3", "ricetta carbonara", "alle 15", "versione 2.1", "pagina 12", "meteo {city}", "va bene",
           "domani"],
}  # fmt: skip


# Clinical report lines as hospital letters write them: diagnoses, services, tests and drugs in
# title case, lab values with units, beside the patient's and doctor's names, addresses and record
# numbers (issue 11: the name rule fired on ordinary Spanish words of clinical reports). Written
# for this set after the training templates, which have no such lines; kept apart from `PRIVATE`
# and `CLEAN` (`build_clinical`, its own seed) so that the other sets stay as they were.
CLINICAL_PRIVATE: dict[str, list[str]] = {
    "en": ["Discharge Summary: {name} was admitted with Community Acquired Pneumonia.", "Referred by Dr. {last}, Department of General Surgery.",
           "Patient: {first} {last}, MRN {id}. Diagnosis: Acute Appendicitis.", "Home address: {addr}. Next of kin: {name}.",
           "Seen in the Cardiology Clinic by Dr. {first} {last} for Atrial Fibrillation.", "Haemoglobin 10.9 g/dL, White Cell Count 13.2; reviewed by {name}."],
    "es": ["Informe de Alta: {name} ingresa por Insuficiencia Cardíaca Descompensada.", "Remitido por el Dr. {last} desde el Servicio de Cirugía General.",
           "Paciente: {first} {last}, NHC {id}. Juicio Clínico: Apendicitis Aguda.", "Domicilio: {addr}. Persona de contacto: {name}.",
           "Valorada en Consultas Externas de Cardiología por la Dra. {first} {last}.", "Hemoglobina 10,9 g/dL, Leucocitos 13.200/µL; revisado por {name}."],
    "nl": ["Ontslagbrief: {name} werd opgenomen met een Community Acquired Pneumonie.", "Verwezen door dr. {last}, afdeling Heelkunde.",
           "Patiënt: {first} {last}, patiëntnummer {id}. Diagnose: Acute Appendicitis.", "Adres: {addr}. Contactpersoon: {name}.",
           "Gezien op de Polikliniek Cardiologie door dr. {first} {last} wegens Atriumfibrilleren.", "Hemoglobine 6,8 mmol/l, Leukocyten 13,2; beoordeeld door {name}."],
    "de": ["Entlassungsbrief: {name} wurde mit Ambulant Erworbener Pneumonie aufgenommen.", "Überwiesen von Dr. {last}, Klinik für Allgemeinchirurgie.",
           "Patient: {first} {last}, Fallnummer {id}. Diagnose: Akute Appendizitis.", "Anschrift: {addr}. Angehörige: {name}.",
           "Vorstellung in der Kardiologischen Ambulanz bei Dr. {first} {last} wegen Vorhofflimmern.", "Hämoglobin 10,9 g/dl, Leukozyten 13,2/nl; befundet von {name}."],
    "fr": ["Compte rendu d'hospitalisation : {name} admis pour Pneumopathie Communautaire.", "Adressé par le Dr {last}, service de Chirurgie Viscérale.",
           "Patient : {first} {last}, IPP {id}. Diagnostic : Appendicite Aiguë.", "Adresse : {addr}. Personne à prévenir : {name}.",
           "Vu en Consultation de Cardiologie par le Dr {first} {last} pour Fibrillation Atriale.", "Hémoglobine 10,9 g/dL, Leucocytes 13 200/mm3 ; validé par {name}."],
    "it": ["Lettera di dimissione: {name} ricoverato per Polmonite Acquisita in Comunità.", "Inviato dal Dott. {last}, reparto di Chirurgia Generale.",
           "Paziente: {first} {last}, cartella {id}. Diagnosi: Appendicite Acuta.", "Indirizzo: {addr}. Persona di riferimento: {name}.",
           "Visitato in Ambulatorio di Cardiologia dal Dott. {first} {last} per Fibrillazione Atriale.", "Emoglobina 10,9 g/dL, Globuli Bianchi 13.200/mm3; refertato da {name}."],
}  # fmt: skip
CLINICAL_CLEAN: dict[str, list[str]] = {
    "en": ["Past Medical History: Type 2 Diabetes Mellitus, Chronic Kidney Disease Stage 3.", "CT Abdomen: no Free Fluid, no Lymphadenopathy.",
           "Plan: Co-Amoxiclav 625 mg three times daily for 7 days, review in Respiratory Clinic.", "Creatinine 142 µmol/L, eGFR 41, Potassium 5.1 mmol/L."],
    "es": ["Antecedentes Personales: Hipertensión Arterial, Diabetes Mellitus tipo 2, Dislipemia.", "Se realiza Resonancia Magnética sin hallazgos de Enfermedad Metastásica.",
           "Tratamiento: Amoxicilina/Ácido Clavulánico 875/125 mg cada 8 horas durante 7 días.", "Evolución favorable, control en Consultas Externas de Neumología."],
    "nl": ["Voorgeschiedenis: Diabetes Mellitus type 2, Chronische Nierschade, Hypertensie.", "CT Abdomen toont geen Vrij Vocht en geen Lymfadenopathie.",
           "Beleid: Amoxicilline/Clavulaanzuur 500/125 mg driemaal daags gedurende 7 dagen.", "Kreatinine 142 µmol/l, Kalium 5,1 mmol/l, CRP 86 mg/l."],
    "de": ["Vorerkrankungen: Arterielle Hypertonie, Diabetes Mellitus Typ 2, Chronische Niereninsuffizienz.", "CT Abdomen: kein Freies Fließendes Wasser, keine Lymphadenopathie.",
           "Therapie: Amoxicillin/Clavulansäure 875/125 mg dreimal täglich für 7 Tage.", "Kreatinin 1,6 mg/dl, Kalium 5,1 mmol/l, CRP 86 mg/l."],
    "fr": ["Antécédents : Hypertension Artérielle, Diabète de Type 2, Insuffisance Rénale Chronique.", "Scanner Abdominal : pas d'Épanchement, pas d'Adénopathie.",
           "Traitement : Amoxicilline/Acide Clavulanique 1 g trois fois par jour pendant 7 jours.", "Créatinine 142 µmol/L, Kaliémie 5,1 mmol/L, CRP 86 mg/L."],
    "it": ["Anamnesi Patologica Remota: Ipertensione Arteriosa, Diabete Mellito di Tipo 2.", "TC Addome: assenza di Versamento Libero e di Linfoadenopatie.",
           "Terapia: Amoxicillina/Acido Clavulanico 875/125 mg ogni 8 ore per 7 giorni.", "Creatinina 1,6 mg/dL, Potassio 5,1 mmol/L, PCR 86 mg/L."],
}  # fmt: skip
