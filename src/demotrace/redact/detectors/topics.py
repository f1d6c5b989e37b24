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
Measured on 42 hand-written items (26 positive, 16 negative): see tests/redact/test_topics.py and
docs/architecture/redact.md.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

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
        r"test suite|unit tests?|smoke tests?|scan(?:ner|ning)? (?:code|repo|image)",
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
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


class TopicClassifier:
    name = "topics"

    def __init__(self, topics: Iterable[str]) -> None:
        self.topics = tuple(t.strip().lower() for t in topics if t.strip())
        self._rules: list[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]] = []
        for t in self.topics:
            if t in LEXICON:
                strong, weak, tech = LEXICON[t]
                self._rules.append((t, _rx(strong), _rx(weak), re.compile(tech, re.IGNORECASE)))
            else:
                log.warning("sensitive topic %r has no lexicon; matching its name only", t)
                self._rules.append((t, _rx(re.escape(t) + "s?"), _rx(r"(?!x)x"), None))

    def score(self, text: str, topic: str) -> int:
        for t, strong, weak, tech in self._rules:
            if t == topic:
                return _score(text, strong, weak, tech)
        raise ValueError(f"unknown topic {topic!r}; configured: {', '.join(self.topics)}")

    def topic_of(self, text: str) -> str | None:
        """The first configured topic the text is about, or None."""
        if not self._rules or len(text) < 3:
            return None
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
