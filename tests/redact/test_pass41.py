"""Cases of the forty-first pass (issue 11), written here after the kinds of failure the open sets
and the blind sets of that pass showed: none is copied from them. Each case runs through the
whole engine."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors._address_lookalikes import unlike_address
from demotrace.redact.detectors._model_false_hits import _lower_word_first

from .helpers import found_runs as covered

RED = TextRedactor()


# capitalised words and numbers that the model read as an address, with what no address holds:
# an amount, a quantity and its unit, a count, a score, a version
@pytest.mark.parametrize(
    "text",
    [
        "Figma,Design Ops,2025-09,£6,300\nNotion Enterprise,Notion Labs,2025-11,£12,800",
        "For sale: 2018 Volkswagen Golf, 74,000 km, one owner",
        "Result: Leinster 27–21 Munster (Ringrose 12', Lowe 55')",
        "Order: 2× Chicken Katsu, 1× Miso Ramen, 3× Gyoza",
    ],
)
def test_a_list_of_amounts_scores_or_items_is_no_address(text: str) -> None:
    assert not any(f.kind == "STREET_ADDRESS" for f in RED.redact(text).findings), covered(text)


@pytest.mark.parametrize(
    "text",
    [
        "Knockmore, Ballina, Co. Mayo F26 E9X1, £40 deposit paid",  # an Eircode
        "PO Box 4471, Tamworth NSW 2340 — 2 × boxes",  # a box
        "Unit 3, 14 Harbour Road, Thu 9am delivery",  # a street's word
    ],
)
def test_an_address_beside_an_amount_or_a_day_stays_one(text: str) -> None:
    assert not unlike_address(text, 0, len(text))


def test_a_spec_or_a_rota_line_is_unlike_an_address() -> None:
    for text in ("Lenovo ThinkPad T16 Gen 2, 32 GB", "Sat 9–12  Ewa", "OPS-118, OPS-124, WEB-2291"):
        assert unlike_address(text, 0, len(text)), text


# clubs, teams and works of art named like people or after their towns are no one's
@pytest.mark.parametrize(
    "text",
    [
        "Real Madrid vs FC Barcelona - Resumen - YouTube",
        "Ferrari SF-24 launch - Scuderia Ferrari",
        "Mona Lisa – Musée du Louvre — Mozilla Firefox",
    ],
)
def test_a_club_or_a_painting_is_no_person(text: str) -> None:
    assert covered(text) == []


def test_a_brand_in_the_possessive_is_no_person_but_a_given_name_is() -> None:
    assert covered("Dessert options: Ben & Jerry's or the bakery") == []
    assert covered("Find us at Tesco, Sainsbury's and Waitrose") == []
    assert "Colin" in covered("He was onside, Colin's right for once")


# an address everyone knows is a landmark's, a government's or fiction's
@pytest.mark.parametrize(
    "text",
    ["10 Downing Street - Wikipedia — Mozilla Firefox", "1600 Pennsylvania Avenue NW - Google Search"],
)
def test_a_famous_address_is_public(text: str) -> None:
    assert covered(text) == []


def test_a_street_named_like_a_famous_one_stays_masked() -> None:
    assert covered("Ship to: 10 Downing Road, Leeds LS6 2AB") == ["10 Downing Road, Leeds LS6 2AB"]


# a login given as an environment read's default, or stored under a login's name
@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("'username' => env('DB_USERNAME', 'ledger_rw'),", "ledger_rw"),
        ("user = os.getenv('PGUSER', 'report_ro')", "report_ro"),
        ('<env name="DB_USERNAME" value="ci_runner"/>', "ci_runner"),
        ("- name: POSTGRES_USER\n  value: warehouse_etl", "warehouse_etl"),
    ],
)
def test_a_login_as_a_default_or_a_named_value_is_masked(text: str, login: str) -> None:
    assert login in covered(text)


def test_a_blade_blocks_directives_are_no_handles() -> None:
    text = (
        "@setup\n    $repo = 'git@github.com:acme/app.git';\n@endsetup\n"
        "@task('deploy')\n    php artisan up\n@endtask"
    )
    assert covered(text) == []
    assert covered("@maria_k\nthanks for the fix") == ["@maria_k"]


def test_a_class_and_its_method_are_no_secret() -> None:
    assert covered("  POST  password/email › Auth\\PasswordResetLinkController@store") == []
    assert covered('{"job":"Illuminate\\\\Queue\\\\CallQueuedHandler@call","tries":3}') == []
    assert "Gr33nV1ll" in " ".join(covered("wifi password is still Gr33nV1ll@ge right?"))


def test_a_files_name_widens_over_its_own_parts_not_the_line_before_it() -> None:
    text = 'Print: job 5521 user=mokafor pages=3 printer=LVL1 doc="CV_Grace_Okafor.pdf"'
    spans = covered(text)
    assert "Grace_Okafor" in spans and all("Print" not in s for s in spans), spans


# a sports team's name ends in its plural noun or its club's word
@pytest.mark.parametrize(
    "text",
    ["Div 2: Hawthorn Kangaroos v Sandringham Dragons, 10:00", "Team: Velachery Strikers | Group B"],
)
def test_a_team_is_no_person(text: str) -> None:
    assert not any(f.kind == "PERSON" for f in RED.redact(text).findings), covered(text)


def test_a_novelist_in_a_reading_list_is_public_but_a_namesake_patient_is_not() -> None:
    assert covered('Book club: "The Covenant of Water" by Abraham Verghese, ch. 1-9') == []
    assert covered("Patient: Abraham Verghese, DOB 02/03/1961") != []


def test_a_hosts_name_is_no_flat() -> None:
    assert covered("fatal: [app01]: FAILED! => {}\nchanged: [app02] => (item=None)") == []
    assert covered("Apt 4B, 12 Oak Road") == ["Apt 4B, 12 Oak Road"]


def test_a_practitioners_trade_line_is_no_part_of_the_address_block() -> None:
    text = "Dr Hélène Marchand\nMédecin généraliste\n9 rue des Tanneurs, 67000 Strasbourg"
    assert covered(text) == ["Hélène Marchand", "9 rue des Tanneurs, 67000 Strasbourg"]


def test_a_users_plain_name_above_its_password_is_a_login() -> None:
    text = "mysql_users:\n  - name: ledger\n    password: Lx9-ee21Qp"
    assert "ledger" in covered(text)
    assert covered("services:\n  - name: redis\n    image: redis:7") == []


# a passphrase of words in any language, its key's words before the colon
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("SSH-nøgle passphrase: grøn hest under broen", "grøn hest under broen"),
        ("Passphrase da chave GPG: lua cheia no rio", "lua cheia no rio"),
    ],
)
def test_a_passphrase_of_words_is_masked(text: str, phrase: str) -> None:
    assert phrase in covered(text)


def test_recovery_codes_under_their_nordic_or_polish_words_are_masked() -> None:
    for text in ("Gendannelseskoder: 7QK2-LX9P 88MV-T3PA", "Kody zapasowe: 7QK2-LX9P 88MV-T3PA"):
        spans = " ".join(covered(text))
        assert "7QK2-LX9P" in spans and "88MV-T3PA" in spans, text


def test_a_camel_case_handle_that_speaks_is_a_login_a_keys_words_are_not() -> None:
    chat = "xXLotteXx: wie speelt er vanavond\nbrakkeBram: ik, na het eten\nxXLotteXx: top"
    assert set(covered(chat)) == {"xXLotteXx", "brakkeBram"}
    yaml = "apiVersion: v1\nkind: Secret\n---\napiVersion: cert-manager.io/v1\nkind: Issuer"
    assert covered(yaml) == []


# an address ends at its postcode: a sentence or a note in brackets is no part of it, nor a chat's stamp
@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "> Unit 4/21 Toorak Road, South Yarra VIC 3141. Buzz 4 and ask for Mia",
            "Unit 4/21 Toorak Road, South Yarra VIC 3141",
        ),
        (
            "It will be sent to 7 Elm Grove, Bath BA1 2QP within five working days.",
            "7 Elm Grove, Bath BA1 2QP",
        ),
        (
            "Delivery: 18 Kent Street, Ponsonby, Auckland 1011 (rear gate, before 8am)",
            "18 Kent Street, Ponsonby, Auckland 1011",
        ),
        (
            "[02/05/2024, 10:11:12] Ravi: Flat 9, 3 Mill Lane, Derby DE1 3AA",
            "Flat 9, 3 Mill Lane, Derby DE1 3AA",
        ),
    ],
)
def test_an_address_ends_at_its_postcode(text: str, address: str) -> None:
    assert address in covered(text), covered(text)


def test_an_address_keeps_a_names_note_after_it() -> None:
    text = "> Flat 3, 9 Tay Street, Perth PH1 5LN. Buzz 3 and ask for Iona"
    assert "Iona" in " ".join(covered(text))


def test_an_lftp_password_quoted_alone_and_its_prompts_login_are_masked() -> None:
    text = (
        "$ lftp -u print_drop,'Tinta&Papel77' ftp.grafica-sol.com.ar\n"
        "lftp print_drop@ftp.grafica-sol.com.ar:~> ls"
    )
    spans = covered(text)
    assert "Tinta&Papel77" in spans and spans.count("print_drop") == 2, spans


def test_a_records_id_in_a_path_is_masked_a_year_is_not() -> None:
    assert covered("GET /v1/customers/55102934 - Personal Workspace - Postman")[0] == "55102934"
    assert covered("POST /api/patients/7710294/notes 201") == ["7710294"]
    assert covered("see /docs/users/2024/guide") == []


def test_a_login_after_user_before_a_titles_separator_is_masked() -> None:
    assert covered("Sessions for user pmbeki - Dashboards - Grafana") == ["pmbeki"]
    assert covered("User settings - GitLab") == []


def test_an_apps_or_a_documents_last_word_ends_no_name() -> None:
    for text in ("Morgan Stanley Online - Log In", "Customer Onboarding Checklist - Notion"):
        assert covered(text) == [], text


def test_a_swedish_personnummer_written_whole_is_masked_a_dated_reference_is_not() -> None:
    assert covered("Deklaration 2024 – 19790822-4417 – Skatteverket") == ["19790822-4417"]
    assert covered("SUPPORT TICKET 20240511-0931") == []


def test_an_account_number_in_a_statements_file_name_is_masked_a_date_is_not() -> None:
    spans = covered("Statement_00981277364_April2024.pdf - Preview")
    assert len(spans) == 1 and spans[0].startswith("00981277364"), spans
    assert covered("Statement_20240331.pdf - Preview") == []


def test_a_line_of_prose_in_another_language_is_no_part_of_an_address_block() -> None:
    text = "In dem Rechtsstreit\nder Frau Sabine Krüger-Albers, Lindenweg 7, 74072 Heilbronn"
    assert covered(text) == ["Sabine Krüger-Albers", "Lindenweg 7, 74072 Heilbronn"]
    couple = "M. et Mme Hervé et Sophie Delacroix\n17 cours Victor Hugo\n33000 Bordeaux"
    assert "Hervé et Sophie Delacroix" in " ".join(covered(couple))


def test_a_letters_form_of_address_is_no_part_of_the_block() -> None:
    text = "Exmo. Senhor\nManuel Fernandes da Costa\nRua do Souto 45\n4700-329 Braga"
    assert not any("Exmo" in s for s in covered(text)), covered(text)


def test_a_lower_case_span_of_words_is_no_name_a_lower_case_name_or_login_is() -> None:
    assert covered("Rozpoznanie: rak urotelialny brodawkowaty, niski stopień") == []
    assert "maria hiltunen" in " ".join(covered("hey maria hiltunen is coming"))
    text = "Merged by pkowalczyk into main"  # a login of an initial and a surname stays the model's
    assert not _lower_word_first(text, text.index("pk"), text.index(" into"))


def test_a_german_abbreviations_letter_is_no_initial() -> None:
    for text in ("Schilddrüse (z. B. Hashimoto, Morbus Basedow)", "Befund: V. a. Hashimoto-Thyreoiditis."):
        assert covered(text) == [], text


def test_a_vin_and_an_orcid_after_their_acronym_are_masked() -> None:
    vin = covered("Vehicle: Mazda 3, VIN JM1BN1V73H1112233, garaged at home")
    assert "JM1BN1V73H1112233" in " ".join(vin), vin
    orcid = covered("PI: Dr. Aroha Ngata (ORCID 0000-0003-1122-3344)")
    assert "0000-0003-1122-3344" in " ".join(orcid), orcid


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Posted it today, the tracking is 9400 1109 8822 3391 0045 17", "9400 1109 8822 3391 0045 17"),
        ("Sendungsnummer: JJD0001234567891234", "JJD0001234567891234"),
        ("parcel back to the shop (tracking H02XKA0099887766)", "H02XKA0099887766"),
    ],
)
def test_a_carriers_number_after_a_tracking_cue_is_masked(text: str, number: str) -> None:
    assert number in " ".join(covered(text)), covered(text)


def test_a_tracking_cues_count_is_no_number() -> None:
    assert covered("tracking 12 items across 3 warehouses") == []
