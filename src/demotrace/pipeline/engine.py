"""Running an export: which sessions still need work, where it runs, and merging the result.

Engines (`local`: this process or a pool of processes; `ray`: tasks on a Ray cluster, a local
instance unless RAY_ADDRESS names one) run one task per session. For bundles on this machine the
task is `process_session` and what it returns is written here, by one process; for a service's
released sessions each task reads its session from the blob store and writes its own part
(store_export.py), so this process only plans and merges. Output is identical whichever engine
ran.

Resuming: each finished session leaves `.demotrace-export/<format>/sessions/<bundle>.state`
(parts.py: a fingerprint of the session's input, the pipeline configuration and the format, the
files it wrote with their sizes, the hash of its JSON lines and its statistics) and, for
JSON-lines formats, its lines in `parts/<bundle>.lines`. The state folder is hidden (Hugging
Face `datasets` and WebDataset skip dot-folders) and none of its files ends in a dataset suffix
(`.json`, `.jsonl`, `.parquet`, `.tar`, an image), so a loader that globs the dataset folder
recursively never reads anything twice. A later run skips sessions whose fingerprint still
matches and whose part and files verify, redoes failed, changed or damaged ones, and assembles
the JSON-lines file from the parts in session order.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from tqdm import tqdm

from ..errors import UsageError
from .config import PipelineConfig
from .export import get_exporter
from .parts import MARKER, PART, STATE, atomic_write, read_marker, sweep_temporaries, verified, write_part
from .report import write_report
from .reviews import service_reviews
from .source import find_bundles, is_service_folder
from .store_export import RETRIES, PartDone, StoreJob, export_stored_session, plan_store
from .store_export import lost as lost_part
from .worker import Job, SessionOutput, process_session

ENGINES = ("local", "ray")
J = TypeVar("J")
R = TypeVar("R")


@dataclass(slots=True)
class ExportSummary:
    fmt: str
    out: Path
    sessions: int = 0
    exported: int = 0
    resumed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(bundle folder name, what is wrong)."""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    episodes: int = 0
    steps: int = 0
    report: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.fmt,
            "out": str(self.out),
            "sessions": self.sessions,
            "exported": self.exported,
            "resumed": self.resumed,
            "failed": [{"session": s, "error": e} for s, e in self.failed],
            "warnings": [{"session": s, "problem": p} for s, p in self.warnings],
            "episodes": self.episodes,
            "steps": self.steps,
            "report": str(self.report) if self.report else None,
        }


def run_export(
    src: Path,
    fmt: str,
    out: Path,
    *,
    key: bytes | None = None,
    engine: str = "local",
    workers: int = 1,
    config: PipelineConfig | None = None,
    progress: bool = True,
    allow_empty: bool = False,
) -> ExportSummary:
    config = config or PipelineConfig()
    exporter = get_exporter(fmt, config)
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if workers < 1:
        raise UsageError(f"--workers must be at least 1 (got {workers})")
    service = is_service_folder(src)
    if service and not config.reviews:
        config = dataclasses.replace(config, reviews=service_reviews(src))
    out.mkdir(parents=True, exist_ok=True)
    state = out / STATE / fmt
    (state / "sessions").mkdir(parents=True, exist_ok=True)
    (state / "parts").mkdir(parents=True, exist_ok=True)
    _adopt_legacy_state(state)
    sweep_temporaries(out)

    stats: dict[str, dict[str, Any]] = {}
    if service:  # released sessions: each task reads its own from the store (store_export.py)
        plan = plan_store(src, fmt, config, key, allow_empty)
        names = [sid for sid, _ in plan.sessions]
        _prune(out, state, set(names))
        summary = ExportSummary(fmt, out, sessions=len(names))
        todo: list[StoreJob] = []
        for sid, fp in plan.sessions:
            if (st := verified(out, state, sid, fp)) is not None:
                stats[sid] = st
                summary.resumed += 1
            else:
                todo.append(StoreJob(plan.blobs_url, sid, fp, fmt, config, key, str(out)))
        results: Iterator[PartDone] = _run(export_stored_session, todo, engine, workers, lost_part, RETRIES)
    else:
        bundles = find_bundles(src, allow_empty=allow_empty)
        names = _unique_names(bundles)
        _prune(out, state, set(names))
        summary = ExportSummary(fmt, out, sessions=len(bundles))
        jobs: list[Job] = []
        prints: dict[str, str] = {}
        by_path = {str(b): n for b, n in zip(bundles, names, strict=True)}
        for b, name in zip(bundles, names, strict=True):
            fp = _fingerprint(b, fmt, config, key)
            prints[str(b)] = fp
            if (st := verified(out, state, name, fp)) is not None:
                stats[name] = st
                summary.resumed += 1
            else:
                jobs.append(Job(str(b), key, fmt, config))
        results = _written(
            _run(process_session, jobs, engine, workers, _lost_bundle), out, state, by_path, prints
        )

    bar = tqdm(
        total=summary.sessions,
        initial=summary.resumed,
        unit="session",
        desc=f"export {fmt}",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    )
    try:
        for done in results:
            if done.error is None and done.stats is not None:
                stats[done.name] = done.stats
            else:
                summary.failed.append((done.name, done.error or "unknown error"))
            bar.update(1)
    finally:
        bar.close()

    ordered = [n for n in names if n in stats]
    summary.exported = len(ordered) - summary.resumed
    if exporter.jsonl_name:
        parts = [state / "parts" / f"{n}{PART}" for n in ordered]
        _concat(parts, out / exporter.jsonl_name)
    for n in ordered:
        st = stats[n]
        summary.episodes += len(st["episodes"])
        summary.steps += sum(e["steps"] for e in st["episodes"])
        summary.warnings += [(n, p) for p in st.get("problems", [])]
    summary.report = write_report(out, fmt, [stats[n] for n in ordered], summary.failed)
    write_manifest(out, fmt, [stats[n] for n in ordered], state)
    if service:  # every read of released data is logged (DESIGN, principle 5)
        from ..store import audit_event
        from ..store.exports import register_export

        register_export(src, out, fmt)  # a later deletion reaches this export (store/exports.py)

        detail = {
            "format": fmt,
            "out": str(out.resolve()),
            "sessions": [str(stats[n]["session_id"]) for n in ordered],
            "failed": [n for n, _ in summary.failed],
            "episodes": summary.episodes,
            "steps": summary.steps,
        }
        audit_event(src, "pipeline", "export", detail)
    return summary


