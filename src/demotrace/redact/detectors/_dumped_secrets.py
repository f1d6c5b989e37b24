"""Secrets as the tools that dump or crack them print them, in the formats they always use: an NTDS
or SAM dump's NT hash (`user:RID:LM:NT:::`), mimikatz's `* NTLM : …`, aircrack-ng's `KEY FOUND!
[ … ]`, a shell's "command not found" after a password typed at its prompt, Redis's `ACL SETUSER
name on >password`, a terminal's line after a command that prints a key file or decodes a secret
(`$ cat config/master.key`, `kubectl get secret … '{.data.password}' | base64 -d`), an Android
resource string named as a credential (`<string name="facebook_client_token">…</string>`). A hash
that logs a user in is a secret as a password is (pass-the-hash)."""

from __future__ import annotations

import re

_NT_HASH = re.compile(r"^[ \t]*[^\s:]+:\d+:[0-9a-fA-F]{32}:(?P<v>[0-9a-fA-F]{32}):::", re.M)
_MIMIKATZ = re.compile(r"\*[ \t]+(?:NTLM|SHA1|Password)[ \t]*:[ \t]*(?P<v>(?!\(null\))\S{8,})")
_KEY_FOUND = re.compile(r"KEY FOUND![ \t]*\[[ \t]*(?P<v>[^\]\n]{4,}?)[ \t]*\]")
_REDIS_ACL = re.compile(r"\bACL[ \t]+SETUSER[ \t]+\S+(?:[ \t]+[^\s>]+)*?[ \t]+>(?P<v>\S{4,})", re.I)
# a shell command that prints a key's file or decodes a secret's value, then its output alone on the
# next line: the secret itself
_PRINTED = re.compile(
    r"(?:^|\n)[^\n]*?[$#>][ \t]*(?:sudo[ \t]+)?(?:cat|type|Get-Content|more|less|head)[ \t]+"
    r"\S*(?:master\.key|\.key|secret|token|password|passwd|\.pass|credentials)\S*[ \t]*\n"
    r"(?P<v>(?![^\s]*://)(?!\w+=)[^\s$#>][^\s]{15,})[ \t]*(?=\n|$)"
    # (the value or the login decoded: the key's name, right before the pipe, says which)
    r"|(?:^|\n)[^\n]*(?i:pass|pwd|token|secret|key|cred|auth|user)[\w.-]*\}?[\"']?[ \t]*\|[ \t]*base64[ \t]+"
    r"(?:-d|--decode|-D)\b[^\n]*\n(?P<w>[^\s$#>][^\s]{5,})[ \t]*(?=\n|$)"
)
# a prompt and a command `_PRINTED` reads (led by the prompt's sign, searched in C; "more ",
# "less " and "type " alone are words of prose), or a decoding: a text without either holds no match
_PRINTING = re.compile(r"[$#>][ \t]*(?:sudo[ \t]+)?(?:cat|type|Get-Content|more|less|head)[ \t]|base64")
_RESOURCE = re.compile(
    r"<string[ \t]+name=\"\w*(?:token|secret|password|api_?key)\w*\"[ \t]*>(?P<v>[^<\s]{8,})</string>", re.I
)


# a password typed at the prompt by mistake, and the shell's echo of it ("Sn3zhinka_91: command not
# found", bash; "zsh: command not found: Sn3zhinka_91"): a word with a digit and a letter or a sign
# in it, no path, no option (not "pyhton3: command not found": a slip's letters and a version)
_NOT_FOUND = re.compile(
    r"^(?:[\w-]+:[ \t]+)?(?:line[ \t]+\d+:[ \t]+)?(?P<v>[^\s:/\\-][^\s:/\\]{5,63}): command not found$"
    r"|^zsh: command not found: (?P<w>[^\s/\\-][^\s/\\]{5,63})$",
    re.M,
)
_MIXED = re.compile(r"(?=[^\n]*\d)(?=[^\n]*[A-Za-z])(?=[^\n]*(?:[A-Z]|[!@#$%^&*_+=]))")


def _echoed_password(value: str) -> bool:
    """A typed word the shell did not know that reads as a password: letters, digits and a capital or
    a sign ("Sn3zhinka_91"); not a command with its version or a slip ("python3", "pyhton3")."""
    return _MIXED.match(value) is not None and not value.islower()


def dumped_secrets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each secret above in `text`."""
    out: list[tuple[int, int]] = []
    if "command not found" in text:
        for m in _NOT_FOUND.finditer(text):
            at = "v" if m.group("v") else "w"
            if _echoed_password(m.group(at)):
                out.append(m.span(at))
    if ":::" in text:
        out += [m.span("v") for m in _NT_HASH.finditer(text)]
    if "* " in text:
        out += [m.span("v") for m in _MIMIKATZ.finditer(text)]
    if "KEY FOUND" in text:
        out += [m.span("v") for m in _KEY_FOUND.finditer(text)]
    if _PRINTING.search(text):
        out += [m.span(m.lastgroup or "v") for m in _PRINTED.finditer(text)]
    if "SETUSER" in text or "setuser" in text:
        out += [m.span("v") for m in _REDIS_ACL.finditer(text)]
    if "<string" in text:
        out += [m.span("v") for m in _RESOURCE.finditer(text)]
    return out
