"""A one-line text field (text, cursor, selection) that can replay raw keys or reduced actions,
so a property test can check that both replays end in the same state."""

from __future__ import annotations

from demotrace.schema import Action


class Field:
    def __init__(self, text: str, cursor: int) -> None:
        self.text = text
        self.cur = cursor
        self.anchor: int | None = None

    def state(self) -> tuple[str, int, int | None]:
        return (self.text, self.cur, self.anchor)

    def _delete_selection(self) -> bool:
        if self.anchor is None:
            return False
        lo, hi = sorted((self.anchor, self.cur))
        self.text = self.text[:lo] + self.text[hi:]
        self.cur, self.anchor = lo, None
        return True

    def insert(self, s: str) -> None:
        self._delete_selection()
        self.text = self.text[: self.cur] + s + self.text[self.cur :]
        self.cur += len(s)

    def backspace(self) -> None:
        if not self._delete_selection() and self.cur > 0:
            self.text = self.text[: self.cur - 1] + self.text[self.cur :]
            self.cur -= 1

    def delete(self) -> None:
        if not self._delete_selection() and self.cur < len(self.text):
            self.text = self.text[: self.cur] + self.text[self.cur + 1 :]

    def move(self, step: int, select: bool) -> None:
        if select:
            if self.anchor is None:
                self.anchor = self.cur
            self.cur = min(max(self.cur + step, 0), len(self.text))
            if self.cur == self.anchor:
                self.anchor = None
            return
        if self.anchor is not None:
            self.cur = min(self.anchor, self.cur) if step < 0 else max(self.anchor, self.cur)
            self.anchor = None
            return
        self.cur = min(max(self.cur + step, 0), len(self.text))

    def op(self, name: str, char: str = "") -> None:
        if name == "char":
            self.insert(char)
        elif name == "backspace":
            self.backspace()
        elif name == "delete":
            self.delete()
        elif name in ("left", "right", "sel_left", "sel_right"):
            self.move(-1 if name.endswith("left") else 1, name.startswith("sel_"))
        else:
            raise ValueError(name)

    def action(self, a: Action) -> None:
        if a.type == "type":
            assert a.text is not None
            self.insert(a.text)
        elif a.type == "key":
            self.op(str(a.key))
        elif a.type == "hotkey" and a.keys in (("shift", "left"), ("shift", "right")):
            self.op("sel_" + a.keys[1])
        else:
            raise AssertionError(f"unexpected action in an editing session: {a}")
