"""Today: what is overdue and due soon, the next assignment's readiness, CE progress per license.

Drawn from a `Dashboard` payload (plain data), so it can paint in the first frame, before the
records and rules are loaded. Few widgets on purpose: each one costs start-up time.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from careerpath.tui.dashboard import CERow, Dashboard

SECTION = "[b $accent]{}[/]"
"""Section titles are markup in the one body text: one widget paints faster than six."""
BAR_WIDTH = 24
LABEL_WIDTH = 40


class TodayView(VerticalScroll):
    def __init__(self, dashboard: Dashboard | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.dashboard = dashboard

    def compose(self) -> ComposeResult:
        yield Static(id="today-head", classes="section-title")
        yield Static(id="today-body")

    def on_mount(self) -> None:
        if self.dashboard is None:
            self.query_one("#today-head", Static).update("Loading your records...")
        else:
            self.show(self.dashboard)

    def show(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        name = dashboard["name"] or "no profile yet"
        self.query_one("#today-head", Static).update(
            f"{escape(name)} · {dashboard['today']} · {dashboard['overdue']} overdue, "
            f"{dashboard['due_soon']} due in {dashboard['within_days']} days"
        )
        lines: list[str] = []
        for item in dashboard["due"]:
            text = escape(item["text"])
            if item["overdue"]:
                lines.append(f"[b $error]OVERDUE[/]      {item['date']}  {text}")
            else:
                lines.append(
                    f"[$warning]due[/] in {item['days_left']:>3} d  {item['date']}  {text}"
                )
        if not lines:
            lines.append("Nothing due in the window.")
        lines += ["", SECTION.format("Next assignment")]
        plan = dashboard["next_assignment"]
        if plan:
            when = f"  apply by {plan['apply_by']}" if plan["apply_by"] else ""
            text = (
                f"{escape(plan['place'])} ({plan['state']}) from {plan['start']}: "
                f"[b]{escape(plan['verdict'])}[/b]{when}\n{escape(plan['detail'])}"
            )
        else:
            text = "No upcoming assignment stored (Assignments tab, or `careerpath plan`)."
        lines += [text, "", SECTION.format("CE this renewal")]
        lines += [ce_line(row) for row in dashboard["ce"]] or ["No licenses stored yet."]
        self.query_one("#today-body", Static).update("\n".join(lines))


def ce_line(row: CERow) -> str:
    """One license: label, a bar, hours and the mandatory topics still missing."""
    label = f"{row['license']} ({row['status']})"
    if len(label) > LABEL_WIDTH - 1:
        label = label[: LABEL_WIDTH - 2] + "…"
    if row["required"] is None:
        bar = "[$text-muted]" + "╌" * BAR_WIDTH + "[/]"
        need = f"{row['earned']} h of unknown: check with the board"
    else:
        filled = round(row["fraction"] * BAR_WIDTH)
        colour = "$success" if row["fraction"] >= 1 else "$primary"
        bar = f"[{colour}]{'━' * filled}[/][$panel-lighten-2]{'━' * (BAR_WIDTH - filled)}[/]"
        need = (
            f"{row['earned']} h, no general hours required"
            if row["required"] == "0"
            else f"{row['earned']}/{row['required']} h"
        )
    missing = f" · missing: {', '.join(row['missing'])}" if row["missing"] else ""
    return f"{escape(label.ljust(LABEL_WIDTH))} {bar} {need}{escape(missing)}"
