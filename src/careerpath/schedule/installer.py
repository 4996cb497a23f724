"""Install, remove and describe the reminder job with the platform's per-user scheduler.

Everything outside this process comes in through a `Host` (the user's folders, the platform, a
command runner), so tests install into a temporary home with a fake runner and nothing here
reads the environment. Nothing is ever run as root: a job for root's crontab would remind
nobody.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from careerpath.errors import CareerpathError
from careerpath.exports.files import write_atomic
from careerpath.processes import Ran, Runner, run_command
from careerpath.schedule import cron, launchd, systemd, windows
from careerpath.schedule.job import Job


@dataclass(frozen=True)
class Host:
    system: str
    """"linux", "darwin" or "windows" (sys.platform's spelling, with win32 as windows)."""
    user_home: Path
    config_dir: Path
    """The user's configuration folder ($XDG_CONFIG_HOME or ~/.config): systemd units go here."""
    data_dir: Path
    """careerpath's data folder: the Windows task definition and the macOS log go here."""
    run: Runner
    uid: int | None
    today: dt.date


class ScheduleResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    backend: str
    files: list[str] = []
    """Files written (install) or removed (unschedule), full paths."""
    entries: list[str] = []
    """What was registered besides files: a crontab line, a task name, a unit enabled."""
    commands: list[str] = []
    """Scheduler commands that were run, for the record."""


def current_host(data_dir: Path, today: dt.date) -> Host:
    """The real machine: used only by the CLI."""
    import sys

    system = "windows" if sys.platform == "win32" else sys.platform
    home = Path.home()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    uid = os.getuid() if hasattr(os, "getuid") else None
    return Host(system, home, config, data_dir, run_command, uid, today)


class Backend:
    name = ""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.commands: list[str] = []

    def install(self, job: Job) -> ScheduleResult:
        raise NotImplementedError

    def remove(self) -> ScheduleResult | None:
        """What was removed, or None when nothing of this backend was installed."""
        raise NotImplementedError

    def status(self) -> str | None:
        """One line on what is installed, or None."""
        raise NotImplementedError

    def _run(self, *argv: str, stdin: str | None = None, check: bool = True) -> Ran:
        self.commands.append(" ".join(argv))
        ran = self.host.run(argv, stdin)
        if check and ran.returncode != 0:
            reason = (ran.stderr or ran.stdout).strip().splitlines()
            raise CareerpathError(
                f"{' '.join(argv)} failed ({reason[0] if reason else f'exit {ran.returncode}'})"
            )
        return ran

    def _result(self, files: list[Path], entries: list[str]) -> ScheduleResult:
        return ScheduleResult(backend=self.name, files=[str(f) for f in files], entries=entries,
                              commands=self.commands)  # fmt: skip


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, content)


class SystemdBackend(Backend):
    name = "systemd user timer"

    @property
    def folder(self) -> Path:
        return self.host.config_dir / "systemd" / "user"

    def files(self) -> list[Path]:
        return [self.folder / systemd.SERVICE, self.folder / systemd.TIMER]

    def install(self, job: Job) -> ScheduleResult:
        service, timer = self.files()
        _write(service, systemd.render_service(job).encode())
        _write(timer, systemd.render_timer(job).encode())
        try:
            self._run("systemctl", "--user", "daemon-reload")
            self._run("systemctl", "--user", "enable", "--now", systemd.TIMER)
        except CareerpathError:
            for path in (service, timer):
                path.unlink(missing_ok=True)
            raise
        return self._result(
            [service, timer], [f"{systemd.TIMER} enabled: {systemd.on_calendar(job)}"]
        )

    def remove(self) -> ScheduleResult | None:
        present = [p for p in self.files() if p.exists()]
        if not present:
            return None
        self._run("systemctl", "--user", "disable", "--now", systemd.TIMER, check=False)
        for path in present:
            path.unlink()
        self._run("systemctl", "--user", "daemon-reload", check=False)
        return self._result(present, [f"{systemd.TIMER} disabled"])

    def status(self) -> str | None:
        timer = self.files()[1]
        if not timer.exists():
            return None
        calendar = next((line.split("=", 1)[1] for line in timer.read_text().splitlines()
                         if line.startswith("OnCalendar=")), "?")  # fmt: skip
        state = self._run("systemctl", "--user", "is-enabled", systemd.TIMER, check=False)
        enabled = state.stdout.strip() or "unknown"
        return f"{self.name} {timer} ({calendar}; {enabled})"


