"""A car's make and model, which the name rules read as a person's first name and surname ("Kia
Sorento", "Ford Mustang", "Toyota Hilux"): an insurer's claim, a rental's vehicle, a ride's car
name them beside their owners. Written from general knowledge as hard negatives (issue 11: "product
names"); a make alone ("Ford", "Kia") stays a name, and so does a make before a word that is no
model ("Kia Thompson")."""

from __future__ import annotations

from .lexicon import word_set

_MAKES = word_set(
    """
    ford toyota kia honda nissan hyundai mazda subaru volkswagen vw bmw audi mercedes mercedes-benz
    tesla volvo peugeot renault citroën citroen fiat skoda škoda seat opel vauxhall mitsubishi suzuki
    lexus jeep chevrolet chevy dodge holden mini porsche jaguar polestar byd dacia cupra genesis
    lincoln cadillac buick gmc chrysler ram acura infiniti alfa maserati lamborghini ferrari bentley
    rivian lucid smart land-rover range
    """
)
_MODELS = word_set(
    """
    mustang fiesta focus ranger transit kuga puma escape explorer bronco f-150 mondeo galaxy everest
    hilux prius corolla camry yaris rav4 land auris aygo highlander tacoma tundra supra chr c-hr
    sorento niro sportage picanto rio ceed stonic soul stinger carnival telluride ev6 ev9
    civic accord jazz cr-v hr-v fit
    leaf qashqai juke micra navara x-trail note patrol ariya
    tucson i10 i20 i30 kona ioniq santa elantra
    mx-5 cx-5 cx-30 cx-3 mazda2 mazda3 demio
    outback forester impreza xv crosstrek legacy
    golf polo passat tiguan touareg up id.3 id.4 t-roc arteon beetle
    a3 a4 a6 q3 q5 q7 e-tron
    model cybertruck
    xc40 xc60 xc90 v60 s60 ex30
    clio megane captur kangoo zoe twingo scenic 208 308 3008 2008 partner
    panda punto tipo 500 ducato
    octavia fabia superb kodiaq karoq enyaq
    ibiza leon arona ateca
    corsa astra mokka insignia
    outlander pajero triton lancer eclipse
    swift vitara jimny ignition
    wrangler cherokee compass renegade
    camaro corvette silverado spark malibu
    ute commodore
    cooper countryman
    cayenne macan taycan
    sandero duster logan
    navigator aviator corsair nautilus escalade lyriq enclave encore yukon sierra pacifica mdx rdx
    integra q50 qx60 giulia stelvio ghibli levante urus huracan continental bentayga r1s r1t air rover
    """
)


def car_make(word: str) -> bool:
    """`word` is a car's make as written, capitalised ("Toyota", "VW")."""
    return word[:1].isupper() and word.lower() in _MAKES


def car_model(value: str) -> bool:
    """`value` ("Kia Sorento", "Ford Mustang GT") opens with a car's make and its model."""
    words = value.lower().split()
    return len(words) >= 2 and words[0] in _MAKES and words[1] in _MODELS
