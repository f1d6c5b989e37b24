"""Rebuild `frequent_words.txt.gz`: the most frequent words of sixteen languages, each with the
languages it is frequent in ("hospitalaria\tes", "ziekenhuis\tnl", "delvis\tda,nb"), so that a
capitalised one is read as a word *in a text of that language*: "Resonancia Magnética" and
"Cirugía General" in a Spanish report are not names, where "Delvis spent a year at …" in English
text still starts with one (`lexicon.py`, `_person_words.py`: `FOREIGN`).

    python -m demotrace.redact.data.build_frequent_words   # needs `pip install faker wordfreq` (dev only)

Source: wordfreq 3.1.1's `top_n_list` (its data is CC BY-SA 4.0, Robyn Speer and its sources:
Wikipedia, film subtitles, news, books, web text; see docs/MODEL_CARD.md), the `FREQUENT` most
frequent words of each of `LANGUAGES`, lower-cased as wordfreq gives them, alphabetic, 3 letters
or more. Lower-cased frequency lists hold names too ("martínez", "jansen"), so a word that is a
first or last name of a Faker locale *of the same language* is left out of that language
("castillo", "blanco" stay Spanish names; "visser" a Dutch one). A name of other languages'
locales only stays in where it is among the language's `NAME_FREQUENT` most frequent words
("tage" is Swedish and Danish, and German for "days"; "durante" is Italian, and Spanish for
"during"): the lexicon tags it a name and frequent in German or Spanish, and in
text of that language it is a name that is also a word (`_person_words.NAMEWORD`). Surnames Faker
does not list stay in ("sluis"). Run time needs only the output file, never
Faker or wordfreq. Built with Faker 40.63.
"""

from __future__ import annotations

import gzip
from pathlib import Path

