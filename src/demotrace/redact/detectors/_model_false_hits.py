"""What the shipped model finds that is no one's private data (`false_hit`): a table's figures
taken for an address, a heading's capitals or a place taken for a name, a placeholder, an
algorithm's or a region's name taken for a secret or a login."""

from __future__ import annotations

import re

from ._address_lookalikes import unlike_address
from ._base import grown
from ._code_names import (
    code_name,
    placeholder,
    placeholder_mailbox,
    public_key_at,
    variable_at,
)
from ._code_shapes import (
    ALGORITHM,
    ZONE_REGION,
    code_person,
    image_data,
    key_text,
)
from ._dates import MONTHS_ALTERNATION
from ._everyday_spans import (
    LOWER_PARTICLES,
    a_place,
    company,
    interface_line,
    job_title,
    not_a_street,
    words_of_text,
)
from ._file_names import in_file_name, words_file
from ._model_words import (
    abbreviation_initial,
)
from ._not_streets import calendar_line, legal_citation
from ._number_shapes import (
    REQUEST_ID_HEADER,
    cloud_account,
    company_number_label,
    counted_digits,
    date_column,
    date_only,
    listed_file,
    listing_line,
    quantity_key,
    thing_id,
    unix_time,
    year_of_date,
)
from ._person_context import date_words
from ._places import (
    NO_SURNAME_END,
    PLACE_NOUN_END,
    TEAM_NOUN_END,
    after_place_cue,
    app_segment,
    eponym,
    firm_noun_before,
    named_place,
    place_noun_after,
    saints_place,
)
from ._public_names import product_line, public_handle, public_name
from ._secret_lookalikes import (
    ALTERNATION,
    advisory_id,
    encrypted_at,
    in_signature,
    template_userinfo,
)
from ._street_words import GLUED_ENDINGS, PREFIX_WORDS, SUFFIX_WORDS
from .lexicon import FIRST, LANG_BITS, LAST, NOT_NAMES, lexicon

# an address the model finds across more line breaks than this is a list's or a calendar's lines
_ADDRESS_LINES = 3
_ANGLED = re.compile(r"<[A-Za-z_]+>")


# a class (CamelCase, its namespace before it) and its method after "@", no mailbox's domain after it
_CLASS_METHOD = re.compile(
    r"(?:[A-Z]\w*\\{1,2})+(?:[A-Z][a-z]+){2,}@[a-z]+(?:[A-Z][a-z]+)*(?![.\w-])"
    r"|(?:[A-Z][a-z]+)+(?:Controller|Handler|Job|Listener|Command|Action|Middleware|Service)@[a-z]+(?:[A-Z][a-z]+)*(?![.\w-])"
)
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_CAPITAL_WORD_BEFORE = re.compile(r"[A-Z][^\W\d_]*\.?[ \t]+\Z")
_CAPITAL_WORD_AFTER = re.compile(r"[ \t]+[A-Z]")
# a bank's BIC (SWIFT code) after its label: the bank's, no one's
_BIC = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
_BIC_LABEL = re.compile(
    r"\b(?:BIC|SWIFT|Swift|BIC/SWIFT|SWIFT/BIC)(?:[ \t]*[-/][ \t]*Code)?[ \t]*[:.]?[ \t]*$"
)


# a cipher's, a key exchange's or a MAC's name as SSH and TLS list them ("chacha20-poly1305",
# "aes128-ctr", "ssh-ed25519-cert-v01", "hmac-sha2-256-etm")
_ALGORITHM_PARTS = re.compile(
    r"(?:(?:aes\d*|chacha20|poly1305|curve\d+|ed\d+|x\d+|sha\d*|hmac|umac|\d+|ecdh|ecdsa|nistp\d+|rsa|dss|"
    r"ssh|cert|v\d+|gcm|ctr|cbc|etm|diffie|hellman|group\d*|exchange|sntrup\d+|mlkem\d+|kex|strict|s|c)(?:-|$))+"
)
# Go's module checksum ("h1:" and the SHA-256 in base64): go.sum's and go.mod's lines
_GO_SUM = re.compile(r"\bh1:[A-Za-z0-9+/]{43}=")
_CAMEL_KEY = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b")  # sshd_config's "ClientAliveInterval"
_ENCODED_WORDS = re.compile(r"[^\W\d_]+(?:(?:%20|\+)[^\W\d_]+)+")  # a query's words: "Tivoli%20Gardens"
# a name's particles in lower case; a street's type words and their glued endings (`_lower_word_first`,
# `_phone_only`; and the model's name fit)
NAME_PARTICLES = frozenset(("van", "de", "der", "den", "da", "di", "du", "la", "le", "ter", "von", "del"))
STREET_TYPES = frozenset(PREFIX_WORDS.split("|")) | frozenset(SUFFIX_WORDS.split("|"))
GLUED_STREET = tuple(e for e in GLUED_ENDINGS.split("|") if e.isalpha())


