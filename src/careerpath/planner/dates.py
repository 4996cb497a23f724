"""Date arithmetic for renewals and deadlines, on dateutil (month ends and leap days included)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, rrule

AVERAGE_MONTH_DAYS = Fraction(146097, 4800)
"""Days in an average Gregorian month (400-year cycle / 4800 months), for pace per month."""


def months_before(day: dt.date, months: int) -> dt.date:
    """`day` minus whole months, clamped to the month's end (31 March - 1 month = 28/29 Feb)."""
    result: dt.date = day - relativedelta(months=months)
    return result


def window_start(expires: dt.date, cycle_months: int) -> dt.date:
    """First day of the renewal period that ends on `expires` (a 24-month period ending
    31 Jan 2027 starts 1 Feb 2025). A period ending on a month's last day is whole months: one
    ending 28 Feb 2029 starts 1 Mar 2028, not on 29 Feb."""
    following = expires + dt.timedelta(days=1)
    if following.day == 1:
        return months_before(following, cycle_months)
    return months_before(expires, cycle_months) + dt.timedelta(days=1)


def days_before(day: dt.date, days: int, *, business: bool = False) -> dt.date:
    """`day` minus `days` calendar days, or minus `days` business days (Mon-Fri; public
    holidays are not known, so a business-day count may be a day or two optimistic)."""
    if days <= 0:
        return day
    if not business:
        return day - dt.timedelta(days=days)
    # Enough calendar days back to hold `days` weekdays, then take the earliest needed.
    start = day - dt.timedelta(days=days * 7 // 5 + 7)
    weekdays = list(
        rrule(
            DAILY, dtstart=start, until=day - dt.timedelta(days=1), byweekday=(MO, TU, WE, TH, FR)
        )
    )
    found: dt.date = weekdays[-days].date()
    return found


def months_between(start: dt.date, end: dt.date) -> Fraction:
    """Average-length months from `start` to `end` (for a monthly pace; never negative)."""
    days = (end - start).days
    return Fraction(max(days, 0)) / AVERAGE_MONTH_DAYS
