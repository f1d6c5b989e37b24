"""Shapes of code, config and logs that the model (and the name rule) may take for a secret, a
login or a person, each one what a program is written with, not a value someone typed:

- a call of a dotted or underscored function (`hashlib.sha256(`, `password_hash($_POST`);
- a regular expression (`(?=.*[!@#$%^&*])`, `(?=\\S+$)`: a password policy);
- a constant's or a setting's name (`!STRIPE_WEBHOOK_SECRET`, `PASSWORD_ARGON2ID`,
  `secrets.SLACK_WEBHOOK_URL`, `(sensitive`);
- the bytes of an image in base64 (`iVBORw0KGgo…`, `data:image/gif;base64,R0lGOD…`);
- a public key's parts (`"n"` and `"e"` of a JWK; `ssh-ed25519 AAAA…` from its type on);
- an image's digest (`nginx@sha256:…`);
- a value already masked (`*****`, `**:**@rabbitmq`);
- a person's "name" with an underscore (`DB_PASSWORD`), in CamelCase (`LoginViewModel`) or with
  parts in capitals beside parts that are not (`X-API-Key`).

A secret can hold any character, so each shape asks for more than one sign of code: a call needs
a dotted or underscored name before its bracket ("Summer(2024)!" stays a password)."""

from __future__ import annotations

import re

from ._code_names import CODE_ROOTS, identifier_of_words, public_key_at
from .lexicon import lexicon

# a call of a function whose name is dotted or underscored: `pbkdf2_hmac(`, `hashlib.sha256(`
_CALL = re.compile(r"[A-Za-z](?=[\w.]*?[._][A-Za-z0-9])(?:\w|\.(?=[A-Za-z0-9]))*+\(")  # (linear)
_SUPERGLOBAL = re.compile(r"\$_(?:POST|GET|REQUEST|SERVER|COOKIE|SESSION|ENV|FILES)\b")
# a regular expression's pieces: a lookaround, "any characters then a class", an escaped class
_REGEX = re.compile(r"\(\?[=!<:]|\.\*\[|\\[SdwsDWb][+*?{)]|\]\.\{\d")
# a name that is negated or opens a bracket: `!STRIPE_WEBHOOK_SECRET`, `(sensitive`, `(defaults`
_NEGATED_OR_OPENED = re.compile(r"[!(][A-Za-z_]\w*")
# a constant of two words or more in capitals: `PASSWORD_ARGON2ID`, `GIT_SHA`, `DB_PASSWORD`
_CONSTANT = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_REFERENCE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
# base64 that opens an image: PNG, GIF, JPEG, WebP, SVG
_IMAGE_BASE64 = re.compile(r"iVBORw0KGgo|R0lGOD|/9j/|UklGR|PHN2Zy")
_BASE64_CHAR = re.compile(r"[A-Za-z0-9+/=]")
_DATA_URL = re.compile(r"base64,[A-Za-z0-9+/=]*$")
# an ssh public key from its type on, the type cut anywhere ("ed25519 AAAAC3Nz…")
_SSH_KEY_TYPE = re.compile(r"(?:ssh-)?(?:rsa|dss|ed25519|ed448)[ \t]+AAAA|ecdsa-sha2-nistp\d+[ \t]+AAAA")
# an image's digest, an action pinned to a commit
_DIGEST = re.compile(r"@(?:sha(?:256|512):|[0-9a-f]{40}\b)")
_VERSION = re.compile(r"v\d+(?:(?:alpha|beta)\d*)?")
_MASK = re.compile(r"[*•]{3,}")
_MASKED_LOGIN = re.compile(r"/*[*•]+(?::[*•]*)?(?:@\S*)?")
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z][a-z]*")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|O['’]|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z]")


