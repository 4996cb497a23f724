"""Growth over time: how a skill's level moved, read from the rating's history.

"You moved from 2 to 3 in ventilator management since March 2026 (competency sign-off)":
the baseline is the level a year before `today` (the last entry on or before that day), or the
first dated entry when the history starts later; undated entries (saved before history was
kept) count only as the baseline. The window is a setting-free year because agencies ask for
skills checklists yearly.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict

from careerpath.records import AssessedBy, RatingEntry, SkillRating

WINDOW_MONTHS = 12

ASSESSED_WORDS = {
    AssessedBy.SELF: "self-assessed",
    AssessedBy.CHECKLIST: "skills checklist",
    AssessedBy.COMPETENCY: "competency sign-off",
    AssessedBy.CERTIFICATION: "certification",
}


class Trend(BaseModel):
    model_config = ConfigDict(frozen=True)

    skill: str
    from_level: int
    to_level: int
    since: dt.date | None
    """Date of the baseline entry; None when the baseline predates the history."""
    latest_on: dt.date | None
    latest_by: AssessedBy
    entries: int

    @property
    def change(self) -> int:
        return self.to_level - self.from_level

    @property
    def text(self) -> str:
        when = f"since {self.since:%B %Y}" if self.since else "since your first rating"
        how = ASSESSED_WORDS[self.latest_by]
        dated = f", {how} {self.latest_on}" if self.latest_on else f", {how}"
        if self.change > 0:
            verb = f"you moved from {self.from_level} to {self.to_level}"
        elif self.change < 0:
            verb = f"you went from {self.from_level} down to {self.to_level}"
        else:
            verb = f"steady at {self.to_level}"
        return f"{verb} in {self.skill} {when}{dated}"


def trend(
    rating: SkillRating, name: str, today: dt.date, window: int = WINDOW_MONTHS
) -> Trend | None:
    """The skill's movement over the past `window` months; None with fewer than two entries."""
    entries = _entries(rating)
    if len(entries) < 2:
        return None
    start = today - relativedelta(months=window)
    before = [e for e in entries if e.assessed_on is None or e.assessed_on <= start]
    baseline = before[-1] if before else entries[0]
    latest = entries[-1]
    if baseline is latest:
        return None
    return Trend(
        skill=name,
        from_level=baseline.level,
        to_level=latest.level,
        since=baseline.assessed_on,
        latest_on=latest.assessed_on,
        latest_by=latest.assessed_by,
        entries=len(entries),
    )


def _entries(rating: SkillRating) -> list[RatingEntry]:
    """The history with the current level last (a rating built in memory may have none)."""
    current = RatingEntry(
        level=rating.level, assessed_on=rating.assessed_on, assessed_by=rating.assessed_by
    )
    history = list(rating.history)
    if not history or history[-1] != current:
        history.append(current)
    return history


def stamp(rating: SkillRating, previous: SkillRating | None, today: dt.date) -> SkillRating:
    """Date a new or changed level `today` unless the user gave the day it was assessed."""
    if rating.assessed_on is not None and (
        previous is None or rating.assessed_on != previous.assessed_on
    ):
        return rating
    changed = previous is None or (rating.level, rating.assessed_by) != (
        previous.level,
        previous.assessed_by,
    )
    return rating.model_copy(update={"assessed_on": today}) if changed else rating
