"""What a name-like run names when it is no person: a place or an institution ("New York",
"Tiempo en Murcia", "Centro de Salud", "Natural de Cáceres") or an organisation ("Globex Corp",
"Müller GmbH"). Shared by the person rule, the model's filter and the username rule."""

from __future__ import annotations

import re

from ._base import guarded
from ._clinical_eponyms import disease_eponym, scored_eponym
from ._gazetteer import big_town, place_or_people
from .lexicon import FIRST, lexicon, word_set

# a capitalised word of a place name before a surname-like word: New York, San Jose, Fort Worth
PLACE_HEADS = word_set(
    "new san santa santo saint st fort lake mount mt port cape north south east west upper lower "
    "great little los las bad glen"
)

# what a place follows, not a person: "Tiempo en Murcia", "Météo à Rappaz", "Hotels in Bath", "Map of
# Leeds" (a search or a page title about a place)
_PLACE_CUE = re.compile(
    r"\b"
    + guarded(
        "weather|forecast|tiempo|clima|météo|meteo|wetter|weer|weerbericht|previsão|previsioni|"
        "pronóstico|hotels|hotel|hoteles|hôtels|alberghi|flights|vuelos|vols|voli|flüge|vluchten|"
        "maps|map|mapa|carte|karte|kaart|mappa|directions|restaurants|restaurantes|ristoranti|"
        # where one was born or lives: "Natural de Cáceres", "woonachtig te Leeuwarden"
        "natural de|nacido en|nacida en|born in|geboren in|né à|née à|nato a|nata a|woonachtig te|"
        "wohnhaft in|natural of"
    )
    + r"\b(?:[ \t]+(?i:in|en|à|a|au|aux|for|für|voor|em|de|di|near|to|of|del|della|von|van|nach|naar|"
    r"para|per|at|bei|dans|sur|around))?[ \t]*[:–—-]?[ \t]*(?:[^\W\d_a-zß-ÿ][\w'’-]*[ \t]+){0,3}$"
)
PLACE_REACH = 64
# an institution's noun, capitalised, and "de", "of", "van": what follows names it ("Centro de
# Salud", "Hospital de Santa María", "Universiteit van Amsterdam", "Institute of Psychiatry")
_INSTITUTION_OF = re.compile(
    r"(?<![\w-])(?:Centro|Hospital|Servicio|Unidad|Colegio|Universidad|Instituto|Clínica|Residencia|"
    r"Fundación|Ayuntamiento|Museo|Escuela|Biblioteca|Centre|Institut|Université|Hôpital|Ospedale|"
    r"Istituto|Università|Centrum|Ziekenhuis|Universiteit|Museum|University|College|Institute|School|"
    r"Department|Ministry|Ministerio|Ministère|Ministero|Ministerie|"
    # a place's or a state's body ("Embassy of Ireland", "Supreme Court of Victoria", "Port of
    # Newcastle", "Bank of Montreal", "Isle of Wight", "City of Lagos")
    r"Embassy|Consulate|High[ \t]Commission|Court|Bank|Church|Cathedral|Isle|Island|City|Town|Port|"
    r"Kingdom|Republic|State|County|Province|Region|Gulf|Bay|Museum|Library|Council|Academy|Society|"
    r"Federation|Government|Office|Bureau|Palace|Castle|Abbey|Parliament|Assembly|Diocese|Archdiocese)"
    r"[ \t]+(?:de[ \t]+la|de[ \t]+los|de[ \t]+las|del|de|d'|di|della|dello|van|voor|of|for|für)[ \t]*$"
)


# an institution's noun, maybe its kind, and a saint's title before a name: the institution's name
# ("Ospedale San Carlo", "Hospital Universitario Virgen del Rocío", "Clínica Santa Elena")
_INSTITUTION_SAINT = re.compile(
    r"(?<![\w-])(?:Hospital|Ospedale|Hôpital|Clínica|Clinica|Clinique|Klinik|Kliniek|Klinikum|"
    r"Krankenhaus|Ziekenhuis|Policlinico|Centro|Instituto|Istituto|Colegio|Escuela|Scuola|Liceo|"
    r"Parroquia|Iglesia|Chiesa|Fundación|Fondazione)"
    r"(?:[ \t]+(?:Universitario|Universitaria|Universitair|Universitaire|General|Generale|Civil|Provincial|"
    r"Regional|Municipal|Militar|Maggiore))*"
    r"[ \t]+(?:(?:San|Santa|Santo|Sant['’]|St\.?|Saint|Sainte|Sint|Virgen(?:[ \t]+del?)?|"
    r"Nuestra[ \t]+Señora(?:[ \t]+de(?:l|[ \t]+la)?)?)[ \t]+)?$"
)


