"""Rows shaped like a PII library's recognizer tests: one entity each, or a near miss that holds
none. Written for this test (issue 11, eighteenth pass) before they were run: every entity row
was masked, and 2 of 20 near misses were touched (a four-part version read as an IPv4 address, an
amount with its currency read as a street by the model); the fixes were designed on them, so
these are regression cases of the kind. The Spanish and Dutch clinical lines beside them: a
second surname joined by "y" or "i" was left visible, and the model read "de" of "van de klant"
as a name."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

RED = TextRedactor()

NEAR_MISSES = [
    "the version is 4.12.3.1 and the build is 20231104",
    "Version: 10.0.19045.3693",
    "my ip: 192.168.0",
    "invalid card 4012-8888-8888-1882",
    "order number 1234-5678-9012 shipped today",
    "ISBN 978-3-16-148410-0",
    "total: 1,234,567.89 EUR",
    "the hash is 5d41402abc4b2a76b9719d911017c592",
    "Windows 10 version 22H2 build 19045.3693",
    "apt install python3.11 libssl-dev=3.0.2-0ubuntu1",
    "coordinates 48.8584, 2.2945",
    "the invoice dated 2024-03-15 is overdue",
    "het adres van de klant is bekend",
    "De dijk is hersteld.",
    # from the topic batches of the same pass: a Dutch article at a line's start read as a surname,
    # and a French article between two words read by the model as a name's particle
    "Het postoperatieve beloop was ongecompliceerd.",
    "Le client a validé la maquette, on peut lancer le développement.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_is_kept(text: str) -> None:
    assert RED.redact(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my ip address is 203.0.113.45", "203.0.113.45"),
        ("my ip is 4.12.3.1", "4.12.3.1"),  # no version named before it: an address
        ("connect to 2001:0db8:85a3:0000:0000:8a2e:0370:7334 please", "8a2e:0370:7334"),
        ("IBAN: DE75 5121 0800 1245 1261 99", "1245 1261"),
        ("passport number 912803456 issued in Ohio", "912803456"),
        ("The NHS number is 943 476 5919", "476 5919"),
        ("Codice fiscale: RSSMRA85T10A562S", "RSSMRA85T10A562S"),
        ("BSN 111222333 van de klant", "111222333"),
        ("account holder: Priya Natarajan", "Natarajan"),
        ("the package goes to 1600 Amphitheatre Parkway, Mountain View, CA 94043", "Amphitheatre"),
        ("Se envía copia al Dr. Ramón Castells i Puig, Hospital de Sant Pau.", "Puig"),
        ("El filósofo José Ortega y Gasset escribió mucho.", "Gasset"),
        ("Atendido por Santiago Ramón y Carreño.", "Carreño"),
        ("Domicilio: C/ Doctor Fleming 14, 3.º B, 46010 Valencia.", "Fleming 14"),
        ("Verwezen door huisarts dr. H. van Dijk, Dorpsstraat 12, 3421 AB Oudewater.", "Dorpsstraat 12"),
        # a letters batch of the same pass: a Dutch street with no street word the rule knew
        ("uw aanvraag voor de woning aan de Weteringschans 118-2 is ontvangen.", "Weteringschans"),
        ("Ik woon op de Coolsingel 40 in Rotterdam.", "Coolsingel 40"),
    ],
)
def test_an_entity_row_is_masked(text: str, value: str) -> None:
    assert value not in RED.redact(text).text


def test_a_first_name_after_y_opens_a_name_of_its_own() -> None:
    out = RED.redact("Carlos Pérez y Ana López vinieron.")
    assert out.text == "[PERSON] y [PERSON] vinieron."


# names of the language's own locales that its clinical text writes as everyday words
# (`build_frequent_words.NATIVE_WORDS`): kept at a line's start, still names with a surname or a cue
@pytest.mark.parametrize(
    "text",
    [
        "Donna di 45 anni con dolore toracico da due giorni.",
        "Alta a domicilio con su hija.",
        "Alta hospitalaria el día 12.",
        "Refiere Dolores abdominales tipo cólico desde la mañana.",
        "Rosa mosqueta para la cicatriz, dos veces al día.",
        "Chiara la diagnosi di polmonite.",
    ],
)
def test_a_clinical_word_that_is_a_name_elsewhere_is_kept(text: str) -> None:
    assert RED.redact(text).text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Paciente Dolores Martínez, 67 años.", "Dolores"),
        ("La Sra. Paz acude a control.", "Paz"),
        ("Thanks Donna, see you Monday!", "Donna"),  # English text: a name
    ],
)
def test_such_a_word_with_a_surname_or_a_cue_is_a_name(text: str, name: str) -> None:
    assert name not in RED.redact(text).text
