"""USERNAME: account handles and login names.

- `@handle` mentions (Twitter/X, GitHub, Slack: letters, digits, `_`, `-`; GitHub's rule of
  at most 39 characters), not decorators (`@property.setter`, `@app.route(`);
- `user@host` in ssh commands and shell prompts (`deploy@10.0.0.5`, `jdoe@laptop:`);
- a login of an initial, a dot and a listed surname that is no word: "für k.becker", "m.rossi";
- the user folder of home paths: `/home/<user>/`, `/Users/<user>/`, `C:\\Users\\<user>\\`;
- values after a login cue: `username: x`, `user=x`, `logged in as x`, `signed in as x`; after a
  bare label (a form's field, a table's cell: `Username alice.demo`) a handle that mixes letters
  with digits, `_`, `.` or `-`;
- in prose, after a login noun and a copula, in en/es/nl/de/fr/it/pt: "my login is x", "mi usuario
  es x", "mijn gebruikersnaam is x", "mein Login ist x": only a value that is not a word of the
  lexicon or holds a digit, `_`, `.` or `-` ("the login is broken" stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Detector, Span, _by_first_letter, guarded
from ._cli_logins import TRIGGER_WORDS as CLI_TRIGGER_WORDS
from ._code_names import CODE_ROOTS, annotation, marked_unreal, placeholder_mailbox, placeholder_name
from ._code_text import LISTING_LINE, LISTING_MODE
from ._database_logins import named_with_password, sql_logins
from ._default_logins import env_default_logins
from ._forum_authors import forum_authors
from ._lead import led, written
from ._login_contexts import context_logins
from ._login_shapes import logins_after_names, profile_logins
from ._named_values import LOGIN_END, named_values
from ._places import TITLE_MARKS, company_after
from ._public_names import PUBLIC_FIGURES, public_handle
from ._secret_lookalikes import template_userinfo
from ._stems import matches_at, stem_starts
from ._title_handles import TRIGGER as TITLE_TRIGGER
from ._title_handles import title_handles
from ._wiki_signatures import wiki_users
from ._windows import matches_around
from .lexicon import LAST, WORD, lexicon, word_set

# the look-behind moved after the "@" (`@(?<!X@)` holds where `(?<!X)@` does): a pattern that
# starts with a literal is searched for it in C, one that starts with a look-behind at every position
# (not an npm scope: `@types/node`)
# (a letter or digit in it: Perl's `@_` is an array)
_HANDLE = re.compile(
    r"@(?<![\w@.+}*:-]@)(?=_*[A-Za-z0-9])[A-Za-z0-9_][A-Za-z0-9_-]{0,38}(?<!-)"
    r"(?:\.[A-Za-z0-9_]{1,30}){0,3}(?![\w@(/-]|\.\w)"  # Instagram's dots: "@sunny.days.22"
    # and a Matrix ID's server after its colon: "@fabian.kr:matrix.org" whole
    r"(?::[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?![\w.-]))?"
)
# (Synology's shares name the folder "homes": "/volume1/homes/mschroeder/Fotos")
_HOME = re.compile(r"(?:/homes?/|/Users/|[A-Za-z]:\\\\Users\\\\|[A-Za-z]:\\Users\\)([^\s/\\\\:]+)")
# a user's folder or an IAM user in a breadcrumb ("Macintosh HD ▸ Users ▸ kwabena ▸ Desktop", "IAM
# > Users > jmorales-admin"), an IAM user's ARN ("arn:aws:iam::…:user/lcheng"): a login in lower case
_USERS_CRUMB = re.compile(r"\bUsers[ \t]*[>▸›»][ \t]*([a-z][a-z0-9._-]{1,31})(?![\w.-])")
# a file's owner in a long listing (`ls -l`: "-rw-r--r-- 1 olga staff 2147 Jun 30 backup.enc")
_LISTING_OWNER = re.compile(
    "^" + LISTING_LINE.pattern + r"\d*[ \t]+([a-z_][a-z0-9._-]{0,31})[ \t]+[A-Za-z0-9_.-]+[ \t]+\d", re.M
)
# the account a Spring Boot app runs as, in its first log line ("Starting LedgerApplication v1.4.2
# using Java 21.0.2 with PID 1 (/app/app.jar started by mkowal in /app)")
_STARTED_BY = re.compile(r"\bstarted by ([a-z_][a-z0-9._-]{1,31}) in [/A-Za-z~]")
# the accounts daemons own files as (root, www-data, nginx and the like are `_NOT_USERS`)
_SYSTEM_OWNERS = word_set(
    "bin sys staff wheel opendkim postfix mysql postgres redis git jenkins docker messagebus syslog _apt "
    "sshd ntp chrony clamav dovecot bind named mail backup mongodb elasticsearch grafana prometheus tomcat "
    "rabbitmq zabbix nagios ubuntu ec2-user centos"
)
# (not a machine's account: "terraform-ci", "deploy_bot", "svc-backup")
_SERVICE_USER = re.compile(
    r"(?i:(?:^|[-_.])(?:ci|cd|bot|svc|service|deploy|deployer|terraform|jenkins|runner|automation|"
    r"pipeline|backup|sync|etl|app|system|api)(?:$|[-_.\d]))"
)
_IAM_USER = re.compile(r"\barn:aws[\w-]*:iam::\d{12}:user/(?:[\w+=,.@-]+/)*([a-z][\w+=,.@-]{1,63})")
# a dotted "handle" before a port is a host and its port: an omnibox's info icon read by the OCR as
# "@" before "demo.localhost:38871"
_PORT_AFTER = re.compile(r":\d{2,5}(?![\d:])")
# user@host of ssh and shell prompts: a host without a TLD, or an IPv4 address (emails are another kind)
_USER_AT_HOST = re.compile(
    r"(?<![\w.+-])([a-z_](?:[a-z0-9_-]|\.(?=[a-z0-9_])){0,31})@(?=\d{1,3}(?:\.\d{1,3}){3}\b|[A-Za-z0-9-]+(?:[:\s]|$))"
)
# a shell's or an FTP client's prompt on a host named with its domain ("deploy_ro@files.acme.io:~$",
# "lftp imprenta_ftp@ftp.imprenta-solis.com.ar:~>"): a login, though the e-mail rule reads none there
_PROMPT_AT_DOMAIN = re.compile(
    r"(?<![\w.+-])([a-z_][a-z0-9_.-]{0,31})@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+:[~/][^\s]*[$#>](?=[ \t]|$)",
    re.M,
)
# the login before "@" on a line of ssh, scp, rsync (`email.py` leaves such an address to this rule)
SSH_USER = r"[a-z_][a-z0-9_.-]{0,31}"
_SSH_COMMANDS = ("ssh", "scp", "sftp", "rsync", "mosh")  # ssh-copy-id holds "ssh"
# a Proxmox VE user with its realm, as its tools and API tokens write it ("terraform@pve",
# "root@pam!monitoring"): the realm is part of the login; not a shell's prompt on a host named so
# ("root@pve:~#")
_PROXMOX_USER = re.compile(r"(?<![\w.@-])[A-Za-z0-9][\w.-]{0,63}@(?:pam|pve)(?![\w.@-]|:[ \t~/$#])")
_SSH_LOGIN = re.compile(  # `\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)…` (`_lead`: same matches)
    led(("ssh", "scp", "sftp", "rsync", "mosh", "ssh-copy-id"), word_start=True)
    + r"\b[^\n]*?(?<![\w.+-])("
    + SSH_USER
    + r")@[\w.-]+"
)
CUE_WORD_LIST = (  # "log in as" before "login": "login as k.tanaka" is not the login "as"
    *(
        "log ?in as",
        "user(?:name)?",
        "login",
        "user ?id",
        "account",
        "handle",
        "logged in as",
        "signed in as",
        "sign in as",
        "posts as",
    ),
    # a profile's handle after the network's name: "LinkedIn: sunhee-park-ux", "insta: ana.m" (a
    # word of its own: "install" is no cue)
    *(r"linkedin\b", r"insta(?:gram)?\b", r"twitter\b", r"tiktok\b", r"discord\b", r"telegram\b"),
    *(r"skype\b", r"steam\b"),
    *("usuario", "gebruikersnaam", "inlognaam", "benutzername", "identifiant", "nome utente", "utilizador"),
)
_CUE_WORDS = written(CUE_WORD_LIST, word_start=True, ignore_case=True)
_CUE = re.compile(  # led by a class of the words' first letters (`_lead`: `re` skips to one in C)
    led(CUE_WORD_LIST, word_start=True, ignore_case=True)
    + r"\s*(?:[:=|\[\](){}]{1,2}\s*)?[\"'`\[(]?([A-Za-z0-9_][\w.-]{1,63})"  # "user `tkoroma`"
)
# a value after a bare label, as a form or a table shows it ("Username alice.demo", "User | jdoe_85";
# OCR reads a field's border as "|", "[", "]" or a parenthesis):
# only a handle that mixes letters with digits, "_", "." or "-" ("Username required" stays)
_MARKED_HANDLE = re.compile(r"(?=[^\W\d_]*[\d_.-])(?=.*[^\W\d_])[\w.-]*[^\W_]")
_CUE_IS_WORDS = r"\b" + guarded(
    "login|log-in|user ?name|user ?id|user|handle|usuario|nombre de usuario|gebruikersnaam|inlognaam|"
    "benutzername|benutzerkennung|identifiant|nom d'utilisateur|nome utente|utilizador|usuário|utente"
)
_CUE_IS = re.compile(
    _CUE_IS_WORDS + r"\s+(?i:is|es|ist|est|è|é|era|was|war)\s+[\"'“]?([A-Za-z0-9_][\w.-]{1,63})"
)
# the stems each cue word starts with, lower-cased: the cue regexes are tried only there on a long
# text (`_stems`; tests/redact/test_stems.py expands the cue regexes and checks)
CUE_STARTS = (
    *("user", "log", "account", "handle", "sign", "usuario", "nombre", "gebruikersnaam", "inlognaam"),
    *("benutzer", "identifiant", "nom", "utilizador", "usuário", "utente", "posts"),
    *("linkedin", "instagram", "insta", "twitter", "tiktok", "discord", "telegram", "skype", "steam"),
)
# the home folders of the accounts a CI service runs its jobs as (GitHub's `/home/runner/work`,
# GitLab's, CircleCI's, Jenkins' agents) or a service's own process does (Vault's agent, Jupyter's
# images): no one's
_SERVICE_HOMES = frozenset(
    ("runner", "gitlab-runner", "circleci", "jenkins", "buildkite-agent", "travis", "vsts", "vault", "jovyan")
)
# a kubeconfig's context names its cluster ("cluster: eks-prod"); a user entry named the same
# ("user: eks-prod", "- name: eks-prod" under `users:`) is the cluster's credential, no one's login
_KUBE_CLUSTER = re.compile(r"(?<![\w-])cluster:[ \t]*([\w.@:/-]*[\w])[ \t]*(?:$|[,}])", re.M)
# words a cue's value is when it is code, not a login: `user = await auth.currentUser()`, `login = new …`
_NOT_USERS = word_set(
    "root admin user guest default none null true false the a an name id to is await async new this self "
    "super yield lambda function nil undefined const let var "
    # a file's columns named in its header ("# hostname:port:database:username:password" of .pgpass)
    "password passwd username hostname database "
    # a date's words after "login:" ("Last login: Tue Jan 14 08:02:11")
    "mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec "
    # the fixed logins a token goes with (PyPI's, OAuth's, SendGrid's): no one's
    "__token__ oauth2 apikey x-access-token x-oauth-basic "
    # Amazon ECR's (`docker login --username AWS`); sops' encrypted value (`user: ENC[AES256_GCM,…]`)
    "aws enc demo "
    # a systemd unit's `DynamicUser=yes`
    "yes no "
    # Mapbox's fixed login in a .netrc (`machine api.mapbox.com login mapbox password pk.…`)
    "mapbox "
    # the accounts a web server or a daemon runs as
    "www-data nobody nginx apache httpd daemon nogroup "
    # a feature flag's states (`password_less_login=beta`) and code's roots (`os.environ["USER"]`)
    "beta alpha preview experimental stable canary enabled disabled on off os.environ process.env"
)
# jq's formats after its pipe (`.[] | @tsv`), not a mention
_JQ_FORMATS = frozenset(
    ["@tsv", "@csv", "@json", "@text", "@base64", "@base64d", "@base32", "@base32d", "@uri", "@html", "@sh"]
)
_FILE_READ = re.compile(r"\.(?:txt|json|pem|key|ya?ml|env|csv|log)$")
# a key of its own after the cue's word, not the cue's value: "login request_id=7f3e…", "exec:"
_KEY_AFTER = re.compile(r"[ \t]*(?:=(?!=)|:[ \t]*$)", re.M)


# a login made of an initial, a dot and a listed surname, as companies make them ("für k.becker",
# "m.rossi"): lower case, not a call or an attribute path ("np.array(", "e.target.value"), no word
# of the dictionary ("s.walker" may be code: a surname that is a word is left to the model)
# the trigger starts at the dot, a literal: `re` skips to each "." in C instead of trying every
# letter of the batch (0.3 ms instead of 8 ms per 300 kB), then looks back at the initial
_INITIAL_DOT = r"\.(?<=(?<![\w.])[a-z]\.)[a-z]{3,}"
_INITIAL_SURNAME = re.compile(r"(?<![\w.@/-])[a-z]\.([a-z]{3,20})(?![\w.(@/-]|\.\w)")

# a login of a given name and a surname joined by a dot, as companies make them ("bao.nguyen",
# "ewa.zielinska", "j.smith2"): lower case, not a call, an attribute path or a file's or a host's name
_DOTTED = re.compile(r"(?<![\w.@/\\-])([a-z]{2,20})\.([a-z]{3,20})\d{0,4}(?![\w@(/\\-]|\.\w)")
_NOT_SURNAME = frozenset(
    (
        *("txt", "pdf", "doc", "docx", "xls", "xlsx", "csv", "json", "yaml", "yml", "xml", "html", "htm"),
        *("png", "jpg", "jpeg", "gif", "svg", "zip", "tar", "log", "ini", "cfg", "conf", "exe", "dll"),
        *("com", "net", "org", "dev", "app", "edu", "gov", "info", "biz", "local", "internal", "corp"),
        *("lan", "home", "py", "js", "ts", "php", "java", "sql", "ps1", "bat", "env", "lock", "mov", "mp4"),
        *("sha", "aes", "crc", "utf", "rsa", "hmac", "base"),  # an algorithm's: `hashlib.sha256`
    )
)


_SEALED = re.compile(r"Ag[A-Za-z0-9+/]{40,}")
_FULL_NAME_AFTER = re.compile(r"[ \t]+\(([^()\n]{3,60})\)")


def _public_profile(text: str, end: int) -> bool:
    """A public figure's full name follows the login in brackets: their own profile."""
    m = _FULL_NAME_AFTER.match(text, end)
    return m is not None and m.group(1) in PUBLIC_FIGURES


