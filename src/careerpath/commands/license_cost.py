"""`careerpath licenses cost`: what each license costs to keep, unused ones first."""

from __future__ import annotations

import argparse

from careerpath.commands.context import Context, print_json, render_table
from careerpath.planner.license_cost import LicenseCostReport, license_costs
from careerpath.planner.license_cost_text import HEADERS, cells, details, total_line


def cmd_license_cost(ctx: Context, args: argparse.Namespace) -> int:
    report = license_costs(ctx.records(), ctx.rules(), ctx.today)
    if args.json:
        print_json(report.model_dump(mode="json"))
    else:
        print(render(report))
    return 0


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
