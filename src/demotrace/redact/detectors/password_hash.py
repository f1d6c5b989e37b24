"""SECRET: a stored password's hash, in the formats that say what they are: crypt(3)'s "$1$",
"$5$", "$6$" and yescrypt's "$y$" (`/etc/shadow`), bcrypt's "$2a$/$2b$/$2y$" (web apps'
user tables, htpasswd -B), Apache's "$apr1$", argon2's "$argon2id$v=…$m=…,t=…,p=…$", Django's
"pbkdf2_sha256$…", PostgreSQL's "SCRAM-SHA-256$…" and "md5" + 32 hex digits (pg_authid,
PgBouncer's userlist), MySQL's "*" + 40 capital hex digits.

A hash is not the password, but it is what an attacker cracks offline: a leaked user table is a
breach. The sets written blind label such a hash SECRET 40 times out of 57 (the rest, in
snippets that hold other secrets too, left unlabelled); the keyed rules caught them only after a
password's key ("password_hash:", "encrypted_password:") and missed them in CSV rows, SQL
inserts, JSON fields named otherwise and shadow lines. Their shapes are no other value's, so they
need no cue."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Detector, Span

_B64 = r"[./A-Za-z0-9]"
_HASH = re.compile(
    # (led by the first characters, a class `re` skips to in C)
    r"(?=[$pSm*])(?:"
    # bcrypt: cost, 22 characters of salt, 31 of hash (53; a hand-made one is often one short or long)
    rf"\$2[abxy]?\$\d\d\${_B64}{{50,56}}(?![./A-Za-z0-9])"
    rf"|\$(?:1|5|6|apr1)\$(?:rounds=\d+\$)?{_B64}{{1,16}}\${_B64}{{22,86}}"  # md5/sha-crypt, apr1
    rf"|\$y\$[./A-Za-z0-9]+\${_B64}{{1,64}}\${_B64}{{43}}"  # yescrypt
    r"|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}"
    r"|\bpbkdf2_sha(?:256|1)\$\d+\$[A-Za-z0-9]+\$[A-Za-z0-9+/]{20,}={0,2}"
    r"|\bSCRAM-SHA-256\$\d+:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}"
    r"|(?<![\w$])md5[0-9a-f]{32}(?![\w$])"
    r"|(?<![\w*])\*[0-9A-F]{40}(?![\w])"  # MySQL's mysql_native_password
    r")"
)


class PasswordHashDetector(Detector):
    name = "password_hash"
    kinds = ("SECRET",)
    # (a price's "$" is no hash's: the formats' marks)
    trigger = re.compile(
        r"\$(?:2[abxy]?|[156y]|apr1|argon2(?:id|i|d))\$|SCRAM-SHA-256\$|pbkdf2_sha|md5[0-9a-f]|\*[0-9A-F]{4}"
    )

    def detect(self, text: str) -> Iterable[Span]:
        return [Span("SECRET", m.start(), m.end(), 0.9) for m in _HASH.finditer(text)]
