"""`backup create|list|verify|restore`: copies of the database that are whole or absent."""

from __future__ import annotations

import argparse

from careerpath.commands.context import Context, print_json, render_table
from careerpath.errors import CareerpathError


def cmd_create(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.paths import DB_NAME
    from careerpath.store.backups import backup

    if not (ctx.home / DB_NAME).exists():
        raise CareerpathError(f"nothing to back up: there is no database in {ctx.home}")
    path = backup(ctx.store().conn, ctx.home, "manual")
    print(f"backup written and checked: {path}")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.store.backups import backup_dir, listing

    found = listing(ctx.home)
    if args.json:
        print_json([
            {"name": b.path.name, "bytes": b.size, "modified": b.modified.isoformat("T", "seconds")}
            for b in found
        ])  # fmt: skip
        return 0
    if not found:
        print(f"no backups in {backup_dir(ctx.home)}")
        return 0
    print(render_table(
        ["backup", "size", "taken"],
        [[b.path.name, f"{b.size / 1024:,.0f} kB", b.modified.strftime("%Y-%m-%d %H:%M")]
         for b in found],
    ))  # fmt: skip
    return 0


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.store.backups import check, find, listing

    paths = [find(ctx.home, args.name)] if args.name else [b.path for b in listing(ctx.home)]
    bad = 0
    for path in paths:
        problem = check(path)
        bad += problem is not None
        print(f"{path.name}: {problem or 'ok'}")
    if bad:
        raise CareerpathError(f"{bad} of {len(paths)} backup(s) are damaged")
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.store.backups import find, restore

    path = find(ctx.home, args.name)
    safety = restore(ctx.store().conn, ctx.home, path)
    print(f"restored {path.name}; what was there before is in {safety.name}")
    return 0
