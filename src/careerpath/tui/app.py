"""The careerpath app: tabs, keys and start-up; holds no domain logic.

Start-up is built around the first frame. This module imports Textual and nothing that loads
pydantic: the dashboard is painted from the cached payload (`dashboard_cache`), then a worker
thread loads the records and rules into a `Session`, the dashboard is repainted from live
answers, and the other tabs are mounted. Until then the keys that need records are disabled.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container
from textual.lazy import Lazy
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer

from careerpath.tui import dashboard_cache
from careerpath.tui.views.today_view import TodayView
from careerpath.tui.widgets.tab_bar import TabBar

if TYPE_CHECKING:
    from careerpath.records import Record
    from careerpath.tui.record_actions import RecordActions
    from careerpath.tui.session import Session

TABS = {
    "today": "Today",
    "licenses": "Licenses",
    "ce": "CE log",
    "map": "Map",
    "assignments": "Assignments",
    "growth": "Growth",
}
VIEW_CLASSES = {
    "licenses": "careerpath.tui.views.licenses_view:LicensesView",
    "ce": "careerpath.tui.views.ce_view:CEView",
    "map": "careerpath.tui.views.map_view:MapView",
    "assignments": "careerpath.tui.views.assignments_view:AssignmentsView",
    "growth": "careerpath.tui.views.growth_view:GrowthView",
}
"""The tabs after Today, imported only once the records are loaded."""
VIEWS = "LicensesView, CEView, MapView, AssignmentsView, GrowthView"
NEEDS_RECORDS = {
    "add", "edit", "remove", "add_certification", "log_conference", "edit_profile", "reload",
}  # fmt: skip


class CareerpathApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "careerpath"
    BINDINGS: ClassVar = [
        Binding("1", "show('today')", "Today", show=False, id="tab.today"),
        Binding("2", "show('licenses')", "Licenses", show=False, id="tab.licenses"),
        Binding("3", "show('ce')", "CE", show=False, id="tab.ce"),
        Binding("4", "show('map')", "Map", show=False, id="tab.map"),
        Binding("5", "show('assignments')", "Assignments", show=False, id="tab.assignments"),
        Binding("6", "show('growth')", "Growth", show=False, id="tab.growth"),
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

    def __init__(
        self,
        home: Path,
        today: dt.date,
        config: Path | None = None,
        *,
        session: Session | None = None,
        cache: bool = True,
    ) -> None:
        """With `session`, start on it (tests, snapshots); without, paint the cached dashboard
        and load the session in a thread. `cache`: keep the dashboard cache up to date."""
        super().__init__()
        self.started = time.perf_counter()
        self.home = home
        self.today = today
        self.config_dir = config or home
        self.keep_cache = cache
        self._session = session
        self.actions: RecordActions | None = None
        self.failure: str | None = None
        """Why the app ended early, for the command to print."""
        self.first_dashboard = (
            None if session else dashboard_cache.read(home, self.config_dir, today)
        )
        self._painted = False
        self._wanted_tab: str | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the records are still loading")
        return self._session

    def compose(self) -> ComposeResult:
        yield TabBar(TABS, "today", f"careerpath · today {self.today.isoformat()}", id="tab-bar")
        with ContentSwitcher(initial="today", id="tabs"):
            yield TodayView(self.first_dashboard, id="today")
        yield Footer()

    def on_mount(self) -> None:
        if self._session is not None:
            self._show_session(self._session)
            self._loaded(self._session)

    def on_ready(self) -> None:
        """The first frame is on screen: now load what the first frame did not need."""
        if self.first_dashboard is not None:
            self._mark_painted()
        if self._session is None:
            self._load()

    # --- loading ------------------------------------------------------------------------------
    @work(thread=True, exit_on_error=False, group="load")
    def _load(self) -> None:
        """The session first (the dashboard needs it), then the code of the other tabs."""
        try:
            from careerpath.tui.session import Session

            session = Session(self.home, self.today, self.config_dir)
        except Exception as exc:
            self.call_from_thread(self._load_failed, exc)
            return
        self.call_from_thread(self._show_session, session)
        try:
            import_module("careerpath.tui.record_actions")
            for path in VIEW_CLASSES.values():
                import_module(path.partition(":")[0])
        except Exception as exc:  # a broken install: say so, keep the dashboard
            self.call_from_thread(self.notify, f"Could not load the tabs: {exc}", severity="error")
            return
        self.call_from_thread(self._loaded, session)

    def _load_failed(self, exc: Exception) -> None:
        """The records cannot be opened (a corrupt or foreign file): leave, and let the command
        print why in one line, as every command does."""
        self.failure = f"careerpath: error: {exc}"
        self.exit(return_code=1)

    def _show_session(self, session: Session) -> None:
        self._session = session
        for warning in session.warnings:
            self.notify(warning, severity="warning", timeout=15)
        self._show_dashboard(first=True)

    def _loaded(self, session: Session) -> None:
        """The other tabs and the record keys, once their code is loaded."""
        from careerpath.tui.record_actions import RecordActions

        self.actions = RecordActions(self, session)
        switcher = self.query_one(ContentSwitcher)
        for tab, path in VIEW_CLASSES.items():
            module, _, name = path.partition(":")
            view: Widget = getattr(import_module(module), name)(session)
            pane = Container(Lazy(view), id=tab)
            pane.display = False  # the switcher shows one pane at a time
            switcher.mount(pane)
        self.refresh_bindings()
        if self._wanted_tab:
            self.action_show(self._wanted_tab)
        if session.is_empty:
            self.actions.first_run()

    def _show_dashboard(self, *, first: bool = False) -> None:
        from careerpath.tui.dashboard import build

        answers = self.session.answers
        if answers is None:
            return
        dashboard = build(answers, self.session.records, self.today)
        self.query_one(TodayView).show(dashboard)
        if not self._painted:
            self.call_after_refresh(self._mark_painted)
        # At start-up, a cached dashboard that the live answers confirm needs no rewriting;
        # after any change the cache was emptied, so it is always rewritten.
        if self.keep_cache and not (first and dashboard == self.first_dashboard):
            self._write_cache()

    def _mark_painted(self) -> None:
        if not self._painted:
            self._painted = True
            self.dashboard_painted()

    def dashboard_painted(self) -> None:
        """Called once, after the first frame that shows the dashboard."""
        self.log(f"dashboard painted {(time.perf_counter() - self.started) * 1000:.0f} ms")

    @work(thread=True, exclusive=True, exit_on_error=False, group="cache")
    def _write_cache(self) -> None:
        """Keep the next start fast; a failure only means the next start is the slow one."""
        try:
            dashboard_cache.refresh(self.home, self.config_dir, self.today)
        except Exception as exc:
            self.log(f"dashboard cache not written: {exc}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need the records are shown disabled until they are loaded."""
        if action in NEEDS_RECORDS and self.actions is None:
            return None
        return True

    # --- actions (the command palette and the keys call the same ones) -----------------------
    @property
    def tab(self) -> str:
        return self.query_one(ContentSwitcher).current or "today"

    def action_show(self, tab: str) -> None:
        """Switch tabs; the tabs after Today exist once the records are loaded."""
        switcher = self.query_one(ContentSwitcher)
        if tab != "today" and not switcher.query_children(f"#{tab}"):
            self._wanted_tab = tab  # shown as soon as it exists: a key pressed early still works
            return
        self._wanted_tab = None
        switcher.current = tab
        self.query_one(TabBar).active = tab

    def on_tab_bar_selected(self, message: TabBar.Selected) -> None:
        self.action_show(message.tab)

    def _ready_actions(self) -> RecordActions | None:
        if self.actions is None:
            self.notify("Still loading your records...", timeout=2)
        return self.actions

    def action_reload(self) -> None:
        if self._session is None:
            return
        try:
            self.session.refresh()
        except Exception as exc:
            self.notify(f"Could not reload: {exc}", severity="error")
            return
        self._show_dashboard()
        for view in self.query(VIEWS):
            view.reload()  # type: ignore[attr-defined]

    def action_add(self) -> None:
        """Add what the current tab lists."""
        if actions := self._ready_actions():
            actions.add(self.tab)

    def _add_kind(self, kind: str, tab: str) -> None:
        if actions := self._ready_actions():
            self.action_show(tab)
            actions.add_kind(kind)

    def action_add_license(self) -> None:
        self._add_kind("license", "licenses")

    def action_add_certification(self) -> None:
        self._add_kind("certification", "licenses")

    def action_add_assignment(self) -> None:
        self._add_kind("assignment", "assignments")

    def action_add_ce_activity(self) -> None:
        self._add_kind("ce", "ce")

    def _selected(self) -> Record | None:
        for view in self.query(VIEWS):
            if view.parent is not None and view.parent.id == self.tab:
                selected = getattr(view, "selected", None)
                return selected() if selected else None
        return None

    def action_edit(self) -> None:
        if not (actions := self._ready_actions()):
            return
        record = self._selected()
        if record is None:
            self.notify("Select a row to edit (this tab has no records to edit).")
            return
        actions.edit(record)

    def action_remove(self) -> None:
        if not (actions := self._ready_actions()):
            return
        record = self._selected()
        if record is None:
            self.notify("Select a row to remove.")
            return
        actions.remove(record)

    def action_log_conference(self) -> None:
        if actions := self._ready_actions():
            self.action_show("ce")
            actions.log_conference()

    def action_edit_profile(self) -> None:
        if actions := self._ready_actions():
            actions.edit_profile()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_help(self) -> None:
        from careerpath.tui.screens.help_screen import HelpScreen

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
            "Log a CE activity", "One course or module", self.action_add_ce_activity
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
        if self._session is not None:
            from careerpath.planner.ce_status import renews_with_ce
            from careerpath.planner.credentials import label

            for lic in self._session.records.licenses:
                if lic.id is not None and renews_with_ce(lic):
                    yield SystemCommand(
                        f"Export audit packet: {label(lic)}",
                        "Current window's summary and certificates (.zip) -> Documents/careerpath",
                        partial(self.action_export_audit, lic.id),
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

    @work(thread=True, group="export")
    def action_export_audit(self, license_id: int) -> None:
        """A board audit's packet for one license (same as `careerpath audit`)."""
        from platformdirs import user_documents_path

        from careerpath.exports.audit_export import export_audit

        target = user_documents_path() / "careerpath" / f"audit-license-{license_id}.zip"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            summary = export_audit(
                self.session.home, self.session.today, license_id, target,
                rules=self.session.rules,
            )  # fmt: skip
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
            settings = load_data_settings(self.session.config)
            result = update(
                self.session.home, settings.source, limits=settings.limits(),
                root=settings.root(),
            )  # fmt: skip
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

    def on_unmount(self) -> None:
        if self._session is not None:
            self._session.close()


def build_app(
    home: Path, today: dt.date, config: Path | None = None, *, cache: bool = False
) -> CareerpathApp:
    """An app with its session loaded up front: tests and snapshots start on live answers."""
    from careerpath.tui.session import Session

    return CareerpathApp(home, today, config, session=Session(home, today, config), cache=cache)
