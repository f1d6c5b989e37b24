"""EMAIL_ADDRESS: RFC 5322 addr-spec, the common subset (dot-atom local part, DNS host with a TLD).

Regex after presidio-analyzer `generic/email_recognizer.py` and the WHATWG HTML "valid e-mail
address" production (html.spec.whatwg.org, input type=email), requiring a dot in the domain so that
`user@localhost` is not a hit; percent-encoded `@` (`%40`) is accepted so emails inside URLs are
found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Pattern, PatternDetector, Span
from ._code_names import placeholder_mailbox
from ._windows import matches_around
from .username import SSH_USER

# local part: the characters people use (RFC 5322 also allows !#$%&*/=?^`{|}~, which in running text
# and URLs glue the address to its neighbours: "?user=ana%40x.org" must not start at "?")
_LOCAL = r"[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*"
_AT = ("@", "%40")  # in every address
_SCP_PATH = re.compile(r":[\w~./-]")
_SSH_CMD = re.compile(r"\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)\b")
# the login of `ssh user@host` the username rule masks (`username.SSH_USER`); another local part
# after ssh ("mosh 0@aa.com") stays an address, masked whole
_SSH_USER = re.compile(SSH_USER + "@")
_SSH_ALGORITHM = re.compile(r"[a-z0-9-]*\d[a-z0-9.-]*@(?:openssh\.com|libssh\.org)")
# a URL's scheme and user before a span: `postgres://admin:pw@db.internal` holds a password, no mailbox
_PASSWORD_BEFORE = re.compile(r"://[^\s/@:]*:$")
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"


_IMAGE_NAME = re.compile(r"@[1-4]x\.(?:png|jpe?g|webp|gif|svg|avif)$")


class EmailDetector(PatternDetector):
    name = "email"
    kind = "EMAIL_ADDRESS"
    kinds = ("EMAIL_ADDRESS",)
    patterns = (
        Pattern("addr-spec", re.compile(rf"(?<![\w.+-]){_LOCAL}(?:@|%40){_DOMAIN}(?![\w-])", re.ASCII)),
    )

    trigger = _AT

    def prefilter(self, text: str) -> bool:
        return "@" in text or "%40" in text

    def detect(self, text: str) -> Iterable[Span]:
        # not git's scp-like `git@github.com:org/repo.git`, nor `ssh ubuntu@host.example.com`: a
        # login at a host, not a mailbox (the username detector takes the login); a URL's userinfo
        # `scheme://bob@example.com:pw@host` is still an email
        out = []
        for s in self._addresses(text):
            if _SCP_PATH.match(text, s.end) and not text[: s.start].endswith("//"):
                continue
            if _SSH_USER.match(text, s.start) and _SSH_CMD.search(
                text, text.rfind("\n", 0, s.start) + 1, s.start
            ):
                continue
            if _SSH_ALGORITHM.fullmatch(text, s.start, s.end):
                continue  # "sntrup761x25519-sha512@openssh.com": an algorithm's name
            if placeholder_mailbox(text, s.start, s.end):
                continue  # "you@example.com" of a form's hint, "user@domain.com" of a doc
            if _IMAGE_NAME.search(text, s.start, s.end):
                continue  # "/img/hero@2x.webp": a high-density image's file, no mailbox
            if _PASSWORD_BEFORE.search(text, max(0, s.start - 200), s.start):
                continue  # the password and host of a URL's userinfo (the secrets rule takes the password)
            out.append(s)
        return out

    def _addresses(self, text: str) -> list[Span]:
        """`PatternDetector.detect`: searched only around each "@" and "%40" (`_windows`: an
        address holds no whitespace, and its look-ahead takes a space as the end of the text)."""
        if not self.prefilter(text):
            return []
        (p,) = self.patterns
        # (a quote that opens the local part is a string's: `login('alerts@corp.io', …)`)
        return [
            Span(self.kind, m.start() + (m.group()[0] == "'"), m.end(), p.score)
            for m in matches_around(p.regex, text, _AT)
        ]
