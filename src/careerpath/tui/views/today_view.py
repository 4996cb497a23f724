"""Today: what is overdue and due soon, the next assignment's readiness, CE progress per license."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, ProgressBar, Static

from careerpath.hours import format_hours
from careerpath.tui.session import Session


class TodayView(Widget):
    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="today-head", classes="section-title")
            yield Static(id="due")
            yield Static("Next assignment", classes="section-title")
            yield Static(id="next-assignment")
            yield Static("CE this renewal", classes="section-title")
            yield Vertical(id="ce-progress")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        answers = self.session.answers
        if answers is None:
            return
        report = answers.reminders
        profile = self.session.records.profile
        name = profile.name if profile else "no profile yet"
        self.query_one("#today-head", Static).update(
            f"{escape(name)} · {self.session.today.isoformat()} · "
            f"{report.overdue} overdue, {len(report.items) - report.overdue} due in "
            f"{report.within_days} days"
        )
        lines = []
        for item in report.items[:12]:
            if item.severity == "overdue":
                lines.append(f"[b $error]OVERDUE[/] {item.date.isoformat()}  {escape(item.text)}")
            else:
                lines.append(
                    f"[$warning]due[/] in {item.days_left:>3} d  {item.date.isoformat()}  "
                    f"{escape(item.text)}"
                )
        self.query_one("#due", Static).update("\n".join(lines) or "Nothing due in the window.")
        plans = answers.plans
        if plans:
            plan = plans[0]
            when = f"apply by {plan.apply_by.isoformat()}" if plan.apply_by else ""
            text = (
                f"{escape(plan.facility or plan.state_name)} ({plan.state}) from "
                f"{plan.start.isoformat()}: [b]{plan.verdict.label}[/b] {when}\n"
                f"{escape(plan.authority.detail)}"
            )
        else:
            text = "No upcoming assignment stored (Assignments tab, or `careerpath plan`)."
        self.query_one("#next-assignment", Static).update(text)
        box = self.query_one("#ce-progress", Vertical)
        box.remove_children()
        rows = []
        for row in answers.ce.licenses:
            required = float(row.required) if row.required else 0.0
            bar = ProgressBar(total=required or 1, show_eta=False, show_percentage=True)
            bar.progress = min(float(row.earned), required) if required else 1
            need = (
                f"{format_hours(row.earned)}/{format_hours(row.required)} h"
                if row.required is not None
                else "hours unknown"
            )
            missing = f" · missing: {', '.join(row.missing)}" if row.missing else ""
            rows.append(
                Horizontal(
                    Label(f"{escape(row.license)} ({row.status.label})", classes="ce-label"),
                    bar,
                    Label(f" {need}{escape(missing)}", classes="ce-need"),
                    classes="ce-row",
                )
            )
        if rows:
            box.mount_all(rows)
        else:
            box.mount(Static("No licenses stored yet."))