# a place's, a building's or a project's noun of the Romance languages and Dutch/German right before a
# name: the name is the place's ("Museo Sorolla", "Galleria Vittorio Emanuele II", "Stazione
# Garibaldi", "Praça Marquês de Pombal", "Progetto Aurora")
_PLACE_NOUNS = (
    r"(?:Museo|Museu|Musée|Galleria|Galería|Galeria|Piazza|Piazzale|Plaza|Praça|Place|Stazione|"
    r"Estación|Estação|Gare|Teatro|Théâtre|Palazzo|Palacio|Palácio|Palais|Parco|Parque|Parc|Ponte|"
    r"Puente|Pont|Porta|Puerta|Largo|Aeroporto|Aeropuerto|Aéroport|Stadio|Estadio|Estádio|Stade|"
    r"Fondazione|Progetto|Projeto|Proyecto|Projet|Projekt|Rotonda|Glorieta|Lungomare|Viale|Corso|"
    r"Passeig|Paseo|Avenida|Rambla|Via|Calle|Rua|Bulevardul|"
    # a house or a villa made a museum, a region, a university, an eatery, a royal title ("Casa
    # Fernando Pessoa", "Regione Lombardia", "Uniwersytet Jagielloński", "Pizzeria Da Mario", "Museo
    # Reina Sofía")
    r"Casa|Villa|Regione|Región|Provincia|Comune|Uniwersytet|Universidade|Pizzeria|Trattoria|Ristorante|"
    r"Osteria|Taberna|Reina|Rainha|Regina|Königin|Koningin)"
)
_PLACE_NOUN_BEFORE = re.compile(
    r"(?<![\w-])"
    + _PLACE_NOUNS
    + r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+los|del|de|d['’]|di|della|dello|degli|dei|du|des|do|da|dos|das))?"
    r"[ \t]+$"
)


_PLACE_NOUN_FIRST = re.compile(_PLACE_NOUNS + r"[ \t]+(?=[^\W\d_])")


def place_noun_first(text: str, start: int) -> bool:
    """The run at `start` opens with a place's noun of `_PLACE_NOUN_BEFORE` ("Galleria Vittorio
    Emanuele II", "Progetto Aurora"): the place's or the project's name, not a person's."""
    return _PLACE_NOUN_FIRST.match(text, start) is not None


def after_place_cue(text: str, start: int) -> bool:
    """What starts at `start` follows a place cue, maybe after other capitalised words of the
    place ("meteo Monte San Giovanni"), or an institution's noun and "de" ("Centro de Salud"): a
    place or an institution, not a person."""
    lo = max(0, start - PLACE_REACH)
    return (
        _PLACE_CUE.search(text, lo, start) is not None
        or _INSTITUTION_OF.search(text, lo, start) is not None
        or _INSTITUTION_SAINT.search(text, lo, start) is not None
        or _PLACE_NOUN_BEFORE.search(text, lo, start) is not None
        or place_noun_first(text, start)
    )


# a company's legal form after a name-like run ("Globex Corp", "Müller GmbH"): an organisation
# (the words in any case; the short forms as written, capitals: "Sas", "Ag", "Co" are surnames)
_COMPANY_FORMS = (
    "(?i:corp|corporation|inc|ltd|llc|plc|company|limited)|LLP|"
    r"GmbH|AG|KG|SA|SAS|SARL|SRL|SpA|SPA|BV|NV|AB|Oy|OY|S\.A|B\.V|N\.V|S\.p\.A|S\.r\.l"
)
_COMPANY_FORM = re.compile(rf"(?:[ \t]*+,[ \t]++|[ \t]++)(?:{_COMPANY_FORMS})(?![^\W\d_])")
COMPANY_WORD = re.compile(rf"(?:{_COMPANY_FORMS})")


# the compounds of Dutch and German that name an institution or a firm by their last part
# ("Wilhelmina Kinderziekenhuis", "Ärztekammer Berlin", "Vermeulen Belastingadvies")
_INSTITUTION_COMPOUNDS = (
    r"[A-ZÄÖÜ][^\W\d_]*(?:ziekenhuis|kliniek|klinikum|medizin|kammer|advies|makelaardij|apotheek|"
    r"apotheke|praxis|zentrum|centrum|versicherung|verzekeringen|gemeente|gemeinde|stichting|"
    r"vereniging|verein|kanzlei)"
)
INSTITUTION_COMPOUND = re.compile(_INSTITUTION_COMPOUNDS)
# an institution's noun after a name-like run: "St. Antonius Ziekenhuis", "Mayo Clinic"
_INSTITUTION_NOUNS = (
    r"Ziekenhuis|Gasthuis|Kliniek|Klinikum|Krankenhaus|Klinik|Hospital|Clinic|Medical Center|"
    r"Medisch Centrum|Universiteit|University|Universität|Gymnasium|College|"
    # an airport's, a team's, a council's, a letting agent's, a school's name ("Bristol Airport",
    # "Millbrook Rangers", "Eco Council", "Mwangi Property Lettings", "Jomo Kenyatta International";
    # not "Properties": a window's "Stephanie Gruber Properties" is a person's)
    r"Airport|Airways|Airlines|International|Council|Lettings|Estates|Rangers|United|"
    r"Academy|School|Surgery|Pharmacy|Dental|Museum|Library|Stadium|Foundation|Trust|Society|"
    r"Association|Holdings|Partners|"
    # a health service's, a law firm's, a station's or a hotel's ("Royal Berkshire NHS Foundation
    # Trust", "Morrow Kline Lawyers", "Gatwick North Terminal"; not "Dr A. Chakraborty NHS NO:")
    r"NHS(?=[ \t]+(?:Foundation|Trust|Hospital|Board))|"
    r"Lawyers|Solicitors|Attorneys|Terminal|Station|Hotel|Resort|"
    # a trade's or a utility's firm ("Ridgeline HVAC", "Yorkshire Water", "First Hawaiian Bank")
    r"HVAC|Plumbing|Roofing|Electrical|Landscaping|Motors|Logistics|Insurance|Bank|Water|Energy|"
    r"Builders|Construction|Biotech|Veterinary|Orthodontics|Orthopedics|Pediatrics|Realty|"
    # a nursery's or a preschool's ("Little Acorns Day Nursery", "Little Harbour Montessori")
    r"Nursery|Preschool|Pre-school|Montessori|Childcare|Kindergarten|Creche|Crèche|" + _INSTITUTION_COMPOUNDS
)
_INSTITUTION_AFTER = re.compile(rf"[ \t]+(?:{_INSTITUTION_NOUNS})(?![^\W\d_])")
INSTITUTION_WORD = re.compile(_INSTITUTION_NOUNS)


# what a street, a park or a building named after someone ends with ("Fulton Avenue", "Hollins
# Road", "Washington Cemetery", "Wesley Room"): the run before it names the place
_PLACE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:Road|Rd|Street|Avenue|Ave|Lane|Drive|Boulevard|Blvd|Close|Gardens|Square|Terrace|"
    r"Crescent|Bridge|Cemetery|Cathedral|Church|Chapel|Hall|Jobcentre|Room|Retail[ \t]+Park|"
    # a building's, a room's, a collection's or an award's named after one ("the Wilson Building",
    # "the Fitzgerald suite", "Brunel Collection", "Turing Lecture")
    r"Building|[Ss]uite|Collection|Theatre|Theater|Auditorium|Museum|Library|Institute|Foundation|"
    r"Memorial|Telescope|Lecture|Prize|Award|Medal|Scholarship|Fellowship|Wing|"
    # a house's, a centre's, a lab's, a ward's unit named after one ("Beatrice Webb House", "Maxwell
    # Centre", "Fiona Stanley Day Unit", "Howard Florey Dialysis Suite": a word may come between)
    r"House|Centre|Center|Lab|Laboratory|Unit|Pavilion|Stadium|Arena)(?![^\W\d_])"
)
# the same with one capitalised word before the noun ("Howard Florey Dialysis Suite")
# (not a unit's number after it: "3074 Steven Row Suite 268" is an address's street and unit)
_PLACE_NOUN_AFTER_WORD = re.compile(
    r"[ \t]+[A-Z][a-z]{2,}(?=[ \t])" + _PLACE_NOUN_AFTER.pattern + r"(?![ \t]*#?\d)"
)