def _capital_words(value: str) -> bool:
    """`value` is words in capitals, each a dictionary word of a language read and no listed name
    ("PRIMARY KEY"; not "JUAN GARCIA", "ROSE HILL")."""
    words = value.split()
    if not words or not value.isupper():
        return False
    lex = lexicon()
    return all(
        w.isalpha() and len(w) > 1 and lex.is_word(w.lower()) and not lex.is_name(w.lower()) for w in words
    )


# a repository's name at a commit's short or full hash, after its owner's "/"
_REPO_AT_COMMIT = re.compile(r"[\w.-]+@[0-9a-f]{7,40}")


def false_hit(kind: str, text: str, start: int, end: int) -> bool:
    """A model span that is not private."""
    if kind != "STREET_ADDRESS" and listed_file(text, start):
        return True
    if "@" in text[start:end] and placeholder_mailbox(text, *grown(text, start, end, "._-")):
        return True  # "user@domain.com" of a doc's example
    if text[end : end + 1] == "@" and placeholder_mailbox(text, grown(text, start, end, "._-")[0], end + 1):
        return True  # its local part alone: "voornaam.achternaam" of "…@organisatie.nl"
    if kind == "PERSON" and _capital_words(text[start:end]):
        return True  # "PRIMARY KEY", "TOTAL AMOUNT DUE": a heading's or a keyword's capitals, no name
    if kind == "PERSON" and firm_noun_before(text, start):
        return True  # "Gestoría Domínguez", "Bakkerij Visser": a firm named after its owner
    if kind in ("SECRET", "USERNAME", "ACCOUNT_ID"):
        lo, hi = grown(text, start, end, "-")  # the whole token (the model may start inside it)
        if advisory_id(text[lo:hi]):
            return True  # "advisories/GHSA-cxjh-pqwp-8mfp": a security advisory's public id
        if kind != "ACCOUNT_ID" and _ALGORITHM_PARTS.fullmatch(text, lo, hi):
            return True  # "chacha20-poly1305@openssh.com", "aes128-ctr": an algorithm's name
        if kind != "USERNAME" and REQUEST_ID_HEADER.search(text, max(0, lo - 40), lo):
            return True  # "x-amz-cf-id: -PNtzm6…==": a request's id
    if (
        kind == "SECRET"
        and "h1:" in text
        and any(
            m.start() <= start and end <= m.end()
            for m in _GO_SUM.finditer(text, max(0, start - 50), end + 50)
        )
    ):
        return True  # go.sum's "h1:4LP/Bul…=": a module's checksum
    if kind == "SECRET" and _ENCODED_WORDS.fullmatch(text, *grown(text, start, end, "%+")):
        return True  # "?q=Tivoli%20Gardens": a search's words
    if kind == "USERNAME" and text[start - 1 : start] == "#":
        return True  # "#netops": a channel's name
    if kind == "STREET_ADDRESS" and _CAMEL_KEY.search(text, start, end):
        return True  # "ClientAliveInterval 300": a setting's key and value
    # an image's or a public key's base64: "ssh-ed25519 AAAAC3Nz…", a PUBLIC KEY block, a JWK's
    # `e: 'AQAB'` (`key_text` first: `public_key_at` can be true only in a text that holds one)
    if image_data(text, start, end) or (key_text(text) and public_key_at(text, start)):
        return True
    if ALGORITHM.fullmatch(text, *grown(text, start, end)):
        return True  # "HS256", "Pkcs1", "AES256": an algorithm's name and size
    if kind in ("SECRET", "USERNAME") and template_userinfo(text, start, end):
        return True  # `mysql://user:password@localhost`
    if "###" in text and "###" in text[slice(*grown(text, start, end, "#-_"))]:
        return True  # "ORD-2024-######": a format's pattern, no one's number
    if (
        kind == "PERSON"
        and _ACRONYM.fullmatch(text, start, end)
        and not lexicon().is_name(text[start:end].lower())
        and not _CAPITAL_WORD_BEFORE.search(text, max(0, start - 24), start)
        and not _CAPITAL_WORD_AFTER.match(text, end)
    ):
        return True  # "(ULID)", "OIDC": capitals of no listed name, alone (not "LE BIHAN")
    if _BIC.fullmatch(text, start, end) and _BIC_LABEL.search(text, max(0, start - 16), start):
        return True  # "BIC: HELADEF1822": a bank's code, public
    if kind in ("SECRET", "ACCOUNT_ID") and _MONTH_YEAR.fullmatch(text, start, end):
        return True  # "Facture_EDF_Mars2024.pdf", "Nómina_Abril_2024": a month and its year
    if kind in ("SECRET", "USERNAME") and _ANGLED.search(text, max(0, start - 24), min(len(text), end + 24)):
        lo, hi = grown(text, start, end)
        if text[lo - 1 : lo] == "<" and text[hi : hi + 1] == ">":
            return True  # `<user>:<password>@<host>`: a placeholder in angle brackets
    if kind == "USERNAME" and text.startswith("@", start) and text.endswith(">", 0, start) and ":<" in text:
        return True  # `<user>:<password>@localhost`: the host after a placeholder
    if kind in ("SECRET", "USERNAME") and placeholder(text[slice(*grown(text, start, end, "+/=_-"))]):
        return True  # a part of a placeholder ("your-256-bit-secret", "dummy_api_key_000000")
    if kind == "ACCOUNT_ID":
        return (
            thing_id(text, start, end)
            or _amount(text, start)  # "$118,000", "EUR 3,250.00"
            or counted_digits(text[start:end])  # "order number 1234-5678-9012": an example
            or _YEAR_RANGE.fullmatch(text, *_year_range_span(text, start, end)) is not None  # "(1858–1928)"
            or year_of_date(text, start, end)
            or cloud_account(text, start, end)
            or quantity_key(text, start)  # `max-age=63072000`, `"iat": 1718100000`
            or unix_time(text, start, end)  # "starting run 1718073259" on a log's line
            or company_number_label(text[max(0, start - 40) : start])  # "USt-IdNr. DE 812 334 905"
            or _MASK_BEFORE.search(text, max(0, start - 8), start) is not None  # "Checking (...7731)"
        )
    if kind in ("SECRET", "USERNAME", "STREET_ADDRESS") and encrypted_at(text, start, end):
        return True  # Jenkins' `{AQAAAB…}`, Firefox's `"encryptedUsername": "MDoE…"`: ciphertext
    if kind in ("SECRET", "USERNAME", "ACCOUNT_ID") and words_file(text, start, end):
        return True  # "Quarterly_Budget_Review_2025_DRAFT.xlsx": a document's name of words
    if kind in ("SECRET", "ACCOUNT_ID") and "_" in text[start:end] and in_file_name(text, start, end) is None:
        return True  # "Gehaltsabrechnung_Müller_Jonas_2024-03.pdf": a name's parts (the person rules'), no id
    if kind == "SECRET" and _CLASS_METHOD.fullmatch(text, *grown(text, start, end, "\\@")):
        return True  # Laravel's route action, a queue's handler: `Auth\TokenController@show`
    if kind == "SECRET" and variable_at(text, start):
        return True  # `${REDIS_PASSWORD}@cache`
    if kind == "SECRET" and "@" in text[start:end]:
        lo, hi = grown(text, start, end, "@._-")
        if text[lo - 1 : lo] == "/" and _REPO_AT_COMMIT.fullmatch(text, lo, hi):
            return True  # "acme/webshop@3f9a2c1": a repository at a commit
    if kind == "STREET_ADDRESS":  # not on a line of `ls -l`: "4096 Jun GConf", the day and year lost
        return (
            text.count("\n", start, end) >= _ADDRESS_LINES  # a calendar's days, a list: no one address
            or _calendar_day(text, start, end)  # "18 Apr Good Friday": a day, no house
            or _NUMBER_THEN_DATE.match(text, start) is not None
            or _bytes_of_no_key(text, start, end)  # a C array of bytes: "0xe3, 0x79, 0x05"
            or date_column(text, start, end)
            or date_only(text, start, end)
            or _TRANSPORT_BEFORE.search(text, max(0, start - 12), start) is not None
            or _TRAIN.match(text, start) is not None  # "TGV INOUI 6611 Paris Gare de Lyon"
            or _TRAIN_BEFORE.search(text, max(0, start - 20), start) is not None  # "Alfa Pendular| 131 …"
            or listing_line(text, start)
            or not_a_street(text, start, end)
            or legal_citation(text, start, end)  # "538 U.S. 408", "42 U.S.C. 4852d"
            or _phone_only(text, start, end)
            or unlike_address(text, start, end)  # "Slack,Salesforce,2025-02,£8,400", "3–2 Bayern Munich"
        )
    if kind in ("PERSON", "USERNAME") and (
        _LDAP_PART.fullmatch(text, start, end) or _ZONE_BEFORE.search(text, max(0, start - 12), start)
    ):
        return True  # LDAP's `cn=vpn-users,dc=net`; a time zone's city, "Europe/Amsterdam"
    if kind == "USERNAME" and "->" in text[start:end]:
        return True  # Perl's and PHP's `DBI->connect`: a call
    if kind == "USERNAME" and public_handle(text[start:end]):
        return True  # "Barack Obama (@BarackObama) / X": a public figure's own account
    if kind == "USERNAME" and ALTERNATION.fullmatch(text, *grown(text, start, end, "|")):
        return True  # grep's `'Owner|Valid|SHA'`
    if kind == "PERSON" and date_words(text, start, end):
        return True  # "Tue Mar", "Jan": a date's words
    if kind == "PERSON" and text[end : end + 2] in ("'t", "’t"):
        return True  # "don" of "You don't": a contraction's first part
    if kind == "PERSON" and " " in text[start:end] and text[start:end].split()[-1].lower() in NOT_NAMES:
        return True  # "Guest Wi-Fi": a name's place taken by a word that is none
    if kind in ("USERNAME", "ACCOUNT_ID") and in_signature(text, start):
        return True  # "s=arc-2024;" of an ARC-Seal: a selector
    if kind == "USERNAME" and _GROUPED_BY.search(text, max(0, start - 6), start):
        return True  # PromQL's `sum by (job)`: a label's name
    if _CLOUD_REGION.fullmatch(text, *grown(text, start, end, "-")):
        return True  # "us-west-2", "europe-west1": a cloud's region
    if kind == "PERSON" and _HEADER_NAME.fullmatch(text, *grown(text, start, end, "-")):
        return True  # an HTTP header's name ("X-API-Key", "Content-MD5"): a capitals' part, hyphens
    if kind == "PERSON":
        return (
            text[start:end] in LOWER_PARTICLES  # "van de klant": a particle alone, in lower case, is no name
            or text[slice(*grown(text, start, end, "-"))].lower() in NOT_NAMES  # "Wi-Fi", "Outlook"
            or company(text, start, end)
            or code_name(kind, text, start, end)
            or a_place(text, start, end)
            or place_noun_after(text, end)  # "Fulton Avenue", "Hadley Hall": a place named after one
            or _last_word(text, start, end) in PLACE_NOUN_END  # "Tennyson Road" whole
            or (" " in text[start:end] and _last_word(text, start, end) in NO_SURNAME_END)  # "Adyar Strikers"
            or _team_noun_after(text, end)  # "Hawthorn| Kangaroos"
            or _lower_word_first(text, start, end)  # "urotelialny brodawkowaty", "bariátrica"
            or abbreviation_initial(text, start, end)  # "z. B. Hashimoto", "V. a. Morbus Parkinson"
            or saints_place(text, start, end)  # "St. Mary's Cathedral"
            or public_name(text, start, end)  # a brand's, a public figure's: "Le Creuset", "Tim Cook"
            or interface_line(text, start, end)
            or after_place_cue(text, start)
            or eponym(text, start, end)
            or app_segment(text, start, end)
            or named_place(text, start, end)
            or words_of_text(text, start, end, own_words=True)
            or code_person(text, start, end)
            or job_title(text, start, end)  # "Senior Backend Engineer"
            or "$" in text[start:end]  # `new PDO($dsn, $user, …)`: variables
            or product_line(text, start)
        )
    return False


