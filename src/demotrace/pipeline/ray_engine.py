"""`--engine ray`: each session is a Ray task. Joins the cluster that RAY_ADDRESS names, or
starts a local instance with `workers` CPUs and shuts it down afterwards.

Results travel back through Ray's object store and are written by the driver, so the output is
the same as the local engine's. The device key (when one is needed) is sent with each task; use
Ray only on machines that may hold it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import UsageError
from .worker import Job, SessionOutput, process_session


@contextmanager
def ray_runtime(workers: int) -> Iterator[Any]:
    """The `ray` module, joined to the cluster RAY_ADDRESS names or to a local instance started
    with `workers` CPUs, which is shut down on exit (a cluster already joined is left alone)."""
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs the `ray` package (pip install ray)") from None
    started = False
    if not ray.is_initialized():
        kw: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
        if os.environ.get("RAY_ADDRESS"):
            ray.init(**kw)
        else:
            ray.init(num_cpus=workers, **kw)
        started = True
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def run_on_ray(jobs: list[Job], workers: int) -> Iterator[SessionOutput]:
    with ray_runtime(workers) as ray:
        task = ray.remote(num_cpus=1, max_retries=1)(process_session)
        window = 2 * workers
        todo = iter(jobs)
        pending = [task.remote(j) for j, _ in zip(todo, range(window), strict=False)]
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(task.remote(nxt))
            res: SessionOutput = ray.get(done[0])
            yield res
