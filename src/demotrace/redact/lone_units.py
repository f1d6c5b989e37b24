"""A flat's, a unit's or a room's number alone is no address: "Rent ledger — Unit 9", "Noise
complaint – Apt 6B", "Speak to Fatou (flat 22)". Without its street, its building or its town it
points at no home; the address rule and the model read it as one. On the English and title sets
written blind such a lone unit was found 33 times and labelled an address twice, both after an
address's field label ("Address 2: Apt 4B"), where it stays.

`without_lone_units` drops those STREET_ADDRESS findings."""

from __future__ import annotations

import re

from ..schema import Finding

_UNIT = re.compile(r"(?i:apt|apartment|flat|unit|suite|ste|room|rm)\.?[ \t]*#?[ \t]*[\w-]{1,5}")
# an address's field label before it: "Address 2:", "Adresse:", "Apt/Unit:"
_ADDRESS_LABEL = re.compile(
    r"(?i:address|addr|adresse|dirección|direccion|indirizzo|line[ \t]*2)[^\n:]{0,12}:[ \t]*$"
)


# a house's number after it, on its line after a comma or on the next line: the unit opens an address
# ("Flat 2B\n61 Belvidere Road")
_STREET_NEXT = re.compile(r"[ \t]*[,\n][ \t]*\d")


def _lone(text: str, f: Finding) -> bool:
    return (
        f.kind == "STREET_ADDRESS"
        and _UNIT.fullmatch(text, f.start, f.end) is not None
        and not (f.start and (text[f.start - 1].isalnum() or text[f.start - 1] in "-_"))  # "22-FLAT4B"
        and _STREET_NEXT.match(text, f.end) is None
        and _ADDRESS_LABEL.search(text, max(0, f.start - 30), f.start) is None
    )


_BLOCK = 40


def _in_block(f: Finding, addresses: list[Finding]) -> bool:
    """An address finding that is no lone unit lies within `_BLOCK` characters of `f`: the unit's
    line of a postal block ("11 Školní 939\n Apt. 827\n Kaplice 1")."""
    return any(a.start - _BLOCK <= f.end and f.start <= a.end + _BLOCK for a in addresses)


def without_lone_units(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the STREET_ADDRESS findings that are a unit's word and number alone
    (`_UNIT`): not glued to an id, not before a house's number, not after an address's label, not
    in a postal block."""
    lone = [f for f in merged if _lone(text, f)]
    if not lone:
        return merged
    addresses = [f for f in merged if f.kind == "STREET_ADDRESS" and f not in lone]
    dropped = [f for f in lone if not _in_block(f, addresses)]
    return [f for f in merged if f not in dropped] if dropped else merged
