"""Which Tesseract language model to read a frame with, guessed from a first English reading.

Tesseract's `eng` model reads every Latin-script page, but it has no `ñ`, `ł`, `á`: a name like
`Begoña` or `Rafał` comes out as `Begona` / `Rafat`, which no name detector knows. Reading every
frame with all installed models (`-l eng+spa+deu+…`) costs about 4x the CPU, and with several
models Tesseract still often keeps the English reading of such a word. So the frame pass reads
with `eng` first, counts the frequent function words of each language in that reading (accents
folded away, as `eng` drops them), and when a language other than English clearly leads, reads the
frame a second time with that language's model alone; both readings are redacted and their masks
added (`image.ocr_readings`). Measured in docs/benchmarks/redact.md ("Held-out screenshots").

The word lists are each language's most frequent short function words (no words of English, no
single letters: OCR noise makes those), not words of any test set.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

FIRST = "eng"
"""The model every frame is read with first."""
MIN_HITS = 2
"""A language is guessed when at least this many of its function words occur in the first reading
and no other language (English included) has as many."""

_WORDS = {
    "eng": "the and of to is are for on with that this be you it was at by from have not can will "
    "your we our an or if has all more please before after new into when there",
    "spa": "el la los las del que en por para con una un es está son su sus al lo como más pero "
    "muy también hay desde donde cuando hola gracias saludos podemos nuestra nuestro estos",
    "deu": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es als "
    "wir sie ich bitte können vor nach bei aus noch wie werden oder aber haben hat wird sind zum "
    "zur über hallo grüße",
    "fra": "le la les et est des du un une pour pas que qui dans en sur au avec ce il elle nous vous "
    "sont plus par mais ou bonjour merci être fait cette peut",
    "nld": "de het een en van dat niet op te zijn met voor die naar ik je aan er maar om ook als "
    "bij nog wel kunnen kan worden door hoi groet vriendelijke",
    "ita": "il la le di che è un una per non sono del della con si ci dei nel alla gli da al ma "
    "come anche più questo ciao grazie prima saluti possiamo",
    "por": "os as de do da dos das que é um uma para com não em no na por mais se ao pela pelo "
    "olá obrigado antes podemos está são",
    "pol": "na się nie jest jak ale czy co od po tak za przez dla już ten są być przed możemy "
    "cześć pozdrawiam jestem",
}


def _fold(word: str) -> str:
    """Lower-case, accents dropped: what `eng` makes of `é`, `ñ`, `ł` (it reads `ł` as `t`)."""
    word = unicodedata.normalize("NFKD", word.lower().replace("ł", "l"))
    return "".join(c for c in word if not unicodedata.combining(c))


def _table() -> dict[str, str]:
    english = {_fold(w) for w in _WORDS[FIRST].split()}
    table: dict[str, set[str]] = {}
    for lang, words in _WORDS.items():
        for w in {_fold(w) for w in words.split()}:
            if lang == FIRST or (w not in english and len(w) > 1):
                table.setdefault(w, set()).add(lang)
    # a word of several languages counts for each of them
    return {w: "+".join(sorted(langs)) for w, langs in table.items()}


_TABLE = _table()
_TOKEN = re.compile(r"[^\W\d_]+")


def guess(words: Iterable[str]) -> str | None:
    """The language whose function words lead in `words` (an `eng` reading), or None (English, or
    no clear lead)."""
    hits: dict[str, int] = {}
    for word in words:
        for tok in _TOKEN.findall(_fold(word)):
            for lang in _TABLE.get(tok, "").split("+"):
                if lang:
                    hits[lang] = hits.get(lang, 0) + 1
    if not hits:
        return None
    ranked = sorted(hits.items(), key=lambda kv: -kv[1])
    best, n = ranked[0]
    if best == FIRST or n < MIN_HITS or (len(ranked) > 1 and ranked[1][1] >= n):
        return None
    return best


@lru_cache(maxsize=1)
def installed() -> frozenset[str]:
    """The language models the local Tesseract has (`tesseract --list-langs`)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    try:
        r = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = r.stdout.decode(errors="replace").splitlines()
    return frozenset(s.strip() for s in lines[1:] if s.strip() and s.strip() != "osd")
