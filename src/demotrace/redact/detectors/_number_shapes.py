"""Numbers in a model span that identify no one: a thing's id ("invoice 112-4839201"), a quantity
("875/125 mg", "pH 7,32"), a date or a date's column ("4096 Dec  2 06:26" of `ls -l`), a file
listing's modes and names. `model.ModelDetector` drops such spans (`_false_hit`, `_too_bare`)."""

from __future__ import annotations

import re

from ._dates import MONTH_ABBREVIATIONS, MONTH_WORDS, MONTHS_ALTERNATION, WEEKDAY_WORDS

_WORD = re.compile(r"[^\W\d_]+")

# the number's word after the thing's, its marks and the blanks before the number ("order no. ", "#")
_NUMBER_WORD_END = r"\b[^\w\n]{0,4}(?:(?:id|no|nr|number|#)[^\w\n]{0,3})?$"

# Numbers that identify things, not people (the same words the phone detector skips): an id the
# model finds right after one of them, or spelled like one, is not an account id. A customer's order
# is a person's (the labelling page says so, and the open sets labelled 113 of 165 order numbers:
# 67 more private runs against 38 clean ones); a company's purchase, work or lab order is not.
_THING_ID_BEFORE = re.compile(
    r"\b(?:(?:purchase|work|lab|sales|production|change|standing)[ \t]+order|po|invoice|ticket|"
    r"meeting(?: id)?|isbn|issn|tracking|sku|serial|build|version|model|part|issue|pr|commit|release|kb|"
    r"error|chapter|page|room|flight|gate|bug|rfc|iso|cve|port|"
    # a Firebase project's number, as its configs name it ("messagingSenderId", "GCM_SENDER_ID")
    r"messagingsenderid|gcm_sender_id|sender_id|project_number|projectnumber)"
    + _NUMBER_WORD_END
    + r"|<key>(?:gcm_sender_id|project_number)</key>\s*<string>$",  # (an iOS plist's)
    re.IGNORECASE,
)


