"""The twenty-seventh pass: code, config, shell and logs read as what they are. Each case is written
here (not copied from a set): the model's names, streets, ids and logins in a text of code are the
program's words; the logins such texts do hold are read by the login rule from their keys and
flags; numbers of code are no phone or card."""

from __future__ import annotations

import pytest

from demotrace.redact.detectors._code_text import code_text, log_line, quoted

from .helpers import flagged
from .helpers import masked as _kinds  # (kind, text) of the whole engine's findings


@pytest.mark.parametrize(
    "text",
    [
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly-report\n",
        "$ sha256sum -c CHECKSUMS\nfoo.tar.gz: OK\n$ gpg --verify CHECKSUMS.sig CHECKSUMS\n",
        "import os\nfrom pathlib import Path\n\ndef load(home: Path) -> None:\n    return None\n",
        "2025-01-03 10:00:01 INFO worker started\n2025-01-03 10:00:02 INFO queue=reports\nok\n",
        '<configuration>\n  <appSettings>\n    <add key="Theme" value="Dark" />\n  </appSettings>\n',
    ],
)
def test_texts_of_code(text: str) -> None:
    assert code_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Marta,\n\nthe quarterly figures are attached.\nSpeak soon,\nJonas",
        "Patient name: Olu Bankole\nDate of birth: 03/04/1961\nWard: 4B\nConsultant: Dr Hale",
        "one line: with a key = and a call()",  # one line is never a text of code
        "Agenda\n- budget\n- hiring plan for Q3\n- office move",
    ],
)
def test_texts_that_are_not_code(text: str) -> None:
    assert not code_text(text)


def test_log_lines_and_strings() -> None:
    text = "x = 1\n2025-02-01 09:00:00 INFO user moved\n<kofi> the code is 771203\nname = 'A 1'"
    assert log_line(text, text.index("moved")) and log_line(text, text.index("771203"))
    assert not log_line(text, text.index("x ="))
    assert quoted(text, text.index("A 1")) and not quoted(text, text.index("name"))


@pytest.mark.parametrize(
    "text",
    [
        # a product's, a tool's and a header's names in config: no person, no street, no account
        "services:\n  backup:\n    image: restic/restic:0.16\n    command: backup /data\n"
        "# Tailscale sidecar below\n  tailscale:\n    image: tailscale/tailscale:stable\n",
        "$ aws s3api head-object --bucket media --key a.json --query ETag\n{\n"
        '    "ETag": "\\"9b2cf535f27731c974343645a3985328\\""\n}\n',
        "[Unit]\nDescription=Nightly borg run\n[Service]\nExecStart=/usr/bin/borg create ::host-{now} /srv\n",
        "switch(config)# interface Gi1/0/24\nswitch(config-if)# description Uplink to C9300 core\n"
        "switch(config-if)# switchport mode trunk\n",
    ],
)
def test_no_name_street_or_id_in_code(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k in ("PERSON", "STREET_ADDRESS", "ACCOUNT_ID")], _kinds(text)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ('c = "Server=db7.corp.local;Database=Sales;User Id=sales_etl;Password=Rt9#kLm2!vQx;"', "sales_etl"),
        ("Driver={ODBC Driver 18};Server=tcp:dw.example.net;Uid=dw_loader;Pwd=Xy7$bn3Q;", "dw_loader"),
        ("mqtt_user: garage_door", "garage_door"),
        ("replicationUser: repl_east", "repl_east"),
        ("DBUser=zbx_collector", "zbx_collector"),
        ("param sqlAdminUsername string = 'sqlboss'", "sqlboss"),
        ("$ aws iam create-access-key --user-name svc-uploader", "svc-uploader"),
        ('echo "$TOKEN" | docker login ghcr.io -u build-robot --password-stdin', "build-robot"),
        ("sudo realm join --user=domainjoiner corp.example.org", "domainjoiner"),
        ("./gradlew publish -PmavenUser=release-bot -PmavenPassword=$MVN_PW", "release-bot"),
        ("    # TODO(okwu): drop this flag after the migration", "okwu"),
        ("Adding password for user tbrenner", "tbrenner"),
        ("✓ Logged in to github.com as anya-k (keyring)", "anya-k"),
    ],
)
def test_logins_under_keys_and_flags(text: str, login: str) -> None:
    assert login in flagged(text, "USERNAME"), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "user: str",
        "enable_user: true",
        "run_as_user: 1000",
        "AUTH_USER=${AUTH_USER}",
        "pip install --user requests",
        "currentUser: null",
    ],
)
def test_no_login_under_a_key_without_one(text: str) -> None:
    assert not flagged(text, "USERNAME"), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "00000040: 3132 3334 3536 3738 3930 0a00 0000 0000  1234567890......",  # a hex dump
        '    "random_seed": 20230918,',
        "Linux 6.1.0 (built Oct 14 2023 - 09:12:44 +0000)",
        "https://example.com/bot/authorize?client_id=1187654321098765432&permissions=8589934592",
        "| Heart Rate | 00002a37-0000-1000-8000-00805f9b34fb | notify |",  # a UUID's parts
    ],
)
def test_numbers_of_code_are_no_phone_or_card(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k in ("PHONE_NUMBER", "CREDIT_CARD")], _kinds(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ('"mobile_number": 4155550132', "4155550132"),
        ("Call me on 0612345678 tomorrow", "0612345678"),
        ("card: 4111 1111 1111 1111", "4111 1111 1111 1111"),
    ],
)
def test_phones_and_cards_stay(text: str, number: str) -> None:
    assert number in [v for k, v in _kinds(text) if k in ("PHONE_NUMBER", "CREDIT_CARD")], _kinds(text)


