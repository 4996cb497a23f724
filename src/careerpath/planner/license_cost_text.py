"""The cells and lines of the license-cost view: the CLI and the app's Licenses tab show the
same words, so they are written once, beside the answer they render."""

from __future__ import annotations

from decimal import Decimal

from careerpath.hours import format_hours
from careerpath.planner.license_cost import LicenseCost, LicenseCostReport
from careerpath.planner.unknown import UNKNOWN


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