def counted_digits(value: str) -> bool:
    """`value` is digits alone, eight or more, counting up one by one ("1234-5678-9012"): a format's
    example, no one's number (with letters it is kept: writers give people "R12345678")."""
    if any(c.isalpha() for c in value):
        return False
    digits = "".join(c for c in value if c.isdigit())
    return len(digits) >= 8 and digits in "0123456789" * ((len(digits) + 19) // 10)


# a customer's order's word: its number is someone's from five digits on (a shorter one is a count's
# or a year's shape)
_ORDER_BEFORE = re.compile(r"\border" + _NUMBER_WORD_END, re.IGNORECASE)
_THING_ID_SHAPE = re.compile(r"(?:kb|inv|pr|build|0x|cve|ghsa)[-_ ]?[0-9a-f]", re.IGNORECASE)


# a quantity, not a house number: a dose or a lab value with its unit, a ratio, a percentage
# (a unit per unit: "112 µmol/L", "45 mL/min"; a dose a day: Dutch "2dd", "3x")
_MEASURE = re.compile(
    r"\d++(?:[.,]\d++)?+[ \t]?(?:/[ \t]?(?:\d|[^\W\d_]{1,4}\b)|%|[^\W\d_]{1,5}/[^\W\d_]{1,5}\b"
    r"|(?i:mg|g|kg|µg|mcg|ml|dl|l|mmol|µmol|umol|nmol|mmhg|mg/dl|ui|iu|cm|mm|µl|ul|mm3|meq|ng|pg|ghz|"
    r"mhz|gb|mb|tb|dd|x|lpm|bpm|rpm|ppm|rpm|kcal|cal|mcg|µg|fl|kpa|pa|s|ms|sec|h|min|°c|°)"
    r"(?![^\W\d_]))"
    r"|(?<=\bpH[ \t])\d[.,]\d{1,2}"  # a pH has no unit: "pH 7,32"
)


_SCORE_CODE = re.compile(r"(?:[A-Za-z]\d){2,4}")  # a score's parts, one letter and one digit each


# a cloud account's id where AWS writes it: in an ARN ("arn:aws:iam::418295730614:role/…"), a
# registry's host ("582716349051.dkr.ecr…"), after an account's key ("sso_account_id = …",
# "Account": "…"); an organisation's infrastructure, no person's account or phone
_ARN_BEFORE = re.compile(r"arn:aws[\w-]*:[\w-]*:[\w-]*:$")
_CLOUD_AFTER = re.compile(
    r"\.dkr\.|:(?:role|key|user|group|policy|assumed-role|root|secret|function|table|instance)\b"
)
_CLOUD_KEY_BEFORE = re.compile(
    r"(?i:(?:sso_|aws_)?account_?id|\"account\"|owner_?id|project_?number)[\"']?[ \t]*[:=][ \t]*[\"']?$"
)


# a log's index ("Raft Applied Index  8842117"); a time's, a size's or a duration's key
# (`"iat": 1718100000`, `now=1718102659`, `max-age=63072000`, `maxmemory 4096000`): a number of a
# thing's state
_QUANTITY_KEY = re.compile(
    r"(?i:\b(?:ts|timestamp|epoch|exp|iat|nbf|[a-z][a-z_]*_(?:at|time|ts))|"
    r"max[-_]?age|ttl|bytes|maxmemory|[a-z][.][a-z]*ms|[a-z]_ms)"
    r"[\"']?[ \t]*[:=]?[ \t]*[\"']?$"
    # (English words as keys only with a key's colon, "=" or quote: "now 029 2048 7715" is prose)
    r"|(?i:\bindex|\bnow|timeout|size|limit|length|duration|seconds|memory|offset)"
    # (or aligned by blanks, or Git LFS's "size N" at its line's start)
    r"(?:[\"'][ \t]*[:=]?|[ \t]*[:=]|[ \t]{2,}|(?<=size)(?<![^\n]size) )[ \t]*[\"']?$"
)


def quantity_key(text: str, start: int) -> bool:
    """A key that names a time, a size, a duration or an index ends right before `start`."""
    return _QUANTITY_KEY.search(text, max(0, start - 24), start) is not None


# code's key and its separator before a value (`"next_payment_attempt": `, `t=`, `end_time=`); not
# a form's label ("Číslo pojištěnce: 1605213348" is an insured person's number)
_KEY_BEFORE = re.compile(r"(?:[\"'][\w.-]+[\"'][ \t]*:|(?<![^\s,;{(])[a-z_][\w.]*[ \t]*=)[ \t]*[\"']?$")


# a host's name and the colon before its port: "sip:media-a.pbx.local:5060", "db.example.com:5432"
HOST_PORT_BEFORE = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+:$")


def _epoch_digits(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is 10 or 13 digits that read as a time in seconds or milliseconds since
    1970, between 2014 and 2036 ("1718006400", "1716390211845")."""
    digits = text[start:end]
    if not digits.isdigit() or len(digits) not in (10, 13):
        return False
    return 1_400_000_000 <= int(digits) // (1000 if len(digits) == 13 else 1) < 2_100_000_000


# a call's first argument: `time.Unix(1700000000, 0)`, `new Date(1718006400000)`
_CALL_BEFORE = re.compile(r"[A-Za-z_][\w.]*\([ \t]*$")


def epoch_value(text: str, start: int, end: int) -> bool:
    """Such digits (`_epoch_digits`) under a key of code or as a call's argument: a time stamp, no
    phone's or card's number."""
    if not _epoch_digits(text, start, end):
        return False
    lo = max(0, start - 40)
    return (
        _KEY_BEFORE.search(text, lo, start) is not None
        or _CALL_BEFORE.search(text, lo, start) is not None
        or text.endswith("(integer) ", lo, start)  # a Redis reply: `2) (integer) 1717410012`
    )


_CLOCK = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\b")


def logged_time(text: str, start: int, end: int) -> bool:
    """Such digits (`_epoch_digits`) on a line that shows a clock's time (a log's line: "[2024-06-11
    02:34:19] backup: starting run 1718073259"): a time stamp, not the id of someone's account (a
    Czech birth number, 10 digits from the birth date, is no Unix time on a form's line)."""
    if not _epoch_digits(text, start, end):
        return False
    line = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _CLOCK.search(text, line, len(text) if line_end < 0 else line_end) is not None


def unix_time(text: str, start: int, end: int) -> bool:
    """`epoch_value` or `logged_time`: a time stamp under a key of code or on a log's line."""
    return epoch_value(text, start, end) or logged_time(text, start, end)


def cloud_account(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a cloud account's 12 digits in an ARN, a registry's host or after an
    account id's key of config."""
    if end - start != 12 or not text[start:end].isdigit():
        return False
    before = text[max(0, start - 32) : start]
    return bool(
        _ARN_BEFORE.search(before) or _CLOUD_KEY_BEFORE.search(before) or _CLOUD_AFTER.match(text, end)
    )


def thing_id(text: str, start: int, end: int) -> bool:
    """An "id" that numbers a thing (after "order", "ticket" …), has fewer than three digits
    ("CASE", "5-6"), is a score's letters and digits ("E3M6V5") or is a quantity ("500" of "500/125
    mg": `_MEASURE`)."""
    if sum(map(str.isdigit, text[start:end])) < 3 or _SCORE_CODE.fullmatch(text, start, end):
        return True  # no digit ("CASE"), too few for an account ("5-6" of "EMV 4-5-6"), a score ("E3M6V5")
    if end - start <= 4 and text[start:end].isdigit() and _MEASURE.match(text, start):
        return True  # a dose, not "1234/2023" of a case file
    if quantities_only(text, start, end):
        return True  # a measurement ("RR 160/90 mmHg"), every number with its unit
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_/") and start > end - 48:
        start -= 1  # the whole id: "4839201" of "Order 112-4839201-7720451" is the order's too
    while start < end and not text[start].isalnum():
        start += 1
    before = _THING_ID_BEFORE.search(text, max(0, start - 40), start)
    if before is None and sum(c.isdigit() for c in text[start:end]) < 5:
        before = _ORDER_BEFORE.search(text, max(0, start - 32), start)  # "order #418", "Order ID 2024"
    return bool(before or _THING_ID_SHAPE.match(text, start))


# A number followed by a month (`_dates.MONTH_ABBREVIATIONS`) and a day is a date column ("4096
# Dec  2 06:26" in `ls -l`, "12 Mar 14:05" in a log), not a house number and a street.

_DATE_AFTER = re.compile(r"\.?\s+\d{1,2}(?:\b|st|nd|rd|th)")
_TIME_BEFORE = re.compile(r"\d:$|\d:(?=\d)")
_MONTH_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]+(\d{1,2}[ \t]+)?$")
_DAY_THEN_YEAR_OR_TIME = re.compile(r"\d{1,2}[ \t]+(?:(?:19|20)\d\d|\d{1,2}:\d\d)\b")
_YEAR_OR_TIME = re.compile(r"(?:19|20)\d\d\b|\d{1,2}:\d\d\b")


def _date_before(text: str, start: int, end: int) -> bool:
    """The span is the rest of a date whose month comes before it, and one word: "[20 2025
    base-passwd]" after "May ", "[2026 PackageKit]" after "May 9 " (a listing whose OCR read
    split the columns). More words after the date ("3 2021 at 12 Oak Street") may be an address."""
    m = _MONTH_BEFORE.search(text, max(0, start - 16), start)
    if m is None or m.group(1).lower() not in MONTH_ABBREVIATIONS:
        return False
    date = (_YEAR_OR_TIME if m.group(2) else _DAY_THEN_YEAR_OR_TIME).match(text, start)
    return date is not None and len(text[date.end() : end].split()) <= 1


_YEAR = re.compile(r"(?:19|20)\d\d")


def year_of_date(text: str, start: int, end: int) -> bool:
    """An "id" that is the year of a date whose month comes before it ("May 20 2023" of `ls -l`),
    or a year alone, four digits from 1900 to 2099 no id runs on from ("Nómina marzo 2024",
    "Piano ferie 2025": a title's period)."""
    if not _YEAR.fullmatch(text, start, end):
        return False
    if not _ID_JOINER.match(text, end) and (start == 0 or not _ID_JOINER.match(text, start - 1)):
        return True
    m = _MONTH_BEFORE.search(text, max(0, start - 16), start)
    return m is not None and m.group(1).lower() in MONTH_ABBREVIATIONS


_ID_JOINER = re.compile(r"[-/_.#:]?\w")  # "2024-00123", "KL/2024/08812": a year inside an id


# a date of day, month and year, or month, day and year ("Thu 06 Jun 2024", "June 6, 2024")
_WRITTEN_DATE = re.compile(
    rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{MONTHS_ALTERNATION})\.?,?[ \t]+\d{{2,4}}\b"
    rf"|\b(?:{MONTHS_ALTERNATION})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{2,4}}\b)"
)


