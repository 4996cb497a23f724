"""The conference form reads pasted certificates: one session each, previewed, then saved.

The keystrokes are counted as a user makes them: `n`, one paste (or drop), Enter to read,
Enter on the focused Save button.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static, TextArea

from careerpath.records import CEActivity
from careerpath.store.repository import Store
from careerpath.tui.screens.conference_form import ConferenceForm
from certificates.corpus import conference_session, two_amounts

from .conftest import make_app

pytestmark = pytest.mark.anyio


async def test_six_certificates_are_six_sessions_in_four_keystrokes(
    sample_home: Path, tmp_path: Path
) -> None:
    paths = [conference_session(n).write(tmp_path) for n in range(6)]
    dropped = " ".join(f"'{p}'" for p in paths)  # as a terminal pastes dropped files
    app = make_app(sample_home)
    keystrokes = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        keystrokes += 1
        await pilot.pause()
        assert isinstance(app.screen, ConferenceForm)
        focused = app.screen.focused
        assert isinstance(focused, Input) and focused.id == "certificate"
        focused.post_message(events.Paste(dropped))
        keystrokes += 1
        await pilot.pause()
        await pilot.press("enter")
        keystrokes += 1
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConferenceForm)
        preview = str(form.query_one("#certificate-preview", Static).render())
        assert "1. conference-1.pdf (read in full)" in preview
        assert "Certificate number: GPCC26-4100" in preview
        lines = form.query_one("#sessions", TextArea).text.splitlines()
        assert lines[0] == f"Sepsis Bundles at the Bedside | 1.5 | | {paths[0]}"
        assert form.query_one("#provider", Input).value == "Prairie Nursing Education Council"
        await pilot.press("enter")
        keystrokes += 1
        await pilot.pause()
        assert not isinstance(app.screen, ConferenceForm)
    assert keystrokes == 4
    store = Store(sample_home)
    logged = [a for a in store.all_of(CEActivity) if a.certificate_number]
    store.close()
    assert len(logged) == 6
    assert {a.completed.isoformat() for a in logged} == {"2026-10-08", "2026-10-09", "2026-10-10"}
    assert all(a.accreditor == "ANCC" and a.certificate for a in logged)
    assert len({a.certificate for a in logged}) == 6
    assert sum(a.contact_hours for a in logged) == 7.5


async def test_an_ambiguous_amount_must_be_typed(sample_home: Path, tmp_path: Path) -> None:
    path = two_amounts().write(tmp_path)
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConferenceForm)
        form.read_certificates(str(path))
        await pilot.pause()
        preview = str(form.query_one("#certificate-preview", Static).render())
        assert "Amount: ? ambiguous: 1 contact hours or 1.5 contact hours" in preview
        area = form.query_one("#sessions", TextArea)
        assert area.text == f"Central Line Care Skills Day | ? | | {path}"
        form.save()
        assert "line 1: hours '?' is not a number" in str(form.query_one("#form-error").render())
        area.text = f"Central Line Care Skills Day | 2.5 | | {path}"
        form.save()
        await pilot.pause()
        assert not isinstance(app.screen, ConferenceForm)
    store = Store(sample_home)
    (saved,) = [a for a in store.all_of(CEActivity) if a.title == "Central Line Care Skills Day"]
    store.close()
    assert (str(saved.amount), saved.provider) == ("2.5", "Summit Valley Hospital")


async def test_an_unreadable_path_is_one_line(sample_home: Path, tmp_path: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConferenceForm)
        form.read_certificates(f"file://{tmp_path}/no%20such.pdf")
        error = str(form.query_one("#form-error").render())
        assert "no such.pdf does not exist" in error


async def test_audit_packet_from_the_palette_and_readiness_in_the_ce_tab(
    sample_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "docs"))
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = [c for c in app.get_system_commands(app.screen) if "audit packet" in c.title]
        assert commands, "the palette offers an audit packet per license"
        commands[0].callback()
        await app.workers.wait_for_complete()
        await pilot.press("3")
        await pilot.pause()
        line = str(app.query_one("#ce-windows", Static).render())
        assert "Audit ready: CA #2 " in line and "TX #1 " in line
    (packet,) = (tmp_path / "docs" / "careerpath").glob("audit-license-*.zip")
    with zipfile.ZipFile(packet) as archive:
        assert "summary.html" in archive.namelist()