class CronBackend(Backend):
    name = "crontab"

    def _read(self) -> str | None:
        """The user's crontab ("" when there is none yet); None when cron is not installed."""
        ran = self._run("crontab", "-l", check=False)
        if ran.returncode == 127:
            return None
        # `crontab -l` exits 1 with "no crontab for USER" when there is none yet.
        return ran.stdout if ran.returncode == 0 else ""

    def install(self, job: Job) -> ScheduleResult:
        current = self._read()
        if current is None:
            raise CareerpathError(
                "no scheduler found: systemd's user manager is not running and crontab is not "
                "installed (install cron, or run `careerpath remind` from your own scheduler)"
            )
        self._run("crontab", "-", stdin=cron.with_job(current, job))
        return self._result([], [f"crontab line: {cron.render_line(job)}"])

    def remove(self) -> ScheduleResult | None:
        current = self._read()
        line = None if current is None else cron.installed_line(current)
        if current is None or line is None:
            return None
        self._run("crontab", "-", stdin=cron.without_job(current))
        return self._result([], [f"crontab line removed: {line}"])

    def status(self) -> str | None:
        ran = self._run("crontab", "-l", check=False)
        line = cron.installed_line(ran.stdout) if ran.returncode == 0 else None
        return None if line is None else f"{self.name}: {line}"


class LaunchdBackend(Backend):
    name = "launchd agent"

    @property
    def plist(self) -> Path:
        return self.host.user_home / "Library" / "LaunchAgents" / launchd.PLIST

    @property
    def domain(self) -> str:
        return f"gui/{self.host.uid}"

    def install(self, job: Job) -> ScheduleResult:
        log = self.host.data_dir / "remind.log"
        _write(self.plist, launchd.render_plist(job, str(log)))
        self._run("launchctl", "bootout", f"{self.domain}/{launchd.AGENT_LABEL}", check=False)
        try:
            self._run("launchctl", "bootstrap", self.domain, str(self.plist))
        except CareerpathError:
            self.plist.unlink(missing_ok=True)
            raise
        return self._result([self.plist], [f"agent {launchd.AGENT_LABEL} loaded (log: {log})"])

    def remove(self) -> ScheduleResult | None:
        if not self.plist.exists():
            return None
        self._run("launchctl", "bootout", f"{self.domain}/{launchd.AGENT_LABEL}", check=False)
        self.plist.unlink()
        return self._result([self.plist], [f"agent {launchd.AGENT_LABEL} unloaded"])

    def status(self) -> str | None:
        return f"{self.name} {self.plist}" if self.plist.exists() else None


class TaskSchedulerBackend(Backend):
    name = "Task Scheduler task"

    @property
    def xml(self) -> Path:
        return self.host.data_dir / windows.XML_NAME

    def install(self, job: Job) -> ScheduleResult:
        # schtasks reads task XML as UTF-16 (with its byte-order mark).
        _write(self.xml, windows.render_xml(job, self.host.today).encode("utf-16"))
        try:
            self._run("schtasks", "/Create", "/TN", windows.TASK_NAME, "/XML", str(self.xml), "/F")
        except CareerpathError:
            self.xml.unlink(missing_ok=True)
            raise
        return self._result([self.xml], [f"task {windows.TASK_NAME} created"])

    def remove(self) -> ScheduleResult | None:
        if not self.xml.exists():
            return None
        self._run("schtasks", "/Delete", "/TN", windows.TASK_NAME, "/F", check=False)
        self.xml.unlink()
        return self._result([self.xml], [f"task {windows.TASK_NAME} deleted"])

    def status(self) -> str | None:
        if not self.xml.exists():
            return None
        found = self._run("schtasks", "/Query", "/TN", windows.TASK_NAME, check=False)
        state = "registered" if found.returncode == 0 else "not registered"
        return f"{self.name} {windows.TASK_NAME} ({state}; definition {self.xml})"


def backends(host: Host) -> list[Backend]:
    """Every backend this platform may have installed, the preferred one first."""
    if host.system == "darwin":
        return [LaunchdBackend(host)]
    if host.system == "windows":
        return [TaskSchedulerBackend(host)]
    return [SystemdBackend(host), CronBackend(host)]


def choose(host: Host) -> Backend:
    """systemd where a user manager answers, else the crontab (Linux and other Unixes)."""
    if host.uid == 0:
        raise CareerpathError(
            "not scheduling reminders for root: run `careerpath remind --schedule` as the "
            "user who should be reminded"
        )
    first, *rest = backends(host)
    if isinstance(first, SystemdBackend):
        probe = host.run(["systemctl", "--user", "show-environment"], None)
        return first if probe.returncode == 0 else rest[0]
    return first


def install(host: Host, job: Job) -> ScheduleResult:
    """Install `job`, replacing any earlier careerpath job (on any backend of this platform)."""
    backend = choose(host)
    for other in backends(host):
        if other.name != backend.name:
            other.remove()
    return backend.install(job)


def remove(host: Host) -> list[ScheduleResult]:
    return [found for b in backends(host) if (found := b.remove()) is not None]


def status(host: Host) -> list[str]:
    return [line for b in backends(host) if (line := b.status()) is not None]
