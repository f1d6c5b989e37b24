"""The text redactor the recorder and the service call on every stored string.

    r = TextRedactor(confidential_terms=["Project Nightingale"], sensitive_topics=["health"])
    r.redact("mail bob@example.com")  # Redacted(text="mail [EMAIL]", findings=(…,), dropped=False)

Order of work for one string: confidential terms (an item that names one is dropped), sensitive
topics (an item about one is dropped), then every detector of the registry; spans are merged and
replaced by typed placeholders. Fail closed: a detector that raises or runs past its time budget
drops the item (`reason="detector_failed:<name>"`); nothing is passed through unchecked.
Thread-safe: detectors are stateless and shared; a redactor holds only compiled patterns.
"""

from __future__ import annotations

import gc
import itertools
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from ..schema import Finding
from . import operators, registry
from .address_trim import trim_addresses
from .citations import without_citations
from .config_names import thing_names
from .detectors._base import Detector, TextBatch
from .detectors._file_names import private_of, spaced_view
from .detectors.confidential import ConfidentialTerms
from .detectors.topics import TopicClassifier
from .example_values import without_examples
from .id_siblings import with_siblings
from .label_trim import trim_labels
from .lone_units import without_lone_units
from .model import codec
from .model.topic_ngrams import NgramTopics
from .name_initials import with_initials
from .name_joins import with_joined_names
from .places_as_names import without_places
from .quantity_cells import without_quantity_cells
from .record_refs import without_record_refs
from .tables import fit_cells
from .urls import redact_url
from .value_repeats import with_repeats

log = logging.getLogger("demotrace.redact")

DEFAULT_BUDGET_S = 0.25
"""CPU time one detector may take on one item (plus `PER_CHAR_BUDGET_S` per character). Thread CPU
time, not wall time: a busy machine that deschedules the recorder must not drop its data."""
PER_CHAR_BUDGET_S = 20e-6


@dataclass(frozen=True, slots=True)
class Redacted:
    text: str | None
    findings: tuple[Finding, ...] = ()
    dropped: bool = False
    reason: str | None = None


