"""Slot fillers for the training and held-out generators: Faker in many locales plus shapes.

A filler returns `(text, label)`; label is one of the model's kinds (`P` person, `A` street address,
`I` account/customer/patient id, `U` username/handle, `S` secret) or `""` for text the model must
leave alone (hard negatives: places, companies, products, code identifiers, versions, commit ids,
and the structured kinds the rules own: e-mail, phone, card, IBAN, IP).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date
from functools import cache

from faker import Faker

LOCALES: dict[str, tuple[str, ...]] = {
    "en": ("en_US", "en_GB", "en_CA", "en_AU", "en_IN"),
    "es": ("es_ES", "es_MX", "es_AR", "es_CO"),
    "nl": ("nl_NL", "nl_BE"),
    "de": ("de_DE", "de_AT", "de_CH"),
    "fr": ("fr_FR", "fr_CH"),
    "pt": ("pt_BR", "pt_PT"),
    "it": ("it_IT",),
    "pl": ("pl_PL",),
    "sv": ("sv_SE",),
    "tr": ("tr_TR",),
    "cs": ("cs_CZ",),
    "ru": ("ru_RU",),
    "el": ("el_GR",),
    "ja": ("ja_JP",),
    "zh": ("zh_CN",),
}

Filled = tuple[str, str]
Filler = Callable[["Ctx"], Filled]


@cache
def _faker(locale: str, seed: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(seed)
    return f


def fresh_fakers() -> None:
    """Forget the Faker instances (each keeps its random state between samples): called at the
    start of each data set, so that the same call gives the same samples however many were drawn
    before in the process. Without it `make model`'s topic classifier (fit's second draw of the
    topic data) was not the one `fit_ngram` run alone trains."""
    _faker.cache_clear()


class Ctx:
    """One sample's random source: a language, one of its Faker locales, and the RNG."""

    def __init__(self, lang: str, rng: random.Random, seed: int) -> None:
        self.lang = lang
        self.rng = rng
        self.fake = _faker(rng.choice(LOCALES[lang]), seed)

    def pick(self, items: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(items)


def _first(c: Ctx) -> Filled:
    return c.fake.first_name(), "P"


def _last(c: Ctx) -> Filled:
    return c.fake.last_name(), "P"


def _name(c: Ctx) -> Filled:
    r = c.rng.random()
    if c.lang in ("zh", "ja"):
        return c.fake.last_name() + c.fake.first_name() if r < 0.5 else c.fake.name(), "P"
    if r < 0.6:
        return f"{c.fake.first_name()} {c.fake.last_name()}", "P"
    if r < 0.75:
        return f"{c.fake.first_name()[0]}. {c.fake.last_name()}", "P"
    name = c.fake.name()
    for honorific in ("Dr. ", "Mr. ", "Mrs. ", "Ms. ", "Sr. ", "Sra. ", "Herr ", "Frau ", "Prof. "):
        name = name.removeprefix(honorific)
    return name, "P"


def _street(c: Ctx) -> Filled:
    return c.fake.street_address().strip(), "A"


def _address(c: Ctx) -> Filled:
    sep = c.pick((", ", ", ", "\n", " "))
    try:
        town = f"{c.fake.postcode()} {c.fake.city()}"
    except AttributeError:
        town = c.fake.city()
    if c.lang == "en" and c.rng.random() < 0.6:
        return c.fake.address().replace("\n", sep), "A"
    return f"{c.fake.street_address().strip()}{sep}{town}", "A"


POBOX = {
    "nl": ("Postbus {n}", "postbus {n}"),
    "es": ("Apartado de Correos {n}", "Apdo. {n}"),
    "de": ("Postfach {n}",),
    "fr": ("BP {n}", "Boîte postale {n}"),
    "pt": ("Caixa Postal {n}", "Apartado {n}"),
    "it": ("Casella Postale {n}",),
    "en": ("PO Box {n}", "P.O. Box {n}"),
}


def _pobox(c: Ctx) -> Filled:
    form = c.pick(POBOX.get(c.lang, POBOX["en"]))
    town = f" {c.fake.postcode()} {c.fake.city()}" if c.rng.random() < 0.5 else ""
    return form.format(n=c.rng.randint(10, 99999)) + town, "A"


ID_PREFIXES = (
    "ACC-", "CUST-", "C-", "CID ", "AC", "MRN ", "PT-", "KD-", "NR ", "ID ", "", "", "", "#", "U", "CLI-",
    "POL-", "ES-", "NHS ", "BSN ", "DNI ", "NIE ",
)  # fmt: skip


def _account_id(c: Ctx) -> Filled:
    r = c.rng.random()
    if r < 0.15 and c.lang == "es":
        return f"{c.rng.randint(10_000_000, 99_999_999)}{c.pick(tuple(string.ascii_uppercase))}", "I"
    if r < 0.25 and c.lang == "nl":
        return f"{c.rng.randint(100_000_000, 999_999_999)}", "I"
    prefix = c.pick(ID_PREFIXES)
    digits = c.rng.randint(4, 11)
    body = "".join(c.pick(tuple(string.digits)) for _ in range(digits))
    if c.rng.random() < 0.2:
        body = body[:3] + "-" + body[3:]
    return prefix + body, "I"


def _user(c: Ctx) -> Filled:
    u = c.fake.user_name()
    if c.rng.random() < 0.3:
        u = f"{c.fake.first_name()[0].lower()}{c.fake.last_name().lower()}".replace(" ", "")
    return u, "U"


def _handle(c: Ctx) -> Filled:
    return "@" + _user(c)[0], "U"


SECRET_SHAPES: tuple[tuple[str, str, int], ...] = (
    ("ghp_", string.ascii_letters + string.digits, 36),
    ("gho_", string.ascii_letters + string.digits, 36),
    ("github_pat_", string.ascii_letters + string.digits + "_", 60),
    ("glpat-", string.ascii_letters + string.digits + "-_", 20),
    ("AKIA", string.ascii_uppercase + string.digits, 16),
    ("xoxb-", string.digits + "-" + string.ascii_letters, 48),
    ("xoxp-", string.digits + "-" + string.ascii_letters, 60),
    ("sk-", string.ascii_letters + string.digits, 48),
    ("sk-proj-", string.ascii_letters + string.digits + "_-", 64),
    ("sk_live_", string.ascii_letters + string.digits, 24),
    ("rk_live_", string.ascii_letters + string.digits, 24),
    ("AIza", string.ascii_letters + string.digits + "_-", 35),
    ("npm_", string.ascii_letters + string.digits, 36),
    ("hf_", string.ascii_letters, 34),
    ("SG.", string.ascii_letters + string.digits + "_-", 66),
    ("", string.ascii_letters + string.digits, 32),
    ("", string.hexdigits[:16], 40),
    ("", string.ascii_letters + string.digits + "+/", 40),
)


def _token(c: Ctx) -> Filled:
    prefix, alphabet, n = c.rng.choice(SECRET_SHAPES)
    return prefix + "".join(c.rng.choice(alphabet) for _ in range(n)), "S"


WORD_PASSWORDS = ("Summer", "Winter", "Welkom", "Bienvenido", "Passwort", "Soleil", "Dragon", "Monkey")


def _password(c: Ctx) -> Filled:
    r = c.rng.random()
    if r < 0.35:
        return c.fake.password(length=c.rng.randint(8, 16)), "S"
    if r < 0.7:
        w = c.pick(WORD_PASSWORDS) + str(c.rng.randint(1, 2030)) + c.pick(("!", "", "#", "$", "?"))
        return w, "S"
    return c.fake.word() + c.pick(("_", "", "-")) + str(c.rng.randint(10, 9999)), "S"


def _hexid(c: Ctx, n: int) -> str:
    return "".join(c.rng.choice("0123456789abcdef") for _ in range(n))


PRODUCTS = (
    "Slack", "Gmail", "Google Docs", "Google Sheets", "Google Drive", "Visual Studio Code", "Jira",
    "Confluence", "Notion", "Figma", "Spotify", "Firefox", "Chromium", "Excel", "Word", "PowerPoint",
    "Outlook", "Teams", "Zoom", "GitHub", "GitLab", "LinkedIn", "Wikipedia", "Calendar", "Photoshop",
    "Terminal", "Finder", "Salesforce", "Zendesk", "HubSpot", "Trello", "Asana", "Postman", "Docker",
    "Kubernetes", "Grafana", "Sentry", "Datadog", "Thunderbird", "LibreOffice", "WhatsApp", "Telegram",
    "Signal", "Discord", "Stripe Dashboard", "Jenkins", "Safari", "Edge", "Android Studio", "IntelliJ IDEA",
    "PyCharm", "Manus", "Threads", "YouTube", "Netflix", "Amazon", "Booking.com", "Airbnb", "Miro",
)  # fmt: skip
IDENTIFIERS = (
    "getUserById", "parse_config", "AccountService", "CustomerRepository", "max_retries", "handleClick",
    "OrderController", "test_login_flow", "fetchData", "PatientRecord", "userName", "accountId",
    "MAX_CONNECTIONS", "renderHeader", "BillingClient", "session_token_ttl", "AddressValidator",
    "useState", "__init__", "main.py", "index.ts", "README.md", "docker-compose.yml", "Makefile",
)  # fmt: skip


def _product(c: Ctx) -> Filled:
    return c.pick(PRODUCTS), ""


def _ident(c: Ctx) -> Filled:
    return c.pick(IDENTIFIERS), ""


def _city(c: Ctx) -> Filled:
    return c.fake.city(), ""


def _country(c: Ctx) -> Filled:
    return c.fake.country(), ""


def _company(c: Ctx) -> Filled:
    return c.fake.company(), ""


def _version(c: Ctx) -> Filled:
    r = c.rng
    return c.pick(("v", "", "")) + f"{r.randint(0, 12)}.{r.randint(0, 30)}.{r.randint(0, 99)}", ""


def _commit(c: Ctx) -> Filled:
    return _hexid(c, c.rng.choice((7, 8, 12, 40))), ""


def _uuid(c: Ctx) -> Filled:
    h = _hexid(c, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}", ""


def _ticket(c: Ctx) -> Filled:
    key = c.pick(("PROJ", "OPS", "WEB", "API", "INFRA", "DATA", "SEC", "BUG"))
    return f"{key}-{c.rng.randint(1, 9999)}", ""


def _num(c: Ctx) -> Filled:
    return str(c.rng.randint(1, 500)), ""


def _date(c: Ctx) -> Filled:
    # fixed bounds: Faker's date() ends today, which made the data depend on the day it was built
    day = c.fake.date_between(start_date=date(1940, 1, 1), end_date=date(2025, 12, 31))
    return day.strftime(c.pick(("%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"))), ""


def _time(c: Ctx) -> Filled:
    return f"{c.rng.randint(7, 20):02d}:{c.pick(('00', '15', '30', '45'))}", ""


def _email(c: Ctx) -> Filled:
    return c.fake.email(), ""


def _phone(c: Ctx) -> Filled:
    return c.fake.phone_number(), ""


def _iban(c: Ctx) -> Filled:
    return c.fake.iban(), ""


def _host(c: Ctx) -> Filled:
    return c.pick(
        ("db", "api", "prod-db", "staging", "cache", "git", "vpn", "build")
    ) + "." + c.fake.domain_name(), ""


def _domain(c: Ctx) -> Filled:
    return c.fake.domain_name(), ""


def _word(c: Ctx) -> Filled:
    return c.fake.word(), ""


def _cword(c: Ctx) -> Filled:
    return c.fake.word().capitalize(), ""


def _age(c: Ctx) -> Filled:
    return str(c.rng.randint(18, 92)), ""


FILLERS: dict[str, Filler] = {
    "name": _name, "first": _first, "last": _last, "street": _street, "addr": _address,
    "pobox": _pobox, "id": _account_id, "user": _user, "handle": _handle, "token": _token,
    "pw": _password, "product": _product, "ident": _ident, "city": _city, "country": _country,
    "company": _company, "version": _version, "commit": _commit, "uuid": _uuid, "ticket": _ticket,
    "num": _num, "date": _date, "time": _time, "email": _email, "phone": _phone, "iban": _iban,
    "host": _host, "domain": _domain, "word": _word, "cword": _cword, "age": _age,
}  # fmt: skip