_PROMPT_HOST = re.compile(r"[A-Za-z0-9-]+")


def _host_parts(text: str, start: int, user: str) -> list[int]:
    """Where the host name at `start` holds `user` as a part between its hyphens."""
    host = _PROMPT_HOST.match(text, start)
    if host is None:
        return []
    out, pos = [], 0
    parts = host.group().split("-")
    for part in parts:
        if part == user and len(parts) > 1:
            out.append(start + pos)
        pos += len(part) + 1
    return out


def _dotted_logins(text: str) -> list[tuple[int, int]]:
    """The logins `_DOTTED` finds: one part a listed given name or surname, neither a dictionary
    word ("user.name", "data.frame" stay), the surname no file's extension or domain's ending."""
    lex = lexicon()
    out = []
    for m in _DOTTED.finditer(text):
        given, surname = m.group(1), m.group(2)
        if surname in _NOT_SURNAME or lex.is_word(given) or lex.is_word(surname):
            continue
        if given in lex.first or surname in lex.last:
            out.append(m.span())
    return out


# words of an account's context, lower case: a login glued from an initial and a surname
# ("bwallace", "tdejong", "dherrera2") is taken as one only in a text that holds one ("reset the
# VPN for bwallace", "het account van tdejong", "desbloquear o utilizador rmendes")
LOGIN_CONTEXT = (
    *("account", "konto", "compte", "cuenta", "conta", "utente", "utilizador", "usuario", "usuário"),
    *("user", "gebruiker", "benutzer", "login", "vpn", "profil", "perfil", "password", "wachtwoord"),
    *("passwort", "contraseña", "senha", "desbloque", "ontgrendel", "entsperr", "débloqu", "sblocc"),
    *("unlock", "odblok", "gitlab", "github"),
)
_LOGIN_CONTEXT = re.compile("|".join(LOGIN_CONTEXT))
# a lower-case token of an initial and a surname, maybe with digits after: checked in `_glued_login`
_GLUED = re.compile(r"(?<![\w.@/\\-])[a-z]([a-z]{3,18})\d{0,4}(?![\w@/\\-]|\.\w)")
_PARTICLE_PREFIX = re.compile(
    r"(?:van(?:der|den|de)?|de|der|den|ter|ten|da|di|del|dos|le|la|mc|mac)(?=[a-z]{3})"
)

