"""Writes the held-out sets tests/redact/data/heldout/*.json from heldout_templates.py (fixed seed).

    PYTHONPATH=src python -m tests.redact.build_heldout [typed|clinical]

Span files are presidio-research's format plus `language` and `kind` per sample (what
`demotrace eval redaction` breaks down by); `topics.json` is a list of {text, language, topic}.
The committed files are what the tests read; rebuild only when the templates change. They were
built before `fillers._date` got fixed bounds (Faker's `date()` ends today): a rebuild now gives
other samples than the committed ones, and the figures in docs/MODEL_CARD.md are on those.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from demotrace.redact.train.fillers import Ctx
from demotrace.redact.train.generate import fill

from . import heldout_templates as H

OUT = Path(__file__).parent / "data" / "heldout"
GOLD = {
    "P": "PERSON",
    "A": "STREET_ADDRESS",
    "I": "ACCOUNT_ID",
    "U": "USERNAME",
    "S": "SECRET",
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "iban": "IBAN_CODE",
}
PER_CELL = 30
CLEAN_PER_CELL = 10
SEED = 20261202


def _item(text: str, spans: list[tuple[str, int, int]], lang: str, kind: str) -> dict[str, object]:
    return {
        "full_text": text,
        "language": lang,
        "kind": kind,
        "spans": [{"entity_type": k, "start_position": s, "end_position": e} for k, s, e in spans],
    }


def build() -> dict[str, list[dict[str, object]]]:
    rng = random.Random(SEED)
    files: dict[str, list[dict[str, object]]] = {}
    for kind, by_lang in H.PRIVATE.items():
        items = files.setdefault(kind, [])
        for lang, tpls in by_lang.items():
            for i in range(PER_CELL * (2 if lang == "xx" else 1)):
                ctx = Ctx("en" if lang == "xx" else lang, rng, SEED + i % 5)
                s = fill(tpls[i % len(tpls)], ctx, GOLD)
                items.append(_item(s.text, s.spans, lang, kind))
            for tpl in H.CLEAN.get(kind, {}).get(lang, [])[:CLEAN_PER_CELL] * (1 if lang != "xx" else 2):
                ctx = Ctx("en" if lang == "xx" else lang, rng, SEED)
                items.append(_item(fill(tpl, ctx).text, [], lang, kind))
    topics: list[dict[str, object]] = []
    for lang, lines in H.HEALTH.items():
        topics += [{"text": t, "language": lang, "topic": "health"} for t in lines]
    for lang, lines in H.ORDINARY.items():
        for t in lines:
            topics.append({"text": fill(t, Ctx(lang, rng, SEED)).text, "language": lang, "topic": None})
    files["topics"] = topics
    return files


TYPED_SEED = 20261203
TYPED_PER_LANG = 20


def _build_apart(
    kind: str, private: dict[str, list[str]], clean: dict[str, list[str]], seed: int, per_lang: int
) -> list[dict[str, object]]:
    """A set drawn with its own seed, so that adding it left the other sets as they were:
    `per_lang` texts from each language's private templates, then each clean template once."""
    rng = random.Random(seed)
    items: list[dict[str, object]] = []
    for lang, tpls in private.items():
        for i in range(per_lang):
            s = fill(tpls[i % len(tpls)], Ctx(lang, rng, seed + i % 5), GOLD)
            items.append(_item(s.text, s.spans, lang, kind))
        for tpl in clean[lang]:
            items.append(_item(fill(tpl, Ctx(lang, rng, seed)).text, [], lang, kind))
    return items


def build_typed() -> list[dict[str, object]]:
    """Short segments typed alone (`heldout_templates.TYPED_*`), private and clean."""
    return _build_apart("typed", H.TYPED_PRIVATE, H.TYPED_CLEAN, TYPED_SEED, TYPED_PER_LANG)


CLINICAL_SEED = 20261204
CLINICAL_PER_LANG = 18


def build_clinical() -> list[dict[str, object]]:
    """Clinical report lines (`heldout_templates.CLINICAL_*`), private and clean."""
    return _build_apart("clinical", H.CLINICAL_PRIVATE, H.CLINICAL_CLEAN, CLINICAL_SEED, CLINICAL_PER_LANG)


SEPARATE = {"typed": build_typed, "clinical": build_clinical}


def main() -> None:
    """Writes every set; `typed` or `clinical` as the only argument writes that set alone (the
    committed other sets were drawn before a filler changed: the module's docstring)."""
    OUT.mkdir(parents=True, exist_ok=True)
    one = sys.argv[1:2]
    if one and one[0] in SEPARATE:
        sets = {one[0]: SEPARATE[one[0]]()}
    else:
        sets = {**build(), **{name: make() for name, make in SEPARATE.items()}}
    for name, items in sets.items():
        (OUT / f"{name}.json").write_text(
            json.dumps(items, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
        print(f"{name}: {len(items)}")


if __name__ == "__main__":
    main()
