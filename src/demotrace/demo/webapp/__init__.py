"""A small local web app bundled with the demo: search, dropdowns, a login form, a long page and an
SPA. Served on 127.0.0.1; open it as http://demo.localhost:PORT/ (Chromium resolves *.localhost to
loopback), which the default policy allowlists; http://other.localhost:PORT/ is the same app on a
host that is not allowlisted."""

from .server import DemoWebApp

__all__ = ["DemoWebApp"]