OUT = Path(__file__).with_name("frequent_words.txt.gz")
# `lexicon.LANGUAGES` less English: wordfreq's English list holds the proper nouns that text
# capitalises ("beaufort", "mali"), where `words.txt.gz` keeps only what SCOWL spells in lower
# case, and gives English its bit at load
LANGUAGES = ("es", "nl", "de", "fr", "it", "pt", "ca", "da", "sv", "nb", "pl", "cs", "ro", "tr", "hu", "fi")
FREQUENT = 30_000
# languages whose Faker locales list few of their real given names (tr_TR's "Ayasun", not "Ayşe"):
# every name and town the package ships counts as a name of the language itself ("mehmet", "ayşe",
# "orhan", "üsküdar" stay names, not Turkish words, below `NATIVE_FREQUENT`)
SHIPPED_NAMES_NATIVE = ("tr", "hu", "fi")
# a name of other languages' locales counts as a word only this high in a language's list: "tage"
# is German's 371st word, "durante" Spanish's 120th, where names the news of every language print
# rank lower ("obama" 3,725th in Spanish, "castillo" 18,911th in Dutch)
NAME_FREQUENT = 3_000
# a name of a locale of the language itself counts as its word only among its first hundred-odd
# words, which are its function words ("der", "van", "het", "del", "das": Faker's German and
# Dutch lists hold them as surname parts); below that the names begin ("juan" is Spanish's 386th
# word) and a name that is also a word stays a name ("Luz", "Rosa" in most languages: a name is
# missed costlier), but for the few of `NATIVE_WORDS`
NATIVE_FREQUENT = 120
# names of a language's own locales that its text writes far more often as everyday words, kept as its
# words whatever their rank: a clinical report opens lines with "Alta a domicilio" (discharge),
# "Donna di 45 anni" (a woman), "Dolores abdominales" (pains), where a name alone at a line's start
# was masked. In text of the language such a word is then a name only with a surname or a cue
# ("Dolores Martínez", "Sra. Paz"), as the frequent-word names of other locales already are.
NATIVE_WORDS = {
    "es": (
        *("alta", "dolores", "remedios", "esperanza", "soledad", "luz", "paz", "sol", "mar"),
        *("clara", "blanca", "rosa", "flor", "cruz"),
        # colours and looks a report writes at a line's start ("Blanco, espumoso", "Piel morena"),
        # the tonsils' "pilar" (twentieth pass)
        *("blanco", "moreno", "morena", "rubio", "rubia", "delgado", "delgada", "calvo", "pilar"),
    ),
    # Dutch surnames that are everyday words, opening a line of a report or a note ("Klein ulcus",
    # "Groot hematoom", "Bakker van beroep", "Jong volwassen", "Bos bloemen"; twentieth pass)
    "nl": (
        *("bos", "boer", "klein", "groot", "visser", "bakker", "jong", "groen", "mol", "koning", "vos"),
        *("wit", "kok", "hoek", "berg", "dijk", "beek", "schipper", "molenaar", "timmerman", "schaap"),
        *("haan", "vis", "zwart", "bruin", "rood", "lange", "kort", "meer", "veen", "hout", "zee"),
        *("storm", "winter", "zomer", "boom"),
    ),
    # German surnames that are everyday words ("Klein", "Koch", "Fischer", "Braun", "Lang")
    "de": (
        *("klein", "groß", "koch", "fischer", "schneider", "zimmermann", "braun", "schwarz"),
        *("weiß", "lang", "jung", "wolf", "fuchs", "vogel", "berg", "busch", "stein", "kaiser", "könig"),
        *("richter", "bauer", "hahn", "winter", "sommer", "kraft", "lange", "wald", "bach", "kurz"),
        *("engel", "kühn", "hoch", "brand"),
    ),
    "it": ("donna", "sole", "bianca", "chiara", "stella", "rosa", "grazia", "viola", "serena"),
    # Polish surnames among its commonest that are everyday words (a king, a wolf, a fox, a ram …)
    "pl": (
        *("król", "wilk", "lis", "baran", "wróbel", "sikora", "duda", "bąk", "wieczorek", "mazurek"),
        *("kot", "piątek", "polak", "sowa", "zając", "pająk", "mróz", "kruk", "kurek", "kowal", "czech"),
        *("musiał", "górski", "kozak", "mazur"),
    ),
    "pt": ("clara", "rosa", "luz", "vitória"),
}


def _name_languages() -> dict[str, set[str]]:
    """Each name word of Faker's locales (first or last), with the languages of the locales that
    list it ("de_AT" → "de"; Norwegian "no" → "nb")."""
    import pkgutil

    import faker.providers.person as person

    from .build_common_words import _name_words

    out: dict[str, set[str]] = {}
    for m in pkgutil.iter_modules(person.__path__):
        lang = m.name.split("_")[0]
        for w in _name_words([m.name], ("first_names", "last_names")):
            out.setdefault(w, set()).add("nb" if lang == "no" else lang)
    return out


def _shipped_names() -> set[str]:
    """The name words of `names.txt.gz` (Faker's and the lists `build_names.py` adds), and the
    one-word towns of `places.txt.gz` (a language's frequency list holds its towns: "üsküdar")."""
    out: set[str] = set()
    for name in ("names.txt.gz", "places.txt.gz"):
        with gzip.open(OUT.with_name(name), "rt", encoding="utf-8") as f:
            out |= {line.split("\t", 1)[0] for line in f}
    return out


def collect() -> dict[str, list[str]]:
    import wordfreq

    names = _name_languages()
    shipped = _shipped_names()
    langs: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for rank, w in enumerate(wordfreq.top_n_list(lang, FREQUENT)):
            if not w.isalpha() or len(w) < 3 or lang in langs.get(w, ()):
                continue
            named = names.get(w, set())
            if lang in SHIPPED_NAMES_NATIVE and w in shipped:
                named = named | {lang}
            if w in NATIVE_WORDS.get(lang, ()):
                named = set()
            if not named or rank < (NATIVE_FREQUENT if lang in named else NAME_FREQUENT):
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
