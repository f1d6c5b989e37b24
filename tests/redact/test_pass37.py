"""The thirty-seventh pass (issue 11): cases written here for the kinds of failure the pass's sets
written blind showed (not their lines)."""

from __future__ import annotations

import pytest

from .helpers import covered, masked


@pytest.mark.parametrize(
    "text, kept",
    [
        # a file's extension after a cue ("signed") is no name
        ("Tenancy (signed).docx - Word", "docx"),
        ("Offer letter (signed).pdf - Adobe Acrobat Reader", "pdf"),
        # a camera's file name: its date and time are no phone number
        ("IMG_20240312_184455.jpg - Photos", "184455"),
        ("VID_20231105_093012.mp4 - VLC media player", "093012"),
        # a street named in a sentence, without its number, is a place of the news
        ("Fire crews tackle blaze at Ngong Road flat", "Ngong Road"),
        ("Great coffee at the Karangahape Rd branch, friendly staff", "Karangahape Rd"),
        ("The council will resurface the corner of Carrington Rd and Woodward Rd next week", "Woodward Rd"),
        # a record's featured artist; an encyclopaedia's article in other scripts
        ("Daft Punk – Get Lucky (feat. Pharrell Williams) - Spotify Premium", "Pharrell Williams"),
        ("Despacito ft. Justin Bieber - YouTube", "Justin Bieber"),
        ("نجيب محفوظ - ويكيبيديا", "نجيب محفوظ"),
        ("Лев Толстой — Википедия", "Толстой"),
        ("H.C. Andersen – lex.dk – Den Store Danske", "Andersen"),
    ],
)
def test_left_unmasked(text: str, kept: str) -> None:
    assert kept not in covered(text), masked(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Jayden Moore (signed).docx - Word", "Jayden Moore"),
        ("call Priya on 020 7946 0958 after 6", "020 7946 0958"),
        ("She lives at 12 Ngong Road, Nairobi", "12 Ngong Road"),
        ("Address: Castle Street", "Castle Street"),
        ("Deliver to: 4 Carrington Rd", "4 Carrington Rd"),
        # a title that goes on after "Wikipedia" is no encyclopaedia's article
        ("Ana Souza - Wikipedia draft notes.docx - Word", "Ana Souza"),
        ("Ana Souza - Wikipedia edit summary for user talk", "Ana Souza"),
    ],
)
def test_still_masked(text: str, value: str) -> None:
    assert value in covered(text), masked(text)


@pytest.mark.parametrize("command", ["head", "type", "more", "less"])
def test_a_key_file_printed_by_any_pager_is_masked(command: str) -> None:
    """`_dumped_secrets` read these four commands, but its gate opened on `cat`, `base64` and
    `Get-Content` only: a key printed by `head master.key` alone in a text was left."""
    key = "8f2c9a71d04be36e5a1f7c0d92b4e8aa"
    text = f"deploy@web-01:~/app$ {command} config/master.key\n{key}\ndeploy@web-01:~/app$ "
    assert key in covered(text), masked(text)


@pytest.mark.parametrize(
    "text, address",
    [
        # Brazil's state after a dash and its CEP; a flat's "apto"
        (
            "Endereço: Rua Silva Jatahy 915, apto 1202, Meireles, Fortaleza - CE, 60165-070\nSenha: x",
            "Rua Silva Jatahy 915, apto 1202, Meireles, Fortaleza - CE, 60165-070",
        ),
        (
            "entregue no endereço Rua Frei Caneca 88, Boa Vista, Recife - PE, 50050-010.",
            "Recife - PE, 50050-010",
        ),
        # a floor after the number: French, Portuguese, Spanish
        (
            "studio situé 8 rue Cardinale, 2e étage, 13100 Aix-en-Provence\nLoyer mensuel : 640 €",
            "13100 Aix-en-Provence",
        ),
        ("fica em casa da tia, Rua da Boavista 210, 3.º Dto\nCatarina: vou lá", "3.º Dto"),
        ("Calle Mayor 12, 3º izq., 28013 Madrid", "28013 Madrid"),
    ],
)
def test_an_address_runs_on_to_its_floor_state_and_postcode(text: str, address: str) -> None:
    assert address in covered(text), masked(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Paciente: Sofía Castellanos de los Ríos\nDNI/NIE: Y1260851M", "Sofía Castellanos de los Ríos"),
        (
            "Betreft: mevr. A.C. (Anneke) van der Linden-Visser, geb. 14-08-1951",
            "(Anneke) van der Linden-Visser",
        ),
        ("Déclarant 2 : Mme FABRE née ROCHE Élodie", "FABRE née ROCHE Élodie"),
        ("Paciente: IBARRA ETXEBERRIA, JON     NHC 00938812", "IBARRA ETXEBERRIA, JON"),
        ("Y de otra, DON EMILIO SANTAELLA ROJO y DOÑA LAIA FONT I CASAS, cónyuges", "EMILIO SANTAELLA ROJO"),
        ("Y de otra, DON EMILIO SANTAELLA ROJO y DOÑA LAIA FONT I CASAS, cónyuges", "LAIA FONT I CASAS"),
        ("José Ortega y Gasset escribió", "José Ortega y Gasset"),
    ],
)
def test_a_name_found_in_pieces_is_masked_whole(text: str, name: str) -> None:
    assert name in covered(text), masked(text)


def test_two_persons_joined_by_and_stay_two() -> None:
    text = "Ana Pérez y Luis Gómez vienen mañana"
    assert [t for k, t in masked(text) if k == "PERSON"] == ["Ana Pérez", "Luis Gómez"]


@pytest.mark.parametrize(
    "text, value",
    [
        # a required field's asterisk in other languages' forms
        ("Vorname*: Ayşe\nNachname*: Demir", "Ayşe"),
        ("Prénom* : Grâce\nNom : Okafor", "Grâce"),
        # a key safe's and a building's codes
        ("Sleutelkluisje code 2719 (niet in het zorgdossier)", "2719"),
        ("Code portail : B1974 — clé dans la boîte aux lettres", "B1974"),
        ("code d’entrée 4471B puis 2e étage à gauche", "4471B"),
    ],
)
def test_form_names_and_codes_in_other_languages(text: str, value: str) -> None:
    assert value in covered(text), masked(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Name                 ID\nAbernathy, Cole            A0041887    78", "Abernathy, Cole"),
        ("Case name: PHAM, LINH T\nCase number: C11889", "PHAM, LINH T"),
        ("Hyperspace - HOLLIS, JEROME T (MRN: 00482913) - Epic", "HOLLIS, JEROME"),
    ],
)
def test_an_inverted_name_filling_its_field_is_masked_whole(text: str, name: str) -> None:
    assert name in covered(text), masked(text)


def test_a_json_key_is_no_name_and_a_hand_made_bcrypt_hash_is_a_secret() -> None:
    policy = '{\n  "Statement": [\n    {\n      "Sid": "ReadStripeSecret",\n      "Effect": "Allow"'
    assert "Sid" not in covered(policy), masked(policy)
    digest = "$2a$12$W9kQz3Lm7Vx2Rt8Nb4YcHe1Pj6Fs0Da5Gu8Xo2IiQ7Rz4Kq1Wm6T"  # 52 after the cost: one short
    row = f'=> #<User id: 3, encrypted_password: "{digest}", ...>'
    assert digest in covered(row), masked(row)
