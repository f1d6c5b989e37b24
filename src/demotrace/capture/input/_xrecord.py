"""XRecord's recorded events read straight from the record connection's socket.

pynput enables its RECORD context through python-xlib, which handles every reply (one per
recorded event while input is slow, e.g. each step of a pointer motion) with its generic reply
machinery: locks, a request lookup, a reply struct parsed into a dict wrapper, then pynput's
callback. That was ~0.1 ms per event, most of what the input threads cost during a pointer burst
(docs/BENCHMARKS.md, "Recorder cost, fourth pass"). Here the listener's thread sends the
EnableContext request itself and splits what arrives into replies: 32-byte header (type 1,
category at byte 1, length in 4-byte units at 4), then the data (recorded core events, 32 bytes
each), handed to the listener's `_handler` like python-xlib would. It returns at EndOfData (after a
DisableContext: pynput's, or its own once the listener stopped running, checked every `poll_s`
without input) and raises when the connection breaks or the server answers with an error.

Installed by `install(listener)` from a pynput listener's `_initialize` (the `FastPath` mixin),
which pynput calls on the listener's thread right before it enables the context: pynput's start,
stop and clean-up stay.
"""

from __future__ import annotations

import select
import struct
import time
from typing import Any

ENABLE_CONTEXT = 5
FROM_SERVER, END_OF_DATA = 0, 5
EVENT_SIZE = 32
"""A recorded core event (KeyPress, MotionNotify, …): 32 bytes, its type in the first."""
_HEADER = struct.Struct("=BBHI")  # type, category, sequence number, length (4-byte units)


class Recorded:
    """What python-xlib's EnableContext reply gives the handler: category and data."""

    __slots__ = ("category", "data")

    def __init__(self, category: int, data: bytes) -> None:
        self.category = category
        self.data = data


class FastPath:
    """Mixin for a pynput X listener (listed before it): replies read by `install`, and a reply of
    whole recorded events handed to `_events(data)`; a reply that is not a whole number of events
    goes entirely through pynput's own `_handler`. `_parse` gives pynput's event object for one."""

    def _initialize(self, display: Any) -> None:
        super()._initialize(display)  # type: ignore[misc]
        install(self)

    def _handler(self, events: Any) -> None:
        if not self.running:  # type: ignore[attr-defined]
            raise self.StopException()  # type: ignore[attr-defined]
        data = events.data
        if not data:
            return
        if len(data) % EVENT_SIZE:
            super()._handler(events)  # type: ignore[misc]
            return
        self._events(data)

    def _events(self, data: bytes) -> None:
        raise NotImplementedError

    def _parse(self, data: bytes, off: int) -> Any:
        parser: Any = self._EVENT_PARSER  # type: ignore[attr-defined]
        event, _ = parser.parse_binary_value(
            data[off : off + EVENT_SIZE],
            self._display_record.display,  # type: ignore[attr-defined]
            None,
            None,
        )
        return event


def install(listener: Any, poll_s: float = 0.5) -> None:
    """Make `listener._display_record.record_enable_context` the raw reader below."""
    display = listener._display_record

    def enable(context: int, handler: Any) -> None:
        def disable() -> None:
            listener._display_stop.record_disable_context(context)
            listener._display_stop.flush()

        read_records(display, context, handler, lambda: bool(listener.running), disable, poll_s)

    display.record_enable_context = enable  # an instance attribute: found before the extension's


def read_records(display: Any, context: int, handler: Any, running: Any, disable: Any, poll_s: float) -> None:
    proto = display.display  # python-xlib's protocol-level display: socket and request counter
    opcode = proto.get_extension_major("RECORD")
    display.flush()
    with proto.send_recv_lock:  # python-xlib numbers requests: keep its count in step
        proto.request_serial = (proto.request_serial + 1) % 65536
    sock = proto.socket
    sock.sendall(struct.pack("=BBHI", opcode, ENABLE_CONTEXT, 2, context))
    buf = bytearray()
    deadline = None
    while True:
        if deadline is None and not running():
            # stopped: end the context here and read up to its EndOfData (what comes before it
            # is dropped), so that python-xlib's close finds no reply it did not ask for
            disable()
            deadline = time.monotonic() + 2.0
        if not select.select([sock], [], [], poll_s)[0]:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError("no EndOfData after DisableContext")
            continue
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("X server closed the record connection")
        buf += chunk
        if deadline is None and not running():
            continue  # the top of the loop ends the context (the handler would raise)
        start = 0
        while len(buf) - start >= 32:
            kind, category, _, length = _HEADER.unpack_from(buf, start)
            if kind == 0:
                raise RuntimeError(f"X error {buf[start + 1]} on the record connection")
            if kind != 1:  # an event on this connection: not ours to read
                start += 32
                continue
            end = start + 32 + 4 * length
            if end > len(buf):
                break
            if category == END_OF_DATA:
                return
            if category == FROM_SERVER and length and deadline is None:
                handler(Recorded(category, bytes(buf[start + 32 : end])))
            start = end
        del buf[:start]
