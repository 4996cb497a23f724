"""CE log: a filterable table, hours per month, and `n` for quick conference entry."""

from __future__ import annotations

from fractions import Fraction

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Input, Sparkline, Static

from careerpath.hours import format_hours, to_decimal
from careerpath.records import CEActivity
from careerpath.tui.session import Session


class CEView(Widget):
    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical():
            with Horizontal(id="ce-bar"):
                yield Input(
                    placeholder="filter: title, topic, provider (n: log a conference)",
                    id="ce-filter",
                )
            yield Static(id="ce-total")
            yield Sparkline([], id="ce-months")
            yield DataTable(id="ce-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#ce-table", DataTable)
        table.add_columns("#", "Date", "Title", "Hours", "Topics", "Provider")
        self.reload()

    def reload(self) -> None:
        self._fill(self.query_one("#ce-filter", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "ce-filter":
            self._fill(event.value)

    def _fill(self, text: str) -> None:
        needle = text.strip().lower()
        rows = [a for a in self.session.records.ce_activities if _matches(a, needle)]
        rows.sort(key=lambda a: a.completed, reverse=True)
        table = self.query_one("#ce-table", DataTable)
        table.clear()
        table.add_rows(
            (
                str(a.id),
                a.completed.isoformat(),
                a.title,
                format_hours(a.contact_hours),
                ", ".join(a.topics),
                a.provider or "-",
            )
            for a in rows
        )
        total = sum((a.exact_hours() for a in rows), start=to_decimal_zero())
        self.query_one("#ce-total", Static).update(
            f"{len(rows)} activities, {format_hours(to_decimal(total))} contact hours"
        )
        months: dict[tuple[int, int], float] = {}
        today = self.session.today
        for a in rows:
            key = (a.completed.year, a.completed.month)
            months[key] = months.get(key, 0.0) + float(a.contact_hours)
        series = []
        year, month = today.year - 2, today.month
        for _ in range(25):
            series.append(months.get((year, month), 0.0))
            month += 1
            if month > 12:
                year, month = year + 1, 1
        self.query_one("#ce-months", Sparkline).data = series


def to_decimal_zero() -> Fraction:
    return Fraction(0)


def _matches(activity: CEActivity, needle: str) -> bool:
    if not needle:
        return True
    haystack = " ".join([activity.title, activity.provider or "", *activity.topics]).lower()
    return needle in haystack
