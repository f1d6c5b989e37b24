"""The person rule's words: how the text is cut into words (`_SPLIT`), what each distinct word is
(`_Word`, memoised per detector: its class by the shipped lexicon, its case, CJK, whether a name
can start at it, whether it can end a strong cue), and a text's words as a lazy sequence (`_Toks`)
that the rule in `person.py` walks; with the strong cues ("Dr.", "my name is") searched before a
word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ._base import guarded
from .lexicon import FIRST, FREQUENT_BITS, LANG_BITS, LAST, NOT_NAMES, Lexicon, languages_of, word_set
from .lexicon import WORD as ENGLISH

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

_HONORIFICS = (
    "mr|mrs|ms|miss|mx|dr|prof|sir|madam|dame|lady|lord|rev|herr|frau|mme|mlle|sra|sr|fr|"
    # Polish "pani Nowakowskiej", Italian, Portuguese, Dutch, Swedish/Danish forms of address
    "pani|pana|panu|signora|signor|dott|dona|dhr|mevr|mevrouw|meneer|heer|mw|fru|herrn|"
    # Polish and Czech ones as said to a person or of one ("Panie Wojciechu", "paní Součková",
    # "pane Machu", "s panem Dvořákem")
    "panie|panią|panem|paní|pane|"
    # a colleague addressed by surname in a Dutch or Italian letter ("Geachte collega Bakker")
    "collega|juf|"  # (and a Dutch schoolteacher's "juf Marloes")
    # a doctor's or a professor's title in full, where the word is hardly used otherwise ("la
    # dottoressa ferraresi"; not English "doctor": "the doctor said", "Doctor Who")
    "doctora|dottore|dottor|dottoressa|professoressa"
)
# a professional's title, only with its dot (`_STRONG_CUE`)
_PROFESSIONAL_TITLES = "geom|ing|avv|rag|inf|lic|ldo"
# a form's name labels in the languages read, French typography's space before the colon too
_NAME_LABEL_WORDS = (
    *("nombre", "nombres", "apellido", "apellidos", "nachname", "vorname", "vornamen", "familienname"),
    *("prénom", "nom", "cognome", "nome", "sobrenome", "apelido", "naam", "achternaam", "voornaam"),
    *("voornamen", "roepnaam", "nazwisko", "imię", "efternamn", "förnamn", "namn"),
    *("navn", "fornavn", "efternavn", "jméno", "příjmení", "pacjent", "pacient", "pårørende"),
    "fn",  # a vCard's formatted name, "FN:Ngo Thanh Chau"
)
_NAME_LABELS = "|" + "|".join(f"{w}:|{w} :" for w in _NAME_LABEL_WORDS)
# what the label says follows it is a name, whatever the word ("Prénom : Grâce", "Nachname: Strauch",
# a required field's "Vorname*: Ayşe")
_NAME_LABEL_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(_NAME_LABEL_WORDS) + r"))\*?[ \t]?:[ \t]*$")
NAME_LABEL_WORDS = frozenset(_NAME_LABEL_WORDS)


# a German or Dutch form of address, capitalised: a surname follows, even one that is a noun
# ("Herr Strauch", "Frau Sonntag"), unless a title or a role's noun does ("Herr Doktor")
_FORMAL_BEFORE = re.compile(r"\b(?:Herrn?|Frau|Dhr\.?|Mevr\.?|Mevrouw|Meneer|Heer)[ \t]+$")
_ROLE_NOUNS = word_set(
    """
    doktor doktorin professor professorin kollege kollegin präsident präsidentin minister ministerin
    direktor direktorin pfarrer pfarrerin bürgermeister bürgermeisterin vorsitzender vorsitzende rektor
    rektorin dekan dekanin anwalt anwältin rechtsanwalt rechtsanwältin kunde kundin nachbar nachbarin
    mieter mieterin dokter collega burgemeester voorzitter directeur pastoor notaris advocaat
    """
)


def name_label_before(text: str, at: int, word: str = "") -> bool:
    """A form's name label and its colon end right before `at`, or a German or Dutch form of
    address before `word` that is no title or role ("Herr Strauch"; not "Herr Doktor")."""
    if _NAME_LABEL_BEFORE.search(text, max(0, at - 24), at) is not None:
        return True
    return word.lower() not in _ROLE_NOUNS and _FORMAL_BEFORE.search(text, max(0, at - 10), at) is not None


_CUE_PHRASES = (
    r"my name is|name is|name's|name:|names are|call me|calls me|called|named|dear|hi|hello|hey|"
    r"pt.|"  # a patient's name in a nurse's note: "Pt. De Boer klaagt …"
    r"thanks to|thank you to|kudos to|shoutout to|thanks|thank you|regards,?|cheers,?|sincerely,?|"
    r"attn:?|cc:?|maiden name is|last name\?|"
    r"first name\?|name\?|nee|née|signed|assignee:?|reporter:?|author:?|name\? user:" + _NAME_LABELS
)
# a letter's or a message's closing line, the name signed on the next line ("Love always,\nBill",
# "Liebe Grüße\nKat"): alone on its line, so that "I love Python" is no cue
_VALEDICTIONS = (
    r"best|best wishes|all the best|kind regards|best regards|warm regards|warmest regards|regards|"
    r"with thanks|many thanks|thanks|cheers|love|love always|lots of love|much love|love you|xoxo|xx|"
    r"take care|talk soon|warmly|warm wishes|yours|yours truly|yours ever|sincerely|"
    r"yours sincerely|yours faithfully|"
    r"groeten|groetjes|liefs|hartelijke groet|met vriendelijke groet|met vriendelijke groeten|"
    r"mit freundlichen grüßen|freundliche grüße|grüße|gruß|liebe grüße|viele grüße|beste grüße|"
    r"herzliche grüße|mfg|saludos|un saludo|saludos cordiales|un abrazo|abrazos|besos|atentamente|"
    r"cordialement|bien cordialement|bien à vous|salutations|sincères salutations|amitiés|bises|"
    r"bisous|saluti|un saluto|cordiali saluti|distinti saluti|un abbraccio|baci|cumprimentos|"
    r"com os melhores cumprimentos|abraços|beijos|atenciosamente|pozdrawiam|z poważaniem|"
    r"serdecznie pozdrawiam|buziaki|hälsningar|med vänliga hälsningar|vänliga hälsningar|hilsen|"
    r"med venlig hilsen|kram|mvh|mvg|lg|"
    r"groet|beste groet|beste groeten|vriendelijke groet|vriendelijke groeten|hartelijke groeten|"
    r"mit besten grüßen|beste grüsse|freundliche grüsse|liebe grüsse|"
    r"un cordial saludo|cordialmente|um abraço|un cordiale saluto|buona giornata|a presto|"
    r"z wyrazami szacunku|pozdrowienia|serdeczne pozdrowienia|s pozdravem|s pozdravom|"
    r"med vänlig hälsning|bästa hälsningar|venlig hilsen|med vennlig hilsen|vennlig hilsen|"
    r"ystävällisin terveisin|terveisin|üdvözlettel|cu stimă|cu drag|lep pozdrav|srdačan pozdrav"
)
# a line that is a closing alone ("Mit freundlichen Grüßen", "Best,"): no name, no postal block's
VALEDICTION = re.compile(r"[ \t]*(?i:" + _VALEDICTIONS + r")[ \t]*[,.!]?[ \t]*")
# an honorific is a word of its own, not a domain's or a path's last part ("atelier.fr - Outlook")
_STRONG_CUE = re.compile(
    r"(?:(?<![.@/])(?<!\d )\b"
    + guarded(_HONORIFICS)
    + r"(?!\))\.?|\b"
    + guarded(_CUE_PHRASES)
    # (Italian's "Sig. Costa", "sig.ra Anna", "sig.na Bruno"; not code's `sig.`)
    + r"|\b(?i:prof|dott)\.ssa|\bSig(?:g\.|\.ra|\.na|ra|\.)|\bsig(?:g\.|\.ra|\.na)"
    # a professional's title with its dot: Italian "geom. Zanetti", "avv.", "ing.", "arch.", "rag.",
    # a nurse's "inf."; Spanish "Lic.", "Ldo."
    # (lower case or capitalised, after a blank: not the bank "ING.", not "ing.es")
    + r"|(?<![\w.@/])(?:"
    + "|".join(f"[{t[0]}{t[0].upper()}]{t[1:]}" for t in _PROFESSIONAL_TITLES.split("|"))
    + r")\.[ \t])"
    r"\W{0,3}$"  # (Italian's "Prof.ssa Ferri", "Dott.ssa Conti")
)
# kinship words that contacts and chats put before a name ("Mamá Carmen", "Tia Fátima", "Oma
# Truus", "Zio Franco"): the name is the word after, the kin word none (words that are also
# common given names in English, "Tia", "Tito", "Nana", are left out: "Tia Jones" is one name; so
# are "prima" and "primo", Dutch and Italian for "fine": "Prima Rick, om half acht?")
KIN_LEADS = word_set(
    """
    mamá mama mamma mãe mère maman mutti mami papá papa papà pai père vati papi nonna nonno oma opa
    abuela abuelo avó avô vovó vovô tía tío tio zia zio tante oncle onkel ciocia wujek teta strýc
    mormor morfar farmor farfar babcia dziadek babička abuelita abuelito
    grandma grandpa granny grandad aunt auntie uncle cousin cugina cugino
    aunty ma'am maam ma’am lolo kuya manang manong
    """
)
# the titles of a doctor or a professor: the capitalised word after one is a name even where it is
# also a frequent word of the text's language ("Frau Dr. Lindemann", "dr. Pronk", "Prof.ssa Ferri")
ACADEMIC_TITLES = frozenset(
    (
        "dr",
        "prof",
        "dott",
        "ssa",
        "doctora",
        "dottore",
        "dottor",
        "dottoressa",
        *_PROFESSIONAL_TITLES.split("|"),
    )
)
# a closing alone on the line before ("Love always,\nBill"): a listed first name after it is the
# signature, a department's or a company's words are not ("Cordialement,\nLe service RH")
_DETERMINERS = word_set("the les los las der die das het een une uno una des del dei ein eine")
_CLOSING_BEFORE = re.compile(r"(?<![^\n])" + VALEDICTION.pattern + r"\n[ \t]*$")


def honorifics() -> frozenset[str]:
    """The honorifics of the strong cue, as words ("dr", "frau")."""
    return frozenset(_HONORIFICS.split("|"))


# the forms of address a letter writes before a name, alone on a line or on the name's ("Herrn\nEmre
# Kaya", "Monsieur Julien Moreau"): the honorifics and the dative and French forms the cue lacks
ADDRESS_FORMS = honorifics() | frozenset(
    (
        *("herrn", "madame", "monsieur", "mademoiselle"),
        # a letter's form of address alone above the name ("Exmo. Senhor", "Spett.le", "Gent.ma")
        *("exmo. senhor", "exma. senhora", "exmo. sr", "exma. sra", "exmos. senhores", "exmo", "exma"),
        *("spett.le", "gent.mo", "gent.ma", "egregio", "egregia", "gentile"),
    )
)


_CJK = re.compile(r"^[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{1,4}$")

STRONG, WEAK, UNKNOWN, WORD = "S", "W", "U", "-"
# a word that is no name and is one of the most frequent words of some languages only
# (its tag's language bits): a WORD in a text of one of them, else UNKNOWN (`_Toks.resolved`)
FOREIGN = "F"
# a name (not an English word) that is also one of the most frequent words of languages whose
# locales do not list it ("Tage": Swedish name, German "days"): WEAK in a text of one of them, else
# STRONG (`_Toks.resolved`)
NAMEWORD = "N"
# the words on each side of a FOREIGN word whose languages say the text's (`_Toks.resolved`)
LANG_REACH = 12
# Longer than any match of _STRONG_CUE ("maiden name is" + 3 non-word characters, + a newline
# before `$`; a valediction on its line, "hartelijke groet,\n"): searching the last CUE_REACH
# characters in place finds what a search of the last 40 found (`\b` and the valediction's
# look-behind read the characters before the window), in fewer positions.
CUE_REACH = 32


def _cue_last_words() -> frozenset[str]:
    """The last run of letters of each strong cue ("is" of "my name is", "s" of "name's"). A cue
    that ends before a word ends with the letters last before that word (only non-word characters
    may follow a cue), so the word before must end in one of these: the regex is searched only
    then (`_Word.cue_end`)."""
    out = set()
    for alt in (_HONORIFICS + "|" + _CUE_PHRASES + "|" + _VALEDICTIONS).split("|"):
        if not re.fullmatch(r"(?:[^\W\d_]|[' ])+(?:[,:.]|\\\?)?\??(?: user:)?", alt):
            raise ValueError(f"a cue this prefilter is not sure of: {alt!r}")
        out.add(re.findall(r"[^\W\d_]+", alt)[-1])
    out.update(("ssa", "sig", "sigg", "ra", "sigra"))  # "Prof.ssa", "Sig.ra" (`_STRONG_CUE`'s last two)
    out.update(_PROFESSIONAL_TITLES.split("|"))  # "geom.", "avv.", "Lic." (`_STRONG_CUE`'s last)
    return frozenset(out)


_CUE_LAST = _cue_last_words()
_PIECE = re.compile(r"[-'’]")


def _ends_like_cue(raw: str) -> bool:
    """`raw`'s last piece (split like `_TOKEN` joins) is a cue's last word, or not ASCII: `re`
    folds case beyond `str.lower` there (ſ, K), so the regex decides."""
    last = raw if raw.isalpha() else _PIECE.split(raw)[-1]  # letters only: one piece
    return not last.isascii() or last.lower() in _CUE_LAST


def _strong_cue(text: str, at: int) -> bool:
    """A strong cue ends right before `at` ("Dr. ", "my name is ")."""
    return _STRONG_CUE.search(text, max(0, at - CUE_REACH), at) is not None


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cls: str
    cap: bool
    tag: int  # its lower case's lexicon tag (`_Word.tag`): "in lex.first" without a lookup


_POSSESSIVE = ("'s", "’s", "'S", "’S")
CACHE_WORDS = 32768  # distinct words memoised: page text repeats its words


# an English contraction: "I've", "we'll", "they're", "don't", "I'd", "I'm"
_CONTRACTION = re.compile(r"([a-z]+)['’](?:ve|ll|re|d|m|t)")


# Polish and Czech case endings of names, each with its nominative's: "Kowalskiego" →
# "kowalski", "Jankowskiej" → "jankowska", "Ewy" → "ewa", "Piotrowi" → "piotr" (the lexicon lists
# nominatives); longest ending first; not "-em" or "-ie" ("Mollem", a Belgian village, would be
# "Moll")
_DECLINED = (
    ("skiego", "ski"), ("skiemu", "ski"), ("ckiego", "cki"), ("ckiemu", "cki"), ("skiej", "ska"),
    ("ckiej", "cka"), ("skim", "ski"), ("ckim", "cki"), ("ską", "ska"), ("cką", "cka"), ("owi", ""),
    # Czech: "Moravcovou" → "moravcová", "Tomášovi" → "tomáš", "Tomáše" → "tomáš", "Lenku" → "lenka",
    # "s Petrem" → "petr", "s Honzou" → "honza", "Tomáši," → "tomáš"
    ("ovou", "ová"), ("ové", "ová"), ("ovi", ""), ("še", "š"), ("če", "č"), ("ře", "ř"), ("že", "ž"),
    ("ši", "š"), ("či", "č"), ("ři", "ř"), ("ži", "ž"), ("em", ""), ("ou", "a"),
    ("iem", ""), ("ii", "ia"), ("y", "a"), ("ę", "a"), ("ą", "a"), ("u", "a"), ("a", ""),
)  # fmt: skip


def _nominative_tag(lex: Lexicon, low: str) -> int:
    """The name tag (first, last) of the nominative of `low`, a word no list holds, read as a
    declined Polish name; 0 if none gives a listed name."""
    for ending, nominative in _DECLINED:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            tag = lex.tags.get(low[: -len(ending)] + nominative) & (FIRST | LAST)
            if tag:
                return tag
    return 0


def _classify(lex: Lexicon, word: str) -> tuple[str, int]:
    """The word's class and its lower case's lexicon tag."""
    low = word.lower()
    contraction = _CONTRACTION.fullmatch(low)
    if contraction and lex.is_word(contraction.group(1)):
        return WORD, 0  # "I've had …": a pronoun or a verb and its contraction, no name
    tag = lex.tags.get(low)  # one lookup: is_name and is_word below asked it twice
    if not tag & (FIRST | LAST | ENGLISH) and word[:1].isupper():
        tag |= _nominative_tag(lex, low)  # "Kowalskiego", "Ewy": a declined name, no list's word
    name = bool(tag & (FIRST | LAST))
    if not name and ("-" in low or "'" in low or "’" in low):
        parts = [p for p in re.split(r"[-'’]", low) if p]
        name = len(parts) > 1 and all(lex.is_name(p) for p in parts)
    common = bool(tag & ENGLISH) or low in NOT_NAMES
    if not (name or common) and "-" in low:  # "Hard-coded", "Self-hosted": English words joined
        common = all(len(p) > 3 and lex.is_word(p) for p in low.split("-"))  # (not "Sung-ho")
    if name and not common and len(low) > 2:
        return (NAMEWORD if tag & FREQUENT_BITS else STRONG), tag
    if name:
        return WEAK, tag
    if not common and len(low) > 2:
        return (FOREIGN if tag & LANG_BITS else UNKNOWN), tag
    return WORD, tag


_SPLIT = re.compile(f"({_TOKEN.pattern})")


class _Word(NamedTuple):
    """What the rule needs of one distinct token as found (memoised per detector): the word
    without a possessive "'s", how many characters that cut, its class, whether it is
    capitalised, is CJK, and whether it can start a name at all (a lower-case word of the
    dictionary cannot: the loop skips it), whether it ends like a cue, and its lower case's
    lexicon tag (first / last name bits). A named tuple: made for every distinct word of a
    page, at a third of the cost of a frozen dataclass."""

    text: str
    cut: int
    cls: str
    cap: bool
    cjk: bool
    lead: bool
    cue_end: bool
    tag: int


def _word(lex: Lexicon, raw: str) -> _Word:
    """`_any_word`, shorter for a word of ASCII letters only (most words of page text): no
    possessive, not CJK, and its last piece is itself, lower-cased by `str.lower` as `re` folds
    it (tests/redact/test_person_words.py compares the two)."""
    if raw.isascii() and raw.isalpha():
        return _made(lex, raw, 0, False, raw.lower() in _CUE_LAST)
    return _any_word(lex, raw)


def _any_word(lex: Lexicon, raw: str) -> _Word:
    word, cut = raw, 0
    if raw[-2:] in _POSSESSIVE and len(raw) > 2:
        word, cut = raw[:-2], 2
    cjk = not word.isascii() and _CJK.match(word) is not None  # most words: no regex call
    return _made(lex, word, cut, cjk, _ends_like_cue(raw))


def _made(lex: Lexicon, word: str, cut: int, cjk: bool, cue_end: bool) -> _Word:
    """The `_Word` of `word` (`raw` less `cut` possessive characters), classed by `_classify`."""
    cls, tag = _classify(lex, word)
    if cls in (UNKNOWN, FOREIGN) and len(word) > 1 and word.isupper():
        cls = WORD  # acronyms: ASAP, VOV, HTTP
    cap = word[0].isupper()
    return _Word(word, cut, cls, cap, cjk, cjk or cap or cls != WORD, cue_end, tag)


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
        for r in set(self.raw).difference(info):  # the caller replaces full memos (`memos`)
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
            t = self._made[k] = _Tok(s, e, w.text, self.resolved(k, w), w.cap, w.tag)
        return t

    def resolved(self, k: int, w: _Word) -> str:
        """Word `k`'s class (`w`, its `_Word`) in this text: a FOREIGN word is a WORD where the
        `LANG_REACH` words on each side are mostly of a language it is frequent in
        (`lexicon.languages_of`), else UNKNOWN (no evidence: a title, a word typed alone); a
        NAMEWORD is WEAK there (a WORD in lower case), else STRONG."""
        if w.cls != FOREIGN and w.cls != NAMEWORD:
            return w.cls
        if k < 0:
            k += self.n
        info, raw = self.info, self.raw
        tags = [
            info[raw[j]].tag for j in range(max(0, k - LANG_REACH), min(self.n, k + LANG_REACH + 1)) if j != k
        ]
        langs = languages_of(tags)
        if w.cls == FOREIGN:
            return WORD if w.tag & langs else UNKNOWN
        if not langs or langs & ~w.tag:  # a name unless every language the text may be in has the word:
            return STRONG  # "Tage and I will …" ties English with German's loanwords
        return WEAK if w.cap else WORD  # "für 7 Tage" may still be a name; "informe de alta" is not

    def after_closing(self, text: str, k: int) -> bool:
        """Word `k` is a listed first name on the line after a closing alone (`_CLOSING_BEFORE`), of
        three letters or more and no article ("Le service …", "Die Redaktion")."""
        w = self.info[self.raw[k]]
        if k == 0 or not w.tag & FIRST or not self.info[self.raw[k - 1]].cue_end:
            return False
        if len(w.text) < 3 or w.text.lower() in _DETERMINERS:
            return False
        at = self.offs[2 * k] - self.base
        return _CLOSING_BEFORE.search(text, max(0, at - CUE_REACH), at) is not None

    def after_cue(self, text: str, k: int) -> bool:
        """A strong cue ends right before word `k` (`_strong_cue`), searched only when the word
        before ends like one: a text before its first word holds no letters, so no cue."""
        if k == 0 or not self.info[self.raw[k - 1]].cue_end:
            return False
        return _strong_cue(text, self.offs[2 * k] - self.base)
