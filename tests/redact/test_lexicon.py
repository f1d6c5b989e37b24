"""The compact word sets answer `in` exactly as frozensets of the same words would."""

from __future__ import annotations

import pytest

from demotrace.redact.detectors import lexicon as lx


def test_wordset_matches_a_frozenset_on_small_and_odd_words() -> None:
    words = ["b", "a", "ab", "é", "李", "zz", "a", "Ab", ""]
    ws, ref = lx.WordSet(words), frozenset(words)
    assert len(ws) == len(ref)
    probes = [*words, "c", "aa", "abc", "e", "É", "李李", "z", "zzz", "\udcff", 3, None]
    for p in probes:
        assert (p in ws) == (p in ref), p


def test_wordset_edges_empty_set_blocks_and_newlines() -> None:
    assert "" not in lx.WordSet([]) and "a" not in lx.WordSet([])
    words = [f"w{i:04d}" for i in range(0, 300, 3)]  # several blocks of `BLOCK` words
    ws = lx.WordSet(words)
    for i in range(-1, 302):
        assert (f"w{i:04d}" in ws) == (i % 3 == 0 and 0 <= i < 300), i
    assert "w0000\nw0003" not in ws  # two stored words side by side are not one
    with pytest.raises(ValueError):
        lx.WordSet(["a\nb"])


def test_shipped_lexicon_membership_is_unchanged() -> None:
    first: set[str] = set()
    last: set[str] = set()
    for line in lx._read("names.txt.gz"):
        word, _, tags = line.partition("\t")
        if word in lx.STOPWORDS:
            continue
        if "f" in tags:
            first.add(word)
        if "l" in tags:
            last.add(word)
    words = {w for w in lx._read("words.txt.gz") if w}
    lex = lx.lexicon()
    for w in first | last | words:
        for v in (w, w.title(), w + "s"):
            assert (v in lex.first, v in lex.last, v in lex.words) == (v in first, v in last, v in words), v
