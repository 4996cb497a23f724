"""Each scheduler backend installs its job into a temporary home and removes it again.

The scheduler commands go through a fake runner that keeps a crontab in memory and answers
systemctl, launchctl and schtasks; the files are real, in tmp_path.
"""

from __future__ import annotations

import datetime as dt
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

import pytest

from careerpath.errors import CareerpathError
from careerpath.processes import Ran
from careerpath.schedule import cron, installer, launchd, systemd, windows
from careerpath.schedule.installer import Host
from careerpath.schedule.job import Frequency, Job, parse_at

ARGV = (sys.executable, "-m", "careerpath", "remind", "--notify", "--home", "/data/my home")
TODAY = dt.date(2026, 11, 25)


class FakeScheduler:
    """The scheduler programs, as far as the installer uses them."""

    def __init__(self, *, systemd_running: bool = False, has_cron: bool = True) -> None:
        self.systemd_running = systemd_running
        self.has_cron = has_cron
        self.crontab: str | None = None
        self.calls: list[list[str]] = []
        self.enabled: set[str] = set()
        self.fail: str | None = None

    def __call__(self, argv: Sequence[str], stdin: str | None) -> Ran:
        args = list(argv)
        self.calls.append(args)
        if self.fail and " ".join(args).startswith(self.fail):
            return Ran(1, "", "Access is denied.")
        program = args[0]
        if program == "systemctl":
            if not self.systemd_running:
                return Ran(1, "", "Failed to connect to bus: No medium found")
            if args[2:4] == ["enable", "--now"]:
                self.enabled.add(args[4])
            if args[2:4] == ["disable", "--now"]:
                self.enabled.discard(args[4])
            if args[2] == "is-enabled":
                return Ran(0, "enabled\n" if args[3] in self.enabled else "disabled\n", "")
            return Ran(0, "", "")
        if program == "crontab":
            if not self.has_cron:
                return Ran(127, "", "crontab: not found")
            if args[1] == "-l":
                if self.crontab is None:
                    return Ran(1, "", "no crontab for nurse\n")
                return Ran(0, self.crontab, "")
            self.crontab = stdin
            return Ran(0, "", "")
        if program in ("launchctl", "schtasks"):
            return Ran(0, "", "")
        return Ran(127, "", f"{program}: not found")


def host(tmp_path: Path, system: str, runner: FakeScheduler) -> Host:
    user = tmp_path / "user"
    return Host(system, user, user / ".config", user / "data", runner, 1000, TODAY)


def job(frequency: Frequency = Frequency.DAILY, at: str = "09:00") -> Job:
    return Job(frequency=frequency, at=parse_at(at), weekday=0, argv=ARGV)