def _token(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of base64 characters around the span."""
    while start > 0 and _BASE64_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _BASE64_CHAR.match(text[end]):
        end += 1
    return start, end


def image_data(text: str, start: int, end: int) -> bool:
    """The span lies in an image's bytes in base64 (`_IMAGE_BASE64`), or in a data URL's head and
    bytes ("base64,iVBOR…")."""
    if end - start < 16 and "base64," not in text:
        return False  # (cheap first: image bytes run long, or follow a data URL's head)
    lo, hi = _token(text, start, end)
    if hi - lo < 16 and "base64," not in text:
        return False
    head = text.find("base64,", lo, hi)
    if head >= 0:  # the span took the data URL's head in: its bytes follow
        lo = head + 7
    elif text[lo:hi].endswith("base64") and text[hi : hi + 1] == ",":
        lo, hi = _token(text, hi + 1, hi + 1)
    return (
        _IMAGE_BASE64.match(text, lo, hi) is not None
        or _DATA_URL.search(text, max(0, lo - 40), lo) is not None
    )


def key_text(text: str) -> bool:
    """`text` can hold a public key (a JWK, an ssh key, a PEM block): checked before the search."""
    return "kty" in text or "ssh-" in text or "ecdsa-" in text or "-----BEGIN" in text


# what follows a name in code and never a person's: a member or a call (`Sys.getenv(`), a path
# (`Sha256::digest`, PHP's namespace `Auth\PasswordController`), digits joined by a hyphen or
# glued ("SHA-256", "Sha256")
_DIGIT_BEFORE_DOT = re.compile(r"(?<![\w.])[A-Za-z]*\d\w*\.$")
_CODE_AFTER = re.compile(r"\.[A-Za-z_]\w*\(|::|-?\d|\\[A-Z][a-z]+[A-Z]\w*")
# a cipher's, a hash's or a signature's name with its size or version ("AES256", "HS256", "Pkcs1",
# `sha256sum`), no key
ALGORITHM = re.compile(
    r"(?i:(?:aes|sha|hs|rs|es|ps)[-_]?(?:128|192|224|256|384|512|1)|(?:rsa|des|3des)(?:[-_]?\d{3,4})?|md5"
    r"|pkcs[-_]?(?:1|5|7|8|11|12)|ed(?:25519|448)|crc(?:16|32|64)|hmac)(?i:sum)?"
)
_MACRO = re.compile(r"[a-z_]+!")  # Rust's `format!`, `println!`: letters and "!" alone (not "Pennine2024!")
_FIELD_DECLARATION = re.compile(r"\w+[ \t]+(?:string|int|int64|int32|bool|float64|error|\[\]byte|any)")
_IDENTIFIER_SHAPE = re.compile(r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)+|[a-z]+(?:_[a-z]+)+")


def code_secret(text: str, start: int, end: int) -> bool:
    """The model's secret or login at `text[start:end]` is one of the module's shapes of code: a
    call, a regex, a constant, a reference from a settings root, an image's or a public key's
    base64, a digest, a version, a masked value, an algorithm's name, an identifier of words
    (`MinPasswordLength`, `ErrPasswordTooShort`, `CronJob`)."""
    span = text[start:end]
    if _CALL.search(span) or _SUPERGLOBAL.search(span) or _REGEX.search(span):
        return True
    if _FIELD_DECLARATION.fullmatch(span) or text[end : end + 2] == "!(" or _MACRO.fullmatch(span):
        return True  # Go's `Password string`, Rust's `format!(`
    lo, hi = _token(text, start, end)
    token = text[lo:hi].strip(".,;:'\"`()[]{}")
    if ALGORITHM.fullmatch(token) or any(ALGORITHM.fullmatch(p) for p in token.split(".")):
        return True  # "AES256", "HS256", `helm.sha256sum`
    if _IDENTIFIER_SHAPE.fullmatch(token) and identifier_of_words(token):
        return True
    if _NEGATED_OR_OPENED.fullmatch(span) or _CONSTANT.fullmatch(span.lstrip("!")):
        return True
    ref = span.removesuffix("!")  # TypeScript's non-null mark: `process.env.STRIPE_SECRET_KEY!`
    if _REFERENCE.fullmatch(ref) and ref.split(".", 1)[0].lower() in CODE_ROOTS:
        return True  # `${{ secrets.SLACK_WEBHOOK_URL }}`, `process.env.TOKEN`
    if image_data(text, start, end):
        return True
    if key_text(text):
        lo, _ = _token(text, start, end)
        if public_key_at(text, lo) or _SSH_KEY_TYPE.match(text, _word_start(text, start)):
            return True  # a JWK's "n", `ssh-ed25519 AAAAC3Nz… deploy`: a public key from its type on
    if _DIGEST.search(text, start, min(len(text), end + 1)) or _VERSION.fullmatch(span):
        return True  # `nginx@sha256:…`; `apiVersion: v1`
    if _MASKED_LOGIN.fullmatch(span):
        return True  # `amqp://**:**@broker`: a login already masked
    masked = sum(len(m.group()) for m in _MASK.finditer(span))
    return masked > 0 and 2 * masked >= len(span.replace(" ", ""))


def _word_start(text: str, i: int) -> int:
    """Where the word around `i` starts: after a blank, a quote, a bracket, "=" or ":"."""
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "\"'`(=:":
        i -= 1
    return i


# a key or an attribute: "=" glued to the word and a value after it (`lang="en"`, `user=svc`)
_ATTRIBUTE_AFTER = re.compile(r"=[\"'\w]")
# a package as a dependency's update names it ("bump jose from 5.2.3 to 5.2.4", "upgrade ava to 6")
_BUMP_BEFORE = re.compile(r"(?i:\b(?:bump(?:s|ed)?|upgrade[sd]?|downgrade[sd]?|pin(?:s|ned)?))[ \t]+$")
_VERSION_AFTER = re.compile(r"[ \t]+(?:from|to)[ \t]+v?\d")
# the folders of a personal path: the word after them is a login, not a package
_HOME_FOLDER = re.compile(r"(?i:/(?:home|users|user|u|profiles?|people|~))/$")
_SEGMENT_END = re.compile(r"[/\"'`]|-\d|$")  # a path's next "/", its quote, a version's "-5.2.4"


def package_name(text: str, start: int, end: int) -> bool:
    """`text[start:end]` names a package: a path's segment ("node_modules/jose", a registry's
    `/jose/-/jose-5.2.4.tgz`; not "/home/jose/", a login) or what a dependency's update bumps."""
    if text[start - 1 : start] == "/" and not _HOME_FOLDER.search(text, max(0, start - 12), start):
        return _SEGMENT_END.match(text, end) is not None
    return bool(_BUMP_BEFORE.search(text, max(0, start - 16), start) and _VERSION_AFTER.match(text, end))


