"""Bring derived exports up to date after a deletion (store/exports.py): each registered export
is resumed in place over the released sessions, which removes what was deleted and rewrites its
`manifest.json`. Run by one worker's background job at a time."""

from __future__ import annotations

import logging
from pathlib import Path

from ..store import ServiceData
from ..store.exports import claim_stale, mark_exports_stale, registered_exports

log = logging.getLogger("demotrace.server")


def refresh_exports(data: ServiceData) -> int:
    """Refresh every registered export when a deletion marked them stale; returns how many."""
    data_dir = data.config.data_dir
    with claim_stale(data_dir) as work:
        if not work:
            return 0
        from ..pipeline.engine import run_export

        n = 0
        for e in registered_exports(data_dir):
            out = Path(e["out"])
            if not out.is_dir():
                continue  # moved or removed by its owner: nothing of ours left there
            try:
                run_export(data_dir, str(e["format"]), out, progress=False, allow_empty=True)
                n += 1
            except Exception:
                log.exception("export %s could not be brought up to date; retried later", out)
                mark_exports_stale(data_dir)
        return n
