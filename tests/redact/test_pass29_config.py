"""Secrets of CI, databases, package managers and monitoring, and what only looks like one (issue
11, twenty-ninth pass): the kinds `secrets_blind15.json` showed, each as a case written here."""

from __future__ import annotations

import pytest

from .helpers import masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("host: 10.2.0.4\npassword:   7h;Qm(Zx]%2pLk\nuser: svc_report", "7h;Qm(Zx]%2pLk"),
        (
            "license_key: us01xxa81fe20c9b7d44e6a0f3c2b1d9e8NRAL\nlog_level: info",
            "us01xxa81fe20c9b7d44e6a0f3c2b1d9e8NRAL",
        ),
        (
            "$ glab ci run-trig -t glptt-7d1c0e9b2a4f6e8d0c1b3a5f7e9d2c4b6a8f0e1d -b main",
            "glptt-7d1c0e9b2a4f6e8d0c1b3a5f7e9d2c4b6a8f0e1d",
        ),
        (
            "$ redis-cli -h cache-01 -p 6379 -a 'b7e2c9f41d8a3e6c0f5b2d7a9e4c1f83' ping",
            "b7e2c9f41d8a3e6c0f5b2d7a9e4c1f83",
        ),
    ],
)
def test_a_secret_is_masked(text: str, secret: str) -> None:
    assert any(k == "SECRET" and secret in v for k, v in masked(text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        '  "CodeSha256": "k9Vb2Qx7Lm4Tz0Rc8Yw1Ns6Hd3Jf5Ga2Pe7Uo9Iq1Mt=",',
        "default_config_hash: Pr8sT2vX5yZ1aB4cD7eF0gH3iJ6kL9mN2oQ5rS8tU1w",
        "  data:\n    - secretKey: SMTP_PASSWORD\n      remoteRef:\n        key: prod/mail",
        "jq -r '.items[] | [.name, .status] | @tsv'",
        "orders=> select count(*) from shipments;\n  count\n---------\n 4830291\n(1 row)",
        "password: string;\napiKey?: string;",
        'PWD = keyring::key_get("warehouse-prod"),',
    ],
)
def test_what_only_looks_like_a_secret_is_kept(text: str) -> None:
    assert masked(text) == [], masked(text)


def test_a_password_hash_and_a_phone_column_are_still_masked() -> None:
    """A digest named so is kept, a password's hash is not; a query's result is kept, a column
    of phone numbers is not."""
    assert masked("password_hash: Qw8eR2tY5uI1oP4aS7dF0gH3jK6lZ9xC2vB5nM8qW1e")
    assert masked("phone\n-----------------\n +44 20 7946 0958\n(1 row)")


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Job card 5521 — Reg: PX21 KDN   Mileage: 61,004", "PX21 KDN", "ACCOUNT_ID"),
        ("left my 2019 Kia Rio (plate 7TRW218) in bay 4", "7TRW218", "ACCOUNT_ID"),
        ("Schadeformulier — Kenteken: 5-TNL-82", "5-TNL-82", "ACCOUNT_ID"),
        ("Access granted to lmoreno (Lucia Moreno) for the finance share", "lmoreno", "USERNAME"),
    ],
)
def test_plates_and_logins_before_their_names(text: str, value: str, kind: str) -> None:
    """A vehicle's registration after its word; a login a name in brackets follows and makes. (A
    card number whose Luhn check fails stays kept even after a card's word: a recogniser's test rows
    call it a near miss, `test_recognizer_rows.py`.)"""
    assert (kind, value) in masked(text), masked(text)


def test_a_registration_word_without_a_plate_is_kept() -> None:
    assert masked("the reg form is on page 12; registration 2024 opens in May") == []
    assert masked("Order 1234 5678 9012 3456 shipped today") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Class: Spin 45 — Studio 2\nInstructor: Bishop\nMember: #M0042871", "Bishop"),
        ("Climbing wall induction done. Staff: Page", "Page"),
    ],
)
def test_a_name_that_is_a_word_alone_after_a_roles_label(text: str, name: str) -> None:
    assert ("PERSON", name) in masked(text), masked(text)


def test_a_roles_label_before_a_department_is_kept() -> None:
    assert masked("Contact: Sales\nHost: Airbnb") == []