# a time zone's region before its city ("Europe/Madrid", "America/Sao_Paulo"), or the region itself
ZONE_REGION = r"(?:Europe|America|Asia|Africa|Australia|Pacific|Atlantic|Indian|Antarctica|Etc)"
_ZONE_BEFORE = re.compile(ZONE_REGION + r"/(?:[A-Za-z_]+/)?[A-Za-z_]*$")
_ZONE_ITSELF = re.compile(ZONE_REGION + r"(?=/[A-Z])")
# a variable given a value or a function called: "conn = psycopg2.connect(", "soma = sum("
_ASSIGNED_OR_CALLED = re.compile(r"[ \t]*=(?!=)|\(")


def code_person(text: str, start: int, end: int) -> bool:
    """A "person" that is a name in code: a time zone's city or region ("Europe/Madrid"), a variable in
    lower case given a value or called (`conn = …`); a pattern's letters
    (`r"AKIA[0-9A-Z]{16}"`); it lies in a constant or a snake_case name (`DB_PASSWORD`; not a
    file's "Lena_Hoffmann"); a word of it has a capital inside after a small letter that opens
    no name (`LoginViewModel`, `DbConfig`; not "McDonald", "DeVries", "JoAnn"); its hyphenated
    parts are capitalised words, none a name (an HTTP header: `X-Request-Id`; not "Smith-Jones",
    "Soekhlal-Jagroep"), or mix capitals with other parts (`X-API-Key`; not "MARIE-CLAIRE",
    "Tjon-A-Fong")."""
    span = text[start:end]
    if text[start - 1 : start] == '"' and text[end : end + 2] == '":':
        return True  # a JSON object's key, quoted before its colon: an IAM policy's `"Sid":`
    if "/" in text[max(0, start - 40) : end + 1]:
        zone = _ZONE_ITSELF.match(text, start)
        if _ZONE_BEFORE.search(text, max(0, start - 40), start) or (zone is not None and zone.end() == end):
            return True  # "Europe/Madrid": a time zone's city, not a person
    if span.islower() and span.isalpha() and _ASSIGNED_OR_CALLED.match(text, end):
        return True  # `conn = psycopg2.connect(`: a variable's name
    if text[end : end + 1] in ("[", "{") or _CODE_AFTER.match(text, end):
        return True  # a name is not followed so: `Sys.getenv(`, `Sha256::digest`, "SHA-256"
    if _ATTRIBUTE_AFTER.match(text, end) or (span.islower() and package_name(text, start, end)):
        return True  # `<html lang="en">`; "node_modules/jose", "bump jose from 5.2.3 to 5.2.4"
    if text[start - 1 : start] == "." and _DIGIT_BEFORE_DOT.search(text, max(0, start - 24), start):
        return True  # the part after a dot in a token with a digit: `t4g.nano` ("rui.santos" is a login)
    near = text[max(0, start - 1) : end + 1]
    if "_" not in near and "-" not in span and not _INNER_CAPITAL.search(span):
        return False  # (most names: no sign of code at all)
    if "_" in near:
        lo, hi = start, end
        while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
            lo -= 1
        while hi < len(text) and (text[hi].isalnum() or text[hi] == "_"):
            hi += 1
        token = text[lo:hi]  # a constant or snake_case; not a file's "Lena_Hoffmann"
        if _CONSTANT.fullmatch(token) or token.islower():
            return True
    lex = lexicon()
    for word in span.split():
        inner = _INNER_CAPITAL.findall(word)
        if inner and not _NAME_PREFIX.match(word) and (len(inner) > 1 or not lex.is_name(inner[0].lower())):
            return True  # ("LocalStack" stays: "DrizzleKing" is a wiki user's handle)
        parts = [p for p in word.split("-") if p]
        single = [i for i, p in enumerate(parts) if len(p) == 1]
        if (
            len(parts) > 1
            and single in ([], [0])  # "Tjon-A-Fong" is a name
            and all(p[:1].isupper() for p in parts)
            and not any(lex.is_name(p.lower()) for p in parts)
            and all(lex.is_word(p.lower()) for p in parts if len(p) > 1)  # "Soekhlal-Jagroep" is a name
        ):
            return True  # an HTTP header's name: `X-Request-Id`, `Content-Type` (no part a name)
        if (
            len(parts) > 2
            and all(p[:1].isupper() for p in parts)
            and lex.is_word(parts[0].lower())
            and not lex.is_name(parts[0].lower())
            and sum(lex.is_name(p.lower()) for p in parts) <= 1
        ):
            return True  # `Access-Control-Max-Age`: a header of three words or more, one a name
        if len(parts) > 1:
            caps = [p.isupper() and len(p) > 1 for p in parts if len(p) > 1]  # "Tjon-A-Fong"
            if any(caps) and not all(caps):
                return True
    return False


