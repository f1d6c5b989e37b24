"""A credential keyword's value judged (`secrets.SecretDetector`): a secret, or a word, a
placeholder, a secret's or a resource's name, a secret store's path, code (a call, a subscript, a
settings reference, a variable read), a command's option; an id's or a checksum's value, a cloud
resource's path (the long random-looking tokens); a command's password."""

from __future__ import annotations

import math
import re
from collections import Counter

from ._code_names import CODE_ROOTS, identifier_of_words, marked_unreal, placeholder
from ._code_shapes import id_value_at
from .lexicon import LANG_BITS, lexicon, word_set


def shannon_entropy(s: str) -> float:
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values()) if n else 0.0


_HYPHENATED_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_WORD_PATH = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)+/?")


def bare_keyword(m: re.Match[str]) -> bool:
    """The keyword and its value stand apart by blanks alone (`Password One-time code`, as OCR
    reads a form's labels), not `:` or `=`, nor a quoted key's comma (`addHeader("X-API-Key", "…")`)."""
    between = m.string[m.start() : m.start(1)]
    return not any(c in ":=" for c in between) and not quoted_comma(m)


def quoted_comma(m: re.Match[str]) -> bool:
    """The keyword's value follows its quoted key and a comma: a call's or a tuple's next argument."""
    return _QUOTED_COMMA.search(m.string, m.start(), m.start(1)) is not None


_QUOTED_COMMA = re.compile(r"[\"'][ \t]*,[ \t]*[\"']")


_KEY_ENDS = re.compile(r"[\s\"']")
_NEXT_KEY = re.compile(r"[A-Za-z_]+:|[A-Za-z_]\w*=\S*")  # `reason=invalid_password attempts=3`


def no_pair(m: re.Match[str]) -> bool:
    """After blanks alone (`bare_keyword`), the keyword closes a quoted string
    (`autocomplete="current-password" required>`) or the "value" is the next key
    (`has_secure_password validations: false`): words of code, no keyword and its value."""
    gap = _KEY_ENDS.search(m.string, m.start(), m.start(1))
    return (gap is not None and gap.group() in "\"'") or _NEXT_KEY.fullmatch(m.group(1)) is not None


_YAML_TAG = re.compile(r"!(?:[A-Za-z]+::)?[A-Za-z]+")
NEXT_QUERY_KEY = re.compile(r"&[A-Za-z_]\w*=")
CLOSING_TICK = re.compile(r"`[.,;:!?)]*$")  # the end of Markdown's code span after a value


# the references of secret stores a setting names instead of its value
_SECRET_STORES = ("vault:", "arn:aws", "ssm:", "secretsmanager:", "op://", "sm://", "akv://", "gcpsm://")


def not_its_value(m: re.Match[str]) -> bool:
    """The keyword's "value" is not its own: the keyword is a URL's path segment (`POST
    /oauth/token HTTP/1.1`), or the value stands on a later line after no colon, the keyword's
    line an empty assignment or a bare name (`DB_PASSWORD=` then `STRIPE_KEY=…`; `export DB_PASS`
    then `./migrate.sh`; a form's "Password:" and its value below it stay one)."""
    text = m.string
    if text[m.start() - 1 : m.start()] == "/":
        return True
    if text.startswith("PWD=", m.start()) and text[m.start(1) : m.start(1) + 1] in ("/", "~"):
        return True  # sudo's log: `PWD=/srv/app`, the working directory
    if text.endswith("proxy_", max(0, m.start() - 6), m.start()):
        return True  # nginx's `proxy_pass http://…`: where to pass a request
    between = text[m.start() : m.start(1)]
    return "\n" in between and ":" not in between


def unlisted_letters(value: str) -> bool:
    """Lower-case letters that make no word of the dictionary: `LobbyPassword=moonharbor`'s value,
    a secret where a key sets it on its line (not "mongosh" on the line after "credentials:")."""
    return (
        len(value) >= 6
        and value.isalpha()
        and value.islower()
        and not lexicon().is_word(value)
        and not placeholder(value)  # "changeme"
    )


# what a listing or a form shows in a secret's place: its state, not the value
_STATUS_WORDS = word_set(
    "encrypted redacted hidden masked sensitive plaintext unset configured required optional missing "
    "present filtered obscured concealed protected"
)
_FILE_VALUE = re.compile(
    r"[\w./~-]*[A-Za-z]\.(?:txt|conf|cfg|json|ya?ml|pem|crt|env|ini|properties|pass|secret|key)"
)


