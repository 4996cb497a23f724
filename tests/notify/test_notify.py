"""The notification from `remind --notify`: through a fake notifier, quiet hours, the terminal
fallback, and the platform commands it would run."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from tests.conftest import CLI

from careerpath.commands.context import Context
from careerpath.commands.remind_notify import notify
from careerpath.notify import message
from careerpath.notify.desktop import CommandNotifier, linux_bus, platform_command
from careerpath.notify.settings import NotifySettings
from careerpath.notify.state import STATE_NAME
from careerpath.planner.lead_times import report_from_obligations
from careerpath.processes import Ran
from careerpath.records import License
from careerpath.store.repository import Store

TODAY = dt.date(2026, 11, 25)
MORNING = dt.datetime(2026, 11, 25, 9, 0)


class FakeNotifier:
    def __init__(self, works: bool = True) -> None:
        self.works = works
        self.shown: list[tuple[str, str]] = []

    def send(self, title: str, body: str) -> bool:
        self.shown.append((title, body))
        return self.works


def obligation(date: str, text: str, record_id: int) -> dict[str, object]:
    return {"date": date, "kind": "license_expiry", "text": text, "past_text": text + "d",
            "overdue": False, "record": "license", "record_id": record_id}  # fmt: skip


def report(today: dt.date) -> dict[str, object]:
    obs = [obligation("2026-12-20", "RN license CA expires", 1),
           obligation("2026-11-20", "BLS expire", 2),
           obligation("2027-02-01", "RN license TX expires", 3)]  # fmt: skip
    return report_from_obligations(obs, today, 90, (90, 60, 30, 7))


def test_one_summary_then_silence_until_a_lead_time_is_crossed(tmp_path: Path) -> None:
    ctx = Context(tmp_path, TODAY)
    fake = FakeNotifier()
    assert notify(ctx, report(TODAY), MORNING, fake) is None
    assert fake.shown == [(
        "careerpath: 1 overdue, 2 due",
        "BLS expired (2026-11-20, 5 days ago)\n2 more: run `careerpath remind`",
    )]  # fmt: skip
    # The next days: nothing new, nothing shown.
    for days in (1, 2, 3):
        day = TODAY + dt.timedelta(days=days)
        ctx = Context(tmp_path, day)
        notify(ctx, report(day), MORNING + dt.timedelta(days=days), fake)
    assert len(fake.shown) == 1
    # 2026-12-13: the CA license crosses its 7-day lead time.
    day = dt.date(2026, 12, 13)
    notify(Context(tmp_path, day), report(day), dt.datetime(2026, 12, 13, 9), fake)
    assert len(fake.shown) == 2
    assert json.loads((tmp_path / STATE_NAME).read_text())[
        "license:1:license_expiry:2026-12-20"
    ] == ["30", "7"]
    assert (tmp_path / "remind.log").read_text().count("careerpath: ") == 2


def test_quiet_hours_hold_the_notification_for_the_next_run(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[notify]\nquiet_start = "21:00"\nquiet_end = "08:00"\n')
    ctx = Context(tmp_path, TODAY)
    fake = FakeNotifier()
    notify(ctx, report(TODAY), dt.datetime(2026, 11, 25, 23, 30), fake)
    notify(ctx, report(TODAY), dt.datetime(2026, 11, 25, 7, 59), fake)
    assert fake.shown == [] and not (tmp_path / STATE_NAME).exists()
    notify(ctx, report(TODAY), dt.datetime(2026, 11, 25, 8, 0), fake)
    assert len(fake.shown) == 1


def test_without_a_desktop_the_text_goes_to_the_terminal_and_log(tmp_path: Path) -> None:
    ctx = Context(tmp_path, TODAY)
    line = notify(ctx, report(TODAY), MORNING, None)
    assert line is not None and line.startswith("careerpath: 1 overdue, 2 due\nBLS expired")
    assert "BLS expired" in (tmp_path / "remind.log").read_text()
    failing = FakeNotifier(works=False)
    day = dt.date(2026, 12, 13)
    assert notify(Context(tmp_path, day), report(day), MORNING, failing) is not None


@pytest.mark.parametrize(
    ("start", "end", "now", "quiet"),
    [("21:00", "08:00", "22:00", True), ("21:00", "08:00", "07:00", True),
     ("21:00", "08:00", "12:00", False), ("12:00", "14:00", "13:00", True),
     ("12:00", "14:00", "14:00", False), ("09:00", "09:00", "09:00", False)],
)  # fmt: skip
def test_quiet_hours(start: str, end: str, now: str, quiet: bool) -> None:
    settings = NotifySettings.model_validate({"quiet_start": start, "quiet_end": end})
    assert settings.is_quiet(dt.time.fromisoformat(now)) is quiet


def test_quiet_hours_need_both_ends(tmp_path: Path, cli: CLI, home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[notify]\nquiet_start = "21:00"\n')
    cli("license", "add", "--profession", "RN", "--state", "TX", "--expires", "2026-12-01")
    result = cli("remind", "--notify")
    assert result.code == 1 and "quiet hours need both" in result.err


def test_one_day_is_singular() -> None:
    assert message.when({"days_left": -1}) == "1 day ago"
    assert message.when({"days_left": 1}) == "in 1 day"


def test_summary_of_one_item_names_it_alone() -> None:
    items = report(TODAY)["items"]
    assert isinstance(items, list)
    title, body = message.summary(items[2:])
    assert title == "careerpath: 1 due" and "\n" not in body


def test_platform_commands() -> None:
    linux = platform_command("linux", "T", "B", "unix:path=/run/user/1000/bus")
    assert linux == ["env", "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus",
                     "notify-send", "--app-name=careerpath", "--urgency=normal", "T", "B"]  # fmt: skip
    assert platform_command("linux", "T", "B", None) is None
    mac = platform_command("darwin", 'a "quoted" title', "B", None)
    assert mac is not None and mac[0] == "osascript" and mac[-2:] == ['a "quoted" title', "B"]
    win = platform_command("windows", "it's", "B", None)
    assert win is not None and "'it''s'" in win[-1] and win[0] == "powershell"


def test_session_bus_found_for_a_cron_run() -> None:
    assert linux_bus({"DBUS_SESSION_BUS_ADDRESS": "unix:x"}, 1000, lambda p: False) == "unix:x"
    assert linux_bus({}, 1000, lambda p: str(p) == "/run/user/1000/bus") == (
        "unix:path=/run/user/1000/bus"
    )
    assert linux_bus({}, 1000, lambda p: False) is None


def test_command_notifier_reports_failure() -> None:
    calls: list[list[str]] = []

    def run(argv: object, stdin: str | None) -> Ran:
        calls.append(list(argv))  # type: ignore[call-overload]
        return Ran(1, "", "no server")

    assert CommandNotifier("linux", "unix:x", run).send("T", "B") is False
    assert calls and calls[0][2] == "notify-send"


def test_cli_notify_prints_once_then_nothing(
    cli: CLI, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setattr("careerpath.commands.remind_notify.system_notifier", lambda: None)
    cli("license", "add", "--profession", "RN", "--state", "TX", "--expires", "2026-12-01")
    first = cli("remind", "--notify", "--time", "10:00")
    assert first.code == 10 and first.out.startswith(
        "careerpath: 2 due\nCE for RN license TX #1 still owes"
    )
    again = cli("remind", "--notify", "--time", "10:00")
    assert again.code == 10 and again.out == ""


def test_store_is_unchanged_by_notifications(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.add(License(profession="RN", jurisdiction="TX", expires=dt.date(2026, 12, 1)))
    notify(Context(tmp_path, TODAY), report(TODAY), MORNING, FakeNotifier())
    with Store(tmp_path) as store:
        assert len(store.records().licenses) == 1