def date_only(text: str, start: int, end: int) -> bool:
    """Every digit of `text[start:end]` is a written date's ("Signature made Thu 06 Jun 2024"): a
    date, no house number."""
    span = text[start:end]
    return any(c.isdigit() for c in span) and not any(c.isdigit() for c in _WRITTEN_DATE.sub("", span))


def date_column(text: str, start: int, end: int) -> bool:
    """An "address" that is a number, a month and a day, or a month and a day ("Dec  2" of "4096
    Dec  2 06:26"), or whose number is a time's minutes ("06:26 ImageMagick"): tabular output,
    file listings, logs."""
    if _TIME_BEFORE.search(text, max(0, start - 3), start + 1) and text[start : start + 1].isdigit():
        return True
    if text[start : start + 1].isdigit() and _date_before(text, start, end):
        return True
    first = _WORD.match(text, start)
    if first and first.group().lower() in MONTH_ABBREVIATIONS and _DATE_AFTER.match(text, first.end()):
        return True
    for m in re.finditer(r"\d+\s+([^\W\d_]+)", text[start : min(len(text), end + 8)]):
        if m.group(1).lower() in MONTH_ABBREVIATIONS and _DATE_AFTER.match(text, start + m.end()):
            return True
    return False


_PERMISSIONS = re.compile(r"[-dlcbps][-rwxsStT]{7,9}[.+@]?")
"""A file's mode as `ls -l` prints it ("drwxr-xr-x"), or as the OCR reads it a letter or two short
("drwxr-xr-")."""


