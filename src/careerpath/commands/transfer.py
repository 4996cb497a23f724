"""`export` and `import`: a JSON backup, a calendar, a credential packet, CSV tables.

The work is in careerpath.exports.service (shared with the TUI), imported only when one of
these commands runs: `careerpath --help` stays free of icalendar and the planner.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careerpath.commands.context import Context


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.exports.service import write_export

    ctx.close()  # the export opens its own connection
    print(
        write_export(
            ctx.home, ctx.today, Path(args.file), args.format, config=ctx.config,
            table=args.table, with_files=args.with_files, include_numbers=args.include_numbers,
        )
    )  # fmt: skip
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.exports.service import CSVImportError, import_file

    ctx.close()
    try:
        result = import_file(
            ctx.home, ctx.today, Path(args.file), args.format, replace=args.replace
        )
    except CSVImportError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise
    for warning in result.warnings:
        print(f"careerpath: warning: {warning}", file=sys.stderr)
    print(result.summary)
    return 0
