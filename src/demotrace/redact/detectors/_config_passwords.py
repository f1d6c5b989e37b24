"""Passwords that files and calls keep in a place of their own, not after a keyword the secret
rule reads: a PPP secrets table's third column, a Dovecot passwd-file's `{SCHEME}` field,
Postfix's `static:user:password` map, the second element of an `auth=(user, password)` tuple, a
property list's `<string>` after its credential's `<key>`, Mailchimp's key by its shape,
and the shapes people type after a password key that `credential_like` reads as words (an app
password of four groups of four letters, a passphrase of words)."""

from __future__ import annotations

import re

from ._code_names import placeholder
from .lexicon import word_set

# pppd's chap-secrets / pap-secrets: `client server secret IP`, the server a "*" (any)
_PPP_SECRET = re.compile(r'^[ \t]*"?[^\s"#*]+"?[ \t]+"?\*"?[ \t]+"(?P<v>[^\s"*]{4,})"', re.M)
# a Dovecot passwd-file line: `user:{PLAIN}password:uid:gid:…` (any scheme's value: a hash too)
_SCHEME_PASSWORD = re.compile(r"^[ \t]*[\w.@+-]+:\{[A-Z0-9.-]{3,20}\}(?P<v>[^:\s]{4,})", re.M)
# Postfix's `smtp_sasl_password_maps = static:user:password`
_STATIC_MAP = re.compile(r"\bstatic:[^\s:]+:(?P<v>\S{4,})")
# `auth=("user", "password")`, `HTTPBasicAuth('user', 'password')`, Go's `req.SetBasicAuth("u", "p")`:
# the calls whose user `_cli_logins._CODE_CREDENTIALS` reads, their second string
_AUTH_PAIR = re.compile(
    r"(?:\bauth|\bbasic|[bB]asic[aA]uth|HTTPBasicAuth|HTTPDigestAuth|\bcredentials|Credentials\.basic)"
    r"[ \t]*[=(][ \t]*\(?[ \t]*(?P<q>[\"'])[^\"'\n]{1,80}(?P=q)[ \t]*,[ \t]*"
    r"(?P<r>[\"'])(?P<v>[^\"'\n]{4,})(?P=r)"
)
# after a password's key: Google's app password ("hvqz ktrw pmxa ljdn"), or after a passphrase's,
# a phrase of three to eight lower-case words to the end of the line or the quote
_SPACED = re.compile(
    r"(?i:pass(?:word|wd)?|pwd)[\"']?[ \t]*(?:=|:)[ \t]*(?P<q>[\"']?)(?P<v>[a-z]{4}(?: [a-z]{4}){3})(?P=q)"
    r"(?!\w|(?<![\"']) )"  # (unquoted: no fifth group after it)
    # (its words in any language's letters, "blå måne over limfjorden"; words of the key between it
    # and its colon: "Passphrase da chave SSH:", "frase secreta del disco:")
    r"|(?i:passphrase|wachtwoordzin|passwortsatz|frase[ \t]+(?:secreta|segreta|de[ \t]+paso)"
    r"|phrase[ \t]+secr[èe]te)"
    r"(?:[ \t]+[^\s:=]{1,12}){0,4}[\"']?[ \t]*(?:=|:)[ \t]*(?P<r>[\"']?)"
    r"(?P<w>[a-zà-öø-ÿ]{2,12}(?: [a-zà-öø-ÿ]{2,12}){2,7})(?P=r)[ \t]*$",
    re.M,
)


