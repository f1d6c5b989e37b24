"""Model spans too bare to be what the model calls them (`too_bare`): a secret shorter than
`MIN_SECRET` or of one class of characters, a login that is a variable, a decorator, a package, a
file's name or a colour, an address without a letter, an account id in a text of no word."""

from __future__ import annotations

import re

from ._base import grown
from ._code_names import (
    annotation,
    code_name,
    digest_at,
    placeholder,
    placeholder_name,
    platform,
    variable,
)
from ._code_shapes import (
    code_secret,
    id_value_at,
    markup_name_at,
    resource_name,
)
from ._login_shapes import no_login
from ._model_words import (
    CODE_IN_SPAN,
    bare_word,
    emphasised_words,
    noun_of_text,
    place_or_word,
)
from ._number_shapes import (
    HOST_PORT_BEFORE,
    file_modes,
)
from ._secret_lookalikes import (
    in_braces,
    lookalike,
    templated,
    word_made,
)
from .username import INTEGRATION

_LETTER = re.compile(r"[^\W\d_]")
# a currency's sign or code: "1,234,567.89 EUR" is an amount, not a house number and a street
_CURRENCY = re.compile(r"[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|BRL|MXN|INR)\b")
_PINNED_AFTER = re.compile(r"@[v^~]?\d+(?:\.\d+)+")
_DECORATOR = re.compile(r"@[a-z][A-Za-z0-9]*(?:\(|$)", re.M)
_NPM_PACKAGE = re.compile(r"@[a-z0-9][\w.-]*/[a-z0-9][\w.-]*")
_CAPITALS_ONLY = re.compile(r"[A-Z][A-Z \t]*|[A-Z]{2,}(?:-[A-Z]{2,})+")  # (and "WPA-PSK")
# a file's extension right after a name (the common ones of code, documents, data and images)
_FILE_EXTENSION = re.compile(
    r"\.(?:ipynb|py|js|ts|tsx|jsx|java|go|rs|rb|php|cpp|cs|swift|kt|sh|sql|md|txt|csv|tsv|json|ya?ml|"
    r"toml|xml|html?|css|pdf|docx?|xlsx?|pptx?|odt|ods|png|jpe?g|gif|svg|zip|tar|gz|log|ini|cfg|conf)\b"
)
# a colour of CSS or a design tool: "#" and 3, 4, 6 or 8 hex digits, a digit among them
_COLOUR = re.compile(r"#(?=[a-fA-F]*\d)(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
# a variable of Perl, PHP or a shell in lower case, its sigil included (`$self`, `$user`)
_SIGIL_VARIABLE = re.compile(r"\$[a-z_][a-z0-9_]*")
# a reverse domain name that names a package or an app: a top-level domain, then two or more parts
# (`org.jetbrains.kotlinx`, `com.example.app`); a login has no top-level domain first
_REVERSE_DOMAIN = re.compile(r"(?:org|com|net|io|dev|edu|gov|app|co)(?:\.[a-z][a-z0-9_-]*){2,}")


def _sigil_variable(text: str, start: int, end: int) -> bool:
    """The span is a lower-case variable with its sigil, or one without the sigil before it."""
    return any(_SIGIL_VARIABLE.fullmatch(text, s, end) for s in (start, max(0, start - 1)))


def _reverse_domain(text: str, start: int, end: int) -> bool:
    """The span lies in a reverse domain name of lower-case parts (`_REVERSE_DOMAIN`)."""
    s, e = grown(text, start, end, "._-")
    while e > end and text[e - 1] == ".":  # a sentence's full stop
        e -= 1
    return _REVERSE_DOMAIN.fullmatch(text, s, e) is not None


# A secret the model finds with fewer characters than this is a short code typed alone ("w0x") or a
# word of code ("state", "status"), not a password: such spans that no rule also found were right 5
# times in 55 on the labelled sets; the secrets rule keeps short ones after a cue ("password: abc1").
MIN_SECRET = 8


def too_bare(kind: str, text: str, start: int, end: int) -> bool:
    """A grown model span too bare to be what the model calls it: a street address without a
    letter (a number alone: the "42" of "Mixed CASE 42!"; its street and box words were taken
    back by `_lead`), a secret shorter than `MIN_SECRET`, an account id in a text without a
    letter ("730215" typed alone: a one-time code, an amount; the model has no word to go by), a
    user name or secret that is a variable's name, a platform's, a name in code (`_code_names`) or
    file modes ("drwxr-xr-x")."""
    if kind in ("USERNAME", "SECRET") and (
        variable(text, start, end)
        or platform(text, start, end)
        or file_modes(text, start, end)
        or code_name(kind, text, start, end)
        or code_secret(text, start, end)
    ):
        return True
    if kind == "USERNAME" and text[start - 1 : start] == "." and text[start - 2 : start - 1] in ("/", ""):
        return True  # a dot-directory of a path ("$HOME/.local/bin"), not a user's name
    if kind in ("USERNAME", "SECRET", "PERSON") and resource_name(text, start, end):
        return True  # `name: payments-db` in a manifest: a resource's name
    if kind in ("USERNAME", "SECRET") and noun_of_text(text, start, end):
        return True  # "Krankenkasse", "Leitungswasser": a capitalised word of the text's language
    if kind == "USERNAME" and (templated(text, start, end) or in_braces(text, start) or text[start] == "{"):
        return True  # `$(ARM_CLIENT_ID)`, `{{#is_alert}}`, `{{resolve:secretsmanager:…:master:…}}`
    if kind == "USERNAME" and _PINNED_AFTER.match(text, end):
        return True  # `npm/tachyonic@4.2.1`: a package at its version
    if kind == "USERNAME" and ("('" in text[start:end] or '("' in text[start:end]):
        return True  # `smtp.login('alerts@…`: a call and its argument, no login
    if kind == "USERNAME" and text.startswith("nonce-", start):
        return True  # a CSP's per-response nonce ("'nonce-rAnd0m…'")
    if kind == "ACCOUNT_ID" and HOST_PORT_BEFORE.search(text, max(0, start - 64), start):
        return True  # "wg.hq.example.net:51820": a host's port
    if kind == "USERNAME" and INTEGRATION.match(text, start - (text[start - 1 : start] == "@")):
        return True  # Datadog's `@pagerduty-auth-oncall`: an integration notified
    if kind == "USERNAME" and _DECORATOR.match(text, start):
        return True  # Bicep's and TypeScript's `@minLength(16)`, `@description(`
    if kind == "USERNAME" and no_login(text, start, end):
        return True  # words with no login's cue ("anyone know"), a manifest's resource name
    if kind == "USERNAME" and text[start - 1 : start] == "@" and annotation(text, start - 1, end):
        return True  # `@Test` without its "@"
    if kind in ("USERNAME", "SECRET") and text[start : start + 1] == "@" and annotation(text, start, end):
        return True  # `@dataclass`, `@Override`
    if kind in ("USERNAME", "SECRET") and _FILE_EXTENSION.match(text, end):
        return True  # `model_eval_v3.ipynb`, `protoc-25.1-linux-x86_64.zip`: a file's name
    if kind == "USERNAME" and _COLOUR.fullmatch(text, start, end):
        return True  # `border-color: #0a58ca`: a colour, as a handle has no hex digits alone
    if kind == "USERNAME" and (_sigil_variable(text, start, end) or _reverse_domain(text, start, end)):
        return True  # Perl's and PHP's `$self`; `org.jetbrains.kotlinx`, a package's name
    if kind == "USERNAME" and text[start:end].lower() in ("arn", "urn") and text[end : end + 1] == ":":
        return True  # "user: arn:aws:eks:…": a resource's name, what kubeconfig calls a user
    if kind == "USERNAME" and _NPM_PACKAGE.fullmatch(text, *grown(text, start, end, "@/._-")):
        return True  # `from '@skyline/weather'`: a scoped package
    if kind in ("USERNAME", "SECRET") and emphasised_words(text, start, end):
        return True  # "**Glossary**", "Paste your **public** key", "*Key ID (kid)*": Markdown's emphasis
    if kind == "USERNAME" and text[start : start + 1] == "$" and text[start + 1 : start + 2].isdigit():
        return True  # "$2,380": an amount
    if kind == "USERNAME" and text.startswith("role/", start):
        return True  # `arn:aws:iam::…:role/ReadOnly`: a role's name
    if kind == "USERNAME" and text[start:end] == "git" and text[end : end + 1] == "@":
        return True  # `git@github.com:org/repo`: a forge's login for every user
    if kind == "STREET_ADDRESS":
        return not _LETTER.search(_CURRENCY.sub("", text[start:end]))
    if kind == "SECRET":  # (one class of characters, capitals: an acronym, a heading, or a column
        # of digits that OCR read as letters, "NWNNWNHN DON FW W" of `ls -la`; the secrets rule
        # wants three classes too)
        before_host = text.find("@", start, end)  # `USER:PASSWORD@localhost`: the value is before it
        word = text[start:end]
        return (
            end - start < MIN_SECRET
            or _CAPITALS_ONLY.fullmatch(text, start, end) is not None
            or CODE_IN_SPAN.search(word) is not None
            or (word.isalpha() and place_or_word(word))  # "Lisbon" of `&query=Lisbon`
            or bare_word(text, start, end)  # "workstation", "conditional" on a line of no credential
            or id_value_at(text, start)  # `x-amz-id-2: …`, `"id": "db-…"`: an id, no credential
            or markup_name_at(text, start)  # `<input name="new_password1"`, `getItem('i18nextLng')`
            or (before_host > start and placeholder_name(text[start:before_host]))
            or placeholder(text[start:end])  # `ghp_XXXX…`, `your-api-key-here`
            or digest_at(text, start)  # `sha512-…` of a lockfile, `h1:…` of go.sum
            or lookalike(text, start, end)  # "xxxx9f1c", `$(SqlAdminPassword)`, base64 of JSON
            or word_made(text, start, end)  # "firebaseConfig", "gw-warehouse-11" on a line of no credential
        )
    if kind == "ACCOUNT_ID":  # digits with no word anywhere: a quantity, a code, a cell as likely
        return not _LETTER.search(text)
    return False
