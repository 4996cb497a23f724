"""`careerpath where`: where may I practise today, and what would a move change?"""

from __future__ import annotations

import argparse

from careerpath.commands.context import Context, print_json, render_table
from careerpath.planner.credentials import professions_of
from careerpath.planner.where import WhereReport, where


def cmd_where(ctx: Context, args: argparse.Namespace) -> int:
    records = ctx.records()
    rules = ctx.rules()
    professions = professions_of(records, args.profession)
    if not professions:
        print("No profession yet: careerpath profile set --profession RN (or PT, OT, SLP ...)")
        return 0
    if args.if_home:
        from careerpath.planner.moving import if_home

        moves = [if_home(records, rules, ctx.today, p, args.if_home) for p in professions]
        if args.json:
            print_json([m.model_dump(mode="json", exclude={"before"}) for m in moves])
            return 0
        for move in moves:
            print(
                f"{move.profession}: moving home from {move.from_state or '(none)'} to "
                f"{move.to_state}"
            )
            for item in move.apply_for:
                print(f"  apply for: {item}")
            for note in move.notes:
                print(f"  note: {note}")
            print(f"  you would lose: {', '.join(move.lose) or 'nothing'}")
            print(f"  you would gain: {', '.join(move.gain) or 'nothing'}")
            _print_report(move.after, args.state, brief=True)
        return 0
    reports = [where(records, rules, ctx.today, p) for p in professions]
    if args.json:
        print_json([_filtered(r, args.state).model_dump(mode="json") for r in reports])
        return 0
    for report in reports:
        _print_report(report, args.state, brief=False)
    return 0


def _filtered(report: WhereReport, state: str | None) -> WhereReport:
    if state is None:
        return report
    from careerpath import jurisdictions

    code = jurisdictions.normalize(state)
    return report.model_copy(update={"jurisdictions": [report.get(code)]})


def _print_report(report: WhereReport, state: str | None, *, brief: bool) -> None:
    report = _filtered(report, state)
    practise = report.practisable()
    head = f"{report.profession}, home state {report.home_state or 'not set'}"
    if report.compact:
        head += f", {report.compact}"
    print(("  after the move: " if brief else "") + head + f" - as of {report.today.isoformat()}")
    if state is None:
        print(
            f"  you may practise in {len(practise)} of {len(report.jurisdictions)} "
            "jurisdictions today"
        )
    for note in report.notes:
        print(f"  ! {note}")
    if brief:
        return
    body = []
    for row in report.jurisdictions:
        detail = row.detail
        extra = [
            *row.warnings,
            *(f"confirm: {c}" for c in row.confirm),
            *(str(u) for u in row.unknowns),
        ]
        if extra:
            detail += " | " + " | ".join(extra)
        body.append(
            [
                row.code,
                ("* " if row.may_practise else "  ") + row.basis.label,
                row.expires.isoformat() if row.expires else "-",
                detail,
            ]
        )
    print(render_table(["ST", "  AUTHORITY", "EXPIRES", "WHY / NEXT STEP"], body))
