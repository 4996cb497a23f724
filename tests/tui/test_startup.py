"""Start-up as the command runs it: the cached dashboard first, the records loaded in a thread."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Static

from careerpath import cli
from careerpath.paths import DB_NAME
from careerpath.records import License, LicenseKind, Profession
from careerpath.store import answer_cache
from careerpath.store.repository import Store
from careerpath.tui import dashboard_cache
from careerpath.tui.app import CareerpathApp
from careerpath.tui.screens.first_run import FirstRun

from .conftest import TODAY

pytestmark = pytest.mark.anyio


def head(app: CareerpathApp) -> str:
    return str(app.query_one("#today-head", Static).render())


async def wait_loaded(app: CareerpathApp) -> None:
    await app.workers.wait_for_complete()
    await app.workers.wait_for_complete()  # the cache writer starts once loading is done


async def test_cold_start_loads_in_a_thread_then_caches(sample_home: Path) -> None:
    assert dashboard_cache.read(sample_home, sample_home, TODAY) is None
    app = CareerpathApp(sample_home, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.first_dashboard is None
        await wait_loaded(app)
        await pilot.pause()
        assert "Sam Rivera (sample)" in head(app)
        assert app.actions is not None
        await pilot.press("4")
        await pilot.pause()
        assert app.tab == "map"
    cached = dashboard_cache.read(sample_home, sample_home, TODAY)
    assert cached is not None and cached["name"] == "Sam Rivera (sample)"
    # Opening on any of the next days is fast too; beyond them it is not.
    later = TODAY + dt.timedelta(days=dashboard_cache.DAYS - 1)
    assert dashboard_cache.read(sample_home, sample_home, later) is not None
    assert dashboard_cache.read(sample_home, sample_home, later + dt.timedelta(days=1)) is None


async def test_warm_start_paints_the_cached_dashboard_in_the_first_frame(
    sample_home: Path,
) -> None:
    assert dashboard_cache.refresh(sample_home, sample_home, TODAY)
    app = CareerpathApp(sample_home, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        # Before the loader thread has finished: already the real dashboard.
        assert app.first_dashboard is not None
        assert "Sam Rivera (sample) · 2026-11-25 · 1 overdue" in head(app)
        await wait_loaded(app)
        await pilot.pause()
        assert "Sam Rivera (sample)" in head(app)


async def test_keys_that_need_records_wait_for_them(sample_home: Path) -> None:
    app = CareerpathApp(sample_home, TODAY)
    assert app.check_action("add", ()) is None  # shown disabled while loading
    assert app.check_action("help", ()) is True


def test_any_change_to_the_records_makes_the_cache_stale(sample_home: Path) -> None:
    assert dashboard_cache.refresh(sample_home, sample_home, TODAY)
    store = Store(sample_home)
    store.add(
        License(
            profession=Profession.RN,
            jurisdiction="OR",
            kind=LicenseKind.SINGLE_STATE,
            expires=dt.date(2028, 9, 30),
        )
    )
    store.close()
    assert dashboard_cache.read(sample_home, sample_home, TODAY) is None


def test_a_change_during_the_computation_wins(sample_home: Path) -> None:
    """The cache is written in the transaction that read the records: a write by another
    connection in between (the CLI, say) makes SQLite refuse it, so nothing stale is kept."""
    reader = Store(sample_home)
    reader.conn.execute("BEGIN")
    reader.records()
    writer = Store(sample_home)
    writer.remove(License, writer.all_of(License)[0].id or 0)
    writer.close()
    stored = answer_cache.write_in_snapshot(reader.conn, "dashboard", "key", {"days": {}})
    reader.close()
    assert stored is False


def test_a_config_change_makes_the_cache_stale(sample_home: Path) -> None:
    assert dashboard_cache.refresh(sample_home, sample_home, TODAY)
    (sample_home / "config.toml").write_text("[planner]\nlead_times = [30, 7]\n")
    assert dashboard_cache.read(sample_home, sample_home, TODAY) is None


def test_an_unreadable_database_is_no_cache_not_an_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / DB_NAME).write_bytes(b"not a database at all" * 100)
    assert dashboard_cache.read(home, home, TODAY) is None
    assert not (tmp_path / "nowhere" / DB_NAME).exists()
    assert dashboard_cache.read(tmp_path / "nowhere", tmp_path, TODAY) is None
    assert not (tmp_path / "nowhere").exists()  # reading never creates anything


async def test_a_corrupt_database_ends_the_app_with_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    app = CareerpathApp(home, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.return_code is not None:
                break
    assert app.return_code == 1
    assert app.failure is not None and "corrupt" in app.failure and "\n" not in app.failure


async def test_first_run_when_nothing_is_stored(tmp_path: Path) -> None:
    app = CareerpathApp(tmp_path / "new", TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(app)
        await pilot.pause()
        assert isinstance(app.screen, FirstRun)


def test_the_command_line_opens_the_app_without_building_every_parser() -> None:
    args = cli._global_only(["--home", "/x", "--today", "2026-03-03"])
    assert args is not None and args.command is None and args.today == dt.date(2026, 3, 3)
    assert cli._global_only(["plan", "OR"]) is None
    assert cli._global_only(["--today", "2026-13-01"]) is None  # the full parser says why
    assert cli._global_only(["--help"]) is None


def test_the_cache_survives_only_what_it_was_computed_from(sample_home: Path) -> None:
    assert dashboard_cache.refresh(sample_home, sample_home, TODAY)
    with sqlite3.connect(sample_home / DB_NAME) as conn:
        conn.execute("UPDATE answer_cache SET key = 'older careerpath' WHERE name = 'dashboard'")
    conn.close()
    assert dashboard_cache.read(sample_home, sample_home, TODAY) is None


async def test_a_tab_key_pressed_while_loading_is_kept(sample_home: Path) -> None:
    app = CareerpathApp(sample_home, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")  # before the map exists
        await wait_loaded(app)
        await pilot.pause()
        assert app.tab == "map"


async def test_a_confirmed_cache_is_not_rewritten_on_open(sample_home: Path) -> None:
    """Opening the app with a valid cache does no background recomputation."""
    two_days_ago = TODAY - dt.timedelta(days=2)
    assert dashboard_cache.refresh(sample_home, sample_home, two_days_ago)
    app = CareerpathApp(sample_home, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.first_dashboard is not None
        await wait_loaded(app)
        await pilot.pause()
    # Still the copy computed two days ago: a rewrite would reach six days past today.
    assert dashboard_cache.read(sample_home, sample_home, TODAY + dt.timedelta(days=4))
    assert dashboard_cache.read(sample_home, sample_home, TODAY + dt.timedelta(days=5)) is None
