"""The per-install pairing secret that an extension must present to the bridge.

Kept in `demotrace.paths.home()/"browser-pairing.json"` (mode 0600): `{"port": P, "secret": S}`.
The port is the one the bridge last listened on; a managed profile gets both in its copy of the
extension, an existing browser gets them pasted into the extension's options page.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from demotrace import paths
from demotrace.errors import CaptureError

DEFAULT_PORT = 47613


@dataclass(frozen=True, slots=True)
class Pairing:
    port: int
    secret: str

    def to_json(self) -> str:
        return json.dumps({"port": self.port, "secret": self.secret})


def pairing_path() -> Path:
    return paths.home() / "browser-pairing.json"


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load_pairing(create: bool = True) -> Pairing:
    """This install's pairing; made (random 256-bit secret) on first use when `create`."""
    p = pairing_path()
    if p.exists():
        try:
            d = json.loads(p.read_text())
            pairing = Pairing(int(d["port"]), str(d["secret"]))
        except (ValueError, KeyError, TypeError) as e:
            raise CaptureError(f"{p} is not a pairing file ({e}); delete it to make a new one") from e
        if len(pairing.secret) < 32:
            raise CaptureError(f"{p} holds a secret that is too short; delete it to make a new one")
        return pairing
    if not create:
        raise CaptureError(f"no browser pairing yet ({p} missing); start the recorder first")
    # two processes may get here at once (the recorder and `demotrace browser`): the first link
    # wins and the other reads its secret
    pairing = Pairing(DEFAULT_PORT, secrets.token_urlsafe(32))
    tmp = p.with_name(f"{p.name}.{secrets.token_hex(6)}.new")
    _write_private(tmp, pairing.to_json())
    try:
        os.link(tmp, p)
    except FileExistsError:
        return load_pairing(create=False)
    finally:
        tmp.unlink(missing_ok=True)
    return pairing


def save_pairing(pairing: Pairing) -> None:
    _write_private(pairing_path(), pairing.to_json())
