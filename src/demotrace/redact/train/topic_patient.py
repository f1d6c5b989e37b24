# ruff: noqa: E501  (vocabulary tables: one language per block reads better wrapped by hand)
"""A patient's own words, per language, for the topic classifier's "health" data, and a team's
work chat in the same languages as its negatives (`topic_data.patient_line`, `work_line`).

The clinical frames (`topic_health`, `topic_registers`, `topic_world`) read as notes and reports;
people write about their health otherwise: "Estou grávida de 12 semanas", "ho fatto il vaccino
ieri", "mijn dokter heeft me doorverwezen naar een cardioloog". A blind batch of such lines (issue 11,
sixteenth pass) found 4 of 20 kept, most of them such messages. Each language here has its own
patient words (`pw`: pregnancy, vaccination, referral, blood pressure, therapy, sick leave) and
frames that join them with the clinical lists' `<sym>`, `<dx>`, `<proc>`, `<dept>` picks
(`topic_data.REGISTER_VOCAB`). The work chat shares a chat's shape and none of its words: bugs,
releases, invoices, meetings ("Ik heb de bug in de betaalmodule opgelost" was dropped as
health). Written from everyday language, not from any held-out set.
"""

from __future__ import annotations

PATIENT: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "pw": ("I'm 12 weeks pregnant", "I had my booster jab yesterday", "my blood pressure is high again", "the specialist referred me",
               "I've been signed off sick", "my therapist", "the midwife", "my inhaler", "my antidepressants", "the cardiologist",
               "my stitches", "the physio", "my insulin", "morning sickness", "a high temperature"),
        "frames": ("<pw>, so I'll miss the meeting", "Had <proc> today, waiting for the results", "<pw> and I still have <sym>",
                   "Can't sleep, <sym> all night", "The doctor says it might be <dx>", "Seeing <pw> on <day> about <sym>",
                   "Got my results back: <dx>", "Off work this week, <pw>"),
    },
    "es": {
        "pw": ("estoy embarazada de 12 semanas", "ayer me pusieron la vacuna", "tengo la tensión alta otra vez", "el especialista me ha derivado",
               "estoy de baja médica", "mi psicóloga", "la matrona", "el inhalador", "los antidepresivos", "el cardiólogo", "los puntos",
               "el fisioterapeuta", "la insulina", "náuseas por las mañanas", "fiebre alta"),
        "frames": ("<pw>, no podré ir a la reunión", "Hoy me han hecho <proc>, espero los resultados", "<pw> y sigo con <sym>",
                   "No he dormido nada, <sym> toda la noche", "El médico dice que puede ser <dx>", "Voy a <pw> el <day> por <sym>",
                   "Me han dado los resultados: <dx>", "Esta semana no trabajo, <pw>"),
    },
    "nl": {
        "pw": ("ik ben 12 weken zwanger", "ik heb gisteren mijn vaccinatie gehad", "mijn bloeddruk is weer te hoog",
               "de huisarts heeft me doorverwezen", "ik ben ziek gemeld", "mijn psycholoog", "de verloskundige", "mijn puffer",
               "mijn antidepressiva", "de cardioloog", "mijn hechtingen", "de fysiotherapeut", "mijn insuline", "ochtendmisselijkheid",
               "hoge koorts", "mijn hartritme"),
        "frames": ("<pw>, dus ik mis het overleg", "Vandaag <proc> gehad, wacht op de uitslag", "<pw> en ik heb nog steeds <sym>",
                   "Slecht geslapen, de hele nacht <sym>", "De dokter denkt dat het <dx> is", "Ik moet <day> naar <pw> voor <sym>",
                   "Uitslag binnen: <dx>", "Deze week niet op het werk, <pw>"),
    },
    "de": {
        "pw": ("ich bin in der 12. Woche schwanger", "ich habe gestern die Impfung bekommen", "mein Blutdruck ist wieder zu hoch",
               "der Hausarzt hat mich überwiesen", "ich bin krankgeschrieben", "meine Therapeutin", "die Hebamme", "mein Asthmaspray",
               "meine Antidepressiva", "der Kardiologe", "die Fäden", "die Physiotherapie", "mein Insulin", "Morgenübelkeit", "hohes Fieber"),
        "frames": ("<pw>, ich schaffe das Meeting nicht", "Heute <proc> gehabt, warte auf die Befunde", "<pw> und habe immer noch <sym>",
                   "Kaum geschlafen, die ganze Nacht <sym>", "Der Arzt meint, es könnte <dx> sein", "Ich muss am <day> zu <pw> wegen <sym>",
                   "Befund ist da: <dx>", "Diese Woche nicht im Büro, <pw>"),
    },
    "fr": {
        "pw": ("je suis enceinte de 12 semaines", "j'ai fait mon rappel de vaccin hier", "ma tension est encore trop haute",
               "mon médecin m'a adressé à un spécialiste", "je suis en arrêt maladie", "ma psy", "la sage-femme", "mon inhalateur",
               "mes antidépresseurs", "le cardiologue", "mes points de suture", "le kiné", "mon insuline", "des nausées le matin",
               "une forte fièvre"),
        "frames": ("<pw>, je ne pourrai pas venir à la réunion", "J'ai eu <proc> aujourd'hui, j'attends les résultats",
                   "<pw> et j'ai toujours <sym>", "Pas dormi, <sym> toute la nuit", "Le médecin pense que c'est <dx>",
                   "Je vois <pw> <day> pour <sym>", "Résultats reçus : <dx>", "Absent cette semaine, <pw>"),
    },
    "it": {
        "pw": ("sono incinta di 12 settimane", "ieri ho fatto il vaccino", "ho di nuovo la pressione alta", "il medico mi ha mandato dallo specialista",
               "sono in malattia", "la mia psicologa", "l'ostetrica", "l'inalatore", "gli antidepressivi", "il cardiologo", "i punti",
               "il fisioterapista", "l'insulina", "nausea mattutina", "la febbre alta"),
        "frames": ("<pw>, salto la riunione", "Oggi ho fatto <proc>, aspetto i risultati", "<pw> e ho ancora <sym>",
                   "Non ho dormito, <sym> tutta la notte", "Il medico dice che potrebbe essere <dx>", "<day> vado da <pw> per <sym>",
                   "Sono arrivati i risultati: <dx>", "Questa settimana non lavoro, <pw>"),
    },
    "pt": {
        "pw": ("estou grávida de 12 semanas", "ontem tomei a vacina", "a minha tensão está alta outra vez", "o médico de família encaminhou-me",
               "estou de baixa médica", "a minha psicóloga", "a parteira", "a bomba da asma", "os antidepressivos", "o cardiologista",
               "os pontos", "o fisioterapeuta", "a insulina", "enjoos de manhã", "febre alta"),
        "frames": ("<pw>, não vou à reunião", "Hoje fiz <proc>, estou à espera dos resultados", "<pw> e ainda tenho <sym>",
                   "Não dormi nada, <sym> a noite toda", "O médico acha que pode ser <dx>", "Vou a <pw> na <day> por causa de <sym>",
                   "Saíram os resultados: <dx>", "Esta semana não trabalho, <pw>"),
    },
    "pl": {
        "pw": ("jestem w 12. tygodniu ciąży", "wczoraj dostałam szczepionkę", "znowu mam wysokie ciśnienie", "lekarz dał mi skierowanie",
               "jestem na zwolnieniu lekarskim", "moja terapeutka", "położna", "inhalator", "leki przeciwdepresyjne", "kardiolog", "szwy",
               "fizjoterapeuta", "insulina", "poranne mdłości", "wysoka gorączka"),
        "frames": ("<pw>, nie będzie mnie na spotkaniu", "Dziś miałem <proc>, czekam na wyniki", "<pw> i nadal mam <sym>",
                   "Nie spałem, całą noc <sym>", "Lekarz mówi, że to może być <dx>", "W <day> idę do <pw> z powodu <sym>",
                   "Przyszły wyniki: <dx>", "W tym tygodniu nie pracuję, <pw>"),
    },
}  # fmt: skip

