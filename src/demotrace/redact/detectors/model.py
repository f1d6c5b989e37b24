"""PERSON, STREET_ADDRESS, ACCOUNT_ID, USERNAME and SECRET from the shipped character model.

The model (`redact/model/`, docs/MODEL_CARD.md) is a character CNN trained on generated text in
15 languages; it complements the rules: the checksummed and structured kinds (card, IBAN, SSN, IP,
e-mail, phone) stay with their detectors, and the rules' own person / address / username / secret
findings are kept beside the model's (union), because each catches shapes the other misses
(measured in docs/BENCHMARKS.md, "Redaction: model and rules").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from ..model import CharModel
from ._address_lookalikes import unlike_address
from ._base import Detector, Span, grown
from ._code_names import (
    annotation,
    code_name,
    digest_at,
    placeholder,
    placeholder_mailbox,
    placeholder_name,
    platform,
    public_key_at,
    variable,
    variable_at,
)
from ._code_shapes import (
    ALGORITHM,
    ZONE_REGION,
    code_person,
    code_secret,
    id_value_at,
    image_data,
    key_text,
    markup_name_at,
    resource_name,
)
from ._code_text import code_text, log_line, quoted
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
from ._login_shapes import no_login
from ._model_words import (
    CODE_IN_SPAN,
    abbreviation_initial,
    bare_word,
    emphasised_words,
    noun_of_text,
    place_or_word,
)
from ._not_streets import calendar_line, legal_citation
from ._number_shapes import (
    HOST_PORT_BEFORE,
    REQUEST_ID_HEADER,
    cloud_account,
    company_number_label,
    date_column,
    date_only,
    file_modes,
    listed_file,
    listing_line,
    quantity_key,
    thing_id,
    unix_time,
    year_of_date,
)
from ._person_context import date_words, name_lead
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
    in_braces,
    in_signature,
    lookalike,
    template_userinfo,
    templated,
    word_made,
)
from ._street_words import GLUED_ENDINGS, PREFIX_WORDS, SUFFIX_WORDS
from .address import street_lead
from .lexicon import FIRST, LANG_BITS, LAST, NOT_NAMES, lexicon
from .username import INTEGRATION

# a resource's id in code: capitals and digits, shorter than 16 (`_kept_in_code`)
_UPPER_DIGITS = re.compile(r"[A-Z0-9]+")
_ID_SHAPE_LONGEST = 16
# an address the model finds across more line breaks than this is a list's or a calendar's lines
_ADDRESS_LINES = 3
# what a log's line records of someone in a text of code (`_code_text`)
_LOGGED = ("ACCOUNT_ID", "STREET_ADDRESS")
_LETTER = re.compile(r"[^\W\d_]")
_ANGLED = re.compile(r"<[A-Za-z_]+>")
# a URL's scheme and the start of its userinfo up to where a model span starts (`redis://:pw@host`)
_USERINFO_BEFORE = re.compile(r"://[^\s/@]{0,200}$")
# a currency's sign or code: "1,234,567.89 EUR" is an amount, not a house number and a street
_CURRENCY = re.compile(r"[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|BRL|MXN|INR)\b")


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


def _false_hit(kind: str, text: str, start: int, end: int) -> bool:
    """A model span that is not private."""
    if kind != "STREET_ADDRESS" and listed_file(text, start):
        return True
    if "@" in text[start:end] and placeholder_mailbox(text, *grown(text, start, end, "._-")):
        return True  # "user@domain.com" of a doc's example
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
    if kind == "STREET_ADDRESS":  # not on a line of `ls -l`: "4096 Jun GConf", the day and year lost
        return (
            text.count("\n", start, end) >= _ADDRESS_LINES  # a calendar's days, a list: no one address
            or _calendar_day(text, start, end)  # "18 Apr Good Friday": a day, no house
            or _NUMBER_THEN_DATE.match(text, start) is not None
            or _bytes_of_no_key(text, start, end)  # a C array of bytes: "0xe3, 0x79, 0x05"
            or date_column(text, start, end)
            or date_only(text, start, end)
            or _TRANSPORT_BEFORE.search(text, max(0, start - 12), start) is not None
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
_WORD_RUN = re.compile(r"[^\W\d_]+")  # a word's letters (`_phone_only`, `_only_words`)
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
    return not any(w.lower() in _STREET_TYPES or w.lower().endswith(_GLUED) for w in _WORD_RUN.findall(span))


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
    if m is None or not text[start:end].islower() or m.group() in _PARTICLES:
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
_PINNED_AFTER = re.compile(r"@[v^~]?\d+(?:\.\d+)+")
_HEADER_NAME = re.compile(r"(?=[^ ]*[a-z])(?=[^ ]*\b[A-Z0-9]{2,}\b)[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+")
_HEX_BYTE = re.compile(r"\b0x[0-9A-Fa-f]{1,2}\b")
_LDAP_PART = re.compile(r"(?:cn|ou|dc|dn|uid|o)(?:=[\w.-]*)?")
_ZONE_BEFORE = re.compile(r"\b" + ZONE_REGION + r"/$")
_DECORATOR = re.compile(r"@[a-z][A-Za-z0-9]*(?:\(|$)", re.M)
# a flight's or a train's number before the "house number": "FR 7022 Dublin – Málaga", "Flight AC 848
# Toronto", "Train 22 Montréal"
_TRANSPORT_BEFORE = re.compile(
    r"(?:\b(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])[ ]?|(?i:\b(?:flight|train|bus|route|platform|gate|coach|seat))[ ]+)$"
)
_AMOUNT = re.compile(
    r"(?:[$€£¥₹₦₱]|\b(?:EUR|USD|GBP|CHF|AUD|CAD|INR|PHP|NGN|KES|ZAR|NZD|SGD|HKD|JMD|KSh|Sh|R)\b[ \t]?)[\d,.]*"
)


# a number, then a date ("4096 Jun 24 2025", "4096 Jun 2025" as the OCR reads a listing, "2 May 2024"):
# a file's size or a count before its date, no house number before a street
_NUMBER_THEN_DATE = re.compile(
    r"\d+[ \t]+(?i:" + MONTHS_ALTERNATION + r")\.?[ \t]+(?:\d{1,2}[ \t]+)?(?:(?:19|20)\d\d\b|\d\d:\d\d)"
)


def _userinfo_end(text: str, start: int, end: int) -> int:
    """Where a span in a URL's userinfo ends: at its "@", the host after it not taken in
    (`redis://:pw@cache`, `amqp://:pw@mq`)."""
    at = text.find("@", start, end)
    if at <= start or _USERINFO_BEFORE.search(text, max(0, start - 200), start) is None:
        return end
    return at


def _calendar_day(text: str, start: int, end: int) -> bool:
    """The span, or one of its lines, opens with a day and its month's word ("18 Apr Good Friday")."""
    at = start
    while at != -1 and at < end:
        if calendar_line(text, at):
            return True
        at = text.find("\n", at, end)
        at = at + 1 if at != -1 else -1
    return False


