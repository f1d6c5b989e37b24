"""Terminal secrets: is the focused terminal emulator at a hidden-input prompt?

A program that asks for a secret in a terminal (getpass, sudo, ssh, passwd, gpg, bash `read -s`)
turns the tty's echo off and keeps canonical (line) mode: `ICANON` on, `ECHO` off. While the
focused window is a terminal emulator whose tty is in that state, every key is dropped at the
source, as for a browser password field.

How the tty is found, all from /proc, nothing blocking: the window's `_NET_WM_PID` (the
emulator) → its child processes (`/proc/PID/task/*/children`) → each child's controlling tty
(`tty_nr` in `/proc/CHILD/stat`) → `/dev/pts/N`, opened `O_RDONLY|O_NOCTTY|O_NONBLOCK` for one
`termios.tcgetattr` (it neither reads input nor becomes our controlling tty). An emulator with
several ttys (tabs; one server process for all windows, as gnome-terminal) is at a prompt when any
of them is. A terminal whose tty cannot be read (no pid, /proc or the device not readable) counts
as at a prompt: fail closed.

Cost: a probe is a few /proc reads and one open/ioctl/close (`TerminalWatch` measures it as
`probe_s`); it runs only while a terminal window is focused and keys arrive (or arrived within
`active_for` seconds), at most once per `min_interval`; otherwise the last answer is kept. The
process tree is re-read at most every `tree_every` seconds.

What this cannot see (docs/ARCHITECTURE.md, "Terminal secrets"): a prompt on the far side
of ssh/mosh, or inside tmux/screen (the local tty is raw there: the prompt's tty is remote, or a
pane of the multiplexer's server that is not the emulator's child); type-ahead typed before the
program turned echo off (the line discipline had echoed it already).
"""

from __future__ import annotations

import os
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..schema import WindowContext

TERMINAL_APPS = frozenset(
    {
        "xterm",
        "uxterm",
        "rxvt",
        "urxvt",
        "rxvt-unicode",
        "gnome-terminal",
        "gnome-terminal-server",
        "konsole",
        "xfce4-terminal",
        "mate-terminal",
        "lxterminal",
        "qterminal",
        "terminator",
        "tilix",
        "alacritty",
        "kitty",
        "wezterm",
        "wezterm-gui",
        "st",
        "st-256color",
        "foot",
        "sakura",
        "terminology",
        "eterm",
        "termite",
        "guake",
        "tilda",
        "x-terminal-emulator",
    }
)
_PTS_MAJORS = range(136, 144)


def is_terminal(ctx: WindowContext | None) -> bool:
    """A terminal emulator's window (by its executable, WM_CLASS class or instance)."""
    if ctx is None:
        return False
    names = (ctx.exe, ctx.wm_class, ctx.wm_instance)
    return any(n and n.lower() in TERMINAL_APPS for n in names)


def child_pids(pid: int, proc: Path = Path("/proc")) -> list[int]:
    out: list[int] = []
    for task in (proc / str(pid) / "task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


def tty_of(pid: int, proc: Path = Path("/proc")) -> int:
    """The process's controlling tty as a device number (`tty_nr`), 0 when it has none."""
    stat = (proc / str(pid) / "stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) ": state ppid pgrp session tty_nr
    return int(fields[4])


def pts_path(tty_nr: int) -> str | None:
    """`/dev/pts/N` for a pseudo-terminal's device number; None for other ttys."""
    major, minor = os.major(tty_nr), os.minor(tty_nr)
    if major not in _PTS_MAJORS:
        return None
    return f"/dev/pts/{(major - _PTS_MAJORS.start) * 256 + minor}"


def hidden_input(path: str) -> bool:
    """The tty is in canonical mode with echo off: a program is reading a secret from it."""
    fd = os.open(path, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
    try:
        lflag = termios.tcgetattr(fd)[3]
    finally:
        os.close(fd)
    return bool(lflag & termios.ICANON) and not lflag & termios.ECHO


@dataclass
class TerminalWatch:
    """The state of the focused terminal, for the event gate (one call per tick, loop thread)."""

    active_for: float = 5.0
    """Keep probing this long after the last key (a prompt that comes after a command)."""
    min_interval: float = 0.04
    tree_every: float = 2.0
    clock: Callable[[], float] = time.monotonic
    probes: int = 0
    probe_s: float = 0.0
    """Total seconds spent probing (the cost figure)."""
    why: str = ""
    """Why the last answer was "secret": "hidden-input prompt" or what could not be read."""
    _pid: int | None = None
    _ttys: list[str] = field(default_factory=list)
    _tree_t: float = -1e9
    _probe_t: float = -1e9
    _last_key_t: float = -1e9
    _answer: bool = False

    def secret(self, ctx: WindowContext | None, keys_waiting: bool) -> bool:
        """Whether keys to this window must be dropped as terminal secure input, now."""
        if not is_terminal(ctx):
            self._pid, self._answer, self.why = None, False, ""
            return False
        assert ctx is not None
        now = self.clock()
        if keys_waiting:
            self._last_key_t = now
        fresh_window = ctx.pid != self._pid
        active = now - self._last_key_t <= self.active_for
        if fresh_window or (active and now - self._probe_t >= self.min_interval):
            self._answer = self._probe(ctx.pid, now, fresh_window)
        return self._answer

    def _probe(self, pid: int | None, now: float, new_window: bool) -> bool:
        t0 = time.perf_counter()
        self._pid, self._probe_t = pid, now
        self.probes += 1
        try:
            if pid is None:
                self.why = "terminal without a pid: its tty cannot be checked"
                return True
            if new_window or now - self._tree_t >= self.tree_every:
                self._ttys = sorted({p for c in child_pids(pid) if (p := pts_path(tty_of(c)))})
                self._tree_t = now
            for path in self._ttys:
                if hidden_input(path):
                    self.why = "hidden-input prompt in the terminal"
                    return True
            self.why = ""
            return False
        except (OSError, ValueError, IndexError, termios.error) as e:
            if isinstance(e, FileNotFoundError) and not new_window:
                self._tree_t = -1e9  # a child or its tty went away: read the tree again next time
                return self._answer
            self.why = f"terminal tty unreadable ({type(e).__name__})"
            return True
        finally:
            self.probe_s += time.perf_counter() - t0


__all__ = ["TERMINAL_APPS", "TerminalWatch", "hidden_input", "is_terminal", "pts_path", "tty_of"]