def _run(
    fn: Callable[[J], R],
    jobs: list[J],
    engine: str,
    workers: int,
    lost: Callable[[J, BaseException], R],
    retries: int = 1,
) -> Iterator[R]:
    if not jobs:
        return
    if engine == "ray":
        from .ray_engine import run_on_ray

        yield from run_on_ray(fn, jobs, workers, lost, retries)
        return
    if workers == 1 or len(jobs) == 1:
        for job in jobs:
            yield fn(job)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("forkserver")) as pool:
        pending = {pool.submit(fn, j) for j in jobs[: 2 * workers]}
        rest = iter(jobs[2 * workers :])
        while pending:
            fut = next(as_completed(pending))
            pending.remove(fut)
            nxt = next(rest, None)
            if nxt is not None:
                pending.add(pool.submit(fn, nxt))
            yield fut.result()


def _lost_bundle(job: Job, e: BaseException) -> SessionOutput:
    return SessionOutput(job.bundle, error=f"its task did not finish ({type(e).__name__})")


def _written(
    results: Iterator[SessionOutput], out: Path, state: Path, by_path: dict[str, str], prints: dict[str, str]
) -> Iterator[PartDone]:
    """Bundles read by the driver: what each task returned is written here, by one process."""
    for res in results:
        name = by_path[res.bundle]
        write_part(out, state, name, res.files, res.lines, res.stats, res.error, prints[res.bundle])
        yield PartDone(name, res.stats, res.error)


def _prune(out: Path, state: Path, names: set[str]) -> None:
    """Sessions exported earlier that the source no longer holds (deleted): their files, lines
    and state go, so a resumed export never keeps what was deleted."""
    for marker in (state / "sessions").glob(f"*{MARKER}"):
        name = marker.name.removesuffix(MARKER)
        if name in names:
            continue
        for rel in (read_marker(state, name) or {}).get("files", []):
            (out / rel).unlink(missing_ok=True)
        (state / "parts" / f"{name}{PART}").unlink(missing_ok=True)
        marker.unlink(missing_ok=True)


def write_manifest(out: Path, fmt: str, sessions: list[dict[str, Any]], state: Path) -> None:
    """`manifest.json`: what the dataset holds now, per session (episodes, steps, files)."""
    files = {}
    for marker in (state / "sessions").glob(f"*{MARKER}"):
        m = json.loads(marker.read_text())
        files[marker.name.removesuffix(MARKER)] = len(m.get("files", []))
    listed = [
        {
            "session_id": st["session_id"],
            "episodes": len(st["episodes"]),
            "steps": sum(e["steps"] for e in st["episodes"]),
            "episode_ids": [e["episode_id"] for e in st["episodes"]],
            "files": files.get(str(st["session_id"]), 0),
        }
        for st in sessions
    ]
    doc = {
        "format": fmt,
        "sessions": listed,
        "episodes": sum(x["episodes"] for x in listed),
        "steps": sum(x["steps"] for x in listed),
    }
    atomic_write(out / "manifest.json", json.dumps(doc, indent=1).encode())


def _adopt_legacy_state(state: Path) -> None:
    """Earlier versions named the state `sessions/*.json` and `parts/*.jsonl`, which a recursive
    glob of the dataset reads: rename them (their fingerprints no longer match, so those sessions
    are redone and the files they wrote are replaced or removed)."""
    for old, suffix in (("sessions/*.json", MARKER), ("parts/*.jsonl", PART)):
        for p in state.glob(old):
            p.replace(p.with_suffix(suffix))


def _fingerprint(bundle: Path, fmt: str, config: PipelineConfig, key: bytes | None) -> str:
    kid = hashlib.sha256(key).hexdigest()[:12] if key else "-"
    h = hashlib.sha256(f"{fmt}\x00{config.fingerprint()}\x00{kid}".encode())
    for p in sorted(bundle.rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(bundle)}\x00{st.st_size}\x00{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _unique_names(bundles: list[Path]) -> list[str]:
    """Bundle folder names (session ids), made unique if two folders share one."""
    seen: dict[str, int] = {}
    names = []
    for b in bundles:
        n = b.name
        if n in seen:
            seen[n] += 1
            n = f"{n}~{seen[n]}"
        else:
            seen[n] = 0
        names.append(n)
    return names


def _concat(parts: list[Path], dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".tmp")
    with open(tmp, "wb") as f:
        for p in parts:
            f.write(p.read_bytes())
    os.replace(tmp, dest)
