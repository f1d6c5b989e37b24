"""Seed phrases and BitLocker recovery keys (`detectors/recovery_secret.py`): masked whole through
the engine, and the near misses (an instruction after the cue, a phrase too short, a number of
another shape) left alone."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.recovery_secret import RecoverySecretDetector

WORDS = "harbor velvet quantum ribbon eagle timber galaxy oyster lantern fossil magnet crisp"
WORDS24 = WORDS + " absorb canyon drift noble orbit pepper quiz rocket salmon tunnel umbrella wagon"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"Crypto wallet backup\nseed: {WORDS}\nexchange 2FA codes: see safe", WORDS),
        (f"My recovery phrase is {WORDS}.", WORDS),
        (f'mnemonic = "{WORDS24}"', WORDS24),
        (
            "Secret Recovery Phrase:\n1. harbor 2. velvet 3. quantum 4. ribbon 5. eagle 6. timber\n"
            "7. galaxy 8. oyster 9. lantern 10. fossil 11. magnet 12. crisp",
            "1. harbor 2. velvet 3. quantum 4. ribbon 5. eagle 6. timber\n"
            "7. galaxy 8. oyster 9. lantern 10. fossil 11. magnet 12. crisp",
        ),
        (f"Wiederherstellungsphrase: {WORDS}", WORDS),
        (
            "Action: remote wipe, BitLocker recovery key "
            "481207-336194-552803-117392-640218-009427-284530-713862 kept.",
            "481207-336194-552803-117392-640218-009427-284530-713862",
        ),
    ],
)
def test_masked_whole(text: str, secret: str) -> None:
    spans = RecoverySecretDetector().detect(text)
    assert [text[s.start : s.end] for s in spans] == [secret]
    out = TextRedactor().redact(text).text
    assert all(w not in out for w in secret.split() if len(w) > 3)


@pytest.mark.parametrize(
    "text",
    [
        "seed phrase: write these twelve words down before closing this window because nobody here"
        " could recover them",
        "seed: harbor velvet quantum ribbon eagle timber",  # six words: no phrase
        "recovery phrase stored offline in the safe",
        "Build 481207-336194-552803 failed",  # three groups: no key
        "seed = 42\nnp.random.seed(seed)",
    ],
)
def test_left_alone(text: str) -> None:
    assert RecoverySecretDetector().detect(text) == []
