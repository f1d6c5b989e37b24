"""Media upload through the API vs. through presigned grants, on a real S3-compatible store.

Starts SeaweedFS (`weed server -s3`, tests/server/s3.py) and a `demotrace serve --blobs s3://…`
on 127.0.0.1, enrolls a device and uploads N frame files of S bytes with C client threads, once
PUT to the API (`/v1/sessions/{id}/files/frames/…`) and once through grants (grant → PUT to the
store → confirm). Reports MB/s (wall) and the service's CPU seconds per MB (user + system of the
service's process tree): the part of the API's CPU that media costs.

    .venv/bin/python bench/bench_media.py [--files 40] [--size-kb 512] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from demotrace.capture.media_upload import send_via_grant  # noqa: E402
from demotrace.schema import new_session_id  # noqa: E402
from tests.server.helpers import Service  # noqa: E402
from tests.server.s3 import Weed, aws_env  # noqa: E402


def cpu_s(pid: int) -> float:
    p = psutil.Process(pid)
    total = 0.0
    for q in [p, *p.children(recursive=True)]:
        try:
            t = q.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def upload(svc: Service, token: str, files: list[bytes], concurrency: int, via_grant: bool) -> list[str]:
    sid = new_session_id()
    errors: list[str] = []
    todo = list(enumerate(files))
    lock = threading.Lock()

    def worker() -> None:
        with svc.client(token) as api, httpx.Client(timeout=60) as store:
            while True:
                with lock:
                    if not todo:
                        return
                    n, data = todo.pop()
                rel, sha = f"frames/{n:06d}-before.png", hashlib.sha256(data).hexdigest()
                if via_grant:
                    r = send_via_grant(api.request, store, sid, rel, sha, data)
                    assert r is not None, "the service answered direct: no object store"
                else:
                    r = api.put(
                        f"/v1/sessions/{sid}/files/{rel}", content=data, headers={"X-Content-SHA256": sha}
                    )
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.text[:100]}")

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--size-kb", type=int, default=512)
    ap.add_argument("--concurrency", type=int, default=4)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-media-"))
    t0 = time.monotonic()
    weed = Weed(tmp / "weed").start()
    weed_start = time.monotonic() - t0
    os.environ.update(aws_env(weed.endpoint))
    svc = Service(tmp / "data", config={"blobs_url": f"s3://demotrace-bench/{uuid.uuid4().hex[:8]}"})
    svc.data_dir.mkdir(parents=True)
    svc.start()
    results = {"weed_ready_s": round(weed_start, 2), "files": a.files, "size_kb": a.size_kb}
    try:
        token = svc.enroll("bench")
        assert svc.proc is not None
        for mode in ("api", "grant"):
            files = [os.urandom(a.size_kb * 1024) for _ in range(a.files)]
            c0, w0 = cpu_s(svc.proc.pid), time.monotonic()
            errors = upload(svc, token, files, a.concurrency, via_grant=mode == "grant")
            wall, cpu = time.monotonic() - w0, cpu_s(svc.proc.pid) - c0
            mb = a.files * a.size_kb / 1024
            results[mode] = {
                "MB_per_s": round(mb / wall, 2),
                "service_cpu_s_per_MB": round(cpu / mb, 4),
                "errors": len(errors),
            }
    finally:
        svc.stop()
        weed.stop()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