_CLOUD_REGION = re.compile(
    r"(?:us|eu|ap|sa|ca|me|af|il|cn|mx)-(?:gov-)?(?:east|west|north|south|central|northeast|southeast|"
    r"northwest|southwest)-\d|(?:europe|asia|us|northamerica|southamerica|australia|me|africa)-"
    r"(?:east|west|north|south|central|northeast|southeast|northwest|southwest)\d"
)


# a phone number's run of digits (seven or more, with its blanks, dashes and brackets)
_PHONE_RUN = re.compile(r"\+?\(?\d[\d \t()./-]{5,}\d")
WORD_RUN = re.compile(r"[^\W\d_]+")  # a word's letters (`_phone_only`, `_only_words`)
_PHONE_WORD = re.compile(
    r"(?i:\b(?:hotline|(?:tele)?phone|tel|telefon\w*|teléfono|téléphone|telefono|telemóvel|mobile?|cell|handy|"
    r"call|chiam\w*|ligue|llam\w*|bel)\b)"
)


# a mask before an account's last digits: "(...7731)", "****4471", "•••• 3206": the rest hidden
_MASK_BEFORE = re.compile(r"(?:\.{3}|…|[*•xX#]{2,}[ \t-]?)$")


def _phone_only(text: str, start: int, end: int) -> bool:
    """The address span's only digits are a phone number's and it has no street's word: "Fragen?
    Hotline 0800 330", "chiama Gennaro, 339 482 1176," (the phone rule finds the number)."""
    span = text[start:end]
    if _PHONE_WORD.search(text, max(0, start - 24), end) is None:
        return False  # ("P.O. Box 45120-00100", "Calle 166 # 52-97 861103": no phone's word)
    rest = _PHONE_RUN.sub(lambda m: "" if sum(c.isdigit() for c in m.group()) >= 7 else m.group(), span)
    if rest == span or any(c.isdigit() for c in rest):
        return False
    return not any(
        w.lower() in STREET_TYPES or w.lower().endswith(GLUED_STREET) for w in WORD_RUN.findall(span)
    )


