"""ACCOUNT_ID: the number of an account, a customer, a patient, a policy or a member after its cue.

The model finds most such ids by their context, but not all: in a window title its context is a
few words, and "Renewal for acct 0017Q00000xYz9 - Salesforce" was missed while "acct
0017Q00000xYz9" alone was found (issue 11, seventeenth pass). Here a cue word that names whose
number follows (account, acct, customer, client, member, policy, patient, MRN, subscriber,
contract, employee; the same in German, Dutch, French, Spanish, Italian, Portuguese, Polish and
the Nordic languages; a national or tax number: codice fiscale, DNI, NIF, CPF, PESEL, BSN, NIR,
Steuer-ID, personnummer, NHS, SSN …), optionally "id", "no.", "nr", "n°", "number" or "#", then one token of
letters, digits, `-`, `_` or `/` that holds five or more digits and is no date. Ids of things
(invoice, ticket, build) are not cued here: they number a thing, not a person's account
(`detectors/model.py` drops the model's spans after them; a customer's order's it keeps); a
booking's, a reservation's or a tenancy's reference is (with a surname it opens the booking): an
upper-case token with a digit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ._base import _UNFOLDED, Detector, Span, TextBatch, _by_first_letter
from ._code_text import LISTING_LINE
from ._file_names import document_numbers
from ._lead import led
from ._number_shapes import REQUEST_ID_HEADER, cloud_account
from ._resource_ids import named_ids, resource_ids
from .lexicon import lexicon

_CUE = led(
    (
        *(r"account", r"acct", r"a/c", r"customer", r"client", r"member(?:ship)?", r"policy"),
        *(r"patient", r"MRN", r"subscriber", r"contract", r"employee", r"empid"),
        *(r"kunden?(?:nummer|nr)?", r"konto(?:nummer|nr)?", r"mitglied(?:snummer)?"),
        *(r"versicherungsnummer", r"klant(?:nummer)?", r"rekening(?:nummer)?", r"lidnummer"),
        *(r"patiënt(?:nummer)?", r"compte", r"adhérent", r"contrat(?:o)?", r"cliente", r"cuenta", r"socio"),
        *(r"póliza", r"paciente", r"conto", r"tessera", r"kund", r"kundnummer", r"medlem(?:snummer)?"),
        *(r"klient", r"pacjent", r"personalnummer", r"polis(?:nummer)?", r"verzekeringsnummer"),
        *(r"versichertennummer", r"matricola"),
        # a clinical record's or a clinician's number ("NHC 1209845", "Nº historia: 00763421",
        # "nº colegiado 48/2817", "CIP MOCA620905004", "Dossiernummer: 2019-DN-44712", "PATNR")
        *(r"NHC", r"historia(?:[ \t]+cl[ií]nica)?", r"colegiado", r"CIP", r"NASS", r"NUHSA", r"SIP"),
        *(r"dossier(?:nummer|nr)?", r"patnr", r"pati[eë]ntnr", r"fall(?:nummer|nr)", r"cartella"),
        # a person's case, personnel or complaint number in Dutch ("zaaknummer Z/23/118452")
        *(r"zaaknummer", r"personeelsnummer", r"registratienummer", r"klachtnummer", r"cli[eë]ntnummer"),
        # a person's national or tax number ("Codice fiscale GLLBRC91C45F205X", "DNI 48291736K")
        *(r"codice fiscale", r"DNI", r"NIF", r"NIE", r"CPF", r"PESEL", r"BSN", r"burgerservicenummer"),
        *(r"C\.F\.", r"CF"),  # "C.F. FRRPQL63B11F839U", a code fiscale typed with its letter wrong
        *(r"sofinummer", r"NIR", r"sécurité sociale", r"sozialversicherungsnummer", r"steuer-?id"),
        # Romania's personal number, Portugal's social security number, Norway's birth number
        *(r"CNP", r"NISS", r"fødselsnummer", r"fodselsnummer"),
        *(r"steuernummer", r"personnummer", r"henkilötunnus", r"CPR", r"NHS", r"SSN", r"aadhaar"),
        # Latin America's identity and record numbers ("cédula 1.036.587.412", "CURP GURC…",
        # "RUT 12.345.678-5", "expediente 457812")
        *(r"c[ée]dula", r"expediente", r"CURP", r"RUT", r"CUIL", r"CUIT", r"RFC"),
        # a staff, insurance, case or identity number in the languages read ("Personal-Nr.:",
        # "Versicherungsschein:", "polizza n.", "Cartão de Cidadão", "nr pracownika", "znak sprawy",
        # "NI number", "staff no.", "matter number", "sort code")
        *(r"personal-?nr\.?", r"versicherungsschein", r"polizza", r"identit[ée]", r"cidad[ãa]o"),
        r"RG(?=[ \t]*[:nN])",
        *(r"matr[íi]cula", r"mecanogr[áa]fico", r"processo", r"polisy", r"ewidencyjny", r"klienta"),
        *(r"pracownika", r"znak sprawy", r"NI(?=[ \t]+(?i:number|no\b|nr))", r"national insurance"),
        *(r"staff", r"matter", r"sort code"),
        # a hospital's patient number (France's IPP, Germany's Patienten-ID), a clinician's or a
        # lawyer's registration (RPPS, CRM-PE, CMP, OAB/RJ), Switzerland's AVS, Brazil's work and
        # social numbers (CTPS, PIS), a policy in Portuguese ("apólice"), a letter's file reference
        # ("Unser Zeichen:", "Aktenzeichen"), an Italian application ("Domanda n.", "pratica")
        *(
            r"IPP",
            r"patienten-?id",
            r"RPPS",
            r"CRM(?:-[A-Z]{2})?(?![ \t]+(?i:ref))",
            r"CMP",
            r"OAB(?:/[A-Z]{2})?",
            r"AVS",
        ),
        *(
            r"CTPS",
            r"PIS(?:/PASEP)?",
            r"ap[óo]lice",
            r"unser[ \t]+zeichen",
            r"ihr[ \t]+zeichen",
            r"aktenzeichen",
        ),
        *(r"domanda", r"pratica"),
        # Ireland's PPSN, India's UAN, Medicare's and a province's health card number, a college's
        # registration (CPSO), an employee's code, a letter's file reference ("Our ref:", "file
        # reference"), an application's id
        *(r"PPSN", r"UAN", r"medicare", r"health[ \t]card", r"CPSO", r"emp(?=[ \t](?i:code)\b|[ \t]*$|#)"),
        # "acc" for an account before its number ("sort 93-11-52 acc 41877203"), an employee's
        # ("Emp no: 30418"), Ireland's PPS number, a hotel guest's folio
        *(r"acc\.?", r"emp(?=[ \t]*(?i:no|nr|number|id)\b)", r"PPS", r"folio"),
        # an exam candidate's, a pupil's (England's UPN) and a client's file number ("Candidate no.
        # 4417", "UPN: H801200123456", "File no. 30917")
        *(r"candidate", r"UPN", r"file(?=[ \t]*(?i:no|nr|number)\b)"),
        r"partner(?=[ \t]+(?i:id)\b)",  # a remote-desktop peer's ("TeamViewer - Partner ID 1 284 557 309")
        r"tarjeta(?:[ \t]+sanitaria)?(?=[ \t]*:)",  # a card's number ("Nº de tarjeta: 0010 4418 …")
        *(r"our[ \t]ref", r"your[ \t]ref", r"file[ \t]ref(?:erence)?"),
        r"application(?=[ \t](?i:id|no|nr|number|ref)\b)",
        # a health card's, a benefit's, an insurance's or an identity card's number in the languages
        # read ("CIPA: 1190345672", "Relatienummer:", "Kindergeld-Nr.:", "Vers.-Nr. 44.819.207",
        # "Personalausweis Nr.", "AHV: 756.…", Colombia's "C.C. 1.037.612.845", Italy's prescription
        # "NRE" and "protocollo", the Dutch fines office's "CJIB-nummer", Argentina's "M.N.")
        *(r"CIPA", r"relatienummer", r"kindergeld(?:-nr\.?)?", r"vers\.-?nr\.?", r"personalausweis"),
        *(r"ausweis(?:nummer)?", r"AHV", r"C\.C\.", r"NRE", r"protocollo", r"CJIB(?:-nummer)?", r"M\.N\."),
        # a passport's, a claim's, a taxpayer's, a student's, New Zealand's health (NHI) or an airline
        # ticket's number ("Unique Taxpayer Reference: 41873 29056", "student ref 24011873")
        *(r"passport", r"claim", r"tax(?:payer)?", r"UTR", r"student", r"NHI", r"e-?ticket"),
        r"police(?=[ \t]+ref)",
        # staff, claim, lab, tax-assessment, application and passport numbers in the other languages
        # ("Medewerkernummer:", "Nº empleado:", "Matricule :", "Nº siniestro:", "Labnummer:",
        # "Aanslagnummer:", "Nº de solicitud:", "Reisepass Nr.", "eVB-Nummer:", "N. accettazione:")
        *(r"medewerker(?:s?nummer|nr)?", r"empleado", r"matricule", r"siniestro", r"sinistro", r"sinistre"),
        *(r"schadens?(?:nummer|-?nr\.?)", r"labnummer", r"aanslagnummer", r"beschikkingsnummer"),
        *(r"solicitud", r"reisepass", r"passeport", r"pasaporte", r"passaporto", r"paspoort", r"passaporte"),
        *(r"evb(?:-nummer)?", r"accettazione", r"prot\.", r"cli[eë]ntnr\.?"),
        # a prescription's and a lab request's number in Portuguese ("N.º da receita:", "N.º de
        # requisição:")
        *(r"receita", r"requisi[çc][ãa]o"),
        # a hospital's unit record number (URN, "Hosp no."), Ontario's health card (OHIP), a justice
        # of the peace's registration ("JP No. 224871"), a frequent flyer's and a court case's
        # number ("Case No. 2024-PR-001873"; a helpdesk's "Case #00931822" is the company's)
        *(r"URN", r"hosp(?:ital)?(?=\.?[ \t]*(?i:no|nr|number)\b)", r"OHIP", r"JP(?=[ \t]*(?i:no)\b)"),
        *(r"frequent[ \t]flyer", r"case(?=[ \t]*(?i:no|nr|number)\b)"),
        # Colombia's citizen card written without its dots ("Documento: CC 1.020.745.388"), an
        # Argentine bank account (CBU, CVU), Mexico's voter key ("INE clave de elector …")
        *(r"CC", r"CBU", r"CVU", r"clave[ \t]de[ \t]elector", r"CLABE"),  # (Mexico's bank account: CLABE)
        r"NRIC(?:/FIN)?",  # Singapore's identity card ("NRIC: S9012845C")
        # Colombia's civil registration (NUIP) and a minor's identity card (TI), Peru's social-security
        # code ("Autogenerado EsSalud"), a Swiss taxpayer's register, a Dutch benefit's and a police
        # report's number (uitkeringsnummer, PV-nummer), an Italian ER's report (verbale), a bank
        # account in Portuguese (conta), a French driving licence (permis)
        *(r"NUIP", r"TI", r"autogenerado", r"registro[ \t]contribuente", r"uitkeringsnummer"),
        *(r"PV-nummer", r"verbale", r"conta", r"permis"),
        # a Spanish record's and health card's number ("Hª clínica: 00771245", "TSI: PRIB4709…"), a
        # German social insurance's ("SV-Nummer: 65 150895 P 017"), a transport or loyalty card's
        # ("OV-chipkaartnummer:", "BahnCard-Nr.:", "Carte Avantage n° :")
        *(r"H[ªa]\.?[ \t]*cl[íi]nica", r"TSI(?=[ \t]*:)", r"SV-?(?:Nummer|Nr\.?)"),
        *(r"OV-chipkaart(?:nummer)?", r"chipkaart(?:nummer)?", r"BahnCard(?:-Nr\.?)?"),
        r"carte[ \t](?:avantage|de[ \t]fid[ée]lit[ée])",
    ),
    word_start=True,
    ignore_case=True,
)
# "id", "no.", "nr.", "n°", "number", "#", a colon and a copula between the cue and the id, in any order
_LINK = (
    r"(?:[ \t_]*(?:(?i:id|no|nr|n\.?[°º]|n|num(?:ber)?|nummer|número|numero|numéro|ref(?:erence)?|#)\.?"
    r"|[:#\"'=)-]"  # (and a bracket's end: "Cuenta bancaria (CBU): …")
    r"|(?i:is|es|ist|est|è|é|to|jest)(?![^\W\d_])))*"  # "my account is …", "moje konto to …"
)
# a word that qualifies the cue before the id ("tessera sanitaria n.", "Cartão de Cidadão", "numer
# polisy"): one, lower-case or capitalised, of letters alone
_QUALIFIER = (
    r"(?:[ \t]+(?i:sanitari[ao]|fiscale|cliente|sociale?|de[ \t]+cidad[ãa]o|cl[íi]nica|polisy|klienta|"
    r"ubezpieczenia|d['’]identit[ée]|du[ \t]+client|de[ \t]+contrat|de[ \t]+processo|de[ \t]+utente|"
    r"do[ \t]+cliente))?"
)
_CUED = re.compile(rf"{_CUE}(?![^\W\d_]){_QUALIFIER}{_LINK}[ \t]*$")
# a run of letters, digits, `-`, `_`, `/` with five digits or more: where an id can be (searched
# first: such runs are rarer than a cue's first letters, and most have no cue before them)
_FIVE_DIGITS = re.compile(r"\d(?:[A-Za-z_/-]*\d){4}")
# an account's number written in groups: four or more groups of 2 to 4 digits, one blank apart
# (a Polish NRB, "49 1020 5558 1111 1234 5678 9012"; a card or an IBAN has its own rule). It starts
# with its first digit and looks behind it after (as `ip.py`'s patterns do): `re` then skips to a
# digit in C, where a leading look-behind is tried at every character of the batch (14.7 → 3.0 ms
# per 300 kB of prose, the same matches)
_GROUPED = re.compile(r"\d(?<![\d.,:/-]\d)\d{1,3}(?: \d{2,4}){3,}(?!\d|[.,:/ -]\d)")
# a number in groups of three after dots, as Latin America writes its identity numbers ("cédula
# 1.036.587.412", "DNI 32.456.789", "RUT 12.345.678-5"), a check character after a dash
_DOTTED = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:\.\d{3}){2,3}(?:-[\dkK])?(?![\d.,]\d|\w)")
# or in dotted groups of two to four, as Switzerland's AVS ("756.4832.1190.55") and policies are
_DOTTED_GROUPS = re.compile(r"\d(?<![\d.,]\d)\d{1,3}(?:\.\d{2,5}){2,4}(?:\.\d)?(?![\d.,]\d|\w)")
# an application's OAuth client id (`"client_id": "990073…"`), no customer's
_OAUTH_CLIENT = re.compile(
    r"(?i:client\)?[_ -]?id)[\"']?[ \t]*[:=][ \t]*[\"']?$"
)  # ("Application (client) ID:")
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/-")
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_DATE = re.compile(rf"\d{{4}}[-/]{_MONTH}[-/]{_DAY}|{_DAY}[-/]{_DAY}[-/](?:\d{{2}}|\d{{4}})")
CUE_REACH = 48  # characters before an id searched for its cue
_SORT_CODE = re.compile(r"(?i:sort(?:[ \t]+code)?)[ \t]*:?[ \t]*$")
# a UK sort code's shape, after "sort" alone when the account's number follows ("sort 93-11-52 acc
# 41877203"; "sort 12-03-24 entries" is a date)
_SORT_CODE_SHAPE = re.compile(r"\d\d-\d\d-\d\d(?=[ \t,;]*(?i:acc|a/c|account)\b)")


# the cues' first letters in lower case, one of which ends before every cue's end: a cue can only be
# where one of these stems is in the lower-cased text (a case-sensitive search, ~10x cheaper)
_STEMS = re.compile(
    _by_first_letter(
        "account|acct|a/c|customer|client|member|policy|patient|mrn|subscriber|contract|employee|"
        "empid|kund|konto|mitglied|versicherungsnummer|klant|rekening|lidnummer|patiënt|compte|"
        "adhérent|contrat|cuenta|socio|póliza|paciente|conto|tessera|medlem|klient|pacjent|codice|dni|"
        "nif|nie|cpf|pesel|bsn|burgerservice|sofi|nir|sécurité|sozialversicherung|steuer|personnummer|"
        "cnp|niss|fødselsnummer|fodselsnummer|c\\.f\\.|cf|"
        "henkilötunnus|cpr|nhs|ssn|aadhaar|personalnummer|polis|verzekeringsnummer|versicherten|"
        "matricola|nhc|historia|colegiado|"
        "cip|nass|nuhsa|sip|dossier|patnr|patientnr|patiëntnr|fall|cartella|zaak|personeel|registratie|"
        "klacht|cliënt|client|cédula|cedula|expediente|curp|rut|cuil|cuit|rfc|personal|"
        "versicherungsschein|polizza|identit|cidad|rg|matr|mecanogr|processo|polisy|ewidencyjny|"
        "klienta|pracownika|znak|ni number|ni no|ni nr|national|staff|matter|sort|rg:|rg n|rg |"
        "ipp|patienten|rpps|crm|cmp|oab|avs|ctps|pis|apólice|apolice|unser|ihr|aktenzeichen|domanda|pratica|"
        "ppsn|pps|acc|folio|uan|medicare|health card|health\tcard|cpso|emp |emp\t|"
        "our ref|our\tref|your ref|your\tref|"
        "file ref|file\tref|application id|application no|application nr|application number|"
        "application ref|application\t|passport|claim|tax|utr|student|nhi|ticket|police|relatie|"
        "kindergeld|vers\\.|ausweis|ahv|c\\.c\\.|nre|protocollo|cjib|m\\.n\\.|"
        "medewerker|empleado|matricule|siniestro|sinistro|sinistre|schaden|labnummer|aanslag|beschikking|"
        "solicitud|reisepass|passeport|pasaporte|passaporto|paspoort|evb|accettazione|prot\\.|cliëntnr|clientnr|"
        "receita|requisi|candidate|upn|emp#|file no|file\tno|file nr|file\tnr|file number|file\tnumber|"
        "partner|tarjeta|urn|hosp|ohip|jp|frequent|case|cc |cc\t|cbu|cvu|clave|clabe|nric|nuip| ti |\\(ti |"
        "autogenerado|registro|uitkering|pv-nummer|verbale|conta |conta\t|conta:|permis|"
        "hª|ha cl|ha. cl|tsi|sv-|svnummer|svnr|chipkaart|ov-chipkaart|bahncard|carte "
    )
)


# a booking's reference, a reservation's or a tenancy's: with the traveller's surname it opens the
# booking ("Booking ref CTK-88314", "PNR QF7X2K", "confirmation HX77-5521-09"): an upper-case token
# of 5 to 20 letters and digits with a digit, after its cue
_BOOKING = re.compile(
    led(
        (r"booking", r"confirmation", r"reservation", r"PNR", r"tenant", r"record locator", r"locator"),
        word_start=True,
        ignore_case=True,
    )
    + r"(?:[ \t]+(?i:ref(?:erence)?|number|no|code|id|nr))?\.?[ \t]*[:#]?[ \t]*(?:(?i:is)[ \t]+)?"
    # (digits in dotted groups too: a hotel site's "Confirmation 4021.883.127")
    r"(?P<id>(?=[A-Z0-9.-]*\d)[A-Z0-9](?:[A-Z0-9-]|\.(?=\d)){3,18}[A-Z0-9])(?![\w-]|\.\d)"
)
# a UK sort code and the account's number beside it, no cue needed: the pair is a bank account
# ("Payee: Fiona McAllister · 20-45-77 · 63018842", "20-45-77 63018842")
_SORT_AND_ACCOUNT = re.compile(
    r"(?<![\w-])(?P<sort>\d\d-\d\d-\d\d)[ \t]*(?:[·|,/]|[ \t])[ \t]*(?P<acc>\d{8})(?![\w-]|[.,]\d)"
)


# an airline's or a railway's record locator (six capitals and digits, both, or three and three across
# a dash) after a booking's word in the languages read, maybe across a window title's separator
# ("Manage Booking – ZKQ7PM – Lufthansa", "Rezervasyon TK4P2M", "Dossier QHKZ7T", "Bokning 4KQ-PT8"),
# or after a code's word where the line is about a trip ("Minhas viagens - Código LTQ8RA")
_LOCATOR = re.compile(  # (a class first: `re` skips to a capital or a digit in C)
    r"[A-Z0-9](?<![\w-][A-Z0-9])(?=[A-Z0-9-]{5,6}(?![\w-]))(?=[A-Z-]*\d)(?=[\d-]*[A-Z])"
    r"(?:[A-Z0-9]{5}|[A-Z0-9]{2}-[A-Z0-9]{3})(?![\w-])"
)
_LOCATOR_CUE = re.compile(
    r"(?i:\b(?P<cue>booking|reservation|réservation|reserva|reservación|rezervasyon|buchung|prenotazione|"
    r"bokning|boeking|bestilling|varaus|rezerwacj[ai]|dossier|localizador|pnr|c[óo]digo|code|codice|kod|"
    r"trips?|itinerary|"  # an airline's "My Trips: GZK4TR"
    # a booking's code as one word ("boekingscode", "bokningsreferens", "Buchungsnummer")
    r"(?:boekings|boeking|bokningsreferens|bokningsnummer|buchungs|reservierungs)(?:code|nummer|nr)?))"
    r"(?:[ \t]+(?i:ref(?:erence)?|code|c[óo]digo|n[º°o]\.?|number|de[ \t]+reserva))?"
    r"[ \t]*(?:[:#]|[ \t][–—|·-])?[ \t]*\Z"
)
_TRIP = re.compile(
    r"(?i:reserv|rezerw|viag|viaj|vuelo|voo|vol\b|volo|flight|flug|vlucht|trip|travel|booking|bokning|"
    r"boeking|buchung|airline|hotel|tren|train|zug|trein|lot\b|pociąg)"
)


# six capitals alone, a locator too ("Dossier QZKTRB"), after a booking's word only (not a code's)
_LETTERS_LOCATOR = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{5}(?![\w-])")
_CODE_CUES = ("código", "codigo", "code", "codice", "kod")


def _locators(text: str) -> list[Span]:
    """The record locators of `text`: each id of the shape, after a booking's word, or after a
    code's word on a line about a trip; six capitals after a booking's word."""
    out = []
    for m in _LETTERS_LOCATOR.finditer(text):
        cue = _LOCATOR_CUE.search(text, max(0, m.start() - 40), m.start())
        if (
            cue is not None
            and cue.group("cue").lower() not in _CODE_CUES
            and not lexicon().known(m.group().lower())  # ("Booking: CLOSED")
        ):
            out.append(Span("ACCOUNT_ID", m.start(), m.end(), 0.8))
    for m in _LOCATOR.finditer(text):
        cue = _LOCATOR_CUE.search(text, max(0, m.start() - 40), m.start())
        if cue is None:
            continue
        if cue.group("cue").lower() in _CODE_CUES:
            line = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            if _TRIP.search(text, line, len(text) if end < 0 else end) is None:
                continue
        out.append(Span("ACCOUNT_ID", m.start(), m.end(), 0.8))
    return out


# a vehicle's registration after its word: "reg LK19 XWT", "(plate 8KJM442)", "kenteken 12-XKL-3",
# "Kennzeichen M-AB 1234": letters and digits, a digit among them, one blank or dash apart at most
_PLATE = re.compile(
    led(
        # ("licence plate": at "plate"; Brazil's "Placa: BEE4R22", France's "plaque", Belgium's "nummerplaat")
        (r"reg", r"rego", r"registration", r"plate", r"VRM", r"vehicle", r"placa", r"plaque", r"nummerplaat"),
        word_start=True,
        ignore_case=True,
    )
    + r"(?:[ \t.]*(?i:no|nr|number|mark))?\.?[ \t]*[:#]?[ \t]*"
    r"(?P<id>(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,4}){0,2})(?![\w-])"
    # the other languages' cues, and up to three words of whose vehicle it is between the cue and
    # its colon ("Kenteken tegenpartij:", "Matrícula do terceiro:", "veicolo targato")
    r"|(?i:kenteken|kennzeichen|matr[ií]cula|immatricul[a-zé]*|targa(?:to|ta)?|rejestracyjny|nr[ \t]+rej\.?"
    r"|registreringsnummer|registreringsnr\.?|rekisterinumero|rekisteritunnus)"
    r"(?:[ \t]+[a-zà-öø-ÿ]{2,12}){0,3}[ \t]*[:#]?[ \t]*"
    r"(?P<id2>(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,5}(?:[ -][A-Z0-9]{1,5}){1,2})(?![\w-])"
    # a car's word, then a registration of one of the shapes of es fr it pt nl de ("Vehículo: 7315
    # HBZ", "la voiture grise GH-482-TK", "O carro 45-RT-88"): the shape is asked, the word says
    # little ("Fahrzeug: BMW X5 2021")
    r"|(?i:veh[ií]culo|v[ée]hicule|veicolo|fahrzeug|carro|coche|voiture|macchina|auto|wagen)"
    r"(?:[ \t]+[a-zà-öø-ÿ]{2,12}){0,3}[ \t]*:?[ \t]*(?P<id3>"
    r"\d{4}[ -]?[BCDFGHJKLMNPRSTVWXYZ]{3}"  # es
    r"|[A-Z]{2}-\d{3}-[A-Z]{2}|[A-Z]{2}[ ]?\d{3}[ ]?[A-Z]{2}"  # fr, it
    r"|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}|\d{2}-\d{2}-[A-Z]{2}|[A-Z]{2}-\d{2}-\d{2}"  # pt, nl
    r"|\d{1,2}-[A-Z]{2,3}-\d{1,3}|[A-Z]{2,3}-\d{2,3}-[A-Z]{1,2}|[A-Z]{1,2}-\d{3}-[A-Z]{2}"  # nl
    r"|[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]\d{1,4}[EH]?"  # de
    r")(?![\w-])"
)


# the cues' first letters, lower-cased: `_PLATE` is tried only where one starts (found by `str.find`
# in C; searched over a page, its case-insensitive cue doubled this detector's time)
_PLATE_STEMS = (
    *("reg", "plate", "vrm", "vehicle", "kenteken", "kennzeichen", "matr", "immatric", "targa", "rejestr"),
    *("placa", "plaque", "nummerplaat"),
    *("nr rej", "rekisteri"),
    *("veh", "véh", "veic", "fahrzeug", "carro", "coche", "voiture", "macchina", "auto", "wagen"),
)


def _plates(text: str, low: str | None) -> list[Span]:
    """The registrations `_PLATE` finds, each after its cue."""
    low = text.lower() if low is None else low
    out: list[Span] = []
    for stem in _PLATE_STEMS:  # (a `find` each: one lookahead regex of them all was 4x slower)
        i = low.find(stem)
        while i >= 0:
            m = _PLATE.match(text, i)
            if m is not None:
                g = next(k for k in ("id", "id2", "id3") if m.group(k))
                if sum(c.isalnum() for c in m.group(g)) >= 5:
                    out.append(Span("ACCOUNT_ID", m.start(g), m.end(g), 0.8))
            i = low.find(stem, i + 1)
    return out


# a British registration of the current shape, whatever comes before it: two letters, the age's two
# digits (02–25, 51–75), a blank, three letters ("WX23 LMB", "LR19 FXT"); no I or Q (each searched
# from its digits' class after two capitals, its letters looked at after)
_UK_PLATE = re.compile(r"[0-25-7]\d(?<=(?<![\w-])[A-HJ-PR-Y]{2}[0-25-7]\d) [A-HJ-PR-Z]{3}(?![\w-])")
# a US immigration case's receipt number, whatever comes before it: its service centre's three
# letters and ten digits ("IOE0923847561", "EAC2190012345"), one person's case
# (each regex opens with its literals, no look-behind: `re` skips to them in C; the character before
# is looked at after, `_word_start`)
_RECEIPT = re.compile(r"(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|TSC|VSC|NSC|CSC)\d{10}(?![\w-])")
# a clinician's, a lawyer's or an officer's registration after its cue, its thousands written with
# dots as Spanish and Portuguese do ("M.N. 112.458", "nº col. 4.127", "carné profesional 118.442",
# "cod. reg. 145987", "CRM-SP 148.239"): one person's number, fewer digits than `_FIVE_DIGITS` asks
_REGISTRATION = re.compile(  # (led by a class of the cues' first letters: `re` skips to one in C)
    led(
        (
            r"M\.[NP]\.",
            r"n\.?[º°][ \t]*col(?:egiad[oa])?\.?",
            r"colegiad[oa](?:[ \t]+n\.?[º°])?",
            r"carn[ée][ \t]+profesional",
            r"cod\.?[ \t]*reg\.?",
            r"CRM(?:-[A-Z]{2})?",
            r"matr[íi]cula[ \t]+profesional",
        ),
        word_start=True,
        ignore_case=True,
    )
    + r"[ \t]*:?[ \t]*(?P<id>\d{1,3}(?:\.\d{3})+|\d{4,8})(?![\w-]|[.,]\d)"
)
# India's Permanent Account Number of a person: three letters, "P" (an individual's; "C" a
# company's), the surname's initial, four digits, a letter ("PAN ABKPA4471J"): whatever stands before
_PAN = re.compile(r"P(?<=[A-Z]{3}P)[A-Z]\d{4}[A-Z](?![\w-])")  # (from its "P", a literal: found in C)
# New Zealand's National Health Index after its name: three letters, then four digits or two
# digits and two letters ("NHI ZJM4821"), fewer digits than `_FIVE_DIGITS` asks
_NHI = re.compile(
    r"NHI(?:[ \t]+(?i:no\.?|number))?[ \t]*:?[ \t]*(?P<id>[A-Z]{3}\d{2}(?:\d{2}|[A-Z]{2}))(?![\w-])"
)


def _word_start(text: str, at: int) -> bool:
    """No letter, digit, "_" or "-" right before `at`."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-")


