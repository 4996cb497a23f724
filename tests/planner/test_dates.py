"""Property tests of the renewal date arithmetic (planner/dates.py)."""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

from careerpath.planner.dates import (
    AVERAGE_MONTH_DAYS,
    days_before,
    months_before,
    months_between,
    window_start,
)

DAY = dt.timedelta(days=1)

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
cycles = st.integers(min_value=1, max_value=72)
"""Every cycle the rules schema allows (Renewal.cycle_months / ce.period_months: 1-72)."""
yearly_cycles = st.sampled_from([12, 24, 36, 48, 60, 72])
"""The cycles the bundled data uses (1 to 4 years)."""


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def is_month_end(day: dt.date) -> bool:
    return (day + DAY).day == 1


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


@st.composite
def month_ends(draw: st.DrawFn, months: st.SearchStrategy[int] | None = None) -> dt.date:
    year = draw(st.integers(min_value=1900, max_value=2200))
    month = draw(months if months is not None else st.integers(min_value=1, max_value=12))
    return last_day(year, month)


def weekdays_in(first: dt.date, end: dt.date) -> int:
    """Weekdays (Mon-Fri) in [first, end), counted day by day."""
    count = 0
    day = first
    while day < end:
        count += day.weekday() < 5
        day += DAY
    return count


# --- months_before ----------------------------------------------------------------------------
@given(day=dates, months=st.integers(min_value=0, max_value=120))
def test_months_before_moves_whole_months_and_clamps_to_the_month_end(
    day: dt.date, months: int
) -> None:
    result = months_before(day, months)
    assert month_index(result) == month_index(day) - months
    assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])
    assert result <= day


