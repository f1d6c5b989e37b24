"""IP_ADDRESS: IPv4 dotted quads (RFC 791 / RFC 4001 text form) and IPv6 (RFC 4291 section 2.2,
RFC 5952), validated with the standard library's `ipaddress` parser. Loopback and unspecified
addresses are kept: they reveal nothing, but the scoring treats every IP as private."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from ._base import Pattern, PatternDetector, Span

# a version's name right before a dotted quad: "version 4.12.3.1", "Version: 10.0.19045.3", "v1.2.3.4",
# "V1.0.11.116" (a router's firmware),
# a device's software ("firmware=10.2.0.14", "target_firmware=…", "bootloader: 2.1.9.4"), a user
# agent's product ("Chrome/125.0.0.0")
_VERSION_BEFORE = re.compile(
    r"(?:(?i:(?<![A-Za-z])(?:version|versión|versão|versione|versie|ver\.?|build|release)\b"
    r"|firmware|bootloader|\bbios)"
    r"[\"']?[ \t]*(?:[:=]|is|es|ist|est)?[ \t]*[\"']?|\b[vV]"
    r"|\b(?:Chrome|Firefox|Safari|Version|Edg|Edge|OPR|Opera|AppleWebKit|Mozilla|Gecko|CriOS|FxiOS|"
    r"SamsungBrowser|Trident|YaBrowser|Electron)/)$"
)


# eight groups of two hex digits each and no "::": the colon-separated bytes of a fingerprint, an
# address written so is not how RFC 5952 or anyone writes one
_BYTE_PAIRS = re.compile(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7}")


# four parts of one digit each, not all the same ("8.8.8.8", "1.1.1.1" are resolvers' addresses)
_SMALL_PARTS = re.compile(r"\d\.\d\.\d\.\d")


class IpDetector(PatternDetector):
    name = "ip"
    kind = "IP_ADDRESS"
    kinds = ("IP_ADDRESS",)
    # each starts with its first digit, the look-behind after it (`_lead`: `re` skips to a digit in
    # C); `\d{1,3}` and `(?:…){1,7}` unrolled once (`\d\d{0,2}`: the same lengths, tried in the same order)
    patterns = (
        Pattern("ipv4", re.compile(r"\d(?<![\d.]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\d]|\.\d)")),
        Pattern(
            "ipv6",
            re.compile(
                r"[0-9A-Fa-f](?<![\w:][0-9A-Fa-f])[0-9A-Fa-f]{0,3}:(?:[0-9A-Fa-f]{1,4}:){0,6}"
                r"(?::|(?::[0-9A-Fa-f]{1,4}){1,6}|[0-9A-Fa-f]{1,4})"
                r"(?:%\w+)?(?![\w:])"
            ),
        ),
    )

    # in every IPv4 / IPv6 match: a digit, a dot, a digit; or a hex digit, a colon and a hex
    # digit or a colon (every IPv6 match has one: its groups end with ":" and are followed by
    # ":" or a group). The IPv6 one starts at its ":", which re skips to in C (a regex that starts
    # with a class of hex digits is entered at every letter a-f of prose), and checks the hex
    # digit behind it
    trigger = (re.compile(r"\d\.\d"), re.compile(r":[0-9A-Fa-f:](?<=[0-9A-Fa-f]:[0-9A-Fa-f:])"))

    def prefilter(self, text: str) -> bool:
        return "." in text or ":" in text

    def detect(self, text: str) -> Iterable[Span]:
        """The addresses, less a dotted quad named a version ("version 4.12.3.1", "v1.2.3.4")."""
        found = super().detect(text)
        return [s for s in found if not _VERSION_BEFORE.search(text, max(0, s.start - 24), s.start)]

    def validate(self, match: str) -> bool:
        try:
            ipaddress.ip_address(match.split("%")[0])
        except ValueError:
            return False
        if _BYTE_PAIRS.fullmatch(match):
            return False  # "4F:2A:91:C7:0E:3B:D8:65": a key's fingerprint, each group one byte
        if _SMALL_PARTS.fullmatch(match) and len(set(match.split("."))) > 1:
            return False  # "7.1.3.2": a package's version (a network numbers few hosts so)
        if match == "0.0.0.0" or match.startswith("255.255."):
            return False  # "0.0.0.0:8080->80/tcp": every interface; "255.255.255.0": a netmask, no host
        return match.count(":") >= 2 or match.count(".") == 3