def test_systemd_user_timer_written_enabled_and_removed(tmp_path: Path) -> None:
    runner = FakeScheduler(systemd_running=True)
    where = host(tmp_path, "linux", runner)
    result = installer.install(where, job(Frequency.WEEKLY, "07:30"))
    folder = where.config_dir / "systemd" / "user"
    service, timer = folder / systemd.SERVICE, folder / systemd.TIMER
    assert result.backend == "systemd user timer"
    assert result.files == [str(service), str(timer)]
    assert "OnCalendar=Mon *-*-* 07:30:00" in timer.read_text()
    assert "Persistent=true" in timer.read_text()
    assert "ExecStart=" in service.read_text() and "'/data/my home'" in service.read_text()
    assert ["systemctl", "--user", "enable", "--now", systemd.TIMER] in runner.calls
    assert not any(c[0] == "sudo" or "--system" in c for c in runner.calls)
    assert installer.status(where) == [f"systemd user timer {timer} (Mon *-*-* 07:30:00; enabled)"]

    removed = installer.remove(where)
    assert [r.files for r in removed] == [[str(service), str(timer)]]
    assert not service.exists() and not timer.exists()
    assert systemd.TIMER not in runner.enabled
    assert installer.status(where) == []


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    where = host(tmp_path, "linux", FakeScheduler(systemd_running=True))
    result = installer.install(where, job(Frequency.DAILY, "18:05"))
    done = subprocess.run(["systemd-analyze", "verify", *result.files],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "careerpath-remind" not in done.stderr  # no warning about our units


def test_crontab_line_added_beside_the_users_own_and_removed(tmp_path: Path) -> None:
    runner = FakeScheduler(systemd_running=False)
    runner.crontab = "MAILTO=me@example.org\n0 3 * * * backup.sh\n"
    where = host(tmp_path, "linux", runner)
    result = installer.install(where, job(Frequency.DAILY, "09:15"))
    assert result.backend == "crontab" and result.files == []
    assert runner.crontab is not None
    lines = runner.crontab.splitlines()
    assert lines[:2] == ["MAILTO=me@example.org", "0 3 * * * backup.sh"]
    assert lines[2:] == [cron.BEGIN, cron.render_line(job(Frequency.DAILY, "09:15")), cron.END]
    assert lines[3].startswith("15 9 * * * ") and lines[3].endswith("'/data/my home'")
    # Installing again replaces the block rather than adding a second one.
    installer.install(where, job(Frequency.WEEKLY, "08:00"))
    assert runner.crontab.count(cron.BEGIN) == 1
    assert "0 8 * * 1 " in runner.crontab  # Monday is 1 for cron
    assert installer.status(where)[0].startswith("crontab: 0 8 * * 1 ")

    installer.remove(where)
    assert runner.crontab == "MAILTO=me@example.org\n0 3 * * * backup.sh\n"
    assert installer.status(where) == []
    assert installer.remove(where) == []


def test_cron_escapes_percent_signs(tmp_path: Path) -> None:
    line = cron.render_line(Job(argv=("/usr/bin/python3", "--home", "/a%b")))
    assert line.endswith(r"/a\%b")


def test_no_scheduler_at_all_is_one_clear_error(tmp_path: Path) -> None:
    where = host(tmp_path, "linux", FakeScheduler(systemd_running=False, has_cron=False))
    with pytest.raises(CareerpathError, match="no scheduler found"):
        installer.install(where, job())
    assert installer.remove(where) == [] and installer.status(where) == []


def test_moving_from_cron_to_systemd_removes_the_cron_line(tmp_path: Path) -> None:
    runner = FakeScheduler(systemd_running=False)
    where = host(tmp_path, "linux", runner)
    installer.install(where, job())
    runner.systemd_running = True
    installer.install(where, job())
    assert runner.crontab is not None and cron.BEGIN not in runner.crontab
    assert len(installer.status(where)) == 1


def test_launchd_agent_plist_written_loaded_and_removed(tmp_path: Path) -> None:
    runner = FakeScheduler()
    where = host(tmp_path, "darwin", runner)
    result = installer.install(where, job(Frequency.WEEKLY, "08:45"))
    plist = where.user_home / "Library" / "LaunchAgents" / launchd.PLIST
    assert result.files == [str(plist)]
    agent = plistlib.loads(plist.read_bytes())
    assert agent["Label"] == launchd.AGENT_LABEL
    assert agent["ProgramArguments"] == list(ARGV)
    assert agent["StartCalendarInterval"] == {"Hour": 8, "Minute": 45, "Weekday": 1}
    assert ["launchctl", "bootstrap", "gui/1000", str(plist)] in runner.calls
    assert installer.status(where) == [f"launchd agent {plist}"]

    removed = installer.remove(where)
    assert removed[0].files == [str(plist)] and not plist.exists()
    assert ["launchctl", "bootout", f"gui/1000/{launchd.AGENT_LABEL}"] in runner.calls


def test_task_scheduler_xml_written_registered_and_removed(tmp_path: Path) -> None:
    runner = FakeScheduler()
    where = host(tmp_path, "windows", runner)
    result = installer.install(where, job(Frequency.DAILY, "12:00"))
    xml = where.data_dir / windows.XML_NAME
    assert result.files == [str(xml)]
    raw = xml.read_bytes()
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 with its byte-order mark
    tree = ElementTree.fromstring(raw.decode("utf-16").split("\n", 1)[1])
    ns = {"t": windows.TASK_NS}
    assert tree.findtext(".//t:StartBoundary", namespaces=ns) == "2026-11-25T12:00:00"
    assert tree.find(".//t:ScheduleByDay", ns) is not None
    assert tree.findtext(".//t:LogonType", namespaces=ns) == "InteractiveToken"
    assert tree.findtext(".//t:RunLevel", namespaces=ns) == "LeastPrivilege"
    assert tree.findtext(".//t:Command", namespaces=ns) == ARGV[0]
    assert tree.findtext(".//t:Arguments", namespaces=ns).endswith('--home "/data/my home"')
    assert ["schtasks", "/Create", "/TN", windows.TASK_NAME, "/XML", str(xml), "/F"] in runner.calls
    assert "registered" in installer.status(where)[0]

    installer.remove(where)
    assert not xml.exists()
    assert ["schtasks", "/Delete", "/TN", windows.TASK_NAME, "/F"] in runner.calls


def test_weekly_task_names_the_day(tmp_path: Path) -> None:
    text = windows.render_xml(job(Frequency.WEEKLY), TODAY)
    assert "<DaysOfWeek><Monday /></DaysOfWeek>" in text


def test_a_refused_registration_leaves_no_file(tmp_path: Path) -> None:
    runner = FakeScheduler()
    runner.fail = "schtasks /Create"
    where = host(tmp_path, "windows", runner)
    with pytest.raises(CareerpathError, match="Access is denied"):
        installer.install(where, job())
    assert not (where.data_dir / windows.XML_NAME).exists()


def test_root_is_refused(tmp_path: Path) -> None:
    runner = FakeScheduler(systemd_running=True)
    where = host(tmp_path, "linux", runner)
    as_root = Host(where.system, where.user_home, where.config_dir, where.data_dir, runner, 0,
                   TODAY)  # fmt: skip
    with pytest.raises(CareerpathError, match="not scheduling reminders for root"):
        installer.install(as_root, job())
    assert runner.calls == [] and not where.user_home.exists()


@pytest.mark.parametrize("text", ["9", "25:00", "nine", "09:60"])
def test_bad_times_are_usage_errors(text: str) -> None:
    from careerpath.errors import UsageError

    with pytest.raises(UsageError, match="24-hour time"):
        parse_at(text)
