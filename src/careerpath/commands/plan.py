"""`careerpath plan`: can I take this assignment, and by what date must I apply?"""

from __future__ import annotations

import argparse

from careerpath.commands.context import Context, print_json
from careerpath.errors import UsageError
from careerpath.planner.assignment import AssignmentPlan, plan_assignment, plan_stored


def cmd_plan(ctx: Context, args: argparse.Namespace) -> int:
    records = ctx.records()
    rules = ctx.rules()
    settings = ctx.settings()
    if args.margin is not None:
        settings = settings.model_copy(update={"margin_days": args.margin})
    if args.state is None:
        if args.start is not None or args.end is not None:
            raise UsageError("--start and --end need --state XX")
        plans = plan_stored(records, rules, ctx.today, settings)
        if not plans and not args.json:
            print(
                "No upcoming assignments stored. Plan one: careerpath plan --state OR "
                "--start 2027-03-03, or store it: careerpath assignment add ..."
            )
            return 0
    else:
        if args.start is None:
            raise UsageError("--state needs --start YYYY-MM-DD")
        if args.end is not None and args.end < args.start:
            raise UsageError(f"--end {args.end} is before --start {args.start}")
        from careerpath import jurisdictions

        state = jurisdictions.normalize(args.state)
        plans = [
            plan_assignment(
                records,
                rules,
                ctx.today,
                state=state,
                start=args.start,
                end=args.end,
                profession=args.profession,
                settings=settings,
            )
        ]
    if args.json:
        print_json([p.model_dump(mode="json") for p in plans])
        return 0
    for index, plan in enumerate(plans):
        if index:
            print()
        print(render_plan(plan))
    return 0


def render_plan(plan: AssignmentPlan) -> str:
    span = plan.start.isoformat() + (f" to {plan.end.isoformat()}" if plan.end else "")
    where = f"{plan.state_name} ({plan.state})" + (f", {plan.facility}" if plan.facility else "")
    verdict = plan.verdict.label.upper()
    if plan.apply_by is not None and plan.best_route is not None:
        verdict += (
            f": apply by {plan.apply_by.isoformat()} ({plan.best_route.value.replace('_', ' ')})"
        )
    lines = [f"{where}, {plan.profession}, {span}: {verdict}"]
    lines.append(f"  today: {plan.authority.basis.label} - {plan.authority.detail}")
    for note in plan.notes:
        lines.append(f"  ! {note}")
    for number, route in enumerate(plan.routes, 1):
        facts = [route.verdict.label]
        if route.apply_by is not None:
            facts.append(f"apply by {route.apply_by.isoformat()}")
        if route.lead_days:
            facts.append(f"needs {route.lead_days} days + margin")
        lines.append(f"  {number}. {route.title} [{', '.join(facts)}]")
        lines.extend(f"     - {step.text}" for step in route.steps)
        lines.extend(f"     note: {note}" for note in route.notes)
    for issue in plan.expiring:
        lines.append(f"  expires {issue.when}: {issue.what} on {issue.expires.isoformat()}")
    for unknown in plan.unknowns:
        lines.append(f"  unknown: {unknown}")
    return "\n".join(lines)
