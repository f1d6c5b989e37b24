"""The word alternations behind a first-character lookahead (`_base.guarded`, for speed on page
text) match exactly what the plain `(?i:…)` alternations match: each module that uses the guard is
loaded a second time with `guarded` returning the plain group, and every regex of both copies is
run on the held-out texts, pages joined from them, and each listed word in several casings and
with the characters Python's `re` folds specially under IGNORECASE (ſ, K, ı, İ, ς)."""

from __future__ import annotations

import importlib
import importlib.util
import random
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from demotrace.redact.detectors import _base
from demotrace.redact.evaluate import load_samples

HELDOUT = Path(__file__).parent / "data" / "heldout"
# (driver_license's cue is led by a class now: tests/redact/test_lead.py compares it)
MODULES = (
    "address",
    "_address_cue",
    "_person_context",
    "_person_words",
    "person_cues",
    "secrets",
    "username",
)


def _plain(name: str, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, ModuleType]:
    real = importlib.import_module(f"demotrace.redact.detectors.{name}")
    with monkeypatch.context() as m:
        m.setattr(_base, "guarded", lambda alternation: f"(?i:{alternation})")
        copy = f"demotrace.redact.detectors._plain{name}"
        spec = importlib.util.spec_from_file_location(copy, real.__file__)
        assert spec is not None and spec.loader is not None
        plain = importlib.util.module_from_spec(spec)
        m.setitem(sys.modules, copy, plain)  # dataclasses look their module up there
        spec.loader.exec_module(plain)
    return real, plain


def _corpus(words: list[str]) -> list[str]:
    texts: list[str] = []
    for kind in ("titles", "chat", "forms", "code", "letters"):
        texts += [s.text for s in load_samples(HELDOUT / f"{kind}.json")]
    rnd = random.Random(3)
    texts += ["\n".join(rnd.choice(texts) for _ in range(200)) for _ in range(2)]
    odd = {"s": "ſ", "k": "K", "i": "ı", "I": "İ", "σ": "ς", "S": "ſ"}
    for w in words:
        for v in (w, w.upper(), w.title(), "".join(odd.get(c, c) for c in w)):
            texts += [f"at 12 {v} 4, {v}: 90210", f"12 Main {v}. Apt 3", f"{v} is hunter2x9 and {v}=s3cr3t!!"]
    return texts


def _regexes(module: ModuleType) -> list[tuple[str, re.Pattern[str]]]:
    """The module's compiled regexes, and those of its detectors' `patterns`."""
    out = []
    for k, v in sorted(vars(module).items()):
        if isinstance(v, re.Pattern):
            out.append((k, v))
        elif isinstance(v, type) and v.__module__ == module.__name__:
            out += [(f"{k}.{p.name}", p.regex) for p in getattr(v, "patterns", ())]
    return out


def _words(rx: str) -> list[str]:
    return sorted({w for w in re.findall(r"[^\W\d_][\w'’ ]*", rx) if len(w) < 30})


@pytest.mark.parametrize("name", MODULES)
def test_guarded_regexes_match_as_plain_ones(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real, plain = _plain(name, monkeypatch)
    pairs = list(zip(_regexes(real), _regexes(plain), strict=True))
    changed = [(k, a, b) for (k, a), (_, b) in pairs if a.pattern != b.pattern]
    assert changed, f"{name} has no guarded regex"
    words = sorted({w for _, _, b in changed for w in _words(b.pattern)})
    texts = _corpus(words)
    for k, a, b in changed:
        for t in texts:
            got = [(m.span(), m.groups()) for m in a.finditer(t)]
            want = [(m.span(), m.groups()) for m in b.finditer(t)]
            assert got == want, (k, t[:200])


def test_first_chars_of_word_alternations() -> None:
    assert _base.first_chars(r"(?i:ab|cd)|(?:x|y)z|\bQ|é\.") == "acqxyé"
    assert _base.first_chars(r"address(?:es)?(?:[ \t]+(?:is|to))?|send (?:it|them) to") == "as"
    for unsure in (r"(?:a|b)?c", r"[ab]c", r"\w+", r"(?=a)b", r"a|", r".x"):
        with pytest.raises(ValueError):
            _base.first_chars(unsure)


def test_alternatives_grouped_by_first_letter_only_where_that_is_safe() -> None:
    assert _base._by_first_letter("street|st|road|rd|s") == "s(?:treet|t|)|r(?:oad|d)"
    assert _base._by_first_letter("e?mail|email") == "e?mail|email"  # a quantified first letter
    assert _base._by_first_letter("(?:a|b)c|ad") == "(?:a|b)c|ad"  # a group first
    assert _base._by_first_letter("sb|\u017fy") == "sb|\u017fy"  # s and the long s fold together
