"""`careerpath remind --notify`: one desktop notification when an item crosses a lead time.

Quiet hours hold the notification back without recording it, so the first run after them sends
it. Without a desktop session the text goes to the terminal (the job's log or cron mail) and
the log file in the data folder.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from careerpath.commands.context import Context
from careerpath.notify import message, rule, state
from careerpath.notify.desktop import Notifier, log_line


def notify(
    ctx: Context, report: dict[str, Any], now: dt.datetime, notifier: Notifier | None
) -> str | None:
    """Send what is new in `report`; returns the line to print (None: nothing to say). A day
    with nothing new (most days) reads no settings and needs no pydantic."""
    sent = state.load(ctx.home)
    new = rule.to_notify(report["items"], sent)
    if not new:
        return None
    from careerpath.notify.settings import load_notify_settings

    if load_notify_settings(ctx.config).is_quiet(now.time()):
        return None
    title, body = message.summary(report["items"])
    shown = notifier is not None and notifier.send(title, body)
    log_line(ctx.home, now, title, body)
    state.save(ctx.home, rule.remember(report["items"], sent, ctx.today))
    return None if shown else f"{title}\n{body}"


def system_notifier() -> Notifier | None:
    """The platform's notifier when a desktop session can be reached, else None."""
    import sys

    from careerpath.notify.desktop import CommandNotifier, linux_bus
    from careerpath.processes import run_command

    system = "windows" if sys.platform == "win32" else sys.platform
    bus = None
    if system not in ("darwin", "windows"):
        uid = os.getuid() if hasattr(os, "getuid") else None
        bus = linux_bus(os.environ, uid, Path.exists)
        if bus is None:
            return None
    return CommandNotifier(system, bus, run_command)
