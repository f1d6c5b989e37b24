"""Secrets of config and network gear that `secrets.py`'s keywords do not name (the secrets
rule's `_KEYWORDS` know "password", "token", "api_key", not every name a key is stored under):

- a value of hex digits, a UUID or base64 under a key whose name ends in a key's word or is a
  secret's id
  (`ALGOLIA_ADMIN_KEY=1f18…`, `"key":"f5b9…"`, `PresharedKey = F88a…=`, `hmac-key: c787…`), not a
  public one's, a table's or a cache's (`PublicKey`, `partition_key`, `cache_key`, `key_id`);
- a router's or a switch's stored credentials: Cisco's `password 7 0530…`, `secret 9 $9$…`,
  `key 7 …`, an SNMP community (`snmp-server community Gr33n RO`, Junos' `set snmp community …`);
- a key block that is no public key's or certificate's (`-----BEGIN OpenVPN Static key V1-----`);
- a C array of bytes named for a key (a LoRaWAN `APPKEY[16] = { 0x8F, 0x2C, … }`, `aes_iv[] = {…}`);
- an Erlang node's cookie (`RELEASE_COOKIE=…`, `--cookie …`, `-setcookie …`), and a session's in
  an HTTP cookie header (`Cookie: PHPSESSID=…`), not analytics' (`_ga=GA1.1…`).
"""

from __future__ import annotations

import re

# a key's word (searched in the text lower-cased: a literal's alternation, skipped to in C), then
# its separator and a value of hex digits, a UUID or base64 (read in the text as written); the
# key's whole name is read back from the word (`_NAME_BEFORE`)
_KEY_WORD = re.compile(r"(?:key|secret|token|private|psk|passphrase)(?![a-z0-9])|secret(?=id(?![a-z0-9]))")
_VALUE_AFTER = re.compile(
    r"(?:[_-](?:hex|b64|base64|bytes|str|value))?(?:[ \t]*\([A-Za-z]{2,4}\))?"  # `psk_hex`, `AppKey (MSB)`
    r"[\"']?\]?[ \t]*(?:=>|[:=])[ \t]*[\"']?"
    r"(?P<value>[0-9a-fA-F]{16,}(?![\w+/=-])"
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])"
    r"|(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{20,}={0,2}(?![\w+/=-]))"
)
# a secret's id, which is a credential of its own (Vault's AppRole `secret_id="9711ff34-…"`, `SecretID:
# 19a6…`), not its accessor (`secret_id_accessor`)
_SECRET_ID_AFTER = re.compile(r"[_-]?(?i:id)" + _VALUE_AFTER.pattern)
_KEY_WORD_ANY_CASE = re.compile(
    r"(?i:key|secret|token|private|psk|passphrase)(?![A-Za-z0-9])|(?i:secret)(?=(?i:id)(?![A-Za-z0-9]))"
)
_NAME_BEFORE = re.compile(r"[A-Za-z0-9_.-]*$")
_NOT_SECRET_KEY = re.compile(
    r"(?i:public|primary|partition|sort|cache|foreign|row|hash|range|publishable|idempotency|object|"
    r"bucket|registry|license|licence|dedup|lookup|shard|index|message|event|trace|request|"
    r"correlation|site|recaptcha_?site|(?<![a-z])map|browser|^signingkey$)"  # (git's GPG key id)
)
# a router's stored credential: its type's digit, then the value (Cisco IOS, NX-OS, ASA)
_DEVICE_SECRET = re.compile(
    r"(?m)(?:^|[ \t])(?:password|secret|key|key-string|authentication-key)[ \t]+[0-9][ \t]+(?P<value>\S{6,})"
    r"|\bsnmp-server[ \t]+community[ \t]+(?P<community>\S+)"
    r"|\bset[ \t]+snmp[ \t]+community[ \t]+(?P<junos>\S+)"
    # a trap host's community (`snmp-server host 10.2.0.15 version 2c Pl4nkt0n`), an OSPF or RIP
    # key in clear (`ip ospf message-digest-key 1 md5 Zq7Wt2Lr`, `key-string Kestrel44`)
    r"|\bsnmp-server[ \t]+host[ \t]+\S+(?:[ \t]+(?:informs|traps))?[ \t]+version[ \t]+(?:1|2c)[ \t]+"
    r"(?P<host>(?!(?:udp-port|vrf)\b)\S+)"
    r"|\bmessage-digest-key[ \t]+\d+[ \t]+md5[ \t]+(?:[0-7][ \t]+)?(?P<md5>\S{4,})"
    r"|\bkey-string[ \t]+(?P<string>[^\s0-9]\S{3,})"
)
# an Erlang node's cookie, which lets any node that holds it run code on the cluster: Elixir's
# `RELEASE_COOKIE=HHTN…`, `iex --cookie XTCC…`, `vm.args`' `-setcookie OANM…`
_ERLANG_COOKIE = re.compile(
    r"(?:(?i:release_cookie|erlang_cookie)[\"']?[ \t]*[:=][ \t]*[\"']?|(?<![\w-])-{1,2}(?:set)?cookie[ \t]+)"
    r"(?P<value>[A-Za-z0-9_]{16,})(?![\w=.-])"
)
# an HTTP request's or response's cookie header, and each of its values long enough to be a
# session's ("Cookie: PHPSESSID=rk8v…; _ga=GA1.1…"): a session's cookie logs its holder in;
# analytics' cookies (`_ga`, `_gid`, `_fbp`, `__utma`, `_hj…`) do not
_COOKIE_HEADER = re.compile(r"(?im)^[ \t>-]*(?:set-)?cookie[ \t]*:[ \t]*(?P<pairs>[^\n]+)")
_COOKIE_PAIR = re.compile(
    r"(?:^|;[ \t]*)(?P<name>[\w.-]+)=(?P<value>(?=[^;\s\"']*\d)(?=[^;\s\"']*[A-Za-z])[^;\s\"']{16,})"
)
_ANALYTICS_COOKIE = re.compile(r"_ga|_gid|_gcl_\w*|_fbp|_fbc|__utm\w|_hj\w*|ajs_\w*|_clck|_clsk|__cf_bm")
_KEY_BLOCK = re.compile(
    r"-----BEGIN (?P<what>[^-\n]{0,60}(?i:key)[^-\n]{0,60})-----\n(?P<body>[\s\S]{16,8000}?)\n-----END "
)


