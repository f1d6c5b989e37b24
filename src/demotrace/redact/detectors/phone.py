"""PHONE_NUMBER: international and national formats.

Two tiers, both cheap:
1. A candidate regex for phone-shaped runs: an optional `+`/`00`/`001` prefix, digit groups joined
   by spaces, dots, dashes or a parenthesised area code, 7–15 digits (ITU-T E.164 maximum), with an
   optional extension (`x1234`, `ext. 12`).
2. A candidate is kept when Google's libphonenumber (the `phonenumbers` port) says it is a possible
   number in international form or in one of the common regions, or when its shape is
   unambiguously a phone (parenthesised area code, 3+ separated groups), or when a phone word
   ("tel", "call", "mobile", …) stands just before it. Dates, times, versions, IPv4 addresses and
   money are excluded by shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import phonenumbers
import phonenumbers.re_util

from ._base import Detector, Span
from ._number_shapes import (
    HOST_PORT_BEFORE,
    cloud_account,
    company_number_label,
    epoch_value,
    listing_line,
    logged_time,
    quantity_key,
)
from .credit_card import BARCODE_KEY

# kana, CJK ideographs and hangul: word characters that a number may touch in unspaced text
# ("電話は090-1234-5678です", "电话13812345678")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CANDIDATE = re.compile(  # one character per step: linear, no nested quantifiers
    rf"(?<![+.\-/]|[^\W{_CJK}])(?:\+?\()?\+?\d(?:\d|[ .\-/]\(?|\(|\)[ .\-]?){{5,22}}\d"
    r"(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?"
    rf"(?![\-/]|[^\W{_CJK}]|\.\d)",
    re.IGNORECASE,
)
# a phone word of unspaced scripts, glued to the number or a particle away ("電話は", "电话")
_CJK_CONTEXT = re.compile(r"(?:电话|電話|手机|手機|携帯|ケータイ|전화|휴대폰|연락처)[^\d\n]{0,3}$")
_DIGIT = re.compile(r"\d")
_EXT = re.compile(r"[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6}$", re.IGNORECASE)
_DATE = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$"  # ISO 8601 / D.M.Y
)
# a log line's timestamp, read with the hour: "2026-12-04 10" of "2026-12-04 10:22:31"
_TIMESTAMP = re.compile(
    r"(?:(?:19|20)\d\d([-/.])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])"  # (or "2024/06/11 14")
    r"|\d\d?([-/.])\d\d?\2(?:19|20)\d\d)[ T]\d\d?$"  # "18/03/2025 07", "3/4/2024 6"
)
# a date and a time of day written as digits alone ("20240611", "093015")
_YMD = r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_HMS = r"(?:[01]\d|2[0-3])[0-5]\d[0-5]\d"
# a time stamp of fourteen digits (a migration's "20240611093015"), an id's key before the number
# (`"ascAppId": "6471029384"`, `order_id=`)
_STAMP = re.compile(_YMD + _HMS)
# a camera's or a phone's file name: its date, then its time (and milliseconds), "IMG_20240312_184455"
_SPLIT_STAMP = re.compile(_YMD + r"[ _-]" + _HMS + r"\d{0,3}")
# (a thing's: a person's own id after its key, `steuer_id="65 929 970 489"`, stays a number to mask)
_ID_KEY_BEFORE = re.compile(
    r"(?:(?i:app|team|build|order|project|request|trace|span|job|run|task|event|message|device|store|bundle|"
    r"sender|messagingSender|gcm_sender)(?:Id|[_-]id)|(?i:project[_-]?number))[\"']?[ \t]*[:=][ \t]*[\"']?$"
    # (or a plist's key before its value: Firebase's `<key>GCM_SENDER_ID</key>\n<string>…`)
    r"|<key>(?i:gcm_sender_id|project_number)</key>\s*<string>$"
)
# a Firebase app's id: its project's number between "1:" and the platform ("1:718204935516:android:…")
_FIREBASE_APP_ID = re.compile(r"\d:\d{9,13}:(?:android|ios|web):")
_PHONE_KEY = re.compile(r"(?i:phone|tel|mobile|cell|fax|msisdn|whatsapp)")
# a number glued to another by ";" or "," (no space): an item of a list of ids
_LISTED_BEFORE = re.compile(r"\d[;,]$")
_LISTED_AFTER = re.compile(r"[;,]\d")
_GLUE = re.compile(r"(?<=\d)[;,](?=\d)")
# a clock's hours and minutes right before ("09:41:" of "09:41:12.882011 2024"): its seconds
_CLOCK_BEFORE = re.compile(r"\d\d:\d\d:$")
# the candidate ends at an hour that a clock's minutes follow
_CLOCK_AFTER = re.compile(r":[0-5]\d(?!\d)")
_DATE_HOUR = re.compile(r"\d{2,4}[/.-]\d{1,2}[/.-]\d{2,4}[ T]\d{1,2}$")
# a number alone on its line under a table's rule of dashes (psql's and MySQL's results)
_RESULT_CELL = re.compile(r"\n[ \t]*[-+]{3,}[-+ \t]*\n[ \t|]*$")
_LINE_END = re.compile(r"[ \t|]*(?:\n|$)")
# two numbers a candidate ran over: "22 834 1176 / 918 550 204", "020 123 4567  06 1234 5678"
_TWO_NUMBERS = re.compile(r"(?<=\d)(?: +/ *| */ +| {2,})(?=\(?\+?\d)")
_HOUR_GROUP = re.compile(r"[ .\-/(]+\(?\d{1,2}$")  # the hour a candidate ended at, with its separator
# a hex dump's line ("00000020: 7632 2e34 2e31 …"), a month's word before the day and year ("Mar 02
# 2024 - 11:20:41"), a key of code before bare digits (`"random_state": 20240517`,
# `&permissions=274877975552`) that names no phone (`_DIALLED_KEY`)
_HEXDUMP_LINE = re.compile(r"[0-9a-fA-F]{4,8}:?(?:[ \t]+[0-9a-fA-F]{2,4}){4}")
_MONTH_BEFORE = re.compile(r"(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?)[ \t]$")
_CODE_KEY_BEFORE = re.compile(
    r"(?:[\"'][A-Za-z_][\w.-]*[\"']|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[?&][a-z][\w.-]*)[ \t]*[:=][ \t]*[\"']?$"
)
_DIALLED_KEY = re.compile(
    r"(?i:phone|tel|mobile|cell|fax|msisdn|whatsapp|contact|numero|número|nummer|handy|gsm|m[oó]vil|"
    r"celular|portable|sms|call|number|\bph|\bno\b|\bnr\b)"
)
_IPV4ISH = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_VERSION = re.compile(r"^\d{1,2}(?:\.\d+){1,2}$")  # 1.2.3, 10.0.19041 (not 986.291.2294)
_VERSION_BUILD = re.compile(r"\d{1,2}\.\d{1,3}\.\d{1,3}[ ]?\(")  # "Tealbird 6.4.1 (6041)"
# a kernel's release, "5.15.0-105" (a Chilean RUT ends in one character: "17.845.332-6")
_VERSION_RELEASE = re.compile(r"\d{1,2}\.\d{1,3}\.\d{1,3}-\d{2,4}$")
# ("no" as "No." or "no:", not the word: "no 401/403 spike")
_CONTEXT = re.compile(
    r"(?:phone|tel|telephone|mobile|mob|cell|fax|call|ph|whatsapp|contact|number|no(?=[.:#º°])|nr|"
    r"telefon|telefonum|téléphone|teléfono|handy|numéro|número|телефон|тел|τηλ|τηλέφωνο|"
    r"telefonnummer)\b[^\n\w]{0,4}(?:\w+[^\n\w]{1,3}){0,2}$",
    re.IGNORECASE,
)
_PHONE_WORD = re.compile(
    r"(?:phone|tel|telephone|mobile|mob|cell|fax|call|whatsapp|telefon|téléphone|teléfono|handy)\b"
    r"[^\n]{0,24}$",
    re.IGNORECASE,
)
# identifiers that look like phone numbers: ISBN 978-3-16-148410-0, Order ID 7842-1193-0021
_OTHER_NUMBER = re.compile(
    r"\b(?:isbn|issn|order|invoice|ticket|meeting id|id|tracking|ref|reference|sku|serial|build|"
    r"version|ver|v|model|part|case|po|pr|issue|commit|release|chrome|firefox|kb|error|errno)\b[^\n\w]{0,4}"
    r"(?:\w+[^\n\w]{1,3}){0,1}$",
    re.IGNORECASE,
)
# a date first, then a build's number: "2024.05.14-3", "2024-05-14.2"
_DATED = re.compile(r"(?:19|20)\d\d[.-](?:0[1-9]|1[0-2])[.-](?:0[1-9]|[12]\d|3[01])[.-]\d")
# a short number, a blank and a bracket that a phone number of its own fills: "14 (07733 410 962"
_NUMBER_THEN_BRACKET = re.compile(r"\d{1,3}[ ]\((?=\+?\d{3,}[ \d]{6,})")
# a date, then a bracket: a birth date and the age in brackets ("geb. 09.05.1938 (85 J.)")
_DATE_THEN_BRACKET = re.compile(r"(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)[ ]?\(")
_DOTTED_PHONE = re.compile(r"\d{3}\.\d{3}\.\d{4}|\d{2}(?:\.\d{2}){4}")
CACHE_SCORES = 8192
REGIONS = ("US", "GB", "DE", "FR", "IN", "AU", "NL", "ES", "IT", "BR", "CA", "CH")


def _digits(s: str) -> str:
    return "".join(filter(str.isdigit, s))


def _libphonenumber_ok(cand: str, regions: Sequence[str] = REGIONS) -> str | None:
    """What makes a candidate a phone number for libphonenumber: "" when it is a possible number
    in international form, else the first of `regions` in which it is a valid national number;
    None when neither. Whether it is one does not depend on the order of `regions`."""
    core = _EXT.sub("", cand)
    if core.startswith(("+", "00")):
        try:
            n = phonenumbers.parse("+" + core.lstrip("+0") if core.startswith("00") else core, None)
            return "" if phonenumbers.is_possible_number(n) else None
        except phonenumbers.NumberParseException:
            return None
    for region in regions:
        try:
            n = phonenumbers.parse(core, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(n):
            return region
    return None


_WARM = False


def _warm_up() -> None:
    """libphonenumber loads each region's metadata on first use (tens of ms each): do it once,
    at construction, not inside an item's time budget."""
    global _WARM
    if not _WARM:
        # libphonenumber compiles its metadata regexes on every use; past `re`'s own cache of
        # 512 they are compiled anew each time (~15% of this detector on PII page text): keep
        # them (a phonenumbers without this switch just compiles as before)
        enable = getattr(phonenumbers.re_util, "enable_pattern_cache", None)
        if enable is not None:
            enable()
        for region in REGIONS:
            _libphonenumber_ok(f"{phonenumbers.country_code_for_region(region)} 1234 5678", [region])
            phonenumbers.is_valid_number(phonenumbers.parse("+1 650 253 0000", region))
        _libphonenumber_ok("+44 20 7946 0958")
        _WARM = True