# the nouns of `_PLACE_NOUN_AFTER` that are no one's surname: a run that ends with one ("Wall Street",
# "Lincoln Cemetery", "Tennyson Road") is the place (not "Hall", "Lane", "Church", "Close")
PLACE_NOUN_END = word_set(
    "road rd street avenue ave drive boulevard blvd gardens square terrace crescent cemetery cathedral "
    "jobcentre room building suite collection theatre theater auditorium museum library institute "
    "foundation memorial telescope lecture prize award medal scholarship fellowship wing "
    "house centre center lab laboratory unit pavilion stadium arena "
    # (a grove, a gate, a bridge: "Ladbroke Grove", "Notting Hill Gate", "Orwell Bridge"; "Andy Grove"
    # is lost, a rare surname against London's and every town's groves)
    "grove mews esplanade parkway gate bridge elementary brewery palace hippodrome montessori nursery"
)
# the last word of a park's, a hall's or a green's name that is a surname too ("Heaton Park", "Hyde
# Park", "Croke Park", "Clapham Common"): the place's where the word before it is no first name
# ("Jiwoo Park", "Sarah Hall", "Mary Green" stay names, and a Korean given name that the lists lack:
# "Sun-hee Park", "Jun Park")
SURNAME_PLACE_END = word_set("park hall green common heath fields tor")  # (German "Brandenburger Tor")