_CAPITAL_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def _team_noun_after(text: str, end: int) -> bool:
    """A team's plural noun or a club's word follows the span (`TEAM_NOUN_END`), capitalised."""
    m = _CAPITAL_WORD.match(text, end)
    return m is not None and m.group(1).lower() in TEAM_NOUN_END


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _lower_word_first(text: str, start: int, end: int) -> bool:
    """The span is in lower case and opens with a word that no name list holds and that is a word
    of a language's list or eight letters long, no name's particle ("urotelialny brodawkowaty",
    "bariátrica"; not "maria hiltunen", "van dijk")."""
    m = _FIRST_WORD.match(text, start, end)
    if m is None or not text[start:end].islower() or m.group() in NAME_PARTICLES:
        return False  # (a capital in the span: "mio cugino Salvo", "haal Daantje" hold a name)
    if start and (text[start - 1] in "-'’" or text[start - 1].isalnum()):
        return False  # a name's part after its hyphen: "Cheung Tsz-lok"
    tags = lexicon().tags
    names = FIRST | LAST
    if any(tags.get(w) & names or tags.get(w[1:]) & names for w in _FIRST_WORD.findall(text, start, end)):
        return False  # a name in lower case, a login of an initial and a surname ("rkowalczyk")
    tag = tags.get(m.group())
    return bool(tag & LANG_BITS) or len(m.group()) >= 8


