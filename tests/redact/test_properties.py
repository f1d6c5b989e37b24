"""Properties: whatever surrounds it, a planted identifier never survives redaction, and the
placeholder does not depend on its length."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.redact import TextRedactor
from demotrace.redact.detectors._code_names import placeholder_mailbox
from demotrace.redact.detectors.credit_card import luhn_ok
from demotrace.redact.detectors.email import _SSH_CMD as SSH_CMD

from .helpers import RULES

RED = TextRedactor(detectors=RULES)  # properties of the rules and operators (generated strings)
FILLER = st.text(alphabet=string.ascii_lowercase + " .,", max_size=30)
WORD = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=12)


@st.composite
def emails(draw: st.DrawFn) -> str:
    # (not a form's placeholder mailbox, "email@…", "nom@…": left unmasked on purpose, `_code_names`)
    local = draw(WORD.filter(lambda w: not placeholder_mailbox(w + "@", 0, len(w) + 1)))
    dom = draw(st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=10))
    tld = draw(st.sampled_from(["com", "org", "de", "co.uk", "io"]))
    return f"{local}@{dom}.{tld}"


@st.composite
def cards(draw: st.DrawFn) -> str:
    # (a card's first digit is its network's, never 0: ISO/IEC 7812)
    first = draw(st.sampled_from("123456789"))
    body = first + draw(
        st.text(alphabet=string.digits, min_size=14, max_size=14).filter(lambda s: len(set(s)) > 3)
    )
    check = next(d for d in string.digits if luhn_ok(body + d))
    return body + check


@settings(max_examples=150, deadline=None)
@given(before=FILLER, item=st.one_of(emails(), cards()), after=FILLER)
def test_planted_item_never_survives(before: str, item: str, after: str) -> None:
    text = f"{before} {item} {after}"
    r = RED.redact(text)
    assert not r.dropped and r.text is not None
    assert item not in r.text
    at = text.index(item)
    if "@" in item and SSH_CMD.search(text, 0, at):  # `ssh user@host`: the login masked, the host kept
        login = item.index("@")
        assert any(f.start <= at and at + login <= f.end for f in r.findings)
        return
    assert any(f.start <= at and at + len(item) <= f.end for f in r.findings)


@settings(max_examples=60, deadline=None)
@given(a=emails(), b=emails())
def test_placeholder_is_length_free(a: str, b: str) -> None:
    assert RED.redact(f"mail {a} now").text == RED.redact(f"mail {b} now").text == "mail [EMAIL] now"