# the last word of a sports team's or a club's name ("Fitzroy Lions", "Adyar Strikers", "Leeds
# United", "Avondale Lions"): plural nouns no surname is, and clubs' own words
TEAM_NOUN_END = word_set(
    "lions tigers blues zebras kangaroos bullants strikers eagles sharks bears wolves panthers dragons "
    "warriors raiders rangers rovers wanderers saints bulldogs magpies cobras falcons titans giants jets "
    "royals chargers rebels spartans vikings pirates swans dockers crows demons bombers marlins dolphins "
    "cougars jaguars leopards rhinos stallions broncos mustangs hornets wasps bees owls ravens knights "
    "united albion athletic fc afc rfc cc"
)


# the last word of an app's, a page's or a document's name, never a surname's ("Wells Fargo Online",
# "Adobe Lightroom Classic", "Customer Onboarding Checklist", "Foxit PDF Reader", "Team Portal")
APP_WORD_END = word_set(
    "online banking login signin portal dashboard workspace checklist template runbook playbook reader "
    "viewer editor classic app apps tracker planner calculator converter generator uploader downloader "
    "settings preferences inbox outbox drafts homepage"
)
# the two as one: the last word of a run that makes it a team's or an app's name, no person's
NO_SURNAME_END = TEAM_NOUN_END | APP_WORD_END


# a possessive and the place or college named after someone ("King's College London", "King's
# Cross", "St John's Wood"; a saint's hospital or school stays masked: `test_pass28_places`)
_POSSESSIVE_PLACE_AFTER = re.compile(r"['’]s[ \t]+(?:College|Cross|Cathedral|Church|Chapel|Wood|Inn|Lynn)\b")


def place_noun_after(text: str, end: int) -> bool:
    """A street's or a building's noun follows `end` (`_PLACE_NOUN_AFTER`), or a possessive and a
    place's noun (`_POSSESSIVE_PLACE_AFTER`)."""
    after = (
        _PLACE_NOUN_AFTER.match(text, end)
        or _PLACE_NOUN_AFTER_WORD.match(text, end)
        or _POSSESSIVE_PLACE_AFTER.match(text, end)
    )
    return after is not None


# what a saint's name is the name of, after it and its possessive ("St. Mary's Cathedral", "St Jude's
# hall"): no one's; a hospital, a school or a trust after it is an organisation (an employer, a
# clinic), masked as a person's name is
_SAINTS_PLACE = re.compile(
    r"(?:['’]s?)?[ \t]+(?i:church|cathedral|chapel|hall|park|choir|parish|abbey|basilica|minster|square|"
    r"road|street|day|eve|gate|well|green|priory)\b"
)
_SAINT_BEFORE = re.compile(r"\b(?:St|ST|Saint|Ste|Sainte)\.?[ \t]$")


def saints_place_after(text: str, end: int) -> bool:
    """A saint's place's noun follows the name that ends at `end` (`_SAINTS_PLACE`)."""
    return _SAINTS_PLACE.match(text, end) is not None


def saints_place(text: str, start: int, end: int) -> bool:
    """The name is a saint's that names a place: "St" before it, a church's or a park's noun after
    it."""
    return _SAINT_BEFORE.search(text, max(0, start - 8), start) is not None and saints_place_after(text, end)


# a trade's or a firm's noun in the languages read, right before a surname: the firm is named after
# its owner ("Rechtsanwaltskanzlei Kessler & Partner", "Hausverwaltung Brandt", "Gestoría Domínguez",
# "Bakkerij Visser", "Advokatfirman Lindqvist"): an organisation, no person in the text's role
_FIRM_NOUNS = (
    r"(?<![\w-])(?:(?:Rechtsanwalts|Anwalts|Steuer|Patentanwalts)?[Kk]anzlei|Hausverwaltung|Steuerberatung|"
    r"Bäckerei|Metzgerei|Schreinerei|Malerbetrieb|Autohaus|Bestattungen|Gestoría|Asesoría|Notaría|"
    r"Inmobiliaria|Ferretería|Panadería|Talleres|Construcciones|Transportes|Pharmacie|Boulangerie|"
    r"Bakkerij|Slagerij|Advocatenkantoor|Notariskantoor|Makelaardij|Autobedrijf|Installatiebedrijf|"
    r"Agenzia|Carrozzeria|Autofficina|Studio[ \t]+(?:Legale|Notarile|Tecnico|Associato|Commerciale)|"
    r"Advokatbyrå(?:n)?|Advokatfirma(?:n)?|Begravningsbyrå|Padaria|Imobiliária|Advocacia|Contabilidade|"
    # Dutch practices, schools and homes named by an article and a noun ("Huisartsenpraktijk De Linde",
    # "OBS De Vlinder", "verpleeghuis Careyn", "Apotheek Het Spaarne")
    r"[Hh]uisartsen(?:praktijk|post)|[Tt]andarts(?:en)?praktijk|[Ff]ysiotherapie(?:praktijk)?|[Aa]potheek|"
    r"OBS|CBS|RKBS|[Bb]asisschool|[Kk]inderdagverblijf|[Vv]erpleeghuis|[Ww]oonzorgcentrum|[Zz]orgcentrum)"
)
_FIRM_NOUN_BEFORE = re.compile(_FIRM_NOUNS + r"[ \t]+\Z")
_FIRM_NOUN_OPENS = re.compile(_FIRM_NOUNS + r"[ \t]+(?=[^\W\d_a-zà-öø-ÿ])")