def _last_word(text: str, start: int, end: int) -> str:
    """The span's last word, lower case."""
    return text[start:end].rsplit(None, 1)[-1].lower() if end > start else ""


_GROUPED_BY = re.compile(r"\b(?:by|without)[ \t]*\([ \t]*$")
_HEADER_NAME = re.compile(r"(?=[^ ]*[a-z])(?=[^ ]*\b[A-Z0-9]{2,}\b)[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+")
_HEX_BYTE = re.compile(r"\b0x[0-9A-Fa-f]{1,2}\b")
_LDAP_PART = re.compile(r"(?:cn|ou|dc|dn|uid|o)(?:=[\w.-]*)?")
_ZONE_BEFORE = re.compile(r"\b" + ZONE_REGION + r"/$")
# a flight's or a train's number before the "house number": "FR 7022 Dublin – Málaga", "Flight AC 848
# Toronto", "Train 22 Montréal"
_TRANSPORT_BEFORE = re.compile(
    r"(?:\b(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])[ ]?|(?i:\b(?:flight|train|bus|route|platform|gate|coach|seat))[ ]+)$"
)
# a train's service and its number, as a ticket names it ("Alfa Pendular 131 Lisboa Santa Apolónia",
# "TGV INOUI 6611 Paris Gare de Lyon", "ICE 578 Köln Hbf"): no house's number
_TRAINS = (
    r"(?:TGV(?:[ \t]INOUI)?|INOUI|OUIGO|Ouigo|ICE|IC|EC|AVE|Alvia|Avlo|Alfa[ \t]Pendular|Intercidades|"
    r"Frecciarossa|Frecciargento|Italo|Eurostar|Thalys|Intercity|InterCity|IRE|RE|RB|IR|TER|Lyria)"
)
_TRAIN = re.compile(_TRAINS + r"[ \t]+\d{2,5}[ \t]+[A-Z]")
_TRAIN_BEFORE = re.compile(r"\b" + _TRAINS + r"[ \t]+\Z")
_AMOUNT = re.compile(
    r"(?:[$€£¥₹₦₱]|\b(?:EUR|USD|GBP|CHF|AUD|CAD|INR|PHP|NGN|KES|ZAR|NZD|SGD|HKD|JMD|KSh|Sh|R)\b[ \t]?)[\d,.]*"
)


