"""Names in code that the model may take for a user name or a secret: a variable that is read
(`$CI_USER`, `${TOKEN}`, `%PASSWORD%`), a platform or encoding name (`x86_64`, `utf-8`), a module
given to a loader (`require('stripe')`), and the names a program is made of: a function or class
called (`getpass.getpass(`, `AuthError(`), an attribute path to a class (`forms.PasswordInput`),
a variable named in words (`raw_password`, `pwdHash`). None of these is a value a person typed;
the values themselves stay the model's and the rules' (`password = "hunter2"`, `-pS3cret`)."""

from __future__ import annotations

import functools
import re

from .lexicon import NOT_NAMES, lexicon, plain_word, word_set

# upper case, or in braces or percent signs: "$unshine2024" may be a password, "$CI_PASS" is a name
_VARIABLE = re.compile(r"\$[A-Z_][A-Z0-9_]*|\$\{[A-Za-z_]\w*\}|%[A-Za-z_]\w*%")


def variable(text: str, start: int, end: int) -> bool:
    """The span is the name of a shell or template variable (`$CI_USER`, `${TOKEN}`, `%PASSWORD%`):
    a placeholder for the value, not the value."""
    if start > 0 and text[start - 1] in "${%":
        start -= 2 if text[start - 1] == "{" and start > 1 and text[start - 2] == "$" else 1
    return any(_VARIABLE.fullmatch(text, start, e) for e in (end, end + 1))


# platform and encoding names that look random to the model ("x86_64" typed alone read as a secret)
_PLATFORMS = word_set(
    "x86_64 x86-64 amd64 aarch64 arm64 armhf armel armv7l armv6l i386 i686 ppc64le s390x riscv64 win32 "
    "win64 utf-8 utf8 utf-16 latin-1 iso-8859-1 cp1252 sha256 sha512 md5 base64"
)
# the quoted argument of a module loader: `require('stripe')`, `import("lodash")`, a package name
_MODULE_BEFORE = re.compile(r"(?:\brequire|\bimport|\bimportlib\.import_module|\b__import__)\(\s*['\"`]$")


def platform(text: str, start: int, end: int) -> bool:
    """A platform or encoding name (`_PLATFORMS`), or the module a loader is given."""
    return text[start:end].lower() in _PLATFORMS or bool(
        _MODULE_BEFORE.search(text, max(0, start - 40), start) and text[end : end + 1] in ("'", '"', "`")
    )


# the roots of attribute paths where programs keep settings and requests: `process.env.X`,
# `var.db_password`, `req.cookies.session`
CODE_ROOTS = word_set(
    "process env os self this var vars local locals settings config conf cfg secrets params props "
    "ctx context request req res app window options opts args data"
)
# the keywords and type names of common languages: "token string" of Go, "password: str"
_KEYWORDS = word_set(
    "string str int integer bool boolean float double byte bytes rune char void var let const func "
    "def fn null nil none true false any object error dict list tuple number undefined async await "
    "return struct interface enum class static final private public protected"
)
# the names programs give a credential's variable
_CREDENTIAL_NAMES = word_set("password passwd pwd secret token apikey api_key passphrase credentials")
_LOGIN_NAMES = word_set(
    "username user_name user login userid user_id login_name account handle email e_mail mail"
)
# identifier paths joined by a call's or a list's brackets: `PasswordResetView(FormView`
_CODE_TOKENS = re.compile(r"[A-Za-z_][A-Za-z_.]*(?:[(\[,][ \t]*[A-Za-z_][A-Za-z_.]*)+[)\]]?")
# an expression of code with a call's or a subscript's brackets and no digit: `os.Getenv("JWT_KEY")`,
# `hash(&password`, `AuthenticationScheme).AddJwtBearer` (the secrets rule reads a keyword's value
# that opens a call as code too: `_CODE_VALUE`)
# (possessive runs: one way to cut it; with greedy ones a failing match tried every cut, 0.8 s on
# the 40 characters of `mask_secret("sk_live_****…4f2a") == "sk_live_****4f2a"`)
_CODE_EXPRESSION = re.compile(r"(?=.*[()\[\]])[A-Za-z_:.]++(?:[()\[\]&*!,\"' \t]++[A-Za-z_:.]*+)++")
# a template's placeholder: `${jwt.secret}`, `{{ secrets.TOKEN }}`, `#{db.password}`
_PLACEHOLDER = re.compile(r"[$#]\{[\w.:-]*\}?|\{\{[\s\w.]*(?:\}\})?")
# a dependency pinned to a version: `actions/checkout@v4`, `docker/login-action@v3`, `lodash@4.17.21`
_PINNED = re.compile(r"(?:@?[\w.-]+/)*[\w.-]+@v?\d+(?:\.\w+){0,2}")
# accounts of the system, no person's: `chown www-data:www-data`
_SYSTEM_USERS = word_set(
    "www-data nobody nogroup daemon root ec2-user ubuntu postgres nginx apache mysql redis"
)
_IDENTIFIER_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
# the words of an identifier: snake_case, camelCase, PascalCase, ACRONYMS
_IDENTIFIER_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# words of code that the dictionary lacks
_CODE_WORDS = word_set(
    "auth pwd passwd hash hashed hashlib env cfg config conf conn ctx db dir dto err exc init impl "
    "info io json lib msg num obj param params pkg ptr repo req res resp src str sql tmp util utils "
    "val var xml yaml api http https url uri uuid id ids os sys args kwargs cls self jwt oauth"
)