# every match holds "@", "/home/" or, lower-cased, "users" (the home folders), or a stem of a cue
# word ("user" of username, user id): tests/redact/test_triggers.py expands the cue
# regexes and checks that every word holds one
CUE_STEMS = (
    *("user", "login", "log-in", "log in", "logged", "signed", "sign in", "account", "handle", "usuario"),
    *("usuário", "gebruikersnaam", "inlognaam", "benutzer", "identifiant", "utilisateur"),
    *("utente", "utilizador", "posts as"),
    *("bruger", "bruker", "användare", "anvandare", "uzytkownik", "użytkownik", "uzivatel", "uživatel"),
    *("linkedin", "instagram", "insta", "twitter", "tiktok", "discord", "telegram", "skype", "steam"),
    *LOGIN_CONTEXT,
)


# a chat app's mentions of a group, not of a user
_GROUP_MENTIONS = frozenset(("@here", "@channel", "@everyone", "@all", "@team"))
# an annotation named by its package (ProGuard's `@com.squareup.moshi.FromJson <methods>;`)
_PACKAGE_ANNOTATION = re.compile(r"@(?:com|org|net|io|androidx?|java|javax|kotlinx?|dagger|jakarta)\.\w+\.")
# a monitor's notification to an integration (Datadog's `@pagerduty-auth-oncall`, `@slack-sec-alerts`)
INTEGRATION = re.compile(r"@(?i:pagerduty|slack|opsgenie|webhook|teams|victorops|jira|servicenow|sns)-")
# an instance variable set: `@password ||= …`, `@user = …`
_ASSIGNED = re.compile(r"[ \t]*(?:\|\|=|\+=|=(?![=~>]))")
# macOS Terminal's title: the login, then the shell ("hkim — -zsh — 80×24")
_TERMINAL_TITLE = re.compile(r"(?m)^[ \t]*([a-z_][a-z0-9._-]{1,31}) — -?(?:zsh|bash|fish|tcsh|ksh|sh)\b")
# a GitHub profile's title: "lwinters (Laura Winters) · GitHub", the login before the full name
_GITHUB_PROFILE = re.compile(
    r"^[ \t]*(?P<login>[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})[ \t]+\([^()\n]{1,80}\)"
    r"[ \t]*[·|•-][ \t]*GitHub\b"
    # a pull request's title as GitHub writes it ("Fix race by mhollis · Pull Request #1893")
    r"|\bby[ \t]+(?P<login2>[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})"
    r"[ \t]+·[ \t]+Pull[ \t]+Request[ \t]+#\d",
    re.M,
)


