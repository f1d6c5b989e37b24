"""Bags of frequent words as negatives for the topic classifier (`topic_samples`).

A bag is 3 to 14 words drawn from one language's frequent words (`frequent_words.txt.gz`; English:
a fixed draw of `words.txt.gz`), leaving out every word of the data's positive lines, so that no
everyday word carries a topic by being seen only in the topics' templates (the function words the
templates use unevenly got the largest weights: docs/MODEL_CARD.md)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from functools import lru_cache

from ..detectors.lexicon import _read
from ..model.topic_ngrams import _words
from .generate import Sample


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# the commonest function words of the term tables' languages: pronouns (first person first),
# articles, prepositions, auxiliaries, conjunctions. Half the bags are half made of them, so that
# they weigh nothing: a patient writes "I", "my", "ich", "mam" more often than the negatives do
FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    "en": _words_of(
        "i i'm i've i'll me my mine we our us you your he she it they them his her their "
        "a an the this that these those is am are was were be been have has had do does did "
        "will would can could should with about for from at in on to of by since after before "
        "and or but so because if then just still also really today yesterday tomorrow"
    ),
    "es": _words_of(
        "yo me mi mis conmigo nosotros nuestro tu te su sus él ella ellos le les lo la el los las "
        "un una unos unas este esta ese esa es soy son está estoy estaba he ha han hay tengo tiene "
        "tenía voy va fue con sin por para de del desde en a al y o pero que porque si ya muy "
        "también hoy ayer mañana"
    ),
    "nl": _words_of(
        "ik me mij mijn we wij ons onze je jij jouw u uw hij zij ze het hem haar hun de een dit "
        "dat deze die is ben zijn was waren heb heeft had hebben word wordt werd kan moet wil zal "
        "met over voor van uit bij in op aan naar sinds na en of maar dus omdat als dan nog ook "
        "al vandaag gisteren morgen"
    ),
    "de": _words_of(
        "ich mich mir mein meine meinen meinem wir uns unser du dich dein sie er es ihr ihm ihn "
        "der die das den dem des ein eine einen einem dieser diese ist bin sind war waren habe "
        "hat hatte haben werde wird wurde kann muss will soll mit über für von aus bei in im auf "
        "an am zu zum nach seit und oder aber weil wenn dann noch auch schon heute gestern "
        "morgen"
    ),
    "fr": _words_of(
        "je j'ai me m'a moi mon ma mes nous notre nos tu te ton ta tes vous votre il elle ils "
        "elles lui leur le la les l' un une des ce cette ces est suis sont était ai a ont avait "
        "vais va fait peux dois avec sur pour de du dans en à au aux chez depuis après et ou "
        "mais donc parce que si puis encore aussi déjà aujourd'hui hier demain"
    ),
    "it": _words_of(
        "io mi me mio mia miei mie noi ci nostro tu ti tuo tua lei lui loro gli le il lo la i "
        "un una uno questo questa quello è sono ero era ho ha hanno avevo sto sta vado fatto "
        "posso devo con su per di del della da in nel a al alla dopo e o ma quindi perché se "
        "poi ancora anche già oggi ieri domani"
    ),
    "pt": _words_of(
        "eu me mim meu minha meus minhas nós nosso nossa tu te você seu sua ele ela eles elas "
        "lhe o a os as um uma uns umas este esta esse essa é sou são estou está estava tenho tem "
        "tinha vou vai fui com sem por para de do da desde em no na ao e ou mas que porque se "
        "já muito também hoje ontem amanhã"
    ),
    "pl": _words_of(
        "ja mnie mi mój moja moje mojego my nas nasz ty cię twój on ona ono oni je go jej ich "
        "ten ta to te tego jest jestem są był była było mam ma mają miałem miałam będę idę "
        "mogę muszę z ze o dla od do w we na po przy przez od i lub albo ale więc bo że jeśli "
        "jeszcze też już dziś wczoraj jutro"
    ),
}
ENGLISH = 30_000  # English words drawn from the word list (the other languages hold ~26,000 each)
_STRIP = ".,:;!?()"


@lru_cache(maxsize=1)
def _frequent() -> dict[str, tuple[str, ...]]:
    """{language: its frequent words}, in the files' order."""
    by_lang: dict[str, list[str]] = {}
    for line in _read("frequent_words.txt.gz"):
        word, _, langs = line.partition("\t")
        for lang in langs.split(",") if word else ():
            by_lang.setdefault(lang, []).append(word)
    english = [w for w in _read("words.txt.gz") if w]
    by_lang["en"] = random.Random(1).sample(english, min(ENGLISH, len(english)))
    return {lang: tuple(words) for lang, words in by_lang.items()}


def word_bags(n: int, positives: Iterable[Sample], rng: random.Random) -> list[Sample]:
    """`n` bags of frequent words without a word of `positives`' texts (lower-cased, outer
    punctuation stripped); half of them draw half their words from `FUNCTION_WORDS`."""
    seen = {w.strip(_STRIP) for s in positives for w in _words(s.text)}
    pools = {lang: [w for w in words if w not in seen] for lang, words in sorted(_frequent().items())}
    langs = sorted(lang for lang, words in pools.items() if words)
    out = []
    for _ in range(n):
        lang = rng.choice(langs)
        words, function = pools[lang], FUNCTION_WORDS.get(lang, ()) if rng.random() < 0.5 else ()
        size = rng.randint(3, 14)
        text = " ".join(
            rng.choice(function if function and rng.random() < 0.5 else words) for _ in range(size)
        )
        if rng.random() < 0.5:
            text = text[0].upper() + text[1:] + "."
        out.append(Sample(text, kind="negative"))
    return out
