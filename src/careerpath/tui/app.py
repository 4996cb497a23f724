"""The careerpath app: wires views, screens and commands to a Session; holds no domain logic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.lazy import Lazy
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane

from careerpath.records import (
    Assignment,
    CEActivity,
    Certification,
    License,
    Profile,
    Record,
    SkillRating,
)
from careerpath.tui.screens import record_fields
from careerpath.tui.screens.conference_form import ConferenceForm, ConferenceResult
from careerpath.tui.screens.confirm import Confirm
from careerpath.tui.screens.first_run import SAMPLE, FirstRun, ProfileForm
from careerpath.tui.screens.help_screen import HelpScreen
from careerpath.tui.screens.record_fields import FormSpec
from careerpath.tui.screens.record_form import RecordForm
from careerpath.tui.session import Session
from careerpath.tui.views.assignments_view import AssignmentsView
from careerpath.tui.views.ce_view import CEView
from careerpath.tui.views.growth_view import GrowthView
from careerpath.tui.views.licenses_view import LicensesView
from careerpath.tui.views.map_view import MapView
from careerpath.tui.views.today_view import TodayView

TABS = {
    "today": "Today",
    "licenses": "Licenses",
    "ce": "CE log",
    "map": "Map",
    "assignments": "Assignments",
    "growth": "Growth",
}
VIEWS = "TodayView, LicensesView, CEView, MapView, AssignmentsView, GrowthView"
LABELS: dict[type[Record], str] = {
    License: "license",
    Certification: "certification",
    CEActivity: "CE activity",
    Assignment: "assignment",
    SkillRating: "skill rating",
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
        Binding("6", "show('growth')", "Growth", id="tab.growth"),
        Binding("a", "add", "Add", id="record.add"),
        Binding("e", "edit", "Edit", id="record.edit"),
        Binding("d,delete", "remove", "Remove", show=False, id="record.remove"),
        Binding("c", "add_certification", "Add cert", show=False, id="cert.add"),
        Binding("n", "log_conference", "Log conference", id="ce.conference"),
        Binding("p", "edit_profile", "Profile", show=False, id="profile.edit"),
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
        """The dashboard first; the other tabs mount just after it is painted."""
        yield Header()
        with TabbedContent(initial="today"):
            with TabPane(TABS["today"], id="today"):
                yield TodayView(self.session)
            with TabPane(TABS["licenses"], id="licenses"):
                yield Lazy(LicensesView(self.session))
            with TabPane(TABS["ce"], id="ce"):
                yield Lazy(CEView(self.session))
            with TabPane(TABS["map"], id="map"):
                yield Lazy(MapView(self.session))
            with TabPane(TABS["assignments"], id="assignments"):
                yield Lazy(AssignmentsView(self.session))
            with TabPane(TABS["growth"], id="growth"):
                yield Lazy(GrowthView(self.session))
        yield Footer()

    def on_mount(self) -> None:
        for warning in self.session.warnings:
            self.notify(warning, severity="warning", timeout=15)
        if self.session.is_empty:
            self.push_screen(FirstRun(self.session.rules), self._first_run_done)

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

    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active

    # --- actions (the command palette and the keys call the same ones) -----------------------
    def action_show(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_reload(self) -> None:
        try:
            self.session.refresh()
        except Exception as exc:
            self.notify(f"Could not reload: {exc}", severity="error")
            return
        for view in self.query(VIEWS):
            view.reload()  # type: ignore[attr-defined]

    def action_add(self) -> None:
        """Add what the current tab lists."""
        today = self.session.today
        by_tab: dict[str, FormSpec[Any]] = {
            "ce": record_fields.ce_activity(today),
            "assignments": record_fields.ASSIGNMENT,
            "growth": record_fields.SKILL,
        }
        self.open_form(by_tab.get(self.tab, record_fields.LICENSE))

    def action_add_license(self) -> None:
        self.action_show("licenses")
        self.open_form(record_fields.LICENSE)

    def action_add_certification(self) -> None:
        self.action_show("licenses")
        self.open_form(record_fields.CERTIFICATION)

    def action_add_assignment(self) -> None:
        self.action_show("assignments")
        self.open_form(record_fields.ASSIGNMENT)

    def _selected(self) -> Record | None:
        for view in self.query(VIEWS):
            if view.parent is not None and view.parent.id == self.tab:
                selected = getattr(view, "selected", None)
                return selected() if selected else None
        return None

    def action_edit(self) -> None:
        record = self._selected()
        if record is None:
            self.notify("Select a row to edit (this tab has no records to edit).")
            return
        specs: dict[type[Record], FormSpec[Any]] = {
            License: record_fields.LICENSE,
            Certification: record_fields.CERTIFICATION,
            CEActivity: record_fields.ce_activity(self.session.today),
            Assignment: record_fields.ASSIGNMENT,
            SkillRating: record_fields.SKILL,
        }
        self.open_form(specs[type(record)], record)

    def open_form(self, spec: FormSpec[Any], record: Record | None = None) -> None:
        self.push_screen(RecordForm(spec, record), partial(self._form_done, record))

    def _form_done(self, original: Record | None, record: Record | None) -> None:
        if record is None:
            return
        store = self.session.store
        label = LABELS.get(type(record), "record")
        try:
            if original is None:
                saved = store.add(record)
                self.notify(f"Added {label} #{saved.id}.")  # type: ignore[attr-defined]
            else:
                record_id: int = original.id  # type: ignore[attr-defined]
                if store.get(type(original), record_id) != original:
                    self.notify(
                        f"This {label} changed outside the app since you opened it; "
                        "refreshed it: edit again.",
                        severity="warning",
                    )
                    self.action_reload()
                    return
                store.update(record)
                self.notify(f"Saved {label} #{record_id}.")
        except Exception as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        self.action_reload()

    def action_remove(self) -> None:
        record = self._selected()
        if record is None:
            self.notify("Select a row to remove.")
            return
        label = LABELS.get(type(record), "record")
        record_id: int = record.id  # type: ignore[attr-defined]
        self.push_screen(
            Confirm(f"Remove {label} #{record_id}?", _describe(record)),
            partial(self._remove_done, record),
        )

    def _remove_done(self, record: Record, yes: bool | None) -> None:
        if not yes:
            return
        record_id: int = record.id  # type: ignore[attr-defined]
        try:
            self.session.store.remove(type(record), record_id)
        except Exception as exc:
            self.notify(f"Not removed: {exc}", severity="error")
            return
        self.notify(f"Removed {LABELS.get(type(record), 'record')} #{record_id}.")
        self.action_reload()

    def action_log_conference(self) -> None:
        self.action_show("ce")
        self.push_screen(ConferenceForm(self.session.today), self._conference_done)

    def _conference_done(self, result: ConferenceResult | None) -> None:
        if not result:
            return
        sessions = result.sessions
        try:
            if result.certificate is not None:
                from careerpath.store import certificates

                name = certificates.attach(self.session.home, result.certificate)
                sessions = [s.model_copy(update={"certificate": name}) for s in sessions]
            self.session.store.add_many(sessions)
        except Exception as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        hours = sum(a.contact_hours for a in sessions)
        self.notify(f"Logged {len(sessions)} sessions, {hours} contact hours.")
        self.action_reload()

    def action_edit_profile(self) -> None:
        self.push_screen(
            ProfileForm(self.session.rules, self.session.records.profile), self._profile_done
        )

    def _profile_done(self, result: Profile | str | None) -> None:
        if not isinstance(result, Profile):
            return
        try:
            self.session.store.save_profile(result)
        except Exception as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        self.notify("Profile saved.")
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
            "Add a certification", "BLS, ACLS, CCRN ...", self.action_add_certification
        )
        yield SystemCommand(
            "Add an assignment", "Plan a contract: state and dates", self.action_add_assignment
        )
        yield SystemCommand(
            "Log a CE activity", "One course or module", partial(self.open_ce_activity)
        )
        yield SystemCommand(
            "Log a conference", "Many CE sessions at once", self.action_log_conference
        )
        yield SystemCommand(
            "Edit your profile",
            "Name, professions, home state, NLC answers",
            self.action_edit_profile,
        )
        yield SystemCommand("Edit the selected record", "Same as e", self.action_edit)
        yield SystemCommand("Remove the selected record", "Same as d", self.action_remove)
        for kind, title, help_text in (
            ("calendar", "Export calendar (.ics)", "Expiries, CE deadlines, apply-by dates"),
            ("packet", "Export credential packet (HTML)", "Printable, for agencies; no numbers"),
            ("ce", "Export CE log (CSV)", "For a spreadsheet or an agency portal"),
        ):
            yield SystemCommand(
                title, help_text + " -> Documents/careerpath", partial(self.action_export, kind)
            )
        yield SystemCommand(
            "Update rules data", "Download newer compact and board rules", self.action_update_rules
        )
        yield SystemCommand("Refresh", "Re-read records (changes from the CLI)", self.action_reload)

    # --- slow work runs in threads, so the screen never freezes -----------------------------
    @work(thread=True, group="export")
    def action_export(self, kind: str) -> None:
        """Write a calendar, credential packet or CE spreadsheet to the user's documents."""
        from platformdirs import user_documents_path

        from careerpath.exports.service import write_export

        names = {
            "calendar": "careerpath.ics",
            "packet": "credential-packet.html",
            "ce": "ce-activities.csv",
        }
        target = user_documents_path() / "careerpath" / names[kind]
        self.call_from_thread(self.notify, f"Exporting {kind}...", timeout=2)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            summary = write_export(
                self.session.home,
                self.session.today,
                target,
                config=self.session.config,
                rules=self.session.rules,
                settings=self.session.settings,
            )
        except Exception as exc:
            self.call_from_thread(self.notify, f"Export failed: {exc}", severity="error")
            return
        self.call_from_thread(self.notify, summary, timeout=8)

    @work(thread=True, exclusive=True, group="rules")
    def action_update_rules(self) -> None:
        """Fetch newer rules data from the configured source (the app's only network call)."""
        from careerpath.rules_update import update
        from careerpath.rules_update.config import load_data_settings

        self.call_from_thread(self.notify, "Checking for newer rules data...", timeout=3)
        try:
            source = load_data_settings(self.session.config).source
            result = update(self.session.home, source)
        except Exception as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        if result.status == "up-to-date":
            self.call_from_thread(self.notify, f"Rules data {result.version} is up to date.")
            return
        self.call_from_thread(self._rules_changed, f"Rules data updated to {result.version}.")

    def _rules_changed(self, message: str) -> None:
        try:
            self.session.reload_rules()
        except Exception as exc:
            self.notify(f"Could not load the new rules: {exc}", severity="error")
            return
        self.notify(message)
        self.action_reload()

    def open_ce_activity(self) -> None:
        self.action_show("ce")
        self.open_form(record_fields.ce_activity(self.session.today))

    def on_unmount(self) -> None:
        self.session.close()


def _describe(record: Record) -> str:
    if isinstance(record, License):
        return f"{record.profession} {record.jurisdiction} {record.kind.value.replace('_', ' ')}"
    if isinstance(record, Certification):
        return record.name
    if isinstance(record, CEActivity):
        return f"{record.completed} {record.title} ({record.contact_hours} h)"
    if isinstance(record, Assignment):
        return f"{record.jurisdiction} {record.facility or ''} from {record.start}"
    if isinstance(record, SkillRating):
        return f"{record.skill}: level {record.level}"
    return ""


def build_app(home: Path, today: dt.date, config: Path | None = None) -> CareerpathApp:
    """The one factory the CLI, tests and benchmarks use."""
    return CareerpathApp(Session(home, today, config))
