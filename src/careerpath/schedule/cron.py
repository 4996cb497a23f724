"""One line in the user's crontab, between marker comments so it can be found and removed
without touching the user's own lines."""

from __future__ import annotations

import shlex

from careerpath.schedule.job import LABEL, Frequency, Job

BEGIN = f"# BEGIN {LABEL} (added by `careerpath remind --schedule`)"
END = f"# END {LABEL}"


def render_line(job: Job) -> str:
    # cron counts Sunday as 0; Python's Monday=0.
    day = str((job.weekday + 1) % 7) if job.frequency is Frequency.WEEKLY else "*"
    # `%` ends the command in a crontab line unless escaped.
    command = " ".join(shlex.quote(arg) for arg in job.argv).replace("%", r"\%")
    return f"{job.at.minute} {job.at.hour} * * {day} {command}"


def without_job(crontab: str) -> str:
    """The crontab with careerpath's block taken out (everything else kept as it was)."""
    kept: list[str] = []
    inside = False
    for line in crontab.splitlines():
        if line == BEGIN:
            inside = True
        elif inside and line == END:
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept) + ("\n" if kept else "")


def with_job(crontab: str, job: Job) -> str:
    """The crontab with careerpath's block replaced by (or appended as) one for `job`."""
    return without_job(crontab) + f"{BEGIN}\n{render_line(job)}\n{END}\n"


def installed_line(crontab: str) -> str | None:
    lines = crontab.splitlines()
    if BEGIN not in lines:
        return None
    after = lines[lines.index(BEGIN) + 1 :]
    return after[0] if after and after[0] != END else None
