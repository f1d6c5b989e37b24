"""Sensitive topics: is a text item *about* health, immigration or family matters?

Method: a weighted lexicon per topic, written by hand from the vocabulary of each domain (ICD-10
chapter titles and common drugs for health; USCIS / UK Home Office form and status names for
immigration; family-law terms for family). Each topic has
- strong terms (weight 2): one is enough ("chemotherapy", "asylum", "divorce", "I-485");
- weak terms (weight 1): two are needed ("doctor" + "appointment", "husband" + "fighting");
- technical senses that cancel a term first ("health check", "/healthz", "font-family",
  "address family", "database migration", "Visa card"), so a developer's work is not dropped.
A score ≥ 2 means the item is about the topic: the engine drops it (`sensitive_topic:<name>`).
A topic the lexicon does not know is matched by its own name and plural (a warning says so).

Page text (`topics_of_many`, and one long text): no term spans a line, so a text's score is the sum
of its lines' scores, and a line holding no term and no technical sense scores 0. One pass of a
case-sensitive regex over the lower-cased batch (`_Prefilter`: terms grouped by first letter, so
the regex engine skips to where one can start) finds the lines that hold any; only those are scored
with the regexes above. Same decisions as scoring every text whole (tests/redact/test_topics.py),
~20x less CPU on page text (docs/benchmarks/redact.md, "sixth pass").
Measured on 42 hand-written items (26 positive, 16 negative): see tests/redact/test_topics.py and
docs/architecture/redact.md.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Sequence

from ._base import _top_level, text_starts

log = logging.getLogger("demotrace.redact")

LEXICON: dict[str, tuple[str, str, str]] = {
    # topic: (strong terms, weak terms, technical senses removed first) — regex alternations
    "health": (
        r"chemo(?:therapy)?|radiotherapy|hiv|aids|cancer|tumou?r|diabetes|insulin|asthma|epilepsy|"
        r"dementia|alzheimer'?s?|parkinson'?s?|depression|antidepressants?|anxiety disorder|anxiety|"
        r"bipolar|schizophrenia|adhd|autism|ptsd|eating disorder|anorexia|bulimia|addiction|rehab|"
        r"overdose|suicidal|self[- ]harm|miscarriage|abortion|pregnan(?:t|cy)|ivf|fertility|std|sti|"
        r"chlamydia|herpes|hepatitis|covid(?:-19)?|diagnos(?:is|ed)|prescription|medication|"
        r"surgery|biopsy|mri scan|ct scan|x-ray|blood test|lab results|test results|sick note|"
        r"sick leave|therapy session|therapist|psychiatrist|psychologist|oncologist|midwife|"
        r"mental health|physiotherapy|disability|wheelchair|mychart|patient portal|ibuprofen|"
        r"paracetamol|antibiotics?|flu|migraine|injury|recovery after",
        r"doctor|dr\.|gp|clinic|hospital|nurse|appointment|symptoms?|pain|sick|ill|illness|"
        r"treatment|dose|pills?|health|medical|patient|scan|weeks|rest|therapy|surgeon|knee",
        r"health[- ]?checks?|healthz|/health\b|health (?:dashboard|endpoint|status|probe)|"
        r"service health|cluster health|system health|health and safety|patient[- ]facing|"
        r"test suite|unit tests?|smoke tests?|scan(?:ner|ning)? (?:code|repo|image)|injury time|"
        r"constituency surger(?:y|ies)|advice surger(?:y|ies)",
    ),
    "immigration": (
        r"immigration|immigrant|asylum|refugee|deportation|deported|visa application|"
        r"visa overstay|overstay|h-?1b|h-?4|l-?1|o-?1|f-?1 visa|green card|i-\d{3}[a-z]?|uscis|"
        r"naturali[sz]ation|citizenship test|residence permit|work permit|leave to remain|ilr|"
        r"home office|ausländerbehörde|aufenthaltstitel|titre de séjour|undocumented|daca|"
        r"border control|sponsorship letter",
        r"visa|passport|permit|citizenship|residency|resident|consulate|embassy|lawyer|status|"
        r"renewal|renew|interview|court|hearing",
        r"visa (?:card|payment|checkout|api|debit|credit)|visa\.com|passport\.js|permit\.io|"
        r"status code|status page|http status",
    ),
    "family": (
        r"divorce|custody|separation|child support|alimony|prenup|funeral|bereavement|"
        r"domestic violence|abuse|adoption|foster care|ivf|paternity|maternity leave|"
        r"parental leave|family court|estranged|affair|fighting about|bullying|grief",
        r"husband|wife|spouse|partner|mother|father|mom|mum|dad|parents?|son|daughter|kids?|"
        r"child(?:ren)?|baby|birth|sister|brother|family|marriage|wedding|school|drinking|"
        r"arrangements|mediation|paperwork|called",
        r"font-family|address family|family of (?:processors|chips|products|fonts|devices)|"
        r"product family|protocol family|af_inet|family guy|family[-_]name|parent (?:node|process|"
        r"directory|class|element|commit|company)|child (?:node|process|element|class|theme)|"
        r"kill -9|son of a|git (?:branch|merge)|partner (?:api|program|portal|integration)",
    ),
}
THRESHOLD = 2


def _rx(alternation: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_by_first(alternation)})(?![\w-])", re.IGNORECASE)


def _by_first(alternation: str) -> str:
    """`alternation` with its alternatives grouped by first character (`_grouped`), when each
    starts with a plain lower-case ASCII character: these regexes are entered at every position
    (case-insensitive: `re` skips to no prefix), and there `re` tries ~25 groups, not ~80 terms
    (scoring the lines found: ~1.5x faster). The matches are the same: alternatives of one first
    character keep their order, and two different lower-case ASCII characters never match the
    same character even with case folded ("k" matches "K" and "K", "s" "ſ"), so at any position
    at most one group can match. Else `alternation` as it is."""
    alternatives = _top_level(alternation)
    plain = all(
        a[:1].isascii()
        and a[:1] == a[:1].lower()
        and (a[:1].isalnum() or a[:1] in ("/", " ", "_"))
        and a[1:2] not in ("?", "*", "+", "{")
        for a in alternatives
    )
    return _grouped(alternatives, False) if plain else alternation


class TopicClassifier:
    name = "topics"

    def __init__(self, topics: Iterable[str]) -> None:
        self.topics = tuple(t.strip().lower() for t in topics if t.strip())
        self._rules: list[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]] = []
        for t in self.topics:
            if t in LEXICON:
                strong, weak, tech = LEXICON[t]
                self._rules.append((t, _rx(strong), _rx(weak), re.compile(_by_first(tech), re.IGNORECASE)))
            else:
                log.warning("sensitive topic %r has no lexicon; matching its name only", t)
                self._rules.append((t, _rx(re.escape(t) + "s?"), _rx(r"(?!x)x"), None))
        self._prefilter = _Prefilter(
            [LEXICON[t][:2] if t in LEXICON else (re.escape(t) + "s?",) for t in self.topics],
            [LEXICON[t][2] for t in self.topics if t in LEXICON],
        )

    def score(self, text: str, topic: str) -> int:
        for t, strong, weak, tech in self._rules:
            if t == topic:
                return _score(text, strong, weak, tech)
        raise ValueError(f"unknown topic {topic!r}; configured: {', '.join(self.topics)}")

    def topic_of(self, text: str) -> str | None:
        """The first configured topic the text is about, or None."""
        return self.topics_of_many([text])[0]

    def topics_of_many(self, texts: Sequence[str]) -> list[str | None]:
        """`[topic_of(t) for t in texts]`: each text scored on its lines that hold a term or a
        technical sense (found in one pass over the batch), which is its whole score."""
        out: list[str | None] = [None] * len(texts)
        if not self._rules:
            return out
        for k, lines in self._prefilter.lines_with_terms(texts).items():
            if len(texts[k]) >= 3:
                out[k] = self._whole(lines)
        return out

    def _whole(self, text: str) -> str | None:
        """The first configured topic `text` is about, every regex run over all of it."""
        for t, strong, weak, tech in self._rules:
            if _score(text, strong, weak, tech) >= THRESHOLD:
                return t
        return None


def _score(text: str, strong: re.Pattern[str], weak: re.Pattern[str], tech: re.Pattern[str] | None) -> int:
    if tech is not None:
        text = tech.sub(" ", text)
    s = 2 * len(strong.findall(text))
    if s >= THRESHOLD:
        return s
    return s + len({m.lower() for m in weak.findall(text)})


try:  # the characters `re` folds to a letter besides its cases (CPython ≥ 3.11's table)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python: every non-ASCII letter is then unsafe
    _EXTRA_CASES = {c: (0x80,) for c in range(0x80)}

_LOWERS_TO_TWO = re.compile("\u0130")  # the one character `str.lower` makes two of ("i̇")
_SEP = "\x00"  # between the texts of a batch: no term matches it, and it ends a word as "\n" does


class _Prefilter:
    """Finds the lines of a batch of texts that hold a term (within word boundaries) or a technical
    sense of any topic, in one pass over the batch lower-cased. Lower-casing keeps offsets and lets
    the regex be case-sensitive: alternatives grouped by their first letter then start the regex
    with a set of literals, which Python's `re` skips to in C (a case-insensitive one, or one that
    starts with a lookbehind, is entered at every position: ~3x slower). A text holding a
    character that `re`'s IGNORECASE matches to a term's letter but `str.lower` does not map to it
    ("ı", "ſ" for "i" and "s"), or one that lower-cases to two ("İ"), is scored whole, every
    regex over all of it, instead."""

    def __init__(self, term_alternations: list[tuple[str, ...]], tech_alternations: list[str]) -> None:
        terms = [a for alts in term_alternations for alt in alts for a in _top_level(alt)]
        techs = [a for alt in tech_alternations for a in _top_level(alt)]
        if any(a != a.lower() for a in terms + techs):  # "\\D" lower-cased would be "\\d"
            raise ValueError("topic terms are written in lower case")
        self._terms = re.compile(_grouped(terms, True)) if terms else None
        self._techs = re.compile(_grouped(techs, False)) if techs else None
        letters = {c for a in terms + techs for c in a.lower() if c.isalpha()}
        unsafe = {chr(v) for c in letters for v in _EXTRA_CASES.get(ord(c), ()) if chr(v).lower() != c}
        self._unsafe = (
            re.compile("[" + "".join(sorted(re.escape(c) for c in unsafe)) + "]") if unsafe else None
        )

    def lines_with_terms(self, texts: Sequence[str]) -> dict[int, str]:
        """{index of a text: its lines that hold a term or a technical sense, joined by "\n"};
        a text with an unsafe character is given whole. Two passes over the batch lower-cased and
        led by a separator: the terms (a match starts at the character before the term) and the
        technical senses."""
        joined = _SEP + _SEP.join(texts)
        low = joined.lower()
        starts = [s + 1 for s in text_starts(texts)]
        whole: dict[int, str] = {}
        if len(low) != len(joined):  # "İ" lowers to two: its texts are scored whole, offsets kept
            for m in _LOWERS_TO_TWO.finditer(joined):
                k = bisect.bisect_right(starts, m.start()) - 1
                whole[k] = texts[k]
            low = _LOWERS_TO_TWO.sub(" ", joined).lower()
            if len(low) != len(joined):  # another such character (none in Python 3.11's tables)
                whole = {k: t for k, t in enumerate(texts) if len(t.lower()) != len(t)}
                low = _SEP + _SEP.join(" " * len(t) if k in whole else t.lower() for k, t in enumerate(texts))
        if self._unsafe is not None:
            for m in self._unsafe.finditer(joined):
                k = bisect.bisect_right(starts, m.start()) - 1
                whole[k] = texts[k]
        found: dict[int, dict[int, str]] = {}  # text → line start → line
        at = [m.start() + 1 for m in self._terms.finditer(low)] if self._terms else []
        at += [m.start() for m in self._techs.finditer(low)] if self._techs else []
        for p in at:
            k = bisect.bisect_right(starts, p) - 1
            if k in whole:
                continue
            lo = max(joined.rfind("\n", 0, p) + 1, starts[k])
            if lo not in found.setdefault(k, {}):
                hi = joined.find("\n", p, starts[k] + len(texts[k]))
                found[k][lo] = joined[lo : hi if hi >= 0 else starts[k] + len(texts[k])]
        lines_of = {k: "\n".join(line for _, line in sorted(lines.items())) for k, lines in found.items()}
        return {**lines_of, **whole}


def _grouped(alternatives: list[str], bound: bool) -> str:
    r"""`alternatives` (lower-case regexes) as one alternation grouped by first character,
    `c(?:hemo|ancer)|…`; `bound`: within word boundaries, `[^\w-](?:c(?:hemo|ancer)|…)(?![\w-])`,
    the character before the term matched (the text searched must start with one: `_SEP`), so
    that `re` skips in C to the ~1 in 5 characters that end a word instead of entering the
    regex at each occurrence of a first letter. An alternative that does not start with a
    plain character (a group, a class, an escape, an optional one) follows the groups as it
    is."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for a in alternatives:
        plain = a[:1].isalnum() or a[:1] in ("/", " ", "_")
        if plain and a[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(a[0], []).append(a[1:])
        else:
            others.append(a)
    parts = [f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in groups.items()]
    if others:
        parts.append(f"(?:{'|'.join(others)})")
    return r"[^\w-](?:" + "|".join(parts) + r")(?![\w-])" if bound else "|".join(parts)
