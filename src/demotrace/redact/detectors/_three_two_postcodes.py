"""Addresses whose postcode is three digits, a blank and two, after the street and the house's
number: Czech and Slovak ("Palackého 9, 602 00 Brno", "Masarykova 506/14, 400 01 Ústí nad Labem",
"Tř. Svobody 645/31, 779 00 Olomouc", "Korunní 88, 120 00 Praha 2"), Swedish ("Storgatan 12, 114 51
Stockholm") and Greek ones written in Latin letters.

The street rule knows a street by its type's word ("-straße", "rue", "calle"); a Czech street is a
name alone, often in the genitive ("Palackého"), and was missed whole in 12 of 12 such addresses
of the open multilingual sets. Here the postcode and the town find the address, and the
capitalised words right before the house's number are its street ("U Stadionu", "Lannova třída"),
back to a label's colon, a comma or a lower-case word. A sum in crowns ("12, 100 00 Kč") is none.
"""

from __future__ import annotations

import re

_CAP = r"[^\W\d_a-z][\w-]*"
# what a text needs to hold one (the address rule's batch gate): a number, a comma, the postcode and
# a capital (a digit first: `re` skips to one in C)
TRIGGER = r"\d,[ \t]*\d{3}[ \t]\d{2}[ \t]+[^\W\d_a-z]"
# the house's number (the conscription and the orientation number: "645/31"), a comma, the postcode
# and the town, maybe of two words or joined by "nad"/"pod", and its district's number ("Praha 2")
_TAIL = re.compile(
    r"(?<![\w/.-])\d{1,5}(?:/\d{1,4}[a-zA-Z]?)?,[ \t]*\d{3}[ \t]\d{2}[ \t]+"
    r"(?!(?:Kč|CZK|EUR|SEK|Sk|kr|USD)\b)"
    rf"{_CAP}(?:[ \t]+(?:nad|pod)[ \t]+{_CAP}|[ \t]+{_CAP})?(?:[ \t]+\d{{1,2}}\b)?"
)
# the street's words before the number: capitalised words and abbreviations ("Tř.", "nám."), the
# lower-case words streets hold ("třída", "nábřeží", "náměstí", "gatan"), up to four
_STREET_WORD = r"(?:[^\W\d_a-z][\w]*\.?|třída|nábřeží|náměstí|nám\.|nad|pod|na|u|v)"
_LOWER_STREET_WORDS = frozenset(("třída", "nábřeží", "náměstí", "nám.", "nad", "pod", "na", "u", "v"))
_WORD = re.compile(r"\S+")
_STREET = re.compile(rf"(?<![\w.]){_STREET_WORD}(?:[ \t]+{_STREET_WORD}){{0,3}}[ \t]+$")
# a form's label before the street, written without its colon ("Adresa U Stadionu 8, …")
_LABEL = re.compile(r"(?i:adresa|adresy|adresse|address|adress|bydliště|bydlisko|ulice|ulica)[ \t]+")


def three_two_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address above, from its street's first word to its town."""
    out = []
    for m in _TAIL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        street = _STREET.search(text, max(line_start, m.start() - 60), m.start())
        if street is None:
            continue
        words = list(_WORD.finditer(text, street.start(), m.start()))
        start = street.start()
        for word in words:  # (a word of no street: "[^\W\d_a-z]" lets "är" in)
            if not (word.group()[0].isupper() or word.group() in _LOWER_STREET_WORDS):
                start = word.end()
        for word in words:  # the street opens with a capital ("na Nádražní": "Nádražní")
            if word.start() >= start:
                if word.group()[0].isupper():
                    start = word.start()
                    break
                start = word.end()
        label = _LABEL.match(text, start, m.start())
        if label is not None:
            start = label.end()
        if start < m.start() and text[start].isupper():
            out.append((start, m.end()))
    return out
