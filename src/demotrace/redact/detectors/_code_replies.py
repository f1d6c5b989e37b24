"""A PIN or a code given in reply to the chat message that names it.

"Nonna: il bancomat mi chiede il pin e non me lo ricordo / Io: nonna è 5539, ma non scriverlo",
"Maman : tu peux m'envoyer le code de la carte bleue ? / Moi : 7104": the next message or the one
after it, short, spoken by someone (a speaker before a colon) or a line of its own, that holds one
number of four to eight digits and no other digit (not a card's last four, "****6613"), after a
message that names a PIN or a code that is no postal, error, promo or country code and gives none.
What a reply answers is its question: the number is the code even where no word stands beside it.
"""

from __future__ import annotations

import re

# a PIN or a code named in a message, in the languages read
_NAMED = re.compile(
    r"(?i)(?<![\w-])(?:pin(?:-?code|-?kod)?|pincode|passcode|code|codes|c[óo]digo|codice|kod|koden|kode|"
    r"geheimzahl|kodu|şifre|şifresi)(?![\w-])"
)
# the words before "code" that make it public or no secret ("zip code", "promo code"), also read by
# `access_code._BRAND_CODE`
PUBLIC_CODE_WORDS = (
    r"zip|postal|post|area|error|status|promo|promotional|discount|coupon|voucher|referral|country|"
    r"sort|tax|product|gift|invite|tracking|booking"
)
_PUBLIC_BEFORE = re.compile(
    rf"(?i)(?:{PUBLIC_CODE_WORDS}|dial(?:ling)?|source|course|qr|bar|dress|exit|cheat|colou?r|html|python)"
    r"[ \t]+$"
)
_PUBLIC_AFTER = re.compile(
    r"(?i)[ \t]+(?:postal|postale|pocztowy|fiscale|fiscal|promo|promocional|de[ \t]+(?:descuento|promo)|"
    r"sconto|rabatt|review|editor|base|snippet)\b"
)
# a reply: a speaker and a colon ("Moi : ", "[21:16] Ja: ", "Mamá 🌷: "), then the message
_SPOKEN = re.compile(r"(?:\[[^\]\n]{1,24}\][ \t]*)?[^\W\d][^\n:]{0,29}?[ \t]*:[ \t]+(?=\S)")
_DIGITS = re.compile(r"\d+")
# (not a year before a word: "2024 was a good year")
_CODE = re.compile(r"(?<![\w.,/:+*•·#-])(?!(?:19|20)\d\d[ \t]+[^\W\d])\d{4,8}(?![\w/:-]|[.,]\d)")
# a value after a colon: "PIN: 0462", "(PNR): XK4PQ2", not a time "[09:12]"
_GIVEN = re.compile(r"(?::[ \t]+|=[ \t]*)[^\s\d]*\d")
_SHORT = 90  # a reply's length at most


def _lines(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def _names_code(text: str, start: int, end: int) -> bool:
    for m in _NAMED.finditer(text, start, end):
        if not _PUBLIC_BEFORE.search(text, max(start, m.start() - 24), m.start()) and not _PUBLIC_AFTER.match(
            text, m.end(), end
        ):
            return True
    return False


def _reply_code(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The one code of a short reply on text[start:end], or None."""
    spoken = _SPOKEN.match(text, start, end)
    said = spoken.end() if spoken else start
    if end - said > _SHORT or said == end:
        return None
    if spoken is None and not text[said:end].strip().isdigit():
        return None  # (a line of its own is the number alone)
    if len(_DIGITS.findall(text, said, end)) != 1:
        return None
    m = _CODE.search(text, said, end)
    return m.span() if m else None


def code_replies(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code given in reply to a message that names it."""
    lines = _lines(text)
    out: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(lines):
        if not _names_code(text, start, end) or _GIVEN.search(text, start, end):
            continue  # (a line that gives its code already: "Codice biglietto (PNR): XK4PQ2")
        for a, b in lines[i + 1 : i + 3]:
            span = _reply_code(text, a, b)
            if span is not None:
                out.append(span)
                break
    return out
