"""Pilot tests: drive each screen as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static, TabbedContent, TextArea

from careerpath.records import License
from careerpath.store.repository import Store
from careerpath.tui.screens.conference_form import ConferenceForm
from careerpath.tui.screens.first_run import FirstRun
from careerpath.tui.screens.record_form import RecordForm

from .conftest import make_app

pytestmark = pytest.mark.anyio


async def test_first_run_offers_a_sample_traveler(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRun)
        await pilot.click("#sample")
        await pilot.pause()
        head = str(app.query_one("#today-head", Static).render())
        assert "Sam Rivera (sample)" in head


async def test_add_a_license_changes_the_dashboard(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#f-jurisdiction", Input).value = "Oregon"
        app.screen.query_one("#f-expires", Input).value = "2027-13-01"
        app.screen.query_one("#f-expires", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#err-expires").render())
        assert "date" in error  # inline, under the field; the form stays open
        app.screen.query_one("#f-expires", Input).value = "2028-09-30"
        await pilot.press("enter")
        await pilot.pause()
        table = app.query_one("#license-table", DataTable)
        assert any("OR" in [str(c) for c in table.get_row_at(i)] for i in range(table.row_count))
        await pilot.press("1")
        await pilot.pause()
        assert "OHSU (OR) from" not in str(app.query_one("#next-assignment", Static).render())
    store = Store(sample_home)
    assert any(lic.jurisdiction == "OR" for lic in store.all_of(License))
    store.close()


async def test_log_a_conference_with_three_sessions(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.query_one("#ce-table", DataTable).row_count
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConferenceForm)
        app.screen.query_one("#provider", Input).value = "ENA Annual"
        app.screen.query_one("#sessions", TextArea).text = (
            "Trauma update | 1.5 | trauma\n"
            "Pediatric sepsis | 90min | sepsis, pediatrics\n"
            "Ethics at the bedside | 0.1ceu | ethics\n"
        )
        await pilot.click("#save")
        await pilot.pause()
        assert app.query_one("#ce-table", DataTable).row_count == before + 3
        assert app.query_one(TabbedContent).active == "ce"


async def test_open_a_state_on_the_map(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.click("#tile-OR")
        await pilot.pause()
        detail = str(app.query_one("#state-detail", Static).render())
        assert "Oregon (OR)" in detail and "license needed" in detail
        assert "56-70 days" in detail
        assert app.query_one("#tile-CO").has_class("multistate")


async def test_assignments_show_verdicts_and_routes(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        table = app.query_one("#plans", DataTable)
        states = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert states == ["CO", "OR"]
        table.focus()
        await pilot.press("down")
        await pilot.pause()
        detail = str(app.query_one("#plan-detail", Static).render())
        assert "Apply for a license by endorsement" in detail