# a URL's password as a placeholder right before an "@": `redis://:<redis-password>@localhost`, a host
_PLACEHOLDER_BEFORE = re.compile(r":<[^<>\s]+>$")


class UsernameDetector(Detector):
    name = "username"
    kinds = ("USERNAME",)
    # "Priya Shah (pshah2)": a bracket first, the letter before it looked behind (`re` skips to a
    # "(" in C); a profile URL's ".com/" (`_login_shapes.PROFILE_SITES` each hold one of these)
    # and what `_login_contexts` reads, each a literal or a regex that starts with one (`re` skips to
    # it in C; one alternation of them all was tried at every letter, twice the time on prose)
    trigger = (
        re.compile(_INITIAL_DOT + r"|\((?<=[a-z][ \t]\()[a-z][a-z0-9._-]{2,30}\)"),
        *("u/", "**", ":$", "-u", "--user", "Overview for ", "live:"),
        re.compile(LISTING_MODE),  # a long listing's line
        re.compile(r"://[^\s/@]+@"),  # a URL's user
        re.compile(
            r"/(?:meet|u|user|users|profile|people|members?|join/personal|my)/"
        ),  # a room's, a profile's
        re.compile(r"\n[ \t]*[-*•][ \t]+`?[a-z][a-z0-9]*[._-]"),  # a list's login (texts joined by newlines)
        re.compile(r"\\[a-z](?<=[A-Z0-9-]\\[a-z])"),  # a Windows account after its domain
        re.compile(r"/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:\d"),  # an OpenVPN client before its address
        re.compile(r":[ \t]*@?[a-z](?:[a-z0-9]*[._][a-z0-9]|[a-z]+\d)"),  # a handle after a role's label
        TITLE_TRIGGER,  # a login alone in a window title's segment (`_title_handles`)
        "dotfiles",  # a settings repository's owner (`_title_handles.DOTFILES`)
    )
    # and a wiki's pages (`_wiki_signatures`): a talk link, a user's page (its "user" is a cue's
    # stem), a section's heading
    lower_trigger = (
        re.compile(
            _by_first_letter("|".join(CUE_STEMS))
            + r"|/homes?/|github|\.(?:com|net|me)/|\((?:talk|discus|diskussion|overleg|dyskusja)"
        ),
        *("@", "=="),  # (literals: the regex above then has needles, `_needles`, and these are found in C)
        re.compile(r"by:?[ \t]+@?[a-z][a-z0-9]*[._\d-]"),
        "welcome",
        "started by ",  # a Spring Boot app's first line: "… (/app/app.jar started by mkowal in /app)"
        "pull request",  # GitHub's title of one: "… by mhollis · Pull Request #1893" (`_GITHUB_PROFILE`)
        re.compile(r"\[\d\d/[a-z]{3}/"),
        re.compile(r"(?:accepted|failed) (?:password|publickey|keyboard|none|hostbased)"),  # sshd's log
        # a comment left for a handle: "TODO(fmcardle)", every word `_login_contexts._NAMED_BY_TOOL`
        # reads (literals: searched in C)
        *("todo(", "fixme(", "xxx(", "hack("),
        # a call's login and password (`_cli_logins._CODE_CREDENTIALS`: `req.SetBasicAuth("ci", …)`)
        *("auth(", "auth=(", "auth = (", "basic(", "credentials("),
        " / ",  # a login and its password: "log in with qa_lead / Chai-Masala-404" (`_login_pairs`)
        *CLI_TRIGGER_WORDS,  # `_cli_logins`: a command's flags, a device's accounts, a .pgpass line
        # a forum's bylines (`_forum_authors`), as a few literals (each is one search of the page)
        *("posted by", "replied by", "reply ", "comment", " wrote:", "· "),
        re.compile(r" — -?(?:zsh|bash|fish|tcsh|ksh|sh)\b"),  # macOS Terminal's title (`_TERMINAL_TITLE`)
    )

    def detect(self, text: str) -> Iterable[Span]:
        out: list[Span] = []
        if "@" in text:
            out += [
                Span("USERNAME", m.start(), m.end(), 0.8)
                for m in _HANDLE.finditer(text)
                if not annotation(text, m.start(), m.end())
                and not _decorator(text, m)
                and not _ASSIGNED.match(text, m.end())  # Ruby's `@password ||= ENV.fetch(…)`
                and not text.startswith(":registry", m.end())  # an npm scope: `@acme:registry=https://…`
                and not _FILE_READ.search(m.group())  # a file read as "@file": `api_key=@new_key.txt`
                and m.group().lower() not in _GROUP_MENTIONS
                and m.group() not in _JQ_FORMATS
                and not INTEGRATION.match(m.group())
                and not _PACKAGE_ANNOTATION.match(m.group())
                and not public_handle(m.group())  # "@BarackObama"
                and not _CREDENTIAL_KEY_BEFORE.search(text, max(0, m.start() - 40), m.start())
                and not _PLACEHOLDER_BEFORE.search(text, max(0, m.start() - 60), m.start())
                and text[m.start() - 1 : m.start()] != "]"  # `amqp://[REDACTED]@mq.internal`: a host
                and not ("." in m.group() and _PORT_AFTER.match(text, m.end()))  # "@demo.localhost:38871"
            ]
            out += [Span("USERNAME", *m.span(1), 0.8) for m in _PROMPT_AT_DOMAIN.finditer(text)]
            if "@pam" in text or "@pve" in text:
                out += [Span("USERNAME", *m.span(), 0.8) for m in _PROXMOX_USER.finditer(text)]
            at_host = list(matches_around(_USER_AT_HOST, text, ("@",)))  # no whitespace in a match
            out += [  # a host named after its user: "oliver@oliver-ThinkPad-T14" (Ubuntu's default),
                # "dkowalczyk@ws-dkowalczyk"
                Span("USERNAME", a, a + len(m.group(1)), 0.8)
                for m in at_host
                if len(m.group(1)) >= 3
                for a in _host_parts(text, m.end(), m.group(1))
            ]
            out += [
                Span("USERNAME", m.start(1), m.end(1), 0.8)
                for m in at_host
                if not _VERSION.match(text, m.end(1) + 1)  # `docker/login-action@v3`: a pinned version
                and not _COMMIT.match(text, m.end(1) + 1)  # `actions/checkout@b4ffde65…`: a pinned commit
                and not text.startswith(("sha256:", "sha512:"), m.end(1) + 1)  # `nginx@sha256:…`
                and not template_userinfo(text, m.start(1), m.end(1))
            ]
            if any(cmd in text for cmd in _SSH_COMMANDS):  # each match starts with one
                out += [
                    Span("USERNAME", m.start(1), m.end(1), 0.8)
                    for m in _SSH_LOGIN.finditer(text)
                    if not placeholder_mailbox(text, m.start(1), m.end())  # `ssh-keygen -C "your_email@…"`
                ]
        if "/home" in text or "Users" in text:  # each match holds one
            homes = matches_around(_HOME, text, ("/home", "Users"))  # no whitespace in a match
            out += [
                Span("USERNAME", m.start(1), m.end(1), 0.9)
                for m in homes
                if m.group(1) not in _SERVICE_HOMES
                and m.group(1)[0] not in "<{$%["  # "/home/<user>/", "%USERNAME%"
            ]
        if "Users" in text or ":user/" in text:
            crumbs = (*_USERS_CRUMB.finditer(text), *_IAM_USER.finditer(text))
            out += [
                Span("USERNAME", *m.span(1), 0.8)
                for m in crumbs
                if not _not_user(m.group(1)) and _SERVICE_USER.search(m.group(1)) is None
            ]
        if "started by " in text:
            out += [Span("USERNAME", *m.span(1), 0.8) for m in _STARTED_BY.finditer(text)]
        if "rw" in text or "r-" in text:  # each listing's line holds one
            out += [
                Span("USERNAME", *m.span(1), 0.8)
                for m in _LISTING_OWNER.finditer(text)
                if m.group(1) not in _SYSTEM_OWNERS
                and not m.group(1).startswith(("_", "systemd-"))
                and not _not_user(m.group(1))
            ]
        if ".com/" in text or ".net/" in text or "t.me/" in text:
            out += [Span("USERNAME", a, b, 0.8) for a, b in profile_logins(text)]
        if "(" in text:
            out += [Span("USERNAME", a, b, 0.7) for a, b in logins_after_names(text)]
        if "(" in text or ":" in text or "==" in text:
            out += [Span("USERNAME", a, b, 0.8) for a, b in wiki_users(text)]
        out += [Span("USERNAME", a, b, 0.7) for a, b in forum_authors(text, _handle_like)]
        if " — " in text:
            out += [Span("USERNAME", *m.span(1), 0.8) for m in _TERMINAL_TITLE.finditer(text)]
        out += [Span("USERNAME", a, b, 0.7) for a, b in title_handles(text)]
        if "GitHub" in text or "Pull Request" in text:
            out += [
                Span("USERNAME", *m.span("login" if m.group("login") else "login2"), 0.8)
                for m in _GITHUB_PROFILE.finditer(text)  # (a public figure's: `_public_profile`, below)
            ]
        starts = stem_starts(text, CUE_STARTS, word_start=True)
        for m in matches_at(_CUE, text, starts):
            value = m.group(1)
            if _not_user(value) or _UID_GID.match(text, m.start(1)):
                continue
            if _SOURCE_FILE.search(value):
                continue  # `….handle(PasswordGrantHandler.java:52)`: a stack trace's source file
            if _KEY_OR_NAME.match(text, m.end(1)):
                continue  # kubeconfig's "user:\n  exec:", "user: arn:aws:eks:…": a key, a resource's name
            if not re.search(r"[:=]", m.group()) and _KEY_AFTER.match(text, m.end(1)):
                continue  # "login request_id=…": the next pair's key
            if not re.search(r"[:=\"'`]", m.group()) and _words_joined(value):
                continue  # "user re-enrolled with …": a verb after the cue's word, unlabelled
            if "." in value and (
                value.split(".", 1)[0].lower() in CODE_ROOTS or _RESOURCE_REF.fullmatch(value)
            ):
                continue  # `user = local.db_creds.username`, `os.environ`, `aws_iam_user.ci.name`: code's
            if value.isdigit() and _BYTES_AFTER.match(text, m.end(1)):
                continue  # `kubectl describe secret`'s "username:  14 bytes": a value's size
            if (
                (text[m.end(1) : m.end(1) + 1] == "(" and not text.startswith("(uid=", m.end(1)))
                or _named_by_cue(text, m)
                or company_after(text, m.end(1))
            ):
                continue  # code: `user = models.ForeignKey(`, `user_id`; a company: "Account: Initech LLC"
            if _chat_turn(text, m):
                continue  # "User: what are your opening hours": a chat's speaker, then what they said
            quoted = (
                m.start(1) > 0
                and text[m.start(1) - 1] in "`'\""
                and text[m.end(1) : m.end(1) + 1] == text[m.start(1) - 1]
            )
            labelled = (
                re.search(r"[:=]|\bas\b", m.group()) or ("|" in m.group() and _handle_like(value)) or quoted
            )
            if labelled or _MARKED_HANDLE.fullmatch(value.rstrip(".-")) or _bare_login(text, m):
                out.append(Span("USERNAME", m.start(1), m.start(1) + len(value.rstrip(".-")), 0.7))
        if "." in text:
            lex = lexicon()
            for m in _INITIAL_SURNAME.finditer(text):
                if lex.is_name(m.group(1)) and not lex.is_word(m.group(1)):
                    out.append(Span("USERNAME", m.start(), m.end(), 0.6))
            out += [Span("USERNAME", a, b, 0.6) for a, b in _dotted_logins(text)]
        if _LOGIN_CONTEXT.search(text.lower()):
            glued = [m for m in _GLUED.finditer(text) if _glued_login(m)]
            out += [Span("USERNAME", m.start(), m.end(), 0.6) for m in glued]
        for m in matches_at(_CUE_IS, text, starts):
            value = m.group(1).rstrip(".-")
            if _handle_like(value):
                out.append(Span("USERNAME", m.start(1), m.start(1) + len(value), 0.7))
        out += [Span("USERNAME", a, b, 0.7) for a, b in context_logins(text, _not_user)]
        if _ACCOUNT_STEM.search(text):
            out += [Span("USERNAME", a, b, 0.7) for a, b in _account_names(text)]
        out += [Span("USERNAME", a, b, 0.7) for a, b in (*sql_logins(text), *named_with_password(text))]
        out += [
            Span("USERNAME", a, b, 0.7)
            for a, b in (*env_default_logins(text), *named_values(text, LOGIN_END))
            if not _not_user(text[a:b])
        ]
        if out and "encryptedData" in text:  # a SealedSecret's values: ciphertext under a login's key
            out = [s for s in out if not _SEALED.match(text, s.start)]
        if out and "(" in text:  # "gvanrossum (Guido van Rossum) · GitHub": a public figure's own
            out = [s for s in out if not _public_profile(text, s.end)]
        if "contexts:" in text and out:  # a kubeconfig: its user entries named after their cluster
            clusters = set(_KUBE_CLUSTER.findall(text))  # (block style, or flow: `{ cluster: x, user: x }`)
            out = [s for s in out if text[s.start : s.end] not in clusters]
        return out