# an identity provider's user id, as Auth0 and its dashboards show it ("auth0|64f1c2a9e8b7d3a5",
# "google-oauth2|109384756102938475610", "samlp|acme|j.doe"): one person's account; searched from
# its bar (a literal `re` skips to in C), the provider's name looked back at
_IDP_ID = re.compile(r"\|[\w.@|-]*\d[\w.@|-]*")
_IDP = re.compile(
    r"(?<![\w-])(?:auth0|google-oauth2|github|samlp|waad|windowslive|facebook|apple|linkedin|twitter|"
    r"oidc|email|sms|adfs|okta)$"
)


def _idp_ids(text: str) -> list[Span]:
    out = []
    for m in _IDP_ID.finditer(text) if "|" in text else ():
        lead = _IDP.search(text, max(0, m.start() - 14), m.start())
        if lead is not None and len(m.group()) >= 7:
            out.append(Span("ACCOUNT_ID", lead.start(), m.end(), 0.8))
    return out


def _ids(text: str, low: str | None) -> list[Span]:
    """The cued ids of `text`; `low` is `text` lower-cased offset for offset (None: not known,
    every candidate's cue is searched)."""
    out = _tokens(text, low)
    out += [
        Span("ACCOUNT_ID", m.start("id"), m.end("id"), 0.8)
        for m in _BOOKING.finditer(text)
        if text[m.start() - 1 : m.start()] not in ("/", ".")  # an image's name: `…/booking:2024.5.1`
    ]
    for m in _SORT_AND_ACCOUNT.finditer(text):
        out += [Span("ACCOUNT_ID", *m.span("sort"), 0.8), Span("ACCOUNT_ID", *m.span("acc"), 0.8)]
    out += _locators(text)
    out += [
        Span("ACCOUNT_ID", *m.span(), 0.8) for m in _RECEIPT.finditer(text) if _word_start(text, m.start())
    ]
    out += [
        Span("ACCOUNT_ID", *m.span("id"), 0.8) for m in _NHI.finditer(text) if _word_start(text, m.start())
    ]
    out += _plates(text, low)
    out += [
        Span("ACCOUNT_ID", m.start() - 2, m.end(), 0.8)
        for m in _UK_PLATE.finditer(text)
        if not text.startswith("AB12 CDE", m.start() - 2)  # the DVLA's example
    ]
    out += _four_digit_ids(text, low)
    out += _idp_ids(text)
    out += [
        Span("ACCOUNT_ID", a, b, 0.8)
        for a, b in (*resource_ids(text), *document_numbers(text), *named_ids(text))
    ]
    out += [Span("ACCOUNT_ID", *m.span("id"), 0.8) for m in _REGISTRATION.finditer(text)]
    out += [
        Span("ACCOUNT_ID", m.start() - 3, m.end(), 0.8)
        for m in _PAN.finditer(text)
        if _word_start(text, m.start() - 3)
    ]
    dotted = (*_DOTTED.finditer(text), *_DOTTED_GROUPS.finditer(text))
    for m in (*_GROUPED.finditer(text), *dotted, *_spaced(text)):  # "konto 49 1020 …"
        lo = max(0, m.start() - CUE_REACH)
        if low is not None and _STEMS.search(low, lo, m.start()) is None:
            continue
        if _CUED.search(text, lo, m.start()):
            out.append(Span("ACCOUNT_ID", m.start(), m.end(), 0.85))
    if "-id" in text or "-ray" in text or "parent" in text:  # "x-amz-cf-id: …": a request's id
        out = [s for s in out if REQUEST_ID_HEADER.search(text, max(0, s.start - 40), s.start) is None]
    return out