def _kept_in_code(kind: str, text: str, start: int, end: int) -> bool:
    """A span the model keeps in a text of code: a secret but a short one of one class of
    characters or of capitals and digits alone (a resource's id: Slack's "C05T8Q2LWMN", a
    distribution's "E2QWRUHAPOMQZL": right 4 times in 45 such spans no rule found); an account
    id or an address a log records (`_logged`)."""
    if kind != "SECRET":
        return _logged(kind, text, start)
    value = text[start:end]
    if len(value) >= _ID_SHAPE_LONGEST or not value.isalnum():
        return True
    return not (value.isalpha() or value.isdigit() or _UPPER_DIGITS.fullmatch(value))


def _logged(kind: str, text: str, start: int) -> bool:
    """A span the model keeps in a text of code: an account id or an address on a log's line or in
    a string."""
    if kind not in _LOGGED:
        return False
    return log_line(text, start) or quoted(text, start)


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


_NPM_PACKAGE = re.compile(r"@[a-z0-9][\w.-]*/[a-z0-9][\w.-]*")
_CAPITALS_ONLY = re.compile(r"[A-Z][A-Z \t]*|[A-Z]{2,}(?:-[A-Z]{2,})+")  # (and "WPA-PSK")
# a file's extension right after a name (the common ones of code, documents, data and images)
_FILE_EXTENSION = re.compile(
    r"\.(?:ipynb|py|js|ts|tsx|jsx|java|go|rs|rb|php|cpp|cs|swift|kt|sh|sql|md|txt|csv|tsv|json|ya?ml|"
    r"toml|xml|html?|css|pdf|docx?|xlsx?|pptx?|odt|ods|png|jpe?g|gif|svg|zip|tar|gz|log|ini|cfg|conf)\b"
)
# a colour of CSS or a design tool: "#" and 3, 4, 6 or 8 hex digits, a digit among them
_COLOUR = re.compile(r"#(?=[a-fA-F]*\d)(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
# a variable of Perl, PHP or a shell in lower case, its sigil included (`$self`, `$user`)
_SIGIL_VARIABLE = re.compile(r"\$[a-z_][a-z0-9_]*")
# a reverse domain name that names a package or an app: a top-level domain, then two or more parts
# (`org.jetbrains.kotlinx`, `com.example.app`); a login has no top-level domain first
_REVERSE_DOMAIN = re.compile(r"(?:org|com|net|io|dev|edu|gov|app|co)(?:\.[a-z][a-z0-9_-]*){2,}")


def _sigil_variable(text: str, start: int, end: int) -> bool:
    """The span is a lower-case variable with its sigil, or one without the sigil before it."""
    return any(_SIGIL_VARIABLE.fullmatch(text, s, end) for s in (start, max(0, start - 1)))


def _reverse_domain(text: str, start: int, end: int) -> bool:
    """The span lies in a reverse domain name of lower-case parts (`_REVERSE_DOMAIN`)."""
    s, e = grown(text, start, end, "._-")
    while e > end and text[e - 1] == ".":  # a sentence's full stop
        e -= 1
    return _REVERSE_DOMAIN.fullmatch(text, s, e) is not None


# A secret the model finds with fewer characters than this is a short code typed alone ("w0x") or a
# word of code ("state", "status"), not a password: such spans that no rule also found were right 5
# times in 55 on the labelled sets; the secrets rule keeps short ones after a cue ("password: abc1").
MIN_SECRET = 8


def _too_bare(kind: str, text: str, start: int, end: int) -> bool:
    """A grown model span too bare to be what the model calls it: a street address without a
    letter (a number alone: the "42" of "Mixed CASE 42!"; its street and box words were taken
    back by `_lead`), a secret shorter than `MIN_SECRET`, an account id in a text without a
    letter ("730215" typed alone: a one-time code, an amount; the model has no word to go by), a
    user name or secret that is a variable's name, a platform's, a name in code (`_code_names`) or
    file modes ("drwxr-xr-x")."""
    if kind in ("USERNAME", "SECRET") and (
        variable(text, start, end)
        or platform(text, start, end)
        or file_modes(text, start, end)
        or code_name(kind, text, start, end)
        or code_secret(text, start, end)
    ):
        return True
    if kind == "USERNAME" and text[start - 1 : start] == "." and text[start - 2 : start - 1] in ("/", ""):
        return True  # a dot-directory of a path ("$HOME/.local/bin"), not a user's name
    if kind in ("USERNAME", "SECRET", "PERSON") and resource_name(text, start, end):
        return True  # `name: payments-db` in a manifest: a resource's name
    if kind in ("USERNAME", "SECRET") and noun_of_text(text, start, end):
        return True  # "Krankenkasse", "Leitungswasser": a capitalised word of the text's language
    if kind == "USERNAME" and (templated(text, start, end) or in_braces(text, start) or text[start] == "{"):
        return True  # `$(ARM_CLIENT_ID)`, `{{#is_alert}}`, `{{resolve:secretsmanager:…:master:…}}`
    if kind == "USERNAME" and _PINNED_AFTER.match(text, end):
        return True  # `npm/tachyonic@4.2.1`: a package at its version
    if kind == "USERNAME" and ("('" in text[start:end] or '("' in text[start:end]):
        return True  # `smtp.login('alerts@…`: a call and its argument, no login
    if kind == "USERNAME" and text.startswith("nonce-", start):
        return True  # a CSP's per-response nonce ("'nonce-rAnd0m…'")
    if kind == "ACCOUNT_ID" and HOST_PORT_BEFORE.search(text, max(0, start - 64), start):
        return True  # "wg.hq.example.net:51820": a host's port
    if kind == "USERNAME" and INTEGRATION.match(text, start - (text[start - 1 : start] == "@")):
        return True  # Datadog's `@pagerduty-auth-oncall`: an integration notified
    if kind == "USERNAME" and _DECORATOR.match(text, start):
        return True  # Bicep's and TypeScript's `@minLength(16)`, `@description(`
    if kind == "USERNAME" and no_login(text, start, end):
        return True  # words with no login's cue ("anyone know"), a manifest's resource name
    if kind == "USERNAME" and text[start - 1 : start] == "@" and annotation(text, start - 1, end):
        return True  # `@Test` without its "@"
    if kind == "USERNAME" and text[start : start + 1] == "@" and annotation(text, start, end):
        return True  # `@dataclass`, `@Override`
    if kind in ("USERNAME", "SECRET") and _FILE_EXTENSION.match(text, end):
        return True  # `model_eval_v3.ipynb`, `protoc-25.1-linux-x86_64.zip`: a file's name
    if kind == "USERNAME" and _COLOUR.fullmatch(text, start, end):
        return True  # `border-color: #0a58ca`: a colour, as a handle has no hex digits alone
    if kind == "USERNAME" and (_sigil_variable(text, start, end) or _reverse_domain(text, start, end)):
        return True  # Perl's and PHP's `$self`; `org.jetbrains.kotlinx`, a package's name
    if kind == "USERNAME" and text[start:end].lower() in ("arn", "urn") and text[end : end + 1] == ":":
        return True  # "user: arn:aws:eks:…": a resource's name, what kubeconfig calls a user
    if kind == "USERNAME" and _NPM_PACKAGE.fullmatch(text, *grown(text, start, end, "@/._-")):
        return True  # `from '@skyline/weather'`: a scoped package
    if kind in ("USERNAME", "SECRET") and emphasised_words(text, start, end):
        return True  # "**Glossary**", "Paste your **public** key", "*Key ID (kid)*": Markdown's emphasis
    if kind == "USERNAME" and text[start : start + 1] == "$" and text[start + 1 : start + 2].isdigit():
        return True  # "$2,380": an amount
    if kind == "USERNAME" and text.startswith("role/", start):
        return True  # `arn:aws:iam::…:role/ReadOnly`: a role's name
    if kind == "USERNAME" and text[start:end] == "git" and text[end : end + 1] == "@":
        return True  # `git@github.com:org/repo`: a forge's login for every user
    if kind == "STREET_ADDRESS":
        return not _LETTER.search(_CURRENCY.sub("", text[start:end]))
    if kind == "SECRET":  # (one class of characters, capitals: an acronym, a heading, or a column
        # of digits that OCR read as letters, "NWNNWNHN DON FW W" of `ls -la`; the secrets rule
        # wants three classes too)
        before_host = text.find("@", start, end)  # `USER:PASSWORD@localhost`: the value is before it
        word = text[start:end]
        return (
            end - start < MIN_SECRET
            or _CAPITALS_ONLY.fullmatch(text, start, end) is not None
            or CODE_IN_SPAN.search(word) is not None
            or (word.isalpha() and place_or_word(word))  # "Lisbon" of `&query=Lisbon`
            or bare_word(text, start, end)  # "workstation", "conditional" on a line of no credential
            or id_value_at(text, start)  # `x-amz-id-2: …`, `"id": "db-…"`: an id, no credential
            or markup_name_at(text, start)  # `<input name="new_password1"`, `getItem('i18nextLng')`
            or (before_host > start and placeholder_name(text[start:before_host]))
            or placeholder(text[start:end])  # `ghp_XXXX…`, `your-api-key-here`
            or digest_at(text, start)  # `sha512-…` of a lockfile, `h1:…` of go.sum
            or lookalike(text, start, end)  # "xxxx9f1c", `$(SqlAdminPassword)`, base64 of JSON
            or word_made(text, start, end)  # "firebaseConfig", "gw-warehouse-11" on a line of no credential
        )
    if kind == "ACCOUNT_ID":  # digits with no word anywhere: a quantity, a code, a cell as likely
        return not _LETTER.search(text)
    return False


_MONTH_YEAR = re.compile(r"(?i:" + MONTHS_ALTERNATION + r")[_ .-]?(?:19|20)\d\d")


def _lead(kind: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown back over the words that open it, as the rules grow theirs: a street's type
    and box words ("rue de", "postbus"), a name's initials or "Surname, " (`street_lead`,
    `name_lead`)."""
    if kind == "STREET_ADDRESS":
        return street_lead(text, start), end
    if kind == "PERSON":
        return name_lead(lexicon(), text, start, end), end
    if kind == "ACCOUNT_ID" and (m := _ID_LABEL.match(text, start, end)) is not None and m.end() < end:
        return m.end(), end  # "ID 8302145312087": the label is no part of the id
    return start, end


# an id's label the model's span took in: "ID ", "No. ", "Ref: " (not "#": the sets disagree, and
# our own forms and letters mark "#6841152004" whole; an id's acronym, "MRN 00481127", too: cutting
# it lost 30 labelled spans' acronyms in the open sets)
_ID_LABEL = re.compile(r"(?:ID|Id|No\.?|Nr\.?|Ref\.?)(?::[ \t]*|[ \t]+)(?=[A-Z]*\d)")


# what the model's PERSON span takes in beside the name: a role's or a kinship's word before it
# ("husband Bill", "manager, Catrin", "Brother Karim", "guide Pa Ariki"), a bracket's unclosed
# start of words after it ("Babajide Oyelaran (Platinum"; not "(Amir": a name may follow), an
# abbreviation in brackets ("Sienna Kowalczyk (GS)"), the end of a sentence ("Marama! Here")
_ROLE_WORDS = frozenset(
    (
        *("husband", "wife", "partner", "brother", "brothers", "sister", "sisters", "daughter"),
        *("mum", "mom", "dad", "uncle", "aunt", "auntie", "grandma", "grandpa", "cousin", "nephew"),
        *("niece", "manager", "guide", "coach", "nurse", "sgt", "sergeant", "constable", "detective"),
        *("officer", "inspector", "ballerina", "message", "says", "said", "via", "thanks", "ask", "asks"),
        # the other languages' kinship words before a name ("Tia Guida", "Zio Franco", "Tante Jo")
        *("tia", "tio", "tía", "tío", "zia", "zio", "tante", "onkel", "oom", "avó", "avô", "nonna", "nonno"),
    )
)
_PARTICLES = frozenset(("van", "de", "der", "den", "da", "di", "du", "la", "le", "ter", "von", "del"))
_STREET_TYPES = frozenset(PREFIX_WORDS.split("|")) | frozenset(SUFFIX_WORDS.split("|"))
_GLUED = tuple(e for e in GLUED_ENDINGS.split("|") if e.isalpha())
_LEAD_WORD = re.compile(r"([^\W\d_][\w'’]*)(\.?,?|:)[ \t]+(?=[^\W\d_])")
_ABBREVIATION_END = re.compile(r"[ \t]*\([A-Z][A-Z&./ -]*\)[ \t]*\Z")
# a nickname in brackets inside a name: "W.J. (Willem) van den Berg", "Adriana (Jans) van der Heijden"
_NAME_GOES_ON = re.compile(r"[^()\n]{1,30}\)[ \t]+(?:[A-Z]|(?:van|de|der|den|da|di|du|la|le|ter|von|del)\b)")
_SENTENCE_CUT = re.compile(r"[!?][ \t]")
_TRAIL_WORD = re.compile(r"[ \t]+([^\W\d_]+)\Z")


def _only_words(part: str) -> bool:
    """Every word of `part` is a word of a list and no listed name ("Platinum", "Japanese",
    "Computer"; not "Amir")."""
    lex = lexicon()
    words = _WORD_RUN.findall(part)
    return bool(words) and all(lex.is_word(w.lower()) and not lex.is_name(w.lower()) for w in words)


def _fit_person(text: str, start: int, end: int) -> tuple[int, int]:
    """A model's PERSON span less the words around the name that `_ROLE_WORDS` and the brackets
    and sentence ends above name."""
    while (m := _LEAD_WORD.match(text, start, end)) is not None:
        word = m.group(1)
        low = word.lower()
        if low in _PARTICLES or low in _STREET_TYPES:  # "boulevard Brunel": a street, taken whole
            break
        label = m.group(2) == ":" and not lexicon().is_name(low)  # "Time Off Request: Connor Walsh"
        if not (label or low in _ROLE_WORDS or (word.islower() and lexicon().is_word(low))):
            break
        start = m.end()
    span = text[start:end]
    if (cut := _SENTENCE_CUT.search(span)) is not None:
        end = start + cut.start() + 1
        span = text[start:end]
    while (m := _TRAIL_WORD.search(span)) is not None and m.start() > 0:
        word = m.group(1)  # "Giorgia Meloni oggi": a lower-case word of a language, no name's
        if not word.islower() or word in _PARTICLES or lexicon().is_name(word) or not lexicon().known(word):
            break
        if span[: m.start()].islower():
            break  # ("u xx": no capitalised name is left to stand alone)
        end = start + m.start()
        span = text[start:end]
    if "(" in span:
        open_at = span.rfind("(")
        inside = span[open_at + 1 :]
        if (
            ")" not in inside
            and not any(c.isdigit() for c in inside)  # "Patricia Nolan (300517": an id, kept masked
            and not _NAME_GOES_ON.match(text, start + open_at + 1)
            and _only_words(inside)  # "(Amir": a name may follow, kept masked
        ):
            end = start + len(span[:open_at].rstrip())  # "… (Platinum": the bracket is no part of it
        elif (m := _ABBREVIATION_END.search(span)) is not None:
            end = start + len(span[: m.start()].rstrip())  # "(GS)"
    elif span.endswith(")"):
        end -= 1
    while end > start and text[end - 1] in ",;:!?":
        end -= 1
    return start, end


class ModelDetector(Detector):
    name: ClassVar[str] = "model"
    kinds: ClassVar[tuple[str, ...]] = ("PERSON", "STREET_ADDRESS", "ACCOUNT_ID", "USERNAME", "SECRET")

    def __init__(self) -> None:
        self.model = CharModel.load()

    def detect(self, text: str) -> Iterable[Span]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans of each text, the model run in batches across them (same spans as one by one)."""
        out: list[list[Span]] = []
        for text, found in zip(texts, self.model.spans_many(texts), strict=True):
            spans = []
            if found and "\n" in text and code_text(text):  # a program's words, not a person's
                found = [s for s in found if _kept_in_code(s.kind, text, s.start, s.end)]
            for s in found:
                s_end = s.end
                if s.kind == "SECRET" and "\n" in text[s.start : s.end] and "-----BEGIN" not in text:
                    s_end = text.index("\n", s.start)  # one line's value ("y\nCONFIG_BT_FIXED" of Kconfig)
                s_end = _userinfo_end(text, s.start, s_end)
                s_start = s.start
                if s.kind == "PERSON":
                    s_start, s_end = _fit_person(text, s_start, s_end)
                if s_end - s_start < 1 or _false_hit(s.kind, text, s_start, s_end):
                    continue
                # a hit inside a word hides all of it, never leaves its first or last letters beside
                # the placeholder ("echo b[SECRET]")
                start, end = _lead(s.kind, text, *grown(text, s_start, s_end))
                if not _too_bare(s.kind, text, start, end):
                    spans.append(Span(s.kind, start, end, 1.0))
            out.append(spans)
        return out
