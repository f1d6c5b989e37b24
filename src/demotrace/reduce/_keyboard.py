"""The keyboard half of reduction: modifiers, lock keys, dead keys, typing runs, keys and hotkeys.

A key press is, in this order of tests: a modifier (state, no action); a lock key (toggles
caps lock, no action); a dead key (waits for the next character); an editing key inside an
open typing run (an op of the run, see `_fold`); a printable character with no ctrl/alt/cmd
held (appended to the typing run); anything else a `key` (no modifier held) or a `hotkey`
(modifiers first, in canonical order). Releases only update the held state.
"""

from __future__ import annotations

from collections.abc import Callable

from ..schema import Action, KeyEvent
from ._config import ReduceConfig
from ._fold import BACKSPACE, CHAR, DELETE, LEFT, RIGHT, SEL_LEFT, SEL_RIGHT, Op, fold_run
from ._keys import (
    LOCKS,
    MODIFIERS,
    compose,
    dead_key_of,
    derive_char,
    hotkey_name,
    is_text,
    normalize_key,
    sort_modifiers,
    spacing_of,
)

Emit = Callable[[float, int, Action], None]
OpenKey = tuple[float, int]

MAX_RUN_OPS = 512
"""A typing run is split after this many key presses (folding is quadratic at worst)."""
_COMMAND_MODS = frozenset({"ctrl", "alt", "cmd"})
_RUN_EDIT_KEYS = {"backspace": BACKSPACE, "delete": DELETE, "left": LEFT, "right": RIGHT}


class KeyboardState:
    def __init__(self, cfg: ReduceConfig, emit: Emit) -> None:
        self._cfg = cfg
        self._emit = emit
        self.mods: set[str] = set()
        self._mods_sorted: tuple[str, ...] = ()
        self._held: set[str] = set()
        self._caps = False
        self._dead: tuple[str, float, int] | None = None
        self._ops: list[Op] = []
        self._last_t = 0.0
        """Time of the run's last op (for the idle flush)."""

    @property
    def modifiers(self) -> tuple[str, ...]:
        """The modifiers held now, in canonical order."""
        return self._mods_sorted

    def open_key(self) -> OpenKey | None:
        if self._ops:
            op = self._ops[0]
            return (op[1], op[2])
        if self._dead is not None:
            return (self._dead[1], self._dead[2])
        return None

    # -- events --------------------------------------------------------------------------------

    def release(self, ev: KeyEvent) -> None:
        k = normalize_key(ev.key)
        if k in MODIFIERS:
            if k in self.mods:
                self.mods.discard(k)
                self._mods_sorted = sort_modifiers(self.mods)
        else:
            self._held.discard(k)

    def press(self, ev: KeyEvent) -> bool:
        """Handle a press; True when it was input that ends pending pointer gestures."""
        k = normalize_key(ev.key)
        if not k:
            return False
        if k in MODIFIERS:
            if k not in self.mods:
                self.mods.add(k)
                self._mods_sorted = sort_modifiers(self.mods)
            return False
        if k in LOCKS:
            if k == "capslock" and k not in self._held:
                self._caps = not self._caps
            self._held.add(k)
            return False
        self._held.add(k)
        mods = self.mods
        command = bool(mods) and not mods.isdisjoint(_COMMAND_MODS)
        t, seq = ev.t, ev.seq
        idle = self._cfg.type_idle_flush
        # An idle gap ends the run; so does its length (bounds the fold's work, replays the same).
        if (self._ops and idle is not None and t - self._last_t > idle) or len(self._ops) >= MAX_RUN_OPS:
            self._flush_ops()
        char = ev.char

        if not command:
            dead = dead_key_of(k, char)
            if dead is not None:
                if self._dead is not None:  # a second dead key: the first types its accent
                    d0, t0, s0 = self._dead
                    self._dead = None
                    self._add_text(spacing_of(d0), t0, s0)
                    self._last_t = t
                    if d0 == dead:  # the same one twice types the accent alone
                        return True
                self._dead = (dead, t, seq)
                self._last_t = t
                return True
            code = _RUN_EDIT_KEYS.get(k)
            if code is not None and self._ops and (not mods or mods == {"shift"}):
                if mods and code in (LEFT, RIGHT):
                    code = SEL_LEFT if code == LEFT else SEL_RIGHT
                elif mods and code == DELETE:
                    code = -1
                if code >= 0:
                    self._dead = None
                    self._ops.append((code, t, seq, self._key_action(k, char, t)))
                    self._last_t = t
                    return True
            c = derive_char(k, "shift" in mods, self._caps) if char is None else char
            if is_text(c):
                assert c is not None
                if self._dead is not None:
                    d0, t0, s0 = self._dead
                    self._dead = None
                    if char is None:  # the capture did not compose: do it here
                        c = compose(d0, c)
                    self._add_text(c, t0, s0)
                else:
                    self._add_text(c, t, seq)
                self._last_t = t
                return True
        # A key or a chord: it ends the typing run.
        self._dead = None
        self.end_run()
        self._emit(t, seq, self._key_action(k, char, t))
        return True

    # -- completion ----------------------------------------------------------------------------

    def expire(self, now: float) -> None:
        idle = self._cfg.type_idle_flush
        if self._ops and idle is not None and now - self._last_t > idle:
            self._flush_ops()

    def end_run(self) -> None:
        """End the typing run (a click, a focus change, a non-text key, the end)."""
        self._dead = None  # a dead key left hanging types nothing
        self._flush_ops()

    def _flush_ops(self) -> None:
        ops = self._ops
        if ops:
            self._ops = []
            fold_run(ops, self._emit)

    def finish(self) -> None:
        """End everything and forget held keys: their releases may never come (pause, blocked)."""
        self.end_run()
        self.mods.clear()
        self._mods_sorted = ()
        self._held.clear()

    # -- helpers -------------------------------------------------------------------------------

    def _add_text(self, text: str, t: float, seq: int) -> None:
        self._ops.append((CHAR, t, seq, text))

    def _key_action(self, k: str, char: str | None, t: float) -> Action:
        mods = set(self.mods)
        if len(k) == 1 and "\x01" <= k <= "\x1a":
            mods.add("ctrl")  # a control character without its ctrl press (lost or not reported)
        name = hotkey_name(k, char, "shift" in mods)
        if mods:
            return Action("hotkey", t, t, keys=(*sort_modifiers(mods), name))
        return Action("key", t, t, key=name)
