"""Logins shown by their shape (`detectors/_login_shapes.py`, via `username.py`) and the secrets
rule's "pw:" cue: kinds a blind set of English texts showed (issue 11, twenty-second pass), each
as a case written here."""

from __future__ import annotations

import pytest

from .helpers import covered, masked


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("My work: behance.net/oyelaran.studio and linkedin.com/in/ruth-okafor-88/", "ruth-okafor-88"),
        ("My work: behance.net/oyelaran.studio and more", "oyelaran.studio"),
        ("code at https://github.com/mvanderberg, hire me", "mvanderberg"),
        ("Grant Camille Durand (cdurand) read access to the share", "cdurand"),
        ("Add Wei Zhang (wzhang3) to the on-call rota", "wzhang3"),
        ("guest wifi pw: harbour-lights-7, ask at the bar", "harbour-lights-7"),
        ("@noor.h: deploy done", "@noor.h"),
    ],
)
def test_the_login_is_masked(text: str, login: str) -> None:
    assert login in covered(text), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fork https://github.com/acme/payments-api and open a PR",
        "See github.com/settings/tokens to make one",
        "Ask the Sales Team (sales) or Acme Corp (acme)",
        "pw reset done for the account",
        "@property.setter",
    ],
)
def test_what_only_looks_like_a_login(text: str) -> None:
    assert not [k for k, _ in masked(text) if k in ("USERNAME", "SECRET")], masked(text)


def test_every_profile_site_holds_the_username_detectors_trigger() -> None:
    """`username.py` skips a text its triggers miss: each profile site must hold a match."""
    from demotrace.redact.detectors._base import _patterns
    from demotrace.redact.detectors._login_shapes import PROFILE_SITES
    from demotrace.redact.registry import build

    (det,) = build(["username"])
    triggers = _patterns(det.lower_trigger)
    assert triggers

    def held(site: str) -> bool:
        return any(t in site if isinstance(t, str) else t.search(site) is not None for t in triggers)

    assert all(held(site) for site in PROFILE_SITES)


def test_a_bare_lower_case_word_is_no_login_unless_a_name_makes_it() -> None:
    """The model called clinical words of languages the lexicon does not list logins when they
    stood in brackets ("(huiduitslag)", "Ontslagdiagnose: cellulitis"): 85 such letters-only
    words on the labelled sets, beside 27 right, 25 of them cued or made of a name."""
    from demotrace.redact.detectors._login_shapes import name_made, no_login

    text = "Allergie: amoxicilline (huiduitslag). Ontslagdiagnose: cellulitis onderbeen."
    for word in ("huiduitslag", "cellulitis"):
        start = text.index(word)
        assert no_login(text, start, start + len(word)), word
    assert name_made("akowalska") and name_made("jmwright") and not name_made("huiduitslag")
    text = "Rep: Anna Kowalska (akowalska) will call"
    start = text.index("akowalska")
    assert not no_login(text, start, start + len("akowalska"))
    text = "Login ID: brenvale"  # a cue before it: the model's word is kept whatever it is
    assert not no_login(text, 10, len(text))
