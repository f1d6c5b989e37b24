from __future__ import annotations

import pytest

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ping @jdoe about it", ["@jdoe"]),
        ("cc @maria_k and @dev-ops", ["@maria_k", "@dev-ops"]),
        ("cd /home/alice/projects", ["alice"]),
        (r"C:\Users\bob\Desktop", ["bob"]),
        ("username: jsmith42", ["jsmith42"]),
        ("logged in as maria.k", ["maria.k"]),
        ("ssh deploy@192.168.1.20", ["deploy"]),
        ("jdoe@laptop:~/src$ make", ["jdoe"]),
        ("ssh -i key.pem ubuntu@ec2-3-120-45-67.eu-central-1.compute.amazonaws.com", ["ubuntu"]),
        # in prose, a login noun and a copula (en, es, nl, de, fr)
        ("my login is kwalsh77 if you need it", ["kwalsh77"]),
        ("mi usuario es lmorenog", ["lmorenog"]),
        ("mijn gebruikersnaam is jdevries.", ["jdevries"]),
        ("mein Benutzername ist tkeller_ops", ["tkeller_ops"]),
        ("mon identifiant est cdupont2", ["cdupont2"]),
        ("the login is broken again", []),
        ("my username is required here", []),
        # near-misses: decorators, emails (another kind), plain words
        ("@property.setter", []),
        ("@app.route('/')", []),
        ("mail bob@example.com", []),
        ("user is root", []),
        # a support chat's "User:" speaker opens a turn, not a login
        ("Bot: hi\nUser: what are your opening hours\nUser: ok thanks", []),
        ("User: jdoe_85\nPassword: hunter2", ["jdoe_85"]),
    ],
)
def test_username(text: str, expected: list[str]) -> None:
    assert flagged(text, "USERNAME") == expected
