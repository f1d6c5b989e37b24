"""Terminal secrets, unit level with real parts: a real pseudo-terminal whose controlling process
is a real child of this process (as a shell is a child of its terminal emulator), its termios
set the way getpass / `read -s` / a shell's line editor set them."""

from __future__ import annotations

import fcntl
import os
import subprocess
import termios
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from demotrace.capture.terminal import TerminalWatch, hidden_input, is_terminal, pts_path, tty_of
from demotrace.schema import WindowContext


@contextmanager
def pty_child() -> Iterator[tuple[int, str, int]]:
    """(slave fd, slave path, child pid): a child that has the pty as its controlling tty."""
    master, slave = os.openpty()
    path = os.ttyname(slave)

    def become_session_leader() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    p = subprocess.Popen(
        ["sleep", "60"], stdin=slave, stdout=slave, stderr=slave, preexec_fn=become_session_leader
    )
    try:
        yield slave, path, p.pid
    finally:
        p.kill()
        p.wait()
        os.close(slave)
        os.close(master)


def set_mode(fd: int, canonical: bool, echo: bool) -> None:
    a = termios.tcgetattr(fd)
    a[3] = (a[3] | termios.ICANON) if canonical else (a[3] & ~termios.ICANON)
    a[3] = (a[3] | termios.ECHO) if echo else (a[3] & ~termios.ECHO)
    termios.tcsetattr(fd, termios.TCSANOW, a)


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def xterm(pid: int | None) -> WindowContext:
    return WindowContext(window_id=5, wm_instance="xterm", wm_class="XTerm", exe="xterm", pid=pid)


def test_pts_path_and_tty_of_a_real_child() -> None:
    with pty_child() as (_slave, path, child):
        assert tty_of(child) == os.stat(path).st_rdev
        assert pts_path(tty_of(child)) == path
    assert pts_path(os.makedev(4, 1)) is None  # /dev/tty1 is not a pseudo-terminal


@pytest.mark.parametrize(
    ("canonical", "echo", "secret"),
    [(True, False, True), (True, True, False), (False, False, False), (False, True, False)],
)
def test_hidden_input_is_canonical_without_echo(canonical: bool, echo: bool, secret: bool) -> None:
    with pty_child() as (slave, path, _):
        set_mode(slave, canonical, echo)
        assert hidden_input(path) is secret


def test_watch_follows_the_prompt_of_the_emulators_child() -> None:
    clock = Clock()
    watch = TerminalWatch(clock=clock)
    me = xterm(os.getpid())  # this process plays the emulator: the pty's holder is its child
    with pty_child() as (slave, _, _):
        set_mode(slave, canonical=False, echo=False)  # a shell's line editor: raw
        assert watch.secret(me, keys_waiting=True) is False
        set_mode(slave, canonical=True, echo=False)  # getpass
        clock.t += 0.1
        assert watch.secret(me, keys_waiting=True) is True
        assert watch.why == "hidden-input prompt in the terminal"
        set_mode(slave, canonical=True, echo=True)  # the answer is in: echo back on
        clock.t += 0.1
        assert watch.secret(me, keys_waiting=False) is False  # still probing: a key came 0.1 s ago


def test_watch_is_idle_without_keys_and_fails_closed_without_a_pid() -> None:
    clock = Clock()
    watch = TerminalWatch(clock=clock, active_for=5.0)
    me = xterm(os.getpid())
    with pty_child() as (slave, _, _):
        set_mode(slave, canonical=True, echo=True)
        assert watch.secret(me, keys_waiting=True) is False
        clock.t += 10  # no key for 10 s: no probe, the last answer stands
        n = watch.probes
        set_mode(slave, canonical=True, echo=False)
        assert watch.secret(me, keys_waiting=False) is False and watch.probes == n
        clock.t += 0.1  # a key arrives: probed at once
        assert watch.secret(me, keys_waiting=True) is True and watch.probes == n + 1
    assert watch.secret(xterm(None), keys_waiting=True) is True  # no pid: cannot check, so secret
    assert "without a pid" in watch.why
    other = WindowContext(window_id=6, wm_instance="gedit", wm_class="Gedit", exe="gedit", pid=os.getpid())
    n = watch.probes
    assert not is_terminal(other) and watch.secret(other, keys_waiting=True) is False
    assert watch.probes == n
