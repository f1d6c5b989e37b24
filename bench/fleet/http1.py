"""A minimal HTTP/1.1 keep-alive client on asyncio streams, for the load generator: the caller
hands it a request head and body already encoded (built before the measured window), and gets
back the status, the body and the one header the devices need (Retry-After). No header
dictionary, no URL parsing, no JSON: the generator's CPU per request must stay small beside a
worker's, or on a 2-core machine it eats the CPU the second worker should get."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

__all__ = ["Answer", "Connection", "HttpError"]


class HttpError(Exception):
    """The connection failed or the answer was not HTTP/1.1 as expected (the device retries)."""


@dataclass(slots=True)
class Answer:
    status: int
    body: bytes
    retry_after: float = 0.0


class Connection:
    """One keep-alive connection to 127.0.0.1:port, reopened after an error or `Connection: close`."""

    def __init__(self, port: int, timeout: float = 60.0) -> None:
        self.port, self.timeout = port, timeout
        self._r: asyncio.StreamReader | None = None
        self._w: asyncio.StreamWriter | None = None

    async def request(self, head: bytes, body: bytes = b"") -> Answer:
        try:
            return await asyncio.wait_for(self._exchange(head, body), self.timeout)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError) as e:
            self.close()
            raise HttpError(type(e).__name__) from e
        except HttpError:
            self.close()
            raise

    async def _exchange(self, head: bytes, body: bytes) -> Answer:
        if self._w is None:
            self._r, self._w = await asyncio.open_connection("127.0.0.1", self.port)
        r, w = self._r, self._w
        assert r is not None
        w.write(head + body if len(body) < 16384 else head)
        if len(body) >= 16384:
            w.write(body)
        await w.drain()
        raw = await r.readuntil(b"\r\n\r\n")
        status, length, retry, chunked, close = _parse_head(raw)
        data = await _read_chunked(r) if chunked else await r.readexactly(length) if length else b""
        if close:
            self.close()
        return Answer(status, data, retry)

    def close(self) -> None:
        if self._w is not None:
            self._w.close()
        self._r = self._w = None


def _parse_head(raw: bytes) -> tuple[int, int, float, bool, bool]:
    """(status, content-length, retry-after, chunked, connection: close) of a response head."""
    lines = raw.split(b"\r\n")
    first = lines[0].split(b" ", 2)
    if len(first) < 2 or not first[0].startswith(b"HTTP/1.") or not first[1].isdigit():
        raise HttpError(f"not an HTTP/1.x status line: {lines[0][:60]!r}")
    length, retry, chunked, close = 0, 0.0, False, first[0] == b"HTTP/1.0"
    for ln in lines[1:]:
        name, _, value = ln.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"retry-after":
            try:
                retry = float(value)
            except ValueError:
                retry = 1.0
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif name == b"connection":
            close = value.strip().lower() == b"close"
    return int(first[1]), length, retry, chunked, close


async def _read_chunked(r: asyncio.StreamReader) -> bytes:
    out = bytearray()
    while True:
        size = int((await r.readuntil(b"\r\n")).split(b";", 1)[0], 16)
        if size == 0:
            await r.readuntil(b"\r\n")  # no trailers are sent by uvicorn or nginx
            return bytes(out)
        out += await r.readexactly(size + 2)
        del out[-2:]
