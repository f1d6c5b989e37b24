"""The OCR pass over the demo web page as Chromium draws it: none of the page's own words is
masked. Two over-masks were seen in the demo's frames: the nav bar's underlined "Long page" link,
read by the OCR as "Long_page" and masked as a handle after the "Login" link, and the country
picker's options and its echo ("France Germany Japan Brazil", "Germany Picked Germany") masked as
a person's name."""

from __future__ import annotations

import io

from PIL import Image

from demotrace.demo.webapp import DemoWebApp
from demotrace.redact import TextRedactor
from demotrace.redact.image import ocr_readings, redact_image

from .harness import CHROMIUM

_FLAGS = [
    "--no-sandbox",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _shot(js: str = "") -> Image.Image:
    from playwright.sync_api import sync_playwright

    with DemoWebApp() as app, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 700})
            page.goto(app.url("/", host="127.0.0.1"))
            page.wait_for_selector("#card")
            if js:
                page.evaluate(js)
            png = page.screenshot()
        finally:
            browser.close()
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_the_demo_page_keeps_its_own_words() -> None:
    img = _shot(
        "const s = document.getElementById('country'); s.value = 'de';s.dispatchEvent(new Event('change'));"
    )
    readings = ocr_readings(img)
    text = " ".join(w.text for w in readings[0])
    assert "Picked" in text and "Germany" in text and "Long" in text, text
    _, found = redact_image(img, TextRedactor(), readings=readings)
    assert not found, (text, found)


def test_a_name_typed_into_the_demo_search_is_still_masked() -> None:
    """The same page with a person's name and e-mail in its results: the pass still masks them."""
    img = _shot(
        "document.getElementById('q').value = 'Margarethe Vollmer margarethe.vollmer@example.org';"
        "document.getElementById('search-btn').click();"
    )
    _, found = redact_image(img, TextRedactor())
    assert {"PERSON", "EMAIL_ADDRESS"} <= {f.kind for f in found}, found
