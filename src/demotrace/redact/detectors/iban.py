"""IBAN_CODE: ISO 13616 IBANs (country code, 2 check digits, BBAN up to 30 alphanumerics), in
electronic or 4-character-group print form, validated by the ISO 7064 mod-97-10 checksum and the
country's length from the SWIFT IBAN registry (release 99)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from ._base import Pattern, PatternDetector, Span
from ._stems import matches_at
from ._windows import SHORT

# an account label ("IBAN", "Cuenta bancaria:", "Kontonummer", "n° de compte", "rekening") and up to
# three words more before an IBAN-shaped value: a bank account whatever its checksum (a mistyped or
# made-up one, or a country whose length the registry does not list)
_LABEL = re.compile(
    r"\b(?i:iban|rib|cuenta|conto|compte|konto(?:nummer|auszug)?|konta|(?:bank)?rekening(?:nummer)?|"
    r"account|conta|bankverbindung|rachun(?:ek|ku)|extracto|extrato|estratto|"
    # a transfer's ("Przelew do Tomasz Lewandowski - PL59 1020 …", "Virement vers …")
    r"przelew|virement|transferencia|transfer[eê]ncia|[üu]berweisung|bonifico|overboeking|overf[øo]rsel|"
    r"[öo]verf[öo]ring|p[řr]evod|transfer)\b"
)
# an IBAN printed in groups of four (uppercase country code, two digits, the last group 1–4 wide)
# whose length is its country's, give or take a group (`_PRINTED_SLACK`): a bank account even when
# its checksum fails or a digit too many was typed (a made-up one in a form or a title), scored
# below a valid one
_PRINTED = re.compile(r"(?<![\w-])([A-Z]{2})\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?(?![\w-])")
_PRINTED_SLACK = 4
_LABELLED = re.compile(
    _LABEL.pattern + r"(?:[^\w\n]{1,3}[\w.°º]+){0,3}?[^\w\n]{0,3}([A-Z]{2}\d{2}(?: ?[A-Z0-9]{2,4}){3,8})\b"
)

# SWIFT IBAN Registry: country → total IBAN length
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip


def mod97_ok(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97 == 1


class IbanDetector(PatternDetector):
    name = "iban"
    kind = "IBAN_CODE"
    kinds = ("IBAN_CODE",)
    needs_digit = True  # every pattern needs a `\d`
    trim_separators = " "
    patterns = (
        Pattern(
            "iban",
            re.compile(
                r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}(?![A-Za-z0-9])", re.IGNORECASE
            ),
        ),
    )

    # both patterns hold two letters (IGNORECASE, as the first one reads them) and two digits;
    # searched at the digits, which re skips to in C, and the letters checked behind them
    trigger: ClassVar[re.Pattern[str]] = re.compile(r"\d\d(?<=[A-Z]{2}\d\d)", re.IGNORECASE)

    def detect(self, text: str) -> Iterable[Span]:
        found = self._ibans(text)
        for m in _PRINTED.finditer(text):
            want = IBAN_LENGTHS.get(m.group(1))
            if (
                want
                and abs(want - len(m.group().replace(" ", ""))) <= _PRINTED_SLACK
                and not any(s.start <= m.start() < s.end for s in found)
            ):
                found.append(Span(self.kind, m.start(), m.end(), 0.6))
        if _LABEL.search(text):  # after an account label an IBAN-shaped value is one, checksum or not
            for m in _LABELLED.finditer(text):
                if not any(s.start <= m.start(1) < s.end for s in found):
                    found.append(Span(self.kind, m.start(1), m.end(1), 0.7))
        return found

    def _ibans(self, text: str) -> list[Span]:
        """`PatternDetector.detect`, the pattern matched only at its possible starts on a long text
        (`_stems.matches_at`): two characters before each digit pair of `trigger` (whose matches
        are exactly the places a letter pair meets a digit pair: never within 4 of each other,
        so `finditer` skips none)."""
        (p,) = self.patterns
        starts = [m.start() - 2 for m in self.trigger.finditer(text)] if len(text) >= SHORT else None
        out = []
        for m in matches_at(p.regex, text, starts):
            end = self._valid_end(text, m.start(), m.end())
            if end is not None:
                out.append(Span(self.kind, m.start(), end, p.score))
        return out

    def validate(self, match: str) -> bool:
        iban = match.replace(" ", "").upper()
        want = IBAN_LENGTHS.get(iban[:2])
        return want == len(iban) and mod97_ok(iban)