# an account's word (a service's, an admin's; any language's) and what it is called: "admin-account
# is nasadmin", "konto serwisowe backup_svc", "tjänstekontot heter svc_print", "the service account
# is svc_backup", "la cuenta de servicio es svc_nominas"
_ACCOUNT_STEM = re.compile(r"(?i:account|konto|cuenta|conta\b|compte)")
_ACCOUNT_NAMED = re.compile(
    r"(?i:\b[\w-]*(?:account|konto(?:t|n|et)?|cuenta|conta|compte)\b)"
    r"(?:[ \t]+(?i:de|di|do|da|du|of|van|för)?[ \t]*[^\W\d_]{3,14}){0,2}?"
    r"(?:[ \t]+(?P<is>(?i:is|es|est|è|é|ist|heet|heter|hedder|named|called|=))[ \t]+[\"'“`]?"
    r"(?P<v>[a-z][\w.-]{2,30}[a-z0-9])"
    r"|(?:[ \t]*:)?[ \t]+[\"'“`]?(?P<w>(?=[a-z.-]*[_\d])[a-z][\w.-]{2,30}[a-z0-9]))(?![\w@-])"
)


# Terraform's reference to a resource's attribute: `aws_iam_user.ci.name`, `google_sql_user.app.name`
_RESOURCE_REF = re.compile(r"[a-z][a-z0-9]*_[a-z0-9_]+\.[\w-]+\.[a-z_]+(?:\[\d+\])?")
_BYTES_AFTER = re.compile(r"[ \t]+bytes?\b")