# an id written in groups of capitals and digits, one blank apart, five digits or more in all
# ("AUT-0045 8821 93", "MU 77 401 558", "12 021188 Y 503", "QQ 12 34 56 C"; not the next label's
# capitals: "MRN: 4471902 FIN: …"), up to its line's end
# or a stop: taken only after a cue, as every match of `_GROUPED`
_SPACED_ID = re.compile(  # (its first character first, looked behind after: `re` skips to one in C)
    r"[A-Z0-9](?<![\w-][A-Z0-9])(?!(?<=I)D\b|(?<=N)[OR]\b|(?<=R)EF\b|(?<=N)\b)[A-Z0-9/-]{0,9}"
    r"(?: (?:[A-Z/-]{0,3}\d[A-Z0-9/-]{0,9}|[A-Z](?![\w-]))){1,4}(?![\w-])"  # then: a digit or one letter
)


# a person's number of four digits ("Employee no.: 4410", "client no. AUD-5520", "Staff no.
# 7720-IE"), a few letters and a dash before it or after it; taken only where a cue and a number's
# word ("no.", "nr", "#", "id", "number") end right before it, and never a year ("policy no. 2019")
_FOUR_DIGITS = re.compile(r"\d{4}(?:-[A-Za-z]{1,3})?(?![\w-]|[.,/]\d)")
_FOUR_PREFIX = re.compile(r"[A-Za-z]{1,4}-$")
_NUMBERED = re.compile(
    rf"{_CUE}(?![^\W\d_]){_QUALIFIER}[ \t]*(?:(?i:no|nr|n[°º]|num(?:ber)?|id)\.?|#)[ \t]*[:#.]?[ \t]*$"
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _four_digit_ids(text: str, low: str | None) -> list[Span]:
    out: list[Span] = []
    for m in _FOUR_DIGITS.finditer(text):
        s, e = m.span()
        if _YEAR.fullmatch(text, s, e) or (s and (text[s - 1].isalnum() or text[s - 1] in "_./,")):
            continue
        if s and text[s - 1] == "-":  # only after a few letters: "AUD-5520", not "1-800-2222"
            prefix = _FOUR_PREFIX.search(text, max(0, s - 5), s)
            if prefix is None or not _word_start(text, prefix.start()):
                continue
            s = prefix.start()
        lo = max(0, s - CUE_REACH)
        if low is not None and _STEMS.search(low, lo, s) is None:
            continue
        if _NUMBERED.search(text, lo, s):
            out.append(Span("ACCOUNT_ID", s, e, 0.8))
    return out


def _spaced(text: str) -> list[re.Match[str]]:
    return [m for m in _SPACED_ID.finditer(text) if sum(c.isdigit() for c in m.group()) >= 5]


def _tokens(text: str, low: str | None) -> list[Span]:
    """The cued ids of one token (`_FIVE_DIGITS`)."""
    out: list[Span] = []
    end = 0
    for m in _FIVE_DIGITS.finditer(text):
        if m.start() < end:  # in the token before
            continue
        s, e = m.start(), m.end()
        while s > 0 and text[s - 1] in _TOKEN_CHARS:
            s -= 1
        while e < len(text) and text[e] in _TOKEN_CHARS:
            e += 1
        end = e
        while not text[s].isalnum():  # the token starts and ends with a letter or digit
            s += 1
        while not text[e - 1].isalnum():
            e -= 1
        lo = max(0, s - CUE_REACH)
        if low is not None and _STEMS.search(low, lo, s) is None:
            continue
        if LISTING_LINE.match(text, text.rfind("\n", 0, s) + 1):
            continue  # `ls -l`'s size after its group ("olga staff 2147483712"): no staff number
        sort_code = _SORT_CODE.search(text, lo, s) is not None
        dated = _DATE.fullmatch(text, s, e) is not None and not sort_code
        if dated or _OAUTH_CLIENT.search(text, lo, s) or cloud_account(text, s, e):
            continue  # (a date; an app's client id; a cloud account: "Account": "123456789012")
        if _CUED.search(text, lo, s) or (sort_code and _SORT_CODE_SHAPE.match(text, s, e + 24) is not None):
            # (a sort code may look like a date: "30-12-88")
            out.append(Span("ACCOUNT_ID", s, e, 0.85))
    return out


def _lowered(text: str) -> str | None:
    """`text` lower-cased offset for offset, where its stems can be searched: None where it holds a
    character that IGNORECASE folds to an ASCII letter and `str.lower` does not (`_base._UNFOLDED`,
    as `TextBatch.lower` blanks them)."""
    low = text.lower()
    return low if len(low) == len(text) and _UNFOLDED.search(text) is None else None


class AccountIdDetector(Detector):
    name = "account_id"
    kinds = ("ACCOUNT_ID",)
    needs_digit = True

    def detect(self, text: str) -> list[Span]:
        return _ids(text, _lowered(text))

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`detect` of each text, as one search of the batch joined by newlines (`TextBatch`): no
        id and no cue with its link holds a newline, so each match lies in one text. The texts
        that `TextBatch.lower` blanks are searched alone."""
        batch = TextBatch.of(texts)
        if len(batch) < 2:
            return [self.detect(t) for t in batch]
        out: list[list[Span]] = [[] for _ in batch]
        starts = batch.starts
        for sp in _ids(batch.joined, batch.lower):
            i = bisect.bisect_right(starts, sp.start) - 1
            out[i].append(Span(sp.kind, sp.start - starts[i], sp.end - starts[i], sp.score))
        for i in batch.unlowered:  # blanked in `lower`: no stem there
            out[i] = self.detect(batch[i])
        return out
