"""bench/fleet's minimal HTTP/1.1 client against a scripted asyncio server: keep-alive reuse,
Content-Length and chunked bodies, Retry-After, `Connection: close` and a dropped connection
(an error the device retries, then a fresh connection)."""

from __future__ import annotations

import asyncio

import pytest
from bench.fleet.http1 import Connection, HttpError

ANSWERS = [
    b'HTTP/1.1 200 OK\r\ncontent-length: 18\r\ncontent-type: application/json\r\n\r\n{"duplicate":true}',
    b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\ncontent-length: 0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
]


async def _scenario() -> tuple[list[tuple[int, bytes, float]], int, list[bytes]]:
    conns, bodies = 0, []
    answers = iter(ANSWERS)

    async def handle(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        nonlocal conns
        conns += 1
        while True:
            try:
                head = await r.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                break
            n = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            bodies.append(await r.readexactly(n))
            nxt = next(answers, None)
            if nxt is None:  # the last request: the server drops the connection unanswered
                break
            w.write(nxt)
            await w.drain()
        w.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    c = Connection(port, timeout=5)
    got = []
    big = b"x" * 100_000  # sent in a second write
    for body in (b"one", big, b"three", b"four"):
        a = await c.request(b"PUT /x HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % len(body), body)
        got.append((a.status, a.body, a.retry_after))
    with pytest.raises(HttpError):
        await c.request(b"PUT /y HTTP/1.1\r\nContent-Length: 4\r\n\r\n", b"last")
    c.close()
    server.close()
    await server.wait_closed()
    return got, conns, bodies


def test_keep_alive_bodies_retry_after_close_and_errors() -> None:
    got, conns, bodies = asyncio.run(_scenario())
    assert got[0] == (200, b'{"duplicate":true}', 0.0)
    assert got[1] == (429, b"", 2.0)
    assert got[2] == (200, b"abcdefg", 0.0)
    assert got[3] == (200, b"ok", 0.0)
    assert bodies[:4] == [b"one", b"x" * 100_000, b"three", b"four"] and bodies[4] == b"last"
    assert conns == 2  # one keep-alive connection for four requests, a new one after `close`