def _account_names(text: str) -> list[tuple[int, int]]:
    """The logins `_ACCOUNT_NAMED` finds: one marked as a login by "_" or a digit ("backup_svc",
    "svc.print01"), or after "is" or its like one that is no dictionary word ("nasadmin"; not "the
    account is locked")."""
    lex = lexicon()
    out = []
    for m in _ACCOUNT_NAMED.finditer(text):
        group = "v" if m.group("v") else "w"
        value = m.group(group).rstrip(".-")
        if _not_user(value) or ("." in value and value.split(".", 1)[0] in CODE_ROOTS):
            continue
        if group == "v" and value.isalpha() and (lex.is_word(value) or lex.is_name(value)):
            continue  # "the account is locked"
        out.append((m.start(group), m.start(group) + len(value)))
    return out


_SHORT_HASH = re.compile(r"(?=[0-9a-f]*[0-9][0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,12}")  # (40: a key)


def _not_user(value: str) -> bool:
    """A value a context's login is not: a system account or a code word, a placeholder, a table's
    column (`| username | created_at |`), a machine's numbered name ("lock held by worker-3"), a
    commit's hash ("(commit 9d2e4c6)")."""
    return (
        not value.strip("_-.")  # a form's blank field: "Username: ____________"
        or value.lower() in _NOT_USERS
        or _SHORT_HASH.fullmatch(value) is not None
        or placeholder_name(value)
        or placeholder_mailbox(value, 0, len(value))  # "you@example.com"
        or marked_unreal(value)  # "not-a-real-password", "<user>"
        or _COLUMN.fullmatch(value) is not None
        or _MACHINE.fullmatch(value) is not None
    )


