"""SECRET: credentials by format, private-key blocks, JWTs, passwords in connection strings, and
high-entropy values in credential contexts (`password=…`, `api_key: …`).

Token formats follow gitleaks' published rules (github.com/gitleaks/gitleaks, config/gitleaks.toml;
rule ids in the comments) and detect-secrets' plugins (github.com/Yelp/detect-secrets,
detect_secrets/plugins/*.py). Only the secret itself is a span: `password=[SECRET]` keeps the key.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from ._base import Detector, Span, _by_first_letter, guarded
from ._code_names import (
    CODE_ROOTS,
    digest_at,
    identifier_of_words,
    placeholder,
    placeholder_name,
    public_key_at,
)
from ._code_shapes import id_value_at, image_data
from ._lead import led, written
from ._stems import ALNUM, matches_at, stem_starts
from ._windows import matches_around
from .lexicon import lexicon

_TOKEN_RULES: tuple[tuple[str, str], ...] = (
    ("aws-access-token", r"\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b"),
    ("github-pat", r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b"),
    ("github-fine-grained-pat", r"\bgithub_pat_\w{82}\b"),
    ("gitlab-pat", r"\bglpat-[\w-]{20,}\b"),
    ("slack-token", r"\bxox[abposr]-(?:\d+-)?[A-Za-z0-9-]{10,}\b"),
    ("slack-webhook", r"hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9+/]{40,}"),
    ("stripe-access-token", r"\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}\b"),
    ("anthropic-api-key", r"\bsk-ant-(?:api|admin)\d{2}-[\w-]{80,}\b"),
    ("openai-api-key", r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b"),
    ("openai-api-key-generic", r"\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b"),
    ("gcp-api-key", r"\bAIza[\w-]{35}\b"),
    ("google-oauth-token", r"\bya29\.[\w-]{20,}\b"),
    ("npm-access-token", r"\bnpm_[A-Za-z0-9]{36}\b"),
    ("pypi-upload-token", r"\bpypi-AgEIcHlwaS5vcmc[\w-]{50,}\b"),
    ("sendgrid-api-token", r"\bSG\.[\w-]{22}\.[\w-]{43}\b"),
    ("twilio-api-key", r"\bSK[0-9a-fA-F]{32}\b"),
    ("mailgun-private-api-token", r"\bkey-[a-f0-9]{32}\b"),
    ("huggingface-access-token", r"\bhf_[A-Za-z]{34}\b"),
    ("digitalocean-pat", r"\bdo[opr]_v1_[a-f0-9]{64}\b"),
    ("shopify-token", r"\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b"),
    ("atlassian-api-token", r"\bATATT3[A-Za-z0-9_\-=]{186}\b"),
    ("azure-storage-key", r"AccountKey=[A-Za-z0-9+/=]{86,88}"),
    # detect-secrets JwtTokenDetector: three base64url segments, the first a JSON header
    ("jwt", r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
    # gitleaks private-key; detect-secrets PrivateKeyDetector
    (
        "private-key",
        r"-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?"
        r"(?:-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----|\Z)",
    ),
    ("ssh-private-key-inline", r"\bPuTTY-User-Key-File-\d+: [\s\S]{0,200}"),
)
_TOKEN_FIRST = "AgxhsrSynpkdeP-"
"""Every first character a rule above can match: a lookahead on them lets the alternation be tried
only there (3x faster on page text, same matches: tests/redact/test_secrets.py)."""
_TOKENS = re.compile(
    f"(?=[{_TOKEN_FIRST}])(?:" + "|".join(f"(?P<r{i}>{rx})" for i, (_, rx) in enumerate(_TOKEN_RULES)) + ")"
)
# The rules above but these four match only characters of `_RUN` (word characters, ".", "=", "-";
# "+" and "/" of base64 for `_HIGH_ENTROPY`), at least RUN_MIN of them (slack-token: "xoxb-" +
# 10): without these literals in a text, each match lies inside a run of such characters that
# long, and the alternation needs trying only there (tests/redact/test_secrets.py checks both).
_LITERALS = ("-----BEGIN", "PuTTY-User-Key-File-", "hooks.slack.com/", "AccountKey=")
RUN_MIN = 15
_RUN = re.compile(rf"[\w.=+/-]{{{RUN_MIN},}}")
# a run after the character before it: a class `re` skips to in C, entered once per run (`_RUN`
# is entered at every character of every word, and reads each word to its end)
_RUN_AFTER = re.compile(rf"[^\w.=+/-][\w.=+/-]{{{RUN_MIN},}}")


def runs(text: str) -> list[tuple[int, int]]:
    """`[m.span() for m in _RUN.finditer(text)]`: each maximal run of RUN_MIN characters or more."""
    first = _RUN.match(text)
    return ([first.span()] if first else []) + [(m.start() + 1, m.end()) for m in _RUN_AFTER.finditer(text)]


def token_matches(text: str, in_runs: list[tuple[int, int]] | None = None) -> Iterable[re.Match[str]]:
    """`_TOKENS.finditer(text)`, the same matches: where none of `_LITERALS` occurs, searched
    only in the runs a match can lie in (`\\b` and look-behinds read the character before a run;
    the one after it is not a word character, as the end of the string); `in_runs`: `runs(text)`."""
    if any(lit in text for lit in _LITERALS):
        return _TOKENS.finditer(text)
    return (m for s, e in (runs(text) if in_runs is None else in_runs) for m in _TOKENS.finditer(text, s, e))


# RFC 3986 userinfo with a password: scheme://user:password@host (detect-secrets BasicAuthDetector)
_URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:([^\s@/]+)@[^\s@]", re.IGNORECASE)
# key = value in a credential context (gitleaks generic-api-key, detect-secrets KeywordDetector)
# the key may end a name joined by "_", "-" or "." ("HF_TOKEN", "x-api-key", "db.password"): no
# letter or digit before it, where `\b` wanted no "_" either and missed every environment variable
# (one that is read, "$CI_PASS https://…", sets nothing: `_variable_read`)
_KEYWORDS = r"(?<![^\W_])" + guarded(  # the words behind a lookahead on their first characters
    r"(?:pass(?:word|wd|phrase)?|pwd|pw|secret(?:[_-]?key(?:[_-]?base)?)?|token|api[_-]?key|apikey|access[_-]?key|"
    r"auth[_-]?token|client[_-]?secret|private[_-]?key|credentials?|bearer)\b"
)
_KEYWORD_VALUE = re.compile(_KEYWORDS + r"[\"']?\s*(?:[:=]|=>|:=|\s)\s*[\"']?([^\s\"',;]{6,})")
# the stems each keyword and noun starts with, lower-cased: those regexes are tried only there on a
# long text (`_stems`; tests/redact/test_stems.py expands the word lists and checks)
KEYWORD_STARTS = (
    *("pass", "pwd", "pw", "secret", "token", "api", "access", "auth", "client", "private", "credential"),
    *("bearer", "clave", "contraseña", "wachtwoord", "kennwort", "mot de passe", "senha", "palavra-passe"),
)
# a password given to a command on its line: `curl -u user:pw`, `--user user:pw` (not a uid:gid pair,
# `docker run --user=1000:1000`), `mysql -pS3cret`
# (the value glued to -p), `sshpass -p pw`, `smbclient -U user%pw`; the group matched holds it
# in every match of `_COMMAND_PASSWORD` (its words are case-sensitive): the batch's trigger, found
# by `str.find`, and the test before the regex is searched in a text (a regex that starts with
# `\b` or `(?:^|\s)` is entered at every position)
_COMMAND_LITERALS = ("-u ", "-u=", "--user", "-U ", "-U=", "mysql", "mariadb", "sshpass", "login")
_COMMAND_PASSWORD = re.compile(
    r"(?:^|(?<=\s))(?:-u|--user)[ =]+(?!\d+:\d+(?!\S))[^\s:@/]+:([^\s@]+)(?!\S*@)"
    r"|\b(?:mysql\w*|mariadb\w*)\b[^\n]*?[ \t]-p([^\s-][^\s]*)"
    r"|\bsshpass[ \t]+-p[ \t]*([^\s-][^\s]*)"
    r"|\blogin\b[^\n]*?[ \t]-p[ \t=]+([^\s-][^\s]*)"  # `docker login -u ci -p pw`, `oc login -p pw`
    r"|(?:^|(?<=\s))-U[ =]+[^\s%]+%([^\s]+)"
)
# in prose: a credential noun, up to three words ("the staging db pass", "la clave del servidor"),
# a copula, the value: "… pass is Xy7$k2", "la contraseña es …", "das Passwort ist …"
_NOUNS = guarded(
    r"\b(?:pass(?:word|wd|phrase|code)?|pwd|secret|token|api[_-]?key|clave|contraseña|wachtwoord|"
    r"passwort|kennwort|mot de passe|senha|palavra-passe)\b"
)
_KEYWORD_IS = re.compile(
    _NOUNS + r"(?:\s+[^\s:=]{1,12}){0,3}?"
    r"\s+(?i:is|es|ist|est|è|é|era|was|war|était)\s+[\"']?([^\s\"',;]{6,})"
)
# a long random-looking token anywhere: base64/base64url alphabet, all three character classes,
# Shannon entropy ≥ 4.2 bits/char (detect-secrets Base64HighEntropyString uses 4.5 on ≥ 20 chars);
# each match lies in a run of `_RUN` of 24 characters or more and is searched only there (the
# look-ahead at a run's end reads the character after it, not one of `_RUN`, as the end)
HIGH_ENTROPY_MIN = 24
_HIGH_ENTROPY = re.compile(r"(?<![\w+/=-])[A-Za-z0-9+/_-]{24,}={0,2}(?![\w+/=-])")


def high_entropy_matches(text: str, in_runs: list[tuple[int, int]]) -> Iterable[re.Match[str]]:
    """`_HIGH_ENTROPY.finditer(text)`, searched only in the runs (`runs(text)`) long enough."""
    return (m for s, e in in_runs if e - s >= HIGH_ENTROPY_MIN for m in _HIGH_ENTROPY.finditer(text, s, e))


_BEARER_WORDS = ("Bearer", "Basic", "token")
_BEARER_WORD = written(_BEARER_WORDS, word_start=True)  # `\b(?:Bearer|Basic|token)`
_BEARER = re.compile(led(_BEARER_WORDS, word_start=True) + r"\s+([A-Za-z0-9._~+/=-]{16,})")  # (`_lead`)
# in every text with a span, one of: a run of 15 token or base64 characters (the token runs and
# the 24-character high-entropy runs lie in one; matched after the character before it, so the
# regex is entered once per run, not at each of its characters), a literal, "://"
_TRIGGER = (re.compile(f"[^\\w.=+/-][\\w.=+/-]{{{RUN_MIN}}}"), *_LITERALS, "://", *_COMMAND_LITERALS)
# or, lower-cased, a stem of a keyword, a noun or a bearer word ("pass" for password, passwort,
# mot de passe; "api" for api_key, apikey): tests/redact/test_triggers.py expands each word list
# and checks that every word holds a stem
KEYWORD_STEMS = (
    *("pass", "pwd", "pw", "secret", "token", "api", "access", "auth", "client", "private", "credential"),
    *("bearer", "basic", "clave", "contraseña", "wachtwoord", "kennwort", "senha"),
)
_LOWER_TRIGGER = re.compile(_by_first_letter("|".join(KEYWORD_STEMS)))


def shannon_entropy(s: str) -> float:
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values()) if n else 0.0


_HYPHENATED_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_WORD_PATH = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)+/?")


def _bare(m: re.Match[str]) -> bool:
    """The keyword and its value stand apart by blanks alone (`Password One-time code`, as OCR
    reads a form's labels), not `:` or `=`."""
    return not any(c in ":=" for c in m.string[m.start() : m.start(1)])


_KEY_ENDS = re.compile(r"[\s\"']")
_NEXT_KEY = re.compile(r"[A-Za-z_]+:|[A-Za-z_]\w*=\S*")  # `reason=invalid_password attempts=3`


def _no_pair(m: re.Match[str]) -> bool:
    """After blanks alone (`_bare`), the keyword closes a quoted string
    (`autocomplete="current-password" required>`) or the "value" is the next key
    (`has_secure_password validations: false`): words of code, no keyword and its value."""
    gap = _KEY_ENDS.search(m.string, m.start(), m.start(1))
    return (gap is not None and gap.group() in "\"'") or _NEXT_KEY.fullmatch(m.group(1)) is not None


_YAML_TAG = re.compile(r"!(?:[A-Za-z]+::)?[A-Za-z]+")
_NEXT_QUERY_KEY = re.compile(r"&[A-Za-z_]\w*=")
_CLOSING_TICK = re.compile(r"`[.,;:!?)]*$")  # the end of Markdown's code span after a value


# the references of secret stores a setting names instead of its value
_SECRET_STORES = ("vault:", "arn:aws", "ssm:", "secretsmanager:", "op://", "sm://", "akv://", "gcpsm://")


def _not_its_value(m: re.Match[str]) -> bool:
    """The keyword's "value" is not its own: the keyword is a URL's path segment (`POST
    /oauth/token HTTP/1.1`), or the value stands on a later line after no colon, the keyword's
    line an empty assignment or a bare name (`DB_PASSWORD=` then `STRIPE_KEY=…`; `export DB_PASS`
    then `./migrate.sh`; a form's "Password:" and its value below it stay one)."""
    text = m.string
    if text[m.start() - 1 : m.start()] == "/":
        return True
    between = text[m.start() : m.start(1)]
    return "\n" in between and ":" not in between


def _credential_like(value: str, bare: bool = False) -> bool:
    """A keyword value is a secret unless it is plainly a word or a placeholder. After a bare
    keyword, words joined by hyphens are words too (`One-time`, `Self-service`)."""
    if value.startswith(("[", "<", "{", "$", "%", "(")) or value.lower() in ("none", "null", "true", "false"):
        return False  # (a bracket opens prose: "password (defaults to …)", "(sensitive value)")
    if value.startswith(_SECRET_STORES):
        return False  # where the secret is kept, not the secret: `vault:secret/data/db#password`
    if _YAML_TAG.fullmatch(value):
        return False  # a YAML tag: Ansible's `!vault |`, CloudFormation's `!Ref DBPassword`
    if bare and (_HYPHENATED_WORDS.fullmatch(value) or _WORD_PATH.fullmatch(value)):
        return False  # "Password One-time code"; `-field=password secret/prod/db`: a path of words
    if value.startswith("-") or placeholder(value):
        return False  # a command's option (`rotate-secret --secret-id`), a placeholder
    if "`" in value or value.startswith("^") or "(?=" in value:
        return False  # code: Kotlin's `fun \`token expired\`()`, a password policy's regex
    if _SECRET_NAME.fullmatch(value) or _words_path(value):
        return False  # a secret's name (`secretKey: api-token`), a store's path ("database/creds/ro")
    if bare and value.isalpha() and value.islower() and lexicon().is_word(value):
        return False  # "password authentication failed", "token expired": a word after the keyword
    if value[-1] in ".!?:)" and value.rstrip(".!?:)").isalpha():
        value = value.rstrip(".!?:)")  # "password expired." is a word and a full stop
    has_digit = any(c.isdigit() for c in value)
    has_other = any(not c.isalnum() for c in value)
    return has_digit or has_other or shannon_entropy(value) >= 3.0 or len(value) >= 16


# a secret's name, not its value: a credential's words joined by "-" or "_" ("api-token",
# "db_password", "signing-key": Kubernetes' `secretKeyRef` keys, a vault's field)
_SECRET_NAME = re.compile(
    r"(?:(?:api|app|db|database|client|service|signing|access|refresh|private|webhook|admin|root|"
    r"master|user|auth|session|encryption|jwt|oauth|smtp|redis|postgres|mysql)[-_])*"
    r"(?:password|passwd|pass|pwd|secret|token|key|creds|credentials|apikey)(?:[-_](?:key|value|ref))?"
)
_PATH_WORD = re.compile(r"[a-z][a-z-]{2,}")


def _words_path(value: str) -> bool:
    """A path of three segments or more of lower-case words, a secret store's ("database/creds/
    reporting-ro", "secret/prod/orders/db"): where a secret is kept, not the secret."""
    parts = value.strip("/`'\"").split("/")
    return len(parts) >= 3 and sum(bool(_PATH_WORD.fullmatch(p)) for p in parts) >= len(parts) - 1


# a resource's path of named segments: Azure's "/subscriptions/…/resourceGroups/…", Google's
# "projects/…/locations/global/workloadIdentityPools/…"
_NAMED_SEGMENT = re.compile(r"[A-Za-z][a-z]{3,}(?:[A-Z][a-z]+)*")
_RANDOM_SEGMENT = re.compile(r"(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{20,}")


def _id_or_path(text: str, m: re.Match[str]) -> bool:
    """A long random-looking token that is an id's or a checksum's value (`_ID_KEY` before it on
    its line) or a resource's path, two of its segments or more named in words."""
    if id_value_at(text, m.start()):
        return True
    parts = m.group().split("/")
    if any(_RANDOM_SEGMENT.fullmatch(p) for p in parts):
        return False  # an account's id in the path (Twilio's `/Accounts/AC0c8bb…/`)
    return len(parts) >= 3 and sum(bool(_NAMED_SEGMENT.fullmatch(p)) for p in parts) >= 2


_NAME_BEFORE = re.compile(r"[\w.-]*$")


# a keyword's "value" that is code: a call (`os.getenv(`, `request.headers.get(`), or the next
# attribute's name (`type="password" placeholder=`)
_CODE_VALUE = re.compile(r"[A-Za-z_](?:[\w.]|::)*\(.*|[A-Za-z_][\w-]*=")  # `std::env::var(` too
# a subscript: `config["jwt"]["secret"]`, `os.environ['TOKEN']`, `settings[key]` (the value stops
# at the quote: `config[`)
_SUBSCRIPT = re.compile(r"([A-Za-z_][\w.]*)\[(?:([\"'])|\w+\])")
# an unquoted attribute path from where programs keep settings: `var.db_password`,
# `process.env.JWT_SECRET`, `settings.API_PASSWORD`
_REFERENCE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
_VARIABLE_NAMES = frozenset(("password", "passwd", "pwd", "secret", "token", "apikey", "passphrase"))
# an assignment written as code is spaced (`x = api_key`); a `.env` line is not (`KEY=value`)
_SPACED = re.compile(r"\s(?:=|:=|=>)\s")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _code_value(m: re.Match[str]) -> bool:
    """The keyword's "value" names code, not a secret: a call or an attribute's name
    (`_CODE_VALUE`); unquoted, an attribute path from a settings root (`_REFERENCE`), or, where
    the assignment is spaced as code, an identifier of words and no digit (`api_key or …`,
    `userPassword`: a variable; "hunter2", "s3cr3t", "Tr0ub4dor" are values)."""
    value = m.group(1)
    if _CODE_VALUE.fullmatch(value):
        return True
    sub = _SUBSCRIPT.match(m.string, m.start(1))
    if sub and (
        sub.group(2)
        or sub.group(1).split(".", 1)[0].lower() in CODE_ROOTS
        or all(identifier_of_words(p, 1) for p in sub.group(1).split("."))
    ):
        return True  # a quoted key, or a settings root or words subscripted (`Tr0ub[4]dor` is a value)
    if m.string[m.start(1) - 2 : m.start(1)] in (":'", ':"') and _IDENTIFIER.fullmatch(value.rstrip("'\";")):
        return True  # psql's variable: `WITH PASSWORD :'reader_password'`
    if m.string[m.start(1) - 1 : m.start(1)] in ("'", '"'):
        return False  # a quoted literal is a value whatever it spells
    bare = value.rstrip(")]}")
    if (
        bare != value
        and _IDENTIFIER.fullmatch(bare)
        and (bare.lower() in _VARIABLE_NAMES or identifier_of_words(bare))
    ):
        return True  # the variable closing a call or a literal: `data={"pass": password})`
    if _REFERENCE.fullmatch(value) and value.split(".", 1)[0].lower() in CODE_ROOTS:
        return True
    if not _SPACED.search(m.string, m.start(), m.start(1)):
        return False
    if _REFERENCE.fullmatch(value):  # `let password = passwordField.text`: a member of words read
        return all(identifier_of_words(p, 1) for p in value.split("."))
    return _IDENTIFIER.fullmatch(value) is not None and identifier_of_words(value)


# an Amazon resource name up to its resource: `arn:aws:secretsmanager:eu-west-1:1234:secret:`
_ARN_HEAD = re.compile(r"arn:aws[\w-]*:[\w-]+:[\w-]*:\d*:[\w-]*$")


def _variable_read(text: str, key: int) -> bool:
    """The key at `key` ends the name of a variable that is read, not set: `$CI_PASS`, `%TOKEN%`,
    `${DB_PASSWORD}`."""
    name = _NAME_BEFORE.search(text, max(0, key - 64), key)
    start = name.start() if name else key
    return start > 0 and text[start - 1] in "${%"


def _command_password(match: str, value: str) -> bool:
    """A command's password is one whatever it looks like ("hunter", short words too), unless it
    is a placeholder (`$PASS`, `<password>`) or a uid:gid (`docker run -u 1000:1000`)."""
    if value.startswith(("[", "<", "{", "$", "%", "*")):
        return False
    return not (value.isdigit() and match.split(None, 1)[-1].lstrip("= ").split(":")[0].isdigit())


class SecretDetector(Detector):
    name = "secrets"
    kinds = ("SECRET",)
    trigger = _TRIGGER
    lower_trigger = _LOWER_TRIGGER

    def detect(self, text: str) -> Iterable[Span]:
        if len(text) < 8:
            return []
        out: list[Span] = []
        in_runs = runs(text)
        for m in token_matches(text, in_runs):
            if not placeholder(m.group()):  # `ghp_XXXX…` in a README
                out.append(Span("SECRET", m.start(), m.end(), 1.0))
        if "://" in text:
            for m in matches_around(_URL_PASSWORD, text, ("://",)):  # no whitespace in a match
                value = m.group(1)
                if (
                    not placeholder_name(value)
                    and value.strip("*•x")  # `USER:PASSWORD@`, `**:**@`
                    and not placeholder(value)  # `<password>`
                    and not value.startswith(("}", "{"))  # a template's `{{ .Data.password }}`
                ):
                    out.append(Span("SECRET", m.start(1), m.end(1), 0.95))
        starts = stem_starts(text, KEYWORD_STARTS, word_start=True, word=ALNUM)
        for m in matches_at(_KEYWORD_VALUE, text, starts):
            value = m.group(1)
            query = _NEXT_QUERY_KEY.search(value)  # `access_key=YOUR_KEY&query=Lisbon`: the value ends
            value = _CLOSING_TICK.sub("", value[: query.start()] if query else value)  # "`Key: v`."
            bare = _bare(m)
            if _not_its_value(m) or len(value) < 6:
                continue
            if _credential_like(value, bare=bare) and not (
                (bare and _no_pair(m))
                or _variable_read(text, m.start())
                or _code_value(m)
                or _ARN_HEAD.search(text, max(0, m.start() - 120), m.start()) is not None  # a resource's name
            ):
                out.append(Span("SECRET", m.start(1), m.start(1) + len(value), 0.8))
        for m in _COMMAND_PASSWORD.finditer(text) if any(c in text for c in _COMMAND_LITERALS) else ():
            g = m.lastindex or 1
            if _command_password(m.group(), m.group(g)):
                out.append(Span("SECRET", m.start(g), m.end(g), 0.8))
        for m in matches_at(_KEYWORD_IS, text, starts):
            if _credential_like(m.group(1)):
                out.append(Span("SECRET", m.start(1), m.end(1), 0.8))
        for m in _BEARER.finditer(text):
            out.append(Span("SECRET", m.start(1), m.end(1), 0.9))
        for m in high_entropy_matches(text, in_runs):
            tok = m.group()
            if (
                any(c.islower() for c in tok)
                and any(c.isupper() for c in tok)
                and any(c.isdigit() for c in tok)
                and shannon_entropy(tok) >= 4.2
                and not digest_at(text, m.start())
                and not placeholder(tok)
                and not _id_or_path(text, m)
                and not public_key_at(text, m.start())
                and not image_data(text, m.start(), m.end())
            ):
                out.append(Span("SECRET", m.start(), m.end(), 0.7))
        return out
