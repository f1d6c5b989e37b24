"""The device's side of presigned media uploads (server/grants.py): ask the API for a grant, PUT
the bytes straight to the object store (in parts for a large file), then ask the API to verify
and record them. The object store gets no API token; the API never gets the media bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

Call = Callable[..., httpx.Response]
"""The uploader's authenticated call to the API: (method, path, **httpx kwargs) → response."""


class StoreRefused(Exception):
    """The object store refused or failed a PUT: retried later like any transient failure."""


def is_media(rel: str) -> bool:
    return rel.startswith(("frames/", "video/")) and not rel.endswith(".json")


def _put(store: httpx.Client, url: str, body: bytes) -> httpx.Response:
    try:
        r = store.put(url, content=body)
    except httpx.HTTPError as e:
        raise StoreRefused(f"object store: {type(e).__name__}: {e}") from None
    if r.status_code != 200:
        raise StoreRefused(f"object store: HTTP {r.status_code} {r.text[:200]}")
    return r


def send_via_grant(
    call: Call, store: httpx.Client, sid: str, rel: str, sha: str, data: bytes
) -> httpx.Response | None:
    """Upload one media file through a grant; the API's final answer (the FileAck or an error),
    or None when the service wants it PUT to the API instead (no object store there)."""
    r = call("POST", f"/v1/sessions/{sid}/grants", json={"path": rel, "size": len(data), "sha256": sha})
    if r.status_code in (404, 405) and r.text == '{"detail":"Not Found"}':  # a service without grants
        return None
    if r.status_code != 200:
        return r
    grant: dict[str, Any] = r.json()
    if grant.get("direct"):
        return None
    confirm: dict[str, Any] = {"path": rel, "sha256": sha}
    if grant.get("upload_id"):
        size, etags = int(grant["part_size"]), []
        for n, url in enumerate(grant["part_urls"]):
            part = _put(store, url, data[n * size : (n + 1) * size])
            etags.append(part.headers.get("etag", ""))
        confirm |= {"upload_id": grant["upload_id"], "etags": etags}
    else:
        _put(store, str(grant["url"]), data)
    return call("POST", f"/v1/sessions/{sid}/grants/confirm", json=confirm)
