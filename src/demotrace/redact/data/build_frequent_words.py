"""Rebuild `frequent_words.txt.gz`: the most frequent words of thirteen languages, each with the
languages it is frequent in ("hospitalaria\tes", "ziekenhuis\tnl", "delvis\tda,nb"), so that a
capitalised one is read as a word *in a text of that language*: "Resonancia Magnética" and
"Cirugía General" in a Spanish report are not names, where "Delvis spent a year at …" in English
text still starts with one (`lexicon.py`, `_person_words.py`: `FOREIGN`).

    python -m demotrace.redact.data.build_frequent_words   # needs `pip install faker wordfreq` (dev only)

Source: wordfreq 3.1.1's `top_n_list` (its data is CC BY-SA 4.0, Robyn Speer and its sources:
Wikipedia, film subtitles, news, books, web text; see docs/MODEL_CARD.md), the `FREQUENT` most
frequent words of each of `LANGUAGES`, lower-cased as wordfreq gives them, alphabetic, 3 letters
or more. Lower-cased frequency lists hold names too ("martínez", "jansen"), so a word that is a
first or last name of any of Faker's locales is left out ("castillo", "blanco", "visser" stay
names). Surnames Faker does not list stay in ("sluis"). Run time needs only the output file, never
Faker or wordfreq. Built with Faker 40.63.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from .build_common_words import _names_anywhere

OUT = Path(__file__).with_name("frequent_words.txt.gz")
# `lexicon.LANGUAGES` less English: wordfreq's English list holds the proper nouns that text
# capitalises ("beaufort", "mali"), where `words.txt.gz` keeps only what SCOWL spells in lower
# case, and gives English its bit at load
LANGUAGES = ("es", "nl", "de", "fr", "it", "pt", "ca", "da", "sv", "nb", "pl", "cs", "ro")
FREQUENT = 30_000


def collect() -> dict[str, list[str]]:
    import wordfreq

    names = _names_anywhere(("first_names", "last_names"))
    langs: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for w in wordfreq.top_n_list(lang, FREQUENT):
            if w.isalpha() and len(w) > 2 and w not in names and lang not in langs.get(w, ()):
                langs.setdefault(w, []).append(lang)
    return langs


def main() -> None:
    langs = collect()
    text = "".join(f"{w}\t{','.join(langs[w])}\n" for w in sorted(langs))
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(text.encode("utf-8"))  # mtime 0: the same bytes from the same lists
    print(f"{len(langs)} words → {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
