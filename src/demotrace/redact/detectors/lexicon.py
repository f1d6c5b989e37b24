"""Word lists shipped with the package, loaded once per process on first use (thread-safe).

- `names.txt.gz`: first/last name words from Faker's 80+ locales (MIT), built by
  `data/build_names.py`;
- `words.txt.gz`: lower-case English words (SCOWL via Debian's wamerican), built by
  `data/build_words.py`; `common_words.txt.gz`: everyday words of eight other languages, none a
  name of their locales or a first name of any ("klima", "casa"), built by
  `data/build_common_words.py`: both tag a word as common (`WORD`);
- `frequent_words.txt.gz`: the 30,000 most frequent words of each of thirteen languages (wordfreq,
  CC BY-SA 4.0), none a name of a locale of the same language, each tagged with the languages it
  is frequent in (`LANGUAGES`' bits; English's are `words.txt.gz`'s), not as common: a word
  common in one language is a word in a text of that language only ("Resonancia" in a Spanish
  report, not "Delvis" in English), which the person rule and the model's filters decide per
  text (`_person_words.FOREIGN` and `NAMEWORD`, `languages_of`), built by
  `data/build_frequent_words.py`;
- `NOT_NAMES`: apps, sites and UI words that title-case text shows beside real names, and the
  names of languages ("translate thank you to japanese", "call me back").

The big lists are held as one `TaggedWords` (sorted UTF-8 in one bytes object, looked up by block,
each word with its first / last / English-word bits): ~2 MB instead of the ~13 MB of frozensets of
str, which the recorder carries all day.
"""

from __future__ import annotations

import functools
import gzip
import heapq
import re
import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from operator import itemgetter


def word_set(words: str) -> frozenset[str]:
    """A set from a whitespace-separated list (keeps long lists readable)."""
    return frozenset(words.split())


NOT_NAMES = word_set(
    """
    parent parents guardian guardians carer carers i'm i’m i'd i’d we'd we’d we're we’re i've i’ve
    nanna nanny granny gran grandad granddad grandpa grandma darling sweetie hun bestie nonna nonno
    abuela abuelo babcia dziadek oma opa
    wi-fi wifi localhost gmail google docs sheets slides drive calendar meet chat youtube maps chrome chromium
    clabe
    firefox
    safari edge opera brave linkedin wikipedia github gitlab bitbucket slack jira confluence
    atlassian trello notion figma miro zoom teams outlook excel powerpoint onenote sharepoint word
    microsoft windows apple macos linux ubuntu debian fedora android iphone ipad xterm terminal
    konsole vscode vim emacs threads manus twitter facebook instagram whatsapp telegram signal
    discord reddit amazon aws azure gcp openai chatgpt claude anthropic gemini copilot stripe paypal
    shopify salesforce hubspot zendesk dropbox box asana monday clickup airtable calendly docker
    kubernetes jenkins python javascript typescript rust golang java kotlin swift postgres postgresql mysql
    terraform ansible gradle maven helm kubectl webpack vite babel eslint prettier jest pytest nginx
    tomcat hikari prometheus alertmanager grafana loki vault consul nomad vagrant podman buildkite
    circleci argocd istio envoy traefik haproxy keycloak okta auth0 cognito firebase supabase heroku
    netlify vercel cloudflare fastly akamai twilio sendgrid mailgun snowflake databricks airflow
    dagster hadoop trino dbt looker tableau metabase kibana elasticsearch opensearch logstash fluentd
    splunk newrelic pagerduty opsgenie moodle canvas blackboard
    sqlite redis kafka grafana sentry datadog inbox outbox drafts sent spam starred snoozed archive
    untitled document spreadsheet presentation dashboard settings preferences profile account
    search results home page tab window new edit view help file tools insert format data extensions
    history bookmarks calculator options menu about
    ctrl shift cmd esc
    hosp dob mrn urn
    repo repository pull request requests issues actions projects wiki security insights commits
    branch branches main master readme roadmap sprint backlog board standup retro okrs kpi
    hello thanks thank regards best cheers dear team everyone morning afternoon evening today
    tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    dev prod staging api app src lib bin etc tmp usr var opt admin test tests docs doc config
    back forward next previous later again
    christmas xmas easter hanukkah diwali ramadan eid
    english french german spanish italian portuguese dutch polish japanese chinese korean russian
    arabic hindi turkish swedish danish norwegian finnish greek czech hungarian romanian ukrainian
    hebrew thai vietnamese indonesian
    """
)


