"""`careerpath ce status` and `careerpath ce what-counts ID`."""

from __future__ import annotations

import argparse

from careerpath.commands.context import Context, print_json, render_table
from careerpath.hours import format_hours
from careerpath.planner.ce_counts import what_counts
from careerpath.planner.ce_status import ce_status
from careerpath.planner.unknown import UNKNOWN


def cmd_ce_status(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.planner.audit import audit_all
    from careerpath.store.certificates import stored_names

    records = ctx.records()
    report = ce_status(records, ctx.rules(), ctx.today)
    audits = {
        a.license_id: a
        for a in audit_all(
            records, ctx.rules(), ctx.today, stored_certificates=stored_names(ctx.home)
        )
    }
    if args.json:
        data = report.model_dump(mode="json")
        for row in data["licenses"]:
            audit = audits[row["license_id"]]
            row["audit"] = {
                "summary": audit.summary(),
                "missing": audit.missing_count,
                "activities": len(audit.items),
            }
        print_json(data)
        return 0
    if not report.licenses:
        print("No licenses stored: careerpath license add --profession RN --state TX ...")
        return 0
    body = []
    for row in report.licenses:
        window = (
            f"{row.window_start.isoformat()} - {row.window_end.isoformat()}"
            if row.window_start and row.window_end
            else "unknown"
        )
        body.append(
            [
                row.license,
                window,
                format_hours(row.required) if row.required is not None else "?",
                format_hours(row.earned),
                format_hours(row.needed) if row.needed is not None else "?",
                format_hours(row.pace_per_month) if row.pace_per_month is not None else "-",
                row.status.label,
            ]
        )
    print(
        render_table(
            ["LICENSE", "WINDOW", "REQUIRED", "EARNED", "NEEDED", "PER MONTH", "STATUS"], body
        )
    )
    for row in report.licenses:
        audit = audits[row.license_id]
        lines = [audit.summary() + (f" (careerpath audit --license {row.license_id})"
                                    if audit.missing_count else "")]  # fmt: skip
        lines += [f"missing: {m}" for m in row.missing]
        lines += [f"check: {c}" for c in row.check]
        lines += [f"unknown: {u}" for u in row.unknowns]
        lines += [f"note: {n}" for n in row.notes]
        if row.required is None and not row.unknowns:
            lines.append(f"hours: {UNKNOWN}")
        if row.next_expiry is not None:
            lines.append(f"after renewal it expires {row.next_expiry.isoformat()} (board's cycle)")
        if lines:
            print(f"\n{row.license}:")
            print("\n".join(f"  {line}" for line in lines))
    return 0


def cmd_what_counts(ctx: Context, args: argparse.Namespace) -> int:
    result = what_counts(ctx.records(), ctx.rules(), ctx.today, args.id)
    if args.json:
        print_json(result.model_dump(mode="json"))
        return 0
    print(
        f"CE #{result.activity_id} {result.title} ({result.completed.isoformat()}, "
        f"{format_hours(result.contact_hours)} contact hours)"
    )
    if not result.toward:
        print("  no licenses stored")
    for item in result.toward:
        mark = "counts" if item.counts else "does not count"
        hours = f" {format_hours(item.hours)} h" if item.counts else ""
        topics = f"; fills {', '.join(item.topics)}" if item.topics else ""
        print(f"  {item.license}: {mark}{hours} ({item.reason}){topics}")
    return 0
