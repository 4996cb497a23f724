"""The CE log indexed for the planner: sorted by date, hours converted once, exact.

Twenty years of CE (2,000 activities) is summed for dozens of windows per answer, so each
activity's hours are converted once per board minute-length and windows are found by bisection.
"""

from __future__ import annotations

import bisect
import datetime as dt
from fractions import Fraction

from careerpath.records import CEActivity


class CELedger:
    def __init__(self, activities: list[CEActivity]) -> None:
        self.activities = sorted(activities, key=lambda a: a.completed)
        self._days = [a.completed for a in self.activities]
        self._hours: dict[int, list[Fraction]] = {}

    def hours(self, minutes_per_hour: int) -> list[Fraction]:
        cached = self._hours.get(minutes_per_hour)
        if cached is None:
            cached = [a.exact_hours(minutes_per_hour) for a in self.activities]
            self._hours[minutes_per_hour] = cached
        return cached

    def span(self, first: dt.date, last: dt.date) -> range:
        """Indexes of activities completed from `first` to `last`, both included."""
        return range(bisect.bisect_left(self._days, first), bisect.bisect_right(self._days, last))

    def total(
        self,
        first: dt.date,
        last: dt.date,
        license_id: int | None,
        minutes_per_hour: int = 60,
        topic: str | None = None,
    ) -> Fraction:
        """Exact hours in the period that count for the license (and carry `topic`, if given)."""
        hours = self.hours(minutes_per_hour)
        total = Fraction(0)
        for index in self.span(first, last):
            activity = self.activities[index]
            if not counts_for(activity, license_id):
                continue
            if topic is not None and topic not in activity.topics:
                continue
            total += hours[index]
        return total


def counts_for(activity: CEActivity, license_id: int | None) -> bool:
    """An activity claimed for no license counts wherever it is accepted; one claimed for some
    licenses counts only for those."""
    return not activity.claimed_for or license_id in activity.claimed_for
