"""Text that must pass unchanged: window titles of the allowlisted sites, code, shell lines,
numbers that are not identifiers, and prose with places, products and organisations."""

from __future__ import annotations

import pytest

from demotrace.redact import Redacted, TextRedactor

RED = TextRedactor(sensitive_topics=["health", "immigration", "family"])

CLEAN = [
    "Inbox (12) - Gmail",
    "Sent Mail - Gmail",
    "Q3 Planning - Google Sheets",
    "Untitled document - Google Docs",
    "Google Calendar - Week of November 23, 2026",
    "Feed | LinkedIn",
    "Messaging | LinkedIn",
    "Jobs | LinkedIn",
    "Python (programming language) - Wikipedia",
    "United Nations - Wikipedia",
    "Pull requests · torvalds/linux · GitHub",
    "Issues · microsoft/vscode · GitHub",
    "README.md at main · psf/requests",
    "#random | Acme Corp - Slack",
    "Threads | Slack",
    "PROJ-1234 Fix flaky upload retry - Jira",
    "Sprint 42 Board - Agile Board - Jira",
    "Engineering Home - Confluence",
    "Release Notes 3.2 - Product Team - Confluence",
    "Manus - General AI agent",
    "Threads",
    "def main(argv: list[str] | None = None) -> int:",
    "for i in range(10): print(i)",
    "import numpy as np",
    "SELECT id, created_at FROM users WHERE status = 'active' LIMIT 50;",
    "docker run --rm -p 8080:80 nginx:1.25",
    "kubectl rollout restart deployment/api -n production",
    "git rebase -i HEAD~3",
    "npm install --save-dev typescript@5.4.2",
    "pip install requests==2.31.0",
    'curl -X POST https://api.example.com/v1/items -d \'{"name": "widget"}\'',
    "The quarterly revenue grew by 12 percent compared to last year.",
    "Please review the pull request before the release on Friday.",
    "The meeting was moved to 3:30 PM in Conference Room B.",
    "Version 2.4.1 fixes a crash when opening large files.",
    "We shipped 1,250 orders last week and 980 the week before.",
    "Order #4521 shipped on 2026-11-20 via UPS.",
    "Chapter 7: The French Revolution and its aftermath",
    "The Amazon rainforest spans nine countries.",
    "Apple released the iPhone 15 Pro in September.",
    "Windows Update KB5031356 failed with error 0x80070005",
    "Build #8812 passed in 4m 12s",
    "Temperature: 21.5 C, humidity 40%",
    "Call the function with timeout=30 and retries=3",
    "Terms of Service | Privacy Policy | Help Center",
]


@pytest.mark.parametrize("text", CLEAN)
def test_passes_unchanged(text: str) -> None:
    assert RED.redact(text) == Redacted(text)
