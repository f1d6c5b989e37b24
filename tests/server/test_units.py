"""Pure parts without a server: the plaintext chunk encoding the uploader and the release pass
write, the service's chunk validator, and the audit chain."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from fastapi import HTTPException
from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.bundle import read_chunk
from demotrace.capture.uploader import backoff_delay, plain_chunk
from demotrace.server.decode import Limits, scan_chunk
from demotrace.store import ServiceConfig, ServiceData, audit

objs = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {
                "kind": st.just("event"),
                "type": st.just("key"),
                "t": st.floats(0, 1e6),
                "key": st.text(max_size=5),
            }
        ),
        st.fixed_dictionaries(
            {
                "kind": st.just("step"),
                "index": st.integers(0, 10**6),
                "t": st.floats(0, 1e6),
                "action": st.fixed_dictionaries(
                    {"type": st.sampled_from(["click", "type"]), "text": st.text()}
                ),
            }
        ),
    ),
    max_size=60,
)


LIMITS = Limits(body=1 << 20, record=1 << 20, records=100)


@settings(max_examples=40, deadline=None)
@given(objs, st.integers(1, 7))
def test_plain_chunk_round_trips_and_validates(items: list[dict[str, object]], per: int) -> None:
    data = plain_chunk(items, per_record=per)
    assert plain_chunk(items, per_record=per) == data  # deterministic: a stable sha256
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "000001.dtc"
        p.write_bytes(data)
        assert list(read_chunk(p, None)) == items
    counts = scan_chunk("chunks/000001.dtc", data, LIMITS)
    assert counts.steps == sum(o["kind"] == "step" for o in items)
    assert counts.events == sum(o["kind"] == "event" for o in items)


@pytest.mark.parametrize(
    "data, words",
    [
        (b"nope", "bad header"),
        (b"DTC1\x01", "encrypted"),
        (plain_chunk([{"kind": "step", "index": 0, "t": 1.0, "action": {}}]), "action.type"),
        (plain_chunk([{"kind": "step", "index": 0, "t": "1", "action": {"type": "key"}}]), "step.t"),
        (
            plain_chunk([{"kind": "step", "index": 0, "t": 1, "action": {"type": "k"}, "observation": []}]),
            "observation",
        ),
        (plain_chunk([{"kind": "x"}]), "kind"),
        (b"DTC1\x00\x00\x00\x00\x03abc", "not valid zstd"),
    ],
)
def test_validate_chunk_names_the_problem(data: bytes, words: str) -> None:
    with pytest.raises(HTTPException) as e:
        scan_chunk("chunks/000007.dtc", data, LIMITS)
    assert e.value.status_code == 422 and words in str(e.value.detail)


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    assert 0.25 <= backoff_delay(0) <= 0.5
    assert 2.0 <= backoff_delay(3) <= 4.0
    assert all(15.0 <= backoff_delay(50) <= 30.0 for _ in range(20))


def test_audit_chain_detects_reordering(tmp_path: Path) -> None:
    data = ServiceData(ServiceConfig(tmp_path))
    for i in range(5):
        with data.db.write() as s:
            audit.append(s, "t", f"a{i}", {"i": i})
    with data.db.read() as s:
        assert audit.verify(s).ok
    with data.db.write() as s:
        e2, e3 = s.get(audit.AuditEntry, 2), s.get(audit.AuditEntry, 3)
        assert e2 is not None and e3 is not None
        e2.detail, e3.detail = e3.detail, e2.detail
    with data.db.read() as s:
        r = audit.verify(s)
    assert not r.ok and r.problem is not None and "entry 2" in r.problem
    data.close()


def test_rate_limiter_refills_per_token_and_names_the_wait() -> None:
    from demotrace.server.ratelimit import RateLimiter, retry_after

    rl = RateLimiter(rate_per_s=2.0, burst=3)
    assert [rl.take("a", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = rl.take("a", now=0.0)
    assert wait == 0.5 and retry_after(wait) == "1"
    assert rl.take("b", now=0.0) == 0.0  # another token has its own bucket
    assert rl.take("a", now=0.5) == 0.0  # refilled one request in 0.5 s
    assert RateLimiter(0, 1).take("a") == 0.0  # 0 turns it off


def test_a_lost_database_connection_is_503_and_other_database_errors_stay_500() -> None:
    from sqlalchemy.exc import DBAPIError

    from demotrace.server.auth import database_lost

    lost = DBAPIError("SELECT 1", {}, Exception("server closed the connection"), connection_invalidated=True)
    r = database_lost(lost)
    assert r.status_code == 503 and r.headers["Retry-After"] == "1" and b"database" in r.body
    other = DBAPIError("SELECT 1", {}, Exception("syntax error"), connection_invalidated=False)
    with pytest.raises(DBAPIError):  # re-raised: Starlette logs it and answers 500
        database_lost(other)
