"""Schemathesis against the published OpenAPI document, once per role (a time-boxed run): no 5xx,
no response outside the documented schema, status codes and content types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import Service

CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


@pytest.mark.slow
def test_schemathesis_finds_no_server_error_or_schema_violation(service: Service, tmp_path: Path) -> None:
    tokens = {
        "employee": service.enroll("alice"),
        "admin": service.token("admin"),
        "trainer": service.token("trainer"),
    }
    st = Path(sys.executable).with_name("schemathesis")
    for role, tok in tokens.items():
        r = subprocess.run(
            [
                str(st),
                "run",
                f"{service.url}/openapi.json",
                "-H",
                f"Authorization: Bearer {tok}",
                "-c",
                CHECKS,
                "-n",
                "8",
                "--max-time",
                "20",
                "--no-shrink",
                "--seed",
                "1",
                "--generation-database",
                "none",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=180,
            cwd=tmp_path,
        )
        summary = r.stdout[-3000:]
        assert r.returncode == 0, f"{role}:\n{summary}"
        assert "generated" in summary, summary
    assert "Traceback" not in service.log_text()
