"""Clinical eponyms that stand without their head noun: a scale, a classification, a sign or a
device named after someone and written as a note writes it, before its score or grade ("Barthel
45", "Gleason 4+4", "Forrest III", "Clark level IV", "McMurray positivo") or after the word it
qualifies ("Eco-Doppler", "biplane Simpson", "tipo Colles"). `_places.eponym` reads the head nouns
("signo de Murphy", "escala de Barthel"); these names are listed because a surname alone before a
number is otherwise a person ("Murphy 2" of a list of people is still one: only a listed name
reads so)."""

from __future__ import annotations

import re

# scales, scores and classifications; signs and manoeuvres; devices and methods (general medical
# knowledge, the forms a note writes; not drawn from any labelled set). Eponyms that are common
# surnames and read as one before a number in a list of people (Smith, Thomas, Bishop, Wells,
# Fisher, Weber …) are left out.
_NAMES = (
    "Barthel|Glasgow|Gleason|Forrest|Wagner|Pfeiffer|Breslow|Clark|Apgar|Norton|Braden|Karnofsky|"
    "Killip|Mallampati|Ranson|Gustilo|Fontaine|Rutherford|Epworth|Hinchey|"
    "Child-Pugh|Child|Pugh|Hoehn|Yahr|Lawton|Katz|Tinetti|Downton|Charlson|Rockall|Blatchford|"
    "Wexner|Bristol|Fazekas|Bosniak|Kellgren|Kellgren-Lawrence|Outerbridge|Mobitz|Wenckebach|Lown|"
    "Caprini|Villalta|Aldrete|Ramsay|Oswestry|Schatzker|Neer|Salter-Harris|Hunt-Hess|Spetzler|"
    "Boston|Paris|Ann[ \t]Arbor|Los[ \t]Angeles|Lugano|Masaoka|Enneking|Binet|Nottingham|Elston|"
    "Bethesda|Tokyo|Atlanta|Savary-Miller|Zargar|Borrmann|Siewert|Couinaud|"
    "McMurray|Lachman|Murphy|Blumberg|Rovsing|Lasègue|Babinski|Romberg|Kernig|Brudzinski|Homans|Tinel|"
    "Phalen|Finkelstein|Trendelenburg|Lhermitte|Chvostek|Trousseau|Kussmaul|Cheyne-Stokes|Valsalva|"
    "Dix-Hallpike|Epley|Rinne|Schirmer|Snellen|Nikolsky|Kehr|McBurney|Giordano|"
    "Doppler|Holter|Foley|Swan-Ganz|Seldinger|Kerley|Dawson|Simpson|Colles|Monteggia|Galeazzi|"
    "Maisonneuve|Rolando|Lisfranc|Chopart|Whipple|Nissen|Billroth|Pfannenstiel|"
    "Mantoux|Coombs|Gram|Ziehl-Neelsen|Giemsa|Papanicolaou|Friedewald|Cockcroft-Gault|Guedel|Venturi"
)
# (with the test it names glued before it, "Eco-Doppler", or the grade a run took in, "Forrest III")
_NAME = re.compile(rf"(?:(?i:eco|echo|angio|duplex)-)?(?:{_NAMES})(?:[ \t](?:I{{1,3}}|IV|VI?)[a-cA-C]?)?")
# what follows a scale's or a sign's name in a note: a score, a grade, a stage, its result
_SCORE_AFTER = re.compile(
    r"[ \t]*(?:\(|:)?[ \t]*(?:\d|(?:I{1,3}|IV|VI?)(?:[a-cA-C])?(?![^\W\d_])|"
    r"(?i:level|nivel|niveau|grado|grade|graad|grad|tipo|type|typ|stadium|estadio|stage|stade|"
    r"previo|actual|al[ \t]alta|al[ \t]ingreso|basal|score|punt\w*|positiv[oae]?|negativ[oae]?|"
    r"positief|negatief|positif|positive|négatif|negative|color|kleur|couleur|farbe|venoso|arterial|"
    r"veneus|arterieel|24[ \t]?h|de[ \t]24|bilateral|izquierd[oa]|derech[oa]|links|rechts)(?![^\W\d_]))"
)
# the word a device, a method or a sign qualifies, just before it ("Eco-Doppler", "biplane Simpson",
# "fractura tipo Colles", "líneas B de Kerley", "positieve echografische Murphy")
_QUALIFIED_BEFORE = re.compile(
    r"(?:(?i:eco|echo|duplex|ecografía|echografie)-|(?i:biplane|biplano|ecográfico|ecográfica|"
    r"echografische|echografisch|sonographic|tipo|type|typ|signo|teken|sign|método|methode|método|"
    r"sonda|catéter|katheter|al|flujo|flow|dedos[ \t]de|líneas[ \t]B[ \t]de|B-lijnen[ \t]van|"
    r"lines[ \t]of|según|volgens|by)[ \t]+)$"
)


