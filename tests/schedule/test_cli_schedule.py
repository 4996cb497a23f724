"""`careerpath remind --schedule/--schedule-status/--unschedule` on a fake host: the output
lists every file written and removed, and the job runs this interpreter with `--notify`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.conftest import CLI
from tests.schedule.test_backends import TODAY, FakeScheduler

from careerpath.schedule import installer
from careerpath.schedule.installer import Host


@pytest.fixture
def fake_host(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> FakeScheduler:
    runner = FakeScheduler(systemd_running=True)
    user = tmp_path / "user"
    where = Host("linux", user, user / ".config", home, runner, 1000, TODAY)
    monkeypatch.setattr(installer, "current_host", lambda data_dir, today: where)
    return runner


def test_schedule_lists_files_and_unschedule_removes_them(
    cli: CLI, fake_host: FakeScheduler, tmp_path: Path, home: Path
) -> None:
    assert cli("remind", "--schedule-status").out == "No reminder job is installed.\n"
    result = cli("remind", "--schedule", "weekly", "--at", "07:45")
    folder = tmp_path / "user" / ".config" / "systemd" / "user"
    assert result.code == 0
    assert result.out.splitlines() == [
        "Installed a systemd user timer: weekly at 07:45.",
        f"  file: {folder / 'careerpath-remind.service'}",
        f"  file: {folder / 'careerpath-remind.timer'}",
        "  careerpath-remind.timer enabled: Mon *-*-* 07:45:00",
        "Remove it with `careerpath remind --unschedule`.",
    ]
    service = (folder / "careerpath-remind.service").read_text()
    # $CAREERPATH_HOME is set in tests: the job names the data folder explicitly.
    assert (
        f"ExecStart={sys.executable} -m careerpath remind --notify --home {home.resolve()}"
        in service
    )
    assert "enabled" in cli("remind", "--schedule-status").out
    removed = cli("remind", "--unschedule")
    assert removed.out.splitlines()[0] == "Removed the systemd user timer."
    assert not list(folder.iterdir())
    assert cli("remind", "--unschedule").out.startswith("No reminder job was installed")


def test_schedule_and_unschedule_exclude_each_other(cli: CLI, fake_host: FakeScheduler) -> None:
    result = cli("remind", "--schedule", "daily", "--unschedule")
    assert result.code == 2 and "not allowed with" in result.err
    bad = cli("remind", "--schedule", "daily", "--at", "7am")
    assert bad.code == 2 and "24-hour time" in bad.err


def test_options_that_go_with_another(cli: CLI, fake_host: FakeScheduler) -> None:
    assert "--at goes with --schedule" in cli("remind", "--at", "07:00").err
    assert "--time goes with --notify" in cli("remind", "--time", "07:00").err
