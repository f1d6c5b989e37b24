"""The unit of work that engines distribute: one session bundle in, its rendered output back.

A pure function of (bundle contents, format, configuration), so local processes and Ray produce
the same bytes. Failures come back as a one-line `error` naming what is wrong, never raised.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DemotraceError
from .config import PipelineConfig
from .export import get_exporter
from .prepare import prepare_session

log = logging.getLogger("demotrace.pipeline")


@dataclass(slots=True, frozen=True)
class Job:
    bundle: str
    key: bytes | None
    fmt: str
    config: PipelineConfig


@dataclass(slots=True)
class SessionOutput:
    bundle: str
    files: list[tuple[str, bytes]] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)
    stats: dict[str, Any] | None = None
    error: str | None = None


def process_session(job: Job) -> SessionOutput:
    root = Path(job.bundle)
    try:
        prep = prepare_session(root, job.key, job.config)
        exporter = get_exporter(job.fmt, job.config)
        rendered = exporter.render(prep.episodes, prep.frames, prep.data.meta)
        stats = prep.stats()
        stats["problems"] += prep.frames.problems
        return SessionOutput(job.bundle, rendered.files, rendered.lines, stats)
    except DemotraceError as e:
        return SessionOutput(job.bundle, error=str(e).replace(str(root) + "/", ""))
    except Exception as e:  # one broken session must not stop the others; it is reported
        log.debug("session %s failed", root.name, exc_info=True)
        return SessionOutput(job.bundle, error=f"{type(e).__name__}: {e}")
