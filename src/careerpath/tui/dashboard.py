"""The Today dashboard as plain data: what the first frame needs, and nothing that imports pydantic.

The app paints the dashboard from this payload before the records and rules are loaded (it is
cached beside the records, see `dashboard_cache`), then repaints it from live answers. Building
it needs the planner's answers; reading and drawing it needs only the standard library.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from careerpath.records import Records
    from careerpath.tui.session import Answers

DUE_LINES = 12
"""The dashboard lists this many reminders; the rest are one `careerpath remind` away."""


class DueItem(TypedDict):
    overdue: bool
    date: str
    days_left: int
    text: str


class NextAssignment(TypedDict):
    place: str
    state: str
    start: str
    verdict: str
    apply_by: str | None
    detail: str


class CERow(TypedDict):
    license: str
    status: str
    earned: str
    required: str | None
    """Formatted hours; None when the board's requirement is unknown."""
    fraction: float
    """Share of the requirement met, 0 to 1 (1 when nothing is required)."""
    missing: list[str]


class Dashboard(TypedDict):
    today: str
    name: str | None
    overdue: int
    due_soon: int
    within_days: int
    due: list[DueItem]
    next_assignment: NextAssignment | None
    ce: list[CERow]


def build(answers: Answers, records: Records, today: dt.date) -> Dashboard:
    """The dashboard for `today` from the planner's answers (the only place it is computed)."""
    from careerpath.hours import format_hours

    report = answers.reminders
    due: list[DueItem] = [
        DueItem(
            overdue=item.severity == "overdue",
            date=item.date.isoformat(),
            days_left=item.days_left,
            text=item.text,
        )
        for item in report.items[:DUE_LINES]
    ]
    upcoming: NextAssignment | None = None
    if answers.plans:
        plan = answers.plans[0]
        upcoming = NextAssignment(
            place=plan.facility or plan.state_name,
            state=plan.state,
            start=plan.start.isoformat(),
            verdict=plan.verdict.label,
            apply_by=plan.apply_by.isoformat() if plan.apply_by else None,
            detail=plan.authority.detail,
        )
    rows: list[CERow] = []
    for row in answers.ce.licenses:
        if row.required is None:
            fraction = 0.0
        elif row.required <= 0:
            fraction = 1.0
        else:
            fraction = min(float(row.earned / row.required), 1.0)
        rows.append(
            CERow(
                license=row.license,
                status=row.status.label,
                earned=format_hours(row.earned),
                required=None if row.required is None else format_hours(row.required),
                fraction=fraction,
                missing=list(row.missing),
            )
        )
    return Dashboard(
        today=today.isoformat(),
        name=records.profile.name if records.profile else None,
        overdue=report.overdue,
        due_soon=len(report.items) - report.overdue,
        within_days=report.within_days,
        due=due,
        next_assignment=upcoming,
        ce=rows,
    )