@functools.lru_cache(maxsize=4096)
def _word(word: str) -> bool:
    """A dictionary or code word, a name too ("key", "hash": words of identifiers)."""
    low = word.lower()
    return low in _CODE_WORDS or low in NOT_NAMES or lexicon().is_word(low)


def _plain(word: str) -> bool:
    """A dictionary or code word that is no name."""
    return word.lower() in _CODE_WORDS or plain_word(word)


def _grown_end(text: str, end: int) -> int:
    """`end` moved past the rest of a placeholder's name and its closing brace(s)."""
    while end < len(text) and (text[end].isalnum() or text[end] in "_.:-"):
        end += 1
    while end < len(text) and text[end] == "}":
        end += 1
    return end


def _pinned(text: str, start: int, end: int) -> bool:
    """The span lies in a dependency pinned to a version (`_PINNED`: `actions/setup-python@v5`,
    `jsonwebtoken@9.0.2`; a user at an IPv4 host has four numbers after the "@", not three)."""
    s, e = start, end
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_.-@/"):
        s -= 1
    while e < len(text) and (text[e].isalnum() or text[e] in "_.-@/"):
        e += 1
    return _PINNED.fullmatch(text, s, e) is not None


# a value that stands in for a secret: a filler repeated over most of it (`sk_test_xxxxxxxx`,
# `ghp_XXXX…`, `********`; not "11111111", a weak password), or words that ask for one
# (`your-api-key-here`)
_SAME_RUN = re.compile(r"([xX*#•·●∙._0-])\1{7,}")  # (a masked field's dots: "●●●●…")
_PLACEHOLDER_WORDS = word_set(
    "your here example placeholder dummy sample fake changeme redacted replace insert test mock"
)
# a number that is a part of its own between separators ("your-256-bit-secret", "key_000000"), not
# digits glued to letters as a random token's are ("sk_test_4eC39Hq…")
_NUMBER_PART = re.compile(r"(?:(?<=[-_. ])|^)\d+(?=[-_. ]|$)")
# a value cut short ("sk-ant-..."), "CHANGE_ME" (not AWS's documented "AKIAIOSFODNN7EXAMPLE":
# three blind sets wrote it as a live key, and a test may plant it: it stays masked)
# (or a prefix and a wildcard: "xoxb-*"; or a value a tool or a writer blanked: "**REDACTED**",
# "[MASKED]", "<hidden>")
_EXAMPLE_VALUE = re.compile(
    r"(?:\.\.\.|…)$|^[A-Za-z]{2,8}[-_]\*+$|(?i:change[-_]?me)"
    r"|^[*\[<({]*(?i:redacted|masked|hidden|removed|omitted|scrubbed|filtered)[*\]>)}]*$"
)
_VALUE_WORD = re.compile(r"[^\W\d_]+")
_NOT_REAL = re.compile(r"(?i:not[-_ ]?(?:a[-_ ]?)?real)")


