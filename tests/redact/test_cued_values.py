"""Values that their key, label or command makes private, whatever they look like: credentials in
environment variables and on command lines, bank accounts after an account label (checksum or
not), P.O. boxes, and the edges of addresses and names (town names with particles, the second
half of a postcode, street types beyond the USPS table, particles after a title or initials).

The values here are made up for this file (not the held-out sets' templates); each private one must
leave no part of itself in the redacted text, and the clean lines must come back unchanged.
"""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor, registry


@pytest.fixture(scope="module")
def redactor() -> TextRedactor:
    return TextRedactor()


# (text, the private value in it)
PRIVATE = [
    # an environment variable or config key that ends in a credential word, after "_", "-" or "."
    ("HF_TOKEN=4f1c2e9a7b3d5f6a8c0e1b2d3f4a5c6e7b8d9f0a", "4f1c2e9a7b3d5f6a8c0e1b2d3f4a5c6e7b8d9f0a"),
    ("ENV NPM_AUTH_TOKEN=93ac51d20b7e4f68a1c2d3e4f5a6b7c8", "93ac51d20b7e4f68a1c2d3e4f5a6b7c8"),
    ("export SENTRY_API_KEY=kq83nd0s1m2p", "kq83nd0s1m2p"),
    ("  redis.password: Zebra-Lamp-77", "Zebra-Lamp-77"),
    ('refresh_token = "c29tZXRoaW5nLXJhbmRvbQ"', "c29tZXRoaW5nLXJhbmRvbQ"),
    ("x-api-key: 51f0aa09be", "51f0aa09be"),
    # a password handed to a command
    ("curl -u deploy:Gr4nite_Owl https://registry.internal/v2/", "Gr4nite_Owl"),
    ("curl --user=ops:marmalade https://ci.internal/job", "marmalade"),
    ("mysqldump -h db1 -u backup -pW1nterMoon shop > shop.sql", "W1nterMoon"),
    ("sshpass -p lighthouse9 ssh pi@10.0.0.7", "lighthouse9"),
    ("smbclient //nas/share -U anna%Sommer2025", "Sommer2025"),
    # an IBAN-shaped value after an account label, checksum or not, in several languages
    ("Cuenta bancaria: CO12ABCD3456789012345", "CO12ABCD3456789012345"),
    ("Kontonummer: DE00 1234 5678 9012 3456 78", "DE00 1234 5678 9012 3456 78"),
    ("Numero di conto IT00X0123456789012345678901", "IT00X0123456789012345678901"),
    ("n° de compte FR00 1234 5678 9012 3456 7890 123", "FR00 1234 5678 9012 3456 7890 123"),
    ("Rekeningnummer NL00ABCD0123456789", "NL00ABCD0123456789"),
    ("Bank account: GB00WXYZ1234567890123", "GB00WXYZ1234567890123"),
    # a P.O. box and its number
    ("Antwoordnummer: Postbus 40213, 2500 GE Den Haag", "Postbus 40213"),
    ("Send the forms to P.O. Box 3318", "P.O. Box 3318"),
    ("Envíe la carta al Apartado de correos 1207", "Apartado de correos 1207"),
    ("Anschrift: Postfach 11 22 33", "Postfach 11 22 33"),
    ("Casella postale 418, Bologna", "Casella postale 418"),
    ("Caixa postal 77012", "Caixa postal 77012"),
    # the whole town, particles and all; the second half of a postcode
    ("Lieferung an Ringstraße 4, 6020 Innsbruck an der Sill, bitte", "Innsbruck an der Sill"),
    ("Mail it to 88 Cedar Road, Halifax, NS B3H 1A1 please", "B3H 1A1"),
    ("Our office: 14 Queen Street, Leeds LS1 2TW", "LS1 2TW"),
    # street types beyond the USPS table (Australia Post, India), a slashed house number
    ("Delivery: 27 Marlow Esplanade, Cairns", "27 Marlow Esplanade"),
    ("Deliver to 5 Kestrel Laneway, Hobart", "5 Kestrel Laneway"),
    ("Flat 12/44, Verma Marg, Jaipur", "Verma Marg"),
    # a name that opens with particles after a title, or after initials
    ("Consult bij dr. van den Broek morgen", "van den Broek"),
    ("Verslag van mevr. de Wit", "de Wit"),
    ("R. van Loon heeft gebeld", "R. van Loon"),
    # a login name after a bare label, as a form or a table shows it
    ("Username marta.k91", "marta.k91"),
    ("Gebruikersnaam | p_devries", "p_devries"),
    ("Benutzername: h.maier-7", "h.maier-7"),
    ("Username [t.okafor", "t.okafor"),  # a field's border read as "["
    ("Username | jkowalski", "jkowalski"),
    # a place cue does not hide the person after it
    ("Hotels in Bath booked by Dr. Anna Weber", "Anna Weber"),
    # words joined by hyphens are a password after "password:" (not after a bare label)
    ("wifi password: correct-horse-battery", "correct-horse-battery"),
]

