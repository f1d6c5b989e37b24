"""`_windows.matches_around`: each regex searched only in the windows around its literal finds
what `finditer` on the whole text finds, on the held-out texts, the fixture, the bench pages
(joined into one text and as lines) and hand-made texts at the edges of a window."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from demotrace.redact.detectors import _windows, email, iban, secrets, username
from demotrace.redact.detectors._base import PatternDetector
from demotrace.redact.detectors._windows import matches_around

from .helpers import batch_corpus

BENCH = Path(__file__).parents[2] / "bench"

USES: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "email": (email.EmailDetector.patterns[0].regex, email._AT),
    "user-at-host": (username._USER_AT_HOST, ("@",)),
    "home": (username._HOME, ("/home/", "Users")),
    "url-password": (secrets._URL_PASSWORD, ("://",)),
}

# windows at the start and the end of the text, whitespace other than " " and newlines around an
# anchor, several matches and anchors in one window, an anchor with no match before one with
CRAFTED = [
    "a@b.co",
    "ana@x.org, bob@y.org;cy@z.io\u00a0dee@w.com\u2003eve@v.net\x0bfay@u.org\x1cgus@t.org",
    "@ @@ a@ @b ana@x.org@y.org x@y.z%40a.org ana%40x.org%40y.org\tb@c.de\r\nc@d.fr",
    "deploy@10.0.0.5 jdoe@laptop: root@box\u00a0x root@box\u2028 admin@host\x85 u@h",
    "C:\\Users\\jdoe\\x /Users/ana/Documents\u00a0/home/bob/x Users /home/ /home/é\u3000/Users/ x/home/a",
    "postgres://bob:hunter22@db.io/x :// a://b:c@d\u00a0x://u:p@h https://u:p@h\u2003ftp://a:b@c",
    "x" * 300 + "@" + "y" * 300 + " ana@x.org",
]


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    sys.path.insert(0, str(BENCH))
    import bench_redact

    out = batch_corpus(shared_dir, CRAFTED)
    pages = [bench_redact.prose_page(), bench_redact.distinct_page(), bench_redact.bench_page(out)]
    joined = ["\n".join(page) for page in pages] + ["\n".join(out), " ".join(out), "\u00a0".join(out)]
    return out + [line for page in pages for line in page] + joined


def _spans(found: object) -> list[tuple[int, ...]]:
    return [(*m.span(), *(x for g in range(1, m.re.groups + 1) for x in m.span(g))) for m in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", USES)
def test_the_windows_find_what_finditer_finds(name: str, texts: list[str]) -> None:
    rx, anchors = USES[name]
    found = 0
    for text in texts:
        want = _spans(rx.finditer(text))
        assert _spans(matches_around(rx, text, anchors)) == want, (name, text[:200])
        found += len(want) * (len(text) >= _windows.SHORT)
    assert found, name  # the long texts hold matches of every regex


@pytest.mark.parametrize("name", USES)
def test_the_windows_find_what_finditer_finds_in_long_crafted_texts(name: str) -> None:
    rx, anchors = USES[name]
    pad = "z" * _windows.SHORT  # long enough to be searched in windows
    for text in CRAFTED:
        for at in range(len(text)):  # each suffix and prefix, the pad before or after it
            for t in (pad + " " + text[at:], text[at:] + " " + pad, pad + text[:at], text[:at] + pad):
                assert _spans(matches_around(rx, t, anchors)) == _spans(rx.finditer(t)), (name, t[-300:])


def test_a_window_reads_the_whitespace_after_it_as_the_end() -> None:
    """What the windows rely on: no match holds whitespace, an end look-ahead that whitespace
    passes (a regex that needs a space after it would be cut at the window's end)."""
    needs_space = re.compile(r"@\w+(?=\s)")
    text = "z" * _windows.SHORT + " a@b c"
    assert _spans(needs_space.finditer(text)) != _spans(matches_around(needs_space, text, ("@",)))


def test_the_secret_runs_are_those_of_the_run_regex(texts: list[str]) -> None:
    """`secrets.runs` (each run matched after the character before it) and the token and
    high-entropy regexes searched only in them find what `finditer` on the whole text finds."""
    for text in texts + CRAFTED + ["a" * 15, "a" * 14, "=" * 30 + " x", " " + "b/" * 20]:
        in_runs = secrets.runs(text)
        assert in_runs == [m.span() for m in secrets._RUN.finditer(text)], text[:200]
        want = _spans(secrets._HIGH_ENTROPY.finditer(text))
        assert _spans(secrets.high_entropy_matches(text, in_runs)) == want, text[:200]
        assert _spans(secrets.token_matches(text, in_runs)) == _spans(secrets._TOKENS.finditer(text)), text[
            :200
        ]


def test_the_iban_starts_are_those_of_its_pattern(texts: list[str]) -> None:
    """`IbanDetector._ibans` matches its pattern only two characters before each match of its
    trigger, on a long text: the spans of `PatternDetector.detect`, which searches everywhere."""
    det = iban.IbanDetector()
    pad = "z" * _windows.SHORT
    extra = ["DE89 3704 0044 0532 0130 00 xDE89370400440532013000 İE89 ıs12ab DE89370400440532013000"]
    for text in texts + [pad + " " + t for t in extra] + [t + " " + pad for t in extra]:
        assert det._ibans(text) == list(PatternDetector.detect(det, text)), text[:200]
