"""A street address's finding less the words around the address that the detectors take in.

The address rule and the model end an address where the text's next word does not look like one;
news and listings go on with words that are no part of it: "445 Danforth Avenue, Toronto in 1985",
"… M14 5TQ from September 2021" (a time after it), "3/71 Oriental Parade (blue door, top floor)"
(a note in brackets), "… Road (opposite bp) – 3:36pm" (a timetable's time). `trim_addresses` cuts
those off; the address itself stays whole. Nothing is cut that another finding could have been
merged into: a note in brackets with a digit or a capital in it stays ("(tenant Kofi Ampofo)").

The model also starts an address early, at the words that lead to it: "domiciliée 45 avenue du
Prado", "wird 80! Adresse: Lindenweg 7, 74072 Heilbronn". An address's label inside the finding
cuts it after the label, and a lower-case word that leads to an address (where one lives, "at",
"in") right before its house number is cut; no other word ("markt 5", "w5 4aw" stay).
"""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors.lexicon import STOPWORDS, WORD, lexicon, word_set

# a time, a note or a bracket after the address
_TAIL = re.compile(
    r"(?:[ \t]+(?:in|from|since|until|before|after)[ \t]+(?:(?:19|20)\d\d|[A-Z][a-z]+[ \t]+(?:19|20)\d\d)"
    r"|[ \t]*\([a-z][^()\n\dA-ZÀ-ÖØ-Þ]*\)"
    # a note of how long or what price in brackets ("(2 yrs 4 mths)", "(purchase price $935k)")
    r"|[ \t]*\((?=[^()\n]*(?:\b(?i:yrs?|years?|mths?|months?|weeks?|price|rent|pcm|asking)\b|[$£€]\d))"
    r"[^()\n]*\)"
    r"|[ \t]+[–—-][ \t]+\d{1,2}[:.]\d\d[ \t]*(?:[ap]\.?m\.?)?"
    r")[ \t]*[.,;]?\Z"
)


# an address's label: the address follows it
_LABEL = re.compile(
    r"(?i:\b(?:adresse|address|addr|dirección|direccion|domicilio|indirizzo|endereço|endereco|morada|adres|"
    r"anschrift|woonadres|postadres|residenza)[ \t]*:[ \t]*)"
)
# a lower-case word before the address
_LEAD = re.compile(r"([a-zà-öø-ÿß][^\W\d_]*),?[ \t]+")
# the lower-case words that lead to an address's house number: where one lives, where to go
_LEADS = word_set(
    """
    at in to on en à au aux em na te bij nel a
    domicilié domiciliée domiciliés domiciliado domiciliada residente residenti demeurant demeurante
    wohnhaft woonachtig wonende lives living resides residing resident
    """
)


def _start(text: str, start: int, end: int) -> int:
    """Where the address of the finding `text[start:end]` starts: after a label in it, after
    the word that leads to it right before its house number (`_LEADS`: "domiciliée 45 avenue")."""
    for label in _LABEL.finditer(text, start, end):
        if any(c.isdigit() for c in text[label.end() : end]):
            start = label.end()
    lead = _LEAD.match(text, start, end)
    if lead is not None and lead.group(1) in _LEADS and text[lead.end() : lead.end() + 1].isdigit():
        start = lead.end()
    return start


# the address's last word after a street's abbreviation and a full stop, or lower-case words
_SENTENCE_AFTER = re.compile(r"(?<=[a-z])\.[ \t]+([A-Z][a-z]+)[.!?]?\Z")
_WORDS_AFTER = re.compile(r"(?:[ \t]+[a-z]+)+[ \t]*[.,;!?]?\Z")
# or after a comma, a few lower-case words of English that are no name and no street's word
# ("… Leicester LE4 6QS, update it")
_CLAUSE_AFTER = re.compile(r",((?:[ \t]+[a-z]+){1,4})[ \t]*[.,;!?]?\Z")
_STREETISH = word_set("street road lane avenue flat apt unit floor suite block house building rear")


def _end(text: str, start: int, end: int) -> int:
    """Where the address of `text[start:end]` ends: before the next sentence's first word, an
    everyday word of English ("31 Albert St. Reward", "3 Jubilee Street. Membership is free"), or
    before lower-case words of English's commonest after it ("4 Banksia Ct if you"), where a digit is
    left before them."""
    lex = lexicon()
    cut = end
    m = _SENTENCE_AFTER.search(text, start, cut)
    if m is not None and lex.tags.get(m.group(1).lower()) & WORD and not lex.is_name(m.group(1).lower()):
        cut = m.start() + 1
    m = _WORDS_AFTER.search(text, start, cut)
    if m is not None and all(w.strip(".,;!?") in STOPWORDS for w in m.group().split()):
        cut = m.start()
    m = _CLAUSE_AFTER.search(text, start, cut)
    if m is not None and all(
        lex.tags.get(w) & WORD and not lex.is_name(w) and w not in _STREETISH for w in m.group(1).split()
    ):
        cut = m.start()
    return cut if any(c.isdigit() for c in text[start:cut]) else end


def trim_addresses(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` with each STREET_ADDRESS cut to the address: a label's or a leading word's start
    (`_start`), a time's or a note's tail (`_TAIL`), the next sentence's word (`_end`)."""
    out: list[Finding] | None = None
    for n, f in enumerate(merged):
        if f.kind != "STREET_ADDRESS":
            continue
        start, end = _start(text, f.start, f.end), f.end
        while (m := _TAIL.search(text, start, end)) is not None and m.start() > start:
            end = m.start()
        end = _end(text, start, end)
        if (start, end) != (f.start, f.end) and any(c.isdigit() for c in text[start:end]):
            if out is None:
                out = list(merged)
            out[n] = Finding(f.kind, start, end, f.detector, f.score, f.bbox)
    return merged if out is None else out
