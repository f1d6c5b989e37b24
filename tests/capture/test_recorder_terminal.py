"""Issue 10 acceptance (terminal secrets): answers typed at a Python `getpass` prompt and at bash
`read -s` in an allowlisted xterm are in no spool file, no decrypted spool dump and no export of
any format, while the commands typed around them are recorded as `type` actions; each prompt is
marked by one `secure_input` step (field `terminal`) and `demotrace status` says so meanwhile.

Real parts: Xvfb, xterm running bash, xdotool keys, the recorder as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from demotrace.redact import TextRedactor
from tests.capture.desktop import (
    DEMOTRACE,
    Desktop,
    RecorderProc,
    desktop,
    export_every_format,
    search_tree,
    spool_dump,
    start_recorder,
)

pytestmark = pytest.mark.x11

# Answers the text redactor leaves alone (checked below): only the terminal guard can hide them.
# Commands around them that no detector touches, so that they must come out verbatim.
GETPASS_ANSWER, READ_ANSWER = "velvet quokka lantern", "wombat marmalade harbor"
BEFORE, BETWEEN, AFTER = "echo before the prompt", "echo between the prompts", "echo after the prompts"


def type_line(d: Desktop, text: str, pause: float = 0.6) -> None:
    d.xdo("type", "--delay", "40", text)
    time.sleep(0.25)  # the command is typed; then its Return, on its own
    d.xdo("key", "Return")
    time.sleep(pause)


def wait_secure(rec: RecorderProc, timeout: float = 4.0) -> dict[str, Any]:
    """The recorder's status once it reports terminal secure input (or the last one seen)."""
    end = time.monotonic() + timeout
    while True:
        st = rec.status()
        if st.get("secure_input") == "terminal" or time.monotonic() > end:
            return st
        time.sleep(0.1)


def test_terminal_prompt_answers_leave_no_trace(tmp_path: Path, _demotrace_home: Path) -> None:
    got_getpass, got_read = tmp_path / "getpass.out", tmp_path / "read.out"
    rc = tmp_path / "bashrc"
    rc.write_text(
        "PS1='$ '\n"
        f'askpw() {{ {sys.executable} -c \'import getpass; open("{got_getpass}", "w")'
        '.write(getpass.getpass("Password: "))\'; }\n'
        f'keep() {{ printf %s "$SECRET" > {got_read}; }}\n'
    )
    with desktop(_demotrace_home) as d:
        wid = d.xterm(geometry="80x24+0+0", cmd=f"exec bash --noprofile --rcfile {rc} -i", echo=True)
        d.focus(wid)
        time.sleep(0.5)
        rec = start_recorder(d, tmp_path)
        d.xdo("mousemove", "200", "150", "click", "1")
        type_line(d, BEFORE)
        type_line(d, "askpw", pause=0.3)  # Python starts and turns echo off
        status_at_prompt = wait_secure(rec)
        line_at_prompt = subprocess.run(
            [DEMOTRACE, "status"], env=d.env, capture_output=True, text=True, timeout=10
        ).stdout
        type_line(d, GETPASS_ANSWER, pause=0.8)
        type_line(d, BETWEEN)
        type_line(d, "read -s SECRET", pause=0.3)
        assert wait_secure(rec)["secure_input"] == "terminal"
        type_line(d, READ_ANSWER, pause=0.8)
        type_line(d, "keep")
        type_line(d, AFTER, pause=1.0)
        status_after = rec.status()
        summary = rec.stop()
    # positive controls: the answers did reach the programs, and the commands were recorded
    assert got_getpass.read_text() == GETPASS_ANSWER
    assert got_read.read_text() == READ_ANSWER
    assert status_at_prompt["secure_input"] == "terminal", status_at_prompt
    assert "secure input: terminal" in line_at_prompt, line_at_prompt
    assert status_after["secure_input"] is None, status_after

    redactor = TextRedactor()
    assert [redactor.redact(a).text for a in (GETPASS_ANSWER, READ_ANSWER)] == [GETPASS_ANSWER, READ_ANSWER]
    secrets = [GETPASS_ANSWER.encode(), READ_ANSWER.encode(), b"quokka", b"marmalade"]
    dump = spool_dump(rec, tmp_path / "dump")
    assert search_tree(dump, secrets) == []
    assert search_tree(rec.spool, secrets) == []
    steps = [json.loads(x) for p in dump.rglob("chunks/*.jsonl") for x in p.read_text().splitlines()]
    steps = [s for s in steps if s.get("kind") == "step"]
    typed = [s["action"]["text"] for s in steps if s["action"]["type"] == "type"]
    for cmd in (BEFORE, "askpw", BETWEEN, "read -s SECRET", "keep", AFTER):
        assert cmd in typed, (cmd, typed)
    marks = [s for s in steps if s["action"]["type"] == "secure_input"]
    assert [m["action"] for m in marks] == [{"type": "secure_input", "field": "terminal"}] * 2, marks
    assert summary["dropped"].get("secure_terminal") == 2  # prompts, never keys

    for fmt, out in export_every_format(rec, d.env, tmp_path).items():
        assert search_tree(out, secrets) == [], fmt
        assert search_tree(out, [b"between the prompts"]), f"{fmt}: the commands should be exported"
