"""The recorder's control socket: `demotrace pause|resume|status|task` talk to a running recorder
over a Unix socket in DEMOTRACE_HOME (mode 0600). One JSON line in (`{"cmd", …arguments}`), one
JSON line out. A handler that takes arguments (`task_start` needs `text`) gets them as a dict."""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("demotrace.capture.control")


class ControlServer:
    def __init__(self, path: Path, handle: Callable[..., dict[str, Any]]) -> None:
        self.path = path
        self.handle = handle
        if path.exists():
            if _alive(path):
                from ..errors import CaptureError

                raise CaptureError(f"another recorder is running (control socket {path} answers)")
            path.unlink()
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            self.sock.bind(str(path))
        finally:
            os.umask(old)
        self.sock.listen(8)
        self.sock.settimeout(0.5)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="demotrace-control", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                try:
                    conn.settimeout(2)
                    line = conn.makefile("r").readline().strip()
                    obj = json.loads(line) if line.startswith("{") else {"cmd": line}
                    cmd = obj.pop("cmd", "") if isinstance(obj, dict) else ""
                    args = obj if isinstance(obj, dict) else {}
                    reply = self.handle(str(cmd), args) if args else self.handle(str(cmd))
                except Exception as e:  # a bad client never stops the recorder
                    reply = {"error": str(e)}
                try:
                    conn.sendall(json.dumps(reply).encode() + b"\n")
                except OSError:
                    pass


def _alive(path: Path) -> bool:
    try:
        send(path, "ping", timeout=1.0)
        return True
    except OSError:
        return False


def send(path: Path, cmd: str, timeout: float = 3.0, args: dict[str, Any] | None = None) -> dict[str, Any]:
    """Send one command (with its arguments) to the recorder; OSError when none is running."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(str(path))
        s.sendall(json.dumps({**(args or {}), "cmd": cmd}).encode() + b"\n")
        data = s.makefile("r").readline()
    reply: dict[str, Any] = json.loads(data) if data else {}
    return reply
