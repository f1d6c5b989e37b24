from __future__ import annotations

import re

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
        ("glpat-Qm3vR8xK2pLw7nT4yZ9a", ["glpat-Qm3vR8xK2pLw7nT4yZ9a"]),
        ("glpat-xxxxxxxxxxxxxxxxxxxx", []),  # a placeholder: fillers, no token
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


def _chars_and_width(rx: str) -> tuple[set[str], int]:
    """Every character class a rule's regex can match (as strings: "\\w" for a category) and its
    shortest match, read from Python's own parse of it."""
    import re._constants as c
    import re._parser as p

    seen: set[str] = set()

    def walk(items: object) -> None:
        for op, av in items:  # type: ignore[attr-defined]
            if op is c.LITERAL:
                seen.add(chr(av))
            elif op is c.RANGE:
                seen.update(chr(x) for x in range(av[0], av[1] + 1))
            elif op is c.IN:
                walk(av)
            elif op is c.CATEGORY:
                seen.add({c.CATEGORY_WORD: "\\w", c.CATEGORY_DIGIT: "\\d"}.get(av, f"?{av}"))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                walk(av[2])
            elif op is c.SUBPATTERN:
                walk(av[3])
            elif op is c.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op is c.AT:
                pass  # \b, \Z: match no character
            else:
                seen.add(f"?{op}")

    tree = p.parse(rx)
    walk(tree)
    return seen, tree.getwidth()[0]


def test_token_rules_without_a_literal_match_only_long_runs() -> None:
    """What `token_matches` relies on: a rule that needs none of `_LITERALS` matches only
    characters of `_RUN`, at least `RUN_MIN` of them."""
    from demotrace.redact.detectors import secrets

    run = secrets._RUN.pattern.split("{")[0]
    without = [
        (n, rx)
        for n, rx in secrets._TOKEN_RULES
        if not any(lit in rx.replace("\\", "") for lit in secrets._LITERALS)
    ]
    assert len(without) == len(secrets._TOKEN_RULES) - 5  # (PEM, PuTTY, Slack, Azure, Discord)
    for name, rx in without:
        chars, width = _chars_and_width(rx)
        assert width >= secrets.RUN_MIN, name
        for ch in chars:
            assert ch == "\\w" or ch == "\\d" or re.fullmatch(run, ch), (name, ch)


@pytest.mark.parametrize(
    "text",
    [
        f"a {JWT} b xoxb-123456789012-abcdefghijkl.AKIAIOSFODNN7EXAMPLE",
        "x-sk-" + "a" * 40 + " ghp_" + "b" * 36 + "=ATATT3" + "c" * 186,
        "é_AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY\nkey-" + "f" * 32 + "-SK" + "0" * 32,
        PEM + " ghp_" + "a" * 36,
        "PuTTY-User-Key-File-2: ssh-rsa AKIAIOSFODNN7EXAMPLE",
        "AccountKey=" + "a/" * 44 + " hooks.slack.com/services/" + "A" * 44,
    ],
)
def test_token_matches_are_those_of_the_whole_alternation(text: str) -> None:
    from demotrace.redact.detectors import secrets

    want = [(m.start(), m.end()) for m in secrets._TOKENS.finditer(text)]
    got = [(m.start(), m.end()) for m in secrets.token_matches(text)]
    assert got == want and want
