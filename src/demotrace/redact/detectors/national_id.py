"""ACCOUNT_ID: national identity numbers whose check digits say what they are, found without a
word before them ("Inkomstdeklaration 1 för 19780322-4417", a CSV's `DSNMGR65D58H501B`).

One shape and one check per country, as presidio-analyzer's country recognizers do it (each shape
distinct enough, each check strong enough, that a number of another kind that fits both is rare):

- Sweden's personnummer: YYYYMMDD-NNNN or YYMMDD-NNNN (with its separator), a date (or a
  coordination number's day + 60) and the Luhn check over the last ten digits;
- Finland's henkilötunnus: DDMMYY, the century's sign, three digits, a check character (mod 31);
- Norway's fødselsnummer: eleven digits, a date (D- and H-numbers added), two mod-11 check digits;
- Spain's DNI and NIE: eight digits (or X/Y/Z and seven) and the letter of the number mod 23;
- Italy's codice fiscale: sixteen characters and the check letter of its odd and even tables;
- France's NIR: fifteen digits (Corsica's 2A/2B), the key 97 - (number mod 97);
- Belgium's rijksregisternummer: YY.MM.DD-NNN.CC, the key 97 - mod 97 (+2000000000 after 1999);
- Brazil's CPF: NNN.NNN.NNN-NN and its two check digits;
- a researcher's ORCID iD, NNNN-NNNN-NNNN-NNNC, its check character of ISO 7064 MOD 11-2;
- Russia's SNILS: NNN-NNN-NNN NN, its key of the digits weighted 9 to 1, mod 101;
- the UK's National Insurance number: two letters of the prefixes HMRC issues (not D, F, I, Q, U,
  V; not BG, GB, KN, NK, NT, TN, ZZ), six digits, a suffix A to D ("SN 48 27 91 C"; the leaflets'
  "QQ 12 34 56 C" is none);
- South Africa's identity number: YYMMDD, four digits, a citizenship digit (0 or 1), one more and
  the Luhn check over all thirteen;
- Hong Kong's identity card: one or two letters, six digits and the check character in brackets
  ("Y472910(3)"), a shape no other number has (its check is not asked: made-up ones are written).

The account-id detector finds others after their words ("BSN:", "PESEL"), where a check is weak.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ._base import Detector, Span
from .credit_card import luhn_ok

# (a separator always: twelve digits alone are as often a time stamp, "202403151234")
_SE = re.compile(r"(?<![\w-])(?:(?:19|20)(\d{6})[- ]|(\d{6})[-+])(\d{4})(?![\w-])")
# a Swedish personnummer written whole, the century too ("19850314-2398"): a birth date of 1920–2012
# and four digits, taken without its Luhn check (people copy and type them with a digit wrong, and
# sets written by hand hold invented ones); a later year is an order's or a ticket's date-stamped
# reference ("20240511-0931")
_SE_WHOLE = re.compile(
    r"(?<![\w#/.-])(?:19[2-9]\d|200\d|201[0-2])(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{4}(?![\w-])"
)
_FI = re.compile(r"(?<![\w-])(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\w-])")
_NO = re.compile(r"(?<![\w.-])(\d{6}) ?(\d{5})(?![\w-])")
_ES = re.compile(r"(?<![\w-])([XYZ]?)[- ]?(\d{7,8})[- ]?([A-Z])(?![\w-])")
_IT = re.compile(r"(?<![\w-])[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![\w-])")
_FR = re.compile(
    r"(?<![\w-])([12]) ?(\d{2}) ?(0[1-9]|1[0-2]|[2-9]\d) ?(\d{2}|2[AB]) ?(\d{3}) ?(\d{3}) ?(\d{2})(?![\w-])"
)
_BE = re.compile(r"(?<![\w.-])(\d{2})\.?(\d{2})\.?(\d{2})-?(\d{3})\.?(\d{2})(?![\w-])")
_BR = re.compile(r"(?<![\w.-])(\d{3})\.(\d{3})\.(\d{3})-(\d{2})(?![\w-])")
_ORCID = re.compile(r"(?<![\w-])(?:\d{4}-){3}\d{3}[\dX](?![\w-])")
_RU_SNILS = re.compile(r"(?<![^\W_])(?<![.-])(\d{3})-(\d{3})-(\d{3})[ -](\d{2})(?![\w-])")

_FI_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_ES_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_IT_ODD_DIGITS = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21)  # 0-9, and A-J the same
_IT_ODD_LETTERS = (2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)  # K-Z
_IT_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (*_IT_ODD_DIGITS, *_IT_ODD_DIGITS, *_IT_ODD_LETTERS),
        strict=True,
    )
)


def _date_ok(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _sweden(m: re.Match[str]) -> bool:
    body = (m.group(1) or m.group(2)) + m.group(3)  # YYMMDDNNNN
    day = int(body[4:6])
    return _date_ok(day - 60 if day > 60 else day, int(body[2:4])) and luhn_ok(body)


def _finland(m: re.Match[str]) -> bool:
    dob, _, serial, check = m.groups()
    if not _date_ok(int(dob[:2]), int(dob[2:4])):
        return False
    return _FI_CHECK[int(dob + serial) % 31] == check


def _norway(m: re.Match[str]) -> bool:
    d = [int(c) for c in m.group(1) + m.group(2)]
    day, month = d[0] * 10 + d[1], d[2] * 10 + d[3]
    day -= 40 if day > 40 else 0  # a D-number
    month -= 80 if month > 80 else 40 if month > 40 else 0  # an H-number, a test number
    if not _date_ok(day, month):
        return False
    k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), d, strict=False)) % 11
    k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), d, strict=False)) % 11
    return (k1 % 11) == d[9] and (k2 % 11) == d[10] and k1 != 10 and k2 != 10


def _spain(m: re.Match[str]) -> bool:
    lead, digits, letter = m.groups()
    if (lead and len(digits) != 7) or (not lead and len(digits) != 8):
        return False
    number = int(str("XYZ".index(lead)) + digits) if lead else int(digits)
    return _ES_LETTERS[number % 23] == letter


def _italy(m: re.Match[str]) -> bool:
    """The check letter, or a birth day of the code's shape (1-31, a woman's 41-71): sixteen such
    characters are a codice fiscale whatever its last letter (a typo, a form's made-up example)."""
    code = m.group()
    day = int(code[9:11])
    if 1 <= day <= 31 or 41 <= day <= 71:
        return True
    total = sum(_IT_ODD[c] for c in code[0:15:2])
    total += sum(int(c) if c.isdigit() else ord(c) - 65 for c in code[1:15:2])
    return chr(65 + total % 26) == code[15]


def _france(m: re.Match[str]) -> bool:
    sex, year, month, dept, commune, order, key = m.groups()
    dept_num = {"2A": "19", "2B": "18"}.get(dept, dept)
    number = int(sex + year + month + dept_num + commune + order)
    return 97 - number % 97 == int(key)


def _belgium(m: re.Match[str]) -> bool:
    yy, mm, dd, serial, key = m.groups()
    if not _date_ok(int(dd), int(mm)) and not (int(mm) == 0 or int(dd) == 0):  # (unknown dates: 00)
        return False
    n = int(yy + mm + dd + serial)
    return int(key) in (97 - n % 97, 97 - (2_000_000_000 + n) % 97)


def _brazil(m: re.Match[str]) -> bool:
    d = [int(c) for c in "".join(m.groups())]
    if len(set(d)) == 1:
        return False
    for n in (9, 10):
        check = sum(w * x for w, x in zip(range(n + 1, 1, -1), d, strict=False)) * 10 % 11 % 10
        if check != d[n]:
            return False
    return True


def _snils(m: re.Match[str]) -> bool:
    """Russia's SNILS: the digits weighted 9 down to 1, summed, mod 101 (100 → 0) is the key;
    numbers up to 001-001-998 have none."""
    digits = m.group(1) + m.group(2) + m.group(3)
    if int(digits) <= 1001998:
        return False
    total = sum(int(d) * w for d, w in zip(digits, range(9, 0, -1), strict=True)) % 101
    return (0 if total == 100 else total) == int(m.group(4))


def _orcid(m: re.Match[str]) -> bool:
    digits = m.group().replace("-", "")
    total = 0
    for d in digits[:-1]:
        total = (total + int(d)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


_UK_NINO = re.compile(
    r"(?<![\w-])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![\w-])"
)
_ZA = re.compile(r"(?<![\w-])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{4}[01]\d\d(?![\w-])")
_HKID = re.compile(r"(?<![\w-])[A-Z]{1,2}\d{6}\([0-9A]\)")


def _nino(m: re.Match[str]) -> bool:
    return m.group(1) not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")


_CHECKED: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], bool]], ...] = (
    (_SE, _sweden),
    (_SE_WHOLE, lambda m: True),
    (_FI, _finland),
    (_NO, _norway),
    (_ES, _spain),
    (_IT, _italy),
    (_FR, _france),
    (_BE, _belgium),
    (_BR, _brazil),
    (_ORCID, _orcid),
    (_RU_SNILS, _snils),
    (_UK_NINO, _nino),
    (_ZA, lambda m: luhn_ok(m.group())),
    (_HKID, lambda m: True),
)


class NationalIdDetector(Detector):
    name = "national_id"
    kinds = ("ACCOUNT_ID",)
    needs_digit = True  # every shape holds digits
    # in every shape's match (a codice fiscale's digits come in twos and threes between letters)
    trigger = re.compile(
        r"\d{6}|\d\d[. ]\d\d|\d{3}\.\d{3}|\d\d[A-Z]\d\d[A-Z]\d{3}|\d{4}-\d{4}-\d{4}-|\d\d \d\d \d\d"
    )

    def detect(self, text: str) -> Iterable[Span]:
        return [  # (the separator a Spanish number may open with is no part of it: "DNI: 05398214E")
            Span("ACCOUNT_ID", m.start() + (text[m.start()] in " -"), m.end(), 0.85)
            for rx, valid in _CHECKED
            for m in rx.finditer(text)
            if valid(m)
        ]
