"""Folding a typing run: the edits made inside the run's own text become one `type` action.

A run is a list of ops: characters, and the editing keys pressed while it was open (backspace,
delete, left/right, shift+left/right). `fold_run` replays them on a model of the run's text
with a cursor and a selection. The longest prefix of ops that stays inside the run's text,
leaves the cursor at its end with nothing selected and leaves some text becomes one `type`
action with the text after the edits. An op that cannot start such a prefix (a backspace
before the run's text, an arrow leaving it) is emitted as it was pressed (`key`/`hotkey`, or
`type` for a character), and folding starts again after it. So replaying the actions always
gives what replaying the keys gave, whatever was selected before the run.
"""

from __future__ import annotations

from collections.abc import Callable

from ..schema import Action

CHAR, BACKSPACE, DELETE, LEFT, RIGHT, SEL_LEFT, SEL_RIGHT = range(7)

Op = tuple[int, float, int, str | Action]
"""(code, t, seq, payload): payload is the text for CHAR, else the key's literal action."""

Emit = Callable[[float, int, Action], None]


def _foldable_prefix(ops: list[Op], start: int) -> tuple[int, str]:
    """(number of ops in the longest foldable prefix that leaves text, that text) from ops[start:]."""
    n, _ = _walk(ops, start, len(ops))
    if not n:
        return 0, ""
    _, text = _walk(ops, start, start + n)
    return n, "".join(text)


def _walk(ops: list[Op], start: int, stop: int) -> tuple[int, list[str]]:
    """Replay ops[start:stop] on the run model: (length of the longest foldable prefix, text at
    the end of the walk)."""
    text: list[str] = []
    cur = 0
    anchor = -1  # selection anchor, -1 when nothing is selected
    best_n = 0
    for i in range(start, stop):
        code, _t, _seq, payload = ops[i]
        if anchor >= 0 and code in (CHAR, BACKSPACE, DELETE):
            lo, hi = min(anchor, cur), max(anchor, cur)
            del text[lo:hi]
            cur, anchor = lo, -1
            if code != CHAR:
                if text and cur == len(text):
                    best_n = i + 1 - start
                continue
        if code == CHAR:
            assert isinstance(payload, str)
            text[cur:cur] = payload
            cur += len(payload)
        elif code == BACKSPACE:
            if cur == 0:
                break
            cur -= 1
            del text[cur]
        elif code == DELETE:
            if cur == len(text):
                break
            del text[cur]
        elif code in (LEFT, RIGHT):
            if anchor >= 0:
                cur = min(anchor, cur) if code == LEFT else max(anchor, cur)
                anchor = -1
            elif code == LEFT:
                if cur == 0:
                    break
                cur -= 1
            else:
                if cur == len(text):
                    break
                cur += 1
        else:  # SEL_LEFT / SEL_RIGHT
            step = -1 if code == SEL_LEFT else 1
            if not 0 <= cur + step <= len(text):
                break
            if anchor < 0:
                anchor = cur
            cur += step
            if cur == anchor:
                anchor = -1
        if anchor < 0 and text and cur == len(text):
            best_n = i + 1 - start
    return best_n, text


def fold_run(ops: list[Op], emit: Emit) -> None:
    """Emit the actions of a finished typing run (see module doc)."""
    chars: list[str] = []
    c_t, c_seq, c_last = 0.0, 0, 0.0
    i, n = 0, len(ops)
    while i < n:
        k, text = _foldable_prefix(ops, i)
        if k:
            if chars:
                emit(c_t, c_seq, Action("type", c_t, c_last, text="".join(chars)))
                chars = []
            first, last = ops[i], ops[i + k - 1]
            emit(first[1], first[2], Action("type", first[1], last[1], text=text))
            i += k
            continue
        code, t, seq, payload = ops[i]
        i += 1
        if code == CHAR:
            assert isinstance(payload, str)
            if not chars:
                c_t, c_seq = t, seq
            chars.append(payload)
            c_last = t
            continue
        if chars:
            emit(c_t, c_seq, Action("type", c_t, c_last, text="".join(chars)))
            chars = []
        assert isinstance(payload, Action)
        emit(t, seq, payload)
    if chars:
        emit(c_t, c_seq, Action("type", c_t, c_last, text="".join(chars)))
