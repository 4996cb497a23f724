"""Entered expiry dates against the board's expiry rule, and the next expiry after renewal."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpath.planner.expiry_rule import check_expiry
from careerpath.records import License
from careerpath.reference.loader import load
from careerpath.reference.schema import ExpiryKind

RULES = load()
RN = RULES.states["RN"]


def rn(state: str, expires: str, issued: str | None = None) -> License:
    return License(
        id=1, profession="RN", jurisdiction=state, expires=dt.date.fromisoformat(expires),
        issued=dt.date.fromisoformat(issued) if issued else None,
    )  # fmt: skip


BIRTH = dt.date(1990, 7, 14)


@pytest.mark.parametrize(
    ("state", "expires", "issued", "agrees", "next_expiry"),
    [
        # GA: January 31 of odd-numbered years (sos.ga.gov board notice).
        ("GA", "2027-01-31", None, True, "2029-01-31"),
        ("GA", "2028-01-31", None, False, None),
        ("GA", "2027-01-30", None, False, None),
        # OH: October 31 of odd years (ORC 4723.24).
        ("OH", "2027-10-31", None, True, "2029-10-31"),
        ("OH", "2027-11-30", None, False, None),
        # IL: May 31 of even years.
        ("IL", "2028-05-31", None, True, "2030-05-31"),
        # AZ: April 1, every four years (A.R.S. 32-1642).
        ("AZ", "2029-04-01", None, True, "2033-04-01"),
        # NC / TX: last day of the birth month (21 NCAC 36 .0201; TX BON).
        ("NC", "2027-07-31", None, True, "2029-07-31"),
        ("NC", "2027-08-31", None, False, None),
        ("TX", "2028-07-31", None, True, "2030-07-31"),
        # OR: the day before the birthday.
        ("OR", "2028-07-13", None, True, "2030-07-13"),
        ("OR", "2028-03-13", None, False, None),
        # MI: two years from the date of issue.
        ("MI", "2027-03-10", "2025-03-10", True, "2029-03-10"),
        ("MI", "2027-09-10", "2025-03-10", False, None),
    ],
)
def test_entered_expiry_against_the_rule(
    state: str, expires: str, issued: str | None, agrees: bool, next_expiry: str | None
) -> None:
    found = check_expiry(rn(state, expires, issued), RN.rules_for(state), BIRTH)
    assert found.agrees is agrees
    assert found.next_expiry == (dt.date.fromisoformat(next_expiry) if next_expiry else None)
    if not agrees:
        assert found.note and "license edit 1 --expires" in found.note


def test_birth_month_rule_without_a_birth_date_cannot_tell() -> None:
    found = check_expiry(rn("NC", "2027-08-31"), RN.rules_for("NC"), None)
    assert found.agrees is None and found.note is None


FIXED = [e for e in RN.jurisdictions if e.renewal.expiry.kind is ExpiryKind.FIXED_DATE
         and e.renewal.expiry.month and e.renewal.expiry.day and e.renewal.cycle_months]  # fmt: skip


@given(st.sampled_from(FIXED), st.integers(min_value=2026, max_value=2040))
def test_next_expiry_keeps_the_fixed_date(entry: object, year: int) -> None:
    from careerpath.reference.schema import StateRules

    assert isinstance(entry, StateRules)
    rule = entry.renewal.expiry
    assert rule.month is not None and rule.day is not None
    day = min(rule.day, 28 if rule.month == 2 else rule.day)
    lic = rn(entry.code, dt.date(year, rule.month, day).isoformat())
    found = check_expiry(lic, entry, None)
    if found.agrees:
        assert found.next_expiry is not None
        assert found.next_expiry.month == rule.month
        if rule.month == 2 and rule.day >= 28:  # the end of February
            assert found.next_expiry.day in (28, 29)
        else:
            assert found.next_expiry.day == day
        months = entry.renewal.cycle_months
        assert months is not None
        assert found.next_expiry.year == year + months // 12