# a YAML or config key before a value alone on its line ("  name: payments-db", "- name: uploader")
_KEY_BEFORE = re.compile(r"^[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z][\w.-]*)[ \t]*[:=][ \t]*[\"']?$", re.M)
_SLUG_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")
# the ends of a key's name that say its value names a thing (`clusterName`, `SlurmctldHost`,
# `ComputerName`, `primary_node`)
_RESOURCE_ENDS = ("name", "host", "hostname", "server", "node")
# the keys whose value names a resource in a manifest or a config (`name`, `secretName`,
# `namespace`: a key ending in "name" is one too)
_RESOURCE_KEYS = frozenset(
    (
        *("namespace", "app", "service", "container", "image", "volume", "release", "job", "bucket"),
        *("cluster", "deployment", "target", "queue", "topic", "table", "database", "db", "host", "server"),
        *("instance", "project", "environment", "env", "stage", "task", "role", "policy", "group", "repo"),
        *("repository", "branch", "secret", "configmap", "component", "workflow", "step", "id", "key"),
    )
)
# the words of the keys whose value is a person's or a login's ("user: jdoe", "author: ana")
_PERSON_KEYS = (
    *("user", "login", "owner", "author", "assignee", "reporter", "maintainer", "contact", "account"),
    *("surname", "firstname", "lastname", "givenname", "fullname", "middlename", "nickname", "maiden"),
)


