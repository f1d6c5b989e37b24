"""Places that the person rule and the model read as a name.

Countries named one after another are a list of places, not a person: a country picker's
options as the OCR reads a form ("Country  Choose…  France  Germany  Japan  Brazil"), a picked
value beside its echo ("Germany  Picked Germany"), a line of flags' names. Several countries are
also given names or surnames ("France", "Jordan", "Brazil", "Chad", "Georgia"), and the person
rule and the model take two or three of them in a row for a name; the demo's web page had its
country list masked so in every frame that showed it.

A town after a preposition of place is the town: "came to London in 1961", "Jodie Whitcombe, 38,
of Swindon", "firefighters from Hastings", "welcome to Lisbon office". London, Swindon and
Hastings are surnames too, and the person rule took them so where the town list (`big_town`) did
not reach. On the 97 open sets such a word, a town of GeoNames' list that is no listed first name,
was found as a person 74 times after "to", "from", "in", "of", "at", "near", "around", "outside",
"across" or "via", inside a private span none (towns that are first names, "to Gary", "husband
of Teresa", were inside one 11 times: they stay).

`without_places` drops a PERSON finding whose capitalised words are all countries or words
that are no one's name, when it holds two countries or one with another country right beside it
(only blanks, commas, slashes or bars between); a one-word PERSON finding that is such a town
after such a preposition; and a country's name after a country's label or alone on its line, as
the OCR reads an open picker ("Country  France", "Choose…\nFrance"; a country that is also a
first name only beside another country or the picker's prompt: a chat's "Jordan" on its own line
is a name), with its echoes ("Picked France"). A name with one country in it ("Jordan Peele",
"Kenya Moore") keeps its mask. A big town named like a person in a list of towns ("Canberra,
Melbourne, Sydney") is a town; an address in a form's placeholder words ("Musterstraße 1, 12345
Musterstadt") is no one's."""

from __future__ import annotations

import re

from ..schema import Finding
from .detectors._gazetteer import big_town, country, town
from .detectors._places import TITLE_MARKS
from .detectors.address import STREET_RUN
from .detectors.lexicon import FIRST, LAST, lexicon
from .lone_town import lone_town

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SEPARATORS = " \t\n,;/|·•"  # what may stand between two countries of a list
_BETWEEN = re.compile(f"[{re.escape(_SEPARATORS)}]*")
_LONGEST = 3  # words of the longest country name read ("bosnia and herzegovina" aside)


def _countries(words: list[str]) -> tuple[list[bool], int]:
    """Whether each of `words` is part of a country's name (the longest reading first), and how
    many countries they name."""
    out = [False] * len(words)
    i = found = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            if country(" ".join(words[i : i + n]).lower()):
                out[i : i + n] = [True] * n
                i += n
                found += 1
                break
        else:
            i += 1
    return out, found


def _country_beside(text: str, start: int, end: int) -> bool:
    """A country's name stands right before `start` or right after `end`, separated by blanks,
    commas, slashes or bars only."""
    before = text[max(0, start - 40) : start]
    gap = len(before) - len(before.rstrip(_SEPARATORS))
    if gap:
        words = _WORD.findall(before[: len(before) - gap])[-_LONGEST:]
        if any(country(" ".join(words[i:]).lower()) for i in range(len(words))):
            return True
    gap_end = _BETWEEN.match(text, end)
    if gap_end is not None and gap_end.end() > end:
        words = _WORD.findall(text, gap_end.end(), min(len(text), gap_end.end() + 40))
        after = words[:_LONGEST] if words and text.startswith(words[0], gap_end.end()) else []
        return any(country(" ".join(after[: i + 1]).lower()) for i in range(len(after)))
    return False


def _place_list(text: str, f: Finding) -> bool:
    words = [w for w in _WORD.findall(text, f.start, f.end) if w[0].isupper()]
    if not words:
        return False
    places, named = _countries(words)
    if not named:
        return False
    tags = lexicon().tags
    if any(not p and tags.get(w.lower()) & (FIRST | LAST) for w, p in zip(words, places, strict=True)):
        return False  # a name among them: "Jordan Peele"
    return named >= 2 or _country_beside(text, f.start, f.end)


_PLACE_PREPOSITION = re.compile(r"\b(?:to|from|in|of|at|near|around|outside|across|via)[ \t]+$")


def _town_after_preposition(text: str, f: Finding) -> bool:
    word = text[f.start : f.end]
    return (
        word.isalpha()
        and word[0].isupper()
        and town(word.lower())
        and not lexicon().tags.get(word.lower()) & FIRST
        and _PLACE_PREPOSITION.search(text, max(0, f.start - 10), f.start) is not None
    )


