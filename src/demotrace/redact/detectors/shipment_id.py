"""ACCOUNT_ID: a person's parcel or web-shop order by the formats carriers and shops print, whatever
label is before it: UPS's tracking number ("1Z" and sixteen letters or digits), the Universal
Postal Union's S10 item number that national posts share ("RF482913056GB": two letters, nine
digits, the country's code; its check digit is not required, a number copied with a slip is still
someone's parcel), PostNL's barcode ("3SABCD1234567") and Amazon's order number
("112-8830417-5529063", digital orders "D01-…"), and any carrier's number after a tracking cue
(`_TRACKED`). Other order and ticket numbers stay with the
account rule, which masks them only after a person's cue: their shapes are every other count's
too."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._base import Detector, Span, guarded

_UPS = re.compile(r"(?<![\w-])1Z[0-9A-Z]{16}(?![\w-])")
_S10 = re.compile(r"(?<![\w-])[A-Z]{2}\d{9}[A-Z]{2}(?![\w-])")
# PostNL's parcel barcode: "3S", the sender's four letters, seven to nine digits ("3SABCD1234567")
_POSTNL = re.compile(r"(?<![\w-])3S[A-Z]{4}\d{7,9}(?![\w-])")
_AMAZON = re.compile(r"(?<![\w-])(?:\d{3}|D\d{2})-\d{7}-\d{7}(?![\w-])")
# any carrier's number after a tracking cue ("Tracking JD014600009876543210", "the tracking is 9400
# 1118 9922 3845 6701 23", "Número de seguimiento: ES2931…", "Sendungsnummer: 00340434…"): capitals
# and digits, eight digits at least, one run or groups a blank apart (40 of 49 labelled a person's
# in the open sets; the others are the same shapes left unlabelled)
_TRACKED = re.compile(
    r"\b"
    + guarded(
        "tracking|track|awb|sendungsnummer|sendungsverfolgung|número de seguimiento|numero de seguimiento|"
        "seguimiento|forsendelsesnummer|kollinummer|rastreio|código de rastreio|numéro de suivi|suivi|"
        "track & trace|track&trace|zendingnummer|"
        # (Correos' "Localizador de envíos", Poste's "codice di spedizione", the Nordic posts')
        "localizador de envíos|localizador de envío|codice di spedizione|numero di spedizione|"
        "spårningsnummer|sporingsnummer|numer przesyłki|"
        # a parcel's own word before its number, as a post's or a shop's page titles it ("Envío
        # PK4E2198736ES a …", "Przesyłka 6820391147…", "Sendung 00340434…", "Colis 6A1234…")
        "envío|envio|przesyłka|paczka|sendung|zending|pakket|colis|parcel|spedizione|encomenda|"
        "försändelse|forsendelse"
    )
    + r"(?:[ \t]+(?i:number|no\.?|nr\.?|#|id|code|is|ref))?[ \t]*[:#]?[ \t]*"
    r"(?P<id>(?=(?:[A-Z ]*\d){8})[A-Z0-9]{2,}(?: [A-Z0-9]{2,6}){0,6})(?![\w-])"
)


class ShipmentIdDetector(Detector):
    name = "shipment_id"
    kinds = ("ACCOUNT_ID",)
    # each format holds a digit where its match can begin ("1Z", nine digits, seven digits and a
    # hyphen): a leading class `re` skips to in C (the plain alternation is tried at every character)
    # (or eight digits in a row, grouped by fours or threes: a tracking cue's value, `_TRACKED`)
    trigger = re.compile(
        r"\d(?:(?<=1)Z[0-9A-Z]{16}|(?<=3)S[A-Z]{4}\d{7}|\d{8}[A-Z]{2}|\d{6}-\d{7}|\d{7}|\d{3} \d{3,4})"
    )

    def detect(self, text: str) -> Iterable[Span]:
        return [
            Span("ACCOUNT_ID", m.start(), m.end(), 0.85)
            for rule in (_UPS, _S10, _POSTNL, _AMAZON)
            for m in rule.finditer(text)
        ] + [Span("ACCOUNT_ID", *m.span("id"), 0.8) for m in _TRACKED.finditer(text)]
