"""The CE log indexed for the planner: sorted by date, hours converted once, exact.

Twenty years of CE (2,000 activities) is summed for dozens of windows per answer. Each
activity's hours are converted once per board minute-length into whole "ticks" (1/600,000 of an
hour at 60-minute hours: every amount with up to four decimals in hours, CEUs or minutes is a
whole number of ticks), so sums are exact integer additions; windows are found by bisection and
each topic keeps its own index.
"""

from __future__ import annotations

import bisect
import datetime as dt
from fractions import Fraction

from careerpath.hours import CEUnit
from careerpath.records import CEActivity

_SCALE = 10_000
"""Amounts carry at most four decimal places (records.CEActivity)."""


class CELedger:
    def __init__(self, activities: list[CEActivity]) -> None:
        self.activities = sorted(activities, key=lambda a: a.completed)
        self._days = [a.completed for a in self.activities]
        self._claims = [frozenset(a.claimed_for) for a in self.activities]
        self._ticks: dict[int, list[int]] = {}
        self._topics: dict[str, tuple[list[dt.date], list[int]]] = {}
        for index, activity in enumerate(self.activities):
            for topic in activity.topics:
                days, indexes = self._topics.setdefault(topic, ([], []))
                days.append(activity.completed)
                indexes.append(index)

    def ticks(self, minutes_per_hour: int) -> list[int]:
        """Each activity's hours in units of 1 / (10,000 x minutes_per_hour) hour."""
        cached = self._ticks.get(minutes_per_hour)
        if cached is None:
            cached = [_ticks(a, minutes_per_hour) for a in self.activities]
            self._ticks[minutes_per_hour] = cached
        return cached

    def total(
        self,
        first: dt.date,
        last: dt.date,
        license_id: int | None,
        minutes_per_hour: int = 60,
        topic: str | None = None,
    ) -> Fraction:
        """Exact hours in the period that count for the license (and carry `topic`, if given)."""
        ticks = self.ticks(minutes_per_hour)
        claims = self._claims
        total = 0
        if topic is None:
            lo = bisect.bisect_left(self._days, first)
            hi = bisect.bisect_right(self._days, last)
            indexes: list[int] | range = range(lo, hi)
        else:
            days, all_indexes = self._topics.get(topic, ([], []))
            lo = bisect.bisect_left(days, first)
            hi = bisect.bisect_right(days, last)
            indexes = all_indexes[lo:hi]
        for index in indexes:
            claimed = claims[index]
            if not claimed or license_id in claimed:
                total += ticks[index]
        return Fraction(total, _SCALE * minutes_per_hour)


def _ticks(activity: CEActivity, minutes_per_hour: int) -> int:
    scaled = int(activity.amount * _SCALE)  # exact: at most four decimal places
    if activity.unit is CEUnit.CEU:
        return scaled * 10 * minutes_per_hour
    if activity.unit is CEUnit.MINUTES:
        return scaled
    return scaled * minutes_per_hour


def counts_for(activity: CEActivity, license_id: int | None) -> bool:
    """An activity claimed for no license counts wherever it is accepted; one claimed for some
    licenses counts only for those."""
    return not activity.claimed_for or license_id in activity.claimed_for
