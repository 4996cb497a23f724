"""What is due? Every dated obligation, soonest first, for the screen or a cron mail.

Two steps. `obligations` lists every dated duty with the texts to show, and the last day
through which that list stays the same (`valid_through`: nothing in it depends on `today`
before then). `reminders` classifies them for one day: *overdue* when the date has passed, *due*
inside the window (by default the longest lead time), each naming the lead time it crossed
(90/60/30/7 days by default) so a daily cron job can mail only when a threshold is crossed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from careerpath.hours import format_hours
from careerpath.planner import credentials, lead_times
from careerpath.planner.assignment import Verdict, plan_stored
from careerpath.planner.ce_ledger import CELedger
from careerpath.planner.ce_status import CEState, ce_status
from careerpath.planner.lead_times import EXIT_DUE, EXIT_NOTHING_DUE, EXIT_OVERDUE
from careerpath.planner.residence import move_deadlines, residence_changes
from careerpath.planner.settings import PlannerSettings
from careerpath.records import LicenseKind, Records
from careerpath.reference.loader import RulesData

__all__ = ["EXIT_DUE", "EXIT_NOTHING_DUE", "EXIT_OVERDUE", "obligations", "reminders"]

FOREVER = dt.date(9999, 12, 31)


class Severity(StrEnum):
    OVERDUE = lead_times.OVERDUE
    DUE = lead_times.DUE


class ReminderKind(StrEnum):
    LICENSE_EXPIRY = "license_expiry"
    PRIVILEGE_EXPIRY = "privilege_expiry"
    PRIVILEGE_LAPSED = "privilege_lapsed"
    CERTIFICATION_EXPIRY = "certification_expiry"
    CE_SHORTFALL = "ce_shortfall"
    APPLY_BY = "apply_by"
    MOVE_APPLY_BY = "move_apply_by"
    """After a move between NLC states: apply for the new home state's license (60 days)."""


class Obligation(BaseModel):
    """A dated duty, independent of the day it is looked at."""

    model_config = ConfigDict(frozen=True)

    date: dt.date
    kind: ReminderKind
    text: str
    past_text: str | None = None
    """Wording once the date has passed ('expired' rather than 'expires')."""
    overdue: bool = False
    """Already overdue whatever the date (a privilege whose home license is encumbered)."""
    record: str
    record_id: int | None = None


class ObligationSet(BaseModel):
    model_config = ConfigDict(frozen=True)

    computed_on: dt.date
    valid_through: dt.date
    """Last day on which these obligations are still the right ones."""
    items: list[Obligation]


class Reminder(BaseModel):
    model_config = ConfigDict(frozen=True)

    date: dt.date
    days_left: int
    severity: Severity
    lead: int | None
    """The lead time this item has crossed (e.g. 30 when 30 days or fewer remain)."""
    kind: ReminderKind
    text: str
    record: str
    record_id: int | None = None


class ReminderReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    today: dt.date
    within_days: int
    lead_times: list[int]
    items: list[Reminder] = Field(default_factory=list)

    @property
    def exit_status(self) -> int:
        return lead_times.exit_status([i.severity.value for i in self.items])

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.severity is Severity.OVERDUE)


def reminders(
    records: Records,
    rules: RulesData,
    today: dt.date,
    *,
    within_days: int | None = None,
    settings: PlannerSettings | None = None,
    ledger: CELedger | None = None,
) -> ReminderReport:
    settings = settings or PlannerSettings()
    found = obligations(records, rules, today, settings=settings, ledger=ledger)
    return classify(found.items, today, within_days, settings)


def classify(
    items: list[Obligation], today: dt.date, within_days: int | None, settings: PlannerSettings
) -> ReminderReport:
    window = settings.window_days if within_days is None else within_days
    shown: list[Reminder] = []
    for ob in items:
        found = lead_times.classify(ob.date, today, window, settings.lead_times, overdue=ob.overdue)
        if found is None:
            continue
        severity, lead, days = found
        text = ob.past_text if severity == lead_times.OVERDUE and ob.past_text else ob.text
        shown.append(Reminder(date=ob.date, days_left=days, severity=Severity(severity),
                              lead=lead, kind=ob.kind, text=text, record=ob.record,
                              record_id=ob.record_id))  # fmt: skip
    shown.sort(key=lambda i: (i.date.isoformat(), i.kind.value, i.text))
    return ReminderReport(
        today=today, within_days=window, lead_times=list(settings.lead_times), items=shown
    )