def _example_marked(value: str) -> bool:
    """A value cut short, "CHANGE_ME", a prefix and a wildcard (`_EXAMPLE_VALUE`), or one in angle
    brackets ("<password>")."""
    return _EXAMPLE_VALUE.search(value) is not None or (value.startswith("<") and value.endswith(">"))


def marked_unreal(value: str) -> bool:
    """`value` says it stands in for a value: "not-a-real-password", "<user>", "CHANGE_ME", "sk-…"
    (`placeholder`'s marks, not its words: "sunrise_test" is a test's real login)."""
    return _NOT_REAL.search(value) is not None or _example_marked(value)


def placeholder(value: str) -> bool:
    """`value` holds no secret but stands in for one (`_SAME_RUN`, `_PLACEHOLDER_WORDS`,
    `_EXAMPLE_VALUE`): a run of a filler over half of it, a value cut short
    or in angle brackets, or words only (numbers that are parts of their own aside: "your-256-bit-
    secret", "dummy_api_key_000000"), one of them a placeholder's."""
    run = sum(len(m.group()) for m in _SAME_RUN.finditer(value))  # (each run: `…/XXXXXXXXX/XXXX…`)
    if run and 2 * run >= len(value):
        return True
    if _example_marked(value):
        return True  # "sk-ant-...", "CHANGE_ME", "<password>"
    value = _NUMBER_PART.sub("", value)
    if any(c.isdigit() for c in value):
        return False
    if _NOT_REAL.search(value):
        return True  # "not-a-real-token", "notreal"
    words = _VALUE_WORD.findall(value)
    rest = _VALUE_WORD.sub("", value)
    return len(words) > 1 and not rest.strip("-_. ") and any(w.lower() in _PLACEHOLDER_WORDS for w in words)


# the capitalised name of what an example wants in a credential's place (`USER:PASSWORD@host`,
# `DB_PASS`, `API_KEY`): a name, not a value
_PLACEHOLDER_NAME = re.compile(r"[A-Z_]*(?:PASS|PWD|SECRET|TOKEN|KEY)[A-Z_]*")


# a variable read in a value's place: `${PGPASSWORD}`, `$DB_PASS`, `%API_KEY%`, `{{ db_password }}`
_VARIABLE_READ = re.compile(
    r"\$\{[A-Za-z_]\w*(?::?[-=?+][^}]*)?\}|\$[A-Za-z_]\w*(?![\w$])|%[A-Za-z_]\w*%|\{\{[^{}]*\}\}"
)


# what a template asks for in its reader's words: `YOUR_LOGIN`, `your_username`
# "your_api_key", "username_here", "put-your-key-here": a sample's blank to fill
_YOUR_VALUE = re.compile(r"(?i:your)[_-][A-Za-z_]+|[A-Za-z_-]+[_-](?i:here)")


def placeholder_name(value: str) -> bool:
    """`value` is a credential's capitalised name standing in for it (`_PLACEHOLDER_NAME`), a
    variable read in its place (`${PGPASSWORD}`, `%API_KEY%`) or a secret manager's reference to it
    (`_SECRET_REFERENCE`)."""
    return (
        _PLACEHOLDER_NAME.fullmatch(value) is not None
        or _VARIABLE_READ.fullmatch(value) is not None
        or _YOUR_VALUE.fullmatch(value) is not None
        or _SECRET_REFERENCE.fullmatch(value) is not None
    )


# where a secret manager keeps the value, read at run time: Azure Key Vault's, Vault's, AWS's and
# 1Password's references, wpa_supplicant's `ext:` password ("azurekeyvault://kv-prod/openai-key",
# "op://Private/db/password", "psk=ext:HOME_NET_PSK")
_SECRET_REFERENCE = re.compile(
    r"(?:azurekeyvault|keyvault|vault|secretsmanager|secretmanager|ssm|gcpsm|awssm|op|sm|doppler|"
    r"infisical|bws)://\S+|ext:[A-Za-z_]\w*|arn:aws:(?:secretsmanager|ssm):\S+"
)


