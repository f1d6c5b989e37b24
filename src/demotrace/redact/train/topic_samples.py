"""The topic data the character model's topic head is refit on and the word-piece topic classifier
(`fit_ngram`) is trained on: clinical, family and immigration lines against hard and ordinary
negatives in many languages. Its own module, without torch, so that the data can be drawn (and
tested) where the trainer's torch is not installed."""

from __future__ import annotations

import random

from faker import Faker

from . import templates as T
from . import topic_data as D
from .fillers import LOCALES, Ctx, fresh_fakers
from .generate import Sample, sample_from
from .topic_bags import word_bags

# extra lines per drawn sample: a share of `topic_terms_*` lines (of which `PLAIN` plain sentences),
# the same frames as counterfactual negatives, bags of frequent words (`topic_bags`), and pairs
# of an ordinary sentence glued to a health frame and to its counterfactual (`GLUED` pairs), and
# software interface lines (`topic_interface`)
TERMS, PLAIN, COUNTER, BAGS, GLUED, INTERFACE = 0.15, 0.4, 0.25, 0.06, 0.2, 0.06


def topic_samples(n: int, seed: int) -> list[Sample]:
    """Topic data for the head: clinical lines composed from a wide clinical vocabulary per
    language (`topic_data`, `topic_health`), family and immigration lines, and the generator's own
    clinical and topic lines (positives) against hard negatives that share their words ("injury
    time", "health check"), every other kind of the generator, ordinary prose per language and
    Faker's own sentences in each locale; then lay and clinical words in a patient's and a
    clinician's frames, the same frames filled with no health (`topic_counter_*`), and bags of
    frequent words that no positive line holds (`topic_bags`), and an ordinary sentence glued to a
    health frame and to its counterfactual (`topic_data.glued_pair`)."""
    fresh_fakers()
    rng = random.Random(seed)
    langs = list(LOCALES)
    out: list[Sample] = []
    for i in range(n):
        ctx = Ctx(rng.choice(langs), rng, seed + i % 5)
        own = ctx.lang if ctx.lang in D.LANGS else rng.choice(D.LANGS)
        r = rng.random()
        if r < 0.15:
            out.append(D.health_line(own, rng))
        elif r < 0.27:
            reg = ctx.lang if ctx.lang in D.REGISTER_LANGS else rng.choice(D.REGISTER_LANGS)
            out.append(D.register_line(reg, rng))
        elif r < 0.33:
            out.append(D.topic_line(rng.choice(("family", "immigration")), own, rng))
        elif r < 0.38:
            out.append(sample_from(ctx, rng.choice(("clinical", "clinical", "topic")), T.LANG, T.COMMON))
        elif r < 0.44:
            out.append(D.hard_negative(own, rng))
        elif r < 0.51:
            out.append(D.lookalike_line(ctx.lang, rng))
        elif r < 0.61:
            out.append(D.ordinary_line(own, rng))
        elif r < 0.67:
            prose = T.ORDINARY_PROSE.get(ctx.lang) or T.ORDINARY_PROSE["en"]
            out.append(Sample(" ".join(rng.choice(prose) for _ in range(rng.randint(1, 2)))))
        elif r < 0.75:
            fk = Faker(rng.choice(LOCALES[ctx.lang]))
            fk.seed_instance(rng.randint(0, 10**6))
            out.append(Sample(fk.paragraph(nb_sentences=rng.randint(1, 3))))
        elif r < 0.79:
            out.append(D.patient_line(ctx.lang, rng))
        elif r < 0.83:
            out.append(D.work_line(ctx.lang, rng))
        elif r < 0.87:
            out.append(D.docs_line(ctx.lang, rng))
        else:
            kinds = ("title", "chat", "email", "form", "ticket", "letter", "shell", "code", "negative")
            kind = rng.choice(kinds)
            out.append(sample_from(ctx, kind, T.LANG, T.COMMON))
    for _ in range(int(TERMS * n)):
        lang = rng.choice(D.TERM_LANGS)
        out.append(D.plain_line(lang, rng) if rng.random() < PLAIN else D.terms_line(lang, rng))
    out.extend(D.counter_line(rng.choice(D.TERM_LANGS), rng) for _ in range(int(COUNTER * n)))
    out.extend(word_bags(int(BAGS * n), (s for s in out if s.topics), rng))
    for _ in range(int(GLUED * n)):
        out.extend(D.glued_pair(rng.choice(D.TERM_LANGS), rng))
    out.extend(D.interface_line(rng.choice(D.TERM_LANGS), rng) for _ in range(int(INTERFACE * n)))
    rng.shuffle(out)
    return out
