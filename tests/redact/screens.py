# ruff: noqa: E501  (tables of UI words and sentences, CSS)
"""A labelled screenshot set, generated: forms, chat, e-mail, code and title bars in eight languages,
rendered by real Chromium, with the box of every must-catch span read from the DOM.

    shots = render(plan(12, seed=1))        # [Shot(image, spans=[Truth(kind, text, rects)], …)]
    score(shot, masked_boxes)               # per image: every span caught? other pixels masked?

Every value is generated here (Faker in the language's locale, random tokens and passwords); the
clean text is UI labels and sentences written for this file, none from the held-out text sets.
A span counts as caught when ≥ `INK_CAUGHT` of its ink (pixels that differ from the background of
its box) lies under a mask; "other pixels" are those outside every must-catch box.
"""

from __future__ import annotations

import html
import random
import string
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import numpy as np
from PIL import Image

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = (1280, 800)
INK_CAUGHT = 0.95
LAYOUTS = ("form", "chat", "email", "code", "titlebar")
LOCALES = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "nl": "nl_NL", "pl": "pl_PL",
           "it": "it_IT", "pt": "pt_PT"}  # fmt: skip

# UI words per language: name, e-mail, phone, address, account, country, plan, date, subject, from,
# to, save, hello, regards
LABELS = {
    "en": "Full name|Email|Phone|Address|Account number|Country|Plan|Date|Subject|From|To|Save|Hi|Best regards",
    "de": "Name|E-Mail|Telefon|Anschrift|Kontonummer|Land|Tarif|Datum|Betreff|Von|An|Speichern|Hallo|Viele Grüße",
    "fr": "Nom complet|Courriel|Téléphone|Adresse|Numéro de compte|Pays|Forfait|Date|Objet|De|À|Enregistrer|"
    "Bonjour|Cordialement",
    "es": "Nombre|Correo|Teléfono|Dirección|Número de cuenta|País|Plan|Fecha|Asunto|De|Para|Guardar|Hola|Saludos",
    "nl": "Naam|E-mail|Telefoon|Adres|Rekeningnummer|Land|Abonnement|Datum|Onderwerp|Van|Aan|Opslaan|Hoi|"
    "Met vriendelijke groet",
    "pl": "Imię i nazwisko|E-mail|Telefon|Adres|Numer konta|Kraj|Plan|Data|Temat|Od|Do|Zapisz|Cześć|Pozdrawiam",
    "it": "Nome|Email|Telefono|Indirizzo|Numero di conto|Paese|Piano|Data|Oggetto|Da|A|Salva|Ciao|Cordiali saluti",
    "pt": "Nome|Email|Telefone|Morada|Número de conta|País|Plano|Data|Assunto|De|Para|Guardar|Olá|Cumprimentos",
}
# ordinary sentences per language (no private data)
CLEAN = {
    "en": ["The quarterly report is ready for review.", "Can we move the meeting to Thursday?",
           "The build passed on the second try.", "Please check the new pricing page before launch."],
    "de": ["Der Quartalsbericht ist fertig.", "Können wir das Treffen auf Donnerstag verschieben?",
           "Der Build ist im zweiten Versuch durchgelaufen.", "Bitte prüft die neue Preisseite vor dem Start."],
    "fr": ["Le rapport trimestriel est prêt.", "Peut-on déplacer la réunion à jeudi ?",
           "La compilation a réussi au deuxième essai.", "Merci de relire la nouvelle page des tarifs."],
    "es": ["El informe trimestral está listo.", "¿Podemos mover la reunión al jueves?",
           "La compilación pasó en el segundo intento.", "Revisad la nueva página de precios antes del lanzamiento."],
    "nl": ["Het kwartaalrapport is klaar.", "Kunnen we de vergadering naar donderdag verzetten?",
           "De build slaagde bij de tweede poging.", "Kijk de nieuwe prijspagina na voor de lancering."],
    "pl": ["Raport kwartalny jest gotowy.", "Czy możemy przełożyć spotkanie na czwartek?",
           "Kompilacja przeszła za drugim razem.", "Sprawdźcie nową stronę z cennikiem przed startem."],
    "it": ["Il report trimestrale è pronto.", "Possiamo spostare la riunione a giovedì?",
           "La build è passata al secondo tentativo.", "Controllate la nuova pagina dei prezzi prima del lancio."],
    "pt": ["O relatório trimestral está pronto.", "Podemos mudar a reunião para quinta-feira?",
           "A compilação passou à segunda tentativa.", "Revejam a nova página de preços antes do lançamento."],
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Truth:
    kind: str
    text: str
    rects: tuple[tuple[float, float, float, float], ...]  # x0, y0, x1, y1 in screenshot pixels


@dataclass
class Shot:
    name: str
    layout: str
    lang: str
    html: str
    image: Image.Image | None = None
    spans: list[Truth] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Score:
    caught: int
    spans: int
    all_caught: bool
    other_masked: float  # fraction of pixels outside every must-catch box that are masked
    missed: tuple[str, ...]


def _pii(kind: str, value: str) -> str:
    return f'<span class="pii" data-kind="{kind}">{html.escape(value)}</span>'


def _token(rnd: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits
    return rnd.choice(["ghp_", "AKIA", "sk_live_", "glpat-"]) + "".join(
        rnd.choice(alphabet) for _ in range(28)
    )


def _password(rnd: random.Random) -> str:
    return "".join(
        rnd.choice(string.ascii_letters + string.digits + "!#%") for _ in range(rnd.randint(10, 16))
    )


class _Values:
    def __init__(self, lang: str, rnd: random.Random) -> None:
        from faker import Faker

        self.fk = Faker(LOCALES[lang])
        self.fk.seed_instance(rnd.randint(0, 2**31))
        self.rnd = rnd

    def person(self) -> str:
        return f"{self.fk.first_name()} {self.fk.last_name()}"

    def email(self) -> str:
        return self.fk.email()

    def phone(self) -> str:
        return str(self.fk.phone_number())

    def address(self) -> str:
        return str(self.fk.street_address())

    def iban(self) -> str:
        return str(self.fk.iban())


def _form(lang: str, v: _Values) -> str:
    lab = LABELS[lang].split("|")
    rows = [
        (lab[0], _pii("PERSON", v.person())),
        (lab[1], _pii("EMAIL_ADDRESS", v.email())),
        (lab[2], _pii("PHONE_NUMBER", v.phone())),
        (lab[3], _pii("STREET_ADDRESS", v.address())),
        (lab[4], _pii("IBAN_CODE", v.iban())),
        (lab[5], html.escape(v.fk.current_country())),
        (lab[6], "Business 2024"),
        (lab[7], v.fk.date()),
    ]
    body = "".join(
        f'<div class="row"><label>{k}</label><div class="field">{val}</div></div>' for k, val in rows
    )
    return f'<div class="card"><h2>{html.escape(CLEAN[lang][0])}</h2>{body}<button>{lab[11]}</button></div>'


def _chat(lang: str, v: _Values) -> str:
    lab, clean, rnd = LABELS[lang].split("|"), CLEAN[lang], v.rnd
    msgs = [
        f"{lab[12]} {_pii('PERSON', v.fk.first_name())}! {html.escape(clean[1])}",
        html.escape(rnd.choice(clean)),
        f"{_pii('PERSON', v.person())}: {_pii('PHONE_NUMBER', v.phone())}",
        f"{_pii('EMAIL_ADDRESS', v.email())} — {html.escape(clean[2])}",
        html.escape(rnd.choice(clean)),
    ]
    who = [v.fk.first_name(), v.fk.first_name()]
    bubbles = "".join(
        f'<div class="msg {"me" if i % 2 else ""}"><b>{_pii("PERSON", who[i % 2])}</b><p>{m}</p></div>'
        for i, m in enumerate(msgs)
    )
    return (
        f'<div class="chat"><div class="side">#general<br>#design<br>#random</div><div>{bubbles}</div></div>'
    )


def _email(lang: str, v: _Values) -> str:
    lab, clean = LABELS[lang].split("|"), CLEAN[lang]
    sender = v.person()
    return (
        f'<div class="mail"><div class="hdr"><div>{lab[9]}: {_pii("PERSON", sender)} '
        f"&lt;{_pii('EMAIL_ADDRESS', v.email())}&gt;</div>"
        f"<div>{lab[10]}: {_pii('EMAIL_ADDRESS', v.email())}</div>"
        f"<div>{lab[8]}: {html.escape(clean[3])}</div></div>"
        f"<p>{lab[12]} {_pii('PERSON', v.fk.first_name())},</p><p>{html.escape(clean[0])} "
        f"{html.escape(clean[1])}</p><p>{_pii('STREET_ADDRESS', v.address())}<br>"
        f"{lab[2]}: {_pii('PHONE_NUMBER', v.phone())}</p><p>{lab[13]},<br>{_pii('PERSON', sender)}</p></div>"
    )


def _code(lang: str, v: _Values) -> str:
    rnd = v.rnd
    user, pw = v.fk.user_name(), _password(rnd)
    lines = [
        "# settings for the staging deploy",
        "import os",
        "DEBUG = False",
        f'API_TOKEN = "{_pii("SECRET", _token(rnd))}"',
        f'DATABASE_URL = "postgres://{html.escape(user)}:{_pii("SECRET", pw)}@db.internal:5432/app"',
        "TIMEOUT_SECONDS = 30",
        f'ADMIN_EMAIL = "{_pii("EMAIL_ADDRESS", v.email())}"',
        "def handler(event, context):",
        "    return {'status': 200, 'body': 'ok'}",
        f'password = "{_pii("SECRET", _password(rnd))}"',
    ]
    return '<pre class="code">' + "\n".join(lines) + "</pre>"


def _titlebar(lang: str, v: _Values) -> str:
    clean = CLEAN[lang]
    title = f"Inbox - {_pii('PERSON', v.person())} - Mail"
    tabs = [
        f"{_pii('PERSON', v.person())} | LinkedIn",
        "Pull requests · acme/api",
        "Q3 Roadmap - Google Docs",
    ]
    tab_html = "".join(f'<div class="tab">{t}</div>' for t in tabs)
    return (
        f'<div class="title">{title}</div><div class="tabs">{tab_html}</div>'
        f'<div class="page"><h3>{html.escape(clean[0])}</h3><p>{html.escape(clean[2])}</p>'
        f"<p>{html.escape(clean[3])}</p><p>✉ {_pii('EMAIL_ADDRESS', v.email())}</p></div>"
    )


_BUILD = {"form": _form, "chat": _chat, "email": _email, "code": _code, "titlebar": _titlebar}
CSS = """
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 15px; color: #222; background: #fff; }
.card { margin: 30px 60px; padding: 20px; border: 1px solid #ccc; width: 640px; }
.row { display: flex; margin: 10px 0; } label { width: 200px; color: #555; }
.field { border: 1px solid #aaa; padding: 4px 8px; min-width: 320px; }
button { margin-top: 10px; padding: 6px 16px; }
.chat { display: flex; } .side { width: 180px; background: #3f0e40; color: #ddd; padding: 20px; height: 760px; }
.msg { margin: 14px 30px; } .msg p { margin: 4px 0; } .me { margin-left: 200px; }
.mail { margin: 30px 60px; width: 760px; } .hdr { border-bottom: 1px solid #ccc; padding-bottom: 8px; }
.code { font-family: 'DejaVu Sans Mono', monospace; font-size: 14px; background: #fdfdfd; margin: 30px;
  padding: 16px; line-height: 1.6; }
.title { background: #dedede; padding: 6px 12px; font-size: 14px; text-align: center; }
.tabs { display: flex; background: #eee; } .tab { padding: 6px 14px; border-right: 1px solid #ccc; font-size: 13px; }
.page { margin: 30px 60px; }
"""


def plan(n: int, seed: int = 1, layouts: Sequence[str] = LAYOUTS) -> list[Shot]:
    """`n` pages, layouts and languages in turn (each layout meets each language as n grows)."""
    rnd = random.Random(seed)
    langs = list(LOCALES)
    shots = []
    for i in range(n):
        layout, lang = layouts[i % len(layouts)], langs[(i + i // len(layouts)) % len(langs)]
        body = _BUILD[layout](lang, _Values(lang, rnd))
        page = f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><style>{CSS}</style><body>{body}</body></html>'
        shots.append(Shot(f"{i:03d}-{layout}-{lang}", layout, lang, page))
    return shots


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium page (the system's browser through Playwright; nothing downloaded)."""
    import tempfile

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        flags = ["--no-sandbox", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=flags,
            viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]}, device_scale_factor=1,
        )  # fmt: skip
        try:
            yield ctx.pages[0] if ctx.pages else ctx.new_page()
        finally:
            ctx.close()


_RECTS_JS = """() => [...document.querySelectorAll('.pii')].map(e => ({kind: e.dataset.kind,
  text: e.textContent, rects: [...e.getClientRects()].map(r => [r.left, r.top, r.right, r.bottom])}))"""


def render(shots: Iterable[Shot]) -> list[Shot]:
    out = []
    with chromium() as page:
        for shot in shots:
            page.set_content(shot.html)
            page.evaluate("() => document.fonts.ready")
            spans = page.evaluate(_RECTS_JS)
            shot.image = Image.open(BytesIO(page.screenshot(type="png"))).convert("RGB")
            shot.spans = [Truth(s["kind"], s["text"], tuple(tuple(r) for r in s["rects"])) for s in spans]
            out.append(shot)
    return out


def mask_array(size: tuple[int, int], boxes: Iterable[Sequence[float]], pad: int = 0) -> np.ndarray:
    w, h = size
    m = np.zeros((h, w), dtype=bool)
    for b in boxes:
        x0, y0 = max(0, round(b[0]) - pad), max(0, round(b[1]) - pad)
        x1, y1 = min(w, round(b[2]) + pad), min(h, round(b[3]) + pad)
        if x1 > x0 and y1 > y0:
            m[y0:y1, x0:x1] = True
    return m


def score(shot: Shot, masked: np.ndarray) -> Score:
    """Per image: which spans have ≥ `INK_CAUGHT` of their ink masked, and how much else is masked."""
    assert shot.image is not None
    gray = np.asarray(shot.image.convert("L"), dtype=np.int16)
    truth = mask_array(shot.image.size, [r for s in shot.spans for r in s.rects])
    missed = []
    for s in shot.spans:
        ink = np.zeros_like(truth)
        for x0, y0, x1, y1 in (tuple(round(v) for v in r) for r in s.rects):
            cell = gray[max(0, y0) : y1, max(0, x0) : x1]
            if cell.size:
                bg = int(np.bincount(cell.ravel().astype(np.int64)).argmax())
                ink[max(0, y0) : y1, max(0, x0) : x1] = np.abs(cell - bg) > 60
        total = int(ink.sum())
        if total and (ink & masked).sum() < INK_CAUGHT * total:
            missed.append(f"{s.kind}:{s.text}")
    other = ~truth
    frac = float((masked & other).sum() / max(1, other.sum()))
    n = len(shot.spans)
    return Score(n - len(missed), n, not missed, frac, tuple(missed))
