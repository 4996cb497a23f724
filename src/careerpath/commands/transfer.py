"""`export` and `import` of the whole history as JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careerpath.commands.context import Context
from careerpath.errors import CareerpathError


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.store import transfer

    target = Path(args.file)
    if target.suffix.lower() != ".json":
        raise CareerpathError(f"{target}: only .json exports are supported")
    document = transfer.build(ctx.store(), with_files=args.with_files)
    transfer.write(document, target)
    records = document.records
    print(
        f"exported to {target}: {len(records.licenses)} licenses, "
        f"{len(records.certifications)} certifications, {len(records.ce_activities)} CE "
        f"activities, {len(records.skills)} skills, {len(records.assignments)} assignments, "
        f"{len(document.certificates)} certificate files"
        + ("" if args.with_files or not document.certificates else " (referenced, not embedded)")
    )
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.store import transfer

    document = transfer.read(Path(args.file))
    warnings = transfer.apply(ctx.store(), document, replace=args.replace)
    for warning in warnings:
        print(f"careerpath: warning: {warning}", file=sys.stderr)
    records = document.records
    print(
        f"imported {args.file}: {len(records.licenses)} licenses, "
        f"{len(records.certifications)} certifications, {len(records.ce_activities)} CE "
        f"activities, {len(records.skills)} skills, {len(records.assignments)} assignments"
    )
    return 0
