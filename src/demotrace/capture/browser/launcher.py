"""A managed Chromium profile with the extension installed and paired.

The extension's source is `extension/` at the repository root (an editable install finds it
there; `DEMOTRACE_EXTENSION_DIR` points elsewhere). Each launch copies it into the profile as
`<profile>/demotrace-extension/` and writes `config.json` (port + pairing secret, mode 0600) into
that copy; the service worker reads it with fetch(). The source tree never holds a secret.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from demotrace import paths
from demotrace.errors import CaptureError, UsageError

from .pairing import Pairing

CHROMIUM = "/usr/bin/chromium"
BASE_FLAGS = (
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--password-store=basic",
    # Chromium ≥ 137 ignores --load-extension unless this feature is off
    "--disable-features=DisableLoadExtensionCommandLineSwitch",
)


def extension_source() -> Path:
    env = os.environ.get("DEMOTRACE_EXTENSION_DIR")
    src = Path(env) if env else Path(__file__).resolve().parents[4] / "extension"
    if not (src / "manifest.json").is_file():
        raise CaptureError(
            f"the demotrace extension is not at {src} (no manifest.json); "
            "set DEMOTRACE_EXTENSION_DIR to the repository's extension/ folder"
        )
    return src


def default_profile() -> Path:
    return paths.home() / "browser-profile"


def write_config(ext: Path, pairing: Pairing) -> None:
    """The pairing inside a profile's copy of the extension (read again at every reconnect)."""
    cfg = ext / "config.json"
    tmp = ext / f"config.json.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump({"port": pairing.port, "secret": pairing.secret}, f)
    os.replace(tmp, cfg)


def _registry() -> Path:
    return paths.home() / "browser-extensions.txt"


def refresh_managed_config(pairing: Pairing) -> None:
    """Point every managed profile's extension (those `prepare_profile` made under this
    DEMOTRACE_HOME) at the bridge's current port; a running browser picks it up at its next
    reconnect, whichever of the two started first."""
    try:
        listed = _registry().read_text().splitlines()
    except FileNotFoundError:
        return
    for line in dict.fromkeys(listed):
        ext = Path(line)
        if line and (ext / "manifest.json").is_file():
            write_config(ext, pairing)


# The managed profile must not keep what people type either: no autofill entries, no saved
# passwords, no payment methods (Chromium would store them in "Web Data" / "Login Data").
PRIVATE_PREFS = {
    "autofill": {"enabled": False, "profile_enabled": False, "credit_card_enabled": False},
    "credentials_enable_service": False,
    "credentials_enable_autosignin": False,
    "profile": {"password_manager_enabled": False},
}


def _merge(into: dict[str, object], new: dict[str, object]) -> None:
    for k, v in new.items():
        cur = into.get(k)
        if isinstance(v, dict) and isinstance(cur, dict):
            _merge(cur, v)
        else:
            into[k] = v


def write_private_prefs(profile: Path) -> None:
    prefs_path = profile / "Default" / "Preferences"
    prefs_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        prefs = json.loads(prefs_path.read_text())
        if not isinstance(prefs, dict):
            prefs = {}
    except (FileNotFoundError, ValueError):
        prefs = {}
    _merge(prefs, PRIVATE_PREFS)
    prefs_path.write_text(json.dumps(prefs))


def prepare_profile(profile: Path, pairing: Pairing) -> Path:
    """Create `profile` if needed and install a paired copy of the extension into it."""
    profile.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_private_prefs(profile)
    ext = profile / "demotrace-extension"
    if ext.exists():
        shutil.rmtree(ext)
    shutil.copytree(extension_source(), ext)
    write_config(ext, pairing)
    reg = _registry()
    known = reg.read_text().splitlines() if reg.exists() else []
    if str(ext) not in known:
        with reg.open("a") as f:
            f.write(f"{ext}\n")
    return ext


def chromium_flags(
    ext: Path,
    *,
    window: tuple[int, int, int, int] | None = None,
    no_sandbox: bool | None = None,
) -> list[str]:
    """Flags for Chromium (without the executable, --user-data-dir and the URL)."""
    flags = [*BASE_FLAGS, f"--load-extension={ext}", f"--disable-extensions-except={ext}"]
    if no_sandbox if no_sandbox is not None else os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    if window is not None:
        x, y, w, h = window
        flags += [f"--window-position={x},{y}", f"--window-size={w},{h}"]
    return flags


def launch(
    url: str | None,
    pairing: Pairing,
    *,
    profile: Path | None = None,
    chromium: str = CHROMIUM,
    window: tuple[int, int, int, int] | None = None,
    display: str | None = None,
    extra_args: Sequence[str] = (),
) -> subprocess.Popen[bytes]:
    if not Path(chromium).exists():
        raise CaptureError(f"{chromium} not found; install chromium (make setup does)")
    env = dict(os.environ)
    if display:
        env["DISPLAY"] = display
    if not env.get("DISPLAY"):
        raise UsageError("no X display (DISPLAY unset); pass --display :N")
    profile = profile or default_profile()
    ext = prepare_profile(profile, pairing)
    args = [chromium, f"--user-data-dir={profile}", *chromium_flags(ext, window=window), *extra_args]
    if url:
        args.append(url)
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
