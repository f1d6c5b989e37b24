"""Passwords passed by their place, with no key before them: the string argument a call's signature
keeps for the password, and the commands and statements that take a login and its password as
one word or after a fixed phrase.

- `mysqli_connect('127.0.0.1', 'wp_admin', 'sunshine88', 'wp')`, `new mysqli(…)`, `new PDO($dsn,
  'shop', 'Tr0ub4dor')`, `DriverManager.getConnection(url, "app", "pw")`, `pymysql.connect(…)`
  and `ftplib.FTP(host, user, passwd)` by position: the third string;
- `ftp.login("camera_upload", "Cam3ra!Upl0ad")`, `smtp.login(user, pw)`, `imap.login(…)`,
  `conn.simple_bind_s(dn, pw)`: the second;
- `jedis.auth("pw")`, Lua's `red:auth("pw")`, Redis' `AUTH pw`: the first; a Twilio client's token,
  `Twilio::REST::Client.new(sid, "token")`: the second; Perl's `DBI->connect($dsn, "u", "pw")`: the
  third;
- redis.conf's `requirepass pw` and `masterauth pw`; an LDAP tool's bind password (`ldapsearch … -w
  'pw'`); a PgBouncer userlist's `"user" "pw"` lines;
- SQL's `IDENTIFIED BY 'pw'` (MySQL, Oracle, MariaDB) and `PASSWORD 'pw'` of `CREATE/ALTER USER`;
- `echo 'user:pw' | chpasswd`, `lftp -u user,pw`, `htpasswd -b file user pw`, `net user NAME pw`.

A value is taken only where it is written as a literal: a variable, an environment read or a
placeholder (`'<password>'`, `'changeme'`) in that place is no secret."""

from __future__ import annotations

import re

from ._code_names import placeholder, placeholder_name

# the literals one of which every text with a span holds (the secret rule's trigger)
CALL_LITERALS = (
    "connect(",
    "mysqli(",
    "PDO(",
    "getConnection(",
    "FTP(",
    "FTP_TLS(",
    "login(",
    "bind_s(",
    "auth(",
    "AUTH ",
    "IDENTIFIED",
    "identified",
    "PASSWORD '",
    "password '",
    "chpasswd",
    "lftp ",
    "htpasswd ",
    "net user ",
    "requirepass",
    "masterauth",
    "ldap",
    "Twilio",
    "twilio(",
    "userlist",
)

_STRING = r"(?P<q{n}>[\"'])(?P<v{n}>[^\"'\n]{{1,120}})(?P=q{n})"
_ARG = r"(?:[\"'][^\"'\n]{0,200}[\"']|[^,()\n\"']{1,80})"  # any argument: a literal or an expression
_SEP = r"[ \t]*,\s*"  # (an argument may open the next line)


def _nth_string(calls: str, n: int) -> re.Pattern[str]:
    """`calls(` then n - 1 arguments, then the n-th as a quoted literal (group `v`)."""
    skipped = "".join(_ARG + _SEP for _ in range(n - 1))
    return re.compile(rf"(?:{calls})\([ \t]*{skipped}" + _STRING.format(n=""))


_THIRD = _nth_string(
    r"\bmysqli_connect|\bmysql_connect|\bmysql_pconnect|\bnew[ \t]+mysqli|\bnew[ \t]+PDO|\bPDO"
    r"|\bgetConnection|\bpymysql\.connect|\bMySQLdb\.connect|\bmysql\.connector\.connect"
    r"|\bftplib\.FTP(?:_TLS)?|\bFTP(?:_TLS)?|\bDBI->connect",
    3,
)
_SECOND = _nth_string(
    r"\b(?:ftp|ftps|smtp|server|imap|mail|pop|conn|client|session|s|m)\.login|\bsimple_bind(?:_s)?|\bbind_s"
    r"|Twilio::REST::Client\.new|\bnew[ \t]+Twilio|\btwilio",
    2,
)
_FIRST = _nth_string(r"\b(?:jedis|redis|r|red|client|conn|cache)[.:]auth", 1)
_REDIS_CONF = re.compile(
    r"(?m)^[ \t]*(?:requirepass|masterauth)[ \t]+(?P<q>[\"']?)(?P<v>[^\s\"']{4,})(?P=q)[ \t]*$"
)
_LDAP_BIND = re.compile(
    r"\bldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn|exop)\b[^\n]*?[ \t]-w[ \t]+"
    r"(?P<q>[\"']?)(?P<v>[^\s\"']{4,})(?P=q)"
)
_USERLIST = re.compile(r"(?m)^[ \t]*\"[\w.@-]{1,64}\"[ \t]+\"(?P<v>[^\"\n]{4,})\"[ \t]*$")
_SQL = re.compile(
    r"(?i:\bidentified[ \t]+by(?:[ \t]+password)?|\b(?:create|alter)[ \t]+(?:user|role)\b[^;\n]{0,80}?"
    r"\bpassword)[ \t]+" + _STRING.format(n="")
)
_REDIS_AUTH = re.compile(
    r"(?m)(?:^|[>$#][ \t]*|redis-cli[^\n]*?[ \t])AUTH[ \t]+(?:\w+[ \t]+)?(?P<v>\S{4,})[ \t]*$"
)
_CHPASSWD = re.compile(
    r"echo[ \t]+(?P<q>[\"']?)[\w.@-]+:(?P<v>[^\s\"':]{4,})(?P=q)[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd"
)
# (the whole pair quoted, `-u "user,pw"`, or the password alone, `-u user,'pw'`)
_LFTP = re.compile(
    r"\blftp\b[^\n]*?[ \t]-u[ \t]+(?:(?P<q>[\"']?)[\w.@-]+,(?P<v>[^\s\"',]{4,})(?P=q)"
    r"|[\w.@-]+,(?P<r>[\"'])(?P<w>[^\"'\n]{4,})(?P=r))"
)
_HTPASSWD = re.compile(
    r"\bhtpasswd[ \t]+-[a-zA-Z]*b[a-zA-Z]*[ \t]+\S+[ \t]+[\w.@-]+[ \t]+(?P<q>[\"']?)(?P<v>[^\s\"']{4,})(?P=q)"
)
_NET_USER = re.compile(r"(?i:\bnet[ \t]+user)[ \t]+[\w.-]+[ \t]+(?P<q>[\"']?)(?P<v>[^\s\"'/*]{4,})(?P=q)")

_ALL = (
    _THIRD,
    _SECOND,
    _FIRST,
    _SQL,
    _REDIS_AUTH,
    _CHPASSWD,
    _LFTP,
    _HTPASSWD,
    _NET_USER,
    _REDIS_CONF,
    _LDAP_BIND,
)


def call_passwords(text: str) -> list[tuple[int, int]]:
    """(start, end) of each password above in `text`."""
    if not any(lit in text for lit in CALL_LITERALS):
        return []
    out: list[tuple[int, int]] = []
    for rx in _ALL:
        for m in rx.finditer(text):
            group = "v" if m.group("v") is not None else "w"  # (`_LFTP`'s password quoted alone)
            value = m.group(group)
            if placeholder(value) or placeholder_name(value) or value.startswith(("$", "%", "{", "<")):
                continue
            out.append(m.span(group))
    if "userlist" in text or "pgbouncer" in text:  # PgBouncer's `"user" "password"` lines
        out += [
            m.span("v")
            for m in _USERLIST.finditer(text)
            if not m.group("v").startswith(("md5", "SCRAM-")) and not placeholder(m.group("v"))
        ]
    return out
