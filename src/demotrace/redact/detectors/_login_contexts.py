"""Logins that a context names without a cue word before them, for `username.UsernameDetector`:

- a key of config, code or JSON named for a user in the languages read: `MYSQL_USER: inv_svc`,
  `DB_USUARIO=app_facturacion`, `"userName": "deploy-ci"`, `smtpBenutzer = "noreply-rechnung"`;
- a log's pair ("utente=admin.contabilita"), a database client's `-u`/`-U` (`mysqldump -u
  backup_notte`), a URL's user ("sftp://backup:…@host"), a web server's access log's user;
- an activity log's actor, a handle after "by": "scorecard submitted by t.zungu", "(by recruiter_ana)";
- a greeting to a handle: "Welcome back, bella_k!";
- the login of a line of .htpasswd or /etc/shadow: "grafana:$2y$05$…";
- a login named before "is" further on in the sentence: "the shared login for the vendor portal is
  vendor_ro".

A value is a handle, never a placeholder (`${DB_USER}`, "<user>"), a code keyword or one of the
system's accounts ("root", "admin": `username._NOT_USERS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._cli_logins import cli_logins
from ._code_names import CODE_ROOTS
from ._login_pairs import login_pairs
from .lexicon import lexicon

# a user's word in the languages read, as keys spell it
_USER_KEY = (
    r"(?:USER(?:_?NAME)?|LOGIN|USUARIO|UTILIZADOR|UTENTE|BENUTZER(?:NAME)?|GEBRUIKER(?:SNAAM)?|UTILISATEUR|"
    r"BRUGER(?:NAVN)?|BRUKER(?:NAVN)?|ANV[ÄA]NDARE|U[ZŻ]YTKOWNIK|UZIVATEL)"
)
_ENV_USER = re.compile(
    rf"\b(?:[A-Z][A-Z0-9]*_)+{_USER_KEY}(?:_[A-Z0-9]+)*\b[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"([A-Za-z_][\w.@-]{1,63})"
    # or first: `USUARIO_PRUEBAS = "fmolina.pruebas"`
    rf"|\b{_USER_KEY}(?:_[A-Z0-9]+)+\b[\"']?[ \t]*[:=][ \t]*[\"']?([A-Za-z_][\w.@-]{{1,63}})"
)
# a variable of code named for its user, given a string: `smtpBenutzer = "noreply-rechnung"`
_CODE_USER = re.compile(
    r"\b[a-z][A-Za-z0-9]*(?:User|Username|UserName|Login|Usuario|Benutzer|Utente|Utilizador|Gebruiker)"
    r"[ \t]*[:=][ \t]*[\"']([A-Za-z0-9_][\w.@-]{1,63})[\"']"
)
_JSON_USER = re.compile(
    r"[\"'](?:user|userName|username|user_name|login|loginName|userId|user_id|usuario|utente|benutzer|"
    r"bruger|bruker|anv[äa]ndare|u[zż]ytkownik|uzivatel|gebruiker)[\"']"
    r"[ \t]*:[ \t]*[\"']([A-Za-z0-9_][\w.@-]{1,63})[\"']"
)
# a key of any case that ends in a user's word, its value quoted (`db_username = "app_admin"`,
# `"USER": "pelican_app"`, PHP's `define('DB_USER', 'wp_shop')`, Logstash's `user => "writer"`), or
# a snake key's bare value in config (`pppoe_username=orange_551`); XML's `<username>x</username>`,
# a Java property's `name="….jdbc.user" value="BILLING_APP"`
_KEY = r"(?i:\b[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*[_.-](?:user(?:_?(?:name|id))?|login)|\buser(?:_?name)?)"
_VALUE = r"(?P<v>[A-Za-z_][\w.@-]{1,63})"
_KEY_USERS = (
    re.compile(_KEY + r"[\"']?[ \t]*(?:=>|[:=])[ \t]*([\"'])" + _VALUE + r"\1"),
    re.compile(r"\bdefine\([ \t]*[\"']" + _KEY + r"[\"'][ \t]*,[ \t]*([\"'])" + _VALUE + r"\1"),  # PHP
    re.compile(
        r"(?i:\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:user(?:_?name)?|login))=" + _VALUE + r"(?=[ \t]*$)", re.M
    ),
    re.compile(r"<(?i:user(?:_?name)?|login)>(?P<v>[A-Za-z0-9_][\w.@-]{1,63})</"),
    re.compile(r"name=\"(?:[\w.]*\.)?user(?:name)?\"[ \t]+value=\"(?P<v>[A-Za-z0-9_][\w.@-]{1,63})\""),
)
# a key of config that ends in a user's word, its value bare to the end of the line (`mqtt_user:
# hass`, `adminUser: kcadmin`, `DBUser=zbx_srv`, `default_user = mq_admin`), or Bicep's `param
# adminUsername string = 'buildadmin'`
_BARE_KEY_USER = re.compile(
    r"^[ \t]*(?:[A-Za-z][A-Za-z0-9]*[_.-])*[A-Za-z][A-Za-z0-9]*?"
    r"(?:[_.-](?i:user(?:_?name)?)|(?<=[a-z0-9])User(?:[Nn]ame)?|(?<=[A-Z])User)[ \t]*[:=][ \t]*"
    + _VALUE
    + r"[ \t]*(?:\#.*)?$"
    r"|\bparam[ \t]+\w*?[uU]ser(?:[nN]ame)?[ \t]+string[ \t]*=[ \t]*'" + _VALUE.replace("v>", "b>") + r"'",
    re.M,
)
# a handle a comment is left for, an account a tool reports on: "TODO(fmcardle):", "Adding password
# for user lkovacs" (htpasswd), "Logged in to github.com as frederikkjaer"
_NAMED_BY_TOOL = re.compile(
    r"\b(?:TODO|FIXME|XXX|HACK)\(@?" + _VALUE + r"\)"
    r"|\b(?:Adding|Updating|Deleting)[ \t]+password[ \t]+for[ \t]+user[ \t]+"
    + _VALUE.replace("v>", "p>")
    + r"|\b(?i:logged|signed)[ \t]+in[ \t]+(?:to[ \t]+\S+[ \t]+)?as[ \t]+@?"
    + _VALUE.replace("v>", "l>")
    + r"(?=[\s,.;:!)]|$)"
)
# kubeconfig's user: "users:\n- name: oksana.hrytsenko"
_KUBECONFIG_USER = re.compile(r"(?m)^users:[ \t]*\n-[ \t]+name:[ \t]*" + _VALUE + r"[ \t]*$")
# sshd's and a Windows event's logins: "Accepted publickey for kwabena.osei from", "Failed password
# for invalid user oracle from", "Invalid user test from", "session opened for user deploy", a
# security event's "Account Name: svc_backup" (every guess an attacker typed is masked too)
_SSHD_USER = re.compile(
    r"\b(?:(?:Accepted|Failed)[ \t]+(?:password|publickey|keyboard-interactive(?:/pam)?|none|hostbased)"
    r"[ \t]+for[ \t]+(?:invalid[ \t]+user[ \t]+)?|[Ii]nvalid[ \t]+user[ \t]+|session[ \t]+(?:opened|closed)"
    r"[ \t]+for[ \t]+user[ \t]+|(?:closed|reset)[ \t]+by[ \t]+(?:authenticating|invalid)[ \t]+user[ \t]+)"
    r"(?P<v>[A-Za-z0-9_][\w.@-]{0,63})(?=[ \t(]|$)",
    re.M,
)
# an OpenSSH client's config: "Host cluster\n    HostName 10.0.0.5\n    User flanza" (indented under
# its Host, or "User" at a line's start after a Host line)
_SSH_CONFIG_USER = re.compile(r"(?m)^[ \t]*User[ \t]+(?P<v>[A-Za-z0-9_][\w.@-]{0,63})[ \t]*$")
_EVENT_ACCOUNT = re.compile(r"(?m)^[ \t]*Account Name:[ \t]+(?P<v>[A-Za-z0-9_][\w.@-]{0,63})[ \t]*$")
# a type's name under a user's key in code (`user: str`), beside `not_user`'s words ("none", "self")
_CODE_VALUES = frozenset(("str", "string"))
# a log's pair: "usuário=fernanda.mello", "utente=admin.contabilita", "user=jdoe"
_LOG_USER = re.compile(
    r"(?<![\w.-])(?i:user(?:name|_?id)?|usuario|usuário|utente|utilisateur|benutzer|gebruiker|utilizador|login|"
    r"uzivatel|uživatel|uzytkownik|użytkownik|bruger|bruker|anvandare|användare)"
    r"=([A-Za-z0-9_][\w.@-]{1,63})(?=[\s&;,]|$)"  # (`filter(username=username)` is code)
)
# a log's user in quotes after the word: "för användare 'aforsberg'", "uživatele 'jdvorak'"
_QUOTED_USER = re.compile(
    r"(?i:\buser|användare|anvandare|uživatel[e]?|uzivatel[e]?|użytkownik[a]?|bruger(?:en)?|gebruiker|"
    r"benutzer(?:s)?|utilisateur|usuario|utente|utilizador)[ \t]+[\"'‘“«„‹][ \t]?([A-Za-z0-9_][\w.@-]{1,63})"
    r"[ \t]?[\"'’”»“›]"
)
# a login quoted in a log line about signing in or an account, in the languages read:
# "authentification refusée pour 'cbonnet'", "compte 'cbonnet' déverrouillé", "Cuenta bloqueada:
# 'lpenalver'": a token of a login's shape (an initial glued to a name, or a digit, "." or "_" in
# it) that no list calls a word, in quotes
_AUTH_LINE = re.compile(
    r"(?im)^[^\n]*(?:authenti|\bauth\b|\blogin\b|connexion|anmeld|aanmeld|inlog|sesi[óo]n|sess[ãa]o|"
    r"accesso|\bcompte\b|\bcuenta\b|\bconta\b|\bkonto\b|\baccount\b|verrouill|bloquead|bloccat|"
    r"gesperrt|geblokkeerd|locked|mot de passe|contrase[ñn]a|senha|wachtwoord|passwort)[^\n]*$"
)
_AUTH_WORDS = (
    *("authenti", "auth", "login", "connexion", "anmeld", "aanmeld", "inlog", "sesi", "sess", "accesso"),
    *("compte", "cuenta", "conta", "konto", "account", "verrouill", "bloquead", "bloccat", "gesperrt"),
    *("geblokkeerd", "locked", "mot de passe", "contrase", "senha", "wachtwoord", "passwort"),
)
_QUOTED_LOGIN = re.compile(
    r"(?i:\b(?:pour|for|für|per|para|voor|van|compte|account|cuenta|conta|konto|utilisateur|usuario|"
    r"utente|gebruiker|benutzer|login|r[ée]ussie|refus[ée]e|[ée]chou[ée]e|fallid[oa]|fallit[oa]|"
    r"fehlgeschlagen|mislukt|failed|succeeded|bloquead[oa]|bloccat[oa]|gesperrt|geblokkeerd|locked))"
    r"[ \t]+[\"'‘“«]([a-z][a-z0-9]*(?:[._-][a-z0-9]+)?)[\"'’”»](?![ \t]*[:=])"
)
_LOGIN_TOKEN = re.compile(r"[a-z][a-z]{3,18}\d{0,4}|[a-z][a-z0-9]*[._-][a-z0-9._-]*[a-z0-9]")


# logged in as a handle, in the languages read: "Sie sind jetzt als m.oezdemir angemeldet",
# "connecté en tant que jdupont", "conectado como mruiz", "zalogowano jako a.nowak"
_SIGNED_IN = (
    r"(?:angemeldet|eingeloggt|ingelogd|aangemeld|connecté|connectée|conectad[oa]|connesso|connessa|"
    r"zalogowan[ya]|přihlášen[aý]?|inloggad|logget ind)"
)
_SIGNED_IN_AS = re.compile(
    r"\b(?:als|as|como|en tant que|come|jako|som)[ \t]+([a-z][\w.-]*[._\d][\w.-]*[a-z0-9])[ \t]+"
    rf"(?:{_SIGNED_IN}|logged in|signed in)\b"
    rf"|\b{_SIGNED_IN}[ \t]+(?:als|en tant que|como|come|jako|som)[ \t]+([A-Za-z][\w.-]{{1,40}}[A-Za-z0-9])"
)
_SIGNED_IN_WORDS = (
    *("angemeldet", "eingeloggt", "ingelogd", "connect", "conectad", "connesso", "zalogowan"),
    *("aangemeld", "přihlášen", "inloggad", "logget ind"),
)
# a database client's or a dump's login: `mysqldump -u backup_notte`, `pg_dump -h … -U sauvegarde`
_CLIENT_USER = re.compile(
    r"\b(?:mysql\w*|mariadb\w*|psql|pg_dump\w*|pg_restore|createdb|dropdb|mongo\w*|redis-cli|sqlcmd|"
    r"clickhouse(?:-client)?|cqlsh|influx|mycli|pgcli|usql|vsql|beeline)\b"
    r"[^\n]*?(?:[ \t]-[uU][ \t]*|[ \t]--user(?:name)?[= ])([A-Za-z_][\w.-]*)"
)
_DIGIT = re.compile(r"\d")
# what every key, log pair, quoted user and "login … is" holds, lower-cased
_USER_WORDS = (
    *("user", "login", "usuario", "usuário", "utente", "utilisateur", "identifiant", "benutzer"),
    *("gebruiker", "utilizador", "bruger", "bruker", "användare", "anvandare", "uzytkownik"),
    *("użytkownik", "uzivatel", "uživatel"),
)
# the accounts a database installs, no one's ("psql -U postgres")
_DEFAULT_ACCOUNTS = frozenset(("postgres", "root", "sa", "mysql", "sys", "system", "admin", "oracle"))
# a URL's user: "sftp://backup:…@10.10.2.5", "https://deploy@git.example.com"
_URL_USER = re.compile(r"\b[a-z][a-z0-9+.-]*://([A-Za-z0-9_][\w.%-]*)(?::[^\s@/]*)?@[\w\[]")
# a personal meeting room's path: "https://acme.webex.com/meet/olga.fonseca", "whereby.com/ofonseca"
_ROOM_USER = re.compile(
    r"\b[a-z][a-z0-9+.-]*://[\w.-]+/(?:meet|join/personal|my|u|user|users|profile|people|members?)/"
    r"([A-Za-z][\w.-]{1,40}[A-Za-z0-9])"
)
# Reddit's user ("u/tired_tenant_91"); a handle in Markdown's bold where a forge prints who acted
# ("**fernandaq**:", "opened by **fernandaq**", "**lindqvist-e** replied:")
_REDDIT_USER = re.compile(r"(?<![\w/])u/([A-Za-z0-9_-]{3,20})(?![\w/-])")
# the same user's page as its tab names it ("Overview for throwaway_mkt2219 - Reddit"), and a Skype
# account's id ("live:.cid.8f3a21c94b7e", "live:jdoe_22")
_REDDIT_OVERVIEW = re.compile(r"\bOverview for ([A-Za-z0-9_-]{3,20})(?=[ \t]+[-–—|:][ \t]+(?i:reddit))")
_SKYPE_ID = re.compile(r"(?<![\w.:])(live:\.?(?:cid\.)?[\w.-]{3,40}[\w])")
_BOLD_ACTOR = re.compile(
    r"\*\*@?([A-Za-z0-9][\w.-]{1,38})\*\*(?=:|[ \t]+(?:replied|commented|approved|reviewed|requested|"
    r"opened|closed|merged|left|wrote|said|suggested|pushed|added|mentioned))"
    r"|\bby[ \t]+\*\*@?([A-Za-z0-9][\w.-]{1,38})\*\*"
)
# a list of accounts, the login first and what it is in brackets after ("- r.vandermeer-ext
# (contractor, contract ended)", "- svc_etl_old (service account, …)"): a handle's shape
_LISTED_LOGIN = re.compile(r"(?m)^[ \t]*[-*•][ \t]+`?([a-z][a-z0-9]*(?:[._-][a-z0-9]+)+)`?[ \t]+\(")
# a web server's access log: host, identity, the user, then the time ("… - jvanrijn [12/Feb/2025:…")
_ACCESS_LOG_USER = re.compile(r"(?m)^\S+[ \t]+\S+[ \t]+([A-Za-z0-9_][\w.@-]*)[ \t]+\[\d\d/\w{3}/\d{4}:")
# a handle after "by": parts joined by ".", "_" or "-", or letters then digits
_BY_HANDLE = re.compile(  # (not a tool's name: "generated by graphql-codegen", "built by go-task")
    r"(?<!generated )(?<!powered )(?<!compiled )(?<!bundled )(?<!rendered )(?<!formatted )(?<!built )"
    r"(?<!redacted )(?<!sanitized )(?<!sanitised )(?<!scrubbed )(?<!masked )(?<!signed )"
    r"\bby:?[ \t]+@?([a-z][a-z0-9]*(?:[._-][a-z0-9]+)+|[a-z]{2,}\d+[a-z0-9]*)(?![\w@/-]|\.\w|[ \t]+v\d)"
)
# a Windows account, its domain before it ("CORP\\nmwangangi"); an OpenVPN client, its address after
# it ("amira.solberg/49.176.82.214:41122")
_DOMAIN_USER = re.compile(r"(?<![\w\\])[A-Z][A-Z0-9-]{1,14}\\([a-z][\w.-]{1,30}[a-z0-9])(?![\w\\])")
_VPN_USER = re.compile(r"(?<![\w./-])([a-z][\w.-]{1,30}[a-z0-9])/\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}\b")
# a handle after a person's role as a form or a report labels it ("Technician: kemar.b",
# "Researcher: h4ckerm4n_ke (Kevin Mutiso)", "Learner: kiri.tawhai"): parts joined by "." or "_",
# or letters and digits, alone on the line or before a name in brackets
_ROLE_LABEL_HANDLE = re.compile(
    r"(?m)^[ \t]*(?i:technician|engineer|researcher|reporter|learner|student|agent|assignee|owner|"
    r"approver|requester|requested by|reviewer|author|committer|operator|analyst|member|contact|"
    r"driver|courier|assigned to)[ \t]*:[ \t]*@?"
    r"([a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]{2,}\d+[a-z0-9_]*)(?=[ \t]*(?:\(|$))"
)
_GREETED_HANDLE = re.compile(
    r"(?i:\b(?:welcome back|welcome|hi|hello|hey|thanks|thank you))[ \t]*,?[ \t]+@?"
    r"([A-Za-z][\w.-]*[_\d][\w.-]*[A-Za-z0-9])(?![\w@/-]|\.\w)"
)
_LOGIN_IS = re.compile(
    r"(?i:\b(?:login|username|user name|user id|usuario|usuário|utente|utilisateur|identifiant|"
    r"benutzer(?:name)?|gebruiker(?:snaam)?|utilizador))\b[^\n.?!:=]{0,40}?"
    r"[ \t](?i:is|was|es|est|ist|è|é|era)[ \t]+[\"'“]?"
    r"([A-Za-z0-9_][\w.-]{1,63})"
)
# a line of .htpasswd or /etc/shadow: the login, then its password's hash ("grafana:$2y$05$…")
_HASH_LINE = re.compile(r"(?m)^[ \t]*([a-z_][\w.-]{0,31}):\$(?:apr1|2[abxy]|1|5|6|y|argon2\w*)\$")
_VERSION = re.compile(r"v?\d+(?:[._-]\d+)*")
# tools whose names look like handles, named after "by" in what they write ("Dumped by pg_dump")
_TOOLS = frozenset(
    ("pg_dump", "pg_dumpall", "pg_restore", "pg_basebackup", "mysql_upgrade", "mongo_dump", "mysqldump")
)
# a file's or a site's ending after a dot: "by config.yaml", "by github.com" are no handles
_FILE_END = frozenset(
    (
        *("py", "js", "ts", "json", "yaml", "yml", "txt", "md", "log", "go", "rs", "java", "sh"),
        *("conf", "cfg", "ini", "toml", "xml", "html", "css", "com", "org", "net", "io", "dev"),
    )
)


def context_logins(text: str, not_user: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the logins above in `text`; `not_user(value)` rejects a value (a placeholder, a
    system account). Each regex is searched only in a text that holds what every match of it
    holds (a literal, a user's word), most texts of a page none."""
    out: list[tuple[int, int]] = []
    low = text.lower()
    userish = any(w in low for w in _USER_WORDS)
    if "_" in text and userish:
        for m in _ENV_USER.finditer(text):
            g = 1 if m.group(1) else 2
            if not not_user(m.group(g)):
                out.append(m.span(g))
    quoted = '"' in text or "'" in text or "‘" in text or "“" in text
    if quoted and userish:
        for rx in (_JSON_USER, _CODE_USER, _QUOTED_USER):
            out += [m.span(1) for m in rx.finditer(text) if not not_user(m.group(1))]
    if "=" in text and userish:
        out += [m.span(1) for m in _LOG_USER.finditer(text) if not not_user(m.group(1))]
    if quoted:
        out += _auth_line_logins(text, not_user)
    if any(
        w in text
        for w in (
            "Accepted ",
            "Failed ",
            "nvalid user",
            "session opened",
            "session closed",
            "authenticating user",
        )
    ) or ("Account Name:" in text):
        out += [m.span("v") for rx in (_SSHD_USER, _EVENT_ACCOUNT) for m in rx.finditer(text)]
    if "User " in text and "Host" in text:
        users = _SSH_CONFIG_USER.finditer(text)
        out += [m.span("v") for m in users if not not_user(m.group("v"))]
    out += cli_logins(text, not_user)
    if " / " in text:  # "log in with qa_lead / Chai-Masala-404"
        out += [(a, b) for (a, b), _ in login_pairs(text) if not not_user(text[a:b])]
    if any(w in low for w in _SIGNED_IN_WORDS):
        for m in _SIGNED_IN_AS.finditer(text):
            g = 1 if m.group(1) else 2
            if not not_user(m.group(g)):
                out.append(m.span(g))
    if userish:
        held = ('"' in text or "'" in text, "define(" in text, "=" in text, "<" in text, 'name="' in text)
        for m in (m for rx, h in zip(_KEY_USERS, held, strict=True) if h for m in rx.finditer(text)):
            if not not_user(m.group("v")) and m.group("v").lower() not in _CODE_VALUES:
                out.append(m.span("v"))
    if "users:" in text:
        kube = _KUBECONFIG_USER.finditer(text)  # a handle's shape: "staging" names a cluster's user
        out += [m.span("v") for m in kube if _handle(m.group("v")) and not not_user(m.group("v"))]
    if userish and ("=" in text or ":" in text):
        for m in _BARE_KEY_USER.finditer(text):
            key = "v" if m.group("v") is not None else "b"
            value = m.group(key)
            if "." in value and value.split(".", 1)[0].lower() in CODE_ROOTS:
                continue  # Terraform's `master_username = var.db_username`: read from code
            if not not_user(value) and value.lower() not in _CODE_VALUES:
                out.append(m.span(key))
    if (
        "TODO(" in text
        or "FIXME(" in text
        or "XXX(" in text
        or "HACK(" in text
        or "password for user" in text
        or (
            "ed in " in low  # "logged in", "signed in"
            and ("logged in" in low or "signed in" in low)
        )
    ):
        for m in _NAMED_BY_TOOL.finditer(text):
            key = next(k for k in ("v", "p", "l") if m.group(k) is not None)
            value = m.group(key).rstrip(".-")  # "signed in as mira_k.": the sentence's stop
            if value and not not_user(value):
                out.append((m.start(key), m.start(key) + len(value)))
    if "-u" in text or "-U" in text or "--user" in text:
        client = _CLIENT_USER.finditer(text)
        out += [m.span(1) for m in client if not not_user(m.group(1)) and m.group(1) not in _DEFAULT_ACCOUNTS]
    if "://" in text:
        out += [m.span(1) for m in _URL_USER.finditer(text) if not not_user(m.group(1))]
        out += [m.span(1) for m in _ROOM_USER.finditer(text)]
    if "u/" in text:
        out += [m.span(1) for m in _REDDIT_USER.finditer(text)]
    if "Overview for " in text:
        out += [m.span(1) for m in _REDDIT_OVERVIEW.finditer(text)]
    if "live:" in text:
        out += [m.span(1) for m in _SKYPE_ID.finditer(text)]
    if "**" in text:
        bold = _BOLD_ACTOR.finditer(text)
        out += [m.span(m.lastindex or 1) for m in bold if _handle(m.group(m.lastindex or 1))]
    if "(" in text and ("- " in text or "* " in text or "• " in text):
        listed = _LISTED_LOGIN.finditer(text)
        out += [m.span(1) for m in listed if _handle(m.group(1)) and not not_user(m.group(1))]
    if "[" in text and "/" in text:
        out += [m.span(1) for m in _ACCESS_LOG_USER.finditer(text) if m.group(1) != "-"]
    if ":$" in text:
        out += [m.span(1) for m in _HASH_LINE.finditer(text)]
    if "\\" in text:
        out += [m.span(1) for m in _DOMAIN_USER.finditer(text) if not not_user(m.group(1))]
    if "/" in text and ":" in text:
        out += [m.span(1) for m in _VPN_USER.finditer(text) if not not_user(m.group(1))]
    if ":" in text:
        out += [m.span(1) for m in _ROLE_LABEL_HANDLE.finditer(text) if not not_user(m.group(1))]
    handle_char = "_" in text or _DIGIT.search(text) is not None
    if ("by " in low or "by:" in low) and (handle_char or "." in text or "-" in text):
        out += [
            m.span(1)
            for m in _BY_HANDLE.finditer(text)
            if _handle(m.group(1)) and not not_user(m.group(1)) and m.group(1) not in _TOOLS
        ]
    if handle_char and any(g in low for g in ("welcome", "hi", "hello", "hey", "thank")):
        out += [m.span(1) for m in _GREETED_HANDLE.finditer(text) if _handle(m.group(1))]
    if userish and any(f" {c} " in low for c in ("is", "was", "es", "est", "ist", "è", "é", "era")):
        out += [
            (m.start(1), m.start(1) + len(m.group(1).rstrip(".-")))
            for m in _LOGIN_IS.finditer(text)
            if _handle(m.group(1).rstrip(".-")) and not not_user(m.group(1))
        ]
    return out


