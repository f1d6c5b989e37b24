"""Rebuild `names.txt.gz`, the person-name gazetteer, from Faker's locale name lists (MIT).

    python -m demotrace.redact.data.build_names   # needs `pip install faker` (dev only)

Every locale's `first_names*` and `last_names*` are read; each name is split into words, lower-cased
and written once with a tag: `f` first name, `l` last name, `fl` both. One-letter words are kept
only for CJK scripts. Run time needs only the
output file, never Faker.
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
from pathlib import Path

OUT = Path(__file__).with_name("names.txt.gz")


def collect() -> dict[str, set[str]]:
    import faker.providers.person as person

    tags: dict[str, set[str]] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr in dir(provider):
            tag = "f" if attr.startswith("first_names") else "l" if attr.startswith("last_names") else ""
            if not tag:
                continue
            names = getattr(provider, attr)
            if not isinstance(names, (list, tuple, dict)):  # properties, helpers
                continue
            for name in names:
                for word in re.findall(r"[^\W\d_]+", str(name)):
                    # one-letter words only for CJK (single-character surnames: 王, 李)
                    if len(word) > 1 or ord(word) >= 0x2E80:
                        tags.setdefault(word.lower(), set()).add(tag)
    return tags


def main() -> None:
    tags = collect()
    lines = [f"{w}\t{''.join(sorted(t))}" for w, t in sorted(tags.items())]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} names → {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
