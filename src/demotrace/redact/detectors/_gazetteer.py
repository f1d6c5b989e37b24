"""Places and peoples no one is named after, whatever comes before them (`_places.well_known_place`):
countries, states and cities beyond `_places.PLACE_NAMES` (those are names too: "Austin",
"Georgia"), the adjectives of peoples ("a Nigerian novelist"), and places of two words or more,
whole ("North Dakota", "Tamil Nadu", "New Brunswick"); and the world's countries and towns of
15,000 people or more (`data/places.txt.gz`, GeoNames): one whose name is no listed name and no
word of a language read is no one's ("Woking", "Bloemfontein", "Üsküdar", "Samoa"), a country or
a large town whose name is also a person's is a place after a preposition of place (`big_town`:
"in Preston", "near Carlisle")."""

from __future__ import annotations

import functools
import gzip
from importlib import resources

from .lexicon import FIRST, LANG_BITS, LAST, WORD, lexicon, word_set

# countries, states and cities no one is named after, beyond `PLACE_NAMES`: a place after any word
# ("the Wolof people of Senegal", "a farmer from Coimbatore"), as the demonyms are ("a Nigerian
# novelist"); and places of two words or more, whole ("North Dakota", "Tamil Nadu", "New Brunswick")
NO_ONES_PLACE = word_set(
    """
    afghanistan albania algeria angola armenia azerbaijan bahrain bangladesh belarus bolivia bosnia
    botswana bulgaria cambodia cameroon croatia cuba cyprus czechia ecuador estonia ethiopia gabon
    guatemala honduras iceland indonesia iran iraq jamaica kazakhstan kosovo kuwait kyrgyzstan laos
    latvia lebanon liberia libya lithuania madagascar malawi malaysia mauritania mauritius moldova
    mongolia montenegro morocco mozambique myanmar namibia nepal nicaragua oman pakistan panama
    paraguay philippines qatar rwanda senegal serbia slovakia slovenia somalia sudan switzerland
    syria taiwan tajikistan tanzania tunisia turkmenistan uganda uruguay uzbekistan venezuela yemen
    zambia zimbabwe europe asia africa antarctica oceania scandinavia siberia patagonia
    alabama alaska arizona arkansas california colorado connecticut delaware hawaii idaho illinois
    iowa kansas kentucky louisiana maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
    wisconsin wyoming ontario manitoba saskatchewan queensland tasmania kerala karnataka
    maharashtra gujarat rajasthan punjab bihar odisha telangana haryana lombardy tuscany sicily
    sardinia provence normandy flanders wallonia saxony galicia
    mumbai bengaluru bangalore chennai kolkata hyderabad ahmedabad lahore islamabad dhaka kathmandu
    colombo abuja accra addis dakar casablanca tunis algiers khartoum kinshasa luanda harare lusaka
    tehran baghdad riyadh jeddah doha beirut damascus amman ankara tbilisi yerevan baku tashkent
    almaty kyiv minsk belgrade ljubljana bratislava brno gdansk wroclaw poznan marrakech cebu
    """
)
_DEMONYMS = word_set(
    """
    nigerian african filipino filipina american canadian mexican brazilian argentine argentinian
    chilean peruvian colombian venezuelan cuban jamaican haitian british scottish irish welsh
    spanish italian portuguese dutch german austrian swiss belgian danish swedish norwegian finnish
    icelandic polish czech slovak hungarian romanian bulgarian serbian croatian greek turkish
    russian ukrainian european asian indian pakistani bangladeshi lankan nepali chinese japanese
    korean vietnamese thai indonesian malaysian singaporean australian kenyan ghanaian ethiopian
    egyptian moroccan algerian tunisian senegalese ugandan tanzanian zimbabwean israeli palestinian
    lebanese syrian iraqi iranian afghan saudi emirati qatari yemeni latino latina caribbean
    """
)
_PLACES_OF_WORDS = frozenset(
    (
        "north america",
        "south america",
        "central america",
        "latin america",
        "north africa",
        "south africa",
        "west africa",
        "east africa",
        "central africa",
        "sub-saharan africa",
        "southern africa",
        "middle east",
        "east asia",
        "south asia",
        "southeast asia",
        "central asia",
        "western europe",
        "eastern europe",
        "northern europe",
        "southern europe",
        "new zealand",
        "united states",
        "united kingdom",
        "great britain",
        "northern ireland",
        "saudi arabia",
        "sri lanka",
        "costa rica",
        "puerto rico",
        "el salvador",
        "hong kong",
        "south korea",
        "north korea",
        "ivory coast",
        "sierra leone",
        "burkina faso",
        "new york",
        "new jersey",
        "new mexico",
        "new hampshire",
        "rhode island",
        "north carolina",
        "south carolina",
        "north dakota",
        "south dakota",
        "west virginia",
        "new brunswick",
        "nova scotia",
        "british columbia",
        "prince edward island",
        "northern territory",
        "western australia",
        "south australia",
        "new south wales",
        "tamil nadu",
        "andhra pradesh",
        "uttar pradesh",
        "madhya pradesh",
        "himachal pradesh",
        "arunachal pradesh",
        "west bengal",
        "kwazulu-natal",
        "western cape",
        "eastern cape",
        "rio de janeiro",
        "sao paulo",
        "são paulo",
        "buenos aires",
        "mexico city",
        "kuala lumpur",
        "tel aviv",
        "abu dhabi",
        "cape town",
        "new delhi",
        "los angeles",
        "san francisco",
        "san diego",
        "san antonio",
        "las vegas",
        "st petersburg",
        "the hague",
        "eastern visayas",
        "western visayas",
        "central visayas",
        "metro manila",
        "greater manchester",
        "west midlands",
        "east midlands",
        "west yorkshire",
        "south yorkshire",
        "north yorkshire",
        "home counties",
    )
)


