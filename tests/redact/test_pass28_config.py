"""Issue 11, twenty-eighth pass: passwords that config files, network gear and calls keep in places
of their own; the lookalikes beside them. Cases written here (values invented), not copied from the
labelled sets."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

from .helpers import redacted as _masked

R = TextRedactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a camelCase key whose last part is a password's keyword
        ("[GameSettings]\nLobbyPassword=moonharbor\nMaxPlayers=16", "moonharbor"),
        ('RconPassword="quietlybrass", Port=27015', "quietlybrass"),
        # a "-p" flag beside a user's flag, its value no port
        ("smbclient //nas/share -u backup -p 'Fern-Lantern-82'", "Fern-Lantern-82"),
        # routers: a trap host's community, an OSPF key in clear, a RIP key string
        ("snmp-server host 192.0.2.40 traps version 2c Gr4nite0wl", "Gr4nite0wl"),
        ("interface Vlan20\n ip ospf message-digest-key 3 md5 Pw9Kd2Rt", "Pw9Kd2Rt"),
        ("key chain BRANCH\n key 1\n  key-string Mossback77", "Mossback77"),
        # PPP's secrets table, Dovecot's passwd-file, Postfix's static map
        ('# client  server  secret  IP\n"lbaptiste"  *  "Copper-Finch-19"  10.8.0.4', "Copper-Finch-19"),
        ("ines:{PLAIN}Sable-Orchid-40::::/var/vmail/ines::", "Sable-Orchid-40"),
        (
            "relayhost = [smtp.example.net]:587\nsmtp_sasl_password_maps = static:relayuser:T7mWq2Lx9Rb",
            "T7mWq2Lx9Rb",
        ),
        # an auth tuple's password
        ('resp = requests.get(url, auth=("svc-report", "Oak-Ember-5510"))', "Oak-Ember-5510"),
        ("client = HTTPBasicAuth('importer', 'Vellum-Quartz-27')", "Vellum-Quartz-27"),
        # an app password's four groups, a passphrase's words
        ('SMTP_PASSWORD = "qwhz ptkr lmvd ksau"', "qwhz ptkr lmvd ksau"),
        ("  BACKUP_PASSPHRASE: amber tractor violin meadow", "amber tractor violin meadow"),
        # what dumping and cracking tools print (an NT hash logs in as a password does)
        (
            "jdoe:1104:aad3b435b51404eeaad3b435b51404ee:0c5f1d3b7e9a204b7e1c9a2f0d3e8b6a:::",
            "0c5f1d3b7e9a204b",
        ),
        ("        * NTLM     : 8e2a4c6f0b1d3e5a7c9f1b3d5e7a9c0e", "8e2a4c6f0b1d3e5a"),
        ("                 KEY FOUND! [ orchardcafe2019 ]", "orchardcafe2019"),
        ("127.0.0.1:6379> ACL SETUSER reports on >Rp_7quartz ~reports:* +get", "Rp_7quartz"),
        ('<string name="stripe_secret_key">9f2c7a1e5b3d8f4a</string>', "9f2c7a1e5b3d8f4a"),
        # "--password" is no port's flag: its value with no user's flag on the line
        ('    --password "kqwe-rtyu-asdf-zxcv"', "kqwe-rtyu-asdf-zxcv"),
        ('SMTP_APP_PASSWORD = "lkjh gfds poiu mnbv"   # app password', "lkjh gfds poiu mnbv"),
        # a tunnel's token: base64 of JSON that holds a random secret
        (
            "cloudflared service install eyJhIjoiOWI4ZTJjMTBhNGQ1ZjZlNyIsInQiOiIxMjNlNDU2Ny1lODliLTEyZDMt"
            "YTQ1Ni00MjY2MTQxNzQwMDAiLCJzIjoiUXo3TnBMMnhXdjlLcjRUbThZYzFGaDZKIn0=",
            "eyJhIjoiOWI4ZTJj",
        ),
    ],
)
def test_the_password_is_masked(text: str, secret: str) -> None:
    assert secret not in _masked(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a camelCase key that names a secret, holds a header's name or is a key of its own
        ("auth:\n  existingSecret: billing-db-auth", "billing-db-auth"),
        ('const HeaderAPIKey = "X-Api-Key"', "X-Api-Key"),
        ('case refreshToken = "org.example.app.refreshToken"', "org.example.app.refreshToken"),
        # "-p" as a port, a path
        ("psql -U reporting -p 5433 -h db-2 analytics", "5433"),
        ("mkdir -p /srv/data && chown -R app /srv/data", "/srv/data"),
        # a passphrase's label in a sentence
        ("Passphrase: ask the on-call lead for the current one", "ask the on-call lead"),
        # ids: a mod list, a queue's id, a GPU's UUID, a webhook's placeholder path
        ("WorkshopItems=1839201745;2048113390;2211904562", "1839201745"),
        ("status=sent (250 2.0.0 OK queue id 7Rq2Zk9Lw3Xn)", "7Rq2Zk9Lw3Xn"),
        ("GPU 0: NVIDIA L4 (UUID: GPU-5c1e8a2d-7b3f-4e60-9d21-0a8f6b4c3e17)", "GPU-5c1e8a2d"),
        ("WEBHOOK=https://hooks.slack.com/services/XXXX/XXXX/XXXX", "XXXX/XXXX"),
        # a log's date and hour
        ("25/01/07 14:02:55 INFO BlockManager: Registering", "25/01/07 14"),
        # ids made public or naming no secret
        ("gtag('config', 'G-4RT7WQ2ZXK');", "G-4RT7WQ2ZXK"),
        ("Via: SIP/2.0/UDP 10.1.1.5:5060;branch=z9hG4bK5a8c2e71d", "z9hG4bK5a8c2e71d"),
        ("  - hdf5=1.14.3=nompi_h4f84152_100", "nompi_h4f84152_100"),
        ("https://example.org/?utm_source=mail&utm_campaign=autumn25_promo", "autumn25_promo"),
        ("const stripe = Stripe('pk_live_51QrT8zXa2Bc4De6Fg8Hi0Jk2Lm4No6Pq8Rs');", "pk_live_51QrT8zX"),
        ("[2025-02-03 04:11:52] sync: starting run 1738555912", "1738555912"),
        (
            "powershell -NoProfile -EncodedCommand RwBlAHQALQBQAHIAbwBjAGUAcwBzACAAfAAgAFMAbwByAHQA",
            "RwBlAHQALQBQAHIAbwBj",
        ),
        # a file's name, a secret's name by reference, a Maven coordinate, a cert's serial, a
        # resource's path, a Terraform resource's progress, a PGP message's ciphertext, a commit
        ('"key_filepath": "./fastlane/keys/AuthKey_K4Q7ZR2M9X.p8"', "AuthKey_K4Q7ZR2M9X"),
        ('"env": { "SENTRY_AUTH_TOKEN": "@sentry_auth_token" }', "@sentry_auth_token"),
        ("<groupId>io.jsonwebtoken</groupId>\n<artifactId>jjwt-impl</artifactId>", "jjwt-impl"),
        ("serial=05A1C3E7F9B2D4068A1C3E5F7B9D20", "05A1C3E7F9B2D4068A1C3E5F7B9D20"),
        ("request completed method=GET path=/v2/orders/ord_7Lq2Wm9Xk4Rt", "ord_7Lq2Wm9Xk4Rt"),
        ("aws_ssm_parameter.deploy_secret: Creation complete after 1s", "Creation complete"),
        (
            "vault_password: |\n  -----BEGIN PGP MESSAGE-----\n\n"
            "  hQEMA7x2Q9vT4mLqAQf/Zk3pR8sJ1cB6yH3eF5gD9aK2uW0oX7iPzQ4lNvMbE1",
            "hQEMA7x2Q9vT4mLqAQf",
        ),
        ("Location: modules/net/main.tf:12 (commit 4e7a91c)", "4e7a91c"),
        ("url: postgresql://${oc.env:DB_USER}:${oc.env:DB_PASSWORD}@db:5432/app", "oc.env:DB_PASSWORD"),
        # a usage line's placeholder after "--password"
        ("usage: backup-tool --password PASSWORD --host HOST", "PASSWORD"),
        # feature flags and code under a user's key
        ("passwordless_login=beta\nnew_ui=true", "beta"),
        ('DB_USER = os.environ["DB_USER"]', "os.environ"),
    ],
)
def test_the_lookalike_is_kept(text: str, kept: str) -> None:
    assert kept in _masked(text)


def test_phones_glued_in_a_list_are_still_phones() -> None:
    """Two numbers glued by a comma after a contact's label stay phones; the id rule wants three
    or more and no phone's word."""
    out = _masked("Contacts: 0612345678,0687654321")
    assert "0612345678" not in out and "0687654321" not in out
    assert "0612345678" not in _masked("tel 0612345678;0687654321;0611122233")


