"""Code, config and logs with no secret in them stay whole (`detectors/_code_shapes.py`, the
secrets rule's value checks): kinds a blind set of code snippets showed (issue 11, twenty-second
pass), each as a case written here, not the set's lines; and the secrets beside them still go."""

from __future__ import annotations

import base64
import hashlib
import random

import pytest

from .helpers import covered, masked

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(48))).decode()  # "iVBORw0KGgo…"


def _b64url(seed: int) -> str:
    """A key's 2,048 bits in base64url (an RSA modulus, a private exponent), no padding."""
    return base64.urlsafe_b64encode(random.Random(seed).randbytes(256)).decode().rstrip("=")


@pytest.mark.parametrize(
    "text",
    [
        "key = hashlib.scrypt(secret.encode(), salt=salt, n=2**14, r=8, p=1)",
        "if (!password_verify($_POST['pw'], $row['hash'])) { http_response_code(401); }",
        'PASSWORD_RULE = re.compile(r"^(?=.*[A-Z])(?=.*\\d)(?=.*[^\\w\\s]).{14,}$")',
        "if (!GITHUB_WEBHOOK_SECRET) throw new Error('webhook secret missing');",
        "  env:\n    NPM_TOKEN: ${{ secrets.NPM_PUBLISH_TOKEN }}",
        f"const dot = 'data:image/png;base64,{PNG}';",
        f"{{ kty: 'RSA', kid: 'sig-2025-01', e: 'AQAB', n: '{_b64url(1)}' }}",
        f"image: registry.example.com/team/api@sha256:{hashlib.sha256(b'api').hexdigest()}",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments-api",
        "    @password ||= ENV.fetch('MAIL_PASSWORD')",
        "DB_PASSWORD=\nREDIS_URL=redis://cache:6379/0",
        "GET /api/v2/token HTTP/1.1\nHost: api.example.org",
        "  --password  the account's password (defaults to $APP_PASSWORD)",
        "TOKEN = 'not-a-real-token'",
        "DATABASE_PASSWORD=vault:kv/data/prod/postgres#password",
        "amqp://**:**@broker:5672//",
        "public class InvoiceServiceClient implements AutoCloseable {",
        "- name: X-Request-Id\n  value: abc",
    ],
)
def test_code_with_no_secret_is_left_alone(text: str) -> None:
    assert masked(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("DB_PASSWORD=Summer(2024)!", "Summer(2024)!"),
        ("Password:\nTr0ub4dor&3", "Tr0ub4dor&3"),
        ("postgres://app:Qx7!vR2m@db.internal:5432/app", "Qx7!vR2m"),
        (f"{{ kty: 'RSA', d: '{_b64url(2)}' }}", _b64url(2)),  # a JWK's private exponent
    ],
)
def test_the_secrets_beside_them_still_go(text: str, secret: str) -> None:
    assert secret in covered(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cc: Tjon-A-Fong, afdeling cardiologie", "Tjon-A-Fong"),
        ("Ingevuld door JoAnn Whitaker", "JoAnn Whitaker"),
        ("Mevr. Ramkhelawan-Baldew heeft gebeld", "Ramkhelawan-Baldew"),
    ],
)
def test_names_that_only_look_like_code_stay_masked(text: str, name: str) -> None:
    assert name in covered(text)
