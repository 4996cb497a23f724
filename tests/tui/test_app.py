"""Pilot tests: drive each screen as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import (
    DataTable,
    Input,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from careerpath.records import (
    Assignment,
    CEActivity,
    License,
    Profile,
    Records,
    SkillRating,
)
from careerpath.store.repository import Store
from careerpath.tui.app import CareerpathApp
from careerpath.tui.screens.conference_form import ConferenceForm
from careerpath.tui.screens.confirm import Confirm
from careerpath.tui.screens.first_run import FirstRun
from careerpath.tui.screens.record_form import RecordForm
from careerpath.tui.views.growth_view import GrowthView
from careerpath.tui.widgets.virtual_table import VirtualTable

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
        assert "OHSU (OR) from" not in str(app.query_one("#today-body", Static).render())
    store = Store(sample_home)
    assert any(lic.jurisdiction == "OR" for lic in store.all_of(License))
    store.close()


async def test_log_a_conference_with_three_sessions(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = app.query_one("#ce-table", VirtualTable).row_count
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConferenceForm)
        app.screen.query_one("#provider", Input).value = "ENA Annual"
        app.screen.query_one("#sessions", TextArea).text = (
            "Trauma update | 1.5 | trauma\n"
            "Pediatric sepsis | 90min | sepsis, pediatrics\n"
            "Ethics at the bedside | 0.1ceu | ethics\n"
        )
        certificate = sample_home.parent / "ena-2026.pdf"
        certificate.write_bytes(b"%PDF-1.4 certificate")
        app.screen.query_one("#certificate", Input).value = str(certificate)
        await pilot.click("#save")
        await pilot.pause()
        assert app.query_one("#ce-table", VirtualTable).row_count == before + 3
        assert app.tab == "ce"
        # The tags fill no mandatory topic of the sample's licenses: the app says so.
        said = [n.message for n in app._notifications]
        assert any("fill no mandatory topic" in m and "trauma" in m for m in said), said
    store = Store(sample_home)
    logged = [a for a in store.all_of(CEActivity) if a.provider == "ENA Annual"]
    store.close()
    assert len(logged) == 3 and all(a.certificate for a in logged)
    assert (sample_home / "certificates" / logged[0].certificate).read_bytes().startswith(b"%PDF")


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


async def _license_row(app: CareerpathApp, pilot: Pilot[None], state: str) -> None:
    await pilot.press("2")
    await pilot.pause()
    table = app.query_one("#license-table", DataTable)
    table.focus()
    row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[2]) == state)
    table.move_cursor(row=row)
    await pilot.pause()


async def test_edit_then_remove_a_license(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await _license_row(app, pilot, "CA")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        expires = app.screen.query_one("#f-expires", Input)
        assert expires.value  # prefilled from the record
        expires.value = "2029-05-31"
        expires.focus()
        await pilot.press("enter")
        await pilot.pause()
        store = Store(sample_home)
        ca = next(x for x in store.all_of(License) if x.jurisdiction == "CA")
        store.close()
        assert str(ca.expires) == "2029-05-31"
        await _license_row(app, pilot, "CA")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
    store = Store(sample_home)
    assert all(x.jurisdiction != "CA" for x in store.all_of(License))
    store.close()


async def test_an_edit_never_overwrites_a_change_made_from_the_cli(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await _license_row(app, pilot, "CA")
        await pilot.press("e")
        await pilot.pause()
        other = Store(sample_home)  # the command line, while the form is open
        ca = next(x for x in other.all_of(License) if x.jurisdiction == "CA")
        other.update(ca.model_copy(update={"note": "renewal filed"}))
        other.close()
        form = app.screen.query_one("#f-expires", Input)
        form.value = "2030-01-31"
        form.focus()
        await pilot.press("enter")
        await pilot.pause()
    store = Store(sample_home)
    ca = next(x for x in store.all_of(License) if x.jurisdiction == "CA")
    store.close()
    assert ca.note == "renewal filed" and str(ca.expires) != "2030-01-31"


async def test_ce_log_filters_sorts_and_reports_a_bad_term(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one("#ce-table", VirtualTable)
        everything = table.row_count
        box = app.query_one("#ce-filter", Input)
        box.value = "topic:sepsis"
        await pilot.pause()
        assert 0 < table.row_count < everything
        assert all("sepsis" in row[4] for row in table.rows)
        box.value = "from:2026-13-01"
        await pilot.pause()
        assert "is not a date" in str(app.query_one("#ce-total", Static).render())
        assert table.row_count == everything  # a bad term is ignored, not an empty table
        box.value = ""
        table.focus()
        await pilot.press("s")  # date -> title
        await pilot.pause()
        titles = [row[2] for row in table.rows]
        assert titles == sorted(titles, key=str.lower)


async def test_plan_an_assignment_from_the_form(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#f-jurisdiction", Input).value = "WA"
        app.screen.query_one("#f-facility", Input).value = "Harborview"
        app.screen.query_one("#f-start", Input).value = "2027-05-03"
        end = app.screen.query_one("#f-end", Input)
        end.value = "2027-08-01"
        end.focus()
        await pilot.press("enter")
        await pilot.pause()
        table = app.query_one("#plans", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        wa = next(r for r in rows if r[0] == "WA")
        assert wa[1] == "Harborview" and wa[4]  # a verdict
    store = Store(sample_home)
    assert any(a.jurisdiction == "WA" for a in store.all_of(Assignment))
    store.close()


async def test_growth_rates_a_skill_and_ticks_a_plan_step(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        app.query_one("#role-select", Select).value = "icu"
        await pilot.pause()
        table = app.query_one("#skill-table", DataTable)
        table.focus()
        row = next(i for i in range(table.row_count) if "entilation" in str(table.get_row_at(i)[0]))
        table.move_cursor(row=row)
        await pilot.press("2")
        await pilot.pause()
        assert str(table.get_row_at(row)[2]) == "2"
        steps = app.query_one("#plan-steps", SelectionList)
        assert steps.option_count > 0
        steps.focus()
        await pilot.press("space")
        await pilot.pause()
    store = Store(sample_home)
    ratings = store.all_of(SkillRating)
    ticked = store.plan_steps()
    store.close()
    assert any("entilat" in r.skill and r.level == 2 for r in ratings)
    assert len(ticked) == 1 and next(iter(ticked)).startswith("icu:")


async def test_export_from_the_app_runs_in_a_worker(
    sample_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "docs"))
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_export("calendar")
        app.action_export("packet")
        await app.workers.wait_for_complete()
        await pilot.pause()
    calendar = (tmp_path / "docs" / "careerpath" / "careerpath.ics").read_text()
    assert calendar.startswith("BEGIN:VCALENDAR")
    packet = (tmp_path / "docs" / "careerpath" / "credential-packet.html").read_text()
    assert "Sam Rivera" in packet


async def test_first_run_takes_typing_at_once(tmp_path: Path) -> None:
    app = make_app(tmp_path / "new")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Jo", "tab", *"RN", "tab", *"OR", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FirstRun)
    store = Store(tmp_path / "new")
    profile = store.profile()
    store.close()
    assert profile is not None and profile.name == "Jo" and profile.home_state == "OR"


async def test_growth_follows_the_target_role_set_on_first_run(tmp_path: Path) -> None:
    app = make_app(tmp_path / "new")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"Jo", "tab", *"RN", "tab", *"OR", "tab", *"icu", "enter")
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        assert app.query_one("#role-select", Select).value == "icu"


async def test_clicking_a_tab_label_switches_to_it(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # "1 Today  2 Licenses  3 CE log": the third label starts at column 21, after padding.
        await pilot.click("#tab-bar", offset=(24, 0))
        await pilot.pause()
        assert app.tab == "ce"
        await pilot.click("#tab-bar", offset=(2, 0))
        await pilot.pause()
        assert app.tab == "today"


async def test_growth_for_an_ot_lists_only_ot_roles_and_rating_adds_to_history(
    therapist_home: Path,
) -> None:
    app = make_app(therapist_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        select = app.query_one("#role-select", Select)
        assert select.value == "ot-snf"  # from the specialty "SNF", among the OT roles
        view = app.query_one(GrowthView)
        offered = [role_id for _, role_id in view._role_options()]
        assert offered and all(role_id.startswith("ot-") for role_id in offered)
        table = app.query_one("#skill-table", DataTable)
        table.focus()
        row = next(i for i in range(table.row_count) if "Medicare" in str(table.get_row_at(i)[0]))
        table.move_cursor(row=row)
        await pilot.press("2")
        await pilot.pause()
        assert str(table.get_row_at(row)[4]).startswith("1→2")  # the trend, from 1 in September
    store = Store(therapist_home)
    rating = next(r for r in store.all_of(SkillRating) if r.skill.startswith("Medicare"))
    store.close()
    assert [(e.level, str(e.assessed_on)) for e in rating.history] == [
        (1, "2026-09-01"),
        (2, "2026-11-25"),
    ]


async def test_the_map_shows_the_assistants_own_rules(tmp_path: Path) -> None:
    """A PTA's Illinois detail is the PTA rule (20 hours, 68 Ill. Adm. Code 1340.61), not the
    PT's 40, https://witnessslips.ilga.gov/agencies/JCAR/EntirePart?titlepart=06801340"""
    home = tmp_path / "pta"
    store = Store(home)
    store.replace_all(
        Records(
            profile=Profile(name="Pia", professions=["PTA"], home_state="TX"),
            licenses=[License(profession="PTA", jurisdiction="TX", expires=dt.date(2027, 6, 30))],
        )
    )
    store.close()
    app = make_app(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.click("#tile-IL")
        await pilot.pause()
        detail = str(app.query_one("#state-detail", Static).render())
        assert "Illinois (IL)" in detail
        assert "20 contact hours per cycle" in detail and "40 contact hours" not in detail
