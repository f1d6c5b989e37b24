"""`--engine ray`: each session is a Ray task. Joins the cluster that RAY_ADDRESS names, or
starts a local instance with `workers` CPUs and shuts it down afterwards.

For bundles on the driver's disk, results travel back through Ray's object store and are written
by the driver; for a service's released sessions each task reads its session from the blob store
and writes its part itself (store_export.py). Either way the output is the same as the local
engine's. The device key (when one is needed) is sent with each task; use Ray only on machines
that may hold it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import UsageError

J = TypeVar("J")
R = TypeVar("R")


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


def run_on_ray(
    fn: Callable[[J], R], jobs: list[J], workers: int, lost: Callable[[J, BaseException], R], retries: int = 1
) -> Iterator[R]:
    """`fn(job)` for every job as Ray tasks, at most 2 × `workers` in flight, results as they
    finish. A task whose worker died is run again up to `retries` times; after that, or when it
    raised, `lost(job, error)` stands for its result."""
    with ray_runtime(workers) as ray:
        from ray.exceptions import RayError

        task = ray.remote(num_cpus=1, max_retries=retries)(fn)
        todo = iter(jobs)
        pending: dict[Any, J] = {}
        for job in todo:
            pending[task.remote(job)] = job
            if len(pending) >= 2 * workers:
                break
        while pending:
            done, _ = ray.wait(list(pending), num_returns=1)
            job = pending.pop(done[0])
            nxt = next(todo, None)
            if nxt is not None:
                pending[task.remote(nxt)] = nxt
            try:
                res: R = ray.get(done[0])
            except RayError as e:
                res = lost(job, e)
            yield res