def firm_noun_before(text: str, start: int) -> bool:
    """A trade's or a firm's noun ends right before `start` or opens the run there
    (`_FIRM_NOUNS`)."""
    return (
        _FIRM_NOUN_OPENS.match(text, start) is not None
        or _FIRM_NOUN_BEFORE.search(text, max(0, start - 40), start) is not None
    )


def company_after(text: str, end: int) -> bool:
    """A company's legal form, an institution's noun or a shop's possessive and noun follows `end`:
    the words before it name an organisation ("Globex Corp", "St. Antonius Ziekenhuis", "Joe's
    Pizza")."""
    return (
        _COMPANY_FORM.match(text, end) is not None
        or _INSTITUTION_AFTER.match(text, end) is not None
        or _SHOP_AFTER.match(text, end) is not None
    )


_SHOP_AFTER = re.compile(
    r"['’]s[ \t]+(?:Pizza|Pizzeria|Kitchen|Bakery|Diner|Cafe|Café|Bar|Grill|Deli|Garage|Salon|Barbers?|Pub|"
    r"Tavern|Restaurant|Burgers?|Tacos|Fish|Chicken|Coffee|Market|Store|Shop|Hardware|Pharmacy|Motors|"
    r"Cleaners|Plumbing|Bistro|Noodles|Curry|Sushi|Bagels|Donuts|Creamery|Dairy|Furniture|Tyres|Tires)\b"
)


# a brand of two names joined by "&": the same name twice ("Johnson & Johnson"), the second with a
# possessive and a noun after it ("Ben & Jerry's Flavors"), or a firm's form or trade after the
# pair ("Hughes & Morgan LLP", "Harbour & Finch lettings"); two people keep their names ("Hope &
# Daniel Wright", "Anna & Ben are coming")
_AMPERSAND_PAIR = re.compile(r"([A-Z][a-z]+)[ \t]+&[ \t]+([A-Z][a-z]+)(['’]s[ \t]+[A-Z])?")
_TRADE_AFTER_PAIR = re.compile(
    r"[ \t]+(?i:lettings|solicitors|estate[ \t]+agents?|accountants|architects|associates|surveyors|"
    r"opticians|removals|sons|co)(?![^\W\d_]|-)"
)
# a route's arrow beside the word: "Paris → Bordeaux", "LHR -> JFK"
_ARROW_AFTER = re.compile(r"[ \t]*(?:→|->|⇒|⟶)")
_ARROW_BEFORE = re.compile(r"(?:→|->|⇒|⟶)[ \t]*$")


def brand_or_route(text: str, start: int, end: int) -> bool:
    """The run is one name of a brand joined by "&" (`_AMPERSAND_PAIR`) or a stop of a route
    beside an arrow ("Horaires Paris → Bordeaux | SNCF Connect"): no person."""
    if _ARROW_AFTER.match(text, end) or _ARROW_BEFORE.search(text, max(0, start - 4), start):
        return True
    if "&" not in text[max(0, start - 24) : end + 24]:
        return False
    for m in _AMPERSAND_PAIR.finditer(text, max(0, start - 24), min(len(text), end + 40)):
        if m.start() <= start < m.end(2) and (
            m.group(1) == m.group(2)
            or m.group(3)
            or company_after(text, m.end(2))
            or _TRADE_AFTER_PAIR.match(text, m.end(2)) is not None
        ):
            return True
    return False


