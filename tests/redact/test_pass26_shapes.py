"""The kinds of value the twenty-sixth pass found taken for a secret or a login that show none, each
written here (not copied from a set), beside the secrets that must stay masked next to them."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

RED = TextRedactor()


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in RED.redact(text).findings]


@pytest.mark.parametrize(
    "text",
    [
        '<pin digest="SHA-256">Zk3Qp9Lm2Xr7Tz4Wb0Nc3Hy8Ps1Jd6Fg5KeVu2Qm7L=</pin>',  # a key's pin
        "integrity: sha384-Rt7Yu1Io5Pa2Sd4Fg6Hj8Kl0Zx9Cv3Bn5Mq7Wd2Ef4Ga6Hb8Jc",
        "password_encryption = scram-sha-256",  # a method's name
        "    secret_hash = mapped_column(String(128))",  # a column's type
        "  const shown = `${apiKey.prefix}••••${apiKey.last4}`;",  # a variable's name
        '    release=f"billing@{__version__}",',  # a format string's field
        '  "STRIPE_SECRET_KEY": "@stripe-secret-key"',  # a reference to a stored secret
        'export DB_PASS="$(gcloud secrets versions access 3 --secret=orders-db-password)"',
        'pg_host = "reports.cluster-zq81lxkd0a4e.eu-west-2.rds.amazonaws.com"',  # a host's label
        "GITHUB_TOKEN=<redacted 40 chars>",
        "    password_file: /etc/grafana/secrets/smtp_pass",  # a file's path
        "      regex: '(?i)(passwd|secret)=(\\S+)'",  # a scrubbing rule
        "token_b64: cmVwb3J0LTIwMjQucGRm",  # base64 of "report-2024.pdf"
    ],
)
def test_values_that_show_no_secret(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "SECRET"], _kinds(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('DB_PASSWORD="Kestrel-Harbor-2291"', "Kestrel-Harbor-2291"),
        ("spring.mail.password=${MAIL_PASSWORD:Hb7#qLw9zR}", "Hb7#qLw9zR"),
        ("ALTER ROLE app PASSWORD 'SCRAM-SHA-256$4096:q+5I54Uzy9ArCscNOaAy1g==$FyH5Ck0x9B'", "SCRAM"),
        ("userPassword: {SSHA}k9Qz3Wc8Vb1Lr7Tt0XyNp2Hm4GdE5sFa", "{SSHA}"),
        ('HOOK="https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/q8Zr2Lm5Xw7Pk0Vn3Tb6Yc9J"', "q8Zr2"),
        ("password: correct-horse-battery", "correct-horse-battery"),
    ],
)
def test_secrets_beside_them_stay_masked(text: str, secret: str) -> None:
    assert any(k == "SECRET" and secret in v for k, v in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "\tat com.example.auth.TokenGrantHandler.handle(TokenGrantHandler.java:88)",  # a source file
        "{{#is_warning}}@pagerduty-payments-oncall @slack-payments-alerts{{/is_warning}}",
        "      MasterUsername: '{{resolve:secretsmanager:prod/orders/master:SecretString:username}}'",
    ],
)
def test_no_login_in_code_or_a_monitors_template(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "USERNAME"], _kinds(text)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ('if (!ftp.login("edi_partner", pw)) return;', "edi_partner"),  # a login method's argument
        ("helm upgrade mail ./chart --set smtp.user=relay-notifier", "relay-notifier"),
        ("ping @rui.santos about the rollout", "rui.santos"),
    ],
)
def test_logins_beside_them_stay_masked(text: str, login: str) -> None:
    assert any(login in v for k, v in _kinds(text) if k in ("USERNAME", "PERSON")), _kinds(text)


def test_a_pin_word_before_a_digest_name_finds_no_code() -> None:
    assert not [k for k, _ in _kinds('<pin digest="SHA-256">') if k == "SECRET"]
    assert ("SECRET", "4821") in _kinds("Your card PIN: 4821")


@pytest.mark.parametrize(
    "text",
    [
        "  - recipient: age1qz8r5w2lmv9x4c7t0dkh3pyf6sue8a2gj5n4wq0xl7cr9vy3tkm6d8zhe5",
        '"groups": { "include": ["00g7m2pq9XbTcR1n40k5"] }',  # an Okta group's id
        '"pod": "payments-api-6c8d9f7b4-q7zrm", "severity": "warning"',
        "$ pip list | grep -Ei 'numpy|scipy|pandas'",
        "sends `challenge = BASE64URL(SHA256(verifier))`",
        '"Telemetry"=dword:00000001',
        "<ds:X509Certificate>MIIDdzCCAl+gAwIBAgIUQ3Vr7mX0pK9sYw2bN4cE1tJfLhAwDQYJ</ds:X509Certificate>",
        "see https://alerts.example.net/#/silences/new?filter=%7Bjob%3D%22node%22%7D",
        "CONFIG_BT_SMP=y\nCONFIG_BT_FIXED_PASSKEY=n\nCONFIG_MCUBOOT=y",
        "    key_mgmt=WPA-PSK",
    ],
)
def test_more_values_that_show_no_secret(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "SECRET"], _kinds(text)


def test_bytes_of_a_key_stay_masked_and_other_bytes_are_no_street() -> None:
    key = "static const u1_t APPKEY[16] = { 0x8F, 0x2C, 0x47, 0xA1, 0xE9, 0x53, 0x0B, 0xD6 };"
    plain = "static const uint8_t font_a[8] = { 0x18, 0x3c, 0x66, 0x7e, 0x66, 0x66, 0x66, 0x00 };"
    assert any("0x8F" in v or "0x2C" in v for _, v in _kinds(key)), _kinds(key)
    assert not [k for k, _ in _kinds(plain) if k == "STREET_ADDRESS"]


@pytest.mark.parametrize(
    "text",
    [
        "dn: cn=print-operators,ou=Groups,dc=corp,dc=example,dc=org",
        "  time_zone: Europe/Lisbon",
        "Valid from: Tue Feb 06 09:12:33 CET 2024 until: Sat Feb 06 09:12:33 CET 2049",
    ],
)
def test_directory_names_zones_and_clocks_are_no_one(text: str) -> None:
    assert not _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ('db_user           = "ledger_rw"', "ledger_rw"),
        ('        "USER": "orchard_app",', "orchard_app"),
        ("define( 'DB_USER', 'wp_quince' );", "wp_quince"),
        ('    user => "fluentd_writer"', "fluentd_writer"),
        ("      <username>gradle-publisher</username>", "gradle-publisher"),
        ('<property name="hibernate.connection.user" value="LEDGER_APP"/>', "LEDGER_APP"),
        ("pppoe_username=fibra_net", "fibra_net"),
        ("clickhouse-client --host db1 --user loader --password x", "loader"),
    ],
)
def test_a_login_under_a_key_of_any_case(text: str, login: str) -> None:
    assert ("USERNAME", login) in _kinds(text), _kinds(text)


def test_code_values_under_a_users_key_are_no_login() -> None:
    assert not [k for k, _ in _kinds('user = "None"\nuser_name = "null"') if k == "USERNAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Operátor: Děkuji, paní Horáková. Balík je na poště.", "Horáková"),
        ("Dobrý den, pane Kubíčku, posílám smlouvu.", "Kubíčku"),
        ("Konsultant: Dziękuję, Panie Andrzeju. Przelew jest zlecony.", "Andrzeju"),
    ],
)
def test_a_polish_or_czech_form_of_address_names_the_word_after_it(text: str, name: str) -> None:
    assert ("PERSON", name) in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cliente: hola, no me llega el pedido\nAgente: ¿me da el número?\nCliente: sí, un momento",
        "Mamá: ¿venís el domingo?\nPapá: trae pan\nMamá: y postre",
        "Domicilio: Calle sin número\nTeléfono: no consta\nEstado: pendiente",
    ],
)
def test_roles_relatives_and_a_records_words_are_no_speakers_names(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "PERSON"], _kinds(text)


def test_speakers_who_take_turns_are_still_named() -> None:
    text = "Zosia: idziesz jutro?\nBogna: tak, o 9\nZosia: super"
    found = _kinds(text)
    assert ("PERSON", "Zosia") in found and ("PERSON", "Bogna") in found, found


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("sshd[811]: Accepted publickey for tomasz.wrobel from 10.1.2.3 port 5122", "tomasz.wrobel"),
        (
            "May 02 04:10:12 gw sshd[812]: Failed password for invalid user ftpuser from 203.0.113.9",
            "ftpuser",
        ),
        ("An account failed to log on.\nAccount Name: svc_printers\nAccount Domain: CORP", "svc_printers"),
    ],
)
def test_logins_an_ssh_or_a_windows_log_writes(text: str, login: str) -> None:
    batch = RED.redact_many([text, "a second text"])[0]  # (batched: the detector's trigger is searched)
    assert ("USERNAME", login) in [(f.kind, text[f.start : f.end]) for f in batch.findings], _kinds(text)


def test_an_orcid_id_by_its_check_character() -> None:
    assert ("ACCOUNT_ID", "0000-0002-1825-0097") in _kinds("ORCID 0000-0002-1825-0097")
    assert not [k for k, _ in _kinds("build 0000-0002-1825-0098 passed") if k == "ACCOUNT_ID"]


def test_a_passenger_as_an_airline_writes_one() -> None:
    found = _kinds("NAME: OKAFOR/CHIDINMA MRS  FLIGHT: LH 569")
    assert ("PERSON", "OKAFOR/CHIDINMA") in found, found  # whole (`detectors/passenger_name.py`)


def test_a_grid_of_labels_and_values() -> None:
    text = "| Field | Value |\n|---|---|\n| Full name | Ilse Verhoeven |\n| Employee ID | NL-EMP-2291 |"
    found = _kinds(text)
    assert ("PERSON", "Ilse Verhoeven") in found and ("ACCOUNT_ID", "NL-EMP-2291") in found, found


def test_a_phone_with_its_country_code_is_no_card() -> None:
    assert ("PHONE_NUMBER", "+55 11 98734-2210") in _kinds("Mobile: +55 11 98734-2210")


def test_two_word_speakers_after_a_time_keep_their_surname() -> None:
    text = "[09:14] Efua Boateng: keys?\n[09:15] Tariq Aziz: got them\n[09:15] Efua Boateng: great"
    assert ("PERSON", "Efua Boateng") in _kinds(text) and ("PERSON", "Tariq Aziz") in _kinds(text)


def test_a_vcards_name_and_a_list_of_backup_codes() -> None:
    assert ("PERSON", "Vo Minh Anh") in _kinds("BEGIN:VCARD\nVERSION:3.0\nFN:Vo Minh Anh\nEND:VCARD")
    codes = _kinds("Backup codes: 1188-4402   9031-5527\n   6620-3491\n\nLast sign-in: today")
    assert [v for k, v in codes if k == "SECRET"] == ["1188-4402", "9031-5527", "6620-3491"], codes


@pytest.mark.parametrize(
    "text",
    [
        "dn: cn=print-ops,ou=Groups,dc=example,dc=org\ncn: print-ops\nmember: uid=placeholder",
        "      name: X-API-Key\n      in: header",
    ],
)
def test_ldif_attributes_and_header_names_are_no_one(text: str) -> None:
    assert not [k for k, _ in _kinds(text) if k == "PERSON"], _kinds(text)


def test_a_hyphenated_name_in_capitals_is_still_a_name() -> None:
    assert any(k == "PERSON" for k, _ in _kinds("Child's name: AMELIA-MAE OKONJO-BLACK"))


@pytest.mark.parametrize(
    "text",
    [
        "I/PaymentsRepo(30412): token refresh scheduled in 3540s",
        '  "next_payment_attempt": 1718006400,',
        "<RunInfo: end_time=1716390211845, experiment_id='27'>",
        "script-src 'self' 'nonce-Qm7Lx0T4Zk3Qp9' https://js.example.com",
        "Fetching 11 files: 100%|██████████| 11/11 [00:42<00:00,  3.86s/it]",
        "View run at: https://wandb.ai/lab/vit-food/runs/7kq2x9v4",
        "key = data.aws_secretsmanager_secret_version.porto_psk2.secret_string",
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
        "mDMEZk2qRxYJKwYBBAHaRw8BAQdAq7mLr0ZcYb4Kx9Tn2wP1vJ8sF3dE6hG5aU0i\n"
        "-----END PGP PUBLIC KEY BLOCK-----",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0.0.0 Safari/537.36",
        '<script src="https://cdn.jsdelivr.net/npm/tachyonic@4.2.1/dist/t.min.js"></script>',
        "Endpoint = vpn.hq.example.net:51820",
        "cipher AES-256-GCM",
    ],
)
def test_values_of_apps_and_gear_that_show_no_secret_and_no_one(text: str) -> None:
    kinds = [k for k, _ in _kinds(text)]
    assert not [
        k for k in kinds if k in ("SECRET", "PHONE_NUMBER", "CREDIT_CARD", "IP_ADDRESS", "USERNAME")
    ], _kinds(text)


def test_a_persons_number_under_a_forms_label_is_no_time_stamp() -> None:
    assert any(v == "1605213348" for _, v in _kinds("Příjmení: Bartoš\nČíslo pojištěnce: 1605213348"))


@pytest.mark.parametrize(
    "text",
    [
        "Started: Tue Mar 12 15:02:10 2024",
        "Creation date: Jan 4, 2024",
        '<application android:icon="@mipmap/ic_launcher" android:label="@string/app_name">',
        "Build: 5.3.2-29314046   Changelist: 0x1BF6A3E",
        "regexes = ['''pltk_0{32}''']",
        'application/file_version="0.7.0.0"',
        "retention.ms=604800000 segment.ms=86400000",
        "expr: sum by (job) (rate(http_requests_total[5m]))",
        "-keepclassmembers class * {\n    @com.squareup.moshi.FromJson <methods>;\n}",
        "ARC-Seal: i=1; a=rsa-sha256; t=1710238011; cv=none; d=relay.example.net; s=arc-2024;\n"
        " b=Q7vT2mLx9qRk0zNc4WbY8sHj1pDf3GaEuKo6NiTqRw5AvB2xLmQ9tZ3kWcR7nYp0sHd1jFa4GeUiKo8N",
    ],
)
def test_dates_resources_versions_and_signatures_show_no_one_and_no_secret(text: str) -> None:
    assert not _kinds(text), _kinds(text)


def test_a_month_alone_is_still_a_name() -> None:
    assert any(v.startswith("Jun") for k, v in _kinds("Hi Ms. Okoro, this is Jun's dad.") if k == "PERSON")


def test_a_things_name_in_config_is_no_one_and_a_contacts_name_stays() -> None:
    things = (
        "datasources:\n  - name: Loki\n    type: loki\n    url: http://loki:3100\n  - name: Deploy Notifier\n"
    )
    assert not [k for k, _ in _kinds(things) if k == "PERSON"], _kinds(things)
    contacts = "contacts:\n  - name: Grace Obi\n    role: owner\n    phone: ext 4411\n"
    assert ("PERSON", "Grace Obi") in _kinds(contacts), _kinds(contacts)


@pytest.mark.parametrize(
    "text",
    [
        "Love, Amara & Tobi",
        "Lifts to Sunday's away game at Leek",
        "Dear Headteacher,\nThank you for the letter.",
    ],
)
def test_a_closing_a_weekday_and_a_role_greeted_are_no_one(text: str) -> None:
    found = _kinds(text)
    assert not [v for k, v in found if k == "PERSON" and v in ("Love", "Sunday", "Headteacher")], found


def test_love_as_a_name_stays_a_name() -> None:
    assert ("PERSON", "Love Andersson") in _kinds("Love Andersson called about the invoice")


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("ipmitool -I lanplus -H 10.0.9.41 -U rackops -P 'Bmc#Rack9-2024' chassis power status", "rackops"),
        ("$ curl -s -u kibana_sys:Q7p-vZ2mK9xLr4Ty https://es.internal:9200", "kibana_sys"),
        ('    auth=("svc_exports", "Exp0rt!s-Nightly"),', "svc_exports"),
        ("10.22.0.14:5432:ledger:ledger_etl:w4reH0use#load", "ledger_etl"),
        ("rabbitmqctl add_user grafana_ro 'uCR3iXNkGD-mq'", "grafana_ro"),
        ("set system login user noc-oper class read-only", "noc-oper"),
        ("username fieldtech privilege 15 secret 9 $9$IltN9ujSwOLdGP", "fieldtech"),
        ('add group=read name=noc-viewer password="Ro-Only-7731"', "noc-viewer"),
        ("ldap_default_bind_dn = uid=svc-bind,ou=services,dc=corp,dc=example,dc=org", "svc-bind"),
    ],
)
def test_logins_commands_and_devices_write(text: str, login: str) -> None:
    assert ("USERNAME", login) in _kinds(text), _kinds(text)


def test_no_login_in_a_docker_uid_pair_or_a_placeholder() -> None:
    assert not [k for k, _ in _kinds("docker run --user=1000:1000 img") if k == "USERNAME"]
    assert not [k for k, _ in _kinds("member: cn=placeholder,ou=ServiceAccounts,dc=x") if k == "USERNAME"]


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("Bot: Danke! Sie sind jetzt als k.brandt angemeldet.", "k.brandt"),
        ("Session : connecté en tant que j.dupont depuis 10:02", "j.dupont"),
        ("Authentification réussie pour l'utilisateur « m.leroy » depuis 90.112.45.7", "m.leroy"),
        ("soy la amiga de Paula\n@iratxe.lz\nme mandas tu número?", "iratxe.lz"),
    ],
)
def test_a_login_said_in_another_language_or_alone_on_its_line(text: str, login: str) -> None:
    assert any(k == "USERNAME" and login in v for k, v in _kinds(text)), _kinds(text)


def test_a_dotted_decorator_over_code_is_no_login() -> None:
    text = "class A:\n    @property.setter\n    def name(self, v):\n        self._n = v"
    assert not [k for k, _ in _kinds(text) if k == "USERNAME"], _kinds(text)
