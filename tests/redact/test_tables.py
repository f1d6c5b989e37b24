"""Tables in text (`redact/tables.py`, `detectors/table_column.py`): a header names what its
columns hold, so a cell no rule would take alone ("3301", "fburke", "Kiona") is masked; a header's
cells are no one's data; a span the model reads across cells is dropped under a header and cut to
its widest cell without one. Lines of prose with commas are no table. Every table here was written
for this test (not copied from a set)."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.tables import column_kind, fit_cells, tables

RED = TextRedactor()


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in RED.redact(text).findings]


def test_a_csv_header_names_its_columns() -> None:
    text = "emp_no,first_name,login,dept\n3301,Fionnuala,fburke,Finance\n3302,Mthunzi,mzulu,Legal"
    (t,) = tables(text)
    assert t.delimiter == "," and t.header is not None and len(t.rows) == 2
    found = _kinds(text)
    for value in ("3301", "Fionnuala", "fburke", "3302", "Mthunzi", "mzulu"):
        assert any(v == value for _, v in found), (value, found)
    assert not any(v in ("emp_no", "first_name", "login", "Finance", "Legal") for _, v in found)


def test_a_markdown_table_with_its_rule_row() -> None:
    text = (
        "| Member | Loyalty # | Tier |\n|---|---|---|\n| Wanjiru Kamau | WX-448120 | Gold |\n"
        "| Tomasz Wróbel | WX-448121 | Silver |"
    )
    found = _kinds(text)
    assert ("PERSON", "Wanjiru Kamau") in found and ("PERSON", "Tomasz Wróbel") in found
    assert any("448120" in v for _, v in found) and any("448121" in v for _, v in found)
    assert not any(v in ("Gold", "Silver", "Tier") for _, v in found)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Full Name", "PERSON"),
        ("apellidos", "PERSON"),
        ("nazwisko", "PERSON"),
        ("Nachname", "PERSON"),
        ("created_by", "USERNAME"),
        ("gebruikersnaam", "USERNAME"),
        ("NI Number", "ACCOUNT_ID"),
        ("Steuer-ID", "ACCOUNT_ID"),
        ("medarbejdernr", "ACCOUNT_ID"),
        ("DonorID", "ACCOUNT_ID"),
        ("temp_password", "SECRET"),
        ("wachtwoord", "SECRET"),
        ("Billing Address", "STREET_ADDRESS"),
        ("indirizzo", "STREET_ADDRESS"),
        ("product_name", None),
        ("hostname", None),
        ("price", None),
        ("Close date", None),
    ],
)
def test_what_a_column_name_says(name: str, kind: str | None) -> None:
    assert column_kind(name) == kind


def test_a_bare_id_column_is_a_persons_only_beside_people() -> None:
    people = "id;name;email\n88123;Shreya Banerjee;sb@example.org\n88124;Gustavo Pires;gp@example.org"
    things = "id;sku;price\n88123;HX-1;9.99\n88124;HX-2;12.50"
    assert ("ACCOUNT_ID", "88123") in _kinds(people)
    assert not [k for k, v in _kinds(things) if v == "88123"]


def test_a_header_cell_is_dropped_and_a_span_across_cells_too() -> None:
    text = "sku,product_name,price,stock\nHD-2201,Hub 7-in-1,39.99,420\nHD-2202,Mouse M3,24.99,1150"
    header_end = text.index("\n")
    fitted = fit_cells(text, [("PERSON", 4, 16), ("STREET_ADDRESS", header_end + 1, header_end + 15)])
    assert fitted == [None, None]  # "product_name" of the header; "HD-2201,Hub 7-in" across cells


def test_without_a_header_a_span_across_cells_keeps_its_widest_cell() -> None:
    text = "Nombre | Bautista Romero\nCalle | Avenida Misiones N° 95"
    at = text.index("Calle")
    assert fit_cells(text, [("STREET_ADDRESS", at, len(text))]) == [(text.index("Avenida"), len(text))]


def test_lines_of_prose_with_commas_are_no_table() -> None:
    text = (
        "From: Luca Bianchi (freelance designer), Via Tortona 15, 20144 Milano\n"
        "Bill to: Nora Lindgren, Hjortvägen 8, 123 45 Farsta"
    )
    assert ("STREET_ADDRESS", "Via Tortona 15, 20144 Milano") in _kinds(text)
    spans = [("STREET_ADDRESS", text.index("Via"), text.index("\n"))]
    assert fit_cells(text, spans) == [(text.index("Via"), text.index("\n"))]


def test_placeholders_and_masked_cells_stay_as_they_are() -> None:
    text = "name,password,role\nAda Obi,********,admin\nLe Van Thanh,n/a,viewer"
    found = _kinds(text)
    assert not any(v in ("********", "n/a") for _, v in found)
    assert ("PERSON", "Ada Obi") in found


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ('{"kunde": {"vorname": "Gudrun", "nachname": "Meißner", "plz": "01067"}}', "PERSON", "Meißner"),
        ('{"apellidos": "Pardo Quintana", "telefono": "600111222"}', "PERSON", "Pardo Quintana"),
        (
            "INSERT INTO pacientes (nhc, nombre, dni) VALUES (118204, 'Eusebio', '33910475X');",
            "ACCOUNT_ID",
            "118204",
        ),
        ("INSERT INTO staff (login, role) VALUES ('mkowalczyk', 'viewer');", "USERNAME", "mkowalczyk"),
    ],
)
def test_a_records_key_names_its_value(text: str, kind: str, value: str) -> None:
    assert (kind, value) in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "api-payments", "clientId": "406999987721103182", "tenant": "f9e0061b-35ed-42ea"}',
        '{"appId": "d41f7a93-0c6e-4b28", "kid": "sig-2024-q2", "status": "Pending"}',
        '{"key_id": "ak_01HEXQ", "last4": "x9Qe", "account_name": "stmlrawweu"}',
    ],
)
def test_keys_of_things_name_no_one(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k in ("PERSON", "USERNAME", "ACCOUNT_ID")], _kinds(text)


def test_a_team_in_an_owner_column_is_no_one_and_a_login_is_masked() -> None:
    text = "host,ip,owner\nweb-01,10.0.1.11,platform-team\ndb-01,10.0.2.5,hkimura"
    found = _kinds(text)
    assert ("USERNAME", "hkimura") in found
    assert not any(v == "platform-team" for _, v in found)


def test_a_log_pair_in_czech_names_its_login() -> None:
    assert ("USERNAME", "tkrejci") in _kinds("[2025-01-09 14:03:22] auth.INFO: uzivatel=tkrejci prihlaseni")
