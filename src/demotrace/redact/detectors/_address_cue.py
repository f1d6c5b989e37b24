"""Addresses introduced by a cue ("send it to …", "my new address is …", "taxi to …"): the text
from the cue up to the last postcode within reach (and the town after it) is the address, whatever
its language, case or punctuation. Written for chat and form text, where addresses are typed on
one line, lower-cased, and in any country's order ("г. Сунтар, ул. Приморская, д. 82, 884717").
"""

from __future__ import annotations

import re

from ._base import guarded
from .lexicon import lexicon, word_set

LEAD = re.compile(
    r"\b"
    + guarded(
        r"address(?:es)?(?:[ \t]+(?:is|to|with|are|of|was))?|here they are|sent to|send (?:it|them|this|"
        r"a new one|the \w+|my \w+)(?:[ \t]+\w+)?[ \t]+to|deliver(?:ed|y)? to|ship(?:ped|ping)?(?: it)? to|"
        r"taxi to|meet me at|lives? (?:at|on|in)|lived (?:at|on|in)|live in|it'?s in|located at|is at|"
        r"mov(?:e|ed|ing) to|return (?:it )?to|the following|user:|ship to|deliver to|bill to"
    )
    + r"\b[ \t:,]*"
)
_POSTCODE = re.compile(  # UPU formats, case-insensitive here: the cue makes them safe
    r"(?<![\w-])(?:"
    r"(?:[a-z]{1,2}-)?\d{4,8}(?:-\d{3,4})?(?:[ \t][a-z]{2}\b(?![ \t]*\w*[a-z]{3}))?"  # 12345, H-8543, 8712 ZJ
    r"|\d{2}-\d{3}|\d{3} \d{2}"  # PL, CZ/SK/SE/GR
    r"|[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}"  # UK
    r")(?![\w-])",
    re.IGNORECASE,
)
# a sentence ends at ?, !, a blank line, or ". X" after a number, a lower-case word or a time's
# "pm" ("88027. I now", "at 5 pm. Please"), not after an abbreviation ("Apt. 993", "Rd. Suite"); a
# form's next field ends the address too ("\nAccount #: 004-118830-02", "\nNEW mobile for Mum
# (Tania): 021 087 3349": its number is no postcode of the address above)
_STOP = re.compile(
    r"[?!]|(?:(?<=\d)|(?<=[a-z]{3})|(?<=[\d ][ap]m))\.(?=[ \t]+[A-Z])|\n\s*\n"
    r"|\n[ \t]*[^\W\d_][\w #./()-]{0,40}[ \t]?:[ \t]"
)
# a day after the cue: "moved to Monday 22nd at 5 pm", "move to the 14th", "moved to Fri 3 May", "Q3"
_DAY_AFTER = re.compile(
    r"[ \t:,]*(?:the[ \t]+)?(?:(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
    r"\d{1,2}(?:st|nd|rd|th)\b|(?i:today|tomorrow|tonight|next[ \t]+week)\b|Q[1-4]\b)"  # (a quarter)
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|[^\w\s]+")
# a group of digits right before a "postcode": the last group of a phone number ("040 5555 8812")
_IN_DIGIT_RUN = re.compile(r"\d[ \t.-]?$")
_STREETISH = word_set("via rue place route calle avenue park parc unit apt suite flat rua box")
_TOWN_AFTER = re.compile(
    r"(?:[ \t,]*(?:(?!" + guarded("for|in|to|i|and|the|please|so|because|on|at|is|if|but|or|with") + r"\b)"
    r"[^\W\d_][\w'’.-]*|\([\w.]{1,12}\)|/))"
    r"{0,4}"
)
_BLANKS = re.compile(r"[ \t]*")
_URL_AT = re.compile(r"[A-Za-z][\w+.-]*://")
REACH = 160


def cue_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lead in LEAD.finditer(text):
        if _DAY_AFTER.match(text, lead.end()):
            continue  # a date it is moved or sent to, no place
        if text.endswith("[[", 0, lead.start()):
            continue  # a wiki's link to a user's page, "[[User:Name|Name]]": a signature, no cue
        start = _skip_words(text, lead.end())
        if start >= len(text) or not text[start].isalnum() or _URL_AT.match(text, start):
            continue  # (`address: http://prometheus:9090`: a server's address)
        window = text[start : start + REACH]
        stop = _STOP.search(window)
        if stop:
            window = window[: stop.start()]
        last = None
        for pc in _POSTCODE.finditer(window):
            if not _IN_DIGIT_RUN.search(window, 0, pc.start()):
                last = pc
        prose = _prose(window[: last.start()]) if last is not None else None
        if last is not None and prose is not None:  # the postcodes before the sentence, if any
            last = None
            for pc in _POSTCODE.finditer(window, 0, prose):
                last = pc
        if last is None or not re.search(r"[^\W\d_]{2}", window[: last.start()]):
            continue
        if _year(window, last):
            continue
        end = start + last.end()
        town = _TOWN_AFTER.match(text, end)
        if town and town.end() > end and "\n" not in text[end : town.end()]:
            end = start + len(text[start : town.end()].rstrip(" \t,./"))  # text[start] is alphanumeric
        out.append((start, end))
    return out


def _skip_words(text: str, pos: int) -> int:
    """Past the common words between a cue and the address: "address linked to my card to г. …".
    Blanks are skipped with a match at `pos`, not by slicing the rest of the text (that made page
    text quadratic: each cue copied the page after it twice per word)."""
    lex = lexicon()
    for _ in range(10):
        m = _WORD.match(text, _BLANKS.match(text, pos).end())  # type: ignore[union-attr]
        if m is None:
            break
        w = m.group().lower()
        if w[0].isalpha() and (w not in lex.words or w in _STREETISH):
            break
        if not w[0].isalpha() and w not in (":", ",", "-", "—"):
            break
        pos = m.end()
    return _BLANKS.match(text, pos).end()  # type: ignore[union-attr]


def _prose(segment: str) -> int | None:
    """Where the first three common lower-case words in a row start: a sentence, not an address."""
    lex = lexicon()
    run = 0
    first = 0
    for m in re.finditer(r"[^\W\d_]+", segment):
        w = m.group()
        if w.islower() and w in lex.words:
            first = m.start() if run == 0 else first
            run += 1
            if run >= 3:
                return first
        else:
            run = 0
    return None


def _year(window: str, pc: re.Match[str]) -> bool:
    """A 4-digit 'postcode' that reads as a year: "in 1965", "since 2019"."""
    v = pc.group()
    return (
        len(v) == 4
        and v.isdigit()
        and 1800 <= int(v) <= 2099
        and bool(re.search(r"(?i:\b(?:in|since|of|year|until|by|from)\s*)$", window[: pc.start()]))
    )
