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
