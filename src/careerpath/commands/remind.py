"""`careerpath remind`: what is due, short enough for a cron mail; the exit status says how bad.

Exit status: 0 nothing due in the window, 10 something due, 11 something overdue; 1 and 2 are
errors, as for every command.
"""

from __future__ import annotations

import argparse

from careerpath.commands.context import Context, print_json
from careerpath.errors import UsageError
from careerpath.planner.reminders import ReminderReport, Severity, reminders


def cmd_remind(ctx: Context, args: argparse.Namespace) -> int:
    settings = ctx.settings()
    if args.lead_times is not None:
        try:
            leads = tuple(int(part) for part in args.lead_times.split(",") if part.strip())
            settings = settings.model_copy(update={"lead_times": leads})
            settings = type(settings).model_validate(settings.model_dump())
        except ValueError:
            raise UsageError(
                f"--lead-times {args.lead_times!r}: use days separated by commas, e.g. 90,30,7"
            ) from None
    report = reminders(
        ctx.records(), ctx.rules(), ctx.today, within_days=args.within, settings=settings
    )
    if args.json:
        data = report.model_dump(mode="json")
        data["exit_status"] = report.exit_status
        print_json(data)
    else:
        print(render(report))
    return report.exit_status


def render(report: ReminderReport) -> str:
    if not report.items:
        return f"Nothing due in the next {report.within_days} days."
    due = len(report.items) - report.overdue
    lines = [
        f"{report.overdue} overdue, {due} due in the next {report.within_days} days "
        f"(as of {report.today.isoformat()})"
    ]
    for item in report.items:
        if item.severity is Severity.OVERDUE:
            when = "today" if item.days_left == 0 else f"{-item.days_left} days ago"
            tag = "OVERDUE"
        else:
            when = "today" if item.days_left == 0 else f"in {item.days_left} days"
            tag = "due"
        lines.append(f"{tag:<8} {item.date.isoformat()}  {when:<14} {item.text}")
    return "\n".join(lines)
