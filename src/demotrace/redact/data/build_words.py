"""Rebuild `words.txt.gz`, the lower-case English words that make a name token ambiguous
("will", "mark", "rose") and that tell an unknown capitalised word from a common one.

    python -m demotrace.redact.data.build_words   # reads /usr/share/dict/american-english

Source: Debian's `wamerican` (SCOWL word lists, Kevin Atkinson; permissive licence, see
/usr/share/doc/wamerican/copyright). Only entries spelled in lower case are kept (proper nouns are
capitalised there), without possessives.
"""

from __future__ import annotations

import gzip
from pathlib import Path

SRC = Path("/usr/share/dict/american-english")
OUT = Path(__file__).with_name("words.txt.gz")


def main() -> None:
    words = sorted(
        {w for w in SRC.read_text(encoding="utf-8").split() if w.islower() and "'" not in w and len(w) > 1}
    )
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(words) + "\n")
    print(f"{len(words)} words → {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
