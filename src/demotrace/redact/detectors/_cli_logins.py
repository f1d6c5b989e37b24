"""Logins that commands, connection files and devices' configs write, beside the password they go
with (read by `_login_contexts.context_logins`):

- a command's user flag on a line that gives a password too (`ipmitool -U opsbmc -P …`,
  `mosquitto_pub -u line4-plc -P …`), or the user before a password glued to it (`curl -u
  elastic:…`, `lftp -u vendor_drop,…`);
- a client's credentials in code (`auth=("svc_reporting", "…")`, `Credentials.basic("qa_runner", …)`);
- a `.pgpass` line (`host:port:database:user:password`);
- accounts a device or a system is told to make (`useradd … updater`, `rabbitmqctl add_user
  metrics_ro`, Junos' `set system login user ops-juniper`, Cisco's `username netadmin privilege
  15`, RouterOS' `name=noc-ro … password=`);
- a directory's login (`uid=sigrid.haugen`, `cn=svc_ldapread,ou=ServiceAccounts`);
- a Windows registry's `"DefaultUserName"="kiosk01"`;
- .netrc's `login x` before its password, a setter's `setUsername("x")`, an FTP session's user,
  `htpasswd -b file user pw`;
- a connection string's user (`Server=…;User Id=crm_writer;Password=…`, ODBC's `Uid=finops_loader;`);
- the user a registry or a command logs in as, with or without a password on the line (`docker login
  -u buildbot-ng`, `aws iam create-access-key --user-name ci-deployer`, `realm join
  --user=joinadmin`, Gradle's `-PnexusUser=deployer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _value(group: str) -> str:
    return rf"(?P<{group}>[A-Za-z_][\w.@-]{{0,63}})"


_PASSWORD_FLAG = re.compile(r"[ \t](?:-P|-p|--password|--pass|-pw|--passwd)(?:[ \t=]|$)", re.M)
_FLAG_START = r"(?:^|(?<=[ \t]))"
_USER_FLAG = re.compile(
    _FLAG_START + r"(?:-u|-U|--user|--username|--login)[ =]+" + _value("v") + r"(?![\w.@:,-])", re.M
)
_GLUED = re.compile(  # (the pair may be quoted: `curl -u 'dwhitfield:…'`)
    # (not the fixed login an API key goes with: Mailgun's "api:key-…", Mailchimp's "anystring:…")
    _FLAG_START
    + r"(?:-u|--user)[ =]+[\"']?(?!\d+:\d+(?!\S)|(?:api|anystring)[:,])"
    + _value("v")
    + r"[:,](?=\S)",
    re.M,
)
_CODE_CREDENTIALS = re.compile(
    r"(?:\bauth|\bbasic|[bB]asic[aA]uth|HTTPBasicAuth|\bcredentials|Credentials\.basic)"
    r"[ \t]*[=(][ \t]*\(?[ \t]*[\"']" + _value("v") + r"[\"'][ \t]*,[ \t]*[\"']"
)
_PGPASS = re.compile(r"^[ \t]*[\w.*\[\]:-]+:(?:\d{2,5}|\*):[\w*.-]+:" + _value("v") + r":\S+[ \t]*$", re.M)
_MADE_ACCOUNT = re.compile(
    r"\b(?:useradd|adduser|usermod)\b(?:[ \t]+-{1,2}[\w-]+(?:[ \t]+(?!-)[^\s;\"]+)?)*[ \t]+"
    + _value("v")
    + r"(?=[ \t]*(?:;|\"|$))"
    + r"|\brabbitmqctl[ \t]+(?:add_user|delete_user|change_password|set_user_tags|set_permissions"
    + r"(?:[ \t]+-p[ \t]+\S+)?)[ \t]+"
    + _value("r")
    + r"|\bset[ \t]+system[ \t]+login[ \t]+user[ \t]+"
    + _value("j")
    + r"|^[ \t]*username[ \t]+"
    + _value("c")
    + r"(?=[ \t]+(?:privilege|secret|password|role)\b)"
    + r"|\bname="
    + _value("m")
    + r"(?=[^\n]*\bpassword=)",
    re.M,
)
_DIRECTORY = re.compile(
    r"\buid="
    + _value("v")
    + r"(?=[,)\s\"]|$)|\bcn="
    + _value("c")
    + r",ou=[^,\n]*(?i:account|service|svc|users|people)",
    re.M,
)
# a connection string's user, read where the text holds its password or its server (`_CONNECTION_KEYS`)
_CONNECTION_USER = re.compile(
    r"(?<![\w ])(?i:user[ ]?id|uid|user(?:[ ]?name)?)[ \t]*=[ \t]*"
    + _value("v")
    + r"(?=[ \t]*(?:;|[\"']|$))",
    re.M,
)
_CONNECTION_KEYS = ("password=", "pwd=", "server=", "data source=", "host=")
_LOGIN_COMMAND_USER = re.compile(
    r"\b(?:docker|podman|nerdctl|buildah|skopeo|oras|helm(?:[ \t]+registry)?)[ \t]+login\b[^\n|;&]*?"
    r"[ \t](?:-u|--username)[ =]+"
    + _value("v")
    + r"|(?:^|(?<=[ \t]))(?:--user-name|--user|--username|--login)="
    + _value("f")
    + r"|[ \t]--user-name[ \t]+"
    + _value("a")
    + r"|[ \t]-P\w*?[uU]ser(?:[nN]ame)?="
    + _value("g"),
    re.M,
)
_REGISTRY_USER = re.compile(
    r"\"(?:Default|Last|AltDefault)?User[Nn]ame\"=\"" + _value("v") + r"\""
    r"|/v[ \t]+(?:Default|AltDefault)?User[Nn]ame[ \t]+/t[ \t]+\w+[ \t]+/d[ \t]+\"?" + _value("r")
)
# .netrc's `login X` before its password, a setter's (`ds.setUsername("etl_writer")`), an FTP
# client's prompt and the server's replies ("User (host:(none)): x", "331 Password required for x",
# "230 User x logged in"), htpasswd's user before its password (`htpasswd -b file user pw`)
_SESSION_USER = re.compile(
    r"(?:^|[ \t])login[ \t]+"
    + _value("v")
    + r"(?=[ \t\n]+password[ \t])"
    + r"|\bset(?:User(?:[nN]ame)?|Login)\([ \t]*[\"']"
    + _value("r")
    + r"[\"']"
    + r"|^User[ \t]+\([^\n]*?\):[ \t]*"
    + _value("j")
    + r"|^331[ \t]+Password required for[ \t]+"
    + _value("c")
    + r"|^230[ \t]+User[ \t]+"
    + _value("m")
    + r"[ \t]+logged in"
    + r"|\bhtpasswd[ \t]+-[a-zA-Z]*b[a-zA-Z]*[ \t]+\S+[ \t]+"
    + _value("f")
    + r"(?=[ \t]+\S)",
    re.M,
)
# a value standing in for a login, beside `not_user`'s words ("user", "username", "name")
_STAND_INS = frozenset(("placeholder", "example", "dummy", "sample", "changeme"))
_GROUPS = ("v", "r", "j", "c", "m", "f", "a", "g")
# what a text with one of the logins above holds, lower-cased, beside the user's and login's stems
# the username rule's trigger has already ("useradd", "--login", "set system login user",
# "rabbitmqctl add_user"): each string is one more search of the whole batch
TRIGGER_WORDS = (
    " -u",
    "auth=(",
    "basic(",
    "credentials",
    "adduser",
    "password=",
    "uid=",
    "cn=",
    ":5432:",
    ":*:",
    "setuser",
    "setlogin",
    "htpasswd",
    "331 password",
    "230 user",
)


def cli_logins(text: str, not_user: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the logins above; `not_user(value)` rejects a value (a placeholder)."""
    out: list[tuple[int, int]] = []
    matches: list[re.Match[str]] = []
    if _PASSWORD_FLAG.search(text):
        matches += _USER_FLAG.finditer(text)
    if "-u" in text or "--user" in text:
        matches += _GLUED.finditer(text)
    if "(" in text and ("auth" in text or "asic" in text or "redentials" in text):
        matches += _CODE_CREDENTIALS.finditer(text)
    if text.count(":") >= 4:
        matches += _PGPASS.finditer(text)
    if any(
        w in text for w in ("useradd", "adduser", "usermod", "rabbitmqctl", "set system", "username", "name=")
    ):
        matches += _MADE_ACCOUNT.finditer(text)
    if "uid=" in text or "cn=" in text:
        matches += _DIRECTORY.finditer(text)
    if 'serName"=' in text or 'sername"=' in text or "/v " in text:
        matches += _REGISTRY_USER.finditer(text)
    if "=" in text and ";" in text and any(k in text.lower() for k in _CONNECTION_KEYS):
        matches += _CONNECTION_USER.finditer(text)
    if "login" in text or "--user" in text or "ser=" in text or "serName=" in text or "sername=" in text:
        matches += _LOGIN_COMMAND_USER.finditer(text)
    if any(w in text for w in ("login", "setUser", "setLogin", "331 ", "230 ", "htpasswd", "User (")):
        matches += _SESSION_USER.finditer(text)
    for m in matches:
        g = next(g for g in _GROUPS if g in m.re.groupindex and m.group(g) is not None)
        if not not_user(m.group(g)) and m.group(g).lower() not in _STAND_INS:
            out.append(m.span(g))
    return out
