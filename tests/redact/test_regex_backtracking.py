"""No regex of the redactor backtracks catastrophically on text nobody wrote for it.

A pattern with nested quantifiers over overlapping classes (`(?:[0x]+[-_]?)+`, `[\\w-]*(?:_[\\w-]+)+`)
takes time exponential in the length of a run it fails on: a Slack token of zeros, an identifier
of one-letter parts joined by "_". On a page that stalls the item past its budget, so it is dropped
(fail closed, but nothing of it is kept). Each module-level and class-level pattern of the redactor
is searched, matched and fully matched against long runs of such pieces, with endings that make the
match fail; all of it must end within a generous wall-clock limit in a child process. A linear
pattern set takes seconds here; one exponential pattern alone takes hours on these runs (2**40
ways to cut one).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

_PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, re
    import demotrace.redact as R
    import demotrace.redact.detectors as D

    def patterns():
        seen = set()
        for pkg in (D, R):
            for info in pkgutil.iter_modules(pkg.__path__):
                mod = importlib.import_module(pkg.__name__ + "." + info.name)
                objs = list(vars(mod).values())
                for c in list(objs):
                    if isinstance(c, type) and c.__module__ == mod.__name__:
                        for v in vars(c).values():
                            objs += list(v) if isinstance(v, tuple) else [v]
                for o in objs:
                    if isinstance(o, re.Pattern) and isinstance(o.pattern, str) and id(o) not in seen:
                        seen.add(id(o))
                        yield o

    pieces = ["0", "a", "A", "x", "0-", "a-", "a ", "A ", "a.", "0 ", "ab1", "_", "a_", "Aa", "a1-",
              "0.", "é", " ", "\\t", "a@", "a:", "/a", "a/", "A.", "*", "a(", "a,", "a'"]
    probes = []
    for p in pieces:
        for tail in ("!", "\\n", "~", "-TEST", '"', "1"):
            body = p * 40
            probes += [body + tail, "xoxb-" + body + tail, "key: " + body + tail, "f(" + body + tail]
    n = 0
    for rx in patterns():
        for s in probes:
            rx.search(s); rx.match(s); rx.fullmatch(s)
        n += 1
    print(n)
    """
)


def test_no_pattern_backtracks_catastrophically() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=300, check=True
    )
    assert int(done.stdout.strip()) > 500  # every pattern of the package was probed
