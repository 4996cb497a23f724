"""Running another program (a scheduler, a notifier) as a plain function of argv and stdin.

Kept free of pydantic: the daily `remind --notify` run imports it on its fast path. Tests pass
their own `Runner` instead.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from typing import NamedTuple


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


Runner = Callable[[Sequence[str], str | None], Ran]
"""Runs argv with the given stdin text; a missing program is return code 127."""


def run_command(argv: Sequence[str], stdin: str | None = None) -> Ran:
    try:
        done = subprocess.run(
            list(argv), input=stdin, capture_output=True, text=True, timeout=60, check=False
        )
    except FileNotFoundError:
        return Ran(127, "", f"{argv[0]}: not found")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Ran(126, "", f"{argv[0]}: {exc}")
    return Ran(done.returncode, done.stdout, done.stderr)