# a password's or a licence key's line of YAML or INI whose value, to the line's end, holds the marks
# the keyword rule ends a value at (";", ","): `password:   5k;Wd(Q]m%vE7hR`, and a licence key's
# line the keyword rule does not read (`license_key: eu01xx…NRAL`)
_LINE_VALUE = re.compile(
    r"^[ \t]*(?:[\w-]*[_-])?(?i:password|passwd|pwd|license_key|licence_key|license-key)[\"']?[ \t]*[:=]"
    r"[ \t]*(?P<q>[\"']?)(?P<v>[^\s\"'$%{<][^\s]{5,}?)(?P=q)[ \t]*$",
    re.M,
)
_MARKED = re.compile(r"[;,]|(?<=\d)[a-z]|[a-z](?=\d)")
# a property list's pair, its key naming a credential and its value the next element
# (`<key>FacebookClientToken</key>\n<string>4c7e…</string>`, Info.plist's and GoogleService's)
_PLIST_PAIR = re.compile(
    r"<key>[^<]{0,40}(?:Token|Secret|Password|Passwd|ApiKey|APIKey|API_KEY|AccessKey|ClientKey)[^<]{0,20}"
    r"</key>\s*<string>(?P<v>[^<\s]{8,})</string>"
)
# WordPress' keys and salts in wp-config.php (`define( 'AUTH_KEY', '@!{dhX…' );`): any characters
_WP_SALT = re.compile(
    r"define\([ \t]*['\"](?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)['\"][ \t]*,[ \t]*"
    r"(?:'(?P<v>[^'\n]{8,})'|\"(?P<w>[^\"\n]{8,})\")[ \t]*\)"
)
# a literal hashed by Ansible's filter: `password: "{{ 'Kiosk$upport2024' | password_hash('sha512') }}"`
_HASHED_LITERAL = re.compile(r"\{\{[ \t]*(?P<q>['\"])(?P<v>[^'\"\n]{4,})(?P=q)[ \t]*\|[ \t]*password_hash\b")
# a wireless network's key under its SSID (a router's or a NetworkManager's profile): `Key=4471 9203 …`
_WLAN_KEY = re.compile(
    r"(?m)^[ \t]*(?:Key|key|WPAKey|wpa_passphrase|Passphrase|passphrase|PSK)[ \t]*=[ \t]*"
    r"(?P<v>\S(?:[^\n]{6,62}\S))[ \t]*$"
)
# Mailchimp's API key: 32 hex digits and its data centre ("5e2a…f1a3c5-us14"), whatever its key
_MAILCHIMP = re.compile(r"(?<![\w-])[0-9a-f]{32}-us\d{1,2}(?![\w-])")
_CALL = re.compile(r"\w\(.*\)|::")  # a call that reads it: `keyring::key_get("snowflake-prod")`


# words of a sentence, not of a passphrase ("Passphrase: see the vault entry for it")
_PROSE_WORDS = word_set(
    "the a an and or of to in on for it is be are was see use your our my this that with from by at as "
    "not no set enter type stored kept ask same one any"
)


def placed_passwords(text: str) -> list[tuple[int, int]]:
    """WordPress' keys and salts and a literal Ansible hashes: secrets by their place, whatever
    characters they hold (a salt's "<", "{" and "%" are no template's or placeholder's)."""
    out: list[tuple[int, int]] = []
    if "define(" in text:
        for m in _WP_SALT.finditer(text):
            g = m.lastgroup or "v"
            value = m.group(g)
            if (
                not placeholder(value)
                and not value.startswith(("[", "<"))
                and "REDACTED" not in value.upper()
            ):
                out.append(m.span(g))  # (not "put your unique phrase here", "[REDACTED]")
    if "password_hash" in text:
        out += [m.span("v") for m in _HASHED_LITERAL.finditer(text) if not placeholder(m.group("v"))]
    return out


def config_passwords(text: str) -> list[tuple[int, int]]:
    """(start, end) of each password above in `text`."""
    out: list[tuple[int, int]] = []
    if '"' in text and "*" in text:
        out += [m.span("v") for m in _PPP_SECRET.finditer(text)]
    if ":{" in text:
        out += [m.span("v") for m in _SCHEME_PASSWORD.finditer(text)]
    if "static:" in text:
        out += [m.span("v") for m in _STATIC_MAP.finditer(text)]
    if "(" in text and ("auth" in text or "asic" in text or "redentials" in text or "Auth" in text):
        out += [m.span("v") for m in _AUTH_PAIR.finditer(text)]
    if "<key>" in text:
        out += [m.span("v") for m in _PLIST_PAIR.finditer(text) if not placeholder(m.group("v"))]
    if "-us" in text:
        out += [m.span() for m in _MAILCHIMP.finditer(text)]
    if "SSID" in text or "ssid" in text:
        out += [m.span("v") for m in _WLAN_KEY.finditer(text) if not placeholder(m.group("v"))]
    low = text.lower()
    if "pass" in low or "pwd" in low or "licen" in low:
        for m in _LINE_VALUE.finditer(text):
            value = m.group("v").rstrip(",;")  # code's line end: `password: string;` of a type
            if _MARKED.search(value) and not placeholder(value) and not _CALL.search(value):
                out.append((m.start("v"), m.start("v") + len(value)))
    if "pass" in low or "pwd" in low:
        for m in _SPACED.finditer(text):
            if m.group("v"):
                out.append(m.span("v"))
            elif len(_PROSE_WORDS.intersection(m.group("w").split())) < 2:  # (one: "gaivota azul no tejo")
                out.append(m.span("w"))
    return out