@given(day=dates)
def test_months_before_zero_is_the_same_day(day: dt.date) -> None:
    assert months_before(day, 0) == day


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2027, 3, 31), 1, dt.date(2027, 2, 28)),
        (dt.date(2028, 3, 31), 1, dt.date(2028, 2, 29)),  # leap year
        (dt.date(2028, 2, 29), 12, dt.date(2027, 2, 28)),
        (dt.date(2028, 2, 29), 48, dt.date(2024, 2, 29)),
        (dt.date(2027, 1, 15), 1, dt.date(2026, 12, 15)),  # across the year end
        (dt.date(2026, 5, 31), 1, dt.date(2026, 4, 30)),
    ],
)
def test_months_before_examples(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


# --- window_start -----------------------------------------------------------------------------
@given(expires=dates, cycle=cycles)
def test_window_starts_the_day_after_the_previous_expiry(expires: dt.date, cycle: int) -> None:
    start = window_start(expires, cycle)
    assert start <= expires
    if (expires + DAY).day == 1:
        # A period ending on a month's last day is whole months: it starts on the 1st.
        assert start.day == 1
    else:
        assert start - DAY == months_before(expires, cycle)
    # One period long, give or take the clamping of days 29-31.
    assert month_index(expires) - month_index(start) in (cycle - 1, cycle)


@given(expires=dates.filter(lambda day: day.day <= 27), cycle=cycles)
def test_window_is_exactly_cycle_months_long(expires: dt.date, cycle: int) -> None:
    start = window_start(expires, cycle)
    assert start + relativedelta(months=cycle) - DAY == expires


@given(expires=dates.filter(lambda day: day.day <= 28 and not is_month_end(day)), cycle=cycles)
def test_previous_expiry_keeps_the_day_of_month(expires: dt.date, cycle: int) -> None:
    previous = window_start(expires, cycle) - DAY
    assert previous.day == expires.day
    assert month_index(expires) - month_index(previous) == cycle


@given(expires=month_ends(st.integers(min_value=1, max_value=12).filter(lambda m: m != 2)),
       cycle=yearly_cycles)  # fmt: skip
def test_month_end_window_in_whole_years_starts_on_the_first(expires: dt.date, cycle: int) -> None:
    """Whole-year cycles ending on a month end other than February: the common case."""
    start = window_start(expires, cycle)
    assert start.day == 1
    assert is_month_end(start - DAY)
    assert start + relativedelta(months=cycle) - DAY == expires


@given(expires=month_ends(), cycle=cycles)
@example(expires=dt.date(2029, 2, 28), cycle=12)
@example(expires=dt.date(2030, 2, 28), cycle=24)
@settings(max_examples=200)
def test_month_end_window_is_whole_months(expires: dt.date, cycle: int) -> None:
    """A period ending on a month end starts on the first of a month, exactly `cycle` months
    before the day after expiry."""
    start = window_start(expires, cycle)
    assert start == (expires + DAY) - relativedelta(months=cycle)
    assert start.day == 1
    assert start + relativedelta(months=cycle) - DAY == expires


@pytest.mark.parametrize(
    ("expires", "cycle", "expected"),
    [
        (dt.date(2028, 2, 29), 24, dt.date(2026, 3, 1)),
        (dt.date(2027, 1, 31), 24, dt.date(2025, 2, 1)),  # the docstring's example
        (dt.date(2027, 2, 28), 24, dt.date(2025, 3, 1)),
        (dt.date(2028, 2, 29), 48, dt.date(2024, 3, 1)),
        (dt.date(2026, 12, 31), 24, dt.date(2025, 1, 1)),  # straddles a year end
        (dt.date(2027, 1, 31), 12, dt.date(2026, 2, 1)),  # straddles a year end
        (dt.date(2028, 4, 30), 24, dt.date(2026, 5, 1)),
        (dt.date(2026, 6, 15), 36, dt.date(2023, 6, 16)),
        (dt.date(2027, 3, 31), 1, dt.date(2027, 3, 1)),
    ],
)
def test_window_start_examples(expires: dt.date, cycle: int, expected: dt.date) -> None:
    assert window_start(expires, cycle) == expected


@pytest.mark.parametrize(
    ("expires", "cycle", "expected"),
    [
        # Texas RNs expire at the end of the birth month every 2 years: born in February of an
        # even year, the period ending 28 Feb 2030 began 1 Mar 2028 (the day after the last
        # expiry, 29 Feb 2028), not on 29 Feb 2028 itself.
        (dt.date(2030, 2, 28), 24, dt.date(2028, 3, 1)),
        (dt.date(2029, 2, 28), 12, dt.date(2028, 3, 1)),
        (dt.date(2027, 4, 30), 1, dt.date(2027, 4, 1)),
    ],
)
def test_window_start_month_end_after_a_longer_month(
    expires: dt.date, cycle: int, expected: dt.date
) -> None:
    assert window_start(expires, cycle) == expected


# --- days_before ------------------------------------------------------------------------------
@given(day=dates, days=st.integers(min_value=0, max_value=2000))
def test_calendar_days_before_is_the_exact_difference(day: dt.date, days: int) -> None:
    assert (day - days_before(day, days)).days == days


@given(day=dates, days=st.integers(min_value=-50, max_value=0), business=st.booleans())
def test_days_before_nothing_is_the_same_day(day: dt.date, days: int, business: bool) -> None:
    assert days_before(day, days, business=business) == day


@given(day=dates, days=st.integers(min_value=1, max_value=400))
@settings(max_examples=150)
def test_business_days_before_counts_weekdays(day: dt.date, days: int) -> None:
    result = days_before(day, days, business=True)
    assert result < day
    assert result.weekday() < 5
    assert weekdays_in(result, day) == days
    # The latest such day: no weekday is skipped right before `day`.
    assert weekdays_in(result + DAY, day) == days - 1


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        (dt.date(2026, 11, 30), 1, dt.date(2026, 11, 27)),  # Monday - 1 = Friday
        (dt.date(2026, 11, 29), 1, dt.date(2026, 11, 27)),  # Sunday - 1 = Friday
        (dt.date(2026, 11, 27), 5, dt.date(2026, 11, 20)),  # Friday - 5 = Friday before
        (dt.date(2027, 1, 4), 3, dt.date(2026, 12, 30)),  # across the year end
        (dt.date(2026, 11, 25), 10, dt.date(2026, 11, 11)),
    ],
)
def test_business_days_examples(day: dt.date, days: int, expected: dt.date) -> None:
    assert days_before(day, days, business=True) == expected


# --- months_between ---------------------------------------------------------------------------
@given(start=dates, end=dates)
def test_months_between_is_never_negative(start: dt.date, end: dt.date) -> None:
    result = months_between(start, end)
    assert isinstance(result, Fraction)
    assert result >= 0
    if end <= start:
        assert result == 0
    else:
        assert result == Fraction((end - start).days) / AVERAGE_MONTH_DAYS


@given(start=dates, a=dates, b=dates)
def test_months_between_is_monotonic(start: dt.date, a: dt.date, b: dt.date) -> None:
    early, late = sorted((a, b))
    assert months_between(start, early) <= months_between(start, late)
    assert months_between(early, start) >= months_between(late, start)


@given(a=dates, b=dates, c=dates)
def test_months_between_adds_up_exactly(a: dt.date, b: dt.date, c: dt.date) -> None:
    first, middle, last = sorted((a, b, c))
    assert months_between(first, middle) + months_between(middle, last) == months_between(
        first, last
    )


def test_months_between_examples() -> None:
    # 400 Gregorian years are exactly 4,800 average months.
    assert months_between(dt.date(2000, 1, 1), dt.date(2400, 1, 1)) == 4800
    year = months_between(dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert Fraction(11, 1) < year < Fraction(12, 1)  # 365 days: a shade under 12
    assert months_between(dt.date(2027, 1, 1), dt.date(2026, 1, 1)) == 0