# a Proxmox VE API token's secret after its user and token id (`PVEAPIToken=root@pam!monitoring=c4a6…`)
_PVE_TOKEN = re.compile(
    r"PVEAPIToken[ \t]*=[ \t]*[^\s!=]{1,80}![\w.-]{1,64}=(?P<value>[0-9a-fA-F-]{32,36})(?![\w-])"
)
_KEY_BYTES = re.compile(
    r"(?i:\w*(?:key|secret|token|nonce|salt|iv|psk)\w*)[ \t]*\[[ \t]*\w*[ \t]*\][ \t]*=[ \t]*\{[ \t]*"
    r"((?:0x[0-9A-Fa-f]{2}[ \t]*,[ \t]*){7,}0x[0-9A-Fa-f]{2})"
)


def keyed_secrets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each value above."""
    out: list[tuple[int, int]] = []
    low = text.lower()
    if any(w in low for w in ("key", "secret", "token", "private", "psk", "passphrase")):
        words = _KEY_WORD.finditer(low) if len(low) == len(text) else _KEY_WORD_ANY_CASE.finditer(text)
        for k in words:  # (where lower-casing moved the offsets, "İ", the text is searched as written)
            v = _VALUE_AFTER.match(text, k.end())
            if v is None and k.group().lower() == "secret":  # (`k` is on `text` or on `low`)
                v = _SECRET_ID_AFTER.match(text, k.end())
            if v is None:
                continue
            head = _NAME_BEFORE.search(text, max(0, k.start() - 60), k.start())
            name = text[head.start() if head else k.start() : k.end()]
            if head is not None and head.start() > 0 and text[head.start() - 1].isalnum():
                continue  # a name longer than the window read back: its start unknown, left alone
            if not _NOT_SECRET_KEY.search(name.rsplit(".", 1)[-1]):  # (its last part: not "savedObjects.")
                out.append(v.span("value"))
    if "cookie" in low:
        out += [m.span("value") for m in _ERLANG_COOKIE.finditer(text)]
        for header in _COOKIE_HEADER.finditer(text):
            at = header.start("pairs")
            out += [
                (at + m.start("value"), at + m.end("value"))
                for m in _COOKIE_PAIR.finditer(header.group("pairs"))
                if _ANALYTICS_COOKIE.fullmatch(m.group("name")) is None
            ]
    if any(w in low for w in ("community", " 7 ", " 9 ", " 5 ", " 8 ", "snmp-server", " md5 ", "key-string")):
        for m in _DEVICE_SECRET.finditer(text):
            out.append(m.span(m.lastgroup or "value"))
    if "PVEAPIToken" in text:
        out += [m.span("value") for m in _PVE_TOKEN.finditer(text)]
    if "0x" in text:
        out += [m.span(1) for m in _KEY_BYTES.finditer(text)]
    if "-----BEGIN" in text:
        for m in _KEY_BLOCK.finditer(text):
            what = m.group("what").upper()
            if "PUBLIC" not in what and "CERTIFICATE" not in what:
                out.append(m.span("body"))
    return out
