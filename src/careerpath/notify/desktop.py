"""Delivering the notification: the platform's own tool, else the terminal and a log file.

No extra dependency: notify-send (libnotify) on Linux desktops, osascript on macOS and a
PowerShell toast on Windows ship with (or are one package away on) every desktop. A run from
cron has no session bus in its environment; the user's bus socket is then passed explicitly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from careerpath.processes import Runner

LOG_NAME = "remind.log"
# The AppUserModelID Windows PowerShell registers; a toast needs one that exists.
POWERSHELL_APP_ID = r"{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\WindowsPowerShell\v1.0\powershell.exe"


class Notifier(Protocol):
    def send(self, title: str, body: str) -> bool:
        """Show the notification; False when it could not be shown."""
        ...


def linux_bus(
    environ: Mapping[str, str], uid: int | None, exists: Callable[[Path], bool]
) -> str | None:
    """The session bus address notify-send needs, or None when there is no desktop session."""
    if environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return environ["DBUS_SESSION_BUS_ADDRESS"]
    if uid is None:
        return None
    socket = Path(f"/run/user/{uid}/bus")
    return f"unix:path={socket}" if exists(socket) else None


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def platform_command(system: str, title: str, body: str, bus: str | None) -> list[str] | None:
    """The argv that shows one notification on `system`, or None when it has no desktop."""
    if system == "darwin":
        lines = ["on run argv", "display notification (item 2 of argv) with title (item 1 of argv)",
                  "end run"]  # fmt: skip
        return ["osascript", *(part for line in lines for part in ("-e", line)), title, body]
    if system == "windows":
        toast = (
            "$m=[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
            "ContentType=WindowsRuntime];"
            "$t=$m::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02);"
            "$x=$t.GetElementsByTagName('text');"
            f"$x.Item(0).AppendChild($t.CreateTextNode({_ps_quote(title)}))>$null;"
            f"$x.Item(1).AppendChild($t.CreateTextNode({_ps_quote(body)}))>$null;"
            f"$m::CreateToastNotifier({_ps_quote(POWERSHELL_APP_ID)})"
            ".Show([Windows.UI.Notifications.ToastNotification]::new($t))"
        )
        return ["powershell", "-NoProfile", "-NonInteractive", "-Command", toast]
    if bus is None:
        return None
    return ["env", f"DBUS_SESSION_BUS_ADDRESS={bus}", "notify-send", "--app-name=careerpath",
            "--urgency=normal", title, body]  # fmt: skip


class CommandNotifier:
    """Runs one platform command per notification."""

    def __init__(self, system: str, bus: str | None, run: Runner) -> None:
        self.system = system
        self.bus = bus
        self.run = run

    def send(self, title: str, body: str) -> bool:
        argv = platform_command(self.system, title, body, self.bus)
        return argv is not None and self.run(argv, None).returncode == 0


def log_line(home: Path, now: dt.datetime, title: str, body: str) -> None:
    """Append the notification to the log in the data folder (the fallback's record)."""
    with (home / LOG_NAME).open("a", encoding="utf-8") as log:
        log.write(f"{now.isoformat(timespec='minutes')} {title}: {body.replace(chr(10), ' / ')}\n")