# a clinical eponym names a sign, a disease, a scale, a manoeuvre or a device, not a person ("signo
# de Murphy", "ziekte van Crohn", "escala de Barthel", "sonda Foley", "Wagner graad 1", "Addison's
# disease"): the head noun before it (with "de", "van", "of" …) or the word after it, in the
# languages the rules read. A cue ("Dr. Murphy") still makes a person (the callers check the cue first).
_EPONYM_HEADS = (
    "signo|signe|sign|signs|teken|tekenen|zeichen|segno|sinal|objaw|enfermedad|ziekte|maladie|"
    "krankheit|morbus|malattia|morbo|doença|choroba|disease|síndrome|sindrome|syndroom|syndrome|"
    "syndrom|zespół|escala|schaal|scale|échelle|skala|índice|indice|index|score|criterios?|criteria|"
    "criteri|critères|kriterien|maniobra|manoeuvre|manöver|maneuver|manovra|manobra|prueba|proef|"
    "test|teste|prova|fractura|fractuur|fracture|fraktur|frattura|fratura|złamanie|ganglio|ganglion|"
    "nevus|naevus|nevo|sonda|sonde|catéter|cateter|catetere|catheter|katheter|reflejo|reflex|reflexe|"
    "riflesso|reflexo|odruch|hoek|ángulo|angle|angolo|ângulo|clasificación|classificatie|"
    "classification|klassifikation|classificazione|classificação|klasyfikacja|técnica|techniek|"
    "technique|technik|tecnica|ejercicios|oefeningen|exercises|exercices|übungen|esercizi|exercícios|"
    "tríada|triade|triad|fenómeno|fenomeen|phénomène|phenomenon|phänomen|fenomeno|quiste|cyste|cyst|"
    "kyste|zyste|cisti|cisto|úlcera|ulcus|ulcer|ulcère|linfoma|lymfoom|lymphoma|lymphom|sarcoma|"
    "sarcoom|sarkom|estadio|stadium|stade|grado|graad|método|methode|method|méthode|regla|regel|"
    "puntuación|puntaje|punteggio|pontuação|punktzahl|puntuatie|"
    "règle|regola|divertículo|divertikel|diverticulum|hernia|hernie|operación|operatie|maniobras|"
    # an inflammation, a disease of an organ ("tiroiditis de Hashimoto", "encefalopatía de Wernicke")
    r"[^\W\d_]+(?:itis|itide|ite|patía|pathy|pathie|patia|patie|patii)"
)
_EPONYM_PARTICLES = r"(?:de[ \t]+la|de[ \t]+l'|del|de|van|von|of|di|du|d'|da|do|der|des)"
_AND = r"(?i:y|e|and|en|und|et|i|o|or|of|oder|ou)"
_EPONYM_BEFORE = re.compile(  # "ejercicios de Codman y de Williams": a second one after "y", "and"
    rf"(?<![^\W\d_])(?i:{_EPONYM_HEADS})(?:[ \t]+(?i:{_EPONYM_PARTICLES}))?[ \t]*"
    rf"(?:[^\W\d_][\w'’-]*[ \t]+{_AND}[ \t]+(?:(?i:{_EPONYM_PARTICLES})[ \t]+)?)?$"
)
_EPONYM_OPENS = re.compile(rf"(?i:{_EPONYM_HEADS})[ \t]+(?i:{_EPONYM_PARTICLES})[ \t]+")
# (not "positive", "positief" …: "Jansen positief getest" is a patient who tested positive)
_EPONYM_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:(?:(?i:disease|syndrome|sign|test|score|scale|grade|stage|classification|fracture|"
    r"maneuver|manoeuvre|reflex|palsy|phenomenon|theorem|equation|constant|algorithm|"
    r"graad|stadium|schaal|classificatie|fractuur|grado|estadio|stade)"
    # (capitalised only, a proper noun's: "the Duke of Edinburgh's Award", "Murphy's Law"; not
    # "Tom's lecture on Friday", "Maria's award")
    r"|Award|Medal|Prize|Lecture|Law|Principle|Effect)"
    r"(?![^\W\d_])|(?:I{1,3}|IV|V)[a-c](?![^\W\d_]))"  # a grade: "Forrest IIb", "Gustilo IIIa"
)
# a drug after a treatment and "with" ("behandeling met Remicade", "gestart met Sinemet",
# "tratamiento con Adiro", "started on Eliquis"): a brand, not a person
_TREATED_WITH = re.compile(
    r"(?i:behandel\w*|gestart|begonnen|therapie|medicatie|tratamiento|tratado|iniciad[oa]|pautad[oa]|"
    r"treat\w*|started|therapy|behandlung|behandelt|traitement|traité|trattament\w*|trattat[oa]|"
    r"terapia|tratamento|tratad[oa]|leczenie|leczon[ya])"
    r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]+(?i:met|with|on|con|mit|avec|par|com|z|ze)[ \t]+$"
)


def drug_after_treatment(text: str, start: int) -> bool:
    """A capitalised word at `start` follows a treatment and "with": a drug's brand."""
    return _TREATED_WITH.search(text, max(0, start - 48), start) is not None


def eponym(text: str, start: int, end: int) -> bool:
    """The name-like run `text[start:end]` is a clinical eponym: after a head noun ("signo de",
    "ziekte van", "sonda"), opening with one ("Escala de Norton"), or before a grade, a stage or a
    disease ("Wagner graad 1", "Addison's disease", "Parkinson's", "Bell's palsy")."""
    lo = max(0, start - PLACE_REACH)
    return (
        _EPONYM_BEFORE.search(text, lo, start) is not None
        or _EPONYM_OPENS.match(text, start, end) is not None
        or _EPONYM_AFTER.match(text, end) is not None
        or _GRADE_END.search(text, start, end) is not None
        or scored_eponym(text, start, end)
        or disease_eponym(text, start, end)
    )


_GRADE_END = re.compile(r"[ \t](?:I{1,3}|IV|V)[a-c]$")  # the run took its grade in: "Forrest IIb"


