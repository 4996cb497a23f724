"""`careerpath remind --schedule/--unschedule/--schedule-status`: the per-user reminder job."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from careerpath.commands.context import Context
from careerpath.paths import HOME_ENV


def job_argv(args: argparse.Namespace, home: Path) -> tuple[str, ...]:
    """The command the scheduler runs: this interpreter, so the job finds this installation.
    The data folder is named only when the user chose one (a default one stays the platform's,
    with its config folder)."""
    argv = [sys.executable, "-m", "careerpath", "remind", "--notify"]
    if getattr(args, "home", None) or os.environ.get(HOME_ENV):
        argv += ["--home", str(home.resolve())]
    return tuple(argv)


def cmd_schedule(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.schedule import installer
    from careerpath.schedule.job import DEFAULT_AT, Frequency, Job, parse_at

    host = installer.current_host(ctx.home, ctx.today)
    if args.schedule_status:
        found = installer.status(host)
        print("\n".join(found) if found else "No reminder job is installed.")
        return 0
    if args.unschedule:
        removed = installer.remove(host)
        if not removed:
            print("No reminder job was installed; nothing removed.")
        for result in removed:
            print(f"Removed the {result.backend}.")
            _list(result.files, result.entries)
        return 0
    at = parse_at(args.at) if args.at else DEFAULT_AT
    job = Job(frequency=Frequency(args.schedule), at=at, argv=job_argv(args, ctx.home))
    result = installer.install(host, job)
    print(f"Installed a {result.backend}: {job.frequency.value} at {at.strftime('%H:%M')}.")
    _list(result.files, result.entries)
    print("Remove it with `careerpath remind --unschedule`.")
    return 0


def _list(files: list[str], entries: list[str]) -> None:
    for path in files:
        print(f"  file: {path}")
    for entry in entries:
        print(f"  {entry}")
