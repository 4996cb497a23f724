"""`plan`: routes, apply-by dates and verdicts, from the endorsement facts in data/states."""

from __future__ import annotations

import datetime as dt

from careerpath.planner.assignment import RouteKind, Verdict, plan_assignment, plan_stored
from careerpath.planner.settings import PlannerSettings
from careerpath.records import Assignment, Certification
from careerpath.reference.loader import load

from .builders import TODAY, d, lic, profile, records

RULES = load()
TX_NURSE = records(
    profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate", expires=d("2027-05-31"))
)


def test_oregon_apply_by_is_processing_plus_fingerprints_plus_margin() -> None:
    # Oregon RN endorsement: 56-70 days, fingerprints required, $195, no temporary license
    # (fastaff.com Oregon license guide, in data/states/rn.json OR).
    plan = plan_assignment(TX_NURSE, RULES, TODAY, state="OR", start=d("2027-03-03"))
    assert [r.kind for r in plan.routes] == [RouteKind.ENDORSEMENT]
    route = plan.routes[0]
    assert route.fee_usd == 195
    # 70 days processing + 14 fingerprint allowance + 14 margin = 98 days before 3 March.
    assert route.apply_by == d("2027-03-03") - dt.timedelta(days=98) == d("2026-11-25")
    assert route.verdict is Verdict.TIGHT
    assert plan.verdict is Verdict.TIGHT and plan.apply_by == d("2026-11-25")


def test_verdicts_follow_the_apply_by_date() -> None:
    on_track = plan_assignment(TX_NURSE, RULES, TODAY, state="OR", start=d("2027-06-01"))
    assert on_track.verdict is Verdict.ON_TRACK
    too_late = plan_assignment(TX_NURSE, RULES, TODAY, state="OR", start=d("2027-01-05"))
    assert too_late.verdict is Verdict.TOO_LATE
    relaxed = plan_assignment(
        TX_NURSE,
        RULES,
        TODAY,
        state="OR",
        start=d("2027-03-03"),
        settings=PlannerSettings(margin_days=0),
    )
    assert relaxed.apply_by == d("2026-12-09") and relaxed.verdict is Verdict.ON_TRACK


def test_business_days_are_counted_back_over_weekends() -> None:
    # Hawaii counts 45-60 business days (Haw. Admin. R. 16-89-22 via data/states/rn.json HI).
    plan = plan_assignment(TX_NURSE, RULES, TODAY, state="HI", start=d("2027-06-07"))
    route = next(r for r in plan.routes if r.kind is RouteKind.ENDORSEMENT)
    # 60 business days before Monday 7 June 2027 is Monday 15 March 2027 (12 full weeks).
    assert route.apply_by == d("2027-03-15") - dt.timedelta(days=28)
    assert route.steps[-1].business_days


def test_temporary_license_can_rescue_a_late_endorsement() -> None:
    # California: 70-84 days, temporary license issued in about 21 days, valid 180 days.
    # Fingerprints are required and the data does not say the permit is issued before their
    # results (a note says the Board stopped that), so the plan waits for them: 14 + 21 + 14.
    plan = plan_assignment(TX_NURSE, RULES, TODAY, state="CA", start=d("2027-01-20"))
    kinds = {r.kind: r for r in plan.routes}
    assert kinds[RouteKind.ENDORSEMENT].verdict is Verdict.TOO_LATE
    temporary = kinds[RouteKind.TEMPORARY_LICENSE]
    assert temporary.apply_by == d("2027-01-20") - dt.timedelta(days=49)
    assert any(u.what == "whether the permit waits for fingerprints" for u in temporary.unknowns)
    assert plan.best_route is RouteKind.TEMPORARY_LICENSE


def test_covered_state_and_license_expiring_mid_assignment() -> None:
    plan = plan_assignment(
        TX_NURSE, RULES, TODAY, state="CO", start=d("2027-04-01"), end=d("2027-07-01")
    )
    assert [r.kind for r in plan.routes] == [RouteKind.COVERED]
    assert plan.verdict is Verdict.RENEW
    assert plan.expiring[0].expires == d("2027-05-31")
    assert plan.expiring[0].when == "during the assignment"


def test_certification_expiring_before_the_start_is_listed() -> None:
    recs = TX_NURSE.model_copy(
        update={
            "certifications": [
                Certification(id=1, name="BLS", expires=d("2027-02-28")),
                Certification(id=2, name="ACLS", expires=d("2029-02-28")),
            ]
        }
    )
    plan = plan_assignment(recs, RULES, TODAY, state="CO", start=d("2027-03-01"))
    assert [(i.what, i.when) for i in plan.expiring] == [("BLS", "before the start")]


def test_privilege_route_for_a_pt() -> None:
    # PT Compact: Alabama privilege, jurisprudence exam, state fee $85.
    recs = records(profile("TX", "PT"), lic(1, "PT", "TX", expires=d("2028-05-31")))
    plan = plan_assignment(recs, RULES, TODAY, state="AL", start=d("2027-03-01"))
    assert plan.best_route is RouteKind.PRIVILEGE
    assert plan.apply_by == d("2027-02-15")
    texts = " ".join(s.text for s in plan.routes[0].steps)
    assert "jurisprudence exam" in texts and "$85" in texts


def test_unknown_processing_time_is_said_with_the_board_link() -> None:
    # Massachusetts RN processing time: no source found (null in data/states/rn.json MA).
    plan = plan_assignment(TX_NURSE, RULES, TODAY, state="MA", start=d("2027-03-01"))
    assert plan.verdict is Verdict.UNKNOWN and plan.apply_by is None
    assert any(
        "processing time: unknown - check with the board (https://www.mass.gov" in str(u)
        for u in plan.unknowns
    )


def test_stored_assignments_skip_done_and_past() -> None:
    recs = TX_NURSE.model_copy(
        update={
            "assignments": [
                Assignment(id=1, jurisdiction="OR", start=d("2027-03-03")),
                Assignment(id=2, jurisdiction="OR", start=d("2026-01-03"), end=d("2026-04-01")),
                Assignment(id=3, jurisdiction="OR", start=d("2027-05-03"), status="done"),
            ]
        }
    )
    plans = plan_stored(recs, RULES, TODAY)
    assert [p.assignment_id for p in plans] == [1]