# a public key's body: inside a PEM block of a public key or a certificate, or after an SSH key
# type ("ssh-ed25519 AAAAC3Nz…"): published, no secret
_PUBLIC_PEM = re.compile(r"-----BEGIN (?:[A-Z0-9 ]+ )?(?:PUBLIC KEY|CERTIFICATE)(?: BLOCK)?-----")
_PEM_EDGE = re.compile(r"-----(?:BEGIN|END) ")
_SSH_KEY_TYPE = re.compile(
    r"(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com)[ \t]+$"
)


# a JWK's public member before its value: `n: '`, `"e": "`
_JWK_PUBLIC = re.compile(r"""["']?\b(?:n|e|x|y)["']?[ \t]*[:=][ \t]*["']?$""")


def variable_at(text: str, start: int) -> bool:
    """A variable read (`${PGPASSWORD}`, `$DB_PASS`) begins at `start`, or at its "$" just before."""
    return any(_VARIABLE_READ.match(text, i) is not None for i in (start, start - 1) if i >= 0)


def public_key_at(text: str, start: int) -> bool:
    """The token at `start` is (part of) a public key: the PEM block around it is a public key's
    or a certificate's, or an SSH key type stands right before it."""
    if _SSH_KEY_TYPE.search(text, max(0, start - 40), start):
        return True
    if _JWK_PUBLIC.search(text, max(0, start - 12), start) and "kty" in text[max(0, start - 400) : start]:
        return True  # a JWK's "n" and "e" (RSA) or "x" and "y" (EC); its "d", "p", "q" are private
    edges = list(_PEM_EDGE.finditer(text, max(0, start - 8000), start))
    return (
        bool(edges)
        and edges[-1].group() == "-----BEGIN "
        and _PUBLIC_PEM.match(text, edges[-1].start()) is not None
    )


# what a line that opens with an annotation or a decorator goes on with: a declaration's modifier
_MODIFIERS = word_set(
    "public private protected internal static final abstract sealed open data inline void fun val var "
    "class interface enum record def async suspend override default synchronized transient"
)
# annotations and decorators of Java, Kotlin, C#, Python, TypeScript that also stand alone on a line
_ANNOTATIONS = word_set(
    "override deprecated suppresswarnings functionalinterface safevarargs test before after beforeeach "
    "aftereach beforeall afterall parameterizedtest disabled mock injectmocks spy autowired inject bean "
    "component service repository controller restcontroller configuration entity table id column "
    "generatedvalue transactional value data getter setter builder slf4j nonnull nullable notnull "
    "jsonproperty jsonignore valid composable preview injectable component input output hostlistener "
    "dataclass property staticmethod classmethod abstractmethod cached_property lru_cache cache wraps "
    "contextmanager overload final total_ordering serializable throws jvmstatic jvmoverloads"
)
_FIELD_ATTRIBUTES = word_set("id unique default relation updatedat ignore echo")
# JSDoc's, Javadoc's, Doxygen's tags at a doc comment's line head
_DOC_TAGS = word_set(
    "param arg argument returns return type typedef template see link example since throws exception author "
    "version callback property prop description default namespace module exports constructor readonly "
    "todo fileoverview license copyright brief"
)
_DOC_HEAD = re.compile(r"(?:^|(?<=\n))[ \t]*(?:/\*\*|\*|///|//!)[ \t]*$")
_LINE_HEAD = re.compile(r"(?:^|(?<=\n))[ \t]*$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


_CAMEL_ALONE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_NEXT_LINE_WORD = re.compile(r"[ \t]*(@|[a-z]+\b)")


def annotation(text: str, start: int, end: int) -> bool:
    """The "@handle" opens its line as code's annotation or decorator does (`@Override`,
    `@dataclass`, `@Autowired private …`): a name of `_ANNOTATIONS`, or one a declaration's
    modifier follows; or it is a schema's attribute after a field (Prisma's `@id @default(uuid())`,
    `@unique`), or a Makefile recipe's silent `@echo`. "@maria typed alone" and "follow @JohnSmith"
    stay handles."""
    if text[start + 1 : end].lower() in _FIELD_ATTRIBUTES:
        return True
    if text[start + 1 : end].lower() in _DOC_TAGS and _DOC_HEAD.search(text, max(0, start - 40), start):
        return True  # a doc comment's tag: `/** @type {…} */`, ` * @author Tomasz …`, `/// @param`
    if _LINE_HEAD.search(text, max(0, start - 40), start) is None:
        return False
    if text[start + 1 : end].lower() in _ANNOTATIONS:
        return True
    if _CAMEL_ALONE.fullmatch(text[start + 1 : end]) and _LINE_END.match(text, end):
        return True  # `@PostConstruct` alone on its line: Java's annotation of a method below
    if (alone := _LINE_END.match(text, end)) is not None and text[start + 1 : start + 2].isupper():
        below = _NEXT_LINE_WORD.match(text, alone.end())
        if below is not None and (below.group(1) in _MODIFIERS or below.group(1) == "@"):
            return True  # `@Container` over `static …Container<?> pg`, `@Testcontainers` over a class
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1) in _MODIFIERS