def listing_line(text: str, start: int) -> bool:
    """`start` is on a line of `ls -l` output: the line starts with a file's mode."""
    line = text.rfind("\n", 0, start) + 1
    while line < start and text[line] in " \t":
        line += 1
    mode = _PERMISSIONS.match(text, line)
    return mode is not None and text[mode.end() : mode.end() + 1] in (" ", "\t")


def file_modes(text: str, start: int, end: int) -> bool:
    """The span's words, whole, are file modes only (a column of them, as OCR reads a terminal's
    `ls -l`; the model's span may stop at a "-" of one)."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    words = text[start:end].split()
    return bool(words) and all(_PERMISSIONS.fullmatch(w) for w in words)


_NUMBER = re.compile(r"\d+")


_LAST_NUMBER = re.compile(r"\d+(?:[.,]\d+)?$")


def quantity_ends(text: str, start: int, end: int) -> bool:
    """`text[start:end]` ends in a number that a unit follows (`_MEASURE`): "CAD 900" of "CAD 900
    ml", "frequentie 78" of "78/min", "granulatie, 50" of "50 %": a measurement, no house number."""
    last = _LAST_NUMBER.search(text, start, end)
    if last is None:
        return False
    unit = _MEASURE.match(text, last.start())
    return unit is not None and unit.end() > end and not _house_slash(unit.group())


def any_quantity(text: str, start: int, end: int) -> bool:
    """A number of `text[start:end]` that stands alone is a quantity (`_MEASURE`; its unit may lie
    just past the span): "bisoprolol 2,5 mg 1-0-0", "kg, IMC 31,4" of "peso 92 kg"."""
    near = min(len(text), end + 6)
    for q in _MEASURE.finditer(text, max(0, start - 6), near):
        if q.end() > start and not text[q.start() - 1 : q.start()].isalpha() and not _house_slash(q.group()):
            return True
    return False


_SLASH_NUMBER = re.compile(r"[\d.,]+[ \t]?/[ \t]?\d")