def _words_joined(value: str) -> bool:
    """Lower-case dictionary words joined by "-" ("re-enrolled", "on-call"): a verb or an
    adjective after the cue's word ("user re-enrolled with …"), no handle (after a label a value
    so made is a login: `"userName": "deploy-ci"`)."""
    parts = value.split("-")
    if len(parts) != 2 or not value.islower():
        return False  # ("ci-deploy-bot" is a login)
    lex = lexicon()
    head, tail = parts
    if not (head in _PREFIXES or tail.endswith(("ed", "ing"))):
        return False
    return all(p in _PREFIXES or (lex.is_word(p) and not lex.is_name(p)) for p in parts)


_PREFIXES = frozenset(("re", "pre", "co", "un", "non", "de", "sub", "self", "anti", "multi", "on", "off"))


_COLUMN = re.compile(r"[a-z]+(?:_[a-z]+)*_(?:at|id|on|date|time|ts|by|count|name|type)")
_MACHINE = re.compile(
    r"(?:worker|node|runner|host|server|pod|replica|shard|agent|instance|vm|job|task|thread|proc|web|db)-?\d+"
)


# after a cue's value: a YAML key's ":" (the value is the next line's key) or an ARN's or a URN's
# next part ("arn:aws:…", "urn:li:…")
_KEY_OR_NAME = re.compile(r":(?:[ \t]*$|(?<=\barn:)|(?<=\burn:))", re.M)
_STOP_OR_SLASH = re.compile(rf"\s*(?:[.,;/]|$)|[ \t]+[{TITLE_MARKS}][ \t]")  # (or a window title's separator)
_LOGIN_WORD = re.compile(r"(?i:login|user)\s")


_SOURCE_FILE = re.compile(r"\.(?:java|kt|scala|py|js|ts|go|rb|cs|cpp|php|swift)$")
# a credential's key before an "@name": Vercel's `"SENTRY_AUTH_TOKEN": "@sentry-auth-token"`, a
# reference to a stored secret by its name (the secret's rule judges the value)
_CREDENTIAL_KEY_BEFORE = re.compile(
    r"(?i:(?:token|secret|password|passwd|api_?key|dsn)[\"']?[ \t]*[:=][ \t]*[\"']?)$"
)


_DECORATOR_END = re.compile(r"[ \t]*(?:$|\(|\n)", re.M)  # a decorator ends its line or is called


def _decorator(text: str, m: re.Match[str]) -> bool:
    """A decorator at a line's start, not a handle: a dotted name alone on its line or called
    ("@property.setter", "@app.route("), a bare one above a definition (`@task` over `def`), or a
    Blade or Envoy directive whose block's end is in the text ("@setup" … "@endsetup")."""
    if text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
        return False
    end = _DECORATOR_END.match(text, m.end())  # "@rui.santos this is…": a mention
    if end is None:
        return False
    if text[m.end() : m.end() + 1] == "(":
        return True
    word = m.group()[1:]
    if f"@end{word}" in text or (word.startswith("end") and f"@{word[3:]}" in text):
        return True  # a Blade or Envoy block: "@setup" … "@endsetup", "@task('deploy')" … "@endtask"
    if "." in m.group() and (end.end() >= len(text) or _CODE_NEXT.match(text, end.end())):
        return True  # "@property.setter" over code; not "@iratxe.lz" above a chat's next line
    return _DEFINITION_NEXT.match(text, end.end()) is not None