def test_a_publishable_key_named_otherwise_and_a_birth_number_stay_masked() -> None:
    """A `pk_live_` key under a token's name (not a publishable key's) stays a secret; ten digits
    that read as a Unix time are an id on a form's line (a Czech birth number), no clock on it."""
    assert "pk_live_51QrT8zX" not in _masked("PAYMENT_TOKEN=pk_live_51QrT8zXa2Bc4De6Fg8Hi0Jk2Lm4No6Pq8Rs")
    assert "1705213348" not in _masked("Rodné číslo pojištěnce: 1705213348")


def test_customers_ids_and_a_login_key_stay_masked() -> None:
    """A Stripe customer's id names a person (not a public id); 40 hex characters after `wandb
    login` are a key, not a commit."""
    assert "cus_R7xKq2LmZt4Wd" not in _masked("Customer cus_R7xKq2LmZt4Wd - Stripe Dashboard")
    assert "51c0fdd0ef408924" not in _masked("In [2]: !wandb login 51c0fdd0ef408924df5fe9cc3f0856f69a1edeea")


def test_aws_access_key_id_and_session_id_stay_secrets() -> None:
    assert "AKIAQ3EXAMPLEZ7NW2HX" not in _masked("Access key ID: AKIAQ3EXAMPLEZ7NW2HX")


