"""Opening the metadata database: SQLite (WAL, busy timeout, write transactions that take the
lock up front, secure_delete so deleted rows are overwritten) or PostgreSQL, migrated by Alembic.

`Store.write()` is a transaction that writes: on SQLite it starts with `BEGIN IMMEDIATE`, so
several worker processes queue on the lock instead of failing on a stale snapshot.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from ..errors import UsageError

MIGRATIONS = Path(__file__).parent / "migrations"
# PostgreSQL connections kept per process by default (a service worker keeps its thread count + 4:
# ServiceConfig.worker_threads). A pool smaller than the threads that use it opens and closes
# connections under load (overflow ones close on return), which costs PostgreSQL a process each.
POOL_SIZE = 16
POOL_OVERFLOW = 8
PING_AFTER_IDLE_S = 2.0
_migrate_lock = threading.Lock()


def make_engine(url: str, pool_size: int = POOL_SIZE) -> Engine:
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})
        _sqlite_pragmas(engine)
        return engine
    if url.startswith("postgresql+psycopg://"):
        engine = create_engine(url, pool_size=pool_size, max_overflow=POOL_OVERFLOW)
        _ping_when_idle(engine)
        return engine
    raise UsageError(f"--db {url!r}: unsupported database URL (use sqlite:///FILE or postgresql://…)")


def _ping_when_idle(engine: Engine) -> None:
    """Check a pooled PostgreSQL connection with a round trip only when it sat idle for
    `PING_AFTER_IDLE_S` (SQLAlchemy's `pool_pre_ping` pings on every checkout, a round trip per
    transaction). A dead one (the server restarted) is replaced before use: raising
    DisconnectionError in `checkout` makes the pool discard it and take another. A connection
    that dies while in use fails that one transaction; SQLAlchemy then invalidates the pool's older
    connections, and the device retries the upload (its spool keeps the file)."""

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            dbapi_conn.execute("SELECT 1")
            dbapi_conn.rollback()
        except Exception as e:  # any failure: not a connection to hand out
            raise exc.DisconnectionError(f"stale pooled connection: {e}") from e


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA secure_delete=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with _migrate_lock, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(745201)"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    def __init__(self, url: str, audit_key: bytes | None = None, pool_size: int = POOL_SIZE) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        info = {"audit_key": audit_key} if audit_key else {}  # for store.audit, never stored
        self._read = sessionmaker(self.engine, expire_on_commit=False, info=info)
        self._autocommit = sessionmaker(
            self.engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False, info=info
        )
        self._write = sessionmaker(
            self.engine.execution_options(immediate=True), expire_on_commit=False, info=info
        )
        # SQLite has one writer: queue this process's writers on a lock rather than on SQLite's
        # busy handler, whose sleeps make the tail latency jump (other processes still use it)
        self._wlock = threading.Lock() if self.is_sqlite else None

    def migrate(self) -> None:
        migrate(self.engine)

    @contextmanager
    def read(self) -> Iterator[OrmSession]:
        with self._read() as s, s.begin():
            yield s

    @contextmanager
    def read_one(self) -> Iterator[OrmSession]:
        """A session for one SELECT outside a transaction (autocommit on PostgreSQL: one round
        trip, not BEGIN + SELECT + ROLLBACK); for lookups on every request, such as tokens."""
        if self.is_sqlite:
            with self.read() as s:
                yield s
            return
        with self._autocommit() as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[OrmSession]:
        if self._wlock is None:
            with self._write() as s, s.begin():
                yield s
            return
        with self._wlock, self._write() as s, s.begin():
            yield s

    def compact(self) -> None:
        """After deletions: fold the WAL into the database file so no deleted page lingers."""
        if self.is_sqlite:
            with self.engine.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()