def scored_eponym(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a listed clinical eponym before its score, grade or result, or after
    the word it qualifies."""
    if _NAME.fullmatch(text, start, end) is None:
        return False
    return (
        _SCORE_AFTER.match(text, end) is not None
        or _QUALIFIED_BEFORE.search(text, max(0, start - 24), start) is not None
    )


# diseases a note, a leaflet or a charity names by the possessive alone ("Parkinson's support group",
# "diagnosed with Hashimoto's last year", "Alzheimer's Society"): surnames rare enough that "X's"
# is the disease wherever no title or first name stands before it (the callers check cues first)
_DISEASES = (
    "Alzheimer|Parkinson|Crohn|Huntington|Hashimoto|Tourette|Asperger|Hodgkin|Addison|Cushing|"
    "Sjögren|Sjogren|Ménière|Meniere|Kawasaki|Dupuytren|Peyronie|Hirschsprung|Behçet|Behcet|"
    "Wilms|Ewing|Kaposi|Burkitt|Guillain-Barré|Guillain-Barre|Creutzfeldt-Jakob|Osgood-Schlatter|"
    "Tay-Sachs|Ehlers-Danlos|Marfan|Duchenne|Munchausen|Münchausen|Stargardt|Wernicke|Korsakoff|"
    "Klinefelter|Prader-Willi|Angelman|Legionnaires|Charcot-Marie-Tooth|Niemann-Pick|Gaucher|Fabry|"
    # and as German notes name them after "M." or "Morbus" ("M. Basedow", "Morbus Bechterew"; not
    # surnames a French "M." names: "M. Raynaud", "M. Wilson")
    "Basedow|Bechterew|Meulengracht|Scheuermann|Sudeck|Ledderhose|Perthes|Waldenström|Kahler"
)
_DISEASE = re.compile(rf"(?:{_DISEASES})(?:['’]s|['’])?")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?![^\W\d_])|-(?=[^\W\d_]{4})")  # or joined: "Alzheimer-Demenz"
_MORBUS_BEFORE = re.compile(r"\b(?:M\.|Morbus|morbus)[ \t]+$")
# what names a disease after a surname that many people share ("Bell's palsy", "Graves' disease",
# "Barrett's oesophagus", "Down's syndrome"): the callers' list ("disease", "syndrome") and these
_DISEASE_AFTER = re.compile(
    r"(?:['’]s|['’])?[ \t]+(?:[^\W\d_]+(?:itis|oma|pathy|opathy|trophy)|oesophagus|esophagus|"
    r"dementia|disorder|tumou?r|contracture|ulcer|lymphoma|sarcoma|cyst|palsy|ataxia|dystrophy|"
    r"encephalopathy|neuroma|phenomenon|chorea|anomaly)(?![^\W\d_])",
    re.IGNORECASE,
)


def disease_eponym(text: str, start: int, end: int) -> bool:
    """`text[start:end]` names a disease after someone: a listed one before its possessive
    ("Parkinson's", "Graves'" is not listed: many share it), joined to its word ("Alzheimer-Demenz")
    or after German's "M." or "Morbus" ("M. Basedow"), or any one-word name before a disease's word
    ("Bell's palsy", "Hashimoto's thyroiditis")."""
    word = text[start:end]
    if any(c.isspace() for c in word) and not word.startswith(("M. ", "Morbus ")):
        return False
    if _DISEASE_AFTER.match(text, end) is not None:
        return True
    if word.startswith(("M. ", "Morbus ")):  # the span took its "M." in: "M. Parkinson"
        word = word.split(" ", 1)[1]
        start = end - len(word)
    if _DISEASE.fullmatch(word) is None:
        return False
    return (
        word.endswith(("'s", "’s"))
        or _POSSESSIVE_AFTER.match(text, end) is not None
        or _MORBUS_BEFORE.search(text, max(0, start - 8), start) is not None
    )
