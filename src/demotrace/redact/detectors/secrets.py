"""SECRET: credentials by format, private-key blocks, JWTs, passwords in connection strings, and
high-entropy values in credential contexts (`password=…`, `api_key: …`).

Token formats follow gitleaks' published rules (github.com/gitleaks/gitleaks, config/gitleaks.toml;
rule ids in the comments) and detect-secrets' plugins (github.com/Yelp/detect-secrets,
detect_secrets/plugins/*.py). Only the secret itself is a span: `password=[SECRET]` keeps the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Detector, Span, _by_first_letter, guarded
from ._call_passwords import CALL_LITERALS, call_passwords
from ._code_names import (
    digest_at,
    placeholder,
    placeholder_name,
    public_key_at,
)
from ._code_shapes import image_data
from ._config_passwords import config_passwords, placed_passwords
from ._dumped_secrets import dumped_secrets
from ._file_names import in_file_name, named_file
from ._keyed_secrets import keyed_secrets
from ._lead import led, written
from ._login_pairs import login_pairs
from ._named_values import named_values
from ._secret_lookalikes import lookalike, template_userinfo, word_made
from ._secret_values import (
    ARN_HEAD,
    CLOSING_TICK,
    NEXT_QUERY_KEY,
    bare_keyword,
    code_value,
    command_password,
    credential_like,
    id_or_path,
    no_pair,
    not_its_value,
    quoted_comma,
    shannon_entropy,
    unlisted_letters,
    variable_read,
)
from ._session_cookies import session_cookies
from ._stems import ALNUM, camel_start, matches_at, stem_starts
from ._windows import matches_around
from .lexicon import word_set

_TOKEN_RULES: tuple[tuple[str, str], ...] = (
    ("aws-access-token", r"\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b"),
    ("github-pat", r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b"),
    ("github-fine-grained-pat", r"\bgithub_pat_\w{82}\b"),
    # GitLab's personal, pipeline-trigger, deploy, runner, feed, OAuth … tokens
    ("gitlab-token", r"\bgl(?:pat|ptt|dt|rt|soat|cbt|ft|imt|agent|oas)-[\w-]{20,}\b"),
    ("slack-token", r"\bxox[abposr]-(?:\d+-)?[A-Za-z0-9-]{10,}\b"),
    ("slack-webhook", r"(?:https?://)?hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9+/]{40,}"),
    (
        "discord-webhook",
        r"(?:https?://)?(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[\w-]{60,70}",
    ),
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
    # more vendors' prefixed tokens, as gitleaks' rules write them: Stripe's webhook secret, Slack's
    # app token, Linear, Figma, HubSpot, Databricks, Grafana, Sentry, Docker Hub, Vault, Postman,
    # RubyGems, PlanetScale, age, Square, Notion, New Relic, Doppler, Pulumi, Fly.io
    ("stripe-webhook-secret", r"\bwhsec_[A-Za-z0-9]{24,}\b"),
    ("slack-app-token", r"\bxapp-\d-[A-Za-z0-9-]{20,}\b"),
    ("linear-api-key", r"\blin_api_[A-Za-z0-9]{32,}\b"),
    ("figma-pat", r"\bfigd_[\w-]{32,}\b"),
    ("hubspot-private-app", r"\bpat-(?:na|eu)1-[a-f0-9-]{36}\b"),
    ("databricks-token", r"\bdapi[a-f0-9]{32}(?:-\d)?\b"),
    ("grafana-token", r"\bgl(?:sa|c)_[A-Za-z0-9_+/]{32,}={0,2}"),
    ("sentry-token", r"\bsntry[su]_[A-Za-z0-9+/=_-]{40,}"),
    ("docker-hub-pat", r"\bdckr_pat_[\w-]{20,}\b"),
    ("vault-token", r"\bhv[sb]\.[\w-]{24,}\b"),
    ("postman-api-key", r"\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b"),
    ("rubygems-api-key", r"\brubygems_[a-f0-9]{48}\b"),
    ("planetscale-token", r"\bpscale_(?:tkn|pw|oauth)_[\w.-]{32,64}\b"),
    ("age-secret-key", r"\bAGE-SECRET-KEY-1[0-9A-Z]{58}\b"),
    ("square-token", r"\bsq0(?:atp|csp)-[\w-]{22,43}\b"),
    ("notion-token", r"\bntn_[A-Za-z0-9]{40,}\b"),
    ("new-relic-key", r"\bNRAK-[A-Z0-9]{27}\b"),
    ("doppler-token", r"\bdp\.pt\.[A-Za-z0-9]{40,}\b"),
    ("pulumi-token", r"\bpul-[a-f0-9]{40}\b"),
    ("fly-token", r"\bfo1_[\w-]{40,}\b"),
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
_TOKEN_FIRST = "AgxhsrSynpkdePwlfN-"
# an app password as Google and Apple print it, four groups of four ("hqwz pmfe tbno lwks",
# "abcd-efgh-ijkl-mnop"), after its name: letters only, no keyword rule takes it for a password
_APP_PASSWORD = re.compile(
    r"(?i:app(?:lication)?[ \t-](?:specific[ \t-])?password)[^\n]{0,40}?[ \t:=\"'`]"
    r"(?P<v>[a-z]{4}(?: [a-z]{4}){3}|[a-z0-9]{4}(?:-[a-z0-9]{4}){3})(?![\w-])"
)
# a Telegram bot's token: its bot id, ":" and "AA" + 33 (gitleaks telegram-bot-api-token), after
# nothing of a word or in its API's URL ("/bot<id>:"); searched where ":AA" is
_TELEGRAM_BOT = re.compile(r"(?:(?<=/bot)|(?<![\w:]))\d{8,10}:AA[\w-]{33}(?![\w-])")
# a Microsoft Teams channel's incoming webhook (gitleaks microsoft-teams-webhook): who holds the URL
# can post to the channel
_TEAMS_WEBHOOK = re.compile(
    r"https://[\w-]+\.webhook\.office\.com/webhookb2/[\w@-]{30,}/IncomingWebhook/[\w/-]{30,}"
    r"|https://outlook\.office(?:365)?\.com/webhook/[\w@-]{30,}/IncomingWebhook/[\w/-]{30,}"
)
"""Every first character a rule above can match: a lookahead on them lets the alternation be tried
only there (3x faster on page text, same matches: tests/redact/test_secrets.py)."""
_TOKENS = re.compile(
    f"(?=[{_TOKEN_FIRST}])(?:" + "|".join(f"(?P<r{i}>{rx})" for i, (_, rx) in enumerate(_TOKEN_RULES)) + ")"
)
# The rules above but these four match only characters of `_RUN` (word characters, ".", "=", "-";
# "+" and "/" of base64 for `_HIGH_ENTROPY`), at least RUN_MIN of them (slack-token: "xoxb-" +
# 10): without these literals in a text, each match lies inside a run of such characters that
# long, and the alternation needs trying only there (tests/redact/test_secrets.py checks both).
_LITERALS = ("-----BEGIN", "PuTTY-User-Key-File-", "hooks.slack.com/", "AccountKey=", "/api/webhooks/")
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


# RFC 3986 userinfo with a password: scheme://user:password@host (detect-secrets
# BasicAuthDetector), or with no user as Redis writes it (`redis://:password@host`)
# (the password up to the authority's last "@": `redis://default:qDg@zAMZ@host` holds an "@")
_URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]*:([^\s/]+)@[^\s@/]", re.IGNORECASE)
# key = value in a credential context (gitleaks generic-api-key, detect-secrets KeywordDetector)
# the key may end a name joined by "_", "-" or "." ("HF_TOKEN", "x-api-key", "db.password"): no
# letter or digit before it, where `\b` wanted no "_" either and missed every environment variable
# (one that is read, "$CI_PASS https://…", sets nothing: `variable_read`), or opening a camelCase
# name's part ("ServerPassword", `_camel_reference`); the words behind a lookahead on their first
# characters
_KEYWORDS = r"(?:(?<![^\W_])|(?<=[a-z])(?=[A-Z]))" + guarded(
    r"(?:pass(?:word|wd|phrase|code)?|pwd|pw|secret(?:[_-]?key(?:[_-]?base)?)?|token|api[_-]?key|apikey|access[_-]?key|"
    r"auth[_-]?token|client[_-]?secret|private[_-]?key|credentials?|bearer|psk(?=[\"']?[ \t]*[:=])|"
    # the other languages' keys: `DB_SENHA=`, `SMS_CLE_API=`, `WAWI_PASSWORT=`, `BDD_MOT_DE_PASSE=`
    r"senha|contrase(?:ña|na)|clave|cl(?:é|e)[_-]?api|chiave(?:[_-]?api)?|passwort|kennwort|wachtwoord|"
    r"has(?:ło|lo)|l(?:ö|o)senord|palavra[_-]?passe|mot[_-]?de[_-]?passe|mdp|adgangskode|passord|heslo|"
    r"zugangscode|zugriffscode)\b"  # (an e-prescription's or a portal's: "Zugangscode: a7f3…")
)
# the words before a camelCase key whose value names the secret, not holds it: Helm's
# `existingSecret: orders-db-auth`, `HeaderAPIKey = "X-Api-Key"`, a form's `showPassword`
_REFERENCE_HEADS = word_set(
    "existing header name ref file path env use show hide reset forgot confirm require requires "
    "enable enabled min max has is validate check store get set save load read case"
)
_HEAD_BEFORE = re.compile(r"[A-Za-z]+$")
_LETTERS = re.compile(r"[A-Za-z]+")


# an authorization scheme's word that opens a quoted header's value (`"Bearer kh_reg_…"`)
_SCHEMES = frozenset(("bearer", "basic", "token", "digest", "bot", "negotiate", "apikey", "sso-key"))
# a quoted value's blanks and words up to its closing quote on its line: `password="p4ss w0rd with
# spaces!"` (four words at most, a digit or a sign among them: not a prompt's sentence)
_QUOTED_REST = re.compile(r"(?:[ \t][^\s\"']+){1,3}(?=[\"'])")


def _sentence_end(text: str, start: int, value: str) -> str:
    """`value` (at `start`) less the sentence's end after it: a bracket it did not open, a full
    stop before a blank or the text's end ("(palavra-passe: Teste#2024rc).", "… is Wv8#nP2qTz.")."""
    end = start + len(value)
    if value.endswith(".") and not value.endswith("..") and (end == len(text) or text[end].isspace()):
        value = value[:-1]
    if value.endswith(")") and "(" not in value:
        value = value[:-1]
        if value.endswith(".") and not value.endswith(".."):
            value = value[:-1]
    return value


