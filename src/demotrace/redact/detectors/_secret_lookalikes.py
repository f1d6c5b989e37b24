"""Values a secret's rule or the model takes for a secret that show none (secrets_blind3's clean
snippets: config, logs and pipelines):

- a value shown masked: "****************7Q2M", "xxxx9f1c", "sk_test_****";
- a template's variable in the value's place: Azure's `$(SqlAdminPassword)`, `docker-$CI_COMMIT_REF_SLUG`;
- a format string: git's `%C(yellow)%h%Creset`;
- a key's prefix shown cut short: "key_prefix=sk_live_51N...";
- AWS's unique ids of roles, users and groups ("AROA…", "AIDA…"; an access key's "AKIA…" stays);
- a size: "183422 bytes";
- base64 of what is no secret: JSON without a credential's key ("eyJhbGciOiJub25lIn0" is
  `{"alg":"none"}`), settings ("feature=dark-mode;variant=b"), a certificate or a public key;
- Stripe's ids of objects ("price_…", "pi_…"), a resource's path in an
  ARN, code that reads a credential (`Rails.application.credentials.api_key`), a credential's name
  (`NPM_TOKEN`, `YOUR_LOGIN`).

`word_made` (the model only): an identifier of dictionary words on a line with no credential's
word ("firebaseConfig", "gw-warehouse-11", "dark-default") that is no sentence; a password of
words ("sunflower-2019") is typed after one ("Wi-Fi key:") or told in a sentence.
"""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
from collections.abc import Callable

from ._base import grown
from ._code_names import PUBLIC_DIGEST, placeholder_name
from ._login_shapes import prose_line
from .lexicon import lexicon, word_set

