"""The accessibility bus: found, or started by demotrace, and the switches that make toolkits
talk on it.

AT-SPI lives on its own D-Bus bus, whose address the session bus's `org.a11y.Bus` service
hands out (`GetAddress`). `at-spi-bus-launcher` owns that service: the session bus starts it
on demand (D-Bus activation, `/usr/share/dbus-1/services/org.a11y.Bus.service`); where that
does not happen we start it ourselves (`--launch-immediately`) and wait for the name. It also
sets the `AT_SPI_BUS` property on the X root window, where toolkits look first. Then
`org.a11y.Status.IsEnabled` is set, which asks toolkits that check it (Qt, Chromium's
auto-detection) to expose themselves.

Apps demotrace launches get `toolkit_env` (and Chromium `CHROMIUM_FLAG`); see
docs/ARCHITECTURE.md, "Desktop accessibility".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass

from jeepney import DBusAddress, MessageType, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
CHROMIUM_FLAG = "--force-renderer-accessibility"
_BUS = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
_STATUS = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Status")


class BusUnavailable(Exception):
    """No accessibility bus: the one-line reason is the message."""


@dataclass
class A11yBus:
    address: str
    launcher: subprocess.Popen[bytes] | None = None
    """The launcher we started (stopped with the recorder), None when it was running already."""

    def close(self) -> None:
        if self.launcher is not None and self.launcher.poll() is None:
            self.launcher.terminate()
            try:
                self.launcher.wait(2)
            except subprocess.TimeoutExpired:
                self.launcher.kill()


def toolkit_env(env: dict[str, str]) -> dict[str, str]:
    """The environment for an app that should appear on the bus: GTK 3 (≥ 3.22 loads the ATK
    bridge itself) unless NO_AT_BRIDGE is set, so it is removed; Qt only with the switch on."""
    out = dict(env)
    out.pop("NO_AT_BRIDGE", None)
    out.pop("GTK_A11Y", None)  # GTK 4: "none" turns it off
    out["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    out["QT_ACCESSIBILITY"] = "1"
    return out


def _get_address(conn: DBusConnection, timeout: float) -> str | None:
    reply = conn.send_and_get_reply(new_method_call(_BUS, "GetAddress"), timeout=timeout)
    if reply.header.message_type == MessageType.error:
        return None
    addr = str(reply.body[0]) if reply.body else ""
    return addr or None


def ensure_bus(env: dict[str, str] | None = None, timeout: float = 3.0) -> A11yBus:
    """The accessibility bus's address, starting `at-spi-bus-launcher` when no one owns
    `org.a11y.Bus`. Raises BusUnavailable with the reason (no session bus, no launcher, it did
    not answer in `timeout` s)."""
    env = dict(os.environ if env is None else env)
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        raise BusUnavailable("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
    try:
        conn = open_dbus_connection(env["DBUS_SESSION_BUS_ADDRESS"])
    except (OSError, ValueError) as e:
        raise BusUnavailable(f"session bus unreachable ({type(e).__name__})") from e
    launcher = None
    try:
        try:
            addr = _get_address(conn, timeout)  # D-Bus activation starts the launcher
        except TimeoutError as e:
            raise BusUnavailable(f"org.a11y.Bus did not answer in {timeout:g} s") from e
        if addr is None:
            launcher = _start_launcher(env)
            end = time.monotonic() + timeout
            while addr is None and time.monotonic() < end:
                time.sleep(0.1)
                if launcher.poll() is not None:
                    raise BusUnavailable(f"at-spi-bus-launcher exited ({launcher.returncode})")
                addr = _get_address(conn, max(end - time.monotonic(), 0.1))
            if addr is None:
                launcher.terminate()
                raise BusUnavailable("at-spi-bus-launcher started but gave no address")
        conn.send_and_get_reply(Properties(_STATUS).set("IsEnabled", "b", True), timeout=timeout)
        return A11yBus(addr, launcher)
    except (OSError, TimeoutError) as e:
        raise BusUnavailable(f"accessibility bus setup failed ({type(e).__name__})") from e
    finally:
        conn.close()


def _start_launcher(env: dict[str, str]) -> subprocess.Popen[bytes]:
    exe = next((p for p in LAUNCHERS if os.access(p, os.X_OK)), None) or shutil.which("at-spi-bus-launcher")
    if exe is None:
        raise BusUnavailable("at-spi-bus-launcher is not installed (Debian: at-spi2-core)")
    return subprocess.Popen(
        [exe, "--launch-immediately"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


__all__ = ["CHROMIUM_FLAG", "A11yBus", "BusUnavailable", "ensure_bus", "toolkit_env"]
