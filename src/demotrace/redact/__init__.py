"""Redaction shared by device and service: detectors find, operators rewrite.

The interface the recorder builds on (stable):

    redactor = TextRedactor(confidential_terms=[...], sensitive_topics=[...])
    r = redactor.redact("mail bob@example.com")   # -> Redacted
    r.text        # "mail [EMAIL]"   (None when the item must be dropped)
    r.findings    # (Finding(kind="EMAIL_ADDRESS", start=5, end=20, detector="email"),)
    r.dropped     # True when a detector failed/timed out (fail closed) or the text is about a
                  # sensitive topic / names a confidential term
    r.reason      # why it was dropped
"""

from .engine import Redacted, TextRedactor

__all__ = ["Redacted", "TextRedactor"]