def _quoted_end(text: str, start: int, length: int) -> int:
    """The end of a keyword's value: `start + length`, or the closing quote of a quoted value with
    blanks in it (`_QUOTED_REST`) that holds a digit or a sign."""
    end = start + length
    quote = text[start - 1 : start]
    if quote not in ('"', "'") or text[start:end].lower() in _SCHEMES:
        return end  # (`"Bearer kh_reg_…"`: the scheme's word, then the token the bearer rule takes)
    rest = _QUOTED_REST.match(text, end)
    if rest is None or text[rest.end()] != quote:
        return end
    whole = text[start : rest.end()]
    return rest.end() if any(not (c.isalpha() or c.isspace()) for c in whole) else end


def _camel_reference(text: str, m: re.Match[str], value: str) -> bool:
    """A key whose keyword opens a camelCase part ("ServerPassword", "HeaderAPIKey") names the
    secret (`_REFERENCE_HEADS` before it), is a key of its own (its value ends with ":": the next
    line's key), or holds its own keyword (`case accessToken = "com.app.accessToken"`)."""
    at = m.start()
    if not camel_start(text, at):
        return False
    head = _HEAD_BEFORE.search(text, max(0, at - 40), at)
    word = _LETTERS.match(text, at)
    return (
        (head is not None and head.group().lower() in _REFERENCE_HEADS)
        or value.endswith(":")
        or (word is not None and word.group().lower() in value.lower())
    )


