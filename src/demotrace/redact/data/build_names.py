"""Rebuild `names.txt.gz`, the person-name gazetteer, from Faker's locale name lists (MIT).

    python -m demotrace.redact.data.build_names   # needs `pip install faker` (dev only)

Every locale's `first_names*` and `last_names*` are read, and `given_names_extra.txt` (first names
Faker's lists lack, mostly from Asia and Africa), and pl_PL's `male_last_names` (its 200
commonest surnames, whose feminine "-ska", "-cka", "-dzka" of each "-ski", "-cki", "-dzki" Faker
derives: so do we); each name is split
into words, lower-cased and written once with a tag: `f` first name, `l` last name, `fl` both.
One-letter words are kept only for CJK scripts. Run time needs only the output file, never Faker.
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
from pathlib import Path

OUT = Path(__file__).with_name("names.txt.gz")
EXTRA = Path(__file__).with_name("given_names_extra.txt")  # first names Faker lacks ("priyanka", "bongani")


def collect() -> dict[str, set[str]]:
    import faker.providers.person as person

    tags: dict[str, set[str]] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr in dir(provider):
            tag = name_list_tag(attr, mod.name)
            if not tag:
                continue
            names = getattr(provider, attr)
            if not isinstance(names, (list, tuple, dict)):  # properties, helpers
                continue
            for name in names:
                for word in re.findall(r"[^\W\d_]+", str(name)):
                    if "romanized" in attr and (len(word) < 3 or word.lower() in _MONTHS):
                        continue  # "He", "Ma", "Jun": a word of English, a month, before a name
                    # one-letter words only for CJK (single-character surnames: 王, 李)
                    if len(word) > 1 or ord(word) >= 0x2E80:
                        tags.setdefault(word.lower(), set()).add(tag)
                        if tag == "l" and mod.name == "pl_PL":
                            for male, female in _PL_FEMININE:
                                if word.lower().endswith(male):
                                    tags.setdefault(word.lower()[: -len(male)] + female, set()).add(tag)
                                    break
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            tags.setdefault(line, set()).add("f")
    return tags


_MONTHS = frozenset(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
_PL_FEMININE = (("dzki", "dzka"), ("ski", "ska"), ("cki", "cka"))


def name_list_tag(attr: str, locale: str = "") -> str:
    """ "f" for a list of first names, "l" of last names ("last_names_female"; pl_PL's 200 commonest
    surnames, "male_last_names", but not its 3,690 `unisex_last_names`, which hold everyday Polish
    words: "grupa", "deszcz", "cukier"), "" for any other attribute. The romanised lists of
    ja_JP and zh_CN count too ("Sato", "Zhao": names in Latin letters in any text), less their
    words of two letters and "Jun" (`collect`); zh_TW's do not: split at their hyphens they are
    syllables ("an", "she", "pi"), not names."""
    if attr == "male_last_names":
        return "l"
    if locale in ("ja_JP", "zh_CN") and attr.endswith("romanized_names"):
        return attr[0]  # "first_romanized_names" → "f", "last_romanized_names" → "l"
    for prefix, tag in (("first_names", "f"), ("last_names", "l")):
        if attr.startswith(prefix):
            return tag
    return ""


def main() -> None:
    tags = collect()
    lines = [f"{w}\t{''.join(sorted(t))}" for w, t in sorted(tags.items())]
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))  # mtime 0: the same bytes from the same lists
    print(f"{len(lines)} names → {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
