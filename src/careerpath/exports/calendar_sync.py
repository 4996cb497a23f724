"""`[calendar] path` in config.toml: an .ics file rewritten after every change to the records.

    [calendar]
    path = "~/Calendars/careerpath.ics"

A calendar app subscribed to (or re-importing) that file always has the current dates; the
event UIDs are stable (exports/calendar.py), so a renewal moves an event instead of adding one.
The file is replaced atomically: a reader never sees half of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from careerpath.exports.calendar import build_calendar
from careerpath.exports.files import write_atomic
from careerpath.planner.settings import PlannerSettings, load_table
from careerpath.records import Records
from careerpath.reference.loader import RulesData


class CalendarSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: Path | None = None


def calendar_path(config: Path) -> Path | None:
    """The file to keep current, or None when config.toml names none."""
    found = load_table(config, "calendar", CalendarSettings).path
    return None if found is None else found.expanduser()


def write_calendar(
    path: Path, records: Records, rules: RulesData, today: dt.date, settings: PlannerSettings
) -> Path:
    """Rewrite `path` with every obligation as of `today`; unchanged content is not rewritten
    (a subscribed calendar then sees no needless change)."""
    content = build_calendar(records, rules, today, settings)
    try:
        if path.read_bytes() == content:
            return path
    except OSError:
        pass
    return write_atomic(path, content)
