"""Word lists shipped with the package, loaded once per process on first use (thread-safe).

- `names.txt.gz`: first/last name words from Faker's 80+ locales (MIT), built by
  `data/build_names.py`;
- `words.txt.gz`: lower-case English words (SCOWL via Debian's wamerican), built by
  `data/build_words.py`;
- `NOT_NAMES`: apps, sites and UI words that title-case text shows beside real names.

The big lists are held as `WordSet`s (sorted UTF-8 in one bytes object, looked up by block):
~2 MB instead of the ~13 MB of frozensets of str, which the recorder carries all day.
"""

from __future__ import annotations

import gzip
import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources


def word_set(words: str) -> frozenset[str]:
    """A set from a whitespace-separated list (keeps long lists readable)."""
    return frozenset(words.split())


NOT_NAMES = word_set(
    """
    gmail google docs sheets slides drive calendar meet chat youtube maps chrome chromium firefox
    safari edge opera brave linkedin wikipedia github gitlab bitbucket slack jira confluence
    atlassian trello notion figma miro zoom teams outlook excel powerpoint onenote sharepoint word
    microsoft windows apple macos linux ubuntu debian fedora android iphone ipad xterm terminal
    konsole vscode vim emacs threads manus twitter facebook instagram whatsapp telegram signal
    discord reddit amazon aws azure gcp openai chatgpt claude anthropic gemini copilot stripe paypal
    shopify salesforce hubspot zendesk dropbox box asana monday clickup airtable calendly docker
    kubernetes python javascript typescript rust golang java kotlin swift postgres postgresql mysql
    sqlite redis kafka grafana sentry datadog inbox outbox drafts sent spam starred snoozed archive
    untitled document spreadsheet presentation dashboard settings preferences profile account
    search results home page tab window new edit view help file tools insert format data extensions
    history bookmarks calculator options menu about
    repo repository pull request requests issues actions projects wiki security insights commits
    branch branches main master readme roadmap sprint backlog board standup retro okrs kpi
    hello thanks thank regards best cheers dear team everyone morning afternoon evening today
    tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    dev prod staging api app src lib bin etc tmp usr var opt admin test tests docs doc config
    """
)


# function words that some locale's surname list contains ("the", "and") are never names ("an" is a
# Vietnamese and Chinese given name, so it stays)
STOPWORDS = word_set(
    """
    the and of to in for a on at by with from as or but if so not no yes is are was were be been
    this that these those it its he she we they you i me my our your his her their them us who what
    when where why how all any each some more most other such only own same than too very can will
    just should now new one two up out over under again then once here there about into through
    during before after above below off further per via
    """
)


class WordSet:
    """An immutable set of words for `in` only: the words sorted as UTF-8, each after a newline in
    one bytes object. A lookup bisects the first word of every `BLOCK`th (a short list of bytes,
    compared in C), then searches the block's few hundred bytes for `\nword\n` (exact, ~1 µs;
    bisecting every word called a Python `__getitem__` ~17 times per lookup, ~8 µs)."""

    __slots__ = ("_blob", "_heads", "_len", "_offsets")
    BLOCK = 32

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted({w.encode("utf-8") for w in words})  # byte order = code point order
        if any(b"\n" in w for w in ordered):
            raise ValueError("a word holds a newline")
        self._len = len(ordered)
        self._heads = ordered[:: self.BLOCK]
        offsets = array("I")
        pos = 0
        for i, w in enumerate(ordered):
            if i % self.BLOCK == 0:
                offsets.append(pos)
            pos += 1 + len(w)
        offsets.append(pos)  # the newline after the last word
        self._offsets = offsets
        self._blob = b"".join(b"\n" + w for w in ordered) + b"\n"

    def __len__(self) -> int:
        return self._len

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or "\n" in word:
            return False
        key = word.encode("utf-8", "surrogatepass")
        i = bisect_right(self._heads, key) - 1
        if i < 0:
            return False
        return self._blob.find(b"\n" + key + b"\n", self._offsets[i], self._offsets[i + 1] + 1) >= 0


@dataclass(frozen=True, slots=True)
class Lexicon:
    first: WordSet
    last: WordSet
    words: WordSet

    def is_name(self, w: str) -> bool:
        return w in self.first or w in self.last

    def is_word(self, w: str) -> bool:
        return w in self.words or w in NOT_NAMES


_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None


def _read(name: str) -> list[str]:
    ref = resources.files("demotrace.redact.data").joinpath(name)
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return f.read().split("\n")


def lexicon() -> Lexicon:
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                first: set[str] = set()
                last: set[str] = set()
                for line in _read("names.txt.gz"):
                    word, _, tags = line.partition("\t")
                    if word in STOPWORDS:
                        continue
                    if "f" in tags:
                        first.add(word)
                    if "l" in tags:
                        last.add(word)
                words = {w for w in _read("words.txt.gz") if w}
                _LEXICON = Lexicon(WordSet(first), WordSet(last), WordSet(words))
    return _LEXICON
