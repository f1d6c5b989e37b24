from __future__ import annotations

import pytest

from .helpers import flagged

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("key AKIAIOSFODNN7EXAMPLE here", ["AKIAIOSFODNN7EXAMPLE"]),
        ("ghp_" + "a" * 36, ["ghp_" + "a" * 36]),
        ("glpat-xxxxxxxxxxxxxxxxxxxx", ["glpat-xxxxxxxxxxxxxxxxxxxx"]),
        ("xoxb-123456789012-abcdefghijkl", ["xoxb-123456789012-abcdefghijkl"]),
        ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", ["sk_live_4eC39HqLyjWDarjtT1zdp7dc"]),
        ("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", ["AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"]),
        (f"Authorization: Bearer {JWT}", [JWT]),
        (PEM, [PEM]),
        ("password=hunter22", ["hunter22"]),
        ('"api_key": "f3a9c2e1b7d4"', ["f3a9c2e1b7d4"]),
        ("mysql://admin:s3cr3t@db:3306/app", ["s3cr3t"]),
        ("postgres://admin:s3cr3t@db.internal:5432/app", ["s3cr3t"]),
        ("aws secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]),
        ("session Zx9Qm2LpT7vR4sKc8NwYb3HdJ6fA", ["Zx9Qm2LpT7vR4sKc8NwYb3HdJ6fA"]),
        # in prose: a credential noun, a few words, a copula, the value (en, es, de)
        ("the wifi password is Tr0ub4dor&3 today", ["Tr0ub4dor&3"]),
        ("la contraseña del router es gato-4711, no la pierdas", ["gato-4711"]),
        ("das Passwort ist Sommer2024!", ["Sommer2024!"]),
        # near-misses: words after credential keywords, placeholders, hashes and ids by themselves
        ("the password is incorrect", []),
        ("your password expired.", []),
        ("the password policy is strict: 12 characters", []),
        ("git show 3f786850e387550fdab836ed7e6dc881de23001b", []),
        ("id 123e4567-e89b-12d3-a456-426614174000", []),
        ("see ThisIsAVeryLongCamelCaseIdentifierName", []),
        ("reset your password please", []),
        ("the token expired yesterday", []),
        ("password=[SECRET]", []),
        ("https://github.com/org/repo", []),
    ],
)
def test_secrets(text: str, expected: list[str]) -> None:
    assert flagged(text, "SECRET") == expected


def test_every_token_rule_starts_with_a_character_of_the_prefilter() -> None:
    """The lookahead that speeds the token alternation up must not hide any rule."""
    from demotrace.redact.detectors import secrets

    for name, rx in secrets._TOKEN_RULES:
        body = rx.removeprefix("\\b")
        alts = body[3 : body.index(")")].split("|") if body.startswith("(?:") else [body]
        assert all(a[0] in secrets._TOKEN_FIRST for a in alts), name
