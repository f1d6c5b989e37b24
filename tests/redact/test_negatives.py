"""Text that must pass unchanged: window titles of the allowlisted sites, code, shell lines,
numbers that are not identifiers, and prose with places, products and organisations."""

from __future__ import annotations

import pytest

from demotrace.redact import Redacted, TextRedactor

from .helpers import RULES

TOPICS = ["health", "immigration", "family"]
RED = TextRedactor(sensitive_topics=TOPICS, detectors=RULES, topic_model=False)
WHOLE = TextRedactor(sensitive_topics=TOPICS)

CLEAN = [
    "ls -la /var/log",
    "cd ~/projects/demotrace && git status",
    "git checkout -b feature/login-retry",
    "git log --oneline --graph -20",
    "git push origin main",
    'python -m pytest tests/ -k "not slow" -q',
    "pip install -e '.[dev]'",
    "docker compose up -d postgres redis",
    "kubectl get pods -n kube-system",
    'export PATH="$HOME/.local/bin:$PATH"',
    "make test && make demo",
    "vim src/demotrace/redact/engine.py",
    'grep -rn "TODO" src | wc -l',
    "tail -f /var/log/syslog",
    "sudo apt-get install -y tesseract-ocr",
    "curl -s https://api.github.com/repos/psf/requests | jq .stargazers_count",
    "echo $((3 + 4))",
    'for f in *.png; do convert "$f" -resize 50% "small/$f"; done',
    "def redact(self, text: str) -> Redacted:",
    "    return sorted(items, key=lambda x: x.start)",
    "class UserProfile(models.Model):",
    "const [state, setState] = useState(null);",
    "SELECT name, email FROM users WHERE id = $1",
    "UPDATE orders SET status = 'shipped' WHERE order_id = 1042;",
    'print(f"processed {count} rows in {elapsed:.2f}s")',
    'if err != nil { return fmt.Errorf("open %s: %w", path, err) }',
    "import pandas as pd",
    'df.groupby("region").agg({"sales": "sum"})',
    "Meeting notes: agree on Q1 OKRs, hire two engineers, migrate CI to GitHub Actions",
    "Sprint retro: what went well, what to improve",
    "Draft: Product launch checklist v3",
    "TODO: handle the case where the upload times out",
    "Reply to the customer about the delayed shipment",
    "Update README with install steps",
    "Deploy to staging at 14:30",
    "Version 10.4.2 released",
    "Weekly sync",
    "Total: 1,234.56 USD",
    "Build 2024.11.23.1 succeeded",
    "Chrome 131.0.6778.85",
    "ISBN 978-3-16-148410-0",
    "Order ID 7842-1193-0021",
    "Invoice INV-2024-00317",
    "Ticket #48213",
    "Room 4B",
    "Zoom meeting ID 845 2291 3370",
    "Tracking numbers are in the e-mail UPS sent (1Z followed by 16 characters)",
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
    """The rules and the topic lexicon leave every line alone."""
    assert RED.redact(text) == Redacted(text)


def test_whole_engine_touches_few() -> None:
    """With the character model (spans and topics) some lines are touched: measured 2026-12-02,
    listed in docs/MODEL_CARD.md ("Known failures"); this guards against more."""
    touched = [t for t in CLEAN if WHOLE.redact(t) != Redacted(t)]
    assert len(touched) <= 6, touched
