"""Bring derived exports up to date after a deletion (store/exports.py): each registered export
is resumed in place over the released sessions, which removes what was deleted and rewrites its
`manifest.json`. Run by one worker's background job at a time (or `demotrace admin
refresh-exports`), as an export job: `exports_engine` `local` runs `exports_workers` processes,
`ray` one Ray task per session (pipeline/store_export.py). Each export's state (refreshing, ok,
failed, with its counts or error) is kept in `exports.status.json` (`demotrace admin exports`)."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from ..store import ServiceData
from ..store.exports import claim_stale, mark_exports_stale, record_status, registered_exports

log = logging.getLogger("demotrace.server")


def refresh_exports(
    data: ServiceData, force: bool = False, engine: str | None = None, workers: int = 0
) -> int:
    """Refresh every registered export when a deletion marked them stale (every one with
    `force`); returns how many were brought up to date."""
    data_dir = data.config.data_dir
    with claim_stale(data_dir, force=force) as work:
        if not work:
            return 0
        from ..pipeline.engine import run_export

        engine = engine or data.config.exports_engine
        workers = workers or max(1, data.config.exports_workers)
        n = 0
        for e in registered_exports(data_dir):
            out = Path(e["out"])
            if not out.is_dir():
                continue  # moved or removed by its owner: nothing of ours left there
            started = time.time()
            record_status(data_dir, str(out), {"state": "refreshing", "started": started, "engine": engine})
            status: dict[str, Any] = {"started": started, "engine": engine}
            try:
                s = run_export(
                    data_dir,
                    str(e["format"]),
                    out,
                    engine=engine,
                    workers=workers,
                    progress=False,
                    allow_empty=True,
                )
                status |= {
                    "state": "ok" if not s.failed else "failed",
                    "sessions": s.sessions,
                    "steps": s.steps,
                    "failed": len(s.failed),
                    "error": s.failed[0][1] if s.failed else None,
                }
                n += 1  # a failed session is redone by the next refresh (not forced: it may fail for good)
            except Exception as ex:
                log.exception("export %s could not be brought up to date; retried later", out)
                status |= {"state": "failed", "error": f"{type(ex).__name__}: {ex}"}
                mark_exports_stale(data_dir)
            record_status(data_dir, str(out), {**status, "finished": time.time()})
        return n
