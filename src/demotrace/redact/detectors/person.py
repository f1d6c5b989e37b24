"""PERSON: names by gazetteer, shape and context, without a statistical model.

Each word is classed with the shipped lexicon (see `lexicon.py`): a *strong* name (a first or last
name in Faker's 80+ locales that is not an English word: "Megan", "Nielsen", "kristin"), a *weak*
name (also an English word: "Will", "Rose", "Young"), an *unknown* capitalised word (in neither
list: "Pesälä", "Duqyaha") or a word. Then:
- a run of capitalised name/unknown words holding a strong name, or two names, is a person
  ("Megan Payne", "Ronald Pesälä", "Janice Brkić MD"); so is a lower-case strong name with the
  unknown lower-case words after it ("tracy sukhorukova");
- after a strong cue (`Mr.`, `Dr.`, `my name is`, `call me`, `Dear`, `Hi`) the next words are a
  person whatever their case; after a weak cue (`with`, `by`, `said`, `cc`) and before a speech or
  action verb (`X said`, `X shouted`) an unknown capitalised word is one, as is a possessive
  ("Sumaya's kid");
- app, site and UI words ("Gmail", "Inbox", "Docs") are never names (lexicon.NOT_NAMES).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._base import Detector, Span, guarded
from ._person_gate import ALONE, CUE_END, FIRST_WEAK, IN_LAST, LEAD, NameGate
from .lexicon import FIRST, LAST, NOT_NAMES, Lexicon, lexicon, word_set
from .lexicon import WORD as ENGLISH

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_JOIN = re.compile(r"^[ \t]{1,2}$|^,[ \t]$")  # between the words of one name
_PARTICLES = word_set(
    "van von der den de da di du del della le la el al bin ibn ben bint mac st ní nic ui ó dos das"
)
# a capitalised word of a place name before a surname-like word: New York, San Jose, Fort Worth
_PLACE_HEADS = word_set(
    "new san santa santo saint st fort lake mount mt port cape north south east west upper lower "
    "great little los las bad glen"
)
_SUFFIXES = word_set("jr sr md phd dds esq ii iii iv")
_NOT_COUNTED = _PARTICLES | _SUFFIXES  # once, not a new set per word of a run
# the word lists behind a lookahead on their first characters (`_base.guarded`: same matches)
_HONORIFICS = "mr|mrs|ms|miss|mx|dr|prof|sir|madam|dame|lady|lord|rev|herr|frau|mme|mlle|sra|sr|fr"
_CUE_PHRASES = (
    r"my name is|name is|name's|name:|names are|call me|calls me|called|named|dear|hi|hello|hey|"
    r"thanks|thank you|regards,?|cheers,?|sincerely,?|attn:?|cc:?|maiden name is|last name\?|"
    r"first name\?|name\?|nee|née|signed|assignee:?|reporter:?|author:?|name\? user:"
)
_STRONG_CUE = re.compile(r"(?:\b" + guarded(_HONORIFICS) + r"\.?|\b" + guarded(_CUE_PHRASES) + r")\W{0,3}$")
_WEAK_CUE = re.compile(
    r"\b"
    + guarded(
        r"with|by|and|from|to|for|said|says|asked|told|starring|directed by|ex-\w+|about|of|"
        r"under|partner|wife|husband|son|daughter|kid|mother|father|brother|sister|friend|boss|"
        r"colleague|manager|meet|met|see|saw|invite|invited|ping|email|call|tell|told|ask"
    )
    + r"\W{1,3}$"
)
# a relation word makes the next capitalised word a name even when it is also a word ("my kid Roman")
_RELATION_CUE = re.compile(
    r"\b"
    + guarded(
        "partner|wife|husband|son|daughter|kid|child|mother|father|mom|dad|brother|sister|friend|"
        "boss|colleague|manager|assistant to|commenter|neighbou?r|cousin|aunt|uncle|grandson|granddaughter"
    )
    + r"(?:'s name)?\W{1,3}$"
)
_VERB_AFTER = re.compile(
    r"^(?:['’]s\b|,\s+(?i:can|could|would|will|please|do|did|are|have)\b"
    r"|\s+(?i:said|says|shouted|asked|replied|wrote|writes|told|tells|began|begins|is a|"
    r"was a|is very|was very|had|has|lives|lived|spent|will be|would|wants|joined|left|called|"
    r"commented|mentioned|shared|posted|invited|added|assigned|reviewed|approved|sent|accepted|"
    r"is from|was from|(?:is|was) (?:born|influenced|known|married|hired|promoted|elected)\b))"
)

_SUFFIX_AFTER = re.compile(
    r"^(?:,?[ \t]+(?:B\.A\.|B\.Sc\.|BSc|M\.A\.|M\.Sc\.|MSc|MBA\.?|B\.Eng\.|M\.Eng\.|Ph\.?D\.?|MD|"
    r"Jr\.?|Sr\.?|II|III|IV|DDS|Esq\.?|DVM|RN|CPA))+(?![\w.])"
)
_AND = re.compile(r"[ \t]+(?:and|&|und|et|y|e|och|og|i)[ \t]+")
_CJK = re.compile(r"^[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{1,4}$")

STRONG, WEAK, UNKNOWN, WORD = "S", "W", "U", "-"
# Longer than any match of _STRONG_CUE ("maiden name is" + 3 non-word characters, + a newline
# before `$`): searching the last CUE_REACH characters in place finds what a search of the last 40
# found (`\b` reads the character before the window), in half the positions.
CUE_REACH = 24


def _cue_last_words() -> frozenset[str]:
    """The last run of letters of each strong cue ("is" of "my name is", "s" of "name's"). A cue
    that ends before a word ends with the letters last before that word (only non-word characters
    may follow a cue), so the word before must end in one of these: the regex is searched only
    then (`_Word.cue_end`)."""
    out = set()
    for alt in (_HONORIFICS + "|" + _CUE_PHRASES).split("|"):
        if not re.fullmatch(r"[a-zé' ]+(?:[,:.]|\\\?)?\??(?: user:)?", alt):
            raise ValueError(f"a cue this prefilter is not sure of: {alt!r}")
        out.add(re.findall(r"[^\W\d_]+", alt)[-1])
    return frozenset(out)


_CUE_LAST = _cue_last_words()
_PIECE = re.compile(r"[-'’]")


def _ends_like_cue(raw: str) -> bool:
    """`raw`'s last piece (split like `_TOKEN` joins) is a cue's last word, or not ASCII: `re`
    folds case beyond `str.lower` there (ſ, K), so the regex decides."""
    last = _PIECE.split(raw)[-1]
    return not last.isascii() or last.lower() in _CUE_LAST


def _strong_cue(text: str, at: int) -> bool:
    """A strong cue ends right before `at` ("Dr. ", "my name is ")."""
    return _STRONG_CUE.search(text, max(0, at - CUE_REACH), at) is not None


def _cjk_name(lex: Lexicon, word: str) -> bool:
    """A CJK word that is a listed name (高橋, 修平) or surname + given name (张慧, 欧阳娜娜)."""
    if not _CJK.match(word):
        return False
    if len(word) >= 2 and lex.is_name(word):
        return True
    for k in (1, 2):
        head, rest = word[:k], word[k:]
        if (
            head in lex.last
            and 1 <= len(rest) <= 2
            and (rest in lex.first or all(c in lex.first for c in rest))
        ):
            return True
    return False


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cls: str
    cap: bool


def _initial(text: str, start: int) -> bool:
    """The word at `start` is the first of a sentence or a line."""
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n;•*" or start == 0


_POSSESSIVE = ("'s", "’s", "'S", "’S")
CACHE_WORDS = 32768  # distinct words memoised: page text repeats its words


def _classify(lex: Lexicon, word: str) -> tuple[str, int]:
    """The word's class and its lower case's lexicon tag."""
    low = word.lower()
    tag = lex.tags.get(low)  # one lookup: is_name and is_word below asked it twice
    name = bool(tag & (FIRST | LAST))
    if not name and ("-" in low or "'" in low or "’" in low):
        parts = [p for p in re.split(r"[-'’]", low) if p]
        name = len(parts) > 1 and all(lex.is_name(p) for p in parts)
    common = bool(tag & ENGLISH) or low in NOT_NAMES
    if name and not common and len(low) > 2:
        return STRONG, tag
    if name:
        return WEAK, tag
    if not common and len(low) > 2:
        return UNKNOWN, tag
    return WORD, tag


_SPLIT = re.compile(f"({_TOKEN.pattern})")


@dataclass(frozen=True, slots=True)
class _Word:
    """What the rule needs of one distinct token as found (memoised per detector): the word
    without a possessive "'s", how many characters that cut, its class, whether it is
    capitalised, is CJK, and whether it can start a name at all (a lower-case word of the
    dictionary cannot: the loop skips it), whether it ends like a cue, and its lower case's
    lexicon tag (first / last name bits)."""

    text: str
    cut: int
    cls: str
    cap: bool
    cjk: bool
    lead: bool
    cue_end: bool
    tag: int


def _word(lex: Lexicon, raw: str) -> _Word:
    word, cut = raw, 0
    if raw[-2:] in _POSSESSIVE and len(raw) > 2:
        word, cut = raw[:-2], 2
    cls, tag = _classify(lex, word)
    if cls == UNKNOWN and len(word) > 1 and word.isupper():
        cls = WORD  # acronyms: ASAP, VOV, HTTP
    cap = word[0].isupper()
    cjk = _CJK.match(word) is not None
    return _Word(word, cut, cls, cap, cjk, cjk or cap or cls != WORD, _ends_like_cue(raw), tag)


class _Toks:
    """The words of a text as a sequence of `_Tok`, built on demand: `_SPLIT` cuts the text into
    gaps and words in C and their offsets are running sums of the pieces' lengths, so a word
    that cannot start a name (most of prose) costs no Python work; `lead` lists the indices of
    those that can."""

    __slots__ = ("_made", "base", "info", "lead", "n", "offs", "raw")

    def __init__(
        self,
        raw: list[str],
        offs: list[int],
        lex: Lexicon,
        info: dict[str, _Word],
        leads: dict[str, bool],
        base: int = 0,
    ) -> None:
        """`raw`: the words; word k starts at `offs[2k] - base` and ends at `offs[2k + 1] - base`,
        and `offs[-1] - base` is at or past the text's end: what `of` gives (base 0, the text's
        length last), or `_person_gate` cut from its split of a batch."""
        self.raw = raw
        self.offs = offs
        self.base = base
        self.n = len(self.raw)
        missing = set(self.raw).difference(info)
        if missing:
            if len(info) + len(missing) > CACHE_WORDS:
                info.clear()
                leads.clear()
                missing = set(self.raw)
            for r in missing:
                w = info[r] = _word(lex, r)
                leads[r] = w.lead
        self.info = info
        self.lead = list(itertools.compress(range(self.n), map(leads.__getitem__, self.raw)))
        self._made: list[_Tok | None] = [None] * self.n

    @classmethod
    def of(cls, text: str, lex: Lexicon, info: dict[str, _Word], leads: dict[str, bool]) -> _Toks:
        parts = _SPLIT.split(text)
        return cls(parts[1::2], list(itertools.accumulate(map(len, parts))), lex, info, leads)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: int) -> _Tok:
        t = self._made[k]  # a negative index counts from the end, as in a list
        if t is None:
            w = self.info[self.raw[k]]
            s, e = self.offs[2 * k] - self.base, self.offs[2 * k + 1] - self.base - w.cut
            t = self._made[k] = _Tok(s, e, w.text, w.cls, w.cap)
        return t

    def after_cue(self, text: str, k: int) -> bool:
        """A strong cue ends right before word `k` (`_strong_cue`), searched only when the word
        before ends like one: a text before its first word holds no letters, so no cue."""
        if k == 0 or not self.info[self.raw[k - 1]].cue_end:
            return False
        return _strong_cue(text, self.offs[2 * k] - self.base)


class PersonDetector(Detector):
    name = "person"
    kinds = ("PERSON",)

    def __init__(self) -> None:
        self._lex = lexicon()
        self._info: dict[str, _Word] = {}
        self._leads: dict[str, bool] = {}
        self._gate = NameGate(_SPLIT, self._gate_code, _strong_cue, CACHE_WORDS)

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`detect` on the texts of the batch that may hold a name (`_person_gate`), on their words
        as the gate's one split of the batch found them; none found in the others."""
        if len(texts) < 2:
            return [list(self.detect(t)) for t in texts]
        out: list[list[Span]] = [[] for _ in texts]
        for i, words in self._gate.texts(texts):
            if words is None:
                out[i] = self._detect(texts[i], _Toks.of(texts[i], self._lex, self._info, self._leads))
            else:
                raw, offs, base = words
                out[i] = self._detect(texts[i], _Toks(raw, offs, self._lex, self._info, self._leads, base))
        return out

    def _gate_code(self, raw: str) -> int:
        """The bits `_person_gate` needs of a word as found; its `_Word` is memoised for `detect`
        on the texts let through."""
        w = self._info.get(raw)
        if w is None:
            if len(self._info) >= CACHE_WORDS:
                self._info.clear()
                self._leads.clear()
            w = self._info[raw] = _word(self._lex, raw)
            self._leads[raw] = w.lead
        code = (CUE_END if w.cue_end else 0) | (LEAD if w.lead else 0)
        if w.cjk or (w.cls != WORD and w.cap) or (w.cls == STRONG and len(w.text) >= 4):
            code |= ALONE
        elif w.cls == WEAK and w.tag & FIRST:  # `w.text.lower() in lex.first`
            code |= FIRST_WEAK
        if w.tag & LAST:  # `w.text.lower() in lex.last`
            code |= IN_LAST
        return code

    def detect(self, text: str) -> Iterable[Span]:
        return self._detect(text, _Toks.of(text, self._lex, self._info, self._leads))

    def _detect(self, text: str, toks: _Toks) -> list[Span]:
        hits: list[Span] = []
        i = 0
        n = len(toks)
        for k in toks.lead:  # a word that cannot start a name is passed over (`i += 1`)
            if k < i:
                continue
            i = k
            w = toks.info[toks.raw[k]]
            if w.cls == WORD and not w.cjk and not toks.after_cue(text, k):
                i += 1  # a capitalised dictionary word: only a strong cue makes it a name
                continue
            t = toks[i]
            if w.cjk:
                j = i + 1
                paired = (  # two listed name words side by side: 翼 佐々木, 柳 李
                    j < n
                    and self._lex.is_name(t.text)
                    and _CJK.match(toks[j].text)
                    and text[t.end : toks[j].start] == " "
                    and self._lex.is_name(toks[j].text)
                )
                if paired or _cjk_name(self._lex, t.text) or (toks.after_cue(text, i) and len(t.text) <= 3):
                    while j < n and _CJK.match(toks[j].text) and text[toks[j - 1].end : toks[j].start] == " ":
                        if not (self._lex.is_name(toks[j].text) or _cjk_name(self._lex, toks[j].text)):
                            break
                        j += 1
                    hits.append(self._span(text, t.start, toks[j - 1].end, 0.8))
                i = j
                continue
            strong_cue = toks.after_cue(text, i)
            before = text[max(0, t.start - 40) : t.start]
            prev = toks[i - 1] if i else None
            if (
                prev
                and prev.cap
                and t.cap
                and prev.text.lower() in _PLACE_HEADS
                and _JOIN.match(text[prev.end : t.start])
            ):
                i += 1
                continue
            j = self._run_end(text, toks, i, lowercase=not t.cap)
            run = [toks[r] for r in range(i, j)]
            classes = [r.cls for r in run if r.text.lower() not in _NOT_COUNTED]
            after = text[run[-1].end : run[-1].end + 30]
            is_person = False
            score = 0.85
            if strong_cue and (t.cls != WORD or t.cap or len(run) > 1):
                is_person = True
            elif t.cap:
                n_names = classes.count(STRONG) + classes.count(WEAK)
                if STRONG in classes or n_names >= 2:
                    is_person = True
                elif UNKNOWN in classes and not (
                    len(run) == 1 and t.cls == UNKNOWN and _initial(text, t.start)
                ):
                    is_person = len(run) > 1 or bool(_WEAK_CUE.search(before) or _VERB_AFTER.match(after))
                    score = 0.7
                elif self._single_by_context(text, t, run, before, after):
                    is_person, score = True, 0.6
            elif t.cls == STRONG and not t.text.isupper() and len(t.text) >= 4:  # not "dev", "ana"
                is_person, score = True, 0.7
            elif (
                t.cls == WEAK
                and t.text.lower() in self._lex.first
                and len(run) > 1
                and all(r.text.lower() in self._lex.last for r in run[1:])
            ):
                is_person, score = True, 0.6  # "maria hiltunen": a first name and listed surnames
            if is_person:
                hits.append(self._span(text, run[0].start, run[-1].end, score))
                i = j
        return self._coordinated(text, toks, hits)

    @staticmethod
    def _single_by_context(text: str, t: _Tok, run: list[_Tok], before: str, after: str) -> bool:
        """An unknown word or a lone word-like name, made a name by what is around it."""
        if (t.cls == UNKNOWN or (t.cls == WEAK and len(run) == 1)) and _VERB_AFTER.match(after):
            return True
        return t.cls == WEAK and not _initial(text, t.start) and bool(_RELATION_CUE.search(before))

    def _coordinated(self, text: str, toks: _Toks, hits: list[Span]) -> list[Span]:
        """A name-like word joined by "and" / "&" to a person is one too: "Miller & Jimenez".
        Between two adjacent words there is no letter (a word takes every letter beside it), so
        of `_AND` only "&" can join them: only the pairs around an "&" are looked at, in text
        order (the pairs beside every hit were, each with a regex match)."""
        if not hits or "&" not in text:
            return hits
        starts = {h.start for h in hits}
        ends = {h.end for h in hits}
        pairs = set()
        i = text.find("&")
        while i >= 0:
            q = bisect.bisect_right(toks.offs, i + toks.base)  # the piece holding `i`: gap 2m precedes word m
            if q % 2 == 0 and 1 <= q // 2 < len(toks):
                pairs.add(q // 2 - 1)
            i = text.find("&", i + 1)
        extra: list[Span] = []
        for k in sorted(pairs):
            a, b = toks[k], toks[k + 1]
            if not _AND.fullmatch(text, a.end, b.start):
                continue
            if b.start in starts and a.cap and a.cls != WORD and a.start not in starts:
                extra.append(Span("PERSON", a.start, a.end, 0.6))
            if a.end in ends and b.cap and b.cls != WORD and b.start not in starts:
                extra.append(Span("PERSON", b.start, b.end, 0.6))
        return hits + extra

    def _span(self, text: str, start: int, end: int, score: float) -> Span:
        """Widen to the degrees after a name ("MD", "MBA"); honorifics before it ("Dr.") stay."""
        m2 = _SUFFIX_AFTER.match(text[end : end + 30])
        if m2:
            end += m2.end()
        return Span("PERSON", start, end, score)

    def _run_end(self, text: str, toks: _Toks, i: int, lowercase: bool) -> int:
        """Index after the last word of the name that may start at toks[i]."""
        j = i + 1
        while j < len(toks) and j - i < 5:
            nxt = toks[j]
            if not _JOIN.match(text[toks[j - 1].end : nxt.start]):
                break
            low = nxt.text.lower()
            if low in _PARTICLES:  # van der Maath, de la Cruz
                k = j
                while k < len(toks) and toks[k].text.lower() in _PARTICLES and k - j < 3:
                    k += 1
                if k < len(toks) and (toks[k].cap or lowercase) and toks[k].cls != WORD:
                    j = k + 1
                    continue
                break
            if low in _SUFFIXES:
                j += 1
                break
            if lowercase:
                surname = nxt.cls == WEAK and low in self._lex.last  # "aimée auger"
                if nxt.cap or not (nxt.cls in (STRONG, UNKNOWN) or surname):
                    break
            elif not nxt.cap or nxt.cls == WORD or (nxt.text.isupper() and len(nxt.text) > 3):
                break
            if "," in text[toks[j - 1].end : nxt.start]:
                break
            j += 1
        return j