def _house_slash(quantity: str) -> bool:
    """A `_MEASURE` match of a number, a slash and a number: a blood pressure's "160/90", but in
    an address a house's and a flat's numbers ("Marszałkowska 84/92", "Mariahilfer Straße 88/2")."""
    return _SLASH_NUMBER.match(quantity) is not None


def quantities_only(text: str, start: int, end: int) -> bool:
    """The span has a number that stands alone ("SatO2", "CO2" are words), and each is a quantity's
    (`_MEASURE`: its digits, the 90 of "160/90" too; its unit may lie just past the span)."""
    numbers = [m for m in _NUMBER.finditer(text, start, end) if not text[m.start() - 1 : m.start()].isalpha()]
    near = min(len(text), end + 12)
    # a quantity has a few digits before its unit; "47262093L" is an id and its letter
    if not numbers:
        return False
    quantities = [
        q.span()
        for q in _MEASURE.finditer(text, start, near)
        if len(q.group()) - len(q.group().lstrip("0123456789")) <= 5
    ]
    return all(any(a <= m.start() < b for a, b in quantities) for m in numbers)


def a_date(text: str, start: int, end: int, words: list[re.Match[str]]) -> bool:
    """The span is a month's name with a day and a year ("March 11, 2024", "11 mars 2024"), a
    weekday's before it maybe ("Tue, 07 May 2024")."""
    low = [m.group().lower() for m in words]
    if not low or not all(w in MONTH_WORDS or w in WEEKDAY_WORDS for w in low):
        return False
    if not any(w in MONTH_WORDS for w in low):
        return False  # (a month among them: "Tue, 07 May 2024")
    return all(int(n) <= 31 or 1900 <= int(n) <= 2099 for n in _NUMBER.findall(text, start, end))


_LISTING_HEAD = re.compile(
    r"[ \t]*[-dlcbps][-rwxsStT]{9}[.+@]?[ \t].*?(?:\d{1,2}:\d\d|(?<!\d)(?:19|20)\d\d)[ \t]+$"
)


def listed_file(text: str, start: int) -> bool:
    """`start` is in the file-name column of an `ls -l` line ("… 4096 Jun 24 2025 build-essential"):
    a file's name, not a user's (the owner column, before the date, stays the model's)."""
    line = text.rfind("\n", 0, start) + 1
    return _LISTING_HEAD.fullmatch(text, line, start) is not None


# the label of a number that is a company's, a tax registration's or a bank's, not a line's: an
# Australian or New Zealand business number, a VAT id (USt-IdNr., TVA) or a company's register
# number (HRB), a routing number
# (not a SIRET, a KvK, an EIN or a partita IVA: a sole trader's, labelled a person's on the sets)
_COMPANY_NUMBER_LABEL = re.compile(
    r"\b(?:ABN|ACN|NZBN|GSTIN|VAT(?:[ \t]+(?:no|number|reg(?:istration)?))?|USt-?Id(?:Nr)?|UID|HRB|"
    r"TVA(?:[ \t]+intracommunautaire)?|"
    r"(?i:company[ \t]+(?:reg(?:istration)?\.?[ \t]*)?(?:no|number)|routing(?:[ \t]+(?:no|number))?))"
    r"\.?[ \t]*[:#]?[ \t]*(?:[A-Z]{2}[ \t]*)?$"
)


def company_number_label(before: str) -> bool:
    """`before` (the text before a number) ends with the label of a company's, a VAT id's or a
    routing number (`_COMPANY_NUMBER_LABEL`): no one's phone nor account."""
    return _COMPANY_NUMBER_LABEL.search(before) is not None


# an HTTP header that carries a request's or a trace's id, no one's: CloudFront's, AWS's, a proxy's
REQUEST_ID_HEADER = re.compile(
    r"(?i:\b(?:x-amz-cf-id|x-amz-cf-pop|x-amz-request-id|x-amz-id-2|x-amzn-requestid|x-amzn-trace-id|x-request-id|"
    r"x-correlation-id|x-cloud-trace-context|cf-ray|traceparent|request-id))[ \t]*:[ \t]*-?$"
)
