"""Blobs in an S3-compatible object store (AWS S3, SeaweedFS, MinIO …) through boto3.

Reached through the standard AWS environment (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`,
`AWS_SECRET_ACCESS_KEY`, `AWS_DEFAULT_REGION`). The bucket is created on first use when it is
missing. Keys are `<prefix>/<key>`; reads stream in blocks, so no object is held whole in memory
unless the caller asks for its bytes. Presigned URLs let a device PUT media straight into the
store (one URL per part for multipart uploads), the service keeping only metadata and grants."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from ..errors import UsageError

BLOCK = 1 << 20
Versions = list[tuple[str, int, str]]
"""(key, size, version) of each blob under a prefix."""
GRANT_TTL_S = 900


def _missing(e: ClientError) -> bool:
    code = str(e.response.get("Error", {}).get("Code", ""))
    return code in ("404", "NoSuchKey", "NotFound", "NoSuchBucket", "NoSuchUpload")


class S3Bucket:
    """One bucket and key prefix (`s3://BUCKET/PREFIX`)."""

    def __init__(self, url: str) -> None:
        rest = url.removeprefix("s3://").strip("/")
        self.bucket, _, prefix = rest.partition("/")
        if not self.bucket:
            raise UsageError(f"{url}: no bucket (want s3://BUCKET/PREFIX)")
        self.prefix = prefix.strip("/")
        cfg = Config(retries={"max_attempts": 5, "mode": "standard"}, signature_version="s3v4")
        self.client: Any = boto3.client(
            "s3",
            endpoint_url=os.environ.get("AWS_ENDPOINT_URL") or None,
            region_name=os.environ.get("AWS_DEFAULT_REGION") or "us-east-1",
            config=cfg,
        )
        try:
            self._ensure_bucket()
        except (BotoCoreError, ClientError) as e:
            endpoint = os.environ.get("AWS_ENDPOINT_URL") or "AWS"
            raise UsageError(f"{url}: the object store at {endpoint} cannot be used ({e})") from None

    def _ensure_bucket(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as e:
            if not _missing(e):
                raise
            try:
                self.client.create_bucket(Bucket=self.bucket)
            except ClientError as e2:  # another worker created it meanwhile
                if "BucketAlready" not in str(e2.response.get("Error", {}).get("Code", "")):
                    raise

    def key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def put(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self.key(key), Body=data)

    def get(self, key: str) -> bytes:
        try:
            body: bytes = self.client.get_object(Bucket=self.bucket, Key=self.key(key))["Body"].read()
        except ClientError as e:
            if _missing(e):
                raise FileNotFoundError(key) from None
            raise
        return body

    def iter_blocks(self, key: str, block: int = BLOCK) -> Iterator[bytes]:
        """The object's bytes in blocks of at most `block` (FileNotFoundError when absent)."""
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self.key(key))["Body"]
        except ClientError as e:
            if _missing(e):
                raise FileNotFoundError(key) from None
            raise
        try:
            while chunk := body.read(block):
                yield chunk
        finally:
            body.close()

    def size(self, key: str) -> int | None:
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self.key(key))
        except ClientError as e:
            if _missing(e):
                return None
            raise
        return int(head["ContentLength"])

    def exists(self, key: str) -> bool:
        return self.size(key) is not None

    def list(self, prefix: str) -> list[str]:
        """Keys under `prefix/`, relative to it, sorted (hidden temporaries left out)."""
        return [k for k, _, _ in self.versions(prefix)]

    def versions(self, prefix: str) -> Versions:
        """(key under `prefix/`, size, ETag) of every object there, from the listing alone."""
        base = self.key(prefix.rstrip("/")) + "/"
        out: Versions = []
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=base)
        for page in pages:
            for o in page.get("Contents", []):
                rel = str(o["Key"])[len(base) :]
                if rel and not rel.rsplit("/", 1)[-1].startswith("."):
                    out.append((rel, int(o["Size"]), str(o.get("ETag", ""))))
        return sorted(out)

    def copy(self, src: str, dst: str) -> None:
        """A server-side copy (the bytes never pass through this process)."""
        source = {"Bucket": self.bucket, "Key": self.key(src)}
        self.client.copy(source, self.bucket, self.key(dst))

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.key(key))

    def delete_prefix(self, prefix: str) -> None:
        base = prefix.rstrip("/")
        keys = [self.key(f"{base}/{k}") for k in self.list(base)]
        for i in range(0, len(keys), 1000):
            objs = [{"Key": k} for k in keys[i : i + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": objs, "Quiet": True})

    # -- presigned uploads ------------------------------------------------------------------
    def presign_put(self, key: str, ttl: int = GRANT_TTL_S) -> str:
        url: str = self.client.generate_presigned_url(
            "put_object", Params={"Bucket": self.bucket, "Key": self.key(key)}, ExpiresIn=ttl
        )
        return url

    def start_multipart(self, key: str) -> str:
        r = self.client.create_multipart_upload(Bucket=self.bucket, Key=self.key(key))
        return str(r["UploadId"])

    def presign_part(self, key: str, upload_id: str, part: int, ttl: int = GRANT_TTL_S) -> str:
        params = {"Bucket": self.bucket, "Key": self.key(key), "UploadId": upload_id, "PartNumber": part}
        url: str = self.client.generate_presigned_url("upload_part", Params=params, ExpiresIn=ttl)
        return url

    def finish_multipart(self, key: str, upload_id: str, etags: Sequence[str]) -> None:
        parts = [{"PartNumber": i + 1, "ETag": e} for i, e in enumerate(etags)]
        self.client.complete_multipart_upload(
            Bucket=self.bucket, Key=self.key(key), UploadId=upload_id, MultipartUpload={"Parts": parts}
        )

    def abort_multipart(self, key: str, upload_id: str) -> None:
        try:
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=self.key(key), UploadId=upload_id)
        except ClientError as e:
            if not _missing(e):
                raise
