"""The demo web app's server: stdlib `http.server` on 127.0.0.1, in a thread."""

from __future__ import annotations

import logging
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from types import TracebackType
from urllib.parse import urlsplit

log = logging.getLogger("demotrace.demo.webapp")

ALLOWED_HOST = "demo.localhost"
OTHER_HOST = "other.localhost"

# path → file under static/; every /app/... path is the SPA's shell
ROUTES = {
    "/": "index.html",
    "/login": "login.html",
    "/long": "long.html",
    "/frame": "frame.html",
    "/heavy": "heavy.html",
}
TYPES = {"html": "text/html; charset=utf-8", "js": "text/javascript", "css": "text/css"}


def _static(name: str) -> bytes | None:
    f = resources.files(__package__).joinpath("static", name)
    return f.read_bytes() if f.is_file() else None


class _Handler(BaseHTTPRequestHandler):
    server_version = "demotrace-webapp"

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == "/app" or path.startswith("/app/"):
            name: str | None = "app.html"
        elif path.startswith("/static/") and "/" not in path[len("/static/") :]:
            name = path[len("/static/") :]
        else:
            name = ROUTES.get(path)
        body = _static(name) if name and not name.startswith(".") else None
        if name is None or body is None:
            self.send_error(HTTPStatus.NOT_FOUND, f"no page at {path}")
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s " + format, self.address_string(), *args)


class DemoWebApp:
    """`with DemoWebApp() as app: app.url("/login")` → "http://demo.localhost:PORT/login"."""

    def __init__(self, port: int = 0) -> None:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str = "/", host: str = ALLOWED_HOST) -> str:
        return f"http://{host}:{self.port}{path}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="demo-webapp", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> DemoWebApp:
        self.start()
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
