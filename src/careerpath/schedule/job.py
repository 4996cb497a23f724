"""What to run and when: the one description every scheduler backend renders."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from careerpath.errors import UsageError

LABEL = "careerpath-remind"
"""Name of the job in every scheduler (unit, crontab marker, agent label, task name)."""
DEFAULT_AT = dt.time(9, 0)


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


class Job(BaseModel):
    model_config = ConfigDict(frozen=True)

    frequency: Frequency = Frequency.DAILY
    at: dt.time = DEFAULT_AT
    weekday: int = Field(default=0, ge=0, le=6)
    """Monday is 0 (Python's numbering); weekly jobs run on this day."""
    argv: tuple[str, ...] = Field(min_length=1)
    """The full command line: the interpreter, `-m careerpath remind --notify` and options."""


def parse_at(text: str, option: str = "--at") -> dt.time:
    """`HH:MM` (24-hour) as a time, or a one-line usage error."""
    try:
        hour, minute = (int(part) for part in text.strip().split(":"))
        return dt.time(hour, minute)
    except ValueError:
        raise UsageError(f"{option} {text!r}: use a 24-hour time such as 09:00") from None