class DropCounter:
    """Items dropped per reason, for status and benchmarks (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.counts: dict[str, int] = {}

    def add(self, reason: str) -> None:
        with self._lock:
            self.counts[reason] = self.counts.get(reason, 0) + 1


MODEL_TOPIC_MIN_WORDS = 4


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a page is redacted. Its detectors allocate a
    few hundred thousand short-lived objects, none in a cycle (reference counting frees them), yet
    each allocation counts toward the collector's next pass, and its full passes walked every
    live object of the process: 0.14-0.23 s of CPU per 300 kB page (docs/benchmarks/redact.md,
    "sixth pass"). Off for a single text too: a full pass that lands inside one detector's call
    counts against that detector's time budget, most likely what dropped a 25-character URL segment in a busy
    test process ("detector iban ran past its 0.250 s budget"; ~80 ns to pause). Not re-entrant
    across threads by design: the first caller to finish turns it back on, which only lets a
    collection happen earlier."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _fitted(text: str, spans: Sequence[tuple[str, int, int]]) -> list[tuple[int, int] | None]:
    """Where each (kind, start, end) of a text of several lines stands before the merge: fitted to
    its tables' cells (`tables.fit_cells`), then None for a thing's name in config
    (`config_names.thing_names`, asked of the spans the cells kept)."""
    fitted = fit_cells(text, spans)
    kept = [(kind, *at) for (kind, _, _), at in zip(spans, fitted, strict=True) if at]
    keep = iter(thing_names(text, kept))
    return [at if at is None or next(keep) else None for at in fitted]


# a tab's or a dialog's close button and a drop-down's chevron as the OCR reads them, with the
# field's edges it glues on ("x", "×", "v|", "[v]", "-|"): no word of any language
_EDGES = "|[]{}()<>\"'“”«»,.;:!?"
_GLYPH = re.compile(r"[|\[\]{}()<>_=+~-]*[xXvV×][|\[\]{}()<>_=+~-]*")


def _words(text: str, enough: int = MODEL_TOPIC_MIN_WORDS) -> int:
    """Distinct whitespace-separated tokens that hold a letter, counted up to
    `enough`; in unspaced scripts (kana, CJK ideographs) every two characters count as a word, so
    that a Japanese or Chinese sentence reaches the topic model (it counted as one word and never
    did). A column of a terminal's `ls -l` that the OCR read as a block of its own ("-x" on each of
    twenty lines) is one word, not twenty, and a column of one word per line is none (the model had
    called the first "health", a column of month names "immigration", and the frame pass masked
    them). A lone "x" is a close button's cross and "v|" a drop-down's chevron, not words (a browser's
    tab read by the OCR, "vy Demo Home x +", and a country picker with its echo, "Country | Germany
    v| Picked Germany", were dropped as "immigration" in the demo's web frames)."""
    if text.count("\n") >= 2 and all(len(line.split()) <= 1 for line in text.splitlines()):
        return 0  # a column of one word per line ("Dec\nDec\nJun\nMay" of a listing): no sentence
    n = 0
    unspaced = _UNSPACED.search(text) is not None
    seen: set[str] = set()
    for w in text.split():
        ideographs = len(_UNSPACED.findall(w)) if unspaced else 0
        if ideographs >= 2:
            n += ideographs // 2
        elif any(map(str.isalpha, w)) and not _GLYPH.fullmatch(w) and (bare := w.strip(_EDGES)) not in seen:
            seen.add(bare)  # (a word once, whatever the field's edges read around it: "[Germany", "Germany")
            n += 1
        if n >= enough:
            break
    return n


def _finished(text: str, merged: list[Finding]) -> list[Finding]:
    """The merged findings less places read as names, works' authors and credits, a form's examples,
    a company's record numbers, a table's quantities and a lone unit's number, with a found value's
    repeats, an account id's siblings and a name's initials added, a name's pieces joined and the
    next field's label cut off."""
    merged = without_citations(text, without_places(text, merged))
    merged = without_record_refs(text, without_examples(text, merged))
    merged = without_lone_units(text, without_quantity_cells(text, merged))
    merged = with_joined_names(text, with_initials(text, with_siblings(text, with_repeats(text, merged))))
    return trim_addresses(text, trim_labels(text, merged))


def _joined(text: str, own: Redacted, view: Redacted) -> Redacted:
    """`text`'s findings and those on its `spaced_view` (the same offsets), merged; dropped when
    the view is (fail closed)."""
    if view.dropped:
        return view
    seen = [  # a file's parts that say what it is are left: "2024_FINAL", the "March_2025_" of a name
        Finding(f.kind, *at, f.detector, f.score)
        for f in view.findings
        if (at := private_of(text, f.start, f.end)) is not None
    ]
    merged = trim_labels(text, operators.whole_handles(text, operators.merge([*own.findings, *seen])))
    return Redacted(operators.replace(text, merged), tuple(merged))


class TextRedactor:
    def __init__(
        self,
        confidential_terms: Iterable[str] = (),
        sensitive_topics: Iterable[str] = (),
        *,
        detectors: Sequence[Detector] | None = None,
        min_score: float = 0.5,
        budget_s: float = DEFAULT_BUDGET_S,
        host_allowed: Callable[[str], bool] | None = None,
        topic_model: bool = True,
    ) -> None:
        self.confidential_terms = tuple(confidential_terms)
        self.sensitive_topics = tuple(sensitive_topics)
        self._confidential = ConfidentialTerms(self.confidential_terms)
        self._topics = TopicClassifier(self.sensitive_topics)
        self._model_topics = (
            tuple(t for t in self.sensitive_topics if t in codec.TOPICS) if topic_model else ()
        )
        if self._model_topics:
            NgramTopics.load()  # fail closed: no topic classifier, no redactor
        self._detectors = list(detectors) if detectors is not None else registry.build()
        self.min_score = min_score
        self.budget_s = budget_s
        self.host_allowed = host_allowed
        """Whether a URL's host is allowlisted (then it is kept even when it is an IP address)."""
        self.dropped = DropCounter()

    def redact(self, text: str) -> Redacted:
        with _collector_paused():
            out = self._redact(text)
            view = spaced_view(text) if not out.dropped else None
            return out if view is None else _joined(text, out, self._redact(view))

    def _redact(self, text: str) -> Redacted:
        if not text:
            return Redacted(text)
        policy_drop = self.policy_drop(text)
        if policy_drop is not None:
            return policy_drop
        found: list[Finding] = []
        budget = self.budget_s + PER_CHAR_BUDGET_S * len(text)
        for det in self._detectors:
            t0 = time.thread_time()
            try:
                spans = list(det.detect(text))
            except Exception:
                log.warning("detector %s failed; item dropped", det.name, exc_info=True)
                return self._drop(f"detector_failed:{det.name}", ())
            if time.thread_time() - t0 > budget:
                log.warning("detector %s ran past its %.3f s budget; item dropped", det.name, budget)
                return self._drop(f"detector_failed:{det.name}", ())
            found.extend(
                Finding(s.kind, s.start, s.end, det.name, s.score) for s in spans if s.score >= self.min_score
            )
        if "\n" in text:  # a table's header, a span across its cells, a thing's name in config
            fitted = _fitted(text, [(f.kind, f.start, f.end) for f in found])
            found = [
                Finding(f.kind, *at, f.detector, f.score) for f, at in zip(found, fitted, strict=True) if at
            ]
        hits = operators.without_model_overreach(
            [(f.kind, f.start, f.end, f.detector, f.score) for f in found]
        )
        merged = _finished(text, operators.whole_handles(text, operators.merge_hits(hits))) if hits else []
        return Redacted(operators.replace(text, merged), tuple(merged))

    def redact_many(self, texts: Sequence[str]) -> list[Redacted]:
        """`[redact(t) for t in texts]`, with each detector called once on all of them (the model
        runs them in length-bucketed batches: page text split into lines, a page's DOM strings).
        A text that repeats (a page's menus, footers, table headers) is redacted once: detectors
        are deterministic, and `Redacted` is immutable, so the repeats share its result; the drop
        counter still counts every item. A detector that raises or runs past the sum of the
        items' budgets sends every item back through `redact` one by one, where the failing one
        is dropped (fail closed)."""
        distinct = list(dict.fromkeys(texts))
        with _collector_paused():
            if len(distinct) == len(texts):
                return self._with_views(texts)
            by_text = dict(zip(distinct, self._with_views(distinct), strict=True))
        for text, n in Counter(texts).items():
            reason = by_text[text].reason
            if n > 1 and reason is not None:
                for _ in range(n - 1):
                    self.dropped.add(reason)
        return [by_text[t] for t in texts]

    def _with_views(self, texts: Sequence[str]) -> list[Redacted]:
        """`_redact_distinct`, and for each text that names a file of words joined by "_", its
        findings on the text with those "_" read as blanks too (`_file_names.spaced_view`)."""
        out = self._redact_distinct(texts)
        views = {
            k: v for k, t in enumerate(texts) if not out[k].dropped and (v := spaced_view(t)) is not None
        }
        if views:
            for k, seen in zip(views, self._redact_distinct(list(views.values())), strict=True):
                out[k] = _joined(texts[k], out[k], seen)
        return out

    def _redact_distinct(self, texts: Sequence[str]) -> list[Redacted]:
        out: list[Redacted | None] = [Redacted(t) if not t else None for t in texts]
        nonempty = [k for k, t in enumerate(texts) if t]
        for k, drop in zip(nonempty, self.policy_drop_many([texts[k] for k in nonempty]), strict=True):
            out[k] = drop
        todo = [k for k in nonempty if out[k] is None]
        batch = TextBatch(texts[k] for k in todo)  # joined once for every detector's trigger
        budget = sum(self.budget_s + PER_CHAR_BUDGET_S * len(t) for t in batch)
        found: dict[int, list[operators.Hit]] = {}  # only the texts with a span: most have none
        everyone = range(len(batch))
        for det in self._detectors if batch else ():
            t0 = time.thread_time()
            try:
                per_text = det.detect_many(batch)
                failed = time.thread_time() - t0 > budget
            except Exception:
                log.warning("detector %s failed on a batch; one by one now", det.name, exc_info=True)
                failed = True
            if failed:  # (`_with_views` adds the views' findings after, as on the batch's path)
                for k in todo:
                    out[k] = self._redact(texts[k])
                return [r for r in out if r is not None]
            name, least = det.name, self.min_score
            for i in itertools.compress(everyone, per_text):  # the texts with a span, found in C
                hits = [(s.kind, s.start, s.end, name, s.score) for s in per_text[i] if s.score >= least]
                if hits:
                    if i in found:
                        found[i] += hits
                    else:
                        found[i] = hits
        for i, (k, text) in enumerate(zip(todo, batch, strict=True)):
            got = found.get(i)
            if got is None:
                out[k] = Redacted(text)
                continue
            if "\n" in text:  # a table's header, a span across its cells, a thing's name in config
                fitted = _fitted(text, [h[:3] for h in got])
                got = [(h[0], *at, h[3], h[4]) for h, at in zip(got, fitted, strict=True) if at]
                if not got:
                    out[k] = Redacted(text)
                    continue
            got = operators.without_model_overreach(got)
            merged = _finished(text, operators.whole_handles(text, operators.merge_hits(got)))
            out[k] = Redacted(operators.replace(text, merged), tuple(merged))
        return [r for r in out if r is not None]

    def policy_drop(self, text: str) -> Redacted | None:
        """The drop for a text that names a confidential term or is about a sensitive topic."""
        return self.policy_drop_many([text])[0]

    def policy_drop_many(self, texts: Sequence[str]) -> list[Redacted | None]:
        """`[policy_drop(t) for t in texts]`, each check run once over the batch."""
        out: list[Redacted | None] = [None] * len(texts)
        for k, conf in enumerate(self._confidential.find_many(texts)):
            if conf:
                out[k] = self._drop("confidential_term", tuple(conf))
        left = [k for k in range(len(texts)) if out[k] is None]
        topics = self._topics.topics_of_many([texts[k] for k in left])
        unsure = [k for k, topic in zip(left, topics, strict=True) if topic is None]
        by_model = self._model_topics_of([texts[k] for k in unsure])
        for k, topic in [*zip(left, topics, strict=True), *zip(unsure, by_model, strict=True)]:
            if topic is not None:
                out[k] = self._drop(f"sensitive_topic:{topic}", ())
        return out

    def _model_topics_of(self, texts: Sequence[str]) -> list[str | None]:
        """The policy topic the shipped topic classifier (`model/topic_ngrams.py`: word pieces, any
        language) gives the highest probability in each text, if past its threshold (the lexicon
        knows English words; the classifier reads the other languages too). A classifier that
        fails drops the items (fail closed: topic "unknown"). Texts of fewer than
        `MODEL_TOPIC_MIN_WORDS` words (an app name, a URL, a short title) are left to the lexicon:
        the model has too little to read there and was measured calling "chromium" and a
        Wikipedia URL "immigration"."""
        out: list[str | None] = [None] * len(texts)
        if not self._model_topics or not texts:
            return out
        try:
            model = NgramTopics.load()
            probs = model.topics_many(texts)
        except Exception:
            log.warning("topic model failed; items dropped", exc_info=True)
            return ["unknown" if _words(t) >= MODEL_TOPIC_MIN_WORDS else None for t in texts]
        known = [t for t in self._model_topics if t in model.names]  # another: probability 0
        if not known:
            return out
        ours = probs[:, [model.names.index(t) for t in known]]
        past = ours >= np.array([model.thresholds[t] for t in known], dtype=ours.dtype)  # each its own
        best = np.where(past, ours, -1.0).argmax(axis=1)  # the likeliest of those past theirs
        for k in np.flatnonzero(past.any(axis=1)).tolist():
            if _words(texts[k]) >= MODEL_TOPIC_MIN_WORDS:  # asked of the few past the threshold
                out[k] = known[int(best[k])]
        return out

    def redact_url(self, url: str) -> Redacted:
        """A URL: scheme, host and port are kept, each path segment, query value and fragment is
        redacted on its own; values of credential-like query keys become `[SECRET]`; an IP host
        that `host_allowed` does not accept becomes `ip-address.invalid`, userinfo `redacted@`."""
        return redact_url(self, url, self.host_allowed)

    def _drop(self, reason: str, findings: tuple[Finding, ...]) -> Redacted:
        self.dropped.add(reason)
        return Redacted(None, findings, True, reason)