def resource_name(text: str, start: int, end: int) -> bool:
    """The span is an identifier alone as a YAML or config key's value (`name: payments-db`, `- name:
    uploader`, `secretName: ledger-creds`, `SlurmctldHost=slurmctl01`, `ComputerName : LAB-WS-017`):
    a resource's name, unless the key names a person or a login, or the value is a listed name
    ("name: maria")."""
    line = text.rfind("\n", 0, start) + 1
    key = _KEY_BEFORE.match(text, line, start)
    if key is None:
        return False
    low = key.group("key").lower().replace("_", "").replace("-", "")
    if any(k in low for k in _PERSON_KEYS) or not (low in _RESOURCE_KEYS or low.endswith(_RESOURCE_ENDS)):
        return False  # (a login's key, within it too: `DB_USER`, `adminUser`; a form's label of
        # another language: "Användarnamn:", "Usuario:")
    hi = end
    while hi < len(text) and (text[hi].isalnum() or text[hi] in "-_."):
        hi += 1
    if not _SLUG_VALUE.fullmatch(text, start, hi) or text[hi:].split("\n", 1)[0].strip(" \t\"'"):
        return False
    value = text[start:hi]
    if not value.islower() and not any(c.isdigit() or c in "-_." for c in value):
        return False  # "Surname: IBEKWE", "Given names: Chukwuemeka": a person's, in capitals
    lex = lexicon()
    return not all(lex.is_name(p) for p in re.split(r"[-_.]", value) if p)


# a key whose value identifies or checks something and is no credential: `"id": …`,
# `x-amz-id-2:`, `etag`, `checksum = …` (not a hash: `bcrypt_hash` holds a password's)
_ID_KEY = re.compile(
    r"(?<![\w-])(?P<key>[\w.-]*(?:\bid|[-_]id(?:-\d)?|(?-i:[a-z]Id)|etag|checksum|fingerprint|version[-_]id))"
    r"[\"']?[ \t]*[:=][ \t]*[\"']?$",
    re.IGNORECASE,
)
# an id that scanners and labellers take for the key's own: `aws_access_key_id`, GCP's `private_key_id`
_HELD_KEY = re.compile(r"(?i:access|private|secret)")
# a key's or a token's id ("key_id", "keyId", "kid", "jti"; not the held keys' above)
_KEY_ID_NAME = re.compile(r"(?i:[\w.-]*key[-_]?id|kid|jti)")
_KEY_ID = re.compile(rf"(?<![\w-])(?P<key>{_KEY_ID_NAME.pattern})[\"']?[ \t]*[:=][ \t]*[\"']?$")
# the words of a key that names a credential, an id among them (`aws_access_key_id`, `client_id`
# beside its secret, `gs_access_key_id`, `sid`, `session_id`): its value is masked
_CREDENTIAL_KEY = re.compile(r"(?i:key|access|secret|token|pass|auth|client|api|session|sid|account)")


# a form field's or an element's name in markup (`<input name="new_password1"`, `id="pw"`) and a
# storage key or a selector a script reads (`localStorage.getItem('i18nextLng')`): names, no values
_MARKUP_NAME = re.compile(
    r"(?:\b(?:name|id|for|autocomplete|class|data-[\w-]+)=|"
    r"\b(?:getItem|setItem|removeItem|getElementById|querySelector|getCookie|getenv)\([ \t]*)[\"']$"
)


def markup_name_at(text: str, start: int) -> bool:
    """`start` opens a markup attribute's or a storage key's name (`_MARKUP_NAME`)."""
    return _MARKUP_NAME.search(text, max(0, start - 24), start) is not None


def id_value_at(text: str, start: int) -> bool:
    """`start` opens the value of a key that names an id or a checksum on its line (`_ID_KEY`)."""
    line = text.rfind("\n", 0, start) + 1
    key = _ID_KEY.search(text, max(line, start - 64), start) or _KEY_ID.search(
        text, max(line, start - 64), start
    )
    if key is None:
        return False
    name = key.group("key")
    if _KEY_ID_NAME.fullmatch(name) and not _HELD_KEY.search(name):
        return True  # a key's id, a token's id (`"key_id": "ak_01HEXQ…"`, `kid`, `jti`): named, not held
    return not _CREDENTIAL_KEY.search(name)
