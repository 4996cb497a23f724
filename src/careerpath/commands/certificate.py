"""`ce certificate ID FILE` / `ce certificate ID --drop`: attach a certificate file to a CE
activity again, or forget it (an import made without the files leaves records naming files
this data folder does not have; exports record them as missing until one of these is done)."""

from __future__ import annotations

import argparse
from pathlib import Path

from careerpath.commands.context import Context
from careerpath.errors import UsageError


def cmd_certificate(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.records import CEActivity
    from careerpath.store import certificates

    if (args.file is None) == (not args.drop):
        raise UsageError("give a certificate FILE or --drop, not both or neither")
    store = ctx.store()
    activity = store.get(CEActivity, args.id)
    if args.drop:
        store.update(activity.model_copy(update={"certificate": None}))
        print(f"CE activity {args.id}: certificate dropped")
        return 0
    name = certificates.attach(ctx.home, Path(args.file))
    store.update(activity.model_copy(update={"certificate": name}))
    print(f"CE activity {args.id}: certificate {name} attached")
    return 0
