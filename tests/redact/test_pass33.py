"""Cases of the thirty-third pass (issue 11): codes an SMS says to keep, registrations after a car's
word, logins quoted in a sign-in log, invoices in other languages, places named after people."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor


@pytest.fixture(scope="module")
def red() -> TextRedactor:
    return TextRedactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Il codice per l'acquisto con la carta **** 3381 è 718204. Non comunicarlo a nessuno.", "718204"),
        ("O código da operação para PT50 **** 2290 é 559 031. Nunca partilhe este código.", "559 031"),
        ("Ihr Code lautet 482913. Geben Sie ihn niemals weiter.", "482913"),
        ("Votre code de connexion est 448213. Ne le communiquez à personne.", "448213"),
        ("Uw code: 882 193\nDeel deze code nooit met anderen.", "882 193"),
    ],
)
def test_a_code_the_message_says_to_keep_is_a_secret(red: TextRedactor, text: str, secret: str) -> None:
    out = red.redact(text)
    assert secret not in out.text and "[SECRET]" in out.text, out.text


@pytest.mark.parametrize(
    "text", ["Your total is 1299. Do not share your account.", "De vergadering is 2024. Niet delen graag"]
)
def test_a_number_without_a_code_word_stays(red: TextRedactor, text: str) -> None:
    assert red.redact(text).text == text


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Vehículo: 7315 HBZ — Renault Clio", "7315 HBZ"),
        ("La voiture grise immatriculée GH-482-TK est encore garée", "GH-482-TK"),
        ("O carro 45-RT-88 está outra vez na garagem", "45-RT-88"),
        ("Il tuo veicolo GH 482 TK è pronto", "GH 482 TK"),
    ],
)
def test_a_registration_after_a_cars_word_is_masked(red: TextRedactor, text: str, plate: str) -> None:
    assert plate not in red.redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Fahrzeug: BMW X5 2021 gebraucht",
        "auto-scaling group AB-12-34",
        "Die Auto-Werkstatt hat 12 Mitarbeiter",
    ],
)
def test_a_cars_word_before_no_registration_shape_masks_nothing(red: TextRedactor, text: str) -> None:
    assert red.redact(text).text == text


def test_a_login_quoted_in_a_sign_in_log_is_masked_and_a_json_key_is_not(red: TextRedactor) -> None:
    log = (
        "2025-02-14 09:12:44 CRITICAL authentification refusée pour 'cbonnet' (5 échecs)\n"
        "2025-02-14 09:13:02 INFO compte 'cbonnet' déverrouillé"
    )
    assert "cbonnet" not in red.redact(log).text
    for text in (
        '{"issuer": "https://login.x.com", "jwks_uri": "https://login.x.com/k"}',
        "INFO auth config 'sha256' loaded",
        "ERROR login failed: table 'users' missing",
    ):
        assert red.redact(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Rechnung RE-2024-0815 – lexoffice",
        "Facture n° FA-2024-0312 - Pennylane",
        "Factuur 2024-0088 - Moneybird",
        "Fatura FT 2024/118 - Moloni",
        "Museo Sorolla - Horarios y entradas",
        "Progetto Aurora - Bacheca - Trello",
    ],
)
def test_an_invoices_number_and_a_place_named_after_one_stay(red: TextRedactor, text: str) -> None:
    assert red.redact(text).text == text


def test_a_forums_bylines_name_handles(red: TextRedactor) -> None:
    text = (
        "kiwi_baker_72 · 3 days ago\nMade this for my nephew.\n\nNanaJune · 2 days ago\nLovely.\n\n"
        "Posted by u/throwaway_rimu_st · 6h\nTop comment by u/Kaitiaki_Law:\nCall the council.\n"
        "Reply by CricInfoNerd:\nWin %.\nkingfish_kev wrote:\n> Tried."
    )
    out = red.redact(text).text
    for handle in (
        "kiwi_baker_72",
        "NanaJune",
        "throwaway_rimu_st",
        "Kaitiaki_Law",
        "CricInfoNerd",
        "kingfish_kev",
    ):
        assert handle not in out, out
    assert "u/" not in out  # Reddit's prefix is the handle's


@pytest.mark.parametrize(
    "text",
    [
        "Posted by the team on Monday. Reply by email if you can.",
        "My router firmware shows V1.0.11.116 but the site says V1.0.11.208",
    ],
)
def test_words_after_a_byline_versions_and_placeholders_stay(red: TextRedactor, text: str) -> None:
    assert red.redact(text).text == text


def test_a_home_folders_placeholder_is_no_login() -> None:
    from demotrace.redact.registry import build

    (rule,) = build(["username"])
    assert not list(rule.detect("cp notes.txt /home/<user>/backup/ or C:\\Users\\%USERNAME%\\x"))


def test_a_qualified_columns_name_says_its_kind() -> None:
    from demotrace.redact.tables import column_kind

    want = {
        "portal_username": "USERNAME",
        "portal_temp_password": "SECRET",
        "router_admin_pw": "SECRET",
        "psk": "SECRET",
        "insurance_member_id": "ACCOUNT_ID",
        "order_line_id": None,
        "sort_key": None,
        "page_token": None,
        "device_user": None,
        "product_member_id": None,
    }
    assert {name: column_kind(name) for name in want} == want


def test_an_inserts_quoted_values_may_hold_commas_and_an_xml_entrys_value_is_its_keys(
    red: TextRedactor,
) -> None:
    sql = (
        "INSERT INTO support_users (login, full_name, address, pin) VALUES\n"
        "('mokoena.t', 'Thandiwe Mokoena', '17 Jan Smuts Avenue, Parktown, Johannesburg 2193', '0719'),\n"
        "('vdmerwe', 'Pieter van der Merwe', 'PO Box 4412, Stellenbosch 7599', '3381');"
    )
    out = red.redact(sql).text
    for value in ("mokoena.t", "0719", "vdmerwe", "3381"):
        assert value not in out, out
    xml = (
        "<String><Key>UserName</Key><Value>AYILMAZ</Value></String>"
        "<String><Key>Password</Key><Value>Lokum2024*sap</Value></String>"
        "<String><Key>Title</Key><Value>SAP Prod</Value></String>"
    )
    out = red.redact(xml).text
    assert "AYILMAZ" not in out and "Lokum2024" not in out and "SAP Prod" in out, out


def test_a_romance_form_of_address_names_even_a_word_of_the_language() -> None:
    from demotrace.redact.registry import build

    (rule,) = build(["person"])
    for text, name in [("La Sig.ra Vitale ha pagato", "Vitale"), ("La signora Vitale ha pagato", "Vitale")]:
        assert [text[s.start : s.end] for s in rule.detect(text)] == [name]


def test_a_snils_with_its_key_and_a_macos_terminals_login(red: TextRedactor) -> None:
    assert "147-382-905 87" not in red.redact("Скан_СНИЛС_147-382-905 87.pdf").text
    from demotrace.redact.registry import build

    (rule,) = build(["national_id"])
    assert not list(rule.detect("ref 123-456-789 00"))  # its key is wrong
    assert red.redact("hkim — -zsh — 80×24").text == "[USERNAME] — -zsh — 80×24"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Polisnummer: 71.882.409.3", "71.882.409.3"),
        ("N.º da receita: 1011000028447291", "1011000028447291"),
        ("N.º de requisição: 25LX0884413", "25LX0884413"),
    ],
)
def test_a_policys_dotted_number_and_a_prescriptions_after_their_words(
    red: TextRedactor, text: str, value: str
) -> None:
    assert value not in red.redact(text).text


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("husband Bill)", "Bill"),
        ("manager, Catrin", "Catrin"),
        ("Babajide Oyelaran (Platinum", "Babajide Oyelaran"),
        ("Saima Javed (Amir", "Saima Javed (Amir"),  # a name may follow the bracket: kept masked
        ("Sienna Kowalczyk (GS)", "Sienna Kowalczyk"),
        ("Marama! Here", "Marama"),
        ("Brother Karim", "Karim"),
        ("Patricia Nolan (300517", "Patricia Nolan (300517"),  # an id in the bracket stays masked
        ("Y. (Yusuf) El Amrani", "Y. (Yusuf) El Amrani"),
        ("van der Sluis", "van der Sluis"),
        ("Son Heung-min", "Son Heung-min"),
    ],
)
def test_a_model_name_is_fitted_to_the_name(span: str, name: str) -> None:
    from demotrace.redact.detectors._model_fit import fit_person

    a, b = fit_person(span, 0, len(span))
    assert span[a:b] == name


def test_reddits_prefix_is_the_handles(red: TextRedactor) -> None:
    assert red.redact("overview for u/throwaway_mkt_2291 - Reddit").text.startswith("overview for [")


def test_an_address_loses_the_time_and_the_note_after_it_not_a_name(red: TextRedactor) -> None:
    out = red.redact("Eleni opened the shop at 445 Danforth Avenue, Toronto in 1985, she baked").text
    assert out.endswith("[ADDRESS] in 1985, she baked"), out
    out = red.redact(
        "Come to 3/71 Oriental Parade, Oriental Bay, Wellington 6011 (blue door, top floor)"
    ).text
    assert out.endswith("[ADDRESS] (blue door, top floor)"), out
    out = red.redact("Noise at 14 Harbour Street, Flat 4 (tenant Kofi Ampofo) after midnight").text
    assert "Kofi" not in out and "Ampofo" not in out, out


def test_a_registrations_cue_inside_another_is_still_read(red: TextRedactor) -> None:
    assert "7HX12" not in red.redact("Nr rejestracyjny: DW 7HX12\nTelefon: 71 344 20 19").text
