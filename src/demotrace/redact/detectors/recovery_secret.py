"""SECRET: what recovers a wallet or a disk: a seed phrase and a BitLocker recovery key.

A seed phrase (BIP-39: 12 to 24 words of a fixed list, in lower case) is a wallet's money; it has no
digit, no mixed case, no entropy per character, so the password rules never see it. It is masked
after its cue ("seed:", "recovery phrase", "mnemonic", "Wiederherstellungsphrase") as the run of
twelve words or more that follows, numbered or not ("1. harbor 2. velvet …"). A BitLocker recovery
key is eight groups of six digits joined by "-": that shape is no other number's, so it needs no
cue. A security question's answer, a memorable word, a mother's maiden name recover an account too:
their words after their cue.
"""

from __future__ import annotations

import re

from ._base import Detector, Span
from ._stems import matches_at, stem_starts

_PHRASE_CUE = (
    r"seed(?:[ \t-]?phrase|[ \t]words)?|recovery[ \t](?:phrase|seed|words)|mnemonic(?:[ \t]phrase)?|"
    r"backup[ \t](?:phrase|words)|wallet[ \t](?:words|phrase)|secret[ \t]phrase|"
    r"wiederherstellungsphrase|phrase[ \t]de[ \t](?:r[ée]cup[ée]ration|secours)|"
    r"frase[ \t](?:semilla|de[ \t]recupera[cç][ãa]o|de[ \t]recuperaci[óo]n)|herstelzin"
)
# a word of the list (3 to 8 lower-case letters), a separator (blanks, a comma, a newline) and the
# next word's number where the phrase is numbered
_WORD = r"(?:\d{1,2}[.):][ \t]*)?[a-z]{3,8}"
_SEP = r"(?:[ \t]*[,\n][ \t]*|[ \t]+)"
_PHRASE = re.compile(
    # (or on the line after the cue's, a note after the cue: "seed phrase (write on paper)\n…")
    rf"(?i:\b(?:{_PHRASE_CUE}))\b(?:[^\w]{{0,8}}|[^\n]{{0,60}}\n[ \t]*)"
    r"(?:(?i:is|was|ist|est|es)[ \t]+)?[\"'“`]?"
    rf"(?P<phrase>{_WORD}(?:{_SEP}{_WORD}){{11,23}})(?![a-z])"
)
# a phrase has 12, 15, 18, 21 or 24 words; a longer run took in the next line's first words
_LENGTHS = (24, 21, 18, 15, 12)
# words of a sentence that no wallet's list holds: "seed phrase: write these words down before
# closing this window" is an instruction, not a phrase
_PROSE_WORDS = frozenset(
    (
        *("the", "this", "these", "those", "with", "your", "have", "will", "them", "they", "their"),
        *("there", "were", "been", "would", "could", "should", "which", "because", "please"),
        *("and", "for", "are", "not", "you", "our"),
    )
)
_LISTED = re.compile(r"[a-z]+")
# the first letters of each cue, lower-cased: `_PHRASE` is tried only where one starts
_CUE_STARTS = (
    *("seed", "recovery", "mnemonic", "backup", "wallet", "secret", "wiederherstellungsphrase"),
    *("phrase", "frase", "herstelzin"),
)
_BITLOCKER = re.compile(r"(?<![\d-])\d{6}(?:-\d{6}){7}(?![\d-])")


# a security question's answer, a memorable word, a mother's maiden name: what recovers an account
# ("Security question answer: Stellenbosch", "memorable word is pineapple"), one to four words up to
# the line's or the sentence's end
_ANSWER = re.compile(
    r"(?i:(?:security|secret)[ \t](?:question[ \t])?answer|answer[ \t]to[ \t](?:the|my|your)[ \t]security"
    r"[ \t]question|memorable[ \t](?:word|answer|information|name|place)|mother['’]?s[ \t]maiden[ \t]name)"
    r"[ \t]*(?:(?i:is|was)[ \t]+|[:=][ \t]*)[\"'“«]?"
    r"(?P<answer>[^\s\"'”».,;!?()]+(?:[ \t][^\s\"'”».,;!?()]+){0,3})"
)


