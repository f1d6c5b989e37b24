"""The words of streets, per kind, as regex alternations: suffix words ("Road", "straat" as a word,
"gade"), prefix words ("rue", "Calle", "ul.", "C/"), glued endings ("Nassaustraat", "Auerstrasse"),
the rest of the USPS suffix table, and Dutch endings that are words too. The address rule builds
its regexes and its batch gate from them (`address.py`, `_address_gate.py`)."""

from __future__ import annotations

SUFFIX_WORDS = (
    "street|st|road|rd|avenue|ave|av|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|square|sq|"
    "terrace|ter|crescent|cres|close|highway|hwy|parkway|pkwy|circle|cir|trail|trl|row|alley|plaza|"
    "mews|grove|gardens|gdns|walk|pike|esplanade|parade|quay|wharf|causeway|expressway|freeway|"
    "straße|strasse|str|weg|gasse|platz|allee|ring|damm|ufer|chaussee|straat|laan|plein|gracht|kade|"
    "steeg|vej|gade|gata|gatan|vägen|väg|veien|gate|katu|tie|utca|út|útja|tér|rkp|krt|körút|allé|"
    "vænge|gränd|stig|backe|torg|torget|"
    "ulice|třída|náměstí|nám|sokak|sokağı|cadde|caddesi|bulvarı|yolu"
)
PREFIX_WORDS = (
    "rue|avenue|allée|allee|chemin|boulevard|place|impasse|quai|cours|route|calle|avenida|avda|"
    "carrera|camino|paseo|plaza|rua|travessa|largo|praça|via|viale|piazza|corso|vicolo|strada|"
    "ulica|aleja|plac|osiedle|ulitsa|улица|проспект|переулок|бульвар|οδός|λεωφόρος|πλατεία|jalan|"
    "calea|bulevardul|stretto|contrada|borgo|piazzale|rotonda|alameda|rodovia|estrada|sítio|"
    "conjunto|lagoa|morro|quadra|setor|vila|chácara|fazenda|núcleo|residencial|loteamento|vereda|"
    "ladeira|parque|πάροδος|pasaje|pasadizo|glorieta|travesía|callejón|costanilla|"
    # Catalan ("Carrer de Sardenya 212", "Passeig de Gràcia 43", "Avinguda Diagonal 611")
    "carrer|passeig|avinguda|travessera|rambla|"
    # Welsh ("3 Heol y Felin", "5 Stryd y Castell", "Ffordd", "Lôn", "Rhodfa", "Cilgant") and
    # Pakistan's avenues ("14-C Khayaban-e-Shamsheer")
    "heol|stryd|ffordd|lôn|rhodfa|cilgant|khayaban|"
    # abbreviations only with their dot ("c/" not before hours or days: "paracetamol 1 g c/8h",
    # "curas c/48h" are a dose's interval)
    r"bd\.|c/\.|c/(?![ \t]?\d+[ \t]?(?:h|hs|horas?|d|d[ií]as?)\b)|"
    r"avda\.|ctra\.|pza\.|ul\.|al\.|pl\.|os\.|ул\.|пр\.|пер\.|οδ\.|λεωφ\.|jl\.|str\.|av\."
)
GLUED_ENDINGS = (
    "straße|strasse|str\\.|straat|gasse|weg|laan|vej|gade|gata|gatan|vägen|veien|katu|tie|allee|"
    "platz|plein|gracht|kade|steeg|damm|ufer|utca|útja|gränd|stigen|backen|torget|torv|vænget|alle|"
    # Dutch streets that end in a canal's, a dike's or a rampart's word ("Coolsingel", "Zeedijk",
    # "Weteringschans", "Oudezijds Voorburgwal"): compounds of these are streets, not prose
    "singel|dijk|dreef|schans|burgwal"
)
# the rest of the USPS suffix table (Publication 28, C1; Faker's en_US streets use all of it):
# words of ordinary prose too ("3 key points", "a 5 mile run"), so only capitalised and after a
# house number and capitalised words: "1032 Michael Course", "7776 Amber Stream"
USPS_MORE = (
    "branch|bridge|brook|brooks|burg|burgs|bypass|camp|canyon|cape|center|centers|circles|cliff|"
    "cliffs|club|common|corner|corners|course|courts|cove|coves|creek|crest|crossing|crossroad|curve|"
    "dale|dam|divide|drives|estate|estates|extension|extensions|fall|falls|ferry|field|fields|flat|"
    "flats|ford|fords|forest|forge|forges|fork|forks|fort|garden|gateway|glen|glens|green|greens|"
    "groves|harbor|harbors|haven|heights|hill|hills|hollow|inlet|island|islands|isle|junction|"
    "junctions|key|keys|knoll|knolls|lake|lakes|land|landing|light|lights|loaf|lock|locks|lodge|loop|"
    "mall|manor|manors|meadow|meadows|mill|mills|mission|motorway|mount|mountain|mountains|neck|"
    "orchard|oval|overpass|park|parks|parkways|pass|passage|path|pine|pines|plain|plains|point|"
    "points|port|ports|prairie|radial|ramp|ranch|rapid|rapids|rest|ridge|ridges|river|roads|route|"
    "run|shoal|shoals|shore|shores|skyway|spring|springs|spur|spurs|squares|station|stravenue|stream|"
    "streets|summit|throughway|trace|track|trafficway|tunnel|turnpike|underpass|union|unions|valley|"
    "valleys|viaduct|view|views|village|villages|ville|vista|walks|wall|ways|well|wells|"
    # Australia Post's street types (AS 4590) beyond the USPS table, less its everyday words ("End",
    # "Top", "Line", "Link"), and India's (nagar, marg, chowk, ganj)
    "alleyway|amble|anchorage|approach|arcade|bend|brae|broadway|brow|byway|centre|centreway|chase|"
    "circlet|circuit|circus|colonnade|concourse|copse|corso|courtyard|crossway|dell|driveway|"
    "fairway|firetrail|footway|foreshore|frontage|glade|grange|gully|highroad|laneway|lees|lookout|"
    "meander|mew|nook|outlook|parklands|pathway|piazza|plateau|promenade|quadrant|quays|ramble|"
    "reserve|retreat|ridgeway|rise|riverway|riviera|roadway|ronde|rotary|siding|slope|strand|"
    "thoroughfare|tollway|tor|vale|villas|walkway|wynd|nagar|marg|chowk|ganj|"
    # British rows of houses named as one ("7 Mill Race Cottages", "2 Church Yard", "4 Holly Croft")
    "cottages|yard|croft|fold"
)
GLUED_NUMBERED = "boulevard|hof|baan|dijk|singel|dreef|markt|erf|hoven|kamp"
