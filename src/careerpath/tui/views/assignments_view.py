"""Assignments: readiness verdict per stored assignment, its routes, and a timeline."""

from __future__ import annotations

import datetime as dt

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from careerpath.planner.assignment import AssignmentPlan
from careerpath.records import Record
from careerpath.tui.session import Session


class AssignmentsView(Widget):
    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
            yield Static(id="plan-detail")

    def on_mount(self) -> None:
        self.query_one("#plans", DataTable).add_columns(
            "State", "Facility", "Start", "End", "Verdict", "Apply by", "Route"
        )
        self.reload()

    def _plans(self) -> list[AssignmentPlan]:
        return self.session.answers.plans if self.session.answers else []

    def reload(self) -> None:
        table = self.query_one("#plans", DataTable)
        table.clear()
        for index, plan in enumerate(self._plans()):
            table.add_row(
                plan.state,
                plan.facility or "-",
                plan.start.isoformat(),
                plan.end.isoformat() if plan.end else "-",
                plan.verdict.label,
                plan.apply_by.isoformat() if plan.apply_by else "-",
                (plan.best_route or "").replace("_", " "),
                key=str(index),
            )
        plans = self._plans()
        self._show(plans[0] if plans else None)

    def selected(self) -> Record | None:
        table = self.query_one("#plans", DataTable)
        plans = self._plans()
        if not plans or table.cursor_row >= len(plans):
            return None
        wanted = plans[table.cursor_row].assignment_id
        return next((a for a in self.session.records.assignments if a.id == wanted), None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.action_edit()  # type: ignore[attr-defined]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        plans = self._plans()
        if event.cursor_row < len(plans):
            self._show(plans[event.cursor_row])

    def _show(self, plan: AssignmentPlan | None) -> None:
        detail = self.query_one("#plan-detail", Static)
        if plan is None:
            detail.update("No upcoming assignments. Press a to add one and see how to get there.")
            return
        lines = [f"[b]{escape(plan.state_name)}[/b] · today: {escape(plan.authority.detail)}"]
        for route in plan.routes:
            by = f", apply by {route.apply_by.isoformat()}" if route.apply_by else ""
            lines.append(f"[b]{escape(route.title)}[/b] " + escape(f"[{route.verdict.label}{by}]"))
            lines += [f"  · {escape(step.text)}" for step in route.steps]
        lines += [
            f"[$warning]expires {i.when}: {escape(i.what)} {i.expires.isoformat()}[/]"
            for i in plan.expiring
        ]
        lines += [f"[dim]unknown: {escape(str(u))}[/dim]" for u in plan.unknowns]
        lines.append(timeline(plan, self.session.today))
        detail.update("\n".join(lines))


SYMBOLS = {"today": "●", "apply": "▲", "start": "┃", "end": "┃"}


def timeline(plan: AssignmentPlan, today: dt.date, width: int = 60) -> str:
    """Today, apply-by, start and end on one scaled line."""
    marks = [("today", today), ("apply", plan.apply_by), ("start", plan.start), ("end", plan.end)]
    dated = [(n, d) for n, d in marks if d is not None]
    first = min(d for _, d in dated)
    last = max(d for _, d in dated)
    span = max((last - first).days, 1)
    line = ["─"] * (width + 1)
    labels = []
    for name, day in dated:
        pos = round((day - first).days / span * width)
        line[pos] = SYMBOLS[name]
        labels.append(f"{SYMBOLS[name]} {name} {day.isoformat()}")
    return "\n" + "".join(line) + "\n" + "   ".join(labels)