CLEAN = [
    "docker run -u 1000:1000 alpine id",
    "mkdir -p build/output && cd build",
    "psql -U postgres -d shop",
    "curl -u $CI_USER:$CI_PASS https://example.org/api",
    "max_tokens=4096 temperature=0.2",
    "TOKEN_FILE=/run/secrets/token",
    "Model number AB12 CDEF 3456",
    "BP 120/80, pulse 72",
    "Box 12 of the shipment was damaged",
    # a place after a weather, map, hotel or flight word, in any language
    "Weather in Lyon",
    "Wetter in Graz",
    "Hoteles en Cádiz",
    "Flights to Porto",
    "Carte de Annecy",
    "Meteo a Lecce",
    "weerbericht Zierikzee",
    # platform names and dot-directories
    "aarch64",
    "ls $HOME/.cache/pip",
    # everyday words of other languages that a name list holds
    "Klima und Umwelt",
    "Clima y tiempo",
    "Username required",
    "Login with Google",
    "Account | Settings | Help",
    # a form's labels as OCR reads them: a bare password label, then the next label
    "Password One-time code",
    "Passwort Self-Service-Portal",
]


@pytest.mark.parametrize(("text", "value"), PRIVATE, ids=[v for _, v in PRIVATE])
def test_a_cued_value_leaves_nothing_behind(redactor: TextRedactor, text: str, value: str) -> None:
    out = redactor.redact(text).text
    assert out is not None
    assert value not in out, out
    for part in value.replace(",", " ").split():
        if len(part) >= 3 and part.lower() not in ("box", "p.o.", "postfach", "postbus", "der", "an"):
            assert part not in out, (part, out)


@pytest.mark.parametrize("text", CLEAN)
def test_what_only_looks_cued_is_left_alone(redactor: TextRedactor, text: str) -> None:
    assert redactor.redact(text).text == text


# the name rule alone: capitalised clinical terms that no name list holds, and lower-case words that
# some locale's list does, in lines that write capitals (made-up lines, not the held-out templates)
RULE_CLEAN = [
    "Tratamiento al alta: Ibuprofeno 600 mg y cena ligera.",
    "Patiënt werd gezien op de afdeling Interne.",
    "Exploración Física: consciente y orientada.",
    "Se observa Ritmo Sinusal sin cambios.",
    "Beleid: Verdere Controle bij de huisarts.",
]
RULE_NAMES = [
    ("thanks anna, see you", "anna"),
    ("Informe de alta de Marisol Quintero Lagos (historia 4471).", "Marisol Quintero Lagos"),
    ("gesprek met Joost de Vries over de uitslag", "Joost de Vries"),
]


@pytest.mark.parametrize("text", RULE_CLEAN)
def test_the_name_rule_leaves_terms_and_lower_case_words(text: str) -> None:
    (det,) = registry.build(["person"])
    assert [text[s.start : s.end] for s in det.detect(text)] == []


@pytest.mark.parametrize(("text", "name"), RULE_NAMES)
def test_the_name_rule_still_finds_names(text: str, name: str) -> None:
    (det,) = registry.build(["person"])
    assert name in [text[s.start : s.end] for s in det.detect(text)]
