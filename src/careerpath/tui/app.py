"""The careerpath app: wires views, screens and commands to a Session; holds no domain logic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane

from careerpath.records import CEActivity, License, Profile
from careerpath.tui.screens.conference_form import ConferenceForm
from careerpath.tui.screens.first_run import SAMPLE, FirstRun
from careerpath.tui.screens.help_screen import HelpScreen
from careerpath.tui.screens.license_form import LicenseForm
from careerpath.tui.session import Session
from careerpath.tui.views.assignments_view import AssignmentsView
from careerpath.tui.views.ce_view import CEView
from careerpath.tui.views.licenses_view import LicensesView
from careerpath.tui.views.map_view import MapView
from careerpath.tui.views.today_view import TodayView

TABS = {
    "today": "Today",
    "licenses": "Licenses",
    "ce": "CE log",
    "map": "Map",
    "assignments": "Assignments",
}


class CareerpathApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "careerpath"
    BINDINGS: ClassVar = [
        Binding("1", "show('today')", "Today", id="tab.today"),
        Binding("2", "show('licenses')", "Licenses", id="tab.licenses"),
        Binding("3", "show('ce')", "CE", id="tab.ce"),
        Binding("4", "show('map')", "Map", id="tab.map"),
        Binding("5", "show('assignments')", "Assignments", id="tab.assignments"),
        Binding("a", "add_license", "Add license", id="license.add"),
        Binding("n", "log_conference", "Log conference", id="ce.conference"),
        Binding("r", "reload", "Refresh", id="app.refresh"),
        Binding("t", "toggle_theme", "Theme", show=False, id="app.theme"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.sub_title = f"today {session.today.isoformat()}"

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="today"):
            with TabPane(TABS["today"], id="today"):
                yield TodayView(self.session)
            with TabPane(TABS["licenses"], id="licenses"):
                yield LicensesView(self.session)
            with TabPane(TABS["ce"], id="ce"):
                yield CEView(self.session)
            with TabPane(TABS["map"], id="map"):
                yield MapView(self.session)
            with TabPane(TABS["assignments"], id="assignments"):
                yield AssignmentsView(self.session)
        yield Footer()

    def on_mount(self) -> None:
        for warning in self.session.warnings:
            self.notify(warning, severity="warning", timeout=15)
        if self.session.is_empty:
            self.push_screen(FirstRun(), self._first_run_done)

    def _first_run_done(self, result: Profile | str | None) -> None:
        if result is None:
            self.exit()
            return
        if result == SAMPLE:
            from careerpath.sample import sample_traveler

            self.session.store.replace_all(sample_traveler(self.session.today))
            self.notify("Sample traveler loaded: explore, then start your own from the CLI.")
        elif isinstance(result, Profile):
            self.session.store.save_profile(result)
            self.notify(f"Welcome, {result.name}. Press a to add your first license.")
        self.action_reload()

    # --- actions (the command palette and the keys call the same ones) -----------------------
    def action_show(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_reload(self) -> None:
        try:
            self.session.refresh()
        except Exception as exc:
            self.notify(f"Could not reload: {exc}", severity="error")
            return
        for view in self.query("TodayView, LicensesView, CEView, MapView, AssignmentsView"):
            view.reload()  # type: ignore[attr-defined]

    def action_add_license(self) -> None:
        self.action_show("licenses")
        self.push_screen(LicenseForm(), self._license_done)

    def _license_done(self, record: License | None) -> None:
        if record is None:
            return
        try:
            saved = self.session.store.add(record)
        except Exception as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(f"Added {saved.profession} license {saved.jurisdiction}.")
        self.action_reload()

    def action_log_conference(self) -> None:
        self.action_show("ce")
        self.push_screen(ConferenceForm(self.session.today), self._conference_done)

    def _conference_done(self, sessions: list[CEActivity] | None) -> None:
        if not sessions:
            return
        try:
            self.session.store.add_many(sessions)
        except Exception as exc:
            self.notify(str(exc), severity="error")
            return
        hours = sum(a.contact_hours for a in sessions)
        self.notify(f"Logged {len(sessions)} sessions, {hours} contact hours.")
        self.action_reload()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for tab, title in TABS.items():
            yield SystemCommand(
                f"Go to {title}", f"Show the {title} tab", partial(self.action_show, tab)
            )
        yield SystemCommand("Add a license", "Open the license form", self.action_add_license)
        yield SystemCommand(
            "Log a conference", "Many CE sessions at once", self.action_log_conference
        )
        yield SystemCommand("Refresh", "Re-read records (changes from the CLI)", self.action_reload)

    def on_unmount(self) -> None:
        self.session.close()


def build_app(home: Path, today: dt.date, config: Path | None = None) -> CareerpathApp:
    """The one factory the CLI, tests and benchmarks use."""
    return CareerpathApp(Session(home, today, config))