def identifier_of_words(name: str, least: int = 2) -> bool:
    """An identifier of `least` or more dictionary or code words and no digit: `raw_password`,
    `userPassword`, `api_key` (a variable's name; "hunter2", "Tr0ub4dor" are values)."""
    if any(c.isdigit() for c in name):
        return False
    words = _IDENTIFIER_WORD.findall(name)
    return len(words) >= least and all(map(_word, words))


# a subresource-integrity hash (`"integrity": "sha512-…"` of a lockfile): a digest of public content,
# a module checksum of Go's go.sum or Terraform's lock file (`h1:…=`, `zh:…`), a key's fingerprint
# as ssh-keygen prints it (`SHA256:rfJB0s…`) and a payload's signature (`hmac-sha256:fda2…`)
PUBLIC_DIGEST = re.compile(
    r"sha(?:1|256|384|512)-|(?:h1|zh|SHA256|MD5|hmac-sha(?:1|256|512)):(?=[A-Za-z0-9+/]{20})"
)
_DIGEST_BEFORE = re.compile(r"(?:sha(?:1|256|384|512)-|h1:|zh:|SHA256:|MD5:|hmac-sha(?:1|256|512):)$")


def digest_at(text: str, start: int) -> bool:
    """A public digest (`PUBLIC_DIGEST`) opens at `start`, or its prefix ends there."""
    if PUBLIC_DIGEST.match(text, start):
        return True
    return _DIGEST_BEFORE.search(text, max(0, start - 12), start) is not None