# or the answer under a security question asked on the line before, in the languages read ("¿Nombre
# de tu primera mascota?\nRespuesta: Chispa", "Name of your first school?\nAnswer: Ikoyi Primary");
# the question says what it asks (a pet, a school, a maiden name, a birthplace …): a chat's
# "Weet je waar de sleutel staat?\nAntwoord: in Vault" is no security question
_ASKED = (
    r"\b(?i:pet|mascota|haustiers?|huisdier|animale?|school|escuela|colegio|schule|[ée]cole|scuola|escola|"
    r"maiden|soltera|m[äa]dchenname|meisjesnaam|born|nac[ií]ste|geboren|n[ée]e?|nato|nasceu|first[ \t]car|"
    r"primer[ \t]coche|erstes[ \t]auto|premi[eè]re[ \t]voiture|street|calle|stra[ßs]e|rue|city|ciudad|"
    r"stadt|ville|citt[àa]|cidade|teacher|maestr[oa]|profesora?|lehrer(?:in)?|favou?rite|favorit[oa]|"
    r"lieblings\w*|pr[ée]f[ée]r[ée]e?|preferit[oa]|security[ \t]question|pregunta[ \t]de[ \t]seguridad|"
    r"sicherheitsfrage|question[ \t]secr[eè]te|domanda[ \t]di[ \t]sicurezza|beveiligingsvraag|"
    r"pergunta[ \t]de[ \t]seguran[çc]a)\b"
)
_ANSWER_WORDS = ("answer", "respuesta", "antwort", "réponse", "reponse", "risposta", "antwoord", "resposta")
_QA_ANSWER = re.compile(
    rf"(?m)^[^\n]*{_ASKED}[^\n]*\?[ \t]*\n[ \t]*(?i:{'|'.join(_ANSWER_WORDS)}|svar|odpowied[źz])[ \t]*:[ \t]*"
    r"(?P<answer>[^\s\"'”».,;!?()]+(?:[ \t][^\s\"'”».,;!?()]+){0,3})"
)


class RecoverySecretDetector(Detector):
    name = "recovery_secret"
    kinds = ("SECRET",)
    trigger = re.compile(r"-(?<=\d{6}-)\d{6}")  # (led by its "-": 0.1 ms a page, not 2 ms)
    # (literals, searched in the lower-cased batch by `str.find`: a case-insensitive alternation of
    # the cues cost 16 ms a page)
    lower_trigger = (
        *("seed", "recovery", "mnemonic", "backup", "wallet", "phrase", "frase", "herstelzin"),
        *("answer", "memorable", "maiden"),
        *_ANSWER_WORDS[1:],  # (a security question's answer in the other languages, `_QA_ANSWER`)
        *("svar", "odpowied"),
    )

    def detect(self, text: str) -> list[Span]:
        out = (
            [Span("SECRET", m.start(), m.end(), 0.9) for m in _BITLOCKER.finditer(text)]
            if "-" in text
            else []
        )
        for m in matches_at(_PHRASE, text, stem_starts(text, _CUE_STARTS, word_start=True)):
            words = list(_LISTED.finditer(text, m.start("phrase"), m.end("phrase")))
            if any(w.group() in _PROSE_WORDS for w in words):
                continue
            n = next(k for k in _LENGTHS if k <= len(words))
            out.append(Span("SECRET", m.start("phrase"), words[n - 1].end(), 0.9))
        out += [Span("SECRET", *m.span("answer"), 0.8) for m in _ANSWER.finditer(text)]
        if "?" in text:
            out += [Span("SECRET", *m.span("answer"), 0.8) for m in _QA_ANSWER.finditer(text)]
        return out