# (or a quoted key, a comma and its value, as a call sets a header: `addHeader("X-API-Key", "ck_…")`)
# (a word after the key that says which the value is, before its colon, as the Romance languages
# write it: "Contraseña temporal: …", "Mot de passe provisoire : …", "Password iniziale: …")
_QUALIFIED = (
    r"(?:[ \t]+(?i:temporal|temporaire|provisoire|provisional|provisoria|provisória|temporanea|temporaria|"
    r"temporária|temporär|tijdelijk|tymczasowe|nueva|nuevo|nouveau|nouvelle|nuovo|nuova|nova|novo|inicial|"
    r"initial|iniziale|neues|neue|nieuw|nieuwe)(?=[ \t]*:))?"
)
_KEYWORD_VALUE = re.compile(
    _KEYWORDS
    + _QUALIFIED
    # (or a box-drawn table's rule between them, as CLIs print variables: "JWT_SECRET  │ e7a7…")
    + r"[\"']?\s*(?:[:=]|=>|:=|[│┃]|\s|(?<=[\"']),(?=[ \t]*[\"']))\s*"
    r"(?:[\"']|`(?=[^\s`]+`))?([^\s\"',;`│┃]{3,})"
)
# the stems each keyword and noun starts with, lower-cased: those regexes are tried only there on a
# long text (`_stems`; tests/redact/test_stems.py expands the word lists and checks)
KEYWORD_STARTS = (
    *("pass", "pwd", "pw", "secret", "token", "api", "access", "auth", "client", "private", "credential"),
    *(
        "bearer",
        "psk",
        "clave",
        "contraseña",
        "wachtwoord",
        "kennwort",
        "mot de passe",
        "senha",
        "palavra-passe",
    ),
    *("contrasena", "cle", "clé", "chiave", "passwort", "haslo", "hasło", "losenord", "lösenord"),
    *("palavra", "mot", "mdp", "adgangskode", "passord", "heslo"),
    *("wlan", "wifi", "wi-fi", "wpa"),  # a network's key: "WLAN-Key ist …"
    *("zugang", "zugriff"),
)
# a password given to a command on its line: `curl -u user:pw`, `--user user:pw` (not a uid:gid pair,
# `docker run --user=1000:1000`), `mysql -pS3cret`
# (the value glued to -p), `sshpass -p pw`, `smbclient -U user%pw`; the group matched holds it
# in every match of `_COMMAND_PASSWORD` (its words are case-sensitive): the batch's trigger, found
# by `str.find`, and the test before the regex is searched in a text (a regex that starts with
# `\b` or `(?:^|\s)` is entered at every position)
_COMMAND_LITERALS = (
    "-u ",
    "-u=",
    "--user",
    "-U ",
    "-U=",
    "mysql",
    "mariadb",
    "sshpass",
    "login",
    "redis-cli",
    "storepass",
    "keypass",
    "pass:",
)
# `go test -v`'s verdict before a test's name ("--- PASS: TestLogin/wrong_password"): no password
_TEST_VERDICT = re.compile(r"---[ \t]PASS:[ \t]+$")
_TEST_NAME = re.compile(r"(?:Test|Benchmark|Example|Fuzz)[A-Z_]")


