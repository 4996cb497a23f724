"""A launchd agent (per user, in ~/Library/LaunchAgents) that runs `careerpath remind`."""

from __future__ import annotations

import plistlib

from careerpath.schedule.job import Frequency, Job

AGENT_LABEL = "app.careerpath.remind"
PLIST = f"{AGENT_LABEL}.plist"


def render_plist(job: Job, log: str) -> bytes:
    """The agent's property list; `log` receives what the run prints."""
    when: dict[str, int] = {"Hour": job.at.hour, "Minute": job.at.minute}
    if job.frequency is Frequency.WEEKLY:
        when["Weekday"] = (job.weekday + 1) % 7  # launchd: Sunday is 0 (or 7)
    document = {
        "Label": AGENT_LABEL,
        "ProgramArguments": list(job.argv),
        "StartCalendarInterval": when,
        "StandardOutPath": log,
        "StandardErrorPath": log,
        "ProcessType": "Background",
    }
    return plistlib.dumps(document, sort_keys=True)