def credential_like(value: str, bare: bool = False) -> bool:
    """A keyword value is a secret unless it is plainly a word or a placeholder. After a bare
    keyword, words joined by hyphens are words too (`One-time`, `Self-service`)."""
    if value.lower() in _STATUS_WORDS:
        return False  # a listing's state of the value: Vercel's `STRIPE_SECRET_KEY  Encrypted  Production`
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
    if _FILE_VALUE.fullmatch(value):
        return False  # a file that holds it: OpenVPN's `auth-user-pass creds.txt`
    if "`" in value or value.startswith("^") or "(?=" in value:
        return False  # code: Kotlin's `fun \`token expired\`()`, a password policy's regex
    if _SECRET_NAME.fullmatch(value) or _words_path(value):
        return False  # a secret's name (`secretKey: api-token`), a store's path ("database/creds/ro")
    if bare and value.isalpha() and value.islower() and _a_word(value):
        return False  # "password authentication failed", "token expired", "Passwort zurücksetzen"
    if value[-1] in ".!?:)" and value.rstrip(".!?:)").isalpha():
        value = value.rstrip(".!?:)")  # "password expired." is a word and a full stop
    has_digit = any(c.isdigit() for c in value)
    has_other = any(not c.isalnum() for c in value)
    return has_digit or has_other or shannon_entropy(value) >= 3.0 or len(value) >= 16


# what a form or a window says is done to a password, in the languages the word lists lack
_PASSWORD_ACTIONS = word_set(
    "zurücksetzen vergessen ändern réinitialiser oublié modifier restablecer olvidada olvidado cambiar "
    "reimpostare dimenticata redefinir esqueceu alterar wijzigen vergeten herstellen återställ återställa "
    "glömt ändra nulstil glemt tilbakestill zresetuj resetuj zapomniane obnovit zapomenuté sıfırla unuttum"
)


def _a_word(value: str) -> bool:
    """A word of a language the lexicon lists, or a password's action (`_PASSWORD_ACTIONS`)."""
    lex = lexicon()
    return lex.is_word(value) or bool(lex.tags.get(value) & LANG_BITS) or value in _PASSWORD_ACTIONS


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


def id_or_path(text: str, m: re.Match[str]) -> bool:
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


def code_value(m: re.Match[str]) -> bool:
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
    # TypeScript's non-null mark: `process.env.STRIPE_SECRET_KEY!`; a call's closing: `(api_key=self.API_KEY)`
    ref = value.rstrip(")]}").removesuffix("!")
    if _REFERENCE.fullmatch(ref) and ref.split(".", 1)[0].lower() in CODE_ROOTS:
        return True
    if not _SPACED.search(m.string, m.start(), m.start(1)):
        return False
    if _REFERENCE.fullmatch(value):  # `let password = passwordField.text`: a member of words read
        return all(identifier_of_words(p, 1) for p in value.split("."))
    return _IDENTIFIER.fullmatch(value) is not None and identifier_of_words(value)


# an Amazon resource name up to its resource: `arn:aws:secretsmanager:eu-west-1:1234:secret:`
ARN_HEAD = re.compile(r"arn:aws[\w-]*:[\w-]+:[\w-]*:\d*:[\w-]*$")


def variable_read(text: str, key: int) -> bool:
    """The key at `key` ends the name of a variable that is read, not set: `$CI_PASS`, `%TOKEN%`,
    `${DB_PASSWORD}`."""
    name = _NAME_BEFORE.search(text, max(0, key - 64), key)
    start = name.start() if name else key
    return start > 0 and text[start - 1] in "${%"


def command_password(match: str, value: str) -> bool:
    """A command's password is one whatever it looks like ("hunter", short words too), unless it
    is a placeholder (`$PASS`, `<password>`) or a uid:gid (`docker run -u 1000:1000`)."""
    if value.startswith(("[", "<", "{", "$", "%", "*")) or marked_unreal(value):
        return False  # (or marked as no real one: `redis-cli -a changeme`)
    return not (value.isdigit() and match.split(None, 1)[-1].lstrip("= ").split(":")[0].isdigit())
