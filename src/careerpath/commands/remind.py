"""`careerpath remind`: what is due, short enough for a cron mail; the exit status says how bad.

Exit status: 0 nothing due in the window, 10 something due, 11 something overdue; 1 and 2 are
errors, as for every command. The planner's obligations are cached beside the records (see
store/answer_cache.py), so a cron run on an unchanged profile needs no pydantic at all; both
paths classify with the same planner/lead_times.py functions.
"""

from __future__ import annotations

import argparse
from typing import Any

from careerpath.commands.context import Context, print_json
from careerpath.errors import UsageError
from careerpath.planner.lead_times import OVERDUE, report_from_obligations

CACHE_NAME = "obligations"


def cmd_remind(ctx: Context, args: argparse.Namespace) -> int:
    if args.at is not None and not args.schedule:
        raise UsageError("--at goes with --schedule daily|weekly")
    if args.time is not None and not args.notify:
        raise UsageError("--time goes with --notify")
    if args.schedule or args.unschedule or args.schedule_status:
        from careerpath.commands.remind_schedule import cmd_schedule

        return cmd_schedule(ctx, args)
    payload = _cached(ctx) if args.lead_times is None else None
    if payload is None:
        payload = _compute(ctx, args)
    leads = tuple(payload["lead_times"])
    window = leads[0] if args.within is None else args.within
    report = report_from_obligations(payload["items"], ctx.today, window, leads)
    if args.notify:
        _notify(ctx, args, report)
    elif args.json:
        print_json(report)
    else:
        print(render(report))
    status: int = report["exit_status"]
    return status


def _notify(ctx: Context, args: argparse.Namespace, report: dict[str, Any]) -> None:
    import datetime as dt

    from careerpath.commands.remind_notify import notify, system_notifier

    now = dt.datetime.now()
    if args.time is not None:
        from careerpath.schedule.job import parse_at

        now = dt.datetime.combine(ctx.today, parse_at(args.time, "--time"))
    fallback = notify(ctx, report, now, system_notifier())
    if fallback:
        print(fallback)


def _key(ctx: Context) -> str:
    from careerpath.store.answer_cache import inputs_key

    return inputs_key(ctx.home, ctx.config)


def _cached(ctx: Context) -> dict[str, Any] | None:
    from careerpath.paths import DB_NAME

    if not (ctx.home / DB_NAME).exists():
        return None
    from careerpath.store import answer_cache
    from careerpath.store.database import open_database

    conn = open_database(ctx.home)
    try:
        payload = answer_cache.read(conn, CACHE_NAME, _key(ctx))
    finally:
        conn.close()
    if not isinstance(payload, dict):
        return None
    today = ctx.today.isoformat()
    if not payload["computed_on"] <= today <= payload["valid_through"]:
        return None
    return payload


def _compute(ctx: Context, args: argparse.Namespace) -> dict[str, Any]:
    from careerpath.planner.reminders import obligations

    settings = ctx.settings()
    if args.lead_times is not None:
        settings = _with_lead_times(settings, args.lead_times)
    found = obligations(ctx.records(), ctx.rules(), ctx.today, settings=settings)
    payload = found.model_dump(mode="json")
    payload["lead_times"] = list(settings.lead_times)
    if args.lead_times is None and ctx.has_store():
        from careerpath.store import answer_cache

        answer_cache.write(ctx.store().conn, CACHE_NAME, _key(ctx), payload)
    return payload


def _with_lead_times(settings: Any, text: str) -> Any:
    from pydantic import ValidationError

    try:
        leads = tuple(int(part) for part in text.split(",") if part.strip())
        return type(settings).model_validate({**settings.model_dump(), "lead_times": leads})
    except (ValueError, ValidationError):
        raise UsageError(
            f"--lead-times {text!r}: use days from 0 to 3650 separated by commas, e.g. 90,30,7"
        ) from None


def render(report: dict[str, Any]) -> str:
    items = report["items"]
    window = report["within_days"]
    if not items:
        return f"Nothing due in the next {window} days."
    overdue = sum(1 for i in items if i["severity"] == OVERDUE)
    lines = [f"{overdue} overdue, {len(items) - overdue} due in the next {window} days "
             f"(as of {report['today']})"]  # fmt: skip
    for item in items:
        days = item["days_left"]
        if item["severity"] == OVERDUE:
            when = "today" if days == 0 else f"{-days} days ago"
            tag = "OVERDUE"
        else:
            when = "today" if days == 0 else f"in {days} days"
            tag = "due"
        lines.append(f"{tag:<8} {item['date']}  {when:<14} {item['text']}")
    return "\n".join(lines)
