"""Authors, translators and credited artists: names that a work prints about itself, public.

A reading list, a paper's references and a film's page name people: "Vaswani, A., Shazeer, N.,
Parmar, N. (2017). Attention is all you need.", "(Ho, Jain & Abbeel, 2020)", "Smith et al.
(2019)", "(A. Goldhammer, Trans.)", "Starring Cillian Murphy, Emily Blunt", "Directed by Greta
Gerwig · Music Ludwig Göransson". They are a work's authors and cast, as its cover or its credits
print them, no one's private data, and the person rule and the model masked them all (the sets
written blind in the thirty-eighth pass label none of them; their labelling page calls authors
public figures).

`without_citations` drops the PERSON findings that lie wholly inside such a region:
- a reference's author list: surnames with their initials ("Parmar, N.", "Gomez, A. N."), joined
  by commas, "&" or "and", right before the year in brackets ("(2017).") or after a list marker;
- an in-text citation: surnames (with "&", "and", "et al.") and a year inside brackets, or one
  surname (or two joined, or "et al.") right before a year in brackets ("Nakamura (2021)");
- a translator's or an editor's credit in brackets ("(A. Goldhammer, Trans.)", "(Ed.)");
- a credit's names after its cue ("Starring", "Directed by", "Translated by", "Music by"), to the
  line's end, or on a line of credits (two cues or more) after each of its cues.
Not a name after a title ("Music director: Mr. Tom Iwasaki"), nor a listed first name alone before a
year in brackets ("Kinder: Zofia (2015), Adam (2018)": children and their births).

A private person is not named so: a name after a year in brackets in a family's tree ("John Smith
(1931)") keeps its mask, only a single surname or "et al." reads as a narrative citation."""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors.lexicon import FIRST, LAST, lexicon

_SURNAME = r"[A-ZÀ-Þ][\w'’-]+(?:[ ](?:van|von|de|der|den|da|di|du|le|la)[ ][A-ZÀ-Þ][\w'’-]+)?"
_INITIALS = r"[A-ZÀ-Þ]\.(?:[ -]?[A-ZÀ-Þ]\.)*"
_AUTHOR = rf"{_SURNAME},[ ]{_INITIALS}"
_JOIN = r"(?:,[ ]|,?[ ](?:&|and)[ ]|,[ ](?:&|and)[ ])"
# a reference's authors before its year: "Vaswani, A., Shazeer, N., … Kaiser, L. (2017)."
_REFERENCE = re.compile(
    rf"(?P<authors>{_AUTHOR}(?:{_JOIN}{_AUTHOR})*(?:,?[ ]et[ ]al\.)?)"
    rf"[ ]?\((?:19|20)\d\d[a-z]?(?:,[^)\n]{{0,20}})?\)"
)
# an in-text citation: "(Ho, Jain & Abbeel, 2020)", "(Smith et al., 2019; Lee, 2021)"
_CITATION = re.compile(
    rf"\((?P<authors>{_SURNAME}(?:{_JOIN}{_SURNAME})*(?:[ ]et[ ]al\.)?,?[ ](?:19|20)\d\d[a-z]?"
    rf"(?:;[ ]{_SURNAME}(?:{_JOIN}{_SURNAME})*(?:[ ]et[ ]al\.)?,?[ ](?:19|20)\d\d[a-z]?)*)\)"
)
# a narrative one: "Nakamura (2021)", "Smith and Lee (2019)", "Okafor et al. (2022)": one word
# each (a name with its particle, "Lotte de Wit (1998)", is a person and a birth year)
_ONE = r"[A-ZÀ-Þ][\w'’-]+"
_NARRATIVE = re.compile(
    rf"(?P<authors>{_ONE}(?:(?:[ ](?:&|and)[ ]{_ONE})|[ ](?P<etal>et[ ]al\.))?)[ ]\((?:19|20)\d\d[a-z]?\)"
)
_YEARS_LIST_AFTER = re.compile(r"[ ]?[,;][ ]?[A-ZÀ-Þ][\w'’-]+[ ]\(\d{4}\)")
_YEARS_LIST_BEFORE = re.compile(r"\(\d{4}\)[ ]?[,;][ ]?$")
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ ]$")
_TRANSLATOR = re.compile(
    rf"\((?P<authors>(?:{_INITIALS}[ ]?)?{_SURNAME}(?:{_JOIN}(?:{_INITIALS}[ ]?)?{_SURNAME})*),[ ]"
    r"(?:Trans|Ed|Eds|Tr|Hrsg|Übers|trad|éd)\.\)"
)
_CREDIT_CUES = (
    r"Starring|Directed[ ]by|Screenplay[ ]by|Translated[ ]by|Narrated[ ]by|Illustrated[ ]by|Music[ ]by|"
    r"Foreword[ ]by|Cinematography|Editing|Music(?![ ]director)"
)
# a credit's names: after its cue, up to the line's end or the next credit's separator
_CREDIT = re.compile(rf"\b(?P<cue>{_CREDIT_CUES})[ \t]*:?[ \t]+(?P<authors>[^\n·|•]+)")
_LONE_CUES = frozenset(("Cinematography", "Editing", "Music"))  # on a credits line only
# a literal in every credit's cue, searched before the regexes: "by " of "Directed by", "Starring" …
_CUE_WORDS = ("Starring", "by ", *_LONE_CUES)
# a title before a name: a private person's, as a school's programme names its staff ("Mr. Tom Iwasaki")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ ]$")


def _regions(text: str) -> list[tuple[int, int]]:
    tags = lexicon().tags
    out = [m.span("authors") for rx in (_REFERENCE, _TRANSLATOR) for m in rx.finditer(text)]
    for m in _CITATION.finditer(text):
        words = m.group("authors").split()
        lone = tags.get(words[0].rstrip(",").lower())
        if len(words) == 2 and lone & FIRST and not lone & LAST:
            continue  # "do not touch (Gareth, 2019)": a colleague's note and its year
        out.append(m.span("authors"))
    for m in _NARRATIVE.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and before.group(1)[0].isupper():
            continue  # "John Smith (1931)": a person and a year
        first = tags.get(m.group("authors").split()[0].lower())
        if m.group("etal") is None and (
            (first & FIRST and not first & LAST)
            or _YEARS_LIST_AFTER.match(text, m.end())
            or _YEARS_LIST_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            continue  # "Kinder: Zofia (2015), Adam (2018)": children and their births
        out.append(m.span("authors"))
    for m in _CREDIT.finditer(text):
        if m.group("cue") in _LONE_CUES:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if len(_CREDIT.findall(line)) < 2:
                continue  # "Music: Ella (piano)" of a school's concert: no film's credits
        out.append(m.span("authors"))
    return out


def without_citations(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the PERSON findings inside a work's authors or credits (see above)."""
    if not any(f.kind == "PERSON" for f in merged) or not ("(" in text or any(c in text for c in _CUE_WORDS)):
        return merged
    regions = _regions(text)
    if not regions:
        return merged
    return [
        f for f in merged if f.kind != "PERSON" or not any(a <= f.start and f.end <= b for a, b in regions)
    ]