def place_or_people(low: str) -> bool:
    """`low` (lower case, single blanks) is one of the places or peoples above, or a town no one is
    named after."""
    return low in _PLACES_OF_WORDS or low in NO_ONES_PLACE or low in _DEMONYMS or low in _towns()[0]


def big_town(low: str) -> bool:
    """`low` is a country or a town of 50,000 people or more whose name is also a person's or a
    word of a language other than English ("preston", "jordan", "cancún"), not an English word."""
    return low in _towns()[1]


def country(low: str) -> bool:
    """`low` (lower case, single blanks) is a country's name as GeoNames writes it ("germany",
    "south africa", "jordan"), whether or not someone is also named so."""
    return low in _countries()


def town(low: str) -> bool:
    """`low` is a country's or a town's name of GeoNames' list (15,000 people or more)."""
    return low in _places()[1]


def _countries() -> frozenset[str]:
    return _places()[0]


@functools.cache
def _place_rows() -> tuple[tuple[str, str], ...]:
    """(name, tag) of each row of `data/places.txt.gz`, read once for `_places` and `_towns`."""
    ref = resources.files("demotrace.redact.data").joinpath("places.txt.gz")
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return tuple(
            (name, size) for name, _, size in (line.partition("\t") for line in f.read().split("\n") if line)
        )


@functools.cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """The countries' names, and every name of the list."""
    rows = _place_rows()
    return frozenset(n for n, size in rows if size == "c"), frozenset(n for n, _ in rows)


@functools.cache
def _towns() -> tuple[frozenset[str], frozenset[str]]:
    """The towns no one is named after, and the large towns whose names are persons' too."""
    tags = lexicon().tags
    no_ones, named = set(), set()
    for name, size in _place_rows():
        words = name.split(" ")
        bits = 0
        for w in words:
            bits |= tags.get(w)
        # (a country's name is a frequent word of the languages that write about it: "samoa")
        words_of = WORD if size == "c" else WORD | LANG_BITS
        if not bits & (FIRST | LAST | words_of):
            no_ones.add(name)  # (every word of it: "kota kinabalu", not "san jose")
        elif size in "bc" and len(words) == 1 and not bits & WORD:
            named.add(name)  # (a word of another language too: "berlin", "cancún")
    return frozenset(no_ones), frozenset(named)
