"""The demo web app's server."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from demotrace.demo.webapp import DemoWebApp


@pytest.mark.parametrize(
    "path, marker",
    [("/", "Demo Home"), ("/login", 'type="password"'), ("/app/settings", "pushState"), ("/long", "Long")],
)
def test_pages(path: str, marker: str) -> None:
    with DemoWebApp() as app:
        body = urllib.request.urlopen(app.url(path, host="127.0.0.1"), timeout=5).read().decode()
    assert marker in body


def test_unknown_path_is_404() -> None:
    with DemoWebApp() as app, pytest.raises(urllib.error.HTTPError) as ei:
        urllib.request.urlopen(app.url("/static/../x", host="127.0.0.1"), timeout=5)
    assert ei.value.code == 404
    assert app.url("/login") == f"http://demo.localhost:{app.port}/login"