# a line of `git log --oneline`: an abbreviated hash and a space at the line's start; a hash of
# digits alone is one where another line opens with one that holds a letter, or a ref follows it
_HASH_LINE = re.compile(r"(?m)^(?=[0-9]*[a-f])[0-9a-f]{7,40} ")
_REF_AFTER = re.compile(r" \((?:HEAD|tag: |origin/)")


def _commit_line(text: str, start: int, end: int) -> bool:
    if not 7 <= end - start <= 40 or (start and text[start - 1] != "\n") or text[end : end + 1] != " ":
        return False
    return _REF_AFTER.match(text, end) is not None or _HASH_LINE.search(text) is not None


class PhoneDetector(Detector):
    name = "phone"
    kinds = ("PHONE_NUMBER",)
    needs_digit = True  # every pattern needs a `\d`
    # every candidate runs from a digit over 5+ digits, separators or parentheses to a digit
    trigger = re.compile(r"\d[\d .\-/()]{5,}\d")

    def __init__(self) -> None:
        _warm_up()
        self._scores: dict[tuple[str, str], float] = {}
        self._regions: tuple[str, ...] = REGIONS
        """`REGIONS`, the last one a national number was valid in first: libphonenumber's parse
        and validity check per region is most of this detector's time, and the numbers of one
        page tend to share a country (on the PII page, 2 of 3 were German numbers that the US
        and UK plans had to reject first). The verdict does not depend on the order."""

    def _cached_score(self, text: str, start: int, cand: str) -> float:
        """`_score`, memoised by what it reads (the candidate and the 30 characters before it):
        page text repeats its numbers (footers, tables), and libphonenumber's parse over up to
        12 regions is most of this detector's time."""
        key = (text[max(0, start - 30) : start], cand)
        score = self._scores.get(key)
        if score is None:
            if len(self._scores) >= CACHE_SCORES:
                self._scores.clear()
            score = self._scores[key] = self._score(text, start, cand)
        return score

    def detect(self, text: str) -> Iterable[Span]:
        if len(_DIGIT.findall(text)) < 6:  # a kept candidate has 6+ `\d` digits (counted in C)
            return []
        out: list[Span] = []
        pos = 0
        while (m := _CANDIDATE.search(text, pos)) is not None:
            # "030-231 66 82 / 06-28 19 44 03": each number on its own; where the first is none, the
            # run whole as before ("BSB/Acc: 062-118 / 10457321"), else the search goes on after it
            two = _TWO_NUMBERS.search(m.group())
            first = self._number(text, m.start(), m.group()[: two.start()]) if two is not None else None
            span = first if first is not None else self._number(text, m.start(), m.group())
            pos = (
                m.start() + two.end() if two is not None and (first is not None or span is None) else m.end()
            )
            if span is not None:
                out.append(span)
        return out

    def _number(self, text: str, start: int, cand: str) -> Span | None:
        """The candidate `cand` at `start` as a phone number's span, or None."""
        house = _NUMBER_THEN_BRACKET.match(cand)
        if house is not None:  # "Jude at no. 14 (07733 410 962)": a house's number, then the phone
            start, cand = start + house.end(), cand[house.end() :]
        if _CLOCK_AFTER.match(text, start + len(cand)):
            # the run took in an hour that its minutes follow: "+44 7700 900713 (19" of "(19:42)",
            # "4096 6 02" of "4096 6 02:52"; the number is what stands before it, if any
            hour = _HOUR_GROUP.search(cand)
            if hour is None:
                return None
            cand = cand[: hour.start()]
        score = self._cached_score(text, start, cand)
        if score <= 0:
            return None
        # "(07700 900 884)": a parenthesis around the number, not an area code's, is left
        wrapped = cand[0] == "(" and ")" not in cand
        return Span("PHONE_NUMBER", start + wrapped, start + len(cand), score)

    def _valid(self, cand: str) -> bool:
        regions = self._regions  # one read: another thread may reorder it meanwhile
        region = _libphonenumber_ok(cand, regions)
        if region and region != regions[0]:
            self._regions = (region, *(r for r in regions if r != region))
        return region is not None

    @staticmethod
    def _not_dialled(text: str, start: int, cand: str, before: str) -> bool:
        """A hex dump's bytes, a date after its month's word, a host's port, a number of code under a
        key."""
        if _HEXDUMP_LINE.match(text, text.rfind("\n", 0, start) + 1) or _MONTH_BEFORE.search(before):
            return True
        if company_number_label(before):
            return True  # "ABN 51 824 753 556", "VAT no.: GB 318 4420 17": a company's or a bank's number
        if HOST_PORT_BEFORE.search(before):
            return True  # "sip:media-a.pbx.local:5060 0 10": a host's port, then an SRV record's numbers
        if BARCODE_KEY.search(before) or _CLOCK_BEFORE.search(before):
            return True  # `ean: "4006381333931"`; Apache's "[Tue Jun 11 09:41:12.882011 2024]": a time
        end = start + len(cand)
        stamp = _SPLIT_STAMP.search(text, max(0, start - 9), end)
        if stamp is not None and stamp.start() <= start and stamp.end() == end:
            return True  # "IMG_20240312_184455.jpg": a photo's date and time, not a number to dial
        listed = _LISTED_BEFORE.search(before) or _LISTED_AFTER.match(text, end)
        if listed and not _PHONE_WORD.search(before):
            lo, hi = start, end  # the run of numbers glued by ";" or "," that holds the candidate
            while lo > 0 and (text[lo - 1].isdigit() or text[lo - 1] in ";,"):
                lo -= 1
            while hi < len(text) and (text[hi].isdigit() or text[hi] in ";,"):
                hi += 1
            if len(_GLUE.findall(text, lo, hi)) >= 2:
                return True  # "WorkshopItems=2169435993;2200148440;…": three ids or more in a list
        if cand.isdigit() and logged_time(text, start, end) and not _PHONE_WORD.search(before):
            return True  # "starting run 1718073259" on a log's line (`_score` asked `epoch_value`)
        if _DATE_HOUR.search(cand) and _CLOCK_AFTER.match(text, end):
            return True  # "24/06/11 03:18:44 INFO …": a log's date and its hour
        cell = _RESULT_CELL.search(text, max(0, start - 120), start)
        if (
            cell
            and _LINE_END.match(text, end)
            and not _DIALLED_KEY.search(text, max(0, cell.start() - 80), cell.start())
        ):
            return True  # psql's "count\n---------\n 9120446": a query's result under its table rule
        if listing_line(text, start):
            return True  # `ls -l`'s size, day and year: "4096 24 2025" of "… 4096 Jun 24 2025 alsa"
        if cand.isdigit() and _commit_line(text, start, end):
            return True  # `git log --oneline`: "7385815 (HEAD -> main) fix: …", a hash of digits only
        key = _CODE_KEY_BEFORE.search(before) if cand.isdigit() else None
        return key is not None and not _DIALLED_KEY.search(key.group())

    def _score(self, text: str, start: int, cand: str) -> float:
        core = _EXT.sub("", cand)
        digits = _digits(core)
        if not 6 <= len(digits) <= 15 or "  " in core:
            return 0.0  # (two blanks: a table's columns, "1182   2025-03-01")
        if _DATE.match(core) or _IPV4ISH.match(core) or _VERSION.match(core) or _TIMESTAMP.match(core):
            return 0.0
        if _VERSION_BUILD.match(core) or _VERSION_RELEASE.match(core) or _STAMP.fullmatch(core):
            return 0.0
        before = text[max(0, start - 30) : start]
        if _OTHER_NUMBER.search(before) and not _PHONE_WORD.search(before):
            return 0.0
        if _ID_KEY_BEFORE.search(text, max(0, start - 40), start) and not _PHONE_KEY.search(before):
            return 0.0
        if _FIREBASE_APP_ID.match(text, max(0, start - 2)):
            return 0.0
        if quantity_key(text, start) or cloud_account(text, start, start + len(cand)):
            return 0.0
        if epoch_value(text, start, start + len(cand)):
            return 0.0
        if digits == "1234567890":
            return 0.0  # "in the format 123-456-7890": a format's example, the digits in a row
        if _DATED.match(core) or _DATE_THEN_BRACKET.match(core):
            return 0.0  # an image's tag or a build's name: "api:2024.05.14-3"; "09.05.1938 (85 J.)"
        if self._not_dialled(text, start, cand, before):
            return 0.0
        has_ctx = bool(_CONTEXT.search(before) or _CJK_CONTEXT.search(before))
        groups = [g for g in re.split(r"[ .\-/()]+", core) if g]
        dots_only = "." in core and not re.search(r"[ \-/()]", core) and not core.startswith("+")
        # dots only: a version, a build or a date unless shaped like 555.123.4567 / 01.23.45.67.89
        if dots_only and not has_ctx and not _DOTTED_PHONE.fullmatch(core):
            return 0.0
        if len(digits) >= 7 and self._valid(cand):
            return 0.9 if len(groups) > 1 or core.startswith("+") or has_ctx else 0.6
        if len(digits) >= 7 and (core.startswith("(") or len(groups) >= 3 or cand != core):
            return 0.7
        if has_ctx and len(digits) >= 6:
            return 0.6
        return 0.0
