"""Does an entered expiry date fit the board's rule, and when will the license expire next?

Boards tie expiry to a fixed date (often in odd or even years), the birth month or birthday,
or the issue anniversary. A date that contradicts the rule is usually a typo that would move
every reminder and CE window, so careerpath says so; it never changes the date itself.
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict

from careerpath.records import License
from careerpath.reference.schema import ExpiryKind, StateRules


class ExpiryCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    agrees: bool | None
    """False: the entered date contradicts the board's rule; None: the rule cannot tell."""
    note: str | None = None
    next_expiry: dt.date | None = None
    """The expiry after the next renewal, by the board's cycle and rule."""


def check_expiry(lic: License, rules: StateRules | None, birth_date: dt.date | None) -> ExpiryCheck:
    if rules is None or lic.expires is None:
        return ExpiryCheck(agrees=None)
    renewal = rules.renewal
    rule = renewal.expiry
    expires = lic.expires
    cycle = renewal.cycle_months
    problem: str | None = None
    agrees: bool | None = None
    if rule.kind is ExpiryKind.FIXED_DATE and rule.month and rule.day:
        last = calendar.monthrange(expires.year, rule.month)[1]
        # "February 28" means the end of February: the 29th in leap years.
        day = last if rule.month == 2 and rule.day >= 28 else min(rule.day, last)
        agrees = (expires.month, expires.day) == (rule.month, day)
        if not agrees:
            problem = f"the board's licenses expire on {calendar.month_name[rule.month]} {rule.day}"
        elif rule.years in ("odd", "even") and (expires.year % 2 == 1) != (rule.years == "odd"):
            agrees = False
            problem = f"the board's licenses expire in {rule.years}-numbered years"
    elif rule.kind in (ExpiryKind.BIRTH_MONTH, ExpiryKind.BIRTHDAY) and birth_date is not None:
        agrees = expires.month == birth_date.month
        if not agrees:
            problem = "the board's licenses expire in the birth month"
        elif rule.kind is ExpiryKind.BIRTHDAY and abs(expires.day - birth_date.day) > 1:
            agrees = False
            problem = "the board's licenses expire on the birthday"
    elif rule.kind is ExpiryKind.ISSUE_ANNIVERSARY and lic.issued is not None:
        agrees = expires.month == lic.issued.month and abs(expires.day - lic.issued.day) <= 1
        if not agrees:
            problem = "the board's licenses expire on the anniversary of issue"
    next_expiry = _next(expires, cycle, rule.kind) if cycle else None
    if agrees is False:
        note = (
            f"Check the expiry date: {problem}, and {expires.isoformat()} does not fit "
            f"(careerpath license edit {lic.id} --expires YYYY-MM-DD)."
        )
        return ExpiryCheck(agrees=False, note=note, next_expiry=None)
    return ExpiryCheck(agrees=agrees, next_expiry=next_expiry)


def _next(expires: dt.date, cycle: int, kind: ExpiryKind | None) -> dt.date:
    """One cycle later; month-end dates stay at month end (a birth-month expiry on the 31st)."""
    later = expires + relativedelta(months=cycle)
    month_end = expires.day == calendar.monthrange(expires.year, expires.month)[1]
    if month_end and kind in (ExpiryKind.FIXED_DATE, ExpiryKind.BIRTH_MONTH, None):
        return later.replace(day=calendar.monthrange(later.year, later.month)[1])
    return later
