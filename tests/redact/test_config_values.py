"""Code and config that hold no secret, login or person though they look it (issue 11, the
twenty-third pass: `secrets_blind2.json` touched 49 of its 90 clean snippets when it was measured
once): placeholders, a secret's or a resource's name, a store's path, a checksum, an id, a cloud
resource's path, an algorithm's name, an HTTP header, a member of code; and the secrets and logins
beside them that stay masked. Whole engine, rules and model."""

from __future__ import annotations

import pytest

from .helpers import covered, masked


@pytest.mark.parametrize(
    "text",
    [
        'db_password        = "CHANGE_ME"',
        'export ANTHROPIC_API_KEY="sk-ant-..."   # optional',
        "postgresql://<user>:<password>@<host>:5432/<database>",
        "%env API_KEY=dummy_api_key_000000",
        '# Example token (HS256, secret "your-256-bit-secret"), for docs only',
        'reset token "test-reset-token-0000"',
        "    - secretKey: api-token\n      remoteRef:\n        key: secret/data/prod/payments/db",
        '{{- with secret "database/creds/reporting-ro" -}}',
        'curl "https://api.weatherstack.com/current?access_key=YOUR_API_KEY&query=Lisbon"',
        'the app still logs "password authentication failed"',
        "    fun `refreshes when access token expired`() {",
        "    ^(?=.*[A-Z])(?=.*\\d)(?=.*[^A-Za-z0-9]).{8,}$",
        '    "h1:sv0Bsta1nE0hYIWXqynCVVax0e1uFD9saAYrN2etJk8=",',
        "x-amz-id-2: K7Hz13hb1scNUT7/TKCHdHjKOIVN2rwjROaEVT4vjZieBGIEJdXaLsYsHuUQJKZd4jO09+vjV1Dw",
        '  "id": "/subscriptions/c2b2e7c6-d2ea-4be5-a2c8-d0fc382bde19/resourceGroups/rg-shared-services",',
        "metadata:\n  name: payments-db\n  namespace: payments",
        "          - name: uploader\n            image: amazon/aws-cli:2.15",
        "name: terraform-apply\non:\n  push:",
        "/// SHA-256 of protoc-25.1-linux-x86_64.zip",
        '  Server    = Sys.getenv("SNOWFLAKE_HOST"),',
        'instance_type = "t4g.nano"',
        "Access-Control-Max-Age: 600",
        "Date: Tue, 07 May 2024 10:00:00 GMT",
        "See CVE-2021-23337 and RFC 7617.",
        "In [1]: %env API_TOKEN=fake-token-for-unit-tests\nenv: API_TOKEN=fake-token-for-unit-tests",
        "      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11",
        '  username = local.db_creds.username\n  host     = "db.internal"',
        "    @PostConstruct\n    void init() {",
        'type Config struct {\n    Password string `json:"password"`\n}',
        'let msg = format!("token {} expired", id);',
        "amqp://****:****@orders-broker:5672/",
        'webhook = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"',
    ],
)
def test_clean_config_is_not_touched(text: str) -> None:
    assert masked(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('  DB_USER: orders_svc\n  DB_PASSWORD: "FY-8kq2!Lp"', "orders_svc"),
        ('auth:\n  adminUser: kcadmin\n  adminPassword: "Tz9#qLm2"', "kcadmin"),
        ('config := &ssh.ClientConfig{\n\tUser: "deploy",\n}', "deploy"),
        ("Användarnamn: oskarholm_91\nLösenord: Midsommar#91", "oskarholm_91"),
        ("Användare: fhedlund\nDator: STHLM-PC-118", "fhedlund"),
        (
            'curl "https://api.twilio.com/2010-04-01/Accounts/AC0c8bb30e2c81fd3f02c87a8c417204ca/Messages.json"',
            "AC0c8bb30e2c81fd3f02c87a8c417204ca",
        ),
        ("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),  # a test may plant it
        ("```\n@rui.santos this is in the diff, please move it", "rui.santos"),
        ("Tom B.: Pennine2024!\nKemi: ty!!\nTom B.: will rotate it", "Pennine2024"),
        (
            "including `X-Api-Key: live_4f9a1c2e7b3d8e6f0a5b9c1d`. Please redact",
            "live_4f9a1c2e7b3d8e6f0a5b9c1d",
        ),
    ],
)
def test_logins_and_secrets_beside_them_stay_masked(text: str, value: str) -> None:
    assert value in covered(text)


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Mr Desmond Fitzgerald rang again", "Mr ", "Desmond Fitzgerald"),
        ("Hello Mrs Obi, about your mortgage", "Mrs ", "Obi"),
        ("Finanzamt Köln\n\nHerrn\nEmre Kaya\nVenloer Str. 301\n50823 Köln", "Herrn", "Emre Kaya"),
        ("Monsieur Julien Moreau\n42 cours de l'Argonne", "Monsieur ", "Julien Moreau"),
    ],
)
def test_a_form_of_address_is_left_out_of_the_name(text: str, kept: str, gone: str) -> None:
    found = covered(text)
    assert gone in found and kept.strip() not in found


@pytest.mark.parametrize(
    "word",
    ["Mieterselbstauskunft", "Schadennummer", "Identifikationsnummer", "Leitungswasser", "Papierstau"],
)
def test_a_german_compound_noun_is_no_name(word: str) -> None:
    text = f"Bitte senden Sie uns die {word} bis Freitag zurück, wir brauchen sie für die Akte."
    assert word not in covered(text)


def test_a_german_noun_in_a_form_is_no_login_and_a_polish_name_stays() -> None:
    assert "Krankenkasse" not in covered("Name: Tatjana Wolf\nKrankenkasse: AOK Bayern\nAlter: 48")
    from demotrace.redact.detectors._model_words import noun_of_text

    text = "Nazwisko: Kozłowska\nImię: Małgorzata\nPESEL: 65112243024"
    i = text.index("Małgorzata")  # a Polish name, frequent as a word: the model's span is kept
    assert not noun_of_text(text, i, i + len("Małgorzata"))
