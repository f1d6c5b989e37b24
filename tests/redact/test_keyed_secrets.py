"""Secrets under keys `secrets.py`'s keywords do not name, and a router's stored credentials
(`detectors/_keyed_secrets.py`), each written here, beside the lookalikes that stay unmasked."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

RED = TextRedactor()


def _secrets(text: str) -> list[str]:
    return [text[f.start : f.end] for f in RED.redact(text).findings if f.kind == "SECRET"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("SEARCH_ADMIN_KEY=7c2e9b14a5f0d83b6e190fa3c27d8b5e", "7c2e9b14a5f0d83b6e190fa3c27d8b5e"),
        ('os.environ["TRACKER_API_KEY"] = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"', "0a1b2c3d4e5f6071"),
        ('{"username": "lena_k", "key": "f5b955cc380a7d5ac346077f3867f187"}', "f5b955cc380a7d5a"),
        ('const PAYOUTS_PRIVATE = "3e1f9c20-5b7a-4d86-9e02-7f4c1a8b6d35";', "3e1f9c20-5b7a-4d86"),
        (
            "PresharedKey = Zt4mQ9vLx2Pk7Wd0Rb3Nc8Hy5Fg1Js6Ue2Ta9Ko4Mi=",
            "Zt4mQ9vLx2Pk7Wd0Rb3Nc8Hy5Fg1Js6Ue2Ta9Ko4Mi=",
        ),
        (" password 7 0530182F2A4D1B0C5E4B58", "0530182F2A4D1B0C5E4B58"),
        ("snmp-server community Tulip-Gate-77 RO SNMP-ACL", "Tulip-Gate-77"),
        ("set snmp community Mx204-mon authorization read-only", "Mx204-mon"),
        (
            "-----BEGIN OpenVPN Static key V1-----\n270f05f7a59f6082865f05cd79f2d62e\n"
            "66f4d9e7d03b5baa75284ef945097f1b\n-----END OpenVPN Static key V1-----",
            "270f05f7a59f6082865f05cd79f2d62e",
        ),
    ],
)
def test_a_secret_under_a_keys_name_or_a_routers_word(text: str, value: str) -> None:
    assert any(value in s for s in _secrets(text)), RED.redact(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "PublicKey = jbDqg2AtuKTGDDTo6ozlNHILkgYJSF9thCyGCmOQnY8=",
        "cache_key = 5c1a9e07b3d2f4a6c8e0b2d4f6a8c0e2",
        "partition_key: 9f3b2c1d0e8a7f6b5c4d3e2f1a0b9c8d",
        "signing_key_id = 7c2e9b14a5f0d83b6e190fa3c27d8b5e",
        "idempotency_key=4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmDMEZk2qRxYJKwYBBAHaRw8BAQdAq7mLr0Zc\n"
        "-----END PGP PUBLIC KEY BLOCK-----",
    ],
)
def test_a_public_a_tables_or_a_caches_key_is_no_secret(text: str) -> None:
    assert not _secrets(text), RED.redact(text).findings
