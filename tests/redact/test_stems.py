"""`_stems`: the credential and login-cue regexes tried only where a stem of their words starts
find what `finditer` finds, on the held-out texts, the fixture, the bench pages (joined into one
text and as lines) and hand-made texts; and every word of their lists starts with a stem."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from demotrace.redact.detectors import _windows, secrets, username
from demotrace.redact.detectors._base import _UNFOLDED
from demotrace.redact.detectors._stems import ALNUM, matches_at, stem_starts

from .helpers import batch_corpus
from .regex_words import words

BENCH = Path(__file__).parents[2] / "bench"

USES: dict[str, tuple[re.Pattern[str], tuple[str, ...], list[str]]] = {
    "keyword-value": (secrets._KEYWORD_VALUE, secrets.KEYWORD_STARTS, [secrets._KEYWORDS]),  # after "_" too
    "keyword-is": (secrets._KEYWORD_IS, secrets.KEYWORD_STARTS, [secrets._NOUNS]),
    "cue": (username._CUE, username.CUE_STARTS, [username._CUE_WORDS]),
    "cue-is": (username._CUE_IS, username.CUE_STARTS, [username._CUE_IS_WORDS]),
}

# what may not stand before a word of each regex: a letter or a digit before a credential key (it may
# follow "_": "HF_TOKEN"), any word character before a login cue
_WORD_BEFORE = {
    "keyword-value": ALNUM,
    "keyword-is": ALNUM,
    "cue": re.compile(r"\w"),
    "cue-is": re.compile(r"\w"),
}

# a word at the start of the text, after a newline, inside a word, overlapping a longer match,
# Kelvin-sign k, "pass" within "password" twice, the folds that make a text searched whole
CRAFTED = [
    "password=Xy7$k2abc9 xpassword=Xy7$k2abc9 éapi_key: abcdef12 _token=abcdefgh1\npwd: hunter22",
    "PASSWORD:  'Xy7$k2abc9' Credential=abcdefgh1 bearer abcdefgh\nToken=abcdefgh1 passpassword=x1234567",
    "the password is Xy7$k2 la contraseña es Xy7$k2abc das Passwort ist hunter22 mot de passe est azerty12",
    "das \u212aennwort ist hunter22 CONTRASEÑA ES abc123xyz palavra-passe é abcdef12 token token=abcdef12",
    "İpwd=abcdef12 ſecret: qwerty12 ıd x",
    "Login: jdoe_85 xlogin: jdoe signed in as maria_85 user id: ab_c username=bob_1 log in as a.b",
    "mein Benutzername ist hans_1 nom d'utilisateur est jp.martin éhandle is jdoe_1 Log-in is x_y",
    "mijn gebruikersnaam is x_1 user name: a.b nombre de usuario es ana_1 nome utente è mario_1",
]


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    sys.path.insert(0, str(BENCH))
    import bench_redact

    out = batch_corpus(shared_dir, CRAFTED)
    pages = [bench_redact.prose_page(), bench_redact.distinct_page(), bench_redact.bench_page(out)]
    folded = [t for t in out if not _UNFOLDED.search(t)]  # joins searched at the stems
    joined = ["\n".join(page) for page in pages] + ["\n".join(out), " ".join(out), "\n".join(folded)]
    return out + [line for page in pages for line in page] + joined


def _spans(found: object) -> list[tuple[int, ...]]:
    return [(*m.span(), *(x for g in range(1, m.re.groups + 1) for x in m.span(g))) for m in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", USES)
def test_every_word_starts_with_a_stem(name: str) -> None:
    _, stems, lists = USES[name]
    all_words = set().union(*(words(rx) for rx in lists))
    assert len(all_words) > 10
    assert not [w for w in all_words if not w.lower().startswith(stems)]


@pytest.mark.parametrize("name", USES)
def test_the_stems_find_what_finditer_finds(name: str, texts: list[str]) -> None:
    rx, stems, _ = USES[name]
    found = 0
    for text in texts:
        want = _spans(rx.finditer(text))
        starts = stem_starts(text, stems, word_start=True, word=_WORD_BEFORE[name])
        assert _spans(matches_at(rx, text, starts)) == want, (name, text[:200])
        found += len(want) * (starts is not None)
    assert found, name  # the long texts hold matches of every regex


@pytest.mark.parametrize("name", USES)
def test_the_stems_find_what_finditer_finds_in_long_crafted_texts(name: str) -> None:
    rx, stems, _ = USES[name]
    pad = "z" * _windows.SHORT
    for text in CRAFTED + [t.upper() for t in CRAFTED]:
        for at in range(len(text)):
            for t in (pad + " " + text[at:], text[:at] + "\n" + pad, text[at:] + pad):
                starts = stem_starts(t, stems, word_start=True, word=_WORD_BEFORE[name])
                assert _spans(matches_at(rx, t, starts)) == _spans(rx.finditer(t)), (name, t[-300:])


def test_a_short_text_or_one_with_an_unfolded_letter_is_searched_whole() -> None:
    assert stem_starts("password=abcdef12", secrets.KEYWORD_STARTS, word_start=True) is None
    assert stem_starts("\u0130" + "x" * _windows.SHORT, secrets.KEYWORD_STARTS, word_start=True) is None
    assert stem_starts("x" * _windows.SHORT + " pass", ("pass",), word_start=True) == [_windows.SHORT + 1]