# function words that some locale's surname list contains ("the", "and"; Dutch "het", German "und",
# French "les", Italian "che") are never names ("an" is a Vietnamese and Chinese given name, so it
# stays; so do the particles of surnames, "van", "de", "la", "del", "das")
STOPWORDS = word_set(
    """
    the and of to in for a on at by with from as or but if so not no yes is are was were be been
    this that these those it its he she we they you i me my our your his her their them us who what
    when where why how all any each some more most other such only own same than too very can will
    just should now new one two up out over under again then once here there about into through
    during before after above below off further per via
    het die und les una uno som sie con che sur zu au
    """
)


FIRST, LAST, WORD = 1, 2, 4  # the tags of `TaggedWords`, as bits
# the languages of `frequent_words.txt.gz`, in the order of their bits (`LANG_SHIFT` up)
LANGUAGES = (
    "en",
    "es",
    "nl",
    "de",
    "fr",
    "it",
    "pt",
    "ca",
    "da",
    "sv",
    "nb",
    "pl",
    "cs",
    "ro",
    "tr",
    "hu",
    "fi",
)
LANG_SHIFT = 3
LANG_BIT = {code: 1 << (LANG_SHIFT + i) for i, code in enumerate(LANGUAGES)}
_LANG_BIT = LANG_BIT
_TAG_HEX = 5  # a tag's hex digits in the blob: 20 bits
LANG_BITS = sum(_LANG_BIT.values())
# the bits `frequent_words.txt.gz` gives (English's come with `words.txt.gz`, common words only):
# on a name, where it is also one of the language's most frequent words ("tage": German)
FREQUENT_BITS = LANG_BITS & ~_LANG_BIT["en"]


def _indices(mask: int) -> tuple[int, ...]:
    return tuple(i for i in range(len(LANGUAGES)) if mask >> i & 1)


_INDICES: dict[int, tuple[int, ...]] = {}  # language mask → its languages' indices


def languages_of(tags: list[int], least: int = 2) -> int:
    """The language bits of a text whose words have `tags`: the languages most of its frequent
    words are frequent in (those with the highest count, ties all kept), or 0 where fewer than
    `least` of its words are frequent words of any (no evidence: a title, a word typed alone)."""
    counts = [0] * len(LANGUAGES)
    seen = 0
    for t in tags:
        t >>= LANG_SHIFT
        if t:
            seen += 1
            idx = _INDICES.get(t)
            if idx is None:
                idx = _INDICES[t] = _indices(t)
            for i in idx:
                counts[i] += 1
    if seen < least:
        return 0
    top = max(counts)
    return sum(1 << (LANG_SHIFT + i) for i, c in enumerate(counts) if c == top)


class TaggedWords:
    """Words with a tag each (bits, < 2^20) for lookups only: the words sorted as UTF-8, each as
    `\nword\tHHHHH` (the tag in hex) in one bytes object. A lookup bisects the first word of every
    `BLOCK`th (a short list of bytes, compared in C), then searches that block's few hundred bytes
    for `\nword\t` (~1 µs; bisecting every word called a Python `__getitem__` ~17 times per
    lookup). One lookup answers first name / last name / English word / languages together, where
    one set per list took three."""

    __slots__ = ("_blob", "_heads", "_len", "_offsets")
    BLOCK = 32

    def __init__(self, tags: dict[str, int]) -> None:
        self._build(sorted(tags.items()))  # code point order is UTF-8's byte order

    @classmethod
    def from_sorted(cls, pairs: Iterable[tuple[str, int]]) -> TaggedWords:
        """From (word, tag) pairs in code point order of the words, a word's repeats one after the
        other (their tags OR-ed): built as they come, without a dict or a list of every word (the
        lists' ~400 k words as a dict of str cost the recorder ~70 MB at start, given back only
        after)."""
        out = cls.__new__(cls)
        out._build(pairs)
        return out

    def _build(self, pairs: Iterable[tuple[str, int]]) -> None:
        blob = bytearray(b"\n")
        heads: list[bytes] = []
        offsets = array("I")
        hexes: dict[int, bytes] = {}  # a few hundred distinct tags
        n = 0
        last, tag = None, 0

        def put(word: str, tag: int) -> None:
            nonlocal n
            if not 0 < tag < 1 << (4 * _TAG_HEX):
                raise ValueError("a tag is out of range")
            if "\n" in word or "\t" in word:
                raise ValueError("a word holds a newline or a tab")
            key = word.encode("utf-8", "surrogatepass")
            if n % self.BLOCK == 0:
                heads.append(key)
                offsets.append(len(blob) - 1)  # the newline before the entry
            h = hexes.get(tag)
            if h is None:
                h = hexes[tag] = f"{tag:05x}".encode()
            blob.extend(key + b"\t" + h + b"\n")
            n += 1

        for word, t in pairs:
            if word == last:
                tag |= t
                continue
            if last is not None:
                if word < last:
                    raise ValueError(f"the words are not sorted: {word!r} after {last!r}")
                put(last, tag)
            last, tag = word, t
        if last is not None:
            put(last, tag)
        offsets.append(len(blob) - 1)  # the newline after the last entry
        self._len = n
        self._heads = heads
        self._offsets = offsets
        self._blob = bytes(blob)

    def __len__(self) -> int:
        return self._len

    def get(self, word: str) -> int:
        """The word's tag, 0 when it is not listed."""
        if "\n" in word or "\t" in word:
            return 0
        key = word.encode("utf-8", "surrogatepass")
        i = bisect_right(self._heads, key) - 1
        if i < 0:
            return 0
        j = self._blob.find(b"\n" + key + b"\t", self._offsets[i], self._offsets[i + 1] + 1)
        if j < 0:
            return 0
        j += len(key) + 2
        return int(self._blob[j : j + _TAG_HEX], 16)


