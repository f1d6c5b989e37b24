"""`operators.merge_hits`, which the engine uses on page text, merges as `operators.merge` does:
same spans, kinds, detectors and scores, ties between kinds and scores included."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.redact import operators
from demotrace.redact.operators import replace, whole_handles
from demotrace.schema import Finding

KINDS = st.sampled_from([*operators.PRIORITY[:4], "PERSON", "USERNAME", "SOMETHING_ELSE", "OTHER"])
HITS = st.lists(
    st.tuples(
        KINDS,
        st.integers(0, 40),
        st.integers(1, 12),
        st.sampled_from(["a", "b", "c"]),
        st.sampled_from([0.5, 0.7, 0.9, 1.0, 1]),
    ).map(lambda t: (t[0], t[1], t[1] + t[2], t[3], t[4])),
    min_size=1,
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(hits=HITS)
def test_merge_hits_is_merge(hits: list[operators.Hit]) -> None:
    want = operators.merge([Finding(*h) for h in hits])
    got = operators.merge_hits(list(hits))
    assert got == want
    assert [type(f.score) for f in got] == [type(f.score) for f in want]


def test_merge_hits_keeps_the_first_of_equal_ranks_and_the_higher_priority() -> None:
    hits: list[operators.Hit] = [
        ("PERSON", 0, 5, "person", 0.7),
        ("USERNAME", 3, 8, "username", 0.9),
        ("SECRET", 8, 10, "secrets", 0.8),
        ("PERSON", 12, 14, "model", 0.6),
        ("PERSON", 12, 13, "person", 0.6),
    ]
    assert operators.merge_hits(hits) == [
        Finding("SECRET", 0, 10, "secrets", 0.9),
        Finding("PERSON", 12, 14, "model", 0.6),
    ]


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("login alice.demo now", "alice", "login [PERSON] now"),
        ("maria.gonzalez", "gonzalez", "[PERSON]"),
        ("user mark_reynolds_2", "reynolds", "user [PERSON]"),
        ("git clone git@host:k-wiśniewska/repo", "wiśniewska", "git clone git@host:[PERSON]/repo"),
        ("cd /home/priya.raman/src", "priya", "cd /home/[PERSON]/src"),
        ("Met Maria. Then left", "Maria", "Met [PERSON]. Then left"),  # a sentence's full stop
        ("Maria-", "Maria", "[PERSON]-"),
        ("ssh dev@vpn.kowalski.com", "kowalski", "ssh dev@vpn.[PERSON].com"),  # a host: left
        ("mail.kowalski.de", "kowalski", "mail.[PERSON].de"),
    ],
)
def test_a_name_inside_a_handle_takes_the_whole_handle(text: str, name: str, want: str) -> None:
    start = text.index(name)
    found = [Finding("PERSON", start, start + len(name), "model", 0.9)]
    assert replace(text, whole_handles(text, found)) == want


def test_whole_handles_leaves_other_kinds_and_merges_what_it_widens() -> None:
    text = "id abc.12345 see mark.r-x here"
    other = Finding("PHONE_NUMBER", 7, 12, "phone", 1.0)  # "12345", glued to "abc": not a name
    names = [Finding("PERSON", 17, 21, "model", 0.9), Finding("PERSON", 24, 25, "model", 0.5)]
    got = whole_handles(text, [other, *names])
    assert got == [other, Finding("PERSON", 17, 25, "model", 0.9)]
    assert replace(text, got) == "id abc.[PHONE] see [PERSON] here"
