"""`careerpath licenses cost`: what each license costs to keep, unused ones first."""

from __future__ import annotations

import argparse
from decimal import Decimal

from careerpath.commands.context import Context, print_json, render_table
from careerpath.hours import format_hours
from careerpath.planner.license_cost import LicenseCost, LicenseCostReport, license_costs
from careerpath.planner.unknown import UNKNOWN


def cmd_license_cost(ctx: Context, args: argparse.Namespace) -> int:
    report = license_costs(ctx.records(), ctx.rules(), ctx.today)
    if args.json:
        print_json(report.model_dump(mode="json"))
    else:
        print(render(report))
    return 0


def money(value: Decimal | None) -> str:
    return "?" if value is None else f"${value:,.2f}"


def hours(value: Decimal | None) -> str:
    return "?" if value is None else format_hours(value)


def cells(row: LicenseCost) -> list[str]:
    """One table row: the CLI and the app's Licenses tab show the same cells."""
    cycle = "?" if row.cycle_months is None else f"{row.cycle_months} mo"
    return [
        row.license,
        money(row.renewal_fee_usd),
        cycle,
        money(row.cost_per_year_usd),
        hours(row.ce_hours_owed),
        hours(row.ce_hours_only_this),
        str(len(row.unique_topics)),
        "never" if row.last_used is None else row.last_used.isoformat(),
    ]


HEADERS = ["License", "Fee", "Cycle", "Per year", "CE owed", "Only this", "Own topics", "Last used"]


def details(row: LicenseCost) -> list[str]:
    """Below the table: the topics only this license requires and what lapsing would mean."""
    used = "never used for an assignment" if row.last_used is None else f"last used {row.last_used}"
    head = f"{row.license}: {used}" + (" (2+ years ago)" if row.unused and row.last_used else "")
    lines = [head]
    if row.unique_topics:
        lines.append("  Topics only this license requires: " + "; ".join(row.unique_topics))
    lines.append("  If it lapses: " + " ".join(row.lapse))
    return lines


def total_line(report: LicenseCostReport) -> str:
    known = len(report.licenses) - report.unknown_costs
    if not known:
        return f"Cost per year: {UNKNOWN} (the rules data has no sourced renewal fee for these)."
    total = f"Known cost per year: {money(report.known_cost_per_year_usd)} for {known} license(s)"
    if report.unknown_costs:
        total += f"; {report.unknown_costs} more whose fee is {UNKNOWN}"
    return total + "."


def render(report: LicenseCostReport) -> str:
    if not report.licenses:
        return "No licenses stored: careerpath license add --profession RN --state TX ..."
    lines = [render_table(HEADERS, [cells(r) for r in report.licenses]), ""]
    lines.append(total_line(report))
    for row in report.licenses:
        lines.append("")
        lines.extend(details(row))
    unknown = sorted({u for r in report.licenses for u in r.unknowns})
    if unknown:
        lines.append("\nUnknown (ask the board):")
        lines.extend(f"  - {u}" for u in unknown)
    return "\n".join(lines)