def _handle(value: str) -> bool:
    """A handle, not a version ("v1.2.3"), a file ("notes.md"), a word ("Note") or words joined
    by "-" ("read-only", "built-in": every part a dictionary word)."""
    if _VERSION.fullmatch(value) or value.rsplit(".", 1)[-1].lower() in _FILE_END:
        return False
    if value.isalpha() and lexicon().is_word(value.lower()):
        return False
    if any(c.isdigit() for c in value) or "." in value or "_" in value:
        return True
    lex = lexicon()  # joined by "-" alone: words as often as a handle
    return not all(len(p) > 1 and lex.is_word(p) for p in value.lower().split("-") if p)


def _auth_line_logins(text: str, not_user: Callable[[str], bool]) -> list[tuple[int, int]]:
    """`_QUOTED_LOGIN`'s tokens of a login's shape in `_AUTH_LINE`'s lines."""
    low = text.lower()
    if not any(w in low for w in _AUTH_WORDS):  # (a C search each: the line regex is slower)
        return []
    lex = lexicon()
    out: list[tuple[int, int]] = []
    for line in _AUTH_LINE.finditer(text):
        for m in _QUOTED_LOGIN.finditer(text, line.start(), line.end()):
            value = m.group(1)
            if not _LOGIN_TOKEN.fullmatch(value) or not_user(value):
                continue
            if lex.known(value):
                continue
            out.append(m.span(1))
    return out