_MASKED = re.compile(
    r"\*{4,}|•{4,}|^[xX]{4,}[A-Za-z0-9]{0,4}$|^\*[A-Z][A-Z_*]*\*$|(?<![^\w-])#{3,}|(?:TEST){3,}|(?:test){3,}|"
    r"^\*{3}"
)  # (`*SENSITIVE*DATA*DELETED*`, a format's "ORD-2024-######", a fixture's "…-TESTTESTTESTTEST"; not a
# random key's "b^###2o" of Django's)
# `$(Name)`, `${NAME}`, `$NAME` in capitals (a password's "$" is followed by anything: "Sql$erver")
_TEMPLATE = re.compile(r"\$\((?=[A-Za-z_])|\$\{|(?<![A-Za-z0-9])\$[A-Z][A-Z0-9_]{2,}(?![a-z0-9])")
# a template's expression around the value: Jinja's and Ansible's `{{ vault_x }}`, CloudFormation's
# `{{resolve:secretsmanager:…}}`, Handlebars' `{{ticket.key_last4}}` (an unclosed "{{" before it)
_OPEN_BRACES = re.compile(r"\{\{(?:(?!\}\}).)*$")
# a value stored encrypted, made to be committed: AWS KMS's blob ("AQICAH…"), Pulumi's `secure:
# v1:…:…`, sops' and others' `ENC[…]`, Vault's transit `vault:v1:…`, an Ansible vault
# Bitwarden's cipher string ("2.<iv>|<data>|<mac>"), Jenkins' `{AQAAABAAAA…}` of credentials.xml
_ENCRYPTED = re.compile(
    r"AQICAH|v1:[A-Za-z0-9+/=]{8,}:|ENC\[|vault:v\d+:|\$ANSIBLE_VAULT|\d\.[A-Za-z0-9+/]{16,}={0,2}\||"
    r"(?:<[\w.-]+>)?\{AQAAAB"
)
# an object's default name in a log: Java's `PgConnection@5f2b1a9c`, Go's `(*Client).Refund`
# (Java names the class with its package: "Caipirinha@2024" is a password)
_OBJECT_NAME = re.compile(
    r"(?:[a-z][\w$]*\.)+[A-Z][\w$]*@[0-9a-f]{4,8}|(?:[\w$]+\.)*\(\*[A-Z]\w*\)\.[A-Za-z_]\w*(?:\(\S*)?"
)
# a pin of a public key (HPKP, OkHttp's CertificatePinner): "sha256/" and its base64
_KEY_PIN = re.compile(r"sha(?:256|1)/[A-Za-z0-9+/]{26,44}={0,2}")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
# a Prometheus sample's name (and labels) before its value: a histogram's or a counter's suffix
_METRIC_BEFORE = re.compile(
    r"[a-z_:][a-z0-9_:]*_(?:sum|count|total|bucket|seconds|bytes|ratio)(?:\{[^}\n]*\})?[ \t]+$"
)
_ENCRYPTED_KEY = re.compile(
    r"(?i:\b(?:secure|encryptionsalt|encrypted[\w-]*|ciphertext\w*)[\"']?[ \t]*[:=][ \t]*[\"']?$)"
)
_FORMAT = re.compile(r"%[A-Za-z(]")
# a hashed line of known_hosts: `|1|salt|hash ssh-ed25519 …`, no secret
_KNOWN_HOST = re.compile(r"\|1\|[A-Za-z0-9+/=]{8,}\|[A-Za-z0-9+/=]{8,}")
_RANDOM_MARKS = re.compile(r"[#@&^!~]")
_MAPBOX_PUBLIC = re.compile(r"pk\.eyJ[\w-]{8,}\.")
_AWS_UNIQUE_ID = re.compile(r"(?:AROA|AIDA|AGPA|ANPA|ANVA|ASCA|AIPA|APKA)[A-Z0-9]{12,20}")
_SIZE_AFTER = re.compile(r"[ \t]*\(?(?i:bytes?|b|kb|kib|mb|mib|gb|ms|items|rows|lines|files|records)\b")
# Stripe's ids of objects ("price_…", "pi_…", "req_…") and the like of other APIs (orders, webhook
# endpoints, organisations, projects); its keys stay masked, and a customer's or an account's id
# ("cus_…", "acct_…" name a person's); the publishable "pk_live_"/"pk_test_" only below
_STRIPE_PUBLIC = re.compile(
    r"(?:price|prod|pay|pi|ch|in|sub|txn|evt|req|seti|pm|po|src|plan|si|ii|tok|card|ba|ord|we|org|prj)"
    r"_[A-Za-z0-9]{6,}"
)
# a publishable key, made to ship in a browser's page, where its name or its call says so (15 of 19
# in the labelled sets unlabelled; "my API key pk_test_…" and a token's key were labelled)
_PUBLISHABLE = re.compile(r"pk_(?:live|test)_[A-Za-z0-9]{16,}")
_PUBLISHABLE_BEFORE = re.compile(r"(?i:publish|pub_?key|_pk\b|stripe\(|\bkey is\b)")
# ids made to be public or that name no secret: Google Analytics' and Tag Manager's ("G-7QK2XW9LMP",
# "GTM-N4R8ZQX"), a SIP branch (its magic cookie "z9hG4bK"), a conda package's build string
# ("nompi_py311he8ad708_100"), a DER public key's base64 (RSA "MIIBIjANBgkqhkiG9w0BAQEFAAOC…", EC,
# Ed25519)
_TRACKING_ID = re.compile(r"(?:G|GTM|UA|AW|DC|GT)-[A-Z0-9]{6,12}(?:-\d{1,3})?")
_SIP_BRANCH = re.compile(r"z9hG4bK[\w.!%*+`'~-]*")
_CONDA_BUILD = re.compile(r"(?:[a-z0-9]+_)*(?:py|np|h)\d*[a-z0-9]*_\d+")
_DER_PUBLIC = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOC",
    "MIICIjANBgkqhkiG9w0BAQEFAAOC",
    "MFkwEwYHKoZIzj0CAQYI",
    "MCowBQYDK2Vw",
)
# a URL's campaign tag or a conda pin's "=version=" before the value
_TAG_BEFORE = re.compile(r"(?:\butm_\w+=|=\d[\w.]*=)$")
# a resource's path in an ARN: "arn:aws:sts::281946037715:assumed-role/ReadOnly/botocore-session-1"
_ARN_BEFORE = re.compile(r"arn:aws[\w-]*:[\w-]*:[\w-]*:\d{0,12}:[\w/+=,.@-]*$")
# code that reads a credential: `Rails.application.credentials.geocoder_api_key`, `settings.db.password`
_ATTRIBUTE_PATH = re.compile(
    r"[A-Za-z_][A-Za-z0-9_]*(?:\.[a-z_][a-z0-9_]*[!?]?){2,}\)?"
    r"|[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+\.[A-Z][A-Z0-9_]+"  # `import.meta.env.VITE_FIREBASE_API_KEY`
)
# a secret store's path read in the value's place (`vault kv get secret/pg/prod-ro`), Azure's Key
# Vault reference (`@Microsoft.KeyVault(VaultName=…)`), a value left to fill or cut short
# ("sk_test_<replace-me>", "hf_...q2Lm")
_STORE_PATH = re.compile(r"(?:secret|kv|database|pki|transit|aws|gcp|azure)/[\w./-]+\)?")
_KEY_VAULT = re.compile(r"@Microsoft\.KeyVault\(")
# a cipher's, a curve's or a key exchange's name ("sntrup761x25519-sha512@openssh.com", "curve25519")
_CRYPTO_NAME = re.compile(
    r"(?i:curve25519|x25519|ed25519|ed448|x448|nistp(?:256|384|521)|sntrup761|mlkem768|chacha20|poly1305|"
    r"aes-?(?:128|192|256)(?:-[a-z]+)?|secp(?:256|384|521)[kr]1|rsa-sha2-(?:256|512)|hmac-sha\d+)"
)
_SCRAM = re.compile(r"(?i:scram-sha-\d+)")  # a method's name alone, not its stored verifier's
# a digest named just before the value: an Android pin's `digest="SHA-256">`, `checksum: `, a
# subresource's `integrity="`, `sha256=` (a hash, published; "HMAC_SHA256" is no such name)
_DIGEST_BEFORE = re.compile(
    r"(?i:\b(?:digest|checksums?|fingerprint|integrity|sha-?(?:1|224|256|384|512)|(?<!-key \d )md5)\b"
    r"[\"'=:> \t]{0,4})$"  # (an OSPF key's "message-digest-key 1 md5 …" is the key in clear)
)
# a key that names a digest at its end, camelCase or snake_case: AWS Lambda's `"CodeSha256"`,
# Drupal's `default_config_hash`, `content_digest` (not a password's or a token's hash)
_HASH_KEY_BEFORE = re.compile(
    r"(?<![\w-])(?![\w-]*(?i:pass|pwd|secret|token|auth|salt))[A-Za-z][\w-]*?"
    r"(?:Sha-?(?:1|224|256|384|512)|[_-]sha-?(?:1|224|256|384|512)|[_-]hash|Hash|[_-]digest|Digest|"
    r"[_-]checksum|Checksum)[\"']?[ \t]*[:=][ \t]*[\"']?$"
)
# a format string's field in the value: Python's `f"checkout@{__version__}"`, `{release_name}`
_FORMAT_FIELD = re.compile(r"\{(?:__[a-z]+__|[a-z_]+(?:\.[a-z_]+)*)(?:\}|$)")
# a secret's reference by its name: Vercel's `"@sentry-auth-token"`; a store's name for it
# (`--secret=ledger-db-password`): words only, one of them a credential's
_REFERENCE = re.compile(r"@[a-z]+(?:-[a-z]+)+")
_NAMED_CREDENTIAL = re.compile(
    r"[a-z]+(?:[-_][a-z]+)*[-_](?:password|passwd|secret|token|key|credentials?)(?:[-_][a-z]+)*"
    # an environment variable's name, ending in what it holds: `secretKey: DB_USER`, `STRIPE_SECRET_KEY`
    r"|[A-Z]{2,}(?:_[A-Z]{2,})*_(?:USER|USERNAME|PASSWORD|PASS|PWD|TOKEN|KEY|SECRET|HOST|URL|URI|DSN|NAME|ID)"
)
# a column's type with its size where the model saw a value: `mapped_column(String(255))`
_SIZED_TYPE = re.compile(r"(?i:string|n?varchar|n?char|text|binary|varbinary|bytes|numeric|decimal)\(\d+\)?")
# a file's path in the value's place (`password_file: /etc/prometheus/secrets/blackbox_pass`): a
# path of the file system, not a URL's (a webhook's token is a segment of its path)
_FILE_PATH_BEFORE = re.compile(
    r"(?:^|[\s\"'=:])(?:~|\.{1,2})?/(?:etc|var|run|home|opt|usr|srv|tmp|mnt|secrets?|config)(?:/[\w.@-]+)*/$"
)
# a regex's syntax around the value: a scrubbing rule's `(?i)(password|passwd|pwd)=(\S+)`
_REGEX_SYNTAX = re.compile(r"\(\?[imsxu]+\)|\([a-z]+(?:\|[a-z]+)+\)|\\[sSdDwW][+*]|\{\d+(?:,\d*)?\}")
_FILE_NAME = re.compile(r"[\w./-]+\.[a-z0-9]{2,4}")
# public by design: an age recipient (bech32, "age1…"; its secret key is "AGE-SECRET-KEY-1…"), Okta's
# ids of users, groups and apps (20 characters: "00g9k2…"; its API tokens are 42), a pod's name (its
# deployment, its replica set's hash, its own suffix: "checkout-api-7d9f8c6b5-x2kq4")
_PUBLIC_ID = re.compile(
    r"age1[02-9ac-hj-np-z]{58}|(?:00[ugp]|0oa)[A-Za-z0-9]{17}|[a-z][a-z0-9-]*-[a-f0-9]{8,10}-[a-z0-9]{5}"
)
# a security advisory's public id, and the URL path it ends ("github.com/advisories/GHSA-jchw-25xp-jwwc",
# "CVE-2024-28849"): `npm audit` and Dependabot print them
_ADVISORY = re.compile(r"GHSA(?:-[2-9a-z]{4}){3}(?![\w-])|CVE-\d{4}-\d{4,7}(?![\w-])")