# a window title's separators: "Subject - Name - App", "Page | Site", "Profile · Site"; the marks
# alone, for the patterns that read them with more around (`_title_handles`, `username`,
# `places_as_names`)
TITLE_MARKS = "-–—|·"
TITLE_SEPARATOR = re.compile(rf"[ \t][{TITLE_MARKS}][ \t]")


def app_segment(text: str, start: int, end: int) -> bool:
    """The run is a window title's last segment after two separators or more, one word, nothing after
    it on its line ("Ticket 4411 - Anna Berg cannot log in - Freshdesk", "Inbox (4) - … - Outlook"):
    the application or the site, not a person ("WhatsApp - Andrea Vidal" has one separator); not a
    listed first name ("Re: offer - contract - Jane": a name is missed costlier)."""
    line_end = text.find("\n", end)
    rest = text[end:] if line_end < 0 else text[end:line_end]
    word = text[start:end]
    if rest.strip() or any(c.isspace() for c in word) or lexicon().tags.get(word.lower()) & FIRST:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    seps = list(TITLE_SEPARATOR.finditer(text, line_start, start))
    return len(seps) >= 2 and seps[-1].end() == start


# large cities, states and countries that are also listed names somewhere ("Denver", "Boston",
# "Lagos", "Sydney", "Austin", "Vancouver"): after a preposition of place they are the place
PLACE_NAMES = word_set(
    """
    amsterdam antwerp athens atlanta auckland austin baltimore bangkok barcelona beijing berlin bern
    birmingham bogota bologna bombay bonn bordeaux boston brisbane bristol brussels bucharest
    budapest cairo calgary cambridge canberra cardiff charlotte chicago cleveland cologne copenhagen
    dallas delhi denver detroit dortmund dresden dubai dublin durban dusseldorf edinburgh eindhoven
    florence frankfurt geneva genoa glasgow gothenburg graz groningen hamburg hanover havana helsinki
    houston istanbul jakarta jersey johannesburg kampala karachi kiev krakow lagos leeds leipzig
    leicester lima lisbon liverpool london luxembourg lyon madison madrid manchester manila
    marseille melbourne memphis miami milan montreal moscow mumbai munich nairobi naples nashville
    newcastle nice nottingham oakland orlando osaka oslo ottawa oxford paris perth philadelphia
    phoenix pittsburgh porto portland prague quebec rabat regina riga rome rotterdam salzburg
    santiago seattle seoul seville shanghai sheffield singapore sofia stockholm stuttgart sydney
    tallinn tampa tokyo toronto toulouse turin utrecht valencia vancouver venice vienna vilnius
    warsaw washington wellington winnipeg york zagreb zurich
    alabama alaska arizona arkansas california carolina colorado connecticut dakota delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma
    oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming ontario alberta
    manitoba saskatchewan victoria queensland tasmania bavaria catalonia andalusia brittany
    scotland wales ireland england france germany spain italy portugal poland austria belgium
    netherlands holland denmark norway sweden finland greece turkey israel egypt nigeria kenya
    ghana india china japan korea vietnam thailand brazil argentina chile peru colombia mexico
    canada australia romania hungary ukraine russia
    """
)
# of `PLACE_NAMES`, the countries and regions no one is named after (not "Jordan", "Georgia",
# "India", "Kenya", "Holland", "Wales", "England", "France"): a place after any word
NO_ONES_NAME = word_set(
    """
    spain italy portugal poland austria belgium netherlands denmark norway sweden finland greece
    egypt nigeria ghana japan korea vietnam thailand brazil argentina chile peru colombia mexico
    canada australia romania hungary ukraine russia germany scotland bavaria catalonia andalusia
    """
)
# an airport's code after its name (not an officer's title: "Austin Miller (CEO)")
_IATA_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+)?[ \t]*\((?!(?:C[EFTOIMPSR]O|[ESA]VP|DPO|PhD|MBA|RGN|CPA)\))[A-Z]{3}(?:\)|$)"
)
_DATELINE = re.compile(r"[ \t]*(?:[—–]|--?)[ \t]")  # a news item's "LAGOS — …", "TACLOBAN – …"


def well_known_place(text: str, start: int, end: int) -> bool:
    """The run is a place whatever comes before it: a country, a state or a city no one is named
    after, a people's adjective, a place of two words or more, whole, or a news item's dateline
    ("LAGOS — Traders at …", a word in capitals at the line's start)."""
    low = " ".join(text[start:end].split()).lower()
    if place_or_people(low.removeprefix("a ").removeprefix("an ").removeprefix("the ")):
        return True  # (the model's span may take the article in: "A Kenyan runner")
    head = low.split(" ", 1)[0]
    if head in PLACE_NAMES and (_IATA_AFTER.match(text, end) or _IATA_AFTER.search(text, start, end)):
        return True  # "London Heathrow (LHR)", "Toronto Pearson (YYZ)": an airport
    word = text[start:end]
    return (
        word.isupper()
        and word.isalpha()
        and low in PLACE_NAMES
        and not text[text.rfind("\n", 0, start) + 1 : start].strip()
        and _DATELINE.match(text, end) is not None
    )


