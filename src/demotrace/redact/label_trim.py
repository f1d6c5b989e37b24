"""A finding that ran on into the next field's label is cut before it.

On a form or a record read as one line ("First name: Daniel Last name: Whitmore Email: …",
"Dirección: Avenida de la Constitución 18, 41004 Sevilla Correo electrónico: …") a name or an
address rule, or the model, can take the next label's first word as the value's last one
("Whitmore Email", "Sevilla Correo"). Where a finding's last word is a form-label word of one of
the languages read, and that word with at most two more reaches a colon, the finding ends before
it: the label is the form's, not the person's. In a form (three labels or more), any capitalised last
word right before a colon is taken as the next field's label too ("Demir, Emre Afdeling:",
"Hofstede Personeelsnummer:"), in any language, unless the finding opens its line ("Wang Jie:" is a
chat's speaker). A greeting or a role word that a name rule took as a name's first word ("Beste
Anouk", "Dag Pieter", "Aangever Jan de Boer") is cut from its start. A file name's extension after a name
("Samuel Okafor.pdf") is cut the same way. A finding's end moves only by whole words that are
labels or extensions, its start only by a greeting or role word, so nothing that was masked
becomes a person's visible text unless it is such a word. Measured on a blind set of screen text
(docs/MODEL_CARD.md, twentieth pass).
"""

from __future__ import annotations

import itertools
import re

from ..schema import Finding
from .detectors._person_words import ADDRESS_FORMS
from .detectors.lexicon import FIRST, LAST, lexicon, word_set

# the first word of a field label, in the languages the rules read (lower case)
LABEL_WORDS = word_set(
    """
    name names first last given family surname email e-mail mail phone mobile tel telephone fax
    address street city state zip postcode postal country county date birth dob order shipping
    billing account customer patient policy ticket ref reference number no nr id iban bic swift
    ssn mrn user username login password company title gender sex age
    nombre apellidos apellido correo teléfono telefono móvil movil dirección direccion domicilio
    ciudad provincia código codigo fecha número numero dni nie nif nss usuario contraseña sexo edad
    naam voornaam achternaam tussenvoegsel geboortedatum adres postcode woonplaats plaats
    telefoonnummer telefoon e-mailadres emailadres mobiel bsn klantnummer gebruikersnaam wachtwoord
    vorname nachname geburtsdatum anschrift straße strasse plz ort telefon handy kundennummer
    benutzername passwort geschlecht
    prénom nom courriel téléphone adresse ville naissance identifiant
    cognome indirizzo città cap nascita telefono cellulare codice fiscale utente
    apelido morada localidade nascimento telemóvel telemovel utilizador senha
    imię imie nazwisko adres miasto urodzenia pesel nip telefon e-mail
    """
)
# words that open a letter before a name, which a name rule can take as the name's first word
# ("Beste Anouk,", "Dag Pieter,"): cut only where the name ends the salutation (a comma, "!", the
# line's end: "Dag Hammarskjöld was" is a name), lower case
GREETINGS = word_set(
    """
    dear hi hello hey dearest beste dag hoi hallo geachte lieve liebe lieber servus moin hola
    querido querida estimado estimada bonjour salut cher chère chers caro cara gentile ciao
    buongiorno olá ola prezado prezada witaj drogi droga szanowny szanowna cześć
    """
)
# words that name a role or a kinship right before a name ("Aangever Jan de Boer verklaart",
# "Ehefrau Monika rief an", "Nonna Pina:"), lower case; not those that are first names in English
# too ("Tia", "Mamie", "Nan", "Primo": "Tia Carrere" keeps its first name masked) and no surname
# ("Son Heung-min", "Nieto", "Neto", "Pai")
ROLES = word_set(
    """
    aangever verdachte getuige melder cliënt patiënt klant mandant kunde kundin zeuge
    ehefrau ehemann gattin gatte mutter vater sohn tochter bruder schwester oma opa onkel neffe
    nichte enkel enkelin schwiegermutter schwiegervater épouse époux fils fille frère sœur soeur
    oncle neveu nièce esposa esposo marido hijo hija hermano hermana abuela abuelo tía tío
    sobrina suegra suegro nieta moglie marito figlio figlia fratello sorella nonna nonno zia
    zio cugino cugina suocera suocero mãe filho filha irmão irmã avó avô sobrinho sobrinha sogra
    sogro echtgenote echtgenoot zoon dochter broer zus moeder vader oom schoonmoeder
    schoonvader husband wife daughter brother sister mum mom dad mother father grandma grandpa
    granny uncle aunt auntie nephew niece stepmother stepfather
    """
)
# a form of address before a name, which the name rules and the model take into the span ("Mr
# Desmond Fitzgerald", "Herrn\nEmre Kaya" of a letter's address block): cut from its start, as the
# labelled data of presidio-research and the held-out sets leave it out (a name follows it)
_TITLES = ADDRESS_FORMS | word_set("señor señora senhor senhora signore don doña dña dª")
# Spanish "D." (Don) before a first name that is no surname and a capitalised word ("D. Rafael
# Moreno Castillo"); an initial before a surname stays the name's ("D. Pinas", "D. Bell")
_DON = re.compile(r"D\.[ \t]+(?=([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)[ \t]+[A-ZÁÉÍÓÚÑ])")
_TITLE_LEAD = re.compile(r"([^\W\d_]+)\.?[ \t]*\n?[ \t]*(?<=[\s.])(?=[^\W\d_])")
_SALUTATION_END = re.compile(r"[ \t]*(?:[,!]|$)", re.M)
_FIRST_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+(?=[^\W\d_])")
# a message's closing and its comma before the name that signs it ("Groetjes, Kaat", "Saludos, Ana")
_CLOSING_LEAD = re.compile(r"([^\W\d_]+)[ \t]*,[ \t]*(?=[^\W\d_])")
CLOSINGS = word_set(
    """
    groet groeten groetjes liefs gr grtjs mvg vg lg saludos besos abrazos saluti baci cordialement
    bisous amitiés grüße grüsse gruß gruss tschüss cheers regards thanks thx love xoxo atenciosamente
    abraços beijos pozdrawiam pozdrav hälsningar hilsen mvh
    """
)
_LAST_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)\Z")
_TO_COLON = re.compile(r"(?:[ \t]+[^\W\d_][\w.'’-]*){0,2}[ \t.]*:")
_COLON = re.compile(r"[ \t]*:(?:[ \t]|$)", re.M)
_CLOCK = re.compile(r"\d{1,2}:\d\d(?::\d\d)?")
_FIELD = re.compile(r"[^\W\d_][\w-]*[ \t]*:[ \t]")


