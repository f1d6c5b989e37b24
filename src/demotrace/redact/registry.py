"""The detectors that run, as one explicit list (presidio's RecognizerRegistry, without YAML).

Adding a detector is one module under `detectors/`, one line here and one test table in
`tests/redact/`. `build(names)` raises on an unknown name rather than running fewer detectors.
"""

from __future__ import annotations

from collections.abc import Iterable

from .detectors._base import Detector
from .detectors.access_code import AccessCodeDetector
from .detectors.account_id import AccountIdDetector
from .detectors.address import AddressDetector
from .detectors.chat_speaker import ChatSpeakerDetector
from .detectors.credit_card import CreditCardDetector
from .detectors.device_name import DeviceNameDetector
from .detectors.driver_license import DriverLicenseDetector
from .detectors.email import EmailDetector
from .detectors.glued_name import GluedNameDetector
from .detectors.iban import IbanDetector
from .detectors.ip import IpDetector
from .detectors.model import ModelDetector
from .detectors.national_id import NationalIdDetector
from .detectors.passenger_name import PassengerNameDetector
from .detectors.password_hash import PasswordHashDetector
from .detectors.person import PersonDetector
from .detectors.person_cues import PersonCueDetector
from .detectors.phone import PhoneDetector
from .detectors.recovery_secret import RecoverySecretDetector
from .detectors.secrets import SecretDetector
from .detectors.shipment_id import ShipmentIdDetector
from .detectors.spoken import SpokenNumberDetector
from .detectors.ssn import SsnDetector
from .detectors.table_column import TableColumnDetector
from .detectors.username import UsernameDetector

DETECTORS: tuple[type[Detector], ...] = (
    SecretDetector,
    EmailDetector,
    CreditCardDetector,
    IbanDetector,
    SsnDetector,
    IpDetector,
    PhoneDetector,
    AddressDetector,
    PersonDetector,
    UsernameDetector,
    DriverLicenseDetector,
    AccountIdDetector,
    NationalIdDetector,
    ChatSpeakerDetector,
    PersonCueDetector,
    AccessCodeDetector,
    RecoverySecretDetector,
    PasswordHashDetector,
    PassengerNameDetector,
    ShipmentIdDetector,
    DeviceNameDetector,
    GluedNameDetector,
    TableColumnDetector,
    SpokenNumberDetector,
    ModelDetector,
)

_CACHE: dict[str, Detector] = {}


def names() -> list[str]:
    return [d.name for d in DETECTORS]


def build(selected: Iterable[str] | None = None) -> list[Detector]:
    """Instances of the selected detectors (all by default), shared and cached per process."""
    by_name = {d.name: d for d in DETECTORS}
    wanted = list(by_name) if selected is None else list(selected)
    unknown = [n for n in wanted if n not in by_name]
    if unknown:
        raise ValueError(f"unknown detector(s): {', '.join(unknown)}; known: {', '.join(by_name)}")
    out = []
    for n in wanted:
        det = _CACHE.get(n)
        if det is None:
            det = _CACHE[n] = by_name[n]()
        out.append(det)
    return out
