"""Clinical notes' numbers are measurements and doses, not house numbers (issue 11, twenty-ninth
pass): the kinds a blind set of Spanish and Dutch clinical text showed (`clinical_blind3.json`),
each as a case written here."""

from __future__ import annotations

import pytest

from .helpers import masked


@pytest.mark.parametrize(
    "text",
    [
        "Tratamiento al alta: amoxicilina 875 mg c/8 h durante 7 días y paracetamol 1 g c/6-8 h.",
        "Plan: furosemida 40 mg iv c/12 hs, control de diuresis.",
        "Constantes: TA 128/74, FC 88, Tª 37,1 ºC, SatO2 96 % con gafas nasales.",
        "Vochtbalans: intake 1800 ml, output via katheter 1450 ml, drain 120 ml.",
        "Holter: sinusritme, gemiddelde frequentie 74/min, geen pauzes.",
        "Decubitus sacraal: 60 % granulatie, 40 % fibrine, matig exsudaat.",
    ],
)
def test_a_measurement_or_a_dose_is_no_street(text: str) -> None:
    assert not [k for k in masked(text) if k[0] == "STREET_ADDRESS"], masked(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Adres dostawy: ul. Długa 12/4, 00-238 Warszawa", "Długa 12/4"),
        ("Wohnhaft: Praterstraße 31/2/9, 1020 Wien", "Praterstraße 31/2/9"),
        ("Domicilio: C/ Cervantes 14, 2º izq., 46002 Valencia", "Cervantes 14"),
    ],
)
def test_a_house_and_a_flats_numbers_stay_an_address(text: str, address: str) -> None:
    found = [v for k, v in masked(text) if k == "STREET_ADDRESS"]
    assert any(address in v for v in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Valoración geriátrica: Barthel previo 85, actual 40. Pfeiffer 4 errores.",
        "Biopsia: adenocarcinoma de próstata, Gleason 3+4, 2 de 12 cilindros.",
        "Gastroscopia: úlcera duodenal Forrest IIb, tratada con esclerosis.",
        "Examen: Eco-Doppler venoso de miembro inferior derecho, sin trombosis.",
        "Melanoom, Breslow 0,8 mm, Clark level III, geen ulceratie.",
        "Knie rechts: McMurray positief mediaal, Lachman negatief.",
    ],
)
def test_a_clinical_eponym_before_its_score_is_no_person(text: str) -> None:
    assert not [k for k in masked(text) if k[0] == "PERSON"], masked(text)


def test_a_surname_that_is_an_eponym_is_still_a_persons_name() -> None:
    """Only a listed eponym before a score, or after the word it qualifies, reads so: Murphy the
    patient and Dr. Clark stay masked."""
    kinds = masked("Paciente: Sean Murphy, 54 años. Revisado por Dr. Clark en consulta.")
    assert ("PERSON", "Sean Murphy") in kinds and any(v == "Clark" for _, v in kinds), kinds


@pytest.mark.parametrize(
    "text",
    [
        "Your replacement card ending in 4417 is on its way.",
        "Out of hours, call 111 or visit the walk-in centre at the infirmary.",
        "Trek roster — Salkantay 5D/4N Trail 2\n1. Amara Okafor (NG) — vegan\n2. Tomás Rivas (CL)",
    ],
)
def test_a_sentence_or_a_list_is_no_street(text: str) -> None:
    """A number, a sentence's small words and a street's word ("on its way") is no street; a
    numbered list's items below a street-like line are no postal block's lines."""
    assert not [
        v for k, v in masked(text) if k == "STREET_ADDRESS" and ("way" in v or "walk" in v or "1." in v)
    ]


def test_a_lower_case_street_and_a_postal_block_stay() -> None:
    assert ("STREET_ADDRESS", "5 the walk, Bristol BS1 4QA") in masked(
        "send it to 5 the walk, Bristol BS1 4QA"
    )
    kinds = masked("Ship to:\nAnna Kowalska\n12 Argyll Road\nLeeds\nLS6 2JR")
    assert ("STREET_ADDRESS", "LS6 2JR") in kinds and ("STREET_ADDRESS", "12 Argyll Road") in kinds, kinds