_PLACE_PREPOSITION = re.compile(
    # where something is, not whom one writes to or hears from ("I spoke to Austin", "from Sydney")
    r"(?i:\b(?:in|at|near|across|around|outside|inside|en|à|au|bij|te|w|we|nel|nella|no|na|em))[ \t]+"
    r"(?:(?:[^\W\d_][\w'’-]*)(?:[ \t]*,[ \t]*|[ \t]+(?i:and|or|y|e|en|und|et|i|o|oder|ou)[ \t]+))*$"
)


# a journey's words before "to", "from", "via": "a flight from London to Dubai", "flights to and
# from Paris, Lyon and Nice", "we're moving to Denver"
_JOURNEY_PREPOSITION = re.compile(
    r"(?i:\b(?:fl(?:y|ies|ew|ying|ights?)|travel\w*|trips?|journey\w*|mov(?:e|es|ed|ing)|relocat\w*|"
    r"dr(?:ive|ove|iving)|trains?|rail|bus|coach|ferry|route|visit\w*|holiday|vacation|head(?:ing|ed)|"
    r"commut\w*|return\w*|arriv\w*|depart\w*|transfer\w*|connecting|tickets?|fares?)\b"
    r"[^\n.!?]{0,40}?\b(?:to|from|via|between|through|into)(?:[ \t]+and[ \t]+(?:to|from))?)[ \t]+"
    r"(?:(?:[^\W\d_][\w'’-]*)(?:[ \t]*,[ \t]*|[ \t]+(?i:and|or)[ \t]+))*$"
)
# two places joined as a journey's ends: "London–Paris", "Paris - Lyon"
# (or across a route's "via": "to London via Singapore")
_PLACE_PAIR = re.compile(r"(?:[ \t]?[–—-][ \t]?|[ \t]+via[ \t]+)([^\W\d_][\w'’-]*)")
_PLACE_BEFORE_JOIN = re.compile(r"([^\W\d_][\w'’-]*)(?:[ \t]?[–—-][ \t]?|[ \t]+via[ \t]+)$")


# an address's part before the town after a comma: "Fishergate Shopping Centre, Preston", "Royal
# Women's Hospital, Melbourne"
_ADDRESS_PART_BEFORE = re.compile(
    rf"(?:{_INSTITUTION_NOUNS}|Road|Rd|Street|Avenue|Ave|Lane|Drive|Way|Centre|Center|Mall|Market|"
    r"Park|Square|Estate|Building|House|Tower|Plaza)\.?[ \t]*,[ \t]*$"
)


# a US state's or a Canadian province's code after a town and a comma: "Austin, TX", "Regina, SK"
# (not the codes that are words in capitals: "Call Austin, OK?", "HI", "IN", "ME", "OR")
_REGION_AFTER = re.compile(
    r",[ \t]*(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|I[ADL]|K[SY]|LA|M[ADINOST]|N[CDEHJMVY]|OH|PA|RI|S[CD]|"
    r"T[NX]|UT|V[AT]|W[AIVY]|AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)(?![\w'’-])(?![ \t]*[?!])"
)


def named_place(text: str, start: int, end: int) -> bool:
    """The one-word run is a large city, a state or a country after a preposition of place,
    maybe after other places and "and" ("in Boston and Denver", "at home in Denver"), after a
    journey's "to" or "from" ("a flight from London to Dubai"), or beside another such place
    across a dash ("London–Paris"): the place, not a person (a cue still makes one: "Dr. Austin";
    "to" and "from" alone are not enough: "I spoke to Austin")."""
    if well_known_place(text, start, end):
        return True
    word = text[start:end]
    if any(c.isspace() for c in word) or not (word.lower() in PLACE_NAMES or big_town(word.lower())):
        return False
    if word.lower() in NO_ONES_NAME:
        return True  # "Overflights to Spain, Portugal and Italy": no person is called so
    if _PLACE_PREPOSITION.search(text, max(0, start - PLACE_REACH), start) is not None:
        return True
    if _ADDRESS_PART_BEFORE.search(text, max(0, start - 40), start) is not None:
        return True
    if _REGION_AFTER.match(text, end) is not None:
        return True  # "Crew Member - Austin, TX": a town and its state's code
    line = text.rfind("\n", 0, start) + 1
    if _JOURNEY_PREPOSITION.search(text, max(line, start - PLACE_REACH - 40), start) is not None:
        return True
    after = _PLACE_PAIR.match(text, end)
    before = _PLACE_BEFORE_JOIN.search(text, max(0, start - 24), start)
    return any(m is not None and m.group(1).lower() in PLACE_NAMES for m in (after, before))
