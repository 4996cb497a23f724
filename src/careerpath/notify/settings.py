"""`[notify]` in config.toml: when desktop notifications must wait.

    [notify]
    quiet_start = "21:00"   # no notification from 21:00 ...
    quiet_end = "08:00"     # ... until 08:00 (the next run after that sends it)

Lead times are the planner's (`[planner] lead_times`), shared with `remind` and the calendar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, model_validator


class NotifySettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    quiet_start: dt.time | None = None
    quiet_end: dt.time | None = None

    @model_validator(mode="after")
    def _both(self) -> Self:
        if (self.quiet_start is None) != (self.quiet_end is None):
            raise ValueError("quiet hours need both quiet_start and quiet_end (HH:MM)")
        return self

    def is_quiet(self, now: dt.time) -> bool:
        """Whether `now` falls in the quiet hours (which may run past midnight)."""
        start, end = self.quiet_start, self.quiet_end
        if start is None or end is None or start == end:
            return False
        if start < end:
            return start <= now < end
        return now >= start or now < end


def load_notify_settings(folder: Path) -> NotifySettings:
    from careerpath.planner.settings import load_table

    return load_table(folder, "notify", NotifySettings)
