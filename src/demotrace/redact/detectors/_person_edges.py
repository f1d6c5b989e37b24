"""Where a name's run starts among the particles and titles before it, for the person rule
(`person.py`): a Dutch or German surname's own particles ("de Jong", "van der Meer"), a given name
after a document's particle ("Fatura de João Pedro Almeida"), a capital after a doctor's title or
a Romance form of address ("Sig.ra Vitale")."""

from __future__ import annotations

from collections.abc import Sequence

from ._person_context import _NL_DE, _PARTICLES
from ._person_words import ACADEMIC_TITLES, _Tok, _Toks
from .lexicon import FIRST, LAST

# lower-case particles that open a Dutch or German surname ("de Jong", "van der Meer", "ter Steege")
_LEAD_PARTICLES = _NL_DE | {"de", "der", "den", "te"}
_MARKS = frozenset(":,;(|·-–—")


def lead_particles(text: str, toks: _Toks, i: int, bare_de: bool = False) -> int:
    """The index of the first of the lower-case surname particles ("van der", "ter", "de") right
    before a capitalised toks[i], one blank apart: the name's own ("de Jong", "van der Meer"); i if
    none. "de", "der", "den" and "te" only after a capitalised word, a mark or the text's start
    ("Patiënt de Jong", "Naam: de Boer"), not after a word in lower case ("la casa de García"),
    unless `bare_de` (whether a particle stands there at all)."""
    k = i
    while k > 0 and i - k < 3:
        prev = toks[k - 1]
        if prev.text not in _LEAD_PARTICLES or text[prev.end : toks[k].start] != " ":
            break
        k -= 1
    if k < i and not toks[i].tag & LAST:
        return i  # only a listed surname follows its particle: not "Profil von Anna Schmidt"
    while not bare_de and k < i and toks[k].text not in _NL_DE:  # a bare "de": what precedes decides
        before = toks[k - 1] if k else None
        if before is None or before.cap or text[before.end : toks[k].start].strip() in _MARKS:
            break
        k += 1
    return k


def given_after_particle(run: Sequence[_Tok], lead: _Tok) -> _Tok:
    """A word no list has, a particle and a given name with more names after it: the name starts
    at the given name, the word before is a document's ("Fatura de João Pedro Almeida", "Factura
    de María López"); a name's own particle follows a given name ("Maria de Souza")."""
    k = 1
    while k < len(run) and run[k].text.lower() in _PARTICLES:
        k += 1
    if k < len(run) - 1 and run[k].cap and run[k].tag & FIRST:
        return run[k]
    return lead


# the forms of address of the Romance languages: what follows is a surname even where it is a word
# of the text's language ("Sig.ra Vitale", "Sra. Pastor", "Mme Blanc"; German's "Frau Kollegin" is
# why the others are not so taken)
_ROMANCE_ADDRESS = frozenset(
    ("sig", "signora", "signor", "signore", "sra", "srta", "mme", "mlle", "madame", "monsieur", "senhora")
)


def after_academic(toks: _Toks, i: int, cap: bool) -> bool:
    """Word i is capitalised right after a doctor's or a professor's title (`ACADEMIC_TITLES`) or
    a Romance form of address (`_ROMANCE_ADDRESS`, "Sig.ra")."""
    if not cap or i == 0:
        return False
    prev = toks[i - 1].text.lower()
    return (
        prev in ACADEMIC_TITLES
        or prev in _ROMANCE_ADDRESS
        or (prev == "ra" and i > 1 and toks[i - 2].text == "Sig")
    )