# a list of places, a comma, a slash or "&" between its items ("Canberra, Melbourne, Sydney", "Leeds
# / Bradford"): a big town's neighbours all towns and no words, one at least no one's name
# (an item of one word: "Brandon, Aloha Rentals" is a sign-off and a firm)
_NEXT_ITEM = re.compile(r"[ \t]*(?:,|/|&|\band\b)[ \t]*([A-Z][a-zà-ÿ]+)\b(?![ \t]+[A-Z])")
_PREVIOUS_ITEM = re.compile(r"(?<![A-Z][a-zà-ÿ][ \t])\b([A-Z][a-zà-ÿ]+)[ \t]*(?:,|/|&|\band\b)[ \t]*\Z")


# a letter's place before its date, after a preposition the person rule took for a name ("En Murcia, a
# 4 de abril", "In Bologna, lì 3 marzo"): the preposition and a town, nothing else
_PREPOSITION_TOWN = re.compile(r"(?:En|Em|In|Te|À|Zu)[ \t]+([^\W\d_][\w'’-]*)")


def _preposition_town(text: str, f: Finding) -> bool:
    m = _PREPOSITION_TOWN.fullmatch(text, f.start, f.end)
    return m is not None and town(m.group(1).lower())


def _town_in_list(text: str, f: Finding) -> bool:
    word = text[f.start : f.end]
    if not (word.isalpha() and word.istitle() and big_town(word.lower())):
        return False
    items: list[str] = []
    at = f.end
    while len(items) < 8 and (m := _NEXT_ITEM.match(text, at)) is not None:
        items.append(m.group(1))
        at = m.end()
    at = f.start
    while len(items) < 16 and (m := _PREVIOUS_ITEM.search(text, max(0, at - 40), at)) is not None:
        items.append(m.group(1))
        at = m.start()
    lex = lexicon()
    return (
        bool(items)
        and all(town(w.lower()) and not lex.is_word(w.lower()) for w in items)
        and any(not lex.tags.get(w.lower()) & (FIRST | LAST) for w in items)
    )


# what a company or a service has in a town, right after the town's name ("our Sydney office", "London
# HQ", "Memphis warehouse", "Sydney region"): a site, not a person; on the open sets such a town
# (first names among them) was found as a person 17 times, inside a private span none
_SITE_AFTER = re.compile(
    r"[ \t]+(?i:office|offices|HQ|headquarters|branch|campus|site|depot|hub|store|warehouse|plant|"
    r"studio|airport|station|team|teams|marathon|summit|clinic|hospital|centre|center|region|metro|"
    r"borough|council)(?![^\W\d_])"
)


def _town_before_site(text: str, f: Finding) -> bool:
    word = text[f.start : f.end]
    return (
        word.isalpha()
        and word[0].isupper()
        and town(word.lower())
        and _SITE_AFTER.match(text, f.end) is not None
    )


# a country alone that few are named after ("Cricket: India vs Australia", "Residential Tenancies Board
# (Ireland)", "| India | Country Manager |"): the place, unless a greeting, a title or a name's label
# is before it or a speaker's colon after it ("Hi India,", "Miss Kenya", "India: see you"); the
# countries many are named after stay names ("Jordan", "Georgia", "Chad"). On the open sets a
# country found as a person alone was inside a private span 21 times, each "Jordan" or "Georgia",
# and outside one 66 times.
_GIVEN_COUNTRIES = frozenset(("jordan", "georgia", "chad"))
_NAME_CUE_BEFORE = re.compile(
    r"(?i:\b(?:hi|hey|hiya|hello|dear|thanks|thank[ \t]you|cheers|ta|love|xx|from|with|miss|mrs|mr|ms|"
    r"mx|dr|name|called|named|ask|tell|call|text|ring|message|email|cc|my|our|his|her|their|kid|son|"
    r"daughter|child|baby|wife|husband|partner|brother|sister|friend|colleague|boss|cousin|niece|"
    r"nephew)\b)[ \t,:\n]*\Z"
)


def _country_word(text: str, f: Finding) -> str:
    """The finding's text where it is one word that is a country's name, else ""."""
    word = text[f.start : f.end]
    return word if word.isalpha() and country(word.lower()) else ""


def _lone_country_name(text: str, f: Finding) -> bool:
    word = _country_word(text, f)
    if not word or word.lower() in _GIVEN_COUNTRIES:
        return False
    if text[f.end : f.end + 1] == ":" or _NAME_CUE_BEFORE.search(text, max(0, f.start - 16), f.start):
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    return not (text[line_start : f.start].strip() == "" and text[f.end : f.end + 1] in (",", "!"))