# a team's chat in the same languages: the shape of a message, no word of health; the canteen's
# menu too ("soup" is a sick day's word as well)
WORK: dict[str, tuple[str, ...]] = {
    "en": ("I fixed the bug in the payment module", "the deploy to staging failed again", "can you review my pull request before <day>",
           "the invoice for <day> is in the shared folder", "the build is green again", "I'll be late for standup, train delayed",
           "the client wants the mockups by <day>", "who broke the login page?",
           "today in the canteen: soup and fish", "lunch menu: salad, pasta, apple pie", "the gym is closed on <day>"),
    "es": ("He arreglado el fallo del módulo de pagos", "el despliegue a staging ha vuelto a fallar", "¿puedes revisar mi pull request antes del <day>?",
           "la factura del <day> está en la carpeta compartida", "la build vuelve a estar en verde", "llego tarde a la daily, el tren va con retraso",
           "el cliente quiere los diseños para el <day>",
           "hoy en el comedor: sopa y pescado", "menú del día: ensalada, paella y flan", "el gimnasio cierra el <day>"),
    "nl": ("Ik heb de bug in de betaalmodule opgelost", "de deploy naar staging is weer mislukt", "kun je mijn pull request voor <day> reviewen?",
           "de factuur van <day> staat in de gedeelde map", "de build is weer groen", "ik ben later bij de standup, trein heeft vertraging",
           "de klant wil de ontwerpen voor <day>", "wie heeft de loginpagina kapotgemaakt?",
           "vandaag in de kantine: soep en vis", "lunchmenu: salade, pasta en appeltaart", "de sportschool is <day> dicht"),
    "de": ("Ich habe den Fehler im Zahlungsmodul behoben", "das Deployment auf Staging ist wieder fehlgeschlagen", "kannst du meinen Pull Request bis <day> reviewen?",
           "die Rechnung vom <day> liegt im gemeinsamen Ordner", "der Build ist wieder grün", "ich komme später zum Standup, Zug hat Verspätung",
           "der Kunde will die Entwürfe bis <day>",
           "heute in der Kantine: Suppe und Fisch", "Tagesmenü: Salat, Nudeln und Apfelkuchen", "das Fitnessstudio hat am <day> zu"),
    "fr": ("J'ai corrigé le bug du module de paiement", "le déploiement en préprod a encore échoué", "tu peux relire ma pull request avant <day> ?",
           "la facture de <day> est dans le dossier partagé", "le build est de nouveau vert", "j'arrive en retard au point d'équipe, train en retard",
           "le client veut les maquettes pour <day>",
           "aujourd'hui à la cantine : soupe et poisson", "menu du jour : salade, pâtes et tarte aux pommes", "la salle de sport est fermée <day>"),
    "it": ("Ho risolto il bug nel modulo dei pagamenti", "il deploy in staging è fallito di nuovo", "puoi rivedere la mia pull request entro <day>?",
           "la fattura di <day> è nella cartella condivisa", "la build è di nuovo verde", "arrivo tardi allo standup, il treno è in ritardo",
           "il cliente vuole i mockup per <day>",
           "oggi in mensa: zuppa e pesce", "menù del giorno: insalata, pasta e torta di mele", "la palestra è chiusa <day>"),
    "pt": ("Corrigi o bug no módulo de pagamentos", "o deploy para staging falhou outra vez", "podes rever o meu pull request até <day>?",
           "a fatura de <day> está na pasta partilhada", "a build voltou a ficar verde", "vou chegar atrasado ao standup, o comboio atrasou",
           "o cliente quer os mockups para <day>",
           "hoje na cantina: sopa e peixe", "menu do dia: salada, massa e tarte de maçã", "o ginásio fecha na <day>"),
    "pl": ("Naprawiłem błąd w module płatności", "wdrożenie na staging znowu się nie udało", "możesz przejrzeć mój pull request do <day>?",
           "faktura z <day> jest w folderze współdzielonym", "build znowu jest zielony", "spóźnię się na standup, pociąg ma opóźnienie",
           "klient chce makiety na <day>",
           "dziś w stołówce: zupa i ryba", "menu dnia: sałatka, makaron i szarlotka", "siłownia jest zamknięta w <day>"),
}  # fmt: skip