class Tagged:
    """The words of a `TaggedWords` whose tag has `bit`, for `in`."""

    __slots__ = ("_bit", "_words")

    def __init__(self, words: TaggedWords, bit: int) -> None:
        self._words, self._bit = words, bit

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self._words.get(word) & self._bit)


_CONTRACTION = re.compile(r"([a-z]{2,})(?:['’](?:ve|re|ll|d|m)|n['’]t)")


@dataclass(frozen=True, slots=True)
class Lexicon:
    tags: TaggedWords
    first: Tagged
    last: Tagged
    words: Tagged

    def is_name(self, w: str) -> bool:
        return bool(self.tags.get(w) & (FIRST | LAST))

    def known(self, w: str) -> bool:
        """`w` (lower case) is a word of any language read or a listed name: no login made up."""
        return bool(self.tags.get(w) & (WORD | LANG_BITS)) or self.is_name(w)

    def is_word(self, w: str) -> bool:
        if self.tags.get(w) & WORD or w in NOT_NAMES:
            return True
        # an English contraction of a word: "we've", "they're", "don't" (not "o'brien": "o" is none)
        m = _CONTRACTION.fullmatch(w) if "'" in w or "’" in w else None
        return m is not None and bool(self.tags.get(m.group(1)) & WORD)


_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None


def _read(name: str) -> list[str]:
    ref = resources.files("demotrace.redact.data").joinpath(name)
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return f.read().split("\n")


def _lines(name: str) -> Iterator[str]:
    """The lines of a shipped list, read as they come (each list is sorted: `data/build_*.py`)."""
    ref = resources.files("demotrace.redact.data").joinpath(name)
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                yield line


def _names() -> Iterator[tuple[str, int]]:
    for line in _lines("names.txt.gz"):
        word, _, tags = line.partition("\t")
        tag = (FIRST if "f" in tags else 0) | (LAST if "l" in tags else 0)
        if tag and word not in STOPWORDS:
            yield word, tag


def _frequent() -> Iterator[tuple[str, int]]:
    masks: dict[str, int] = {}  # "es,pt" → its bits: a few hundred distinct lists
    for line in _lines("frequent_words.txt.gz"):
        word, _, codes = line.partition("\t")
        m = masks.get(codes)
        if m is None:
            m = masks[codes] = sum(_LANG_BIT[c] for c in codes.split(","))
        yield word, m


def _tagged_lists() -> list[Iterator[tuple[str, int]]]:
    """Each list's (word, tag) pairs, in its (sorted) order."""
    english = WORD | _LANG_BIT["en"]
    return [
        _names(),
        ((w, english) for w in _lines("words.txt.gz")),
        ((w, WORD) for w in _lines("common_words.txt.gz")),
        _frequent(),
    ]


def lexicon() -> Lexicon:
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                tagged = TaggedWords.from_sorted(heapq.merge(*_tagged_lists(), key=itemgetter(0)))
                _LEXICON = Lexicon(tagged, Tagged(tagged, FIRST), Tagged(tagged, LAST), Tagged(tagged, WORD))
    return _LEXICON


@functools.lru_cache(maxsize=32768)
def plain_word(word: str) -> bool:
    """An interface or dictionary word that is not a name (memoised: a page repeats its words)."""
    low = word.lower()
    lex = lexicon()
    return low in NOT_NAMES or (lex.is_word(low) and not lex.is_name(low))