def code_name(kind: str, text: str, start: int, end: int) -> bool:
    """The span, grown over the identifier it lies in, names something in code rather than holds a
    value: a function or class called (an identifier path right before "("), an attribute path
    ending in a class (`forms.PasswordInput`: a part after a dot in PascalCase, made of words), or,
    for a secret, an identifier of two or more words and no digit (`raw_password`, `AuthError`),
    for a user name one in camelCase (`accountName`; "silent_wolf" stays: handles are made so);
    a keyword or type name (`_KEYWORDS`), a dependency pinned to a version, an npm scope."""
    if kind == "USERNAME" and "@" in text[max(0, start - 1) : start + 1] and text[end : end + 1] == "/":
        return True  # an npm scope: `@types/node`, `import x from "@angular/core"`
    span = text[start:end]
    low = span.lower()
    if "${" in span or "{{" in span or _PLACEHOLDER.fullmatch(text, max(0, start - 2), _grown_end(text, end)):
        return True  # a template's placeholder, in the span or around it
    if kind != "PERSON" and (low in _SYSTEM_USERS or _CODE_TOKENS.fullmatch(span)):
        return True  # `www-data`; `PasswordResetView(FormView`: names and brackets of code
    if kind == "SECRET" and _CODE_EXPRESSION.fullmatch(span):
        return True
    if low in _KEYWORDS:
        return True
    names = _CREDENTIAL_NAMES if kind == "SECRET" else _LOGIN_NAMES
    if low in names and not text[start - 1 : start].isalnum():
        return True  # `check_password(password)`, `filter(username=username)`: the variable
    if _pinned(text, start, end):
        return True
    s, e = start, end
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_."):
        s -= 1
    while e < len(text) and (
        text[e].isalnum() or text[e] == "_" or (text[e] == "." and text[e + 1 : e + 2].isalpha())
    ):
        e += 1
    while s < start and text[s] == ".":
        s += 1
    name = text[s:e]
    if not _IDENTIFIER_PATH.fullmatch(name):
        return False
    if text[e : e + 1] == "(" and (e - s > 3 or "." in name):  # called: not "f(" of a formula
        # a person's name only where it is shaped as code: "AuthError(", not "Smith(2019)"
        return kind != "PERSON" or "." in name or "_" in name or any(c.isupper() for c in name[1:])
    if kind != "PERSON" and text[e : e + 2] in ('["', "['") and (e - s > 3 or "." in name):
        return True  # `keystoreProperties["storePassword"]`, `os.environ['DB_PASS']`: a map read by its key
    if kind == "PERSON" or any(c.isdigit() for c in name):
        return False
    parts = name.split(".")
    if len(parts) > 2 and parts[0] in CODE_ROOTS and parts[1] in CODE_ROOTS:
        return True  # `process.env.NEXT_PUBLIC_FIREBASE_API_KEY`: a setting's name, whatever its words
    words = [w for p in parts for w in _IDENTIFIER_WORD.findall(p)]
    if not words or not all(map(_plain, words)):
        return False
    if len(parts) > 1 and any(p[:1].isupper() and any(c.islower() for c in p) for p in parts[1:]):
        return True  # forms.PasswordInput, models.ForeignKey
    if len(parts) > 2 or (len(parts) > 1 and parts[0].lower() in CODE_ROOTS):
        return True  # req.cookies.session, self.username: an attribute read
    camel = name[0].islower() and not name.islower()  # accountName: a variable, as handles rarely are
    credential = kind == "USERNAME" and any(w.lower() in _CREDENTIAL_NAMES for w in words)
    return len(words) > 1 and (kind == "SECRET" or camel or credential)  # `raw_password`: no handle


# a form's or a doc's placeholder mailbox: "you@example.com", "user@domain.com", "name@company.com",
# "firstname.lastname@company.com" (none of 34 such addresses in the held-out sets was labelled a
# person's; "jane.doe@example.com" is, and stays)
_PLACEHOLDER_LOCAL = re.compile(
    r"(?i:you|your|yourname|your[._-]?(?:name|email)|user|username|name|email|firstname(?:[._-]?lastname)?|"
    r"someone|somebody|me|test|"
    # the same words in the other languages read ("nombre@dominio.com", "naam@voorbeeld.nl",
    # "voornaam.achternaam@organisatie.nl", "prenom.nom@exemple.fr", "vorname.nachname@firma.de")
    r"nombre(?:[._-]?apellidos?)?|usuario|correo|tu[._-]?(?:nombre|correo|email)|naam|gebruiker|"
    r"voornaam(?:[._-]?achternaam)?|jouw[._-]?naam|pr[ée]nom(?:[._-]?nom)?|nom|utilisateur|votre[._-]?nom|"
    r"nome(?:[._-]?(?:cognome|sobrenome|apelido))?|utente|vorname(?:[._-]?nachname)?|benutzer|ihr[._-]?name|"
    r"imie(?:[._-]?nazwisko)?|jmeno(?:[._-]?prijmeni)?|fornavn(?:[._-]?efternavn)?|fornamn(?:[._-]?efternamn)?)"
    r"(?:@|%40)"
)


def placeholder_mailbox(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is an address whose local part is a placeholder's (`_PLACEHOLDER_LOCAL`)."""
    return _PLACEHOLDER_LOCAL.match(text, start, end) is not None