# the line under a bare decorator: a definition or another decorator
# a line of code after a dotted decorator: indented, a definition, another decorator
_CODE_NEXT = re.compile(
    r"\n(?:[ \t]+\S|[ \t]*@|[ \t]*(?:async[ \t]+)?def[ \t]|[ \t]*class[ \t]"
    r"|[ \t]*(?:public|private|export|fun|function)[ \t])"
)
_DEFINITION_NEXT = re.compile(
    r"\n[ \t]*(?:@|(?:async[ \t]+)?def[ \t]|class[ \t]|function[ \t]|fun[ \t]|public[ \t]|private[ \t]"
    r"|export[ \t])"
)


_TURN = re.compile(r"(?i:user|customer|account)[ \t]*:[ \t]")


def _chat_turn(text: str, m: re.Match[str]) -> bool:
    """The cue is a chat's speaker at a line's start ("User: ", as support transcripts write the
    customer) and its "value" a dictionary word that opens what they said ("User: why was I
    charged"): no login ("User: jdoe_85", "Username: alice" stay)."""
    line = text.rfind("\n", 0, m.start()) + 1
    if line != m.start() or not _TURN.match(text, m.start()) or text[m.start(1) - 1] in "\"'":
        return False  # (indented or quoted: a field of code, `\tUser: "deploy",`)
    value = m.group(1).lower()
    if value in _CHAT_WORDS:
        return True
    return value.isalpha() and lexicon().is_word(value) and not lexicon().is_name(value)


# what a chat's turn opens with that the dictionary lacks
_CHAT_WORDS = word_set("ok okay oki k yes yep yeah yup no nope nah hi hey hello thx ty pls plz lol hmm ah oh")


def _bare_login(text: str, m: re.Match[str]) -> bool:
    """A lower-case login that is no word, right after "login" or "user" and before a stop or a
    slash: "login folaniyan. Reset pending", "is kpetrenko / Welcome#8821" ("login page" stays)."""
    value = m.group(1).rstrip(".-")
    if not (value.isalpha() and value.islower() and len(value) >= 4) or lexicon().is_word(value):
        return False
    after = m.start(1) + len(value)
    return _LOGIN_WORD.match(m.group()) is not None and _STOP_OR_SLASH.match(text, after) is not None


_CODE_KEYWORDS = word_set("str string int bool none null nil true false any text varchar uuid")
# a version after "@", not a host: `login-action@v3`, `lodash@4.17.21` (an IPv4 host has four parts)
_VERSION = re.compile(r"[v^~]?\d+(?:\.\d+){0,2}(?:-[\w.]+)?(?![\w.])")
# a commit's full hash, or a short one of digits and letters ("acme/webshop@3f9a2c1")
_COMMIT = re.compile(r"[0-9a-f]{40}\b|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,12}(?![\w.-])")
_CUE_NAMED = re.compile(r"(?i:user|login|account|handle)(?:[A-Z_][A-Za-z]*)?")
# the cue's own words as an identifier: `filter(username=username)`, `user_id`, `login_name`
_CUE_IDENTIFIER = re.compile(r"(?i:user|login|account|handle)(?:[_-]?(?i:name|id|login))?")
# a host, not a login: `docker login registry.gitlab.com`
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|cloud|co|ai|gov|edu|local|internal|corp)")


def _named_by_cue(text: str, m: re.Match[str]) -> bool:
    """The "value" is an identifier the cue word begins, or glued to the cue: `user_id`,
    `account: accountName`, `user: userName`: a variable or a column, no one's login."""
    value = m.group(1)
    if m.start(1) > 0 and (text[m.start(1) - 1].isalnum() or text[m.start(1) - 1] in "_{"):
        return True  # no gap between the cue and its value: one identifier; `f"login:{ip}"`
    if value.lower() in _CODE_KEYWORDS or _CUE_IDENTIFIER.fullmatch(value) or _HOST.fullmatch(value):
        return True  # `username: str`, `username=username`, a registry's host
    return _CUE_NAMED.fullmatch(value) is not None and value[0].islower() and not value.islower()


# `--user=1000:1000`, `-u 0:0`: a numeric user and group id, no one's login
_UID_GID = re.compile(r"\d+:\d+(?!\S)")


def _handle_like(value: str) -> bool:
    """A login name rather than a word: "jdoe", "maria_85", not "broken", "the", "required"."""
    low = value.lower()
    if len(value) < 3 or low in _NOT_USERS:
        return False
    return any(c.isdigit() or c in "_.-" for c in value) or not lexicon().is_word(low)


def _glued_login(m: re.Match[str]) -> bool:
    """`_GLUED`'s token is no word of any language read, and what follows its initial (digits cut,
    a surname particle skipped: "tdejong") is a listed surname of four letters or more that is no
    English word."""
    lex = lexicon()
    token, rest = m.group(), m.group(1)
    if lex.known(token):
        return False
    for surname in (rest, _PARTICLE_PREFIX.sub("", rest, count=1)):
        if len(surname) >= 4 and lex.tags.get(surname) & LAST and not lex.tags.get(surname) & WORD:
            return True  # a surname that is a word of a language but English's counts ("mschneider")
    return False
