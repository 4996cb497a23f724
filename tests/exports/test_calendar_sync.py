"""`[calendar] path`: the .ics is rewritten after every change to the records, from the CLI and
from the app, atomically and with the same event UIDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar
from tests.conftest import CLI

from careerpath.records import License
from careerpath.tui.session import Session


def configure(home: Path, target: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f'[calendar]\npath = "{target}"\n')


def events(path: Path) -> dict[str, str]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e["dtstart"].dt.isoformat() for e in calendar.walk("VEVENT")}


def test_every_cli_change_rewrites_the_calendar(cli: CLI, home: Path, tmp_path: Path) -> None:
    target = tmp_path / "cal" / "careerpath.ics"
    target.parent.mkdir()
    configure(home, target)
    cli("license", "add", "--profession", "RN", "--state", "WA", "--expires", "2027-05-01")
    assert events(target)["license-1-expires@careerpath"] == "2027-05-01"
    cli("license", "edit", "1", "--expires", "2028-05-01")  # renewed: the event moves
    assert events(target)["license-1-expires@careerpath"] == "2028-05-01"
    cli("cert", "add", "--name", "BLS", "--expires", "2027-01-31")
    assert "cert-bls-expires@careerpath" in events(target)
    cli("license", "remove", "1")
    assert "license-1-expires@careerpath" not in events(target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["careerpath.ics"]  # no temp files
    assert target.stat().st_mode & 0o077 == 0


def test_reading_commands_leave_it_alone(cli: CLI, home: Path, tmp_path: Path) -> None:
    target = tmp_path / "careerpath.ics"
    configure(home, target)
    cli("license", "add", "--profession", "RN", "--state", "WA", "--expires", "2027-05-01")
    stamp = target.stat().st_mtime_ns
    target.write_bytes(b"edited by hand")
    for command in (("remind",), ("license", "list"), ("licenses", "cost"), ("ce", "status")):
        cli(*command)
    assert target.read_bytes() == b"edited by hand" and stamp


def test_no_calendar_configured_writes_nothing(cli: CLI, home: Path) -> None:
    cli("license", "add", "--profession", "RN", "--state", "WA", "--expires", "2027-05-01")
    assert not list(home.glob("*.ics"))


def test_an_unwritable_calendar_warns_and_keeps_the_change(
    cli: CLI, home: Path, tmp_path: Path
) -> None:
    configure(home, tmp_path / "missing-folder" / "careerpath.ics")
    result = cli("license", "add", "--profession", "RN", "--state", "WA", "--expires", "2027-05-01")
    assert result.code == 0
    assert "warning: calendar not updated: folder" in result.err
    assert "RN" in cli("license", "list").out


def test_the_app_rewrites_it_after_its_own_changes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    target = tmp_path / "careerpath.ics"
    configure(home, target)
    session = Session(home, dt.date(2026, 11, 25))
    assert not target.exists()  # opening the app changes nothing
    session.store.add(License(profession="RN", jurisdiction="OR", expires=dt.date(2027, 3, 1)))
    session.refresh()
    assert "license-1-expires@careerpath" in events(target)
    session.close()
