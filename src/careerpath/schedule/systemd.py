"""A systemd user service (one shot of `careerpath remind`) and the timer that starts it.

`Persistent=true` runs a missed day's job when the computer next wakes or boots, so a laptop
that was closed at 09:00 still reminds that day.
"""

from __future__ import annotations

import shlex

from careerpath.schedule.job import LABEL, Frequency, Job

SERVICE = f"{LABEL}.service"
TIMER = f"{LABEL}.timer"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def on_calendar(job: Job) -> str:
    """The timer's OnCalendar= expression."""
    clock = f"{job.at.hour:02d}:{job.at.minute:02d}:00"
    if job.frequency is Frequency.WEEKLY:
        return f"{_DAYS[job.weekday]} *-*-* {clock}"
    return f"*-*-* {clock}"


def render_service(job: Job) -> str:
    command = " ".join(_quote(arg) for arg in job.argv)
    return (
        "[Unit]\n"
        "Description=careerpath: remind of licenses, CE and assignments due\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={command}\n"
        # `remind` exits 10/11 when something is due: that is its answer, not a failure.
        "SuccessExitStatus=10 11\n"
    )


def render_timer(job: Job) -> str:
    return (
        "[Unit]\n"
        f"Description=careerpath reminders ({job.frequency.value})\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={on_calendar(job)}\n"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def _quote(arg: str) -> str:
    """systemd's command-line quoting is close to the shell's; `%` starts a specifier."""
    return shlex.quote(arg).replace("%", "%%")