def test_batch_finds_what_single_texts_find() -> None:
    texts = [
        "[GameSettings]\nLobbyPassword=moonharbor\nMaxPlayers=16",
        "snmp-server host 192.0.2.40 traps version 2c Gr4nite0wl",
        "ines:{PLAIN}Sable-Orchid-40::::/var/vmail/ines::",
        'SMTP_PASSWORD = "qwhz ptkr lmvd ksau"',
        "smbclient //nas/share -u backup -p 'Fern-Lantern-82'",
        "a line with nothing in it at all",
    ]
    assert [r.text for r in R.redact_many(texts)] == [R.redact(t).text for t in texts]


def test_settings_of_one_token_each_are_no_chat() -> None:
    """An MTA-STS policy (`mx: mx1.…` twice, `max_age: 604800`) has a transcript's shape, a key
    said twice; its values are single machine tokens, so no key is a speaker. A chat of one-word
    turns keeps its speakers."""
    policy = (
        "version: STSv1\nmode: enforce\nmx: mx1.mail.example.net\nmx: mx2.mail.example.net\nmax_age: 86400"
    )
    assert _masked(policy) == policy
    assert "dario" not in _masked("dario: hi\nlena: hey\ndario: ok")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # an Italian tax code after "C.F." or "CF" even with its check letter wrong
        ("Assistita: Rosa Esposito — C.F. SPSRSO71E52F839K — Esenzione: E01", "SPSRSO71E52F839K"),
        ("richiesta certificato per CF BNCGNN85M10H501A", "BNCGNN85M10H501A"),
        # an OpenSSH client's user, an sshd log's invalid user
        ("Host lab-gpu\n    HostName 10.4.0.9\n    User mrinaldi\n    Port 22", "mrinaldi"),
        (
            "sshd[901]: Connection closed by invalid user tcarvalho 203.0.113.5 port 4122 [preauth]",
            "tcarvalho",
        ),
    ],
)
def test_ids_and_logins_of_known_shapes(text: str, secret: str) -> None:
    assert secret not in _masked(text)