def advisory_id(value: str) -> bool:
    """`value` holds a security advisory's public id (`_ADVISORY`)."""
    return ("GHSA-" in value or "CVE-" in value) and _ADVISORY.search(value) is not None


# a regex's or grep's alternatives ("pandas|pyarrow|duckdb", "Owner|Valid|SHA"); a call of a name on
# a name (`BASE64URL(SHA256(code_verifier))`); a registry's `dword:00000001`
ALTERNATION = re.compile(r"[A-Za-z_]+(?:\|[A-Za-z_]+)+")
# a framework's validation rules ("required|min:12|confirmed"), a stored secret's name after Home
# Assistant's `!secret`, a socket's or a file's path ("unix:/run/php/php8.2-fpm.sock"), a URL whose
# last part is a run of X or 0 (a webhook's placeholder), the base64 of a gzip, zip or PDF file
_VALIDATION_RULES = re.compile(r"[a-z_]+(?::[\w,.]+)?(?:\|[a-z_]+(?::[\w,.]+)?)+")
_SECRET_TAG_BEFORE = re.compile(r"!secret[ \t]+$")
_SECRET_TAG = re.compile(r"!secret[ \t]+[\w.-]+")
_SOCKET_PATH = re.compile(r"(?:unix|file):/[\w./-]+")
_PLACEHOLDER_TAIL = re.compile(r"/(?:[xX]{8,}|0{8,})/?$")
_FILE_BASE64 = ("H4sI", "UEsDB", "JVBERi")
# a .NET type's dotted name ("System.Security.SecureString", what PowerShell prints for a secure
# string), a PowerShell cmdlet ("Get-Secret", "ConvertTo-SecureString")
_TYPE_NAME = re.compile(r"(?:System|Microsoft|Windows)(?:\.[A-Z][A-Za-z]+){2,}")  # ("Tiger.Lamp.River" stays)
_CMDLET = re.compile(
    r"(?:Get|Set|New|Remove|Read|Write|ConvertTo|ConvertFrom|Invoke|Import|Export|Add|Test|Unprotect|Protect)"
    r"-[A-Z][A-Za-z]+"
)
_CALL_OF_NAME = re.compile(r"[A-Za-z_][\w.]*\([A-Za-z_][\w.]*\)?")
_REGISTRY_WORD = re.compile(r"(?:dword|qword|hex(?:\(\w\))?):$")
# a certificate named on the value's line (`<ds:X509Certificate>MIID…`), no key beside it
_CERTIFICATE = re.compile(r"(?i:certificate|x509)")
_PERCENT_BYTE = re.compile(r"%[0-9A-Fa-f]{2}")
# an Android log's tag and process ("I/AuthRepo(21477):"), a CSP's per-response nonce ("'nonce-…'"),
# a progress bar's blocks, a run's id in a tracker's path ("wandb.ai/…/runs/3kq9x2v1"), a middle part
# of code's dotted path (`data.aws_secretsmanager_secret_version.lisbon_psk1.secret_string`)
_LOGCAT_TAG = re.compile(r"(?m)^(?:[VDIWEF]/)?[A-Za-z_][\w.$]*\(\s*\d+\)?")
_RUN_PATH_BEFORE = re.compile(r"/(?:runs|jobs|builds|experiments|pipelines|sweeps|artifacts|reports)/$")
_CODE_PATH = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*){2,}")
# an object's id as an API names it: a type's prefix and a random or time-ordered (ULID) part
# (Stripe's "req_IZhwM77Zv9pzob", "tx_01HZ8Q3K7M2N4P6R", CodeDeploy's "d-7QX2K9JH1"); not a key's
# prefix (sk_, rk_, whsec_) nor an account's or a customer's (acct_, cus_: a person's id)
_OBJECT_ID = re.compile(
    r"(?:tx|txn|req|evt|ch|pi|pm|py|ii|po|prod|price|sub|si|cs|seti|re|job|run|dep|ord|inv|msg|trace|span)_"
    r"(?:01[0-9A-HJKMNP-TV-Z]{24}|[0-9A-Za-z]{8,24})|d-[0-9A-Z]{9}|01[0-9A-HJKMNP-TV-Z]{24}"
)
# NATS' public keys of users, accounts, servers, clusters, operators ("UDXU4…", 56 characters of
# base32; its seeds, the secrets, start "S"); Android's resource references ("@string/…")
_NATS_PUBLIC = re.compile(r"[UANCOX][A-Z2-7]{55}")
_ANDROID_RESOURCE = re.compile(
    r"@(?:\+?id|string|mipmap|drawable|color|dimen|style|layout|xml|raw|anim|array|bool|integer|font|menu)/"
)
_HEX_LITERAL = re.compile(r"0x[0-9A-Fa-f]+|\w+\.(?:dll|exe|so|dylib)!(?:0x)?[0-9A-Fa-f]{6,}")
# a label of a host's name (`orders-prod.cluster-cq8x2lkz0w1b.eu-central-1.rds.amazonaws.com`)
_HOST_NAME = re.compile(r"(?:[A-Za-z0-9-]+\.){2,}[a-z]{2,}")
# the id Docker's swarm gives a node, a service, a task or a secret: 25 of lower-case base 36
_SWARM_ID = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{25}")
_UNFILLED = re.compile(r"<[^<>\s]*>?|\.\.\.|…")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]{12,}={0,2}")
_CREDENTIAL_WORD = re.compile(r"(?i:pass|pwd|secret|token|private|credential|auth|api[_-]?key|session)")
_SETTING = re.compile(r"[A-Za-z_][\w.-]*=[^=\s]")  # "feature=dark-mode;variant=b"
_BASIC_AUTH = re.compile(r"[\w.@+-]+:\S+")  # "user:password", what basic auth encodes
# a credential's word on the line, in the languages read: a password of words is typed after one
LINE_CREDENTIAL_CUE = re.compile(
    r"(?i:passw|pwd|\bpw\b|secret|token|\bkey\b|wi-?fi|passcode|\bpin\b|code|clave|contraseñ|senha|"
    r"wachtwoord|hasło|haslo|lösenord|mot de passe|kennwort|passwort|parola|credential|adgangskode|"
    r"passord|heslo|klucz|kl[ií]č|klic|n[øo]e?gle|nyckel|sleutel|schl[üu]e?ssel|chave|cl[ée]|chiave|llave)"
)
# a webhook's path of placeholders: "services/XXXX/XXXX/XXXX"
_PLACEHOLDER_PATH = re.compile(r"[\w.-]*(?:/(?:X{3,}|x{3,}|0{3,}))+/?")
# the word "id" or "UUID" right before the value (not "client_id", glued: a credential's pair; not
# AWS's "Access key ID" nor a "session id", secrets both)
_ID_BEFORE = re.compile(
    r"(?i:(?<![\w-])(?<!key )(?<!session )(?:id|uuid|guid|serial))[ \t]*[:=#]?[ \t]*$"
    r"|<(?:artifactId|groupId|version)>$"  # a Maven coordinate ("<artifactId>jjwt-api")
)
# a value that names a file ("AuthKey_D383SF739.p8"), a secret's reference by name ("@sentry_token"
# of Vercel's env), a Terraform resource's progress ("aws_ssm_parameter.ci_secret: Creation
# complete"), inside an encrypted PGP message (ciphertext, made to be shared)
_FILE_AFTER = re.compile(r"\.(?:p8|p12|pem|key|json|pfx|jks|keystore|crt|der)(?![\w.])")
_NAMED_REFERENCE = re.compile(r"@[a-z][a-z0-9_-]{2,}")
_TERRAFORM_PROGRESS = re.compile(
    r"^[ \t]*[\w.\[\]\"-]+: (?:Creating|Creation|Destroying|Destruction|Modifying|Modifications|"
    r"Refreshing|Reading|Read|Still)\b",
    re.M,
)
_PGP_MESSAGE = "-----BEGIN PGP MESSAGE-----"
# a provider's prefix, then zeros and x's alone: "xoxb-0000-0000-xxxx", "ghp_000000000000" (each
# run taken whole: a long run of zeros that fails does so in linear time)
_ZEROS_OR_XS = re.compile(r"(?:[A-Za-z]{2,8}[-_])?(?=[0xX.*_-]{8})(?:[0xX.*]++[-_]?)+")
# a file read in the value's place (`api_key=@new_key.txt`, curl's and vault's "@file")
_FILE_REFERENCE = re.compile(r"@[\w./-]+\.(?:txt|json|pem|key|ya?ml|env|crt|der|bin)")
# a cache's key: words, then a digest ("Linux-gradle-5c1a9e07…" of "Cache restored from key:")
_CACHE_KEY = re.compile(r"[\w.]+(?:-[\w.]+)*-[0-9a-f]{32,}")
_CACHE_LINE = re.compile(r"(?i:\bcache)")
# a public key named on the value's line or the line above it ("untrusted comment: minisign public
# key 7F3A…" over its base64), or after minisign's or signify's "-P"
_PUBLIC_KEY_WORDS = re.compile(r"(?i:public[ \t_-]?key)")
_PUBLIC_KEY_FLAG = re.compile(r"(?:minisign|signify)\b[^\n]*[ \t]-[Pp][ \t]+$")
# a part that mixes letters and digits as versions and platforms do: "v2", "x86", "2024q2", "euc1"
_VERSION_PART = re.compile(r"[A-Za-z]{1,4}\d{1,4}|\d{1,4}[A-Za-z]{1,2}\d{0,2}")
# a part named for an algorithm and its size ("expectedSHA256", "SHA256SUMS", "utf8Bytes")
_ALGORITHM_PART = re.compile(r"[A-Za-z]*?(?i:sha|md|aes|crc|utf|base)\d{1,3}[A-Za-z]*")
_PIECES = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _token(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over the characters a value of config is made of."""
    return grown(text, start, end, "*•$({}%_-+/=", "*•$(){}%_-+/=")


def templated(text: str, start: int, end: int) -> bool:
    """The span lies in a template's variable (`$(ARM_CLIENT_ID)`, `${NAME}`, `${token.last4}`), in a
    shell's `${NAME:?message}` (the message shown when the variable is unset) or a masked value; not
    in the default a variable falls back to (`${MAIL_PASSWORD:Hb7#…}`, `${DB_PASS:-s3cret}`)."""
    inside = _open_expansion(text, start)
    if inside is not None:  # in a variable's name (`${token.last4}`) or its message (`:?`)
        return ":" not in inside or ":?" in inside
    lo, hi = _token(text, start, end)
    near = text[max(0, start - 48) : end + 20]
    return bool(_TEMPLATE.search(text[lo:hi]) or _MASKED.search(text[lo:hi]) or _KEY_VAULT.search(near))


def encrypted_at(text: str, start: int, end: int) -> bool:
    """`text[start:end]` lies in a value stored encrypted (`_ENCRYPTED`) or under a key that says
    so (`_ENCRYPTED_KEY`: Firefox's `"encryptedPassword":`)."""
    lo, _ = _token(text, start, end)
    line = text.rfind("\n", 0, start) + 1
    word = max(text.rfind(" ", line, lo), text.rfind("\t", line, lo), text.rfind('"', line, lo), line - 1) + 1
    # (the token around the value: Pulumi's "v1:…:…" is cut at its colons)
    return (
        _ENCRYPTED.match(text, word) is not None
        or _ENCRYPTED_KEY.search(text, max(line, word - 40), word) is not None
    )


# a URL's userinfo written as the words it stands for ("user:password", "username:pass")
_TEMPLATE_PAIR = re.compile(r"://(?i:user|username|usr|login):(?i:password|pass|passwd|pwd|secret)@")


def template_userinfo(text: str, start: int, end: int) -> bool:
    """`text[start:end]` lies in a URL's userinfo of the words it stands for (`_TEMPLATE_PAIR`:
    `postgres://user:password@localhost`)."""
    return _TEMPLATE_PAIR.search(text, max(0, start - 24), min(len(text), end + 2)) is not None


def lookalike(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is one of the values above that show no secret."""
    value = text[start:end]
    if templated(text, start, end) or _MASKED.search(value):
        return True
    lo, hi = _token(text, start, end)
    if text.endswith(('etag: W/"', 'ETag: W/"', 'etag: "', 'ETag: "'), max(0, start - 12), start):
        return True  # an HTTP response's entity tag
    if "|1|" in text and any(
        k.start() <= start and end <= k.end()
        for k in _KNOWN_HOST.finditer(text, max(0, start - 80), end + 80)
    ):
        return True
    if len(_FORMAT.findall(text, lo, hi)) >= 2 and not _RANDOM_MARKS.search(text, lo, hi):
        return True  # a format string ("%s:%d"), not a random key that holds "%f" ("…%f5ed…^run(h%xw#@&…")
    if text.startswith(("...", "…"), end) and end - start <= 16:
        return True  # a key's first characters, the rest left out
    if _AWS_UNIQUE_ID.fullmatch(value) or _STRIPE_PUBLIC.fullmatch(value) or placeholder_name(value):
        return True
    if _SWARM_ID.fullmatch(value) and ("docker" in text or "swarm" in text):
        return True  # a swarm's node, service, task or secret id (`docker secret ls`), no secret
    if _MAPBOX_PUBLIC.match(value):
        return True  # Mapbox's public token ("pk.eyJ…"), made for the browser; its secret ones are "sk."
    if _ARN_BEFORE.search(text, max(0, start - 80), start):
        return True
    if _ATTRIBUTE_PATH.fullmatch(value) and not word_passphrase(value):
        return True
    if _STORE_PATH.fullmatch(value) or _UNFILLED.search(value):
        return True
    if _OBJECT_NAME.fullmatch(text, *grown(text, start, end, "@.$*()", "@.$*)")):
        return True
    if _KEY_PIN.fullmatch(text, *grown(text, start, end, "+/=", "+/=")):
        return True  # `sha256/pNoHBH…=`: a public key's pin
    if PUBLIC_DIGEST.match(value) or _CRYPTO_NAME.search(value):
        return True  # "hmac-sha256:1b9e…", a lockfile's "sha512-…"; "curve25519"
    if (
        _FORMAT_FIELD.search(value)
        or _REFERENCE.fullmatch(value)
        or _NAMED_CREDENTIAL.fullmatch(value.rstrip(")]}\"'`,;"))
    ):
        return True
    if _PUBLIC_ID.fullmatch(value) or ALTERNATION.fullmatch(value) or _CALL_OF_NAME.fullmatch(value):
        return True
    if advisory_id(value):
        return True
    if value.startswith("nonce-") or "█" in value or _logcat_tag(text, start, end):
        return True
    if _VALIDATION_RULES.fullmatch(text, *grown(text, start, end, "|:,_", "|:,_")):
        return True
    if _SECRET_TAG_BEFORE.search(text, max(0, start - 10), start) or _SECRET_TAG.fullmatch(
        text, start - 1, end
    ):
        return True
    if _SOCKET_PATH.fullmatch(value):
        return True
    if _PLACEHOLDER_TAIL.search(value) or value.startswith(_FILE_BASE64):
        return True
    if _TYPE_NAME.fullmatch(value) or _CMDLET.fullmatch(value):
        return True
    if _NATS_PUBLIC.fullmatch(value) or _HEX_LITERAL.fullmatch(value) or _ANDROID_RESOURCE.match(text, start):
        return True
    if _OBJECT_ID.fullmatch(value):
        return True  # "req_IZhwM77Zv9pzob", "tx_01HZ8Q3K7M2N4P6R": an object's id
    if in_signature(text, start):
        return True  # a mail's signature, its body's hash, a DKIM record's public key
    if _RUN_PATH_BEFORE.search(text, max(0, start - 12), start) and len(value) <= 12:
        return True
    if (
        (text[start - 1 : start] == "." or text[end : end + 1] == ".")
        and _CODE_PATH.fullmatch(text, *(span := grown(text, start, end, "._", "._")))
        and not word_passphrase(text[slice(*span)])
    ):
        return True
    if _REGISTRY_WORD.search(text, max(0, start - 10), start) or _url_encoded_text(value):
        return True
    if (
        _SIZED_TYPE.fullmatch(value)
        or _SCRAM.fullmatch(value)
        or (text[start - 1 : start] == "<" and value.isalpha())
    ):
        return True  # a column's type; "<redacted 812 chars>"
    if value.isdigit() and _SIZE_AFTER.match(text, end):
        return True
    if _ZEROS_OR_XS.fullmatch(value) or _PLACEHOLDER_PATH.fullmatch(value):
        return True
    if _TRACKING_ID.fullmatch(value) or _SIP_BRANCH.fullmatch(value) or value.startswith(_DER_PUBLIC):
        return True
    if _PUBLISHABLE.fullmatch(value) and _PUBLISHABLE_BEFORE.search(text, max(0, start - 40), start):
        return True
    if _TAG_BEFORE.search(text, max(0, start - 24), start) or (
        text[start - 1 : start] == "=" and _CONDA_BUILD.fullmatch(value)
    ):
        return True  # "utm_campaign=spring24_launch", "netcdf4=1.6.5=nompi_py311he8ad708_100"
    if _ID_BEFORE.search(text, max(0, start - 14), start):
        return True  # "queue id 4W0Zk51qP2z9r", "(UUID: GPU-2d8a…)": an identifier, named so
    if "/" in value and _STRIPE_PUBLIC.fullmatch(value.rsplit("/", 1)[-1]):
        return True  # "orders/ord_8Kq2xR7tLz4W": a resource's path
    if "/" not in value and (_FILE_AFTER.match(text, end) or _FILE_AFTER.search(value[-9:])):
        return True
    if _NAMED_REFERENCE.fullmatch(value):
        return True
    line = text.rfind("\n", 0, start) + 1
    if _TERRAFORM_PROGRESS.match(text, line):
        return True
    pgp = text.rfind(_PGP_MESSAGE, max(0, start - 4000), start)
    if pgp >= 0 and "-----END PGP MESSAGE-----" not in text[pgp:start]:
        return True
    if in_braces(text, start):
        return True
    line = text.rfind("\n", 0, start) + 1
    if _DIGEST_BEFORE.search(text, max(line, start - 24), start) or _host_label(text, start, end):
        return True
    if _HASH_KEY_BEFORE.search(text, max(line, start - 48), start):
        return True  # `"CodeSha256": "Zq3x…="`: a digest, named so
    if _FILE_PATH_BEFORE.search(text, max(line, start - 120), start):
        return True
    on_line = text[line:start].lower()
    if _CERTIFICATE.search(on_line) and "key" not in on_line and "private" not in on_line:
        return True  # a certificate's base64 (not kubeconfig's `client-key-data` under its cert's line)
    if _REGEX_SYNTAX.search(text, max(line, start - 6), end + 6):
        return True
    if encrypted_at(text, start, end):
        return True
    if _NUMBER.fullmatch(value) and _METRIC_BEFORE.search(text, max(line, start - 80), start):
        return True  # `auth_password_hash_seconds_sum 5123.44`: a metric's sample
    if _FILE_REFERENCE.fullmatch(text, start - (text[start - 1 : start] == "@"), end):
        return True
    if _CACHE_KEY.fullmatch(value) and _CACHE_LINE.search(text, line, start):
        return True
    if _public_key(text, start) or (len(value) >= 80 and ("SealedSecret" in text or "encryptedData" in text)):
        return True  # a sealed secret's ciphertext is made to be committed
    return _harmless_base64(value)


_SIGNATURE_HEADER = re.compile(r"(?i:DKIM-Signature|ARC-Seal|ARC-Message-Signature)[ \t]*:")


def in_signature(text: str, start: int) -> bool:
    """`start` lies in a mail's signature header (`DKIM-Signature:`, `ARC-Seal:` and the lines that
    continue it, indented) or in a DKIM key's record (after "v=DKIM1", no blank line between):
    signatures, hashes, selectors and public keys, no secret."""
    record = text.rfind("v=DKIM1", max(0, start - 1200), start)
    if record >= 0 and "\n\n" not in text[record:start]:
        return True
    line = text.rfind("\n", 0, start) + 1
    while line > 0 and text[line : line + 1] in (" ", "\t"):
        line = text.rfind("\n", 0, line - 1) + 1  # a folded header's first line
    return _SIGNATURE_HEADER.match(text, line) is not None


def in_braces(text: str, start: int) -> bool:
    """`start` lies in a template's `{{ … }}`: an unclosed "{{" before it on its line."""
    line = text.rfind("\n", 0, start) + 1
    return _OPEN_BRACES.search(text, max(line, start - 120), start) is not None


def _logcat_tag(text: str, start: int, end: int) -> bool:
    """The value is (in) an Android log's tag and process at its line's start ("I/AuthRepo(21477):")."""
    line = text.rfind("\n", 0, start) + 1
    m = _LOGCAT_TAG.match(text, line)
    return (
        m is not None and m.end() >= end - 1 and text.startswith("):", m.end() - (text[m.end() - 1] == ")"))
    )


def _url_encoded_text(value: str) -> bool:
    """Text written percent-encoded, three bytes or more, that holds no credential's word once
    decoded: a query's filter (`%7Balertname%3D%22DiskHigh%22%7D`)."""
    if len(_PERCENT_BYTE.findall(value)) < 3:
        return False
    decoded = urllib.parse.unquote(value)
    return _CREDENTIAL_WORD.search(decoded) is None and any(c in decoded for c in '{}=" ')


# what a dotted path of code or a host's name holds that a passphrase of words does not: an object's,
# a config's or a credential's word, a top-level domain
_CODE_PARTS = word_set(
    """self this cls app application config configuration conf settings env environ environment process
    os sys request req response res ctx context secrets secret credentials creds vault values value
    data spec meta props params options opts args kwargs db database datasource auth user users name
    password passwd pass token key keys api client server service host hosts port url uri path file
    com net org io dev local internal lan cloud prod staging test rails spring django node window
    document module exports import default util utils lib core main"""
)


def word_passphrase(value: str) -> bool:
    """`value` is three words or more of the dictionary joined by dots, none a word of code or of a
    host's name (`_CODE_PARTS`), maybe a sign and a digit after ("drizzle.otter.lobster",
    "copper.nimbus.ember.harbor!8"): a passphrase, not `settings.db.password` nor a host."""
    parts = value.rstrip("!#$%&*?+=-0123456789").split(".")
    lex = lexicon()
    return len(parts) >= 3 and all(
        p.isalpha() and p.islower() and len(p) >= 4 and p not in _CODE_PARTS and lex.is_word(p) for p in parts
    )


def _host_label(text: str, start: int, end: int) -> bool:
    """The value is a label of a host's name: dots on both sides, in a name of three labels or more
    ending in letters (a password before "@host" is followed by "@")."""
    if text[start - 1 : start] != "." and text[end : end + 1] != ".":
        return False
    lo, hi = grown(text, start, end, ".-", ".-")
    return _HOST_NAME.fullmatch(text[lo:hi].strip(".")) is not None and not word_passphrase(text[lo:hi])


def _lines_before(text: str, start: int, n: int) -> str:
    """The line of `start` up to it, and the `n` lines above it."""
    lo = start
    for _ in range(n + 1):
        lo = text.rfind("\n", 0, max(0, lo - 1)) + 1 if lo else 0
    return text[lo:start]


_PUBLIC_KEY_NAME = re.compile(r"(?i:public|publishable|site)")
_OWN_KEY = re.compile(r"[A-Za-z_][\w.-]*[\"']?[ \t]*[:=][ \t]*[\"']?$")


def _public_key(text: str, start: int) -> bool:
    near = _lines_before(text, start, 1)
    if "private" in near.lower():
        return False
    own = text[text.rfind("\n", 0, start) + 1 : start]
    if (
        _OWN_KEY.search(own)
        and _PUBLIC_KEY_WORDS.search(own) is None
        and _PUBLIC_KEY_NAME.search(own) is None
    ):
        return False  # its own key on its line ("PresharedKey = …" under "PublicKey = …")
    return _PUBLIC_KEY_WORDS.search(near) is not None or _PUBLIC_KEY_FLAG.search(near) is not None


def _open_expansion(text: str, start: int) -> str | None:
    """What lies between an unclosed "${" on `start`'s line and `start` (`${NAME:-…`), or None."""
    opened = text.rfind("${", text.rfind("\n", 0, start) + 1, start)
    if opened < 0 or "}" in text[opened:start]:
        return None
    return text[opened:start]


def _harmless_base64(value: str) -> bool:
    if not _BASE64.fullmatch(value) or "." in value:
        return False
    raw = value.rstrip("=")
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            data = decode(raw + "=" * (-len(raw) % 4))
            # PowerShell's -EncodedCommand is UTF-16LE: a NUL after each ASCII character
            utf16 = len(data) >= 8 and data[1::2].count(0) >= 0.9 * (len(data) // 2)
            decoded = data.decode("utf-16-le" if utf16 else "utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if not all(c.isprintable() or c in "\n\r\t" for c in decoded):
            continue
        stripped = decoded.strip()
        if "PRIVATE KEY" in decoded or _CREDENTIAL_WORD.search(decoded) or _BASIC_AUTH.fullmatch(stripped):
            return False
        if "CERTIFICATE" in decoded or "PUBLIC KEY" in decoded or _FILE_NAME.fullmatch(stripped):
            return True  # (a file's name: "quarterly-report.csv")
        if stripped[:1] in "{[" and _MIXED_TOKEN.search(stripped):
            return False  # a tunnel's token: JSON of ids and a secret (`{"a":…,"t":…,"s":"ZjgzM…"}`)
        return stripped[:1] in "{[" or _SETTING.search(stripped) is not None or " " in stripped.strip("=")
    return False


# a random token inside decoded JSON: 24 characters or more of base64's, with a digit and both cases
# (an id in hex or a UUID has one case)
_MIXED_TOKEN = re.compile(r"(?=[\w+/=-]*\d)(?=[\w+/=-]*[a-z])(?=[\w+/=-]*[A-Z])[A-Za-z0-9+/=_-]{24,}")


def _glued(piece: str, is_word: Callable[[str], bool]) -> list[str]:
    """A lower-case piece cut into an abbreviation or a word and a word where it is two glued
    ("monkeypatch", "osxkeychain"), else the piece."""
    low = piece.lower()
    if not low.isalpha() or is_word(low) or len(low) < 7:
        return [piece]
    for cut in range(2, len(low) - 3):
        head, tail = low[:cut], low[cut:]
        if (len(head) <= 3 or is_word(head)) and len(tail) >= 4 and is_word(tail):
            return [piece[:cut], piece[cut:]]
    return [piece]


def word_made(text: str, start: int, end: int) -> bool:
    """The model's "secret" is an identifier: its pieces (split at separators and case changes)
    are dictionary words of four letters or more, short abbreviations and numbers, one of them a
    word, no digit inside a piece of letters; and its line holds no credential's word."""
    value = text[start:end]
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", value) or text[start - 1 : start] in (":", "@"):
        return False  # (`host:5432:*:user:summer-rain-1987` of .pgpass: a login's password)
    if text[start - 2 : start] == "u/":
        return False  # Reddit's "u/throwaway_mkt_2291": a handle, masked
    parts = [q for q in re.split(r"[._/-]", value) if q]
    if any(
        not (q.isalpha() or q.isdigit() or _VERSION_PART.fullmatch(q) or _ALGORITHM_PART.fullmatch(q))
        for q in parts
    ):
        return False  # letters and digits mixed inside a part: random ("9aLk3PqW72mXnB04ZeRt")
    pieces = _PIECES.findall(value)
    if "".join(pieces) != re.sub(r"[._/-]", "", value):
        return False
    lex = lexicon()
    pieces = [q for p in pieces for q in _glued(p, lex.is_word)]
    letters = [p for p in pieces if p.isalpha()]
    if not letters or not any(len(p) >= 4 and lex.is_word(p.lower()) for p in letters):
        return False
    if not all(len(p) <= 3 or lex.is_word(p.lower()) for p in letters):
        return False
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[lo : len(text) if hi < 0 else hi]
    return LINE_CREDENTIAL_CUE.search(line.replace(value, " ")) is None and not prose_line(text, start, end)
