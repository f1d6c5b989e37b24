"""Every frame of a recorded tab vouches for it, in a real Chromium under Xvfb: password fields in a
cross-origin, a srcdoc, a data: and a script-written about:blank iframe are all boxed on screen
before the tab counts as allowed, a child frame that navigates in place is boxed again at its new
field, a frame the content script cannot run in (a failed load: Chrome's error page) keeps
the tab blocked until it is removed, and going away and back finds every frame boxed again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from demotrace.policy import parse_policy_toml

from .harness import Session, browser_session

pytestmark = [pytest.mark.x11, pytest.mark.slow]

PW = "<input type=password id=pw value=hunter2 style='width:180px'>"
CHILDREN = {
    "/child": f"<!doctype html><body style='margin:4px'>{PW}</body>",
    "/child2": f"<!doctype html><body style='margin:40px 0 0 150px'>{PW}</body>",
}


def main_page(port: int) -> str:
    blank = f"document.getElementById('blank').contentDocument.body.innerHTML = {PW!r};"
    return f"""<!doctype html><title>Frames</title><body><h1>Sign in</h1>
<iframe id=xorigin src="http://localhost:{port}/child"></iframe>
<iframe id=srcdoc srcdoc="{PW}"></iframe>
<iframe id=data src="data:text/html,{PW}"></iframe>
<iframe id=blank></iframe><script>{blank}</script></body>"""


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            port = self.server.server_address[1]
            body = CHILDREN.get(self.path) or main_page(port)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield int(srv.server_address[1])
    finally:
        srv.shutdown()


@pytest.fixture(scope="module")
def s(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    tmp: Path = tmp_path_factory.mktemp("frames")
    policy = parse_policy_toml('version = 4\n[[sites]]\ndomain = "127.0.0.1"\n', "frames")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DEMOTRACE_HOME", str(tmp / "home"))
        with browser_session(tmp, policy) as sess:
            yield sess


def boxed(s: Session, frame: str) -> bool:
    """The tab is allowed and the password field in iframe `frame` lies inside a blocked box."""
    x, y = s.center_of("#pw", s.page.frame_locator(f"#{frame}"))
    p = s.bridge.page_for()
    return (
        p is not None and p.allowed and any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in p.blocked_boxes)
    )


def test_every_frame_reports_and_a_frame_that_cannot_keeps_the_tab_blocked(s: Session, server: int) -> None:
    s.xdo("mousemove", 1200, 780)  # the pointer off the frames: their places come from their parent
    s.page.goto(f"http://127.0.0.1:{server}/")
    for frame in ("xorigin", "srcdoc", "data", "blank"):
        s.wait(lambda f=frame: boxed(s, f), 10, f"the password in the {frame} frame boxed")

    # the cross-origin frame navigates in place: its new page is placed and boxed at its new field
    x0, y0 = s.center_of("#pw", s.page.frame_locator("#xorigin"))
    s.page.evaluate(f"document.getElementById('xorigin').src = 'http://localhost:{server}/child2'")
    s.wait(
        lambda: s.center_of("#pw", s.page.frame_locator("#xorigin")) != (x0, y0), what="the child's new page"
    )
    s.wait(lambda: boxed(s, "xorigin"), 10, "the password on the child's new page boxed")

    # a frame that failed to load shows Chrome's error page, where no content script runs
    s.page.evaluate(
        "document.body.append(Object.assign(document.createElement('iframe'),"
        " {id: 'bad', src: 'http://127.0.0.1:1/'}))"
    )

    def blocked_by_the_error_page() -> bool:
        p = s.bridge.page_for()
        return p is not None and not p.allowed and "cannot run" in p.reason and not p.blocked_boxes

    s.wait(blocked_by_the_error_page, 10, "the tab blocked by the error-page frame")
    s.page.evaluate("document.getElementById('bad').remove()")
    s.wait(lambda: boxed(s, "srcdoc"), 10, "the tab allowed again once that frame is gone")

    # away and back (a back/forward-cache restore where Chromium keeps one): every frame again
    s.page.goto(f"http://127.0.0.1:{server}/child2")
    s.wait(lambda: (p := s.bridge.page_for()) is not None and p.url.endswith("/child2"), 10, "the next page")
    s.page.go_back()
    for frame in ("srcdoc", "data", "blank"):
        s.wait(lambda f=frame: boxed(s, f), 10, f"the password in the {frame} frame boxed after going back")
