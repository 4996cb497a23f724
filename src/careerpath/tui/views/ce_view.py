"""CE log: a sortable, filterable table, totals per license window, hours per month.

The filter box takes free text and `topic:`, `provider:`, `from:`, `to:` terms; the select
narrows to one license's current renewal window. Click a column header (or press s) to sort.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Select, Sparkline, Static

from careerpath.ce_search import in_window, matches, parse
from careerpath.hours import format_hours, to_decimal
from careerpath.planner.ce_status import LicenseCE
from careerpath.records import CEActivity, Record
from careerpath.tui.session import Session
from careerpath.tui.widgets.virtual_table import VirtualTable

COLUMNS = ("id", "date", "title", "hours", "topics", "provider")
HEADERS = ("#", "Date", "Title", "Hours", "Topics", "Provider")
ALL = "all"
TICKS = 600_000
"""Ticks per contact hour: every stored amount (4 decimals; CEU; minutes at 50 or 60 per hour)
is a whole number of them, so sums stay exact and fast."""


def _sort_value(activity: CEActivity, column: str) -> Any:
    if column == "id":
        return activity.id or 0
    if column == "date":
        return activity.completed
    if column == "hours":
        return activity.contact_hours
    if column == "topics":
        return ", ".join(activity.topics)
    if column == "provider":
        return (activity.provider or "").lower()
    return activity.title.lower()


class CEView(Widget):
    BINDINGS: ClassVar = [Binding("s", "cycle_sort", "Sort", show=False)]

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.sort_column = "date"
        self.sort_reverse = True
        self._cells: dict[int, tuple[str, ...]] = {}
        self._shown: list[CEActivity] = []
        self._ticks: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            with Horizontal(id="ce-bar"):
                yield Input(
                    placeholder="filter: words · topic:ethics · provider:aacn · from:2026-01-01",
                    id="ce-filter",
                )
                yield Select[str](
                    [("All licenses", ALL)], value=ALL, id="ce-license", allow_blank=False
                )
            yield Static(id="ce-total")
            yield Static(id="ce-windows")
            yield Sparkline([], id="ce-months")
            yield VirtualTable(
                HEADERS,
                max_widths=(6, 10, 48, 6, 30, 24),
                right_aligned=frozenset({3}),
                id="ce-table",
            )

    def on_mount(self) -> None:
        self.reload()

    def _windows(self) -> list[LicenseCE]:
        answers = self.session.answers
        return answers.ce.licenses if answers else []

    def reload(self) -> None:
        select = self.query_one("#ce-license", Select)
        keep = select.value
        options = [("All licenses", ALL)] + [
            (f"{row.license} window", str(row.license_id))
            for row in self._windows()
            if row.license_id is not None
        ]
        select.set_options(options)
        select.value = keep if any(v == keep for _, v in options) else ALL
        from careerpath.planner.audit import audit_all
        from careerpath.store.certificates import stored_names

        session = self.session
        audits = {
            a.license_id: a.summary()
            for a in audit_all(
                session.records, session.rules, session.today,
                stored_certificates=stored_names(session.home),
            )
        }  # fmt: skip
        windows, ready = [], []
        for row in self._windows():
            need = format_hours(row.required) if row.required is not None else "?"
            windows.append(f"{row.license} {format_hours(row.earned)}/{need} h")
            if row.license_id in audits:
                answer = audits[row.license_id].removeprefix("audit ready: ")
                ready.append(f"{row.state} #{row.license_id} {answer}")
        text = "This renewal: " + " · ".join(windows) if windows else ""
        if ready:
            text += "\nAudit ready: " + " · ".join(ready)
        self.query_one("#ce-windows", Static).update(text)
        self._cells = {
            id(a): (
                str(a.id),
                a.completed.isoformat(),
                a.title,
                format_hours(a.contact_hours),
                ", ".join(a.topics),
                a.provider or "-",
            )
            for a in self.session.records.ce_activities
        }
        # Exact hours as integer ticks (see TICKS), computed once per reload, not per keystroke.
        self._ticks = {
            id(a): int(a.exact_hours() * TICKS) for a in self.session.records.ce_activities
        }
        self._fill()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "ce-filter":
            self._fill()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "ce-license":
            self._fill()

    def on_virtual_table_header_selected(self, event: VirtualTable.HeaderSelected) -> None:
        column = COLUMNS[event.column]
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, column in {"date", "hours", "id"}
        self._fill()

    def action_cycle_sort(self) -> None:
        index = (COLUMNS.index(self.sort_column) + 1) % len(COLUMNS)
        self.sort_column = COLUMNS[index]
        self.sort_reverse = self.sort_column in {"date", "hours", "id"}
        self.app.notify(f"Sorted by {HEADERS[index]}", timeout=1.5)
        self._fill()

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        self.app.action_edit()  # type: ignore[attr-defined]

    def selected(self) -> Record | None:
        table = self.query_one("#ce-table", VirtualTable)
        if not table.row_count:
            return None
        return self._shown[table.cursor_row]

    def shown_rows(self) -> list[CEActivity]:
        """The activities the filter and license window let through, in the current sort."""
        query = parse(self.query_one("#ce-filter", Input).value)
        rows = [a for a in self.session.records.ce_activities if matches(a, query)]
        chosen = self.query_one("#ce-license", Select).value
        window = next((w for w in self._windows() if str(w.license_id) == chosen), None)
        if window is not None:
            rows = [
                a
                for a in rows
                if in_window(a, window.license_id, window.window_start, window.window_end)
            ]
        column = self.sort_column
        rows.sort(key=lambda a: _sort_value(a, column), reverse=self.sort_reverse)
        return rows

    def _fill(self) -> None:
        query = parse(self.query_one("#ce-filter", Input).value)
        rows = self._shown = self.shown_rows()
        cells = self._cells
        self.query_one("#ce-table", VirtualTable).set_rows([cells[id(a)] for a in rows])
        ticks = self._ticks
        total = Fraction(sum(ticks[id(a)] for a in rows), TICKS)
        arrow = "▼" if self.sort_reverse else "▲"
        header = HEADERS[COLUMNS.index(self.sort_column)]
        summary = Text(
            f"{len(rows)} activities, {format_hours(to_decimal(total))} contact hours · "
            f"sorted by {header} {arrow}"
        )
        if query.problems:
            summary.append("  " + "; ".join(query.problems), style="bold red")
        self.query_one("#ce-total", Static).update(summary)
        self.query_one("#ce-months", Sparkline).data = _months(rows, ticks, self.session.today)


def _months(rows: list[CEActivity], ticks: dict[int, int], today: dt.date) -> list[float]:
    """Contact hours per month over the last 25 months, oldest first."""
    first = dt.date(today.year - 2, today.month, 1)
    months: dict[tuple[int, int], int] = {}
    for a in rows:
        if a.completed >= first:
            key = (a.completed.year, a.completed.month)
            months[key] = months.get(key, 0) + ticks[id(a)]
    series = []
    year, month = today.year - 2, today.month
    for _ in range(25):
        series.append(months.get((year, month), 0) / TICKS)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return series
