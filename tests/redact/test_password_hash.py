"""SECRET: stored passwords' hashes by their formats (`detectors/password_hash.py`)."""

from __future__ import annotations

import pytest

from demotrace.redact.detectors.password_hash import PasswordHashDetector

from .helpers import covered, detected

_DET = PasswordHashDetector()

BCRYPT = "$2b$12$uYmC1Q6/jTR.ZI9qrnpmiTx0FdiV8x5zvTjA1NwSj8x59v2LRKuk9"
ARGON = "$argon2id$v=19$m=65536,t=3,p=4$PZssmv957QcB3dVoNwJ/0l$NTcU38sBHt6GRPSU2Vci7asv35R/MbTeMuustajDN1q"
SHADOW = "$6$Qm3vT8xL$2XnRd9R3iA1zGnN11hwx13iFMa6wTzh7jrqURN6lm3oIOJZcIzFKHRau0sr3ARanxKkTdzALMGSaWA5o0Pq1."
SCRAM = (
    "SCRAM-SHA-256$4096:RsWVZ9CEfZyTaVma8nNIAB==$er7td1THgvNQkbVHtUwD6nCHJgEiQg2Urm6+pP5vJjx="
    ":8yVd0WpVis/jrTwCy8l7O0Ev/QJv5sV+S3hpjIaqOyV="
)


@pytest.mark.parametrize(
    "text, value",
    [
        (f"7,ana.souza@example.org,Ana Souza,{BCRYPT},2024-01-02", BCRYPT),
        (f'{{"user":"fwagner","passwordHash":"{ARGON}"}}', ARGON),
        (f"root:{SHADOW}:19702:0:99999:7:::", SHADOW),
        (f'"app_rw" "{SCRAM}"', SCRAM),
        ('"app_ro" "md5217a80df5a3fb7555bc7b08b4655201e"', "md5217a80df5a3fb7555bc7b08b4655201e"),
        ("pbkdf2_sha256$600000$x1Yb2cdEf3$Qk9aX0c5V1pLr8wT2mNy6uZbHq4Fe7Js0oPd3aKl5nM=", None),
        ("admin:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/", "$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/"),
    ],
)
def test_hashes_are_found_and_masked(text: str, value: str | None) -> None:
    found = [text[s.start : s.end] for s in _DET.detect(text) if s.kind == "SECRET"]  # (its user aside)
    assert len(found) == 1, found
    assert value is None or found == [value]
    assert found[0] in covered(text)


@pytest.mark.parametrize(
    "text",
    [
        "price: $2 each, $12 for a box",
        "echo $6 $HOME $PATH",
        "md5 checksum: see SHA256SUMS",
        "md5sum build.tar.gz",
        "cost $2b in 2024 ($12bn)",
        "etag: d41d8cd98f00b204e9800998ecf8427e",
        "hashcat -m 3200 '$2y$' mode for bcrypt",
    ],
)
def test_lookalikes_are_not_hashes(text: str) -> None:
    assert detected(_DET, text) == []
