"""URLs: keep scheme, host and port; redact userinfo, path segments, query values and the fragment.

The authority is parsed by hand (never with `urllib.parse`, which raises on odd hosts). Userinfo
(`user:password@`) becomes `redacted@` (no brackets: in the authority they make URL parsers
raise). The host is kept (it names the site, which the policy allowlisted) unless it is an IP
address (v4, or v6 in brackets) that `host_allowed` does not accept: that becomes
`ip-address.invalid`, a name in the reserved `.invalid` domain, so that the redacted URL still
parses (`[IP]` in the host position makes every URL parser raise). A host no parser accepts
becomes `redacted-host.invalid`; the port is kept when it is a port number. Each path segment,
query value and the fragment is URL-decoded (`+`, `_` and, in segments without digits, `-` read
as spaces: `Albert_Einstein`, `priya-raman`) and passed through the redactor, and also as it is
when that differs (a token keeps its `_`: `ghp_…`); a piece with a finding is replaced by the
redactor's output, URL-encoded again with placeholders left readable. Values of credential-like
keys (`token=`, `sig=`, `code=`) are `[SECRET]` whatever they look
like; parameter names are kept. `host_of(url)` reads the host of any string, redacted or not,
without raising.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from ..schema import Finding

if TYPE_CHECKING:
    from .engine import Redacted, TextRedactor

_URL = re.compile(
    r"^(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<authority>[^/?#]*)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL
)
IP_HOST = "ip-address.invalid"
"""What an IP host that is not allowlisted becomes: a name that can never resolve, so the URL parses."""
HIDDEN_HOST = "redacted-host.invalid"
USERINFO = "redacted@"
_REG_NAME = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=%-]+$")
_CREDENTIAL_KEYS = re.compile(
    r"(?i)^(?:.*(?:token|secret|passw|pwd|api[_-]?key|apikey|auth|session|sig|signature|code|otp|"
    r"key|credential|jwt|sid))$"
)
_PIECE = re.compile(r"[^/?#&=;]+")
_HEAD_KINDS = frozenset({"SECRET", "EMAIL_ADDRESS", "IP_ADDRESS", "USERNAME"})


def redact_url(
    redactor: TextRedactor, url: str, host_allowed: Callable[[str], bool] | None = None
) -> Redacted:
    from .engine import Redacted

    m = _URL.match(url)
    if m is None:
        return redactor.redact(url)
    # terms and topics are judged on the whole URL, words apart: /project/nightingale/ names one
    whole = redactor.policy_drop(re.sub(r"[/?#&=+_.-]+", " ", unquote(url)))
    if whole is not None:
        return Redacted(None, (), True, whole.reason)
    head, findings = _authority(redactor, m.group("authority"), m.start("authority"), host_allowed)
    if head is None:
        return Redacted(None, tuple(findings), True, "authority dropped")
    out = [m.group("scheme") + head]
    rest = m.group("rest")
    base = m.end("authority")
    pos = 0
    prev_key = ""
    for pm in _PIECE.finditer(rest):
        out.append(rest[pos : pm.start()])
        piece = pm.group()
        sep_after = rest[pm.end() : pm.end() + 1]
        is_value = pm.start() > 0 and rest[pm.start() - 1] == "="
        is_key = sep_after == "=" and rest[: pm.start()].rfind("?") >= 0
        if is_key:  # a parameter name is the site's vocabulary, not the person's data
            out.append(piece)
        elif is_value and _CREDENTIAL_KEYS.match(prev_key):
            findings.append(Finding("SECRET", base + pm.start(), base + pm.end(), "url"))
            out.append("[SECRET]")
        else:
            r = _redact_piece(redactor, piece)
            if r.dropped:
                return Redacted(None, tuple(r.findings), True, r.reason)
            if r.findings:
                findings.append(Finding(r.findings[0].kind, base + pm.start(), base + pm.end(), "url"))
                # back to URL form, placeholders readable: q=hello%20[EMAIL]
                out.append(quote(r.text or "", safe="[]@:,;!*'()~"))
            else:
                out.append(piece)
        if sep_after == "=":
            prev_key = piece
        pos = pm.end()
    out.append(rest[pos:])
    return Redacted("".join(out), tuple(findings))


def _redact_piece(redactor: TextRedactor, piece: str) -> Redacted:
    """A path segment or query value, read as words (`Albert_Einstein`) and, when that differs,
    as it is too (a token keeps its `_`): the reading with a kind the other missed wins."""
    raw = unquote(piece.replace("+", " "))
    words = raw.replace("_", " ")
    if not any(c.isdigit() for c in words):
        words = words.replace("-", " ")
    r = redactor.redact(words)
    if words == raw or r.dropped:
        return r
    as_is = redactor.redact(raw)
    if as_is.dropped or {f.kind for f in as_is.findings} - {f.kind for f in r.findings}:
        return as_is
    return r


def split_authority(authority: str) -> tuple[str | None, str, str]:
    """`user:pw@host:port` → (userinfo or None, host, ":port" or "") for any string, without raising."""
    userinfo, at, hostport = authority.rpartition("@")
    if hostport.startswith("["):
        end = hostport.find("]")
        host, port = (hostport, "") if end < 0 else (hostport[: end + 1], hostport[end + 1 :])
    else:
        host, colon, port = hostport.partition(":")
        port = colon + port
    return (userinfo if at else None), host, port


def host_of(url: str) -> str | None:
    """The host of a URL (lower case, IPv6 without brackets), or None; never raises."""
    m = _URL.match(url)
    if m is None:
        return None
    host = split_authority(m.group("authority"))[1].strip("[]").lower()
    return host or None


def _bracketed_ip(host: str) -> bool:
    return host.startswith("[") and host.endswith("]") and ":" in host and _ip_literal(host)


def _ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return False
    return True


def _authority(
    redactor: TextRedactor, authority: str, base: int, host_allowed: Callable[[str], bool] | None
) -> tuple[str | None, list[Finding]]:
    """The redacted authority and its findings; None when the host text had to be dropped."""
    userinfo, host, port = split_authority(authority)
    findings: list[Finding] = []
    out = ""
    if userinfo is not None:  # a user name and often a password: never kept
        findings.append(Finding("SECRET", base, base + len(userinfo), "url"))
        out = USERINFO
    host_at = base + len(authority) - len(host) - len(port)
    if host and not _REG_NAME.match(host) and not _bracketed_ip(host):
        findings.append(Finding("SECRET", host_at, host_at + len(host), "url"))
        out += HIDDEN_HOST  # not a host a parser accepts: nothing of it is kept
    elif not host or (host_allowed is not None and host_allowed(host.strip("[]").lower())):
        out += host
    elif _ip_literal(host):
        findings.append(Finding("IP_ADDRESS", host_at, host_at + len(host), "url"))
        out += IP_HOST
    else:  # a host name is the site's; only a secret or an address hidden in it goes
        r = redactor.redact(host)
        if r.dropped:
            return None, findings
        hits = [f for f in r.findings if f.kind in _HEAD_KINDS]
        if hits:
            findings.append(Finding(hits[0].kind, host_at, host_at + len(host), "url"))
            out += HIDDEN_HOST
        else:
            out += host
    if port == ":":
        port = ""
    elif port and not (port[:1] == ":" and port[1:].isdigit() and int(port[1:]) <= 65535):
        # (what follows a bracketed host is a port only after its ":": "[][1" keeps no "[1")
        findings.append(Finding("SECRET", host_at + len(host), host_at + len(host) + len(port), "url"))
        port = ""
    return out + port, findings