def _form(text: str) -> bool:
    """A record read as one line or a form: three labels or more ("Naam: … Afdeling: … Kamer:")."""
    return next(itertools.islice(_FIELD.finditer(text), 2, None), None) is not None


_EXTENSION = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|png|jpe?g|eml|msg)\Z", re.IGNORECASE)


# a name label's word after a word that qualifies it, then its colon ("Segundo apellido:", "Primer
# nombre:", "Middle name:", "Zweiter Vorname:"): the word is the label's ("Segundo" is a name too)
_QUALIFIED_LABEL = re.compile(
    r"[ ](?:apellidos?|nombres?|name|surname|vorname|nachname|pr[ée]nom|nom|cognome|nome|sobrenome|"
    r"achternaam|voornaam|nazwisko|imi[eę]|efternamn|f[öo]rnamn)\*?[ \t]*:"  # (one blank, lower case:
    # "Xiomara  Apellidos:" is a value and the next field's label)
)


def trim_labels(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` (sorted, not overlapping) with each finding's trailing label words, a PERSON's file
    extension and a PERSON's leading greeting or role word ("Beste", "Aangever") cut off, and a
    PERSON's word that qualifies a name's label ("Segundo apellido:") dropped."""
    merged = [
        f
        for f in merged
        if not (
            f.kind == "PERSON"
            and not any(c.isspace() for c in text[f.start : f.end])
            and _QUALIFIED_LABEL.match(text, f.end)
        )
    ]
    out: list[Finding] | None = None
    for n, f in enumerate(merged):
        end = f.end
        while True:
            m = _LAST_WORD.search(text, f.start, end)
            if m is None:
                break
            listed = m.group(1).lower() in LABEL_WORDS and _TO_COLON.match(text, m.end())
            if (
                not listed
                and not (
                    m.group(1)[0].isupper()
                    and _COLON.match(text, m.end())
                    and ":"  # not a chat's speaker, "Wang Jie:", "[09:14] Kofi Mensah:" (a time's colon)
                    in _CLOCK.sub("", text[text.rfind("\n", 0, f.start) + 1 : f.start])
                    and _form(text)
                )
            ):
                break
            end = m.start()
        start = f.start
        if f.kind == "PERSON":
            ext = _EXTENSION.search(text, f.start, end)
            if ext is not None:
                end = ext.start()
            lead = _FIRST_WORD.match(text, start, end)
            word = lead.group(1).lower() if lead is not None else ""
            if lead is not None and (
                word in ROLES or (word in GREETINGS and _SALUTATION_END.match(text, end))
            ):
                start = lead.end()  # "Beste Anouk,": the letter's word, not the name's
            closing = _CLOSING_LEAD.match(text, start, end)
            if closing is not None and closing.group(1).lower() in CLOSINGS:
                start = closing.end()  # "Groetjes, Kaat": the closing's word, not the name's
            title = _TITLE_LEAD.match(text, start, end)
            if title is not None and title.group(1).lower() in _TITLES:
                start = title.end()  # "Mrs Obi", "Herrn\nEmre Kaya": the form of address is no name
            don = _DON.match(text, start, end)
            if don is not None and lexicon().tags.get(don.group(1).lower()) & (FIRST | LAST) == FIRST:
                start = don.end()
        elif f.kind == "STREET_ADDRESS":
            title = _TITLE_LEAD.match(text, start, end)
            if (
                title is not None
                and title.group(1).lower() in _TITLES
                and text[title.end() - 1].isspace()  # (not a login's "Dr.Morwenna.Tregarthen")
                and text[title.end()].isupper()
            ):
                start = title.end()  # "Mrs Fatima Alaoui, 6 Moss Lane": the address block's name line
        if (end != f.end or start != f.start) and end > start:
            if out is None:
                out = list(merged)
            out[n] = Finding(f.kind, start, end, f.detector, f.score, f.bbox)
    return merged if out is None else out