def test_a_table_that_documents_software_names_no_one() -> None:
    text = (
        "| Name | Description | Type | Default | Required |\n|---|---|---|---|:---:|\n"
        "| zone_id | The zone to manage. | `string` | n/a | yes |\n"
        "| ttl | Record TTL. | `number` | `300` | no |\n"
    )
    assert not _kinds(text)
    people = "| Name | Team | Started |\n|---|---|---|\n| Ines Duarte | Payroll | 2021 |\n"
    assert ("PERSON", "Ines Duarte") in _kinds(people)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("weather_api_key: 7c1d09e4b2a8f53e61d0c4b9a7e2f813", "7c1d09e4b2a8f53e61d0c4b9a7e2f813"),
        ('  "routing_key": "d41f0a9b7c3e52816e0fa4c9b2d73e58",', "d41f0a9b7c3e52816e0fa4c9b2d73e58"),
        ('    "psk_hex": "9a0b3c7d1e5f42a86b0c9d2e4f7a1b35"', "9a0b3c7d1e5f42a86b0c9d2e4f7a1b35"),
        ("// NwkKey (MSB): 3C9A0F7B12D84E6A5B7C9D0E1F2A3B4C", "3C9A0F7B12D84E6A5B7C9D0E1F2A3B4C"),
        (
            '-H "Authorization: GenieKey 2f4a8c1e-6b3d-4e90-a7c5-1d8e2b9f0a36"',
            "2f4a8c1e-6b3d-4e90-a7c5-1d8e2b9f0a36",
        ),
        (
            "mosquitto_sub -h broker.lan -p 1883 -u pump_ctl -P 'Weir-Gate-3391' -t 'pumps/#'",
            "Weir-Gate-3391",
        ),
    ],
)
def test_secrets_under_keys_flags_and_schemes(text: str, secret: str) -> None:
    assert secret in [v for k, v in _kinds(text) if k == "SECRET"], _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "        'password' => 'required|string|min:10|confirmed',",  # a form's validation rules
        "  mqtt_password: !secret mqtt_pw",  # Home Assistant's reference to a stored secret
        "    fastcgi_pass unix:/var/run/php/php8.3-fpm.sock;",
        "  slack_webhook: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "  report.json.gz: H4sIAAAAAAAAA6tWKkktLlGyUlAqS8wpTVWqBQBXn3JhEgAAAA==",  # a gzip's bytes
        "  routing_key: invoices.paid.v2",  # a message broker's routing key
        "docker run --rm -p 8080:80 -P nginx:1.27",  # "-p" and "-P" publish ports
    ],
)
def test_values_that_are_no_secret(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "SECRET"], _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "  admin_username    = var.admin_login",  # Terraform reads it from a variable
        "define( 'DB_USER', 'username_here' );",  # a sample's blank
        "user = www-data",  # the account a web server runs as
    ],
)
def test_keys_of_a_login_without_one(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "USERNAME"], _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "  railties (7.1.3.2) sha256=9c04",  # a package's version, four small parts
        "LastLogonDate       : 3/4/2024 6:12:09 AM",  # a date and its hour
    ],
)
def test_versions_and_dates_are_no_address_or_phone(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k in ("IP_ADDRESS", "PHONE_NUMBER")], _kinds(text)