def obligations(
    records: Records,
    rules: RulesData,
    today: dt.date,
    *,
    settings: PlannerSettings | None = None,
    ledger: CELedger | None = None,
) -> ObligationSet:
    settings = settings or PlannerSettings()
    items: list[Obligation] = []
    # First days on which an answer that depends on `today` may change.
    changes: list[dt.date] = []
    home = records.profile.home_state if records.profile else None

    for lic in records.licenses:
        if lic.expires is not None:
            changes.append(lic.expires + dt.timedelta(days=1))
        if lic.status not in credentials.IN_FORCE or lic.expires is None:
            continue
        label = credentials.label(lic)
        if lic.kind is LicenseKind.PRIVILEGE:
            base = credentials.home_license_of(lic, records, home)
            if base is not None and base.status != "active":
                items.append(Obligation(
                    date=today, kind=ReminderKind.PRIVILEGE_LAPSED, overdue=True,
                    text=f"{label} lapsed: its home license {credentials.label(base)} is "
                    f"{base.status}",
                    record="license", record_id=lic.id,
                ))  # fmt: skip
                changes.append(today + dt.timedelta(days=1))
                continue
            if base is not None and base.expires is not None and base.expires < lic.expires:
                items.append(Obligation(
                    date=base.expires, kind=ReminderKind.PRIVILEGE_LAPSED,
                    text=f"{label} ends with its home license {credentials.label(base)} "
                    "unless that is renewed",
                    past_text=f"{label} lapsed with its home license {credentials.label(base)}: "
                    "renew the home license first",
                    record="license", record_id=lic.id,
                ))  # fmt: skip
            kind = ReminderKind.PRIVILEGE_EXPIRY
        else:
            kind = ReminderKind.LICENSE_EXPIRY
        items.append(Obligation(date=lic.expires, kind=kind, text=f"{label} expires",
                                past_text=f"{label} expired: renew or reinstate it",
                                record="license", record_id=lic.id))  # fmt: skip

    for cert in credentials.current_certifications(records):
        if cert.expiry is not None:
            items.append(Obligation(date=cert.expiry, kind=ReminderKind.CERTIFICATION_EXPIRY,
                                    text=f"{cert.name} expires", past_text=f"{cert.name} expired",
                                    record="cert", record_id=cert.id))  # fmt: skip

    changes.extend(residence_changes(records.profile))
    for lic, residence in move_deadlines(records, rules, today):
        assert residence.apply_by is not None
        items.append(Obligation(
            date=residence.apply_by, kind=ReminderKind.MOVE_APPLY_BY,
            text=f"apply for a {residence.home} multistate {lic.profession} license (you moved; "
            f"NLC rule 402(2)); your {credentials.label(lic)} covers you until it is issued",
            past_text=f"the 60 days to apply for a {residence.home} multistate license after "
            f"your move have passed: apply now and check with the {residence.home} board",
            record="license", record_id=lic.id,
        ))  # fmt: skip

    if any(a.completed > today for a in records.ce_activities):
        changes.append(today + dt.timedelta(days=1))  # what-if dates before logged CE
    for row in ce_status(records, rules, today, ledger).licenses:
        if row.window_end is None or row.status is CEState.DONE:
            continue
        owed = []
        if row.needed:
            owed.append(f"{format_hours(row.needed)} h")
        if row.missing:
            owed.append(", ".join(row.missing))
        if owed:
            # Due when the CE window ends: the expiry, or a later renewal that ends the
            # board's fixed CE period.
            items.append(Obligation(date=row.window_end, kind=ReminderKind.CE_SHORTFALL,
                                    text=f"CE for {row.license} still owes " + " and ".join(owed),
                                    record="license", record_id=row.license_id))  # fmt: skip

    for assignment in records.assignments:
        changes.append((assignment.end or assignment.start) + dt.timedelta(days=1))
    for plan in plan_stored(records, rules, today, settings):
        for route in plan.routes:
            if route.apply_by is not None:
                changes.append(route.apply_by + dt.timedelta(days=1))
                tight_from = route.apply_by - dt.timedelta(days=settings.tight_days - 1)
                changes.append(tight_from)
        if plan.verdict in (Verdict.COVERED, Verdict.ACT_FIRST):
            continue  # act-first plans wait on the move reminder above
        where = plan.facility or plan.state_name
        if plan.apply_by is not None:
            items.append(Obligation(
                date=plan.apply_by, kind=ReminderKind.APPLY_BY,
                text=f"apply by this date for the {plan.state} assignment at {where} "
                f"(starts {plan.start.isoformat()}, {plan.verdict.label})",
                record="assignment", record_id=plan.assignment_id,
            ))  # fmt: skip
        elif plan.verdict is Verdict.UNKNOWN:
            items.append(Obligation(
                date=plan.start, kind=ReminderKind.APPLY_BY,
                text=f"{plan.state} assignment at {where} starts: processing time unknown, "
                "contact the board now", record="assignment", record_id=plan.assignment_id,
            ))  # fmt: skip

    later = [day for day in changes if day > today]
    valid_through = min(later) - dt.timedelta(days=1) if later else FOREVER
    return ObligationSet(computed_on=today, valid_through=valid_through, items=items)
