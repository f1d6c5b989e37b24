"""Rebuild `common_words.txt.gz`: everyday words of other languages than English, so that a
capitalised one is not read as a name by itself, nor as an unknown word that may be one ("Casa" and
"Klima" are in some locale's surname list; "Profil" and "Mandant" in none): `words.txt.gz` is
English only.

    python -m demotrace.redact.data.build_common_words   # needs `pip install faker` (dev only)

Source: Faker's lorem word lists (MIT) of the languages below, lower-cased. A word is left out where
it is a first or last name of the same language's locales or of an English one ("garcía", "juan" and
"lópez" are in the Spanish list; "sean" and "dan" are English names), or a first name of any locale
("liv" is a Danish word and a Norwegian name): a real name there stays one. Run time needs only
the output file, never Faker. Built with Faker 40.63.
"""

from __future__ import annotations

import gzip
import importlib
import re
from pathlib import Path

OUT = Path(__file__).with_name("common_words.txt.gz")
LANGUAGES = {
    "nl": ("nl_NL", "nl_BE"),
    "de": ("de_DE", "de_AT", "de_CH"),
    "es": ("es_ES", "es_MX", "es_AR", "es_CO", "es_CL"),
    "fr": ("fr_FR", "fr_CH", "fr_CA"),
    "it": ("it_IT", "it_CH"),
    "da": ("da_DK",),
    "pl": ("pl_PL",),
    "cs": ("cs_CZ",),
}
ENGLISH_NAMES = ("en_US", "en_GB", "en_CA", "en_IE", "en_IN", "en_NZ")


def _module(kind: str, locale: str) -> object | None:
    try:
        provider: object = importlib.import_module(f"faker.providers.{kind}.{locale}").Provider
        return provider
    except ImportError:
        return None


def _name_words(locales: list[str] | tuple[str, ...], lists: tuple[str, ...]) -> set[str]:
    """The lower-cased words of the name lists of `locales` whose attribute starts with one of
    `lists` ("first_names", "last_names"; pl_PL's `male_last_names` for the latter, as
    `build_names` reads them)."""
    out: set[str] = set()
    for locale in locales:
        provider = _module("person", locale)
        for attr in dir(provider) if provider else ():
            names = getattr(provider, attr)
            named = attr.startswith(lists) or ("last_names" in lists and attr == "male_last_names")
            if named and isinstance(names, (list, tuple, dict)):  # pl_PL's commonest surnames too
                out.update(w.lower() for name in names for w in re.findall(r"[^\W\d_]+", str(name)))
    return out


def _names_anywhere(lists: tuple[str, ...]) -> set[str]:
    """The name words of every locale in `lists`; `("first_names",)`: a word that is one anywhere
    stays a name ("liv", "anders", "leonardo"; "prima" too), so that a common word never hides a
    first name typed alone."""
    import pkgutil

    import faker.providers.person as person

    return _name_words([m.name for m in pkgutil.iter_modules(person.__path__)], lists)


def collect() -> list[str]:
    both = ("first_names", "last_names")
    english = _name_words(ENGLISH_NAMES, both)
    words: set[str] = set()
    for locales in LANGUAGES.values():
        lorem: set[str] = set()
        for locale in locales:
            provider = _module("lorem", locale)
            lorem.update(w.lower() for w in getattr(provider, "word_list", ()) if w.isalpha())
        words |= lorem - _name_words(locales, both) - english
    return sorted(words - _names_anywhere(("first_names",)))


def main() -> None:
    words = collect()
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(("\n".join(words) + "\n").encode("utf-8"))  # mtime 0: the same bytes from the same lists
    print(f"{len(words)} words → {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