def test_a_resolver_is_still_an_address() -> None:
    assert ("IP_ADDRESS", "9.9.9.9") in _kinds("nameserver 9.9.9.9")


@pytest.mark.parametrize(
    ("text", "login", "secret"),
    [
        (
            "Staging admin is up: log in with review_bot / Oak-Barrel-517 and don't change it.",
            "review_bot",
            "Oak-Barrel-517",
        ),
        ("FTP: acme_upload / Tide!Pool-2290 (port 21)", "acme_upload", "Tide!Pool-2290"),
        ("Sign in as demo user m.kovac / Lipa-Tree-63 on the beta site", "m.kovac", "Lipa-Tree-63"),
    ],
)
def test_a_login_and_its_password_as_a_pair(text: str, login: str, secret: str) -> None:
    found = _kinds(text)
    assert ("USERNAME", login) in found and ("SECRET", secret) in found, found


@pytest.mark.parametrize(
    "text",
    ["Log in with SSO / SAML only.", "Users get read / write access.", "the account page / settings tab"],
)
def test_slashes_of_prose_are_no_pair(text: str) -> None:
    assert not _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('    <param name="password" value="Sip!Trunk-7731"/>', "Sip!Trunk-7731"),
        ("<AdministratorPassword>\n  <Value>Ops-Bench-4410</Value>", "Ops-Bench-4410"),
        (
            r'reg add "HKLM\SOFTWARE\Winlogon" /v DefaultPassword /t REG_SZ /d Lobby-Kiosk-21 /f',
            "Lobby-Kiosk-21",
        ),
        ("db-analytics.internal:5432:warehouse:etl_ro:Birch.Leaf-0.7x", "Birch.Leaf-0.7x"),
        ("the shared service account is svc-scan, pw is Ledger_Blue_42", "Ledger_Blue_42"),
        (
            '-H "Authorization: OAuth 0c7e2a91-5b3d-4f86-a1c9-7d2e8b4f6a03"',
            "0c7e2a91-5b3d-4f86-a1c9-7d2e8b4f6a03",
        ),
    ],
)
def test_passwords_where_files_store_them(text: str, secret: str) -> None:
    assert secret in [v for k, v in _kinds(text) if k == "SECRET"], _kinds(text)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        (r'reg add "HKLM\SOFTWARE\Winlogon" /v DefaultUserName /t REG_SZ /d lobbykiosk /f', "lobbykiosk"),
        ("UserID=sccm_push", "sccm_push"),
        ('   reg.2.auth.userId="okeke_r"', "okeke_r"),
        ('    <param name="username" value="trunk_acct_5521"/>', "trunk_acct_5521"),
    ],
)
def test_logins_where_files_store_them(text: str, login: str) -> None:
    assert login in [v for _, v in _kinds(text)], _kinds(text)


def test_a_value_sanitised_by_its_tool_is_no_secret() -> None:
    assert not _kinds("<Password><Value>*SENSITIVE*DATA*DELETED*</Value></Password>")


@pytest.mark.parametrize(
    "text",
    [
        'TZ = "America/Argentina/Buenos_Aires"',
        "      - TZ=Europe/Lisbon",
        "cur = psycopg.connect(dsn)",  # a variable's name, not a person's
        "jobs:\n  build:\n    steps:\n      - name: Checkout Sources\n        run: git fetch\n",
    ],
)
def test_names_in_code_and_config_are_no_person(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "PERSON"], _kinds(text)


