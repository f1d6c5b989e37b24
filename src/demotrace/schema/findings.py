"""A finding: where a detector saw something to redact. Offsets only, never the matched text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Finding:
    kind: str
    """Presidio's entity names: EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, PERSON,
    SECRET, IP_ADDRESS, STREET_ADDRESS, US_DRIVER_LICENSE, CONFIDENTIAL, SENSITIVE_TOPIC, …"""
    start: int
    end: int
    detector: str = ""
    score: float = 1.0
    bbox: tuple[int, int, int, int] | None = None
    """For frames: x0, y0, x1, y1 in image pixels."""

    def intersects(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Finding) -> bool:
        return self.start <= other.start and other.end <= self.end
