"""Requirement forms beyond "N hours": choose-one ways, content minimums, practice hours, and
first-renewal exemptions by route and time held.

Each condition comes out met, missing or unknown. A renewal is done only when every condition
is met: one careerpath cannot check from the records (practice hours, a certification the
board recognises) leaves it unknown, with the question to answer, never done.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from fractions import Fraction

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict

from careerpath.hours import format_hours
from careerpath.planner.ce_ledger import CELedger, counts_for
from careerpath.records import License, LicenseRoute
from careerpath.reference.schema import ContinuingEducation


class ConditionState(StrEnum):
    MET = "met"
    MISSING = "missing"
    UNKNOWN = "unknown"


class Condition(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    state: ConditionState


class Exemption(BaseModel):
    """Whether a first renewal is exempt from the general hours, and why (or why unknown)."""

    model_config = ConfigDict(frozen=True)

    exempt: bool
    note: str | None = None


def first_renewal_exemption(ce: ContinuingEducation, lic: License, first: bool | None) -> Exemption:
    """Exempt only when the board's rule covers this license's route and time held."""
    if not ce.first_renewal_exempt:
        return Exemption(exempt=False)
    if first is None:
        return Exemption(
            exempt=False,
            note="If this is your first renewal the board may exempt it from the general CE "
            "hours (add the issue date to know).",
        )
    if not first:
        return Exemption(exempt=False)
    rules = ce.first_renewal_exemptions
    if not rules:
        return Exemption(
            exempt=True, note="First renewal: the board exempts it from the general CE hours."
        )
    held = _months_held(lic)
    undecided: list[str] = []
    for rule in rules:
        route_ok = rule.route is None or (lic.route is not None and lic.route.value == rule.route)
        time_ok = rule.max_months_held is None or (held is not None and held < rule.max_months_held)
        if route_ok and time_ok:
            return Exemption(
                exempt=True,
                note="First renewal: the board exempts it from the general CE hours"
                + (f" (licensed by {rule.route})" if rule.route else "")
                + (f" (held under {rule.max_months_held} months)" if rule.max_months_held else "")
                + ".",
            )
        if rule.route is not None and lic.route is None:
            undecided.append(f"licensed by {rule.route}")
    note = "First renewal, but the board's exemption does not cover this license"
    who = ", ".join(_describe(r.route, r.max_months_held) for r in rules)
    note += f" (it covers: {who})"
    if undecided:
        route = LicenseRoute.EXAM.value
        note += (
            f"; if yours was {' or '.join(undecided)}, record it "
            f"(careerpath license edit {lic.id} --route {route}) to check"
        )
    return Exemption(exempt=False, note=note + ": the hours are due.")


def _describe(route: str | None, months: int | None) -> str:
    text = f"licensed by {route}" if route else "any first license"
    return text + (f" held under {months} months" if months else "")


def _months_held(lic: License) -> int | None:
    if lic.issued is None or lic.expires is None:
        return None
    delta = relativedelta(lic.expires, lic.issued)
    return delta.years * 12 + delta.months


def conditions(
    ce: ContinuingEducation,
    lic: License,
    earned: Fraction,
    start: dt.date,
    counted_to: dt.date,
    ledger: CELedger,
    mph: int,
) -> list[Condition]:
    """Every condition besides the general hours and the mandatory topics."""
    found: list[Condition] = []
    if ce.one_of:
        met = any(
            o.only_ce and o.ce_hours is not None and earned >= Fraction(str(o.ce_hours))
            for o in ce.one_of
        )
        ways = "; ".join(o.label for o in ce.one_of)
        found.append(
            Condition(
                label=f"One of the board's ways: {ways}",
                state=ConditionState.MET if met else ConditionState.UNKNOWN,
            )
        )
    for minimum in ce.content_minimums:
        label = f"At least {format_hours(Fraction(str(minimum.hours)))} h {minimum.label}"
        if not minimum.formats:
            found.append(Condition(label=label, state=ConditionState.UNKNOWN))
            continue
        hours = _hours_in(ledger, lic, start, counted_to, mph, minimum.formats, minimum.topics)
        state = (
            ConditionState.MET if hours >= Fraction(str(minimum.hours)) else ConditionState.MISSING
        )
        found.append(Condition(label=f"{label} (logged {format_hours(hours)} h)", state=state))
    practice = ce.practice_hours
    if practice is not None:
        found.append(
            Condition(
                label=f"Confirm {practice.hours:g} practice hours in the "
                f"{practice.period_months} months before renewal"
                + (f" ({practice.detail})" if practice.detail else ""),
                state=ConditionState.UNKNOWN,
            )
        )
    return found


def _hours_in(
    ledger: CELedger,
    lic: License,
    start: dt.date,
    end: dt.date,
    mph: int,
    formats: list[str],
    topics: list[str],
) -> Fraction:
    total = Fraction(0)
    for activity in ledger.activities:
        if not start <= activity.completed <= end or not counts_for(activity, lic.id):
            continue
        if activity.format.value not in formats:
            continue
        if topics and not set(topics) & set(activity.topics):
            continue
        total += activity.exact_hours(mph)
    return total
