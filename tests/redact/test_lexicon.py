"""The compact tagged word list answers exactly as a dict of the same words would."""

from __future__ import annotations

import pytest

from demotrace.redact.detectors import lexicon as lx


def test_tagged_words_match_a_dict_on_small_and_odd_words() -> None:
    tags = {"b": 1, "a": 2, "ab": 4, "é": 3, "李": 7, "zz": 9, "Ab": 5, "": 6}
    tw = lx.TaggedWords(tags)
    assert len(tw) == len(tags)
    probes = [*tags, "c", "aa", "abc", "e", "É", "李李", "z", "zzz", "\udcff", "a\t2", "a\n"]
    for p in probes:
        assert tw.get(p) == tags.get(p, 0), p
    view = lx.Tagged(tw, 2)
    assert [p for p in probes if p in view] == ["a", "é", "李", ""]
    assert 3 not in view and None not in view


def test_tagged_words_edges_empty_blocks_and_separators() -> None:
    assert lx.TaggedWords({}).get("") == 0 and lx.TaggedWords({}).get("a") == 0
    tw = lx.TaggedWords({f"w{i:04d}": 1 + i % 9 for i in range(0, 300, 3)})  # several blocks
    for i in range(-1, 302):
        assert tw.get(f"w{i:04d}") == (1 + i % 9 if i % 3 == 0 and 0 <= i < 300 else 0), i
    assert tw.get("w0000\t1\nw0003") == 0  # two stored words side by side are not one
    assert lx.TaggedWords({"a": 10, "b": (1 << 20) - 1}).get("b") == (1 << 20) - 1  # tags of 20 bits
    for bad in ({"a\nb": 1}, {"a\tb": 1}, {"a": 0}, {"a": 1 << 20}):
        with pytest.raises(ValueError):
            lx.TaggedWords(bad)


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
    words = {w for w in lx._read("words.txt.gz") + lx._read("common_words.txt.gz") if w}
    lex = lx.lexicon()
    for w in first | last | words:
        for v in (w, w.title(), w + "s"):
            assert (v in lex.first, v in lex.last, v in lex.words) == (v in first, v in last, v in words), v


def test_common_words_of_other_languages_are_words_and_their_names_stay_names() -> None:
    """`common_words.txt.gz` makes everyday words of other languages common ("klima", "casa"),
    never a name of the language it came from or of English ("garcía", "juan", "sean"), nor a
    first name of any locale ("liv", "anders", "prima")."""
    lex = lx.lexicon()
    for w in ("klima", "casa", "haus"):
        assert w in lex.words, w
    for w in ("garcía", "lópez", "juan", "sean", "dan", "liv", "anders", "prima"):
        assert w not in set(lx._read("common_words.txt.gz")), w


def test_cyrillic_names_are_listed_in_latin_letters_too() -> None:
    """`build_names.romanised`: Ukraine's, Russia's and Bulgaria's name lists also in the Latin
    spellings passports and e-mail addresses use; not a word that bg_BG lists as a name ("Агент")."""
    from demotrace.redact.data.build_names import romanised

    assert romanised("Олександр", "uk_UA") == ["oleksandr"]
    assert romanised("Андрій", "uk_UA") == ["andrii", "andriy"]
    assert romanised("Євген", "uk_UA") == ["yevhen"]
    assert romanised("Елена", "ru_RU") == ["yelena", "elena"]
    assert romanised("Агент", "bg_BG") == [] and romanised("Anna", "uk_UA") == []
    lex = lx.lexicon()
    assert all(w in lex.first or w in lex.last for w in ("oleksandr", "shevchenko", "smirnov"))
    assert "agent" not in lex.first


def test_built_from_sorted_pairs_it_holds_what_the_dict_gives() -> None:
    """`from_sorted` (the shipped lists merged as they are read) gives the very blob `TaggedWords`
    of a dict gives: repeats OR-ed, blocks where they were; out-of-order words are an error."""
    tags = {f"w{i:04d}": 1 + i % 9 for i in range(0, 300, 3)} | {"é": 4, "z": 2}
    pairs = sorted([*tags.items(), ("w0003", 16), ("z", 1)])
    merged = lx.TaggedWords.from_sorted(pairs)
    want = lx.TaggedWords({**tags, "w0003": tags["w0003"] | 16, "z": 3})
    assert merged._blob == want._blob and list(merged._offsets) == list(want._offsets)
    assert merged._heads == want._heads and len(merged) == len(want)
    assert merged.get("w0003") == tags["w0003"] | 16 and merged.get("é") == 4
    with pytest.raises(ValueError, match="not sorted"):
        lx.TaggedWords.from_sorted([("b", 1), ("a", 1)])