# a program's manual and help text, the register of most page text: keys, commands, options,
# headings in capitals, rows of a table of short tokens ("If that still doesn't work" is no
# patient's "I still have …"); written here as the kind, not copied from any manual
DOCS: dict[str, tuple[str, ...]] = {
    "en": ("Press <key> to save the file and go back to the list.", "To delete a line, type dd in normal mode.",
           "If that still doesn't work, check the settings under Preferences.", "USING THE COMMAND LINE",
           "CHANGING THE DEFAULT FONT", "Select the text you want to copy, then press <key>.", "This option is off by default.",
           "The following example shows how to split a window.", "See also the section on search patterns.",
           "Note: the changes take effect after a restart.", "\t<tok>\t\t<tok>\t<tok>", "<tok>  <tok>  <tok>    <tok>",
           "Move the cursor to the start of the next word.", "When the file can't be found, an error message is shown.",
           "You can undo the last change with <key>.", "Type the name of the file and press Enter.",
           "Use the arrow keys to move around in the text.", "There is a shortcut for this: <key>.",
           "IF THE SCREEN STAYS BLANK", "Remove the option if you don't want this behaviour.", "Go back to the previous position with <key>."),
    "es": ("Pulsa <key> para guardar el archivo y volver a la lista.", "Para borrar una línea, escribe dd en modo normal.",
           "Si sigue sin funcionar, revisa la configuración en Preferencias.", "USO DE LA LÍNEA DE COMANDOS",
           "Esta opción está desactivada por defecto.", "Consulta también la sección sobre patrones de búsqueda."),
    "nl": ("Druk op <key> om het bestand op te slaan.", "Werkt het nog steeds niet, controleer dan de instellingen.",
           "Deze optie staat standaard uit.", "DE OPDRACHTREGEL GEBRUIKEN", "Zie ook het gedeelte over zoekpatronen."),
    "de": ("Drücke <key>, um die Datei zu speichern.", "Wenn es immer noch nicht funktioniert, prüfe die Einstellungen.",
           "Diese Option ist standardmäßig deaktiviert.", "DIE BEFEHLSZEILE VERWENDEN", "Siehe auch den Abschnitt über Suchmuster."),
    "fr": ("Appuyez sur <key> pour enregistrer le fichier.", "Si cela ne fonctionne toujours pas, vérifiez les préférences.",
           "Cette option est désactivée par défaut.", "UTILISER LA LIGNE DE COMMANDE", "Voir aussi la section sur les motifs de recherche."),
    "it": ("Premi <key> per salvare il file.", "Se ancora non funziona, controlla le impostazioni.", "Questa opzione è disattivata per impostazione predefinita.",
           "USARE LA RIGA DI COMANDO"),
    "pt": ("Prima <key> para guardar o ficheiro.", "Se continuar sem funcionar, verifique as definições.", "Esta opção está desativada por omissão.",
           "USAR A LINHA DE COMANDOS"),
    "pl": ("Naciśnij <key>, aby zapisać plik.", "Jeśli nadal nie działa, sprawdź ustawienia.", "Ta opcja jest domyślnie wyłączona.",
           "KORZYSTANIE Z WIERSZA POLECEŃ"),
}  # fmt: skip
KEYS = ("Ctrl-S", "CTRL-O", "<Esc>", "Shift-Tab", "F5", "Alt-Enter", ":w", "u", "Ctrl-Z", "<Tab>")  # fmt: skip
TOKENS = (
    "a line",
    "line 2",
    "dd",
    "yy",
    "p",
    "w",
    "3w",
    "b",
    "e",
    "x",
    "fg",
    "bg",
    "on",
    "off",
    "Normal",
    "Insert",
    "-r",
    "--all",
)
