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

import re
from collections.abc import Iterable, Sequence

from ._base import Detector, Span
from ._cjk_names import cjk_name, cued_names
from ._code_shapes import code_person
from ._dates import MONTH_NAMES
from ._listed_names import cue_in_brand
from ._model_words import abbreviation_initial
from ._person_context import (
    _AFTER_NUMBER,
    _ARTICLES,
    _COORDINATORS,
    _INITIALS,
    _JOIN,
    _NL_DE,
    _NOT_COUNTED,
    _NOT_SURNAMES,
    _PARTICLES,
    _SUFFIX_AFTER,
    _SUFFIXES,
    _TITLES,
    _VERB_AFTER,
    _WEAK_CUE,
    _capitalising_line,
    _form_label,
    _initial,
    _particle,
    _surname_after,
    name_lead,
    not_a_name,
)
from ._person_edges import after_academic, given_after_particle, lead_particles
from ._person_gate import ALONE, CUE_END, FIRST_WEAK, IN_LAST, LEAD, NameGate
from ._person_neighbours import (
    after_article,
    capital_before,
    capitals_grown,
    coordinated,
    joined_first_names,
    joined_surname,
    listed_first_names,
    paired_first_names,
    single_by_context,
)
from ._person_repeats import repeats, surname_first
from ._person_surroundings import (
    DAY_BEFORE,
    after_the,
    calendar_short,
    capital_word_before,
    closing_line,
    currency_code,
    extension_word,
    glued_to_digit,
    month_of_a_date,
    place_noun_of,
    saints_place_at,
    sign_off,
    street_after_way,
)
from ._person_words import (
    _CJK,
    _SPLIT,
    ACADEMIC_TITLES,
    CACHE_WORDS,
    FOREIGN,
    KIN_LEADS,
    NAMEWORD,
    STRONG,
    UNKNOWN,
    WEAK,
    WORD,
    _strong_cue,
    _Tok,
    _Toks,
    _Word,
    _word,
    name_label_before,
)
from ._places import (
    COMPANY_WORD,
    INSTITUTION_COMPOUND,
    INSTITUTION_WORD,
    NO_SURNAME_END,
    PLACE_HEADS,
    PLACE_NOUN_END,
    SURNAME_PLACE_END,
    after_place_cue,
    app_segment,
    brand_or_route,
    company_after,
    drug_after_treatment,
    eponym,
    firm_noun_before,
    named_place,
    place_noun_after,
    saints_place_after,
    well_known_place,
)
from ._public_names import honour_before, product_line, public_name
from ._street_words import PREFIX_WORDS
from .address import STREET_RUN
from .lexicon import FIRST, FREQUENT_BITS, LANG_BIT, LAST, NOT_NAMES, STOPWORDS, lexicon, plain_word, word_set
from .lexicon import WORD as ENGLISH