# a number, then a date ("4096 Jun 24 2025", "4096 Jun 2025" as the OCR reads a listing, "2 May 2024"):
# a file's size or a count before its date, no house number before a street
_NUMBER_THEN_DATE = re.compile(
    r"\d+[ \t]+(?i:" + MONTHS_ALTERNATION + r")\.?[ \t]+(?:\d{1,2}[ \t]+)?(?:(?:19|20)\d\d\b|\d\d:\d\d)"
)


def _calendar_day(text: str, start: int, end: int) -> bool:
    """The span, or one of its lines, opens with a day and its month's word ("18 Apr Good Friday")."""
    at = start
    while at != -1 and at < end:
        if calendar_line(text, at):
            return True
        at = text.find("\n", at, end)
        at = at + 1 if at != -1 else -1
    return False


def _bytes_of_no_key(text: str, start: int, end: int) -> bool:
    """The span is bytes of a C array ("0xe3, 0x79, 0x05") on a line that names no credential (a
    LoRaWAN `APPKEY[16] = { 0x8F, … }` is a key: masked)."""
    if len(_HEX_BYTE.findall(text, start, end)) < 2:
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return _KEY_WORD.search(line) is None


_KEY_WORD = re.compile(r"(?i:key|secret|token|pass|pwd|cred|nonce|salt|iv\b)")


def _amount(text: str, start: int) -> bool:
    """The span starts a sum of money: a currency's sign or code right before its digits or in it."""
    return any(
        m.end() > start for m in _AMOUNT.finditer(text, max(0, start - 6), start + 5) if m.start() <= start
    )


_YEAR_RANGE = re.compile(r"1[0-9]{3}[–-](?:1[0-9]{3}|20\d\d)|(?:1[0-9]{3}|20\d\d)[–-]1[0-9]{3}")


def _year_range_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over a dash and four digits on either side ("1858" of "1858–1928")."""
    lo = start - 5 if start >= 5 and text[start - 1] in "–-" else start
    hi = end + 5 if text[end : end + 1] in ("–", "-") else end
    return lo, min(hi, len(text))


_MONTH_YEAR = re.compile(r"(?i:" + MONTHS_ALTERNATION + r")[_ .-]?(?:19|20)\d\d")
