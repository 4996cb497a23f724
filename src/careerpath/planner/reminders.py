"""What is due? Every dated obligation, soonest first, for the screen or a cron mail.

An item is *overdue* when its date has passed, *due* when it falls inside the window (by
default the longest lead time). Each due item names the lead time it crossed (90/60/30/7 days
by default), so a daily cron job can mail only when a threshold is crossed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from careerpath.hours import format_hours
from careerpath.planner import credentials
from careerpath.planner.assignment import Verdict, plan_stored
from careerpath.planner.ce_ledger import CELedger
from careerpath.planner.ce_status import CEState, ce_status
from careerpath.planner.settings import PlannerSettings
from careerpath.records import LicenseKind, Records
from careerpath.reference.loader import RulesData

EXIT_NOTHING_DUE = 0
EXIT_DUE = 10
EXIT_OVERDUE = 11


class Severity(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"


class ReminderKind(StrEnum):
    LICENSE_EXPIRY = "license_expiry"
    PRIVILEGE_EXPIRY = "privilege_expiry"
    PRIVILEGE_LAPSED = "privilege_lapsed"
    CERTIFICATION_EXPIRY = "certification_expiry"
    CE_SHORTFALL = "ce_shortfall"
    APPLY_BY = "apply_by"


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
        if any(i.severity is Severity.OVERDUE for i in self.items):
            return EXIT_OVERDUE
        return EXIT_DUE if self.items else EXIT_NOTHING_DUE

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
    window = settings.window_days if within_days is None else within_days
    collector = _Collector(today, window, settings.lead_times)
    home = records.profile.home_state if records.profile else None

    for lic in records.licenses:
        if lic.status not in credentials.IN_FORCE or lic.expires is None:
            continue
        if lic.kind is LicenseKind.PRIVILEGE:
            base = credentials.home_license_of(lic, records, home)
            if (
                base is not None
                and lic.expires >= today
                and not credentials.unencumbered(base, today)
            ):
                collector.add(
                    today,
                    ReminderKind.PRIVILEGE_LAPSED,
                    f"{credentials.label(lic)} lapsed with its home license "
                    f"{credentials.label(base)}: renew the home license first",
                    "license",
                    lic.id,
                    force_overdue=True,
                )
                continue
            kind = ReminderKind.PRIVILEGE_EXPIRY
        else:
            kind = ReminderKind.LICENSE_EXPIRY
        collector.add(
            lic.expires,
            kind,
            f"{credentials.label(lic)} expires",
            "license",
            lic.id,
            past=f"{credentials.label(lic)} expired: renew or reinstate it",
        )

    for cert in credentials.current_certifications(records):
        if cert.expires is not None:
            collector.add(
                cert.expires,
                ReminderKind.CERTIFICATION_EXPIRY,
                f"{cert.name} expires",
                "cert",
                cert.id,
                past=f"{cert.name} expired",
            )

    for row in ce_status(records, rules, today, ledger).licenses:
        if row.expires is None or row.status in (CEState.DONE, CEState.UNKNOWN):
            continue
        owed = []
        if row.needed:
            owed.append(f"{format_hours(row.needed)} h")
        if row.missing:
            owed.append(", ".join(row.missing))
        if not owed:
            continue
        collector.add(
            row.expires,
            ReminderKind.CE_SHORTFALL,
            f"CE for {row.license} still owes " + " and ".join(owed),
            "license",
            row.license_id,
        )

    for plan in plan_stored(records, rules, today, settings):
        if plan.verdict in (Verdict.COVERED,):
            continue
        where = plan.facility or plan.state_name
        if plan.apply_by is not None:
            collector.add(
                plan.apply_by,
                ReminderKind.APPLY_BY,
                f"apply by this date for the {plan.state} assignment at {where} "
                f"(starts {plan.start.isoformat()}, {plan.verdict.label})",
                "assignment",
                plan.assignment_id,
            )
        elif plan.verdict is Verdict.UNKNOWN:
            collector.add(
                plan.start,
                ReminderKind.APPLY_BY,
                f"{plan.state} assignment at {where} starts: processing time "
                "unknown, contact the board now",
                "assignment",
                plan.assignment_id,
            )
    items = sorted(collector.items, key=lambda i: (i.date, i.kind, i.text))
    return ReminderReport(
        today=today, within_days=window, lead_times=list(settings.lead_times), items=items
    )


class _Collector:
    def __init__(self, today: dt.date, window: int, leads: tuple[int, ...]) -> None:
        self.today = today
        self.window = window
        self.leads = leads
        self.items: list[Reminder] = []

    def add(
        self,
        date: dt.date,
        kind: ReminderKind,
        text: str,
        record: str,
        record_id: int | None,
        *,
        force_overdue: bool = False,
        past: str | None = None,
    ) -> None:
        days = (date - self.today).days
        if days > self.window:
            return
        overdue = force_overdue or days < 0
        lead = None if overdue else min((d for d in self.leads if d >= days), default=None)
        self.items.append(
            Reminder(
                date=date,
                days_left=days,
                severity=Severity.OVERDUE if overdue else Severity.DUE,
                lead=lead,
                kind=kind,
                text=past if overdue and past else text,
                record=record,
                record_id=record_id,
            )
        )