# a lower-case resource's name: words and digits joined by "-", "_" or "." (`payments-db`), to
# the end of its line or a quote
_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)+(?=[\"']?[ \t]*(?:$|\n|#))", re.M)
_SLUG_PARTS = re.compile(r"[-_.]")


class PersonDetector(Detector):
    name = "person"
    kinds = ("PERSON",)

    def __init__(self) -> None:
        self._lex = lexicon()
        self._memo: tuple[dict[str, _Word], dict[str, bool]] = ({}, {})
        """Each word's `_Word` and whether it can lead a name, replaced as one when full."""
        self._gate = NameGate(_SPLIT, self._gate_code, _strong_cue, CACHE_WORDS)

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`detect` on the texts of the batch that may hold a name (`_person_gate`), on their words
        as the batch's one split found them (`TextBatch.words`); none found in the others."""
        if len(texts) < 2:
            return [list(self.detect(t)) for t in texts]
        out: list[list[Span]] = [[] for _ in texts]
        for i, (raw, offs, base) in self._gate.texts(texts):
            out[i] = self._detect(texts[i], _Toks(raw, offs, self._lex, *self._memos(), base))
        return out

    def _gate_code(self, raw: str) -> int:
        """The bits `_person_gate` needs of a word as found; its `_Word` is memoised for `detect`
        on the texts let through."""
        info, leads = self._memos()
        w = info.get(raw)
        if w is None:
            w = info[raw] = _word(self._lex, raw)
            leads[raw] = w.lead
        code = (CUE_END if w.cue_end else 0) | (LEAD if w.lead else 0)
        if w.cjk or (w.cls != WORD and w.cap) or (w.cls in (STRONG, NAMEWORD) and len(w.text) >= 4):
            code |= ALONE  # a NAMEWORD may be STRONG in its text: the gate lets it through
        elif w.cls in (WEAK, NAMEWORD) and w.tag & FIRST:  # `w.text.lower() in lex.first`
            code |= FIRST_WEAK
        if w.tag & LAST:  # `w.text.lower() in lex.last`
            code |= IN_LAST
        return code

    def detect(self, text: str) -> Iterable[Span]:
        return self._detect(text, _Toks.of(text, self._lex, *self._memos()))

    def _memos(self) -> tuple[dict[str, _Word], dict[str, bool]]:
        """The word memos, new ones once they hold `CACHE_WORDS` words: replaced as one object,
        never cleared, since another thread may be reading the old ones."""
        memo = self._memo
        if len(memo[0]) >= CACHE_WORDS:
            memo = self._memo = ({}, {})
        return memo

    def _detect(self, text: str, toks: _Toks) -> list[Span]:
        hits: list[Span] = []
        i = 0
        n = len(toks)
        for k in toks.lead:  # a word that cannot start a name is passed over (`i += 1`)
            if k < i:
                continue
            i = k
            w = toks.info[toks.raw[k]]
            if (
                toks.resolved(k, w) == WORD
                and not w.cjk
                and not toks.after_cue(text, k)
                and not toks.after_closing(text, k)
                and not (
                    w.cap
                    and len(w.text) > 1
                    and not w.tag & ENGLISH
                    and _INITIALS.search(text, max(0, toks[k].start - 24), toks[k].start)
                )
            ):
                i += 1  # a capitalised dictionary word: only a strong cue makes it a name, or initials
                continue  # before a word no English one ("M. Rozendaal"; not "A. Introduction")
            t = toks[i]
            if (
                t.text.lower() in _WEEKDAYS
                or calendar_short(text, toks, i)
                or (
                    t.text.lower() in _NAMED_DAYS and _DAY_ARTICLE.search(text, max(0, t.start - 10), t.start)
                )
            ):
                i += 1  # "Sunday's away game", "el Domingo de Ramos": a day, no one
                feast = _FEAST_AFTER.match(text, t.end)  # ("de Ramos": the feast's name, no one's)
                while feast is not None and i < n and toks[i].start < feast.end():
                    i += 1
                continue
            if w.cjk:
                j = i + 1
                paired = (  # two listed name words side by side: 翼 佐々木, 柳 李
                    j < n
                    and self._lex.is_name(t.text)
                    and _CJK.match(toks[j].text)
                    and text[t.end : toks[j].start] == " "
                    and self._lex.is_name(toks[j].text)
                )
                if paired or cjk_name(self._lex, t.text) or (toks.after_cue(text, i) and len(t.text) <= 3):
                    while j < n and _CJK.match(toks[j].text) and text[toks[j - 1].end : toks[j].start] == " ":
                        if not (self._lex.is_name(toks[j].text) or cjk_name(self._lex, toks[j].text)):
                            break
                        j += 1
                    hits.append(self._span(text, t.start, toks[j - 1].end, 0.8))
                i = j
                continue
            if (
                t.cap
                and t.text.lower() in KIN_LEADS
                and i + 1 < n
                and toks[i + 1].cap
                and text[t.end : toks[i + 1].start] == " "
            ):
                i += 1  # a kinship word before a name, as contacts are saved ("Mamá Carmen", "Tia Fátima")
                continue
            strong_cue = toks.after_cue(text, i) or toks.after_closing(text, i)
            if (
                strong_cue
                and (
                    (t.text.lower() in MONTH_NAMES and _YEAR_AFTER.match(text, t.end))  # "(Rev. March 2024)"
                    or t.text.lower() in _TITLES
                    or (t.text.lower() in _ADDRESSEES and not _NAME_NEXT.match(text, t.end))
                    or (t.text == "ssa" and text[t.start - 1 : t.start] == ".")  # "Prof.ssa": the title's end
                    or t.text.lower() in _COORDINATORS  # "heer en mevrouw Bos": the name comes after
                    # a sentence's first word on the line after a greeting ("Dear Sir,\n\nOn behalf",
                    # "hi,\npls find attached")
                    or (
                        (t.text.lower() in STOPWORDS or t.text.lower() in _CHAT_WORDS)
                        and "\n" in text[max(0, t.start - 4) : t.start]
                    )
                    or (
                        not name_label_before(text, t.start, t.text)  # "Prénom : Grâce", "Herr Strauch"
                        and (
                            (w.cls == FOREIGN and t.cls == WORD and not after_academic(toks, i, t.cap))
                            or (
                                i
                                and toks[i - 1].text.lower() not in _TITLES_ALL
                                and self._label_word(text, t)
                            )
                        )
                    )
                )
            ):
                # a title after a title ("Prof. Dr. Sabine Hoffmann": the name comes after it), an
                # everyday word of the text's language, no name anywhere ("Sehr geehrte Frau
                # Kollegin", "Herr Doktor": German capitalises its nouns), or after a label, not a
                # title, a dictionary word or words joined by "-" ("Dear Customer", "- name: Login
                # to registry", "name: app-secrets"); "Mr. Bean" stays
                i += 1
                continue
            if t.cap and i:  # a place head before a capitalised word: New York, San Jose
                prev = toks[i - 1]
                gap = text[prev.end : t.start]
                if (
                    prev.cap
                    and prev.text.lower() in PLACE_HEADS
                    and (
                        _JOIN.match(gap)
                        or (
                            gap == ". "
                            and prev.text.lower() in _SAINT_HEADS
                            and saints_place_after(text, t.end)
                        )
                    )
                ):
                    i += 1  # ("St. Mary's Cathedral": a saint's church)
                    continue
            if not strong_cue and saints_place_at(text, toks, i):
                i += 2  # "St Jude's hall", "St. Mary's Cathedral": a saint's church, hall or park (a
                continue  # hospital's, a trust's name stays masked: "St. Mary's Hospital", an employer)
            j = self._run_end(text, toks, i, lowercase=not t.cap)
            if strong_cue and not t.cap and t.text.lower() in _PARTICLES:
                j = max(j, self._after_particles(text, toks, i))  # "dr. de Backer", "mevr. van Dam"
            run = [toks[r] for r in range(i, j)]
            is_person = False
            score = 0.85
            if (
                strong_cue
                and (t.cls != WORD or t.cap or len(run) > 1)
                and not (not t.cap and t.text in NOT_NAMES)
            ):
                is_person = True  # (a language or an interface word in lower case: "call me back")
            elif t.cap:
                # the context around the run, cut only here: most runs are decided without it
                before = text[max(0, t.start - 40) : t.start]
                after = text[run[-1].end : run[-1].end + 30]
                classes = [r.cls for r in run if r.text.lower() not in _NOT_COUNTED]
                n_names = classes.count(STRONG) + classes.count(WEAK)
                if STRONG in classes or n_names >= 2:
                    is_person = True
                elif len(t.text) > 1 and _INITIALS.search(text, max(0, t.start - 24), t.start):
                    is_person = True  # "M. Rozendaal", "J. ten Cate", "A.B. Jansen": initials before it
                elif len(run) == 1 and t.cls == WEAK and t.tag & LAST and capital_before(text, toks, i):
                    is_person, score = True, 0.7  # "Kees Visser": a surname that is a word, after a name
                elif (
                    len(run) == 1
                    and t.cls == WEAK
                    and w.cls == NAMEWORD
                    and t.tag & FIRST
                    and t.tag & _SLAVIC  # (a declined form: "Dolores abdominales", "Prima, ik…" stay)
                    and not t.text.isupper()
                    and (
                        not _SENTENCE_START.search(text, max(0, t.start - 8), t.start)
                        or text[t.end : t.end + 1] in (",", "!")
                    )
                ):
                    # "jdeš v pátek s Petrem", "u Kateřiny": a first name's declined form that is a
                    # frequent word of Czech or Polish, capitalised inside a sentence (both write
                    # their other words in lower case), or called at its start ("Tomáši, nezapomeň")
                    is_person, score = True, 0.6
                elif UNKNOWN in classes and not (
                    len(run) == 1 and t.cls == UNKNOWN and _initial(text, t.start)
                ):
                    cued = bool(_WEAK_CUE.search(before) or _VERB_AFTER.match(after))
                    is_person = cued or (len(run) > 1 and n_names > 0)
                    score = 0.7
                elif single_by_context(text, t, run, before, after):
                    is_person, score = True, 0.6
                elif (
                    len(run) == 1
                    and t.cls == WEAK
                    and t.tag & LAST
                    and lead_particles(text, toks, i, bare_de=True) < i
                    and not (j < n and toks[j].cap and text[t.end : toks[j].start] == " ")  # "de Cruz Roja"
                ):
                    # "Patiënt de Jong", "Naam: van Dijk": a surname that is also a word of the
                    # text's language, capitalised after a particle in lower case
                    is_person, score = True, 0.6
            elif (
                t.cls == STRONG
                and not t.text.isupper()
                and len(t.text) >= 4  # not "dev", "ana"
                and not _capitalising_line(text, t.start)
            ):
                # "thanks anna": a listed name in lower case, where the line writes no capital (a
                # writer who capitalises writes names so: "al alta", "y cena", "werd gezien" are
                # Spanish and Dutch words that are names somewhere)
                is_person, score = True, 0.7
            elif (
                t.cls == WEAK
                and t.tag & FIRST  # `t.text.lower() in self._lex.first`, the tag at hand
                and len(run) > 1
                and all(r.tag & LAST for r in run[1:])
                and t.text.lower() not in _ARTICLES  # "que el domingo cumple 80"
                and not (
                    _capitalising_line(text, t.start) and all(self._everyday(r.text.lower()) for r in run)
                )
            ):
                # "maria hiltunen", "talked to john porter": a first name and listed surnames in
                # lower case; not where the line capitalises (a writer who does so capitalises
                # names) and every word is also an English word ("The quick brown fox", "Open a
                # new tab page", "Find the man page")
                is_person, score = True, 0.6
            if is_person and not strong_cue:  # a place ("meteo Monte Rosa"), a company ("Globex Corp")
                is_person = not (
                    after_place_cue(text, t.start)
                    or glued_to_digit(text, t.start, run[-1].end)
                    or brand_or_route(text, t.start, run[-1].end)
                    or abbreviation_initial(text, t.start, run[-1].end)  # "z. B. Hashimoto"
                    or (
                        month_of_a_date(text, t.start, t.end)  # "18 Apr Good Friday": a calendar's day
                        and (
                            len(run) == 1 or DAY_BEFORE.search(text, max(0, t.start - 8), t.start) is not None
                        )
                    )
                    or (  # "Payslip April 2025": no name before a date's month
                        len(run) == 2
                        and run[0].cls == UNKNOWN
                        and month_of_a_date(text, run[-1].start, run[-1].end)
                    )
                    or company_after(text, run[-1].end)
                    or firm_noun_before(text, t.start)  # "Hausverwaltung Brandt & Söhne"
                    or place_noun_after(text, run[-1].end)
                    or (len(run) == 1 and place_noun_of(text, toks, i))
                    or (len(run) > 1 and run[-1].text.lower() in PLACE_NOUN_END)  # "Wall Street"
                    or (  # "Heaton Park", not "Jiwoo Park", "Sun-hee Park", "Jun Park"
                        len(run) > 1
                        and run[-1].text.lower() in SURNAME_PLACE_END
                        and not run[0].tag & FIRST
                        and len(run[0].text) > 3
                        and "-" not in run[0].text
                    )
                    or (len(run) > 1 and run[-1].text.lower() in NO_SURNAME_END)  # "Fitzroy Lions"
                    or (
                        len(run) == 1
                        and t.text.lower() in PLACE_NOUN_END
                        and capital_word_before(text, toks, i)
                    )
                    or public_name(text, t.start, run[-1].end)  # "Sony", "Jerome Powell"
                    or product_line(text, t.start)  # "Produto: Cafeteira Moka Bialetti"
                    or eponym(text, t.start, run[-1].end)
                    or app_segment(text, t.start, run[-1].end)
                    or named_place(text, t.start, run[-1].end)
                    or (len(run) == 1 and t.cls == UNKNOWN and drug_after_treatment(text, t.start))
                    or (len(run) > 1 and COMPANY_WORD.fullmatch(run[-1].text) is not None)  # "Acme Ltd"
                    or (len(run) > 1 and INSTITUTION_WORD.fullmatch(run[-1].text) is not None)
                    or (len(run) > 1 and INSTITUTION_COMPOUND.fullmatch(run[0].text) is not None)
                    or (len(run) == 1 and t.cls != UNKNOWN and after_article(toks, i))
                    or after_the(text, toks, i, run[-1].end)
                    or street_after_way(text, t.start, run[-1].end)  # "onto Church Lane", "on Fremont St"
                )
            if is_person and not strong_cue and not_a_name(text, t.start, run[-1].end, run[-1].text):
                is_person = False  # "the new NAS appliance", "#   Conn Type:  Amazon Redshift"
            if (
                not is_person
                and not strong_cue
                and len(run) > 1
                and (well_known_place(text, t.start, run[-1].end) or public_name(text, t.start, run[-1].end))
            ):
                i = j  # "Tamil Nadu", "Christopher Luxon" after his office: whole, not its last word alone
                continue
            if is_person and cue_in_brand(text, t.start, run[-1].end):
                i = j  # "Dr. Martens Official Site", "Doctor Dolittle!": the title is the name's own
                continue
            if is_person and strong_cue and honour_before(text, t.start):
                i = j  # "Sir Richard Branson", "Dame Whina Cooper": an honour's holder, a public figure
                continue
            if is_person and all(r.text.lower() in _TITLES for r in run):
                is_person = False  # "with Mrs. Quinlan": the title alone, its name found after it
            if is_person and len(run) == 1 and t.text == "I":
                is_person = False  # "Dear Sir or Madam,\n\nI am writing": the pronoun after a greeting
            if is_person and code_person(text, t.start, run[-1].end):
                is_person = False  # `name: DB_PASSWORD`, `class LoginViewModel`, `X-API-Key`
            if is_person:
                if len(run) > 1 and joined_surname(text, toks, j):
                    run.append(toks[j + 1])  # "Ramón Castells i Puig", "José Ortega y Gasset"
                    j += 2
                lead = (
                    toks[lead_particles(text, toks, i)]
                    if t.cap and (len(run) == 1 or not t.tag & FIRST)
                    else run[0]
                )
                if (
                    t.cls == UNKNOWN
                    and len(run) > 3
                    and run[1].text.lower() in _PARTICLES
                    and t.text.lower() not in _STREET_PREFIXES  # "Pasadizo de Eleuterio Prada 7": a street
                ):
                    lead = given_after_particle(run, lead)
                if not closing_line(text, lead.start, run[-1].end):
                    hits.append(self._span(text, lead.start, run[-1].end, score))
                i = j
        hits = capitals_grown(text, coordinated(text, toks, hits), self._plain, self._first_name)
        hits += joined_first_names(text, toks, hits)
        hits += listed_first_names(text, toks, hits)
        hits += paired_first_names(text, hits, self._lex)
        if hits:
            hits += surname_first(text, hits, self._not_plain)
            hits += repeats(text, hits, self._listed_name)
        if not text.isascii():  # unspaced CJK: a name inside a longer run of letters
            hits += [Span("PERSON", s, e, 0.7) for s, e in cued_names(text, self._lex)]
        return [
            h
            for h in hits
            if not sign_off(text, h.start, h.end)
            and not currency_code(text, h.start, h.end)
            and not extension_word(text, h.start, h.end)
        ]

    def _everyday(self, low: str) -> bool:
        """An English word, or one of the most frequent words of another language ("el domingo")."""
        return self._lex.is_word(low) or bool(self._lex.tags.get(low) & FREQUENT_BITS)

    def _listed_name(self, word: str) -> bool:
        low = word.lower()
        return (low in self._lex.first or low in self._lex.last) and not plain_word(word)

    @staticmethod
    def _not_plain(word: str) -> bool:
        return not plain_word(word)

    def _surname_word(self, text: str, toks: _Toks, i: int, j: int) -> bool:
        """A capitalised dictionary word right after a lone first name that is no other word is its
        surname ("Marie Curie", "Anna Baker"): the name's second word, not a title's third; a word
        of interface or prose ("Thanks Anna Team", "Maria Wins") is not. So is a frequent word of
        the text's language right after a listed surname that is no word anywhere ("Quiñones
        Betancourt")."""
        raw = toks.info[toks.raw[j]].cls
        prev = toks[j - 1]
        second = raw == FOREIGN and prev.cls == STRONG and bool(prev.tag & LAST)
        if not second:
            if j != i + 1 or not (toks[i].tag & FIRST) or toks[i].cls == WORD:
                return False
            if raw != WORD and not (raw == FOREIGN and toks[i].cls == STRONG):
                return False  # a frequent word of another language is no surname after a weak name
        # (after a name that is no word anywhere, a word of the text's own language is, as an
        # English one is: "Banca Sella - Mario Colombo")
        low = toks[j].text.lower()
        if len(low) <= 3 or low in NOT_NAMES or low in _NOT_SURNAMES:
            return False
        # "75 Jessica Trail", "80\nDora Path": a street named after a person, its type after it
        # (an English word: "K-4471902 Sabine Krüger" is a customer's number and name)
        return not (
            STREET_RUN.fullmatch(toks[j].text)
            or (
                self._lex.is_word(low)
                and _AFTER_NUMBER.search(text, max(0, toks[i].start - 12), toks[i].start) is not None
            )
        )

    def _label_word(self, text: str, t: _Tok) -> bool:
        """A word after a label cue that names no one: a dictionary word no name list has
        ("Customer", "Login"), lower-case dictionary words joined by "-" ("app-secrets"), a
        lower-case slug with a part that is no name (a resource's: `name: payments-db`,
        `name: vault-backend`), or a lower-case word no name list has in an indented line or a
        list item, as YAML writes them (`- name: uploader`)."""
        low = t.text.lower()
        if t.cls == WORD and self._lex.is_word(low):
            return True
        parts = t.text.split("-")
        if len(parts) > 1 and t.text.islower() and all(self._plain(p) for p in parts):
            return True
        if not t.text.islower() or low in self._lex.first or low in self._lex.last:
            return False
        slug = _SLUG.match(text, t.start)
        if slug and any(not self._lex.is_name(p) for p in _SLUG_PARTS.split(slug.group())):
            return True
        line = text.rfind("\n", 0, t.start) + 1
        return text[line : line + 1] in (" ", "\t", "-")

    def _first_name(self, word: str) -> bool:
        return bool(self._lex.tags.get(word.lower()) & FIRST)

    def _plain(self, word: str) -> bool:
        return self._lex.is_word(word) and not self._lex.is_name(word)

    def _span(self, text: str, start: int, end: int, score: float) -> Span:
        """Widen to the degrees after a name ("MD", "MBA") and to its initials or "Surname, "
        before it (`name_lead`); honorifics before it ("Dr.") stay."""
        m2 = _SUFFIX_AFTER.match(text[end : end + 30])
        if m2:
            end += m2.end()
        return Span("PERSON", name_lead(self._lex, text, start, end), end, score)

    def _after_particles(self, text: str, toks: _Toks, i: int) -> int:
        """After a strong cue, the index after a name that opens with particles at toks[i] (up to
        three, one blank apart) and goes on with a capitalised word, a dictionary word too ("dr.
        de Backer": the cue settles it); i + 1 if none follows."""
        k = i
        while k < len(toks) and _particle(text, toks[k]) and k - i < 3:
            if k > i and text[toks[k - 1].end : toks[k].start] not in (" ", " '", " ’"):
                return i + 1
            k += 1
        if k == len(toks) or not toks[k].cap or text[toks[k - 1].end : toks[k].start] != " ":
            return i + 1
        return max(k + 1, self._run_end(text, toks, k, lowercase=False))

    def _run_end(self, text: str, toks: _Toks, i: int, lowercase: bool) -> int:
        """Index after the last word of the name that may start at toks[i]."""
        j = i + 1
        while j < len(toks) and j - i < 5:
            nxt = toks[j]
            gap = text[toks[j - 1].end : nxt.start]
            initial = len(toks[j - 1].text) == 1 and toks[j - 1].cap and gap == ". "
            if gap != " " and not _JOIN.match(gap) and not (initial and nxt.text.lower() in _NL_DE):
                break  # one blank: nearly every gap in a name ("R. van 't Hof": an initial's dot too)
            low = nxt.text.lower()
            if _form_label(text, nxt, low):
                break  # a form's next label: "Apellidos:", "Last name:", "Date of birth:", "Card number:"
            if low in _PARTICLES:  # van der Maath, de la Cruz, van 't Hof
                k = j
                while k < len(toks) and _particle(text, toks[k]) and k - j < 3:
                    k += 1
                # after an initial or a name, a capitalised word one blank past the particles is
                # a surname, a dictionary word too ("R. van 't Hof", "Anna van den Berg")
                head = toks[i]  # (Dutch and German particles: "Santiago del Estero" is a place)
                named = (head.cls in (STRONG, WEAK) or (len(head.text) == 1 and head.cap)) and low in _NL_DE
                if (
                    k < len(toks)
                    and (toks[k].cap or lowercase)
                    and (toks[k].cls != WORD or _surname_after(text, toks, named, j, k))
                ):
                    j = k + 1
                    continue
                break
            if low in _SUFFIXES:
                j += 1
                break
            if lowercase:
                surname = nxt.cls == WEAK and bool(nxt.tag & LAST)  # "aimée auger" (`low in lex.last`)
                if nxt.cap or not (nxt.cls in (STRONG, UNKNOWN) or surname):
                    break
            elif (
                not nxt.cap
                or (
                    nxt.text.isupper() and len(nxt.text) > 3 and not toks[i].text.isupper()
                )  # "GARCÍA LÓPEZ" goes on
                or (nxt.cls == WORD and not self._surname_word(text, toks, i, j))  # "Marie Curie" goes on
            ):
                break
            if "," in gap:
                break
            j += 1
        return j


_TITLES_ALL = _TITLES | ACADEMIC_TITLES


_SAINT_HEADS = word_set("st mt ste")  # heads of a place written with a full stop: "St. Mary's"
_CHAT_WORDS = word_set("pls plz thx ty np ok okay please thanks")
_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday mondays fridays sundays")
# days that are given names too ("Domingo", "Domenica"), a day after an article or a determiner
# ("el Domingo de Ramos", "cada domingo", "la Domenica delle Palme", "no domingo")
_NAMED_DAYS = word_set("domingo domenica")
_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d\b")  # a month's year: a date, whatever cue is before it
_FEAST_AFTER = re.compile(r"[ \t]+(?:de|delle|della|di|da)[ \t]+[^\W\d_a-z][^\W\d_]+")
_DAY_ARTICLE = re.compile(r"\b(?i:el|este|cada|pr[óo]ximo|todo|los|no|ao|do|pelo|la|ogni|questa)[ \t]+$")


_STREET_PREFIXES = frozenset(w for w in PREFIX_WORDS.split("|") if w.isalpha())


# whom a letter greets that is no one's name ("Dear Parent,", "Dear Neighbour", "Hi everyone")
_ADDRESSEES = word_set(
    "headteacher headmaster headmistress principal teacher teachers manager managers director "
    "directors editor editors committee coach officer officers organiser organizer landlord landlady "
    "parent parents guardian guardians carer carers neighbour neighbours neighbor neighbors resident "
    "residents registrar applicant applicants candidate candidates customer customers member members "
    "student students colleague colleagues sir madam team all everyone everybody friends folks valued "
    "patient patients tenant tenants homeowner homeowners shareholder shareholders client clients "
    "user users reader readers subscriber subscribers participant participants volunteer volunteers staff"
)
_NAME_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")  # "Dear Parent Smith": a surname after it
_SLAVIC = LANG_BIT["cs"] | LANG_BIT["pl"]
# the start of a sentence, a line, a quote or a list item before a word
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…\n•*\-–—(\"“„«'])[ \t]*$")