# a maps app's window title: what it names before the app is a place searched or a route ("Lincoln
# Memorial - Google Maps", "Ayasofya-i Kebir Camii - Google Haritalar", "Place Charles-de-Gaulle –
# Google Maps"); the open title sets label no person in 34 such titles (their addresses stay)
_MAPS_TITLE = re.compile(
    r"[ \t][-–—|·][ \t](?:Google[ \t](?:Maps|Haritalar|Karten|Mapas|Cartes|Mappe|Kaarten|Mapy|Kartor|Kort)|"
    r"Apple[ \t]Maps|Bing[ \t]Maps|OpenStreetMap|Waze|HERE[ \t]WeGo|Яндекс[ \t]Карты|Mapy\.cz|"
    r"Mapy[ \t]Google)"  # (Polish names the app so)
    r"(?:[ \t][-–—|·][ \t][^\n]*)?$",
    re.M,
)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _in_maps_title(text: str, f: Finding) -> bool:
    return _MAPS_TITLE.search(text, f.end, _line_end(text, f.end)) is not None


# a country's field label right before the word ("Country  France", "Pays : France", "Land | Chad")
_COUNTRY_LABEL = re.compile(
    r"\b(?i:country|countries|nationality|citizenship|land|pays|pa[ií]s|paese|nazione|nationalit[ée]|"
    r"nacionalidad|staatsangeh[öo]rigkeit|herkunftsland|region|kraj)[ \t]*[:|]?[ \t]*$"
)


def _lone_country(text: str, f: Finding) -> bool:
    """A one-word finding that is a country's name alone on its line (a picker's option, as the
    OCR reads an open list: "Choose…\nFrance") or after a country's label ("Country  France")."""
    word = _country_word(text, f)
    if not word:
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if line.strip(_MARKS) == word and (
        not lexicon().tags.get(word.lower()) & FIRST  # (a chat's "Jordan" on its own line is a name)
        or _beside(text, line_start, line_end)
    ):
        return True
    return _COUNTRY_LABEL.search(text, max(0, f.start - 30), f.start) is not None


_MARKS = " \t|•·-*>✓✔"
_PICKER = re.compile(r"(?i:choose|select|pick|w[äa]hlen|choisir|elegir|seleccion|kies|scegli)\w*[ .…]*")


def _beside(text: str, line_start: int, line_end: int) -> bool:
    """The line before or after (`line_start`, `line_end`: the word's line) is another country or a
    picker's prompt ("Choose…"): the word is an option of a list of countries."""
    before = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)].strip(_MARKS)
    after_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    after = (
        text[line_end + 1 : len(text) if after_end < 0 else after_end].strip(_MARKS) if line_end >= 0 else ""
    )
    return any(country(x.lower()) or _PICKER.fullmatch(x) is not None for x in (before, after) if x)


# a place's name opening a maps app's title, then a comma: capitalised words, no digit, no one's
# ("Home", "Work", "Mum's" are a user's saved places: their addresses stay masked)
_VENUE_OPENING = re.compile(
    r"(?!(?i:home|work|my|our)\b)(?:The[ \t]+)?[^\W\d_a-z][^\W\d_]+(?:[ \t-]+[^\W\d_a-z][^\W\d_]+){0,5},[ \t]"
)


# a landmark's name after an address across a title's separator ("1600 Pennsylvania Avenue NW – The
# White House", "221B Baker Street - The Sherlock Holmes Museum"): the address is the landmark's
_LANDMARK_AFTER = re.compile(
    r"[ \t]+[-–—|·][ \t]+The(?:[ \t]+[^\W\d_a-z][^\W\d_]+){0,4}[ \t]+(?:House|Museum|Palace|Tower|Castle|"
    r"Cathedral|Abbey|Theatre|Theater|Gallery|Library|Stadium|Arena|Hall|Building|Memorial|Monument|"
    r"Observatory|Zoo|Aquarium)\b"
)


# addresses everyone knows: a head of government's, a landmark's, a company's seat, fiction's
# ("10 Downing Street - Wikipedia", "1600 Pennsylvania Avenue NW - Google Search"), from general knowledge
_ST, _AVE, _LN = r"St(?:reet|\.)?", r"Ave(?:nue|\.)?", r"L(?:ane|n\.?)"
_FAMOUS_ADDRESS = re.compile(
    rf"(?i:1[01][ \t]+Downing[ \t]+{_ST}|1600[ \t]+Pennsylvania[ \t]+{_AVE}|221B[ \t]+Baker[ \t]+{_ST}"
    rf"|1600[ \t]+Amphitheatre[ \t]+P(?:arkway|kwy\.?)"
    rf"|(?:1|One)[ \t]+(?:Infinite[ \t]+Loop|Apple[ \t]+Park[ \t]+Way|"
    rf"Microsoft[ \t]+Way|Hacker[ \t]+Way|Canada[ \t]+Square)|350[ \t]+(?:Fifth|5th)[ \t]+{_AVE}"
    rf"|30[ \t]+Rockefeller[ \t]+Plaza|11[ \t]+Wall[ \t]+{_ST}|30[ \t]+St\.?[ \t]+Mary[ \t]+Axe"
    rf"|4[ \t]+Privet[ \t]+Dr(?:ive|\.)?|742[ \t]+Evergreen[ \t]+Terr(?:ace|\.)?|124[ \t]+Conch[ \t]+{_ST}"
    rf"|12[ \t]+Grimmauld[ \t]+Pl(?:ace|\.)?|31[ \t]+Spooner[ \t]+{_ST}|1313[ \t]+Mockingbird[ \t]+{_LN}"
    rf"|177A[ \t]+Bleecker[ \t]+{_ST}|308[ \t]+Negra[ \t]+Arroyo[ \t]+{_LN}|Prinsengracht[ \t]+263"
    rf"|55[ \t]+Rue[ \t]+du[ \t]+Faubourg[ \t]+Saint-Honor[ée])(?![\w])"
)


