"""Rebuild `names.txt.gz`, the person-name gazetteer, from Faker's locale name lists (MIT).

    python -m demotrace.redact.data.build_names   # needs `pip install faker` (dev only)

Every locale's `first_names*` and `last_names*` are read, and `given_names_extra.txt` (first names
Faker's lists lack, mostly from Asia and Africa), `given_names_europe.txt` (Europe's given names
Faker lacks: "marloes", "weronika"), `given_names_short.txt` (European nicknames and short forms,
"kasia", "vojta", "rodri", with Czech and Polish declined forms), and pl_PL's `male_last_names`
(its 200 commonest surnames, whose feminine "-ska", "-cka", "-dzka" of each "-ski", "-cki", "-dzki"
Faker derives: so do we); each name is split into words (a Cyrillic name of uk_UA, ru_RU or bg_BG
also in Latin letters: `romanised`), lower-cased and written once with a tag: `f` first name, `l`
last name, `fl` both. One-letter words are kept only for CJK scripts.
Run time needs only the output file, never Faker.
"""

from __future__ import annotations

import functools
import gzip
import importlib
import pkgutil
import re
from pathlib import Path

OUT = Path(__file__).with_name("names.txt.gz")
EXTRA = Path(__file__).with_name("given_names_extra.txt")  # first names Faker lacks ("priyanka", "bongani")
SHORT = Path(__file__).with_name("given_names_short.txt")  # nicknames and their forms ("kasia", "vojtu")
EUROPE = Path(__file__).with_name("given_names_europe.txt")  # Europe's names Faker lacks ("marloes")


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
                words = re.findall(r"[^\W\d_]+", str(name))
                for word in [*words, *(r for w in words for r in romanised(w, mod.name))]:
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
    for extra in (EXTRA, SHORT, EUROPE):
        for line in extra.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                tags.setdefault(line, set()).add("f")
    return tags


# Cyrillic names as they are written in Latin letters ("Kateryna", "Oleksandr", "Yekaterina",
# "Dimitrov"): Ukraine's national transliteration (2010), BGN/PCGN for Russian, Bulgaria's
# streamlined system; word-initial and inner forms differ ("Yevhen", "Andriienko")
# the letters the three systems write alike, then each one's own
_COMMON = dict(zip("абвдежзклмнопрстуфцчш", [*"abvde", "zh", *"zklmnoprstuf", "ts", "ch", "sh"], strict=True))
_UK = _COMMON | dict(г="h", ґ="g", є="ie", и="y", і="i", ї="i", й="i", х="kh", щ="shch", ь="", ю="iu", я="ia")
_UK |= {"'": "", "’": ""}
_UK_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RU = _COMMON | dict(г="g", ё="e", и="i", й="y", х="kh", щ="shch", ъ="", ы="y", ь="", э="e", ю="yu", я="ya")
_BG = _COMMON | dict(г="g", и="i", й="y", х="h", щ="sht", ъ="a", ь="y", ю="yu", я="ya")
_CYRILLIC = {"uk_UA": (_UK, _UK_FIRST), "ru_RU": (_RU, {"е": "ye"}), "bg_BG": (_BG, {})}


def romanised(word: str, locale: str) -> list[str]:
    """`word`, a Cyrillic name of `locale` (uk_UA, ru_RU, bg_BG), in Latin letters: one form, a
    Russian name's second where its first letter has one of its own ("Yelena" and "Elena"), a
    Ukrainian "-ій" also as "-iy"; none of fewer than four letters ("Аво": "avo" is an acronym
    in English text) or a common word; [] for other locales or other scripts."""
    if locale not in _CYRILLIC:
        return []
    table, first = _CYRILLIC[locale]
    low = word.lower()
    if not low or not all(c in table for c in low):
        return []
    forms = ["".join(table[c] for c in low)]
    if low[0] in first:
        initial = first[low[0]] + "".join(table[c] for c in low[1:])
        # Russian "Elena" beside "Yelena"; Ukraine's inner form never opens a name ("Iuliia")
        forms = [initial, *forms] if locale == "ru_RU" else [initial]
    if locale == "uk_UA" and low.endswith("ій"):
        forms.append(forms[-1][:-2] + "iy")  # "Andriy", "Serhiy": the spelling passports long used
    return [f for f in dict.fromkeys(forms) if len(f) >= 4 and f not in _common_words()]


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The lexicon's common words (English and eight languages): a romanised name that is one is
    left out, as bg_BG's lists hold words as names ("Агент", "Правда": "agent", "pravda")."""
    here = Path(__file__).parent
    words: set[str] = set()
    for name in ("words.txt.gz", "common_words.txt.gz"):
        with gzip.open(here / name, "rt", encoding="utf-8") as f:
            words.update(line.strip() for line in f)
    return frozenset(words)


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
