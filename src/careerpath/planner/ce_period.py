"""The CE window of one renewal: the CE period before the expiry, or a board's fixed period.

Most boards count CE in the period before each renewal (the CE period, else the renewal
cycle). Some renew every year but count CE over fixed two-year periods and ask for it only at
the renewal that ends one (`ContinuingEducation.period_ends`). Then the window is the fixed
period that contains the license's next expiry: when that period ends at this renewal the CE
is due now; when it ends at the next one, the CE is not yet due and the window runs past the
expiry to the period's end. When the data cannot tell which renewals end a period, every
renewal is treated as one that may (the hours are counted as due now) and the row says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from careerpath.planner.dates import window_start
from careerpath.reference.schema import CEPeriodEnd

_PARITY = {"odd": 1, "even": 0}


class CEWindow(NamedTuple):
    start: dt.date
    """First day of the window (before a first renewal moves it to the issue date)."""
    end: dt.date
    """Last day: the expiry, or the end of a fixed CE period that ends at a later renewal."""
    due_now: bool
    """The CE is reported at this renewal (true when that cannot be told)."""
    note: str | None = None
    unknown: str | None = None
    """What the data would need to say for the planner to know which renewals report CE."""


def _half_cycle(expires: dt.date, renewal_months: int) -> dt.timedelta:
    """Half the renewal cycle that starts at `expires`: the tolerance for a period end."""
    return (expires + relativedelta(months=renewal_months) - expires) / 2


def license_number_parity(number: str | None) -> int | None:
    """1 for an odd license number, 0 for an even one, None when it does not end in a digit."""
    text = (number or "").strip()
    if not text or not text[-1].isdigit():
        return None
    return int(text[-1]) % 2


def on_day(year: int, month: int, day: int) -> dt.date:
    """`month`/`day` in `year`, the 29th of February falling back to the 28th."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def fixed_period_end(
    ends: CEPeriodEnd,
    expires: dt.date,
    renewal_months: int,
    license_number: str | None = None,
) -> dt.date | None:
    """End of the fixed two-year CE period that contains the renewal expiring on `expires`.

    A period that ends within half a renewal cycle of the expiry ends at this renewal (an
    expiry recorded a day or a month off the board's date must not hide CE that is due now).
    None when the years cannot be told: the data leaves them open, or they follow the license
    number and the number does not end in a digit.
    """
    if ends.years is None:
        return None
    parity = (
        license_number_parity(license_number)
        if ends.years == "license_number"
        else _PARITY[ends.years]
    )
    if parity is None:
        return None
    month, day = (ends.month, ends.day) if ends.month and ends.day else (expires.month, expires.day)
    after = expires - _half_cycle(expires, renewal_months)
    for year in range(after.year, after.year + 4):
        end = on_day(year, month, day)
        if end > after and year % 2 == parity:
            return end
    raise AssertionError("a two-year period ends within any four consecutive years")


def ce_window(
    ends: CEPeriodEnd | None,
    expires: dt.date,
    period_months: int,
    renewal_months: int | None,
    license_number: str | None = None,
    license_id: int | None = None,
) -> CEWindow:
    """The CE window for the renewal that expires on `expires` (see the module docstring)."""
    rolling = CEWindow(window_start(expires, period_months), expires, due_now=True)
    if ends is None:
        return rolling
    detail = f" ({ends.detail})" if ends.detail else ""
    if renewal_months is None:
        return rolling._replace(
            note="The board counts CE over fixed periods; with its renewal cycle unknown, "
            "the hours are counted as due at this renewal.",
            unknown="renewal cycle",
        )
    end = fixed_period_end(ends, expires, renewal_months, license_number)
    if end is None:
        if ends.years == "license_number":
            edit = f"careerpath license edit {license_id} --number N" if license_id else "--number"
            return rolling._replace(
                note="The board asks for CE only at the renewal that ends its fixed "
                f"{period_months}-month CE period, in years of the same parity as the license "
                f"number{detail}. Add the license number ({edit}) to know whether this renewal "
                "ends one; until then the hours are counted as due now."
            )
        return rolling._replace(
            note="The board asks for CE only at the renewal that ends its fixed "
            f"{period_months}-month CE period{detail}. Whether this renewal "
            f"({expires.isoformat()}) ends one is not known, so the hours are counted as due "
            "now: check with the board.",
            unknown="which renewals end the board's CE period",
        )
    if end <= expires + _half_cycle(expires, renewal_months):
        return rolling._replace(
            note=f"CE is reported at this renewal: the board's fixed {period_months}-month CE "
            f"period ends {end.isoformat()}."
        )
    start = window_start(end, period_months)
    return CEWindow(
        start,
        end,
        due_now=False,
        note=f"CE is not due at this renewal ({expires.isoformat()}): the board counts it "
        f"over a fixed period, {start.isoformat()} to {end.isoformat()}, and asks for it at "
        "the renewal that ends that period.",
    )
