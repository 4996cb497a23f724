"""`remind`: every dated obligation, soonest first, with cron exit codes."""

from __future__ import annotations

from careerpath.planner.reminders import (
    EXIT_DUE,
    EXIT_NOTHING_DUE,
    EXIT_OVERDUE,
    ReminderKind,
    Severity,
    reminders,
)
from careerpath.planner.settings import PlannerSettings
from careerpath.records import Assignment, Certification
from careerpath.reference.loader import load

from .builders import TODAY, ce, d, lic, profile, records

RULES = load()


def test_nothing_due_exits_zero() -> None:
    recs = records(profile("TX", "RN"), lic(1, "RN", "TX", expires=d("2029-05-31")))
    report = reminders(recs, RULES, TODAY)
    assert report.items == [] and report.exit_status == EXIT_NOTHING_DUE


def test_soonest_first_with_lead_times() -> None:
    recs = records(
        profile("TX", "RN"),
        lic(1, "RN", "TX", expires=d("2029-05-31")),
        certifications=[
            Certification(id=1, name="ACLS", expires=d("2027-02-10")),  # 77 days
            Certification(id=2, name="BLS", expires=d("2026-12-01")),  # 6 days
        ],
    )
    report = reminders(recs, RULES, TODAY)
    assert [(i.text, i.lead) for i in report.items] == [("BLS expires", 7), ("ACLS expires", 90)]
    assert report.exit_status == EXIT_DUE
    custom = reminders(recs, RULES, TODAY, settings=PlannerSettings(lead_times=(30, 10)))
    assert [i.text for i in custom.items] == ["BLS expires"] and custom.within_days == 30


def test_renewed_certification_supersedes_the_old_card() -> None:
    recs = records(
        profile("TX", "RN"),
        certifications=[
            Certification(id=1, name="BLS", expires=d("2026-10-31")),
            Certification(id=2, name="bls", expires=d("2028-10-31")),
        ],
    )
    assert reminders(recs, RULES, TODAY).items == []


def test_overdue_expiry_and_ce_shortfall() -> None:
    # Texas RN: 20 contact hours per 2-year renewal (22 TAC 216.3, data/states/rn.json TX).
    recs = records(
        profile("TX", "RN"),
        lic(1, "RN", "TX", issued=d("2010-01-01"), expires=d("2027-01-31")),
        lic(2, "RN", "CA", expires=d("2026-10-31")),
        ce_activities=[ce(1, "2026-01-10", "5")],
    )
    report = reminders(recs, RULES, TODAY)
    kinds = [(i.kind, i.severity) for i in report.items]
    assert (ReminderKind.LICENSE_EXPIRY, Severity.OVERDUE) in kinds
    assert report.exit_status == EXIT_OVERDUE
    shortfall = next(
        i for i in report.items if i.kind is ReminderKind.CE_SHORTFALL and i.record_id == 1
    )
    assert shortfall.text.startswith("CE for RN license TX #1 still owes 15 h")
    assert shortfall.date == d("2027-01-31")


def test_lapsed_home_license_takes_the_privilege_with_it() -> None:
    recs = records(
        profile("TX", "PT"),
        lic(1, "PT", "TX", expires=d("2026-10-31")),
        lic(2, "PT", "CO", kind="privilege", home_license_id=1, expires=d("2027-10-31")),
    )
    report = reminders(recs, RULES, TODAY)
    lapsed = [i for i in report.items if i.kind is ReminderKind.PRIVILEGE_LAPSED]
    assert len(lapsed) == 1 and lapsed[0].severity is Severity.OVERDUE


def test_apply_by_dates_for_stored_assignments() -> None:
    recs = records(
        profile("TX", "RN"),
        lic(1, "RN", "TX", kind="multistate", expires=d("2029-05-31")),
        assignments=[Assignment(id=7, jurisdiction="OR", facility="OHSU", start=d("2027-03-20"))],
    )
    report = reminders(recs, RULES, TODAY)
    item = report.items[0]
    assert item.kind is ReminderKind.APPLY_BY and item.record_id == 7
    assert item.date == d("2026-12-12")  # 98 days before the start, see test_assignment