_TITLE_SEPARATOR = re.compile(rf"[ \t]+[{TITLE_MARKS}][ \t]")
_EXAMPLE_WORD = re.compile(
    r"\b(?:Muster(?:straße|strasse|weg|gasse|stadt|dorf|hausen)|Exempel(?:gatan|vägen|stad|by)|"
    r"(?i:l['’]exemple|example[ \t]+(?:street|road|avenue|city|town)|calle[ \t]+(?:de[ \t]+)?ejemplo|"
    r"via[ \t]+(?:dell['’])?esempio|voorbeeld(?:straat|laan|stad)))"
)


def _venue_address(text: str, f: Finding) -> bool:
    if _LANDMARK_AFTER.match(text, f.end):
        return True
    if (
        _FAMOUS_ADDRESS.match(text, f.start)
        and not text[text.rfind("\n", 0, f.start) + 1 : f.start].strip()
        and _TITLE_SEPARATOR.match(text, f.end)
    ):
        return True  # a page's or a search's title on it; in a sentence ("the package goes to …",
        # "Office: …") it is an address as any other, as the recognizers' test rows write it
    line = text.rfind("\n", 0, f.start) + 1
    m = _VENUE_OPENING.match(text, line)
    return (
        m is not None
        and not any(STREET_RUN.fullmatch(w) for w in m.group().rstrip(", \t").split())  # "Rua Augusta, 1508"
        and "'s" not in m.group()
        and "’s" not in m.group()
        and f.start <= m.end()
        and _MAPS_TITLE.search(text, f.end, _line_end(text, f.end)) is not None
    )


def without_places(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the PERSON findings that are countries in a row (`_place_list`), a town after
    a preposition of place (`_town_after_preposition`) or before a site's noun
    (`_town_before_site`), a place in a maps app's title (`_in_maps_title`), or a country alone
    (`_lone_country`, `_lone_country_name`) with its echoes, or a big town alone (`lone_town`); and
    the streets without a number of a maps app's title."""
    persons = [f for f in merged if f.kind == "PERSON"]
    lone = [f for f in persons if _lone_country(text, f)]
    dropped = [
        f
        for f in persons
        if f in lone
        or _place_list(text, f)
        or _town_after_preposition(text, f)
        or _preposition_town(text, f)
        or _town_in_list(text, f)
        or _town_before_site(text, f)
        or _in_maps_title(text, f)
        or _lone_country_name(text, f)
        or lone_town(text, f, merged)
    ]
    # a street without a number in a maps app's title is a place searched, no one's address ("Martin
    # Luther King Jr Blvd - Google Maps"; "39 Birchwood Rd, Sevenoaks - Google Maps" stays)
    dropped += [
        f
        for f in merged
        if f.kind == "STREET_ADDRESS"
        and not any(c.isdigit() for c in text[f.start : f.end])
        and _MAPS_TITLE.search(text, f.start, _line_end(text, f.start)) is not None
    ]
    # an address after a place's name in a maps app's title is the place's, public ("The White House,
    # 1600 Pennsylvania Avenue NW - Google Maps", "Brandenburger Tor, Pariser Platz, 10117 Berlin")
    dropped += [
        f for f in merged if f.kind == "STREET_ADDRESS" and f not in dropped and _venue_address(text, f)
    ]
    # a form's example of an address, in its language's placeholder words ("Musterstraße 1, 12345
    # Musterstadt", "Exempelgatan 1, 123 45 Exempelstad", "1 rue de l'Exemple, 75000 Paris")
    dropped += [
        f
        for f in merged
        if f.kind == "STREET_ADDRESS" and f not in dropped and _EXAMPLE_WORD.search(text, f.start, f.end)
    ]
    # the same country's other mentions ("Country | France | Picked France": its echo)
    words = {text[f.start : f.end] for f in lone}
    if words:
        dropped += [f for f in persons if f not in dropped and text[f.start : f.end] in words]
    return [f for f in merged if f not in dropped] if dropped else merged
