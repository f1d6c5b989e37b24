"""SECRET: a stored password's hash, in the formats that say what they are: crypt(3)'s "$1$",
"$5$", "$6$" and yescrypt's "$y$" (`/etc/shadow`), bcrypt's "$2a$/$2b$/$2y$" (web apps'
user tables, htpasswd -B), Apache's "$apr1$", argon2's "$argon2id$v=…$m=…,t=…,p=…$", Django's
"pbkdf2_sha256$…", PostgreSQL's "SCRAM-SHA-256$…" and "md5" + 32 hex digits (pg_authid,
PgBouncer's userlist), MySQL's "*" + 40 capital hex digits, Mosquitto's "$7$", htpasswd's and
LDAP's "{SHA}"/"{SSHA}"; and the user a hash belongs to where a password file writes it before the
hash ("fatima:$apr1$…", `/etc/shadow`'s "root:$6$…"): USERNAME.

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
    r"(?=[$pSm*{])(?:"
    # bcrypt: cost, 22 characters of salt, 31 of hash (53; a hand-made one is often one short or long)
    rf"\$2[abxy]?\$\d\d\${_B64}{{50,56}}(?![./A-Za-z0-9])"
    rf"|\$(?:1|5|6|apr1)\$(?:rounds=\d+\$)?{_B64}{{1,16}}\${_B64}{{22,86}}"  # md5/sha-crypt, apr1
    rf"|\$y\$[./A-Za-z0-9]+\${_B64}{{1,64}}\${_B64}{{43}}"  # yescrypt
    r"|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,}={0,2}\$[A-Za-z0-9+/]{16,}={0,2}"
    # Mosquitto's PBKDF2-SHA512 ("$7$101$salt==$hash=="); htpasswd's and LDAP's SHA ("{SHA}…", "{SSHA}…")
    r"|\$7\$\d+\$[A-Za-z0-9+/]{8,}={0,2}\$[A-Za-z0-9+/]{40,}={0,2}"
    r"|\{S?SHA(?:256|512)?\}[A-Za-z0-9+/]{20,}={0,2}"
    r"|\bpbkdf2_sha(?:256|1)\$\d+\$[A-Za-z0-9]+\$[A-Za-z0-9+/]{20,}={0,2}"
    r"|\bSCRAM-SHA-256\$\d+:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}"
    r"|(?<![\w$])md5[0-9a-f]{32}(?![\w$])"
    r"|(?<![\w*])\*[0-9A-F]{40}(?![\w])"  # MySQL's mysql_native_password
    r")"
)


# the user a hash belongs to, before its colon or its blank at a line's, a quote's or a list's start, as
# htpasswd, /etc/shadow, Mosquitto's and Traefik's lists write it ("fatima:$apr1$…", "guest $2a$14$…")
_USER_BEFORE = re.compile(
    r"(?:^|[\"'=,\[]|[ \t]-[ \t]\"?)[ \t]*(?P<user>[A-Za-z_][\w.@-]{0,31})(?::|[ \t]+)\Z", re.M
)
# a scheme's or a field's name before the hash, no user's ("argon2:$argon2id$…", "password $6$…")
_NOT_USERS = frozenset(
    (
        "argon2",
        "bcrypt",
        "scrypt",
        "pbkdf2",
        "sha256",
        "sha512",
        "md5",
        "hash",
        "password",
        "passwd",
        "secret",
    )
)


class PasswordHashDetector(Detector):
    name = "password_hash"
    kinds = ("SECRET", "USERNAME")
    # (a price's "$" is no hash's: the formats' marks)
    trigger = re.compile(
        r"\$(?:2[abxy]?|[1567y]|apr1|argon2(?:id|i|d))\$|SCRAM-SHA-256\$|pbkdf2_sha|md5[0-9a-f]|\*[0-9A-F]{4}"
        r"|\{S?SHA"
    )

    def detect(self, text: str) -> Iterable[Span]:
        out = []
        for m in _HASH.finditer(text):
            out.append(Span("SECRET", m.start(), m.end(), 0.9))
            user = _USER_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if (
                user is not None and user.group("user").lower() not in _NOT_USERS
            ):  # whose hash it is, as a password file writes it ("kerem:$apr1$…")
                out.append(Span("USERNAME", *user.span("user"), 0.85))
        return out
