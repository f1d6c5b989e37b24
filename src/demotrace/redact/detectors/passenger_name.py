"""PERSON: a traveller's name as airlines write it, surname and given names in capitals across a
slash, then the title ("PEREIRA GONZÁLEZ/NATALIA MRS", "ZALEWSKI/ADRIAN MR", "O'BRIEN/SEAN
MSTR"): the passenger name record's format (IATA), which boarding passes, e-tickets, itineraries
and booking confirmations print in every language. The person rule reads a name from its words;
here they are in capitals and glued by "/", and a language's word may be one of them. With the
title the shape is no other value's; without it ("SMITH/JOHN"), only after a passenger's label."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Detector, Span

_CAPS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+"  # (two letters or more: "N/A" is none)
_NAMES = rf"{_CAPS}(?:[ ]{_CAPS}){{0,3}}"
_TITLE = r"(?:MRS|MR|MS|MISS|MSTR|DR|PROF|CHD|INF)"
_WITH_TITLE = re.compile(
    rf"(?<![\w/])({_CAPS}(?:[ ]{_CAPS}){{0,2}}/{_CAPS}(?:[ ]{_CAPS}){{0,3}}?)[ ]{_TITLE}(?![\w/])"
)
_BARE = re.compile(rf"(?<![\w/])({_CAPS}(?:[ ]{_CAPS}){{0,2}}/{_CAPS}(?:[ ]{_CAPS}){{0,2}})(?![\w/])")
# a passenger's label in the languages read, right before the bare name ("Passenger: SMITH/JOHN")
_PASSENGER = re.compile(
    r"(?i:passenger|pax|traveller|traveler|name|pasajero|pasajera|passageiro|passageira|passager|"
    r"passagère|passagier|reiziger|reisende[rn]?|fluggast|passeggero|pasażer|resenär|passasjer)"
    r"(?:[ \t]+\d)?[ \t]*:?[ \t]*$"
)


class PassengerNameDetector(Detector):
    name = "passenger_name"
    kinds = ("PERSON",)
    trigger = re.compile(r"[A-ZÀ-Þ'’-]/[A-ZÀ-Þ]")

    def detect(self, text: str) -> Iterable[Span]:
        out = [Span("PERSON", m.start(1), m.end(1), 0.9) for m in _WITH_TITLE.finditer(text)]
        taken = {s.start for s in out}
        for m in _BARE.finditer(text):
            if m.start(1) not in taken and _PASSENGER.search(text, max(0, m.start() - 24), m.start()):
                out.append(Span("PERSON", m.start(1), m.end(1), 0.85))
        return out
