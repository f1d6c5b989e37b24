"""The recorder's own footprint choices hold in a real `demotrace record`: its redactor runs the
character model without ONNX Runtime's library mapped (numpy runtime, docs/BENCHMARKS.md)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.capture.desktop import desktop, start_recorder

pytestmark = pytest.mark.x11


def test_recorder_redacts_typed_text_without_onnxruntime(tmp_path: Path, _demotrace_home: Path) -> None:
    with desktop(_demotrace_home) as d:
        wid = d.xterm(geometry="80x24+0+0", echo=True, cmd="cat")
        d.focus(wid)
        rec = start_recorder(d, tmp_path)
        d.xdo("type", "--delay", "30", "mail Jan de Vries about the invoice")
        d.xdo("key", "Return")
        time.sleep(2.0)
        maps = Path(f"/proc/{rec.proc.pid}/maps").read_text()
        summary = rec.stop()
    assert summary["actions"] >= 1, summary
    assert "libpython" in maps or "python" in maps  # the map was read from the live recorder
    assert "onnxruntime" not in maps
