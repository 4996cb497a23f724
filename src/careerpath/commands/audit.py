"""`careerpath audit --license ID [--window current|previous] -o FILE.zip [--with-numbers]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from careerpath.commands.context import Context


def cmd_audit(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.exports.audit_export import export_audit

    ctx.close()  # the export opens its own connection
    print(
        export_audit(
            ctx.home, ctx.today, args.license, Path(args.output).expanduser(),
            window=args.window, include_numbers=args.with_numbers, rules=ctx.rules(),
        )
    )  # fmt: skip
    return 0
