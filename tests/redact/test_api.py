from __future__ import annotations

import pytest

import demotrace.redact as redact
from demotrace.redact import registry


def test_public_names_are_pinned() -> None:
    assert sorted(redact.__all__) == [
        "FramesReport",
        "OcrError",
        "Redacted",
        "TextRedactor",
        "mask_boxes",
        "redact_frames_dir",
        "redact_image",
    ]
    assert all(hasattr(redact, n) for n in redact.__all__)


def test_registry_is_explicit_and_rejects_unknown_names() -> None:
    assert registry.names() == [
        "secrets",
        "email",
        "credit_card",
        "iban",
        "ssn",
        "ip",
        "phone",
        "address",
        "person",
        "username",
        "driver_license",
        "account_id",
        "national_id",
        "chat_speaker",
        "person_cues",
        "access_code",
        "recovery_secret",
        "password_hash",
        "passenger_name",
        "shipment_id",
        "device_name",
        "glued_name",
        "table_column",
        "spoken",
        "model",
    ]
    with pytest.raises(ValueError, match="unknown detector"):
        registry.build(["email", "nope"])


def test_detector_subset() -> None:
    r = redact.TextRedactor(detectors=registry.build(["email"]))
    assert r.redact("bob@example.com 4532276644577020").text == "[EMAIL] 4532276644577020"