def test_a_record_in_json_keeps_its_person() -> None:
    text = '{\n  "id": "c_01",\n  "naam": "Femke Dijkstra",\n  "plan": "pro"\n}'
    assert ("PERSON", "Femke Dijkstra") in _kinds(text)


def test_kubeconfig_names_its_user() -> None:
    text = "current-context: prod\nusers:\n- name: lena.marquardt\n  user:\n    token: x\n"
    assert "lena.marquardt" in flagged(text, "USERNAME"), flagged(text)


def test_a_calendar_of_days_is_no_address_and_no_person() -> None:
    text = "Bank holidays\n1 Jan New Year's Day\n18 Apr Good Friday\n5 May bank holiday\n26 Dec Boxing Day"
    assert not [k for k, _ in _kinds(text) if k in ("STREET_ADDRESS",)], _kinds(text)
    assert ("PERSON", "Apr Good") not in _kinds(text)


def test_a_build_log_holds_no_postcode() -> None:
    text = "dist/index.html   0.62 kB │ gzip:  0.38 kB\ndist/assets/app.js   412.77 kB │ gzip: 131.05 kB"
    assert not _kinds(text), _kinds(text)
    assert ("STREET_ADDRESS", "90210") in _kinds("Zip: 90210")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Adresa: Str. Lalelelor nr. 14, bl. C2, sc. A, ap. 7, Brașov",
            "Str. Lalelelor nr. 14, bl. C2, sc. A, ap. 7",
        ),
        ("domiciliat în Bd. Unirii nr. 5, bl. 2, et. 3, ap. 11, sector 4, București", "Bd. Unirii nr. 5"),
        ("Str. Mihai cel Bun nr. 3", "Str. Mihai cel Bun nr. 3"),  # (four words before "nr." are not read)
    ],
)
def test_romanian_addresses(text: str, address: str) -> None:
    assert any(address in v for k, v in _kinds(text) if k == "STREET_ADDRESS"), _kinds(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [("Pacientă: Ionescu Maria, CNP 2750312400155", "2750312400155"), ("NISS: 12093847561", "12093847561")],
)
def test_national_numbers_after_their_names(text: str, number: str) -> None:
    assert number in [v for _, v in _kinds(text)], _kinds(text)  # (as a number of some kind)


@pytest.mark.parametrize(
    ("text", "number"),
    [("Apólice n.º: RC-71/0048213", "RC-71/0048213"), ("Contrato n.º: HB-2291-0477", "HB-2291-0477")],
)
def test_portuguese_numbers_after_n_o(text: str, number: str) -> None:
    assert number in [v for _, v in _kinds(text)], _kinds(text)


def test_a_street_named_after_a_jan_is_no_calendar() -> None:
    text = "Deliver to:\nUnit 9, Protea Gardens, 41 Jan Smuts Ave, Craighall, Johannesburg 2196"
    assert any("41 Jan Smuts Ave" in v for k, v in _kinds(text) if k == "STREET_ADDRESS"), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Password            : System.Security.SecureString",  # what PowerShell prints for one
        "$env:DB_PASSWORD = Get-Secret -Name 'db-password' -AsPlainText",  # a cmdlet
        "_sip._udp.example.org. 300 IN SRV 1 sip:edge-1.example.org:5060 0 10 weight=50",  # a port, an SRV
    ],
)
def test_powershell_and_sip_lines_show_no_secret_or_phone(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k in ("SECRET", "PHONE_NUMBER")], _kinds(text)


def test_a_passphrase_of_dotted_words_stays() -> None:
    assert ("SECRET", "Tiger.Lamp.River7") in _kinds("password = Tiger.Lamp.River7")


def test_a_comment_left_for_a_handle_is_read_in_a_batch_too() -> None:
    from demotrace.redact.detectors.username import UsernameDetector

    texts = ["# HACK(okafor): temporary", "plain line", "// XXX(dmitri): later", "// TODO(amara): later"]
    detector = UsernameDetector()
    alone = [[(s.start, s.end) for s in detector.detect(t)] for t in texts]
    batched = [[(s.start, s.end) for s in found] for found in detector.detect_many(texts)]
    assert batched == alone and all(alone[i] for i in (0, 2, 3)), (batched, alone)