def _test_name(text: str, at: int) -> bool:
    """A test's name after its verdict: `go test -v` prints "--- PASS: TestLogin/wrong_password"."""
    if _TEST_NAME.match(text, at) is None:
        return False
    return _TEST_VERDICT.search(text, max(0, at - 12), at) is not None


_COMMAND_PASSWORD = re.compile(
    r"(?:^|(?<=\s))(?:-u|--user)[ =]+(?:(?=[\"'])(?P<q>[\"'])[^\s:@/\"']+:(?!//)([^\s@\"']+)(?P=q)"
    r"|(?!\d+:\d+(?!\S))[^\s:@/]+:(?!//)([^\s@]+)(?!\S*@))"
    r"|\b(?:mysql\w*|mariadb\w*)\b[^\n]*?[ \t]-p([^\s-][^\s]*)"
    r"|\bsshpass[ \t]+-p[ \t]*([^\s-][^\s]*)"
    r"|\blogin\b[^\n]*?[ \t]-p[ \t=]+([^\s-][^\s]*)"  # `docker login -u ci -p pw`, `oc login -p pw`
    r"|(?:^|(?<=\s))-U[ =]+[^\s%]+%([^\s]+)"
    r"|\bredis-cli\b[^\n]*?[ \t]-a[ \t]+[\"']?([^\s\"'-][^\s\"']*)"  # `redis-cli -a pw` (its password)
    # keytool's store and key passwords, openssl's `-passin pass:pw`
    r"|(?:^|(?<=\s))-(?:src|dest|new)?(?:store|key)pass[ \t]+[\"']?([^\s\"'$<{%-][^\s\"']*)"
    r"|(?:^|(?<=\s))-pass(?:in|out|word)?[ \t]+[\"']?pass:([^\s\"'$<{%][^\s\"']*)"
)
# a password flag on a command line that names its user too (`mosquitto_pub -u gw -P 'Kiln-7781'`,
# `ipmitool -U ops -P …`, `plink -l root -pw …`, `testsaslauthd -u ana -p 'Aso-Oke-53'`): "-p" is a
# port as often (`psql -U app -p 5432`), so its value is taken only where it is not a number or a path
_FLAG_PASSWORD = re.compile(
    r"(?:^|(?<=[ \t]))(?:-P|-pw|--password|--pass|--passwd|-p(?=[ \t]+['\"]?(?!\d+['\"]?(?!\S))[^\s/-]))[ =]+"
    r"(?P<q>['\"]?)(?P<v>[^\s'\"$<{%][^\s'\"]{3,})(?P=q)(?!\S)",
    re.M,
)
_USER_FLAG = re.compile(r"(?:^|[ \t])(?:-u|-U|-l|--user|--username)[ =]+[^\s-]")
# a password where a file or a command stores it beside its name: XML's `<param name="password"
# value="…"/>`, an answer file's `<Password><Value>…</Value>`, `reg add … /v DefaultPassword /t
# REG_SZ /d …`, a .pgpass line's last field (`host:port:database:user:password`)
_STORED_PASSWORD = re.compile(
    r"\bname=\"(?i:password|passwd|pass|pwd|secret)\"[ \t]+value=\"(?P<x>[^\"]{4,})\""
    r"|<(?:\w+:)?(?i:\w*password)>[ \t\r\n]*<(?:\w+:)?Value>(?P<a>[^<]{4,})</"
    r"|/v[ \t]+(?:Default|AltDefault)?Password[ \t]+/t[ \t]+\w+[ \t]+/d[ \t]+\"?(?P<r>[^\s\"]{4,})"
    r"|^[ \t]*[\w.*\[\]:-]+:(?:\d{2,5}|\*):[\w*.-]+:[A-Za-z_][\w.@-]*:(?P<p>\S+)[ \t]*$",
    re.M,
)
# an XML element named for a credential, its text the value (Maven's `settings.xml`
# `<password>…</password>`, `<db.password>`, `<apiKey>`, `<ns:ClientSecret>`): the tag ends with the
# credential's word (not `<passwordPolicy>`)
_XML_SECRET = re.compile(
    r"<(?P<tag>(?:[\w-]+:)?[\w.-]*?(?i:password|passwd|passphrase|secret|token|api[_.-]?key|"
    r"access[_.-]?key|private[_.-]?key))>[ \t]*(?P<v>[^<>\s][^<>\n]{2,200}?)[ \t]*</(?P=tag)>"
)
# in prose: a credential noun, up to three words ("the staging db pass", "la clave del servidor"),
# a copula, the value: "… pass is Xy7$k2", "la contraseña es …", "das Passwort ist …"
_NOUNS = guarded(
    r"\b(?:pass(?:word|wd|phrase|code)?|pwd|pw|secret|token|api[_-]?key|clave|contraseña|wachtwoord|"
    r"passwort|kennwort|mot de passe|senha|palavra-passe|(?:wlan|wifi|wi-fi|wpa)[ _-]?(?:key|schlüssel))\b"
)
# the copulas, and an adverb that may follow one ("ist übrigens", "is now", "es ahora")
_COPULA = (
    r"\s+(?i:is|es|ist|est|è|é|era|was|war|était|lautet|luidt|är|er|jest)"
    r"(?:\s+(?i:übrigens|jetzt|nun|now|still|ahora|nu|maintenant|ora|agora))?\s+"
)
_KEYWORD_IS = re.compile(_NOUNS + r"(?:\s+[^\s:=]{1,12}){0,3}?" + _COPULA + r"[\"']?([^\s\"',;]{6,})")
# a Redis ACL rule's password after its ">" ("user cache_reader on >Pistachio-Gelato-08 ~cache:*")
_ACL_PASSWORD = re.compile(r"\buser[ \t]+[\w.@-]+[ \t]+on\b[^\n]*?[ \t]>([^\s>]{4,})")
# the same with four or five words between ("the password to open the folder is …", "la contraseña
# para abrir la carpeta es …"): a value with a digit or a sign in it, no word of prose
_KEYWORD_FAR_IS = re.compile(
    _NOUNS
    + r"(?:\s+[^\s:=]{1,12}){4,5}?"
    + _COPULA
    + r"[\"']?(?=[^\s\"',;]*[\d_!@#$%^&*+=?])([^\s\"',;]{6,})"
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


_BEARER_WORDS = (
    "Bearer",
    "Basic",
    "token",
    "GenieKey",
    "SSWS",
    "OAuth",
)  # (Opsgenie's, Okta's, Statuspage's)
_BEARER_WORD = written(_BEARER_WORDS, word_start=True)  # `\b(?:Bearer|Basic|token)`
# `${mail.password:Hb7#…}`, `${DB_PASSWORD:-s3cret}`: a credential's variable and its default (the
# names hold a keyword stem, `KEYWORD_STEMS`, so that the lower-case trigger finds the text)
_DEFAULT_VALUE = re.compile(
    r"\$\{[\w.-]*(?i:pass|pwd|secret|token|api|access|auth|credential|private)[\w.-]*:-?([^}\s?][^}\s]{3,})\}"
)
_BEARER = re.compile(led(_BEARER_WORDS, word_start=True) + r"\s+([A-Za-z0-9._~+/=-]{16,})")  # (`_lead`)
# in every text with a span, one of: a run of 15 token or base64 characters (the token runs and
# the 24-character high-entropy runs lie in one; matched after the character before it, so the
# regex is entered once per run, not at each of its characters), a literal, "://"
_TRIGGER = (
    re.compile(f"[^\\w.=+/-][\\w.=+/-]{{{RUN_MIN}}}"),
    *_LITERALS,
    "://",
    *_COMMAND_LITERALS,
    re.compile(r"\][ \t]*=[ \t]*\{[ \t]*0x"),  # a C array of bytes (`_keyed_secrets`)
    ":{",  # a passwd-file's `user:{PLAIN}…` (`_config_passwords`)
    ":::",  # an NTDS dump's line (`_dumped_secrets`)
    "command not found",  # a password typed at the prompt, echoed by the shell (`_dumped_secrets`)
    "KEY FOUND",
    "SETUSER",
    "NTLM",
    "static:",  # Postfix's `static:user:password`
    "SSID",  # a wireless network's key under it (`_config_passwords`)
    *CALL_LITERALS,  # a password by its place in a call or a command (`_call_passwords`)
)
# or, lower-cased, a stem of a keyword, a noun or a bearer word ("pass" for password, passwort,
# mot de passe; "api" for api_key, apikey): tests/redact/test_triggers.py expands each word list
# and checks that every word holds a stem
KEYWORD_STEMS = (
    *("pass", "pwd", "pw", "secret", "token", "api", "access", "auth", "client", "private", "credential"),
    *("bearer", "basic", "clave", "contraseña", "wachtwoord", "kennwort", "senha"),
    *("contrasena", "cle", "clé", "chiave", "passwort", "haslo", "hasło", "losenord", "lösenord"),
    *("palavra", "mot_de", "mot-de", "mdp", "adgangskode", "passord", "heslo", "geniekey", "ssws"),
    *("wlan", "wifi", "wi-fi", "wpa", "zugang", "zugriff"),
)
_LOWER_TRIGGER: tuple[re.Pattern[str] | str, ...] = (
    # (the stems of 3 letters or more: needles for the batch's scan, `_needles`; "pw" a literal)
    re.compile(_by_first_letter("|".join(s for s in KEYWORD_STEMS if len(s) >= 3))),
    *(s for s in KEYWORD_STEMS if len(s) < 3),
    # `_keyed_secrets`' keys and a router's words ("algolia_admin_key=…", "snmp-server community …",
    # " password 7 …": the keywords' stems hold "pass"); "key" alone is in every third line of prose
    # (each led by a literal, which `re` searches for fast: an alternation of them is entered at
    # every "k", "p", "c" and "s" of a page)
    re.compile(r"key[\"']?\]?[ \t]*(?:=>|[:=])"),
    re.compile(r"key[ \t]+\d\s"),
    "psk",
    "passphrase",
    "community",
    "snmp-server",  # a trap host's community
    "message-digest-key",  # an OSPF key
    "key-string",
    " / ",  # a login and its password: "SFTP: fatima_threads / Saffr0n-Loom-55" (`_login_pairs`)
    " on >",  # a Redis ACL's password (`_ACL_PASSWORD`)
    "cookie",  # an Erlang node's cookie (`_keyed_secrets`)
)


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
        if "/IncomingWebhook/" in text:
            out.extend(Span("SECRET", *m.span(), 1.0) for m in _TEAMS_WEBHOOK.finditer(text))
        if ":AA" in text:
            out.extend(Span("SECRET", m.start(), m.end(), 1.0) for m in _TELEGRAM_BOT.finditer(text))
        for m in token_matches(text, in_runs):
            if placeholder(m.group()):  # `ghp_XXXX…` in a README
                continue
            kept = in_file_name(text, m.start(), m.end()) if "_" in m.group() else m.span()
            if kept is not None and m.group().startswith("AccountKey="):
                kept = (m.start() + len("AccountKey="), m.end())  # the key, not its name
            if kept is not None:  # (a document's name: its parts that are no words)
                out.append(Span("SECRET", *kept, 1.0))
        if "://" in text:
            for m in matches_around(_URL_PASSWORD, text, ("://",)):  # no whitespace in a match
                value = m.group(1)
                if (
                    not placeholder_name(value)
                    and value.strip("*•x")  # `USER:PASSWORD@`, `**:**@`
                    and not placeholder(value)  # `<password>`
                    and not value.startswith(("}", "{"))  # a template's `{{ .Data.password }}`
                    and "${" not in m.group()  # `${oc.env:DB_USER}:${oc.env:DB_PASSWORD}@`: read at run
                    and not (value.isdigit() and "://:" in m.group())  # `tcp://:8080@…`: no user, a port
                    and not template_userinfo(text, m.start(1), m.end(1))  # `postgres://user:password@…`
                ):
                    out.append(Span("SECRET", m.start(1), m.end(1), 0.95))
        starts = stem_starts(text, KEYWORD_STARTS, word_start=True, word=ALNUM, camel=True)
        for m in matches_at(_KEYWORD_VALUE, text, starts):
            value = m.group(1)
            query = NEXT_QUERY_KEY.search(value)  # `access_key=YOUR_KEY&query=Lisbon`: the value ends
            value = CLOSING_TICK.sub("", value[: query.start()] if query else value)  # "`Key: v`."
            value = _sentence_end(text, m.start(1), value)
            if quoted_comma(m) and not (any(c.isdigit() for c in value) and any(c.islower() for c in value)):
                continue  # a tuple of names, `("ANTHROPIC_API_KEY", "CUDA_VISIBLE_DEVICES")`: no value
            bare = bare_keyword(m)
            whole = _quoted_end(text, m.start(1), len(value))
            if whole > m.start(1) + len(value) and not bare and not not_its_value(m):
                if not placeholder(text[m.start(1) : whole]):  # `password="p4ss w0rd with spaces!"`
                    out.append(Span("SECRET", m.start(1), whole, 0.8))
                continue
            if not_its_value(m) or len(value) < 6:
                continue
            set_on_line = not bare and "\n" not in m.group() and unlisted_letters(value)
            if (set_on_line or credential_like(value, bare=bare)) and not (
                (bare and no_pair(m))
                or _camel_reference(text, m, value)
                or variable_read(text, m.start())
                or code_value(m)
                or ARN_HEAD.search(text, max(0, m.start() - 120), m.start()) is not None  # a resource's name
                or _test_name(text, m.start(1))
            ):
                out.append(Span("SECRET", m.start(1), m.start(1) + len(value), 0.8))
        for m in _COMMAND_PASSWORD.finditer(text) if any(c in text for c in _COMMAND_LITERALS) else ():
            g = m.lastindex or 1
            if command_password(m.group(), m.group(g)):
                out.append(Span("SECRET", m.start(g), m.end(g), 0.8))
        if "-P" in text or "-pw" in text or "--pass" in text or "-p " in text:
            for m in _FLAG_PASSWORD.finditer(text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                rest = text[m.end() : len(text) if line_end < 0 else line_end]
                long_flag = m.group().lstrip().startswith(("--password", "--passwd"))  # no port's
                if long_flag or _USER_FLAG.search(text[line_start : m.start()] + rest):  # the line without it
                    out.append(Span("SECRET", m.start("v"), m.end("v"), 0.8))
        if " on >" in text:
            out += [Span("SECRET", *m.span(1), 0.8) for m in _ACL_PASSWORD.finditer(text)]
        for rx in (_KEYWORD_IS, _KEYWORD_FAR_IS):
            for m in matches_at(rx, text, starts):
                value = _sentence_end(text, m.start(1), m.group(1))
                if credential_like(value):
                    out.append(Span("SECRET", m.start(1), m.start(1) + len(value), 0.8))
        for m in _BEARER.finditer(text):
            out.append(Span("SECRET", m.start(1), m.end(1), 0.9))
        if "assword" in text or "ASSWORD" in text:  # (the rule ignores case)
            out += [
                Span("SECRET", *m.span("v"), 0.9)
                for m in _APP_PASSWORD.finditer(text)
                if len(set(m.group("v").replace(" ", "").replace("-", ""))) > 2  # not "xxxx xxxx …"
            ]
        out += [Span("SECRET", a, b, 0.8) for a, b in keyed_secrets(text)]
        out += [Span("SECRET", a, b, 0.8) for a, b in config_passwords(text)]
        out += [Span("SECRET", a, b, 0.8) for a, b in session_cookies(text)]
        out += [Span("SECRET", a, b, 0.8) for a, b in call_passwords(text)]
        out += [Span("SECRET", a, b, 0.8) for a, b in dumped_secrets(text)]
        out += [Span("SECRET", a, b, 0.8) for _, (a, b) in login_pairs(text)]
        out += [Span("SECRET", a, b, 0.8) for a, b in named_values(text)]
        if 'value="' in text or "Value>" in text or "/v " in text or text.count(":") >= 4:
            for m in _STORED_PASSWORD.finditer(text):
                field = m.lastgroup or "x"
                if not placeholder(m.group(field)) and not placeholder_name(m.group(field)):
                    out.append(Span("SECRET", m.start(field), m.end(field), 0.8))
        if "</" in text:
            for m in _XML_SECRET.finditer(text):
                value = m.group("v")
                if (
                    not placeholder(value)
                    and not placeholder_name(value)
                    and value[0] not in "${%"
                    and value.lower() not in ("true", "false", "yes", "no", "null", "none")
                ):
                    out.append(Span("SECRET", *m.span("v"), 0.8))
        if "${" in text:  # the default a credential's variable falls back to: Spring's, a shell's
            for m in _DEFAULT_VALUE.finditer(text):
                value = m.group(1)
                if not placeholder(value) and not placeholder_name(value) and credential_like(value):
                    out.append(Span("SECRET", m.start(1), m.end(1), 0.8))  # (not `${API_TAG:-latest}`)
        for m in high_entropy_matches(text, in_runs):
            tok = m.group()
            if (
                any(c.islower() for c in tok)
                and any(c.isupper() for c in tok)
                and any(c.isdigit() for c in tok)
                and shannon_entropy(tok) >= 4.2
                and not digest_at(text, m.start())
                and not placeholder(tok)
                and not id_or_path(text, m)
                and not public_key_at(text, m.start())
                and not image_data(text, m.start(), m.end())
                and not word_made(text, m.start(), m.end())  # "ISO-27001-Statement-of-Applicability"
            ):
                at = in_file_name(text, *m.span()) if named_file(text, *m.span()) else m.span()
                if at is not None:  # "Visa_Appointment_Confirmation_P8830472.pdf": its id alone
                    out.append(Span("SECRET", *at, 0.7))
        placed = [Span("SECRET", a, b, 0.8) for a, b in placed_passwords(text)]
        return [s for s in out if not lookalike(text, s.start, s.end)] + placed
