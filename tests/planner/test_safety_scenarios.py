"""Traveler scenarios where a wrong "covered" or "done" would put a license at risk.

Each row names the rule its expected answer rests on. The properties at the end check the
same rules over generated records: never covered where the rules do not settle it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath import jurisdictions
from careerpath.planner.assignment import Verdict, plan_assignment
from careerpath.planner.reminders import ReminderKind, reminders
from careerpath.planner.where import PRACTISE_NOW, Basis, where
from careerpath.records import Assignment, Profile, Records
from careerpath.reference.loader import RulesData, load
from careerpath.reference.schema import CompactStatus

from .builders import TODAY, d, lic, profile, records

RULES = load()
NLC_RULES = "https://www.nursecompact.com/"
"""NLC Article IV and rules 402(2)/403(1), as summarised in data/compacts/nlc.json."""
PT_RULE = "https://ptcompact.org/How-to-Get-Privileges"
OT_RULE = "https://legislature.vermont.gov/statutes/section/26/071/03369"
ASLP_RULE = (
    "https://lawfilesext.leg.wa.gov/Law/RCWArchive/2023/htm/RCW%20%2018%20%20TITLE/"
    "RCW%20%2018%20.%2035A%20CHAPTER/RCW%20%2018%20.%2035A.040.htm"
)


def moved(home: str, since: str, previous: str | None, *professions: str) -> Profile:
    base = profile(home, *professions)
    return base.model_copy(update={"home_since": d(since), "previous_home": previous})


class Case(NamedTuple):
    name: str
    recs: Callable[[], Records]
    profession: str
    state: str
    basis: Basis
    rule: str


TX_MULTI = lic(1, "RN", "TX", kind="multistate")
CASES = [
    # --- NLC residence ------------------------------------------------------------------------
    Case(
        "home multistate covers another NLC state",
        lambda: records(profile("TX", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.MULTISTATE,
        NLC_RULES,
    ),
    Case(
        "moved to non-NLC CA: TX multistate no longer covers AZ",
        lambda: records(profile("CA", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.LICENSE_NEEDED,
        NLC_RULES,
    ),
    Case(
        "moved to non-NLC CA: still licensed in TX itself",
        lambda: records(profile("CA", "RN"), TX_MULTI),
        "RN",
        "TX",
        Basis.LICENSE,
        NLC_RULES,
    ),
    Case(
        "moved to non-NLC CA with a date: still not covered in AZ",
        lambda: records(moved("CA", "2026-11-01", "TX", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.LICENSE_NEEDED,
        NLC_RULES,
    ),
    Case(
        "moved TX->FL 20 days ago: grace, AZ covered",
        lambda: records(moved("FL", "2026-11-05", "TX", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.MULTISTATE,
        NLC_RULES,
    ),
    Case(
        "moved TX->FL 60 days ago (last day): grace",
        lambda: records(moved("FL", "2026-09-26", "TX", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.MULTISTATE,
        NLC_RULES,
    ),
    Case(
        "moved TX->FL 61 days ago, no FL application: AZ not covered",
        lambda: records(moved("FL", "2026-09-25", "TX", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.MULTISTATE_AVAILABLE,
        NLC_RULES,
    ),
    Case(
        "moved TX->FL 90 days ago, FL application pending: covered until FL issues",
        lambda: records(
            moved("FL", "2026-08-27", "TX", "RN"), TX_MULTI, lic(2, "RN", "FL", status="pending")
        ),
        "RN",
        "AZ",
        Basis.MULTISTATE,
        NLC_RULES,
    ),
    Case(
        "home FL but move date unknown: TX multistate does not cover AZ",
        lambda: records(profile("FL", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.MULTISTATE_AVAILABLE,
        NLC_RULES,
    ),
    Case(
        "moved to FL from GA, license from TX: never multistate",
        lambda: records(moved("FL", "2026-11-20", "GA", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.MULTISTATE_AVAILABLE,
        NLC_RULES,
    ),
    Case(
        "move dated in the future: TX is still home today",
        lambda: records(moved("FL", "2027-02-01", "TX", "RN"), TX_MULTI),
        "RN",
        "AZ",
        Basis.MULTISTATE,
        NLC_RULES,
    ),
    Case(
        "LPN moved to non-NLC NY: TX LPN multistate covers only TX",
        lambda: records(profile("NY", "LPN"), lic(1, "LPN", "TX", kind="multistate")),
        "LPN",
        "CO",
        Basis.LICENSE_NEEDED,
        NLC_RULES,
    ),
    Case(
        "encumbered multistate: no practice in other NLC states",
        lambda: records(
            profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate", status="encumbered")
        ),
        "RN",
        "AZ",
        Basis.LICENSE_NEEDED,
        NLC_RULES,
    ),
    Case(
        "expired multistate: no practice elsewhere",
        lambda: records(
            profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate", expires=d("2026-10-31"))
        ),
        "RN",
        "AZ",
        Basis.MULTISTATE_AVAILABLE,
        NLC_RULES,
    ),
    Case(
        "single-state license from home covers only home",
        lambda: records(profile("TX", "RN"), lic(1, "RN", "TX")),
        "RN",
        "TX",
        Basis.LICENSE,
        NLC_RULES,
    ),
    Case(
        "single-state license: AZ needs an upgrade",
        lambda: records(profile("TX", "RN"), lic(1, "RN", "TX")),
        "RN",
        "AZ",
        Basis.MULTISTATE_AVAILABLE,
        NLC_RULES,
    ),
    Case(
        "LPN moved TX->FL 10 days ago: grace covers CO",
        lambda: records(
            moved("FL", "2026-11-15", "TX", "LPN"), lic(1, "LPN", "TX", kind="multistate")
        ),
        "LPN",
        "CO",
        Basis.MULTISTATE,
        NLC_RULES,
    ),
    Case(
        "pending multistate license: not yet covered",
        lambda: records(
            profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate", status="pending")
        ),
        "RN",
        "AZ",
        Basis.MULTISTATE_AVAILABLE,
        NLC_RULES,
    ),
    Case(
        "inactive multistate license: not covered",
        lambda: records(
            profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate", status="inactive")
        ),
        "RN",
        "AZ",
        Basis.MULTISTATE_AVAILABLE,
        NLC_RULES,
    ),
    Case(
        "home multistate never covers a non-NLC state",
        lambda: records(profile("TX", "RN"), TX_MULTI),
        "RN",
        "OR",
        Basis.LICENSE_NEEDED,
        NLC_RULES,
    ),
    # --- PT Compact: encumbrance on any license ------------------------------------------------
    Case(
        "PT privilege whose home license expired: not covered",
        lambda: records(
            profile("TX", "PT"),
            lic(1, "PT", "TX", expires=d("2026-10-31")),
            lic(3, "PT", "CO", kind="privilege", home_license_id=1),
        ),
        "PT",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
    Case(
        "PT privilege itself expired: not covered",
        lambda: records(
            profile("TX", "PT"),
            lic(1, "PT", "TX"),
            lic(3, "PT", "CO", kind="privilege", home_license_id=1, expires=d("2026-10-31")),
        ),
        "PT",
        "CO",
        Basis.PRIVILEGE_AVAILABLE,
        PT_RULE,
    ),
    Case(
        "PT home license encumbered: no privilege",
        lambda: records(profile("TX", "PT"), lic(1, "PT", "TX", status="encumbered")),
        "PT",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
    Case(
        "PT home license pending: no privilege",
        lambda: records(profile("TX", "PT"), lic(1, "PT", "TX", status="pending")),
        "PT",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
    Case(
        "PT clean home license: privilege available in a member state",
        lambda: records(profile("TX", "PT"), lic(1, "PT", "TX")),
        "PT",
        "CO",
        Basis.PRIVILEGE_AVAILABLE,
        PT_RULE,
    ),
    Case(
        "PT with an encumbered license elsewhere: no privilege",
        lambda: records(
            profile("TX", "PT"), lic(1, "PT", "TX"), lic(2, "PT", "CA", status="encumbered")
        ),
        "PT",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
    Case(
        "PT encumbered elsewhere: a held privilege cannot be used",
        lambda: records(
            profile("TX", "PT"),
            lic(1, "PT", "TX"),
            lic(2, "PT", "CA", status="encumbered"),
            lic(3, "PT", "CO", kind="privilege", home_license_id=1),
        ),
        "PT",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
    Case(
        "PT clean: a held privilege covers",
        lambda: records(
            profile("TX", "PT"),
            lic(1, "PT", "TX"),
            lic(3, "PT", "CO", kind="privilege", home_license_id=1),
        ),
        "PT",
        "CO",
        Basis.PRIVILEGE,
        PT_RULE,
    ),
    Case(
        "PT with an encumbered license: still licensed in that state itself",
        lambda: records(
            profile("TX", "PT"), lic(1, "PT", "TX"), lic(2, "PT", "CA", status="encumbered")
        ),
        "PT",
        "CA",
        Basis.LICENSE,
        PT_RULE,
    ),
    Case(
        "PTA encumbered elsewhere: no privilege",
        lambda: records(
            profile("TX", "PTA"), lic(1, "PTA", "TX"), lic(2, "PTA", "NM", status="encumbered")
        ),
        "PTA",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
    Case(
        "PT whose home license is inactive: no privilege",
        lambda: records(profile("TX", "PT"), lic(1, "PT", "TX", status="inactive")),
        "PT",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
    Case(
        "PT living in a non-member state: no privilege",
        lambda: records(profile("CA", "PT"), lic(1, "PT", "CA")),
        "PT",
        "CO",
        Basis.LICENSE_NEEDED,
        PT_RULE,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_where_scenario(case: Case) -> None:
    answer = where(case.recs(), RULES, TODAY, case.profession).get(case.state)
    assert answer.basis is case.basis, (case.rule, answer.detail, answer.warnings)


def live(compact_id: str, *codes: str) -> RulesData:
    """The rules with `codes` issuing and accepting privileges: the eligibility rule is the
    compact's, whichever states happen to be live in the data today."""
    compact = RULES.compacts[compact_id]
    members = [
        m.model_copy(
            update={"status": CompactStatus.IMPLEMENTED, "practice_allowed": True,
                    "issues_to_residents": True}
        )
        if m.code in codes
        else m
        for m in compact.jurisdictions
    ]  # fmt: skip
    compacts = {**RULES.compacts, compact_id: compact.model_copy(update={"jurisdictions": members})}
    return RULES._replace(compacts=compacts)


@pytest.mark.parametrize(
    ("compact_id", "profession", "rule"),
    [("ot", "OT", OT_RULE), ("ot", "OTA", OT_RULE), ("aslp", "SLP", ASLP_RULE)],
)
def test_encumbered_license_elsewhere_blocks_every_privilege(
    compact_id: str, profession: str, rule: str
) -> None:
    """OT Compact and ASLP-IC: no encumbrance (or adverse action) on any state license."""
    rules = live(compact_id, "CO", "UT", "NE")
    home = "CO"
    clean = records(profile(home, profession), lic(1, profession, home))
    dirty = records(
        profile(home, profession), lic(1, profession, home),
        lic(2, profession, "CA", status="encumbered"),
    )  # fmt: skip
    offered = [
        a.code for a in where(clean, rules, TODAY, profession).jurisdictions
        if a.basis is Basis.PRIVILEGE_AVAILABLE
    ]  # fmt: skip
    assert offered == ["NE", "UT"]
    for code in offered:
        answer = where(dirty, rules, TODAY, profession).get(code)
        assert answer.basis is Basis.LICENSE_NEEDED, rule
        assert "encumbered" in answer.detail


def test_moved_nurse_plan_says_apply_by_and_reminds() -> None:
    """Rule 402(2): apply in the new home state within 60 days; 403(1): covered meanwhile."""
    recs = records(moved("FL", "2026-11-05", "TX", "RN"), TX_MULTI)
    plan = plan_assignment(recs, RULES, TODAY, state="AZ", start=d("2027-03-03"))
    assert plan.verdict is Verdict.ACT_FIRST
    assert plan.apply_by == d("2027-01-04")
    assert any("402(2)" in step.text for r in plan.routes for step in r.steps)
    report = reminders(recs, RULES, TODAY)
    moves = [r for r in report.items if r.kind is ReminderKind.MOVE_APPLY_BY]
    assert [r.date for r in moves] == [d("2027-01-04")]


def test_nurse_who_moved_to_a_non_compact_state_is_told_why() -> None:
    recs = records(profile("CA", "RN"), TX_MULTI)
    report = where(recs, RULES, TODAY, "RN")
    assert len(report.practisable()) == 1
    assert any("valid in TX only" in note for note in report.notes)
    plan = plan_assignment(recs, RULES, TODAY, state="AZ", start=d("2027-03-03"))
    assert plan.verdict is not Verdict.COVERED


def test_privilege_confirms_no_recent_discipline() -> None:
    recs = records(profile("TX", "PT"), lic(1, "PT", "TX"))
    answer = where(recs, RULES, TODAY, "PT").get("CO")
    assert any("disciplinary action in the last 2 years" in q for q in answer.confirm)


# --- properties ------------------------------------------------------------------------------
STATES = st.sampled_from(jurisdictions.STATES_AND_DC)
DAYS = st.integers(min_value=0, max_value=400)


@st.composite
def nurse_records(draw: st.DrawFn) -> tuple[Records, dt.date]:
    issuer = draw(STATES)
    home = draw(STATES)
    status = draw(st.sampled_from(["active", "encumbered", "inactive", "expired", "pending"]))
    since = draw(st.one_of(st.none(), DAYS.map(lambda n: TODAY - dt.timedelta(days=n))))
    previous = draw(st.one_of(st.none(), STATES))
    prof = profile(home, "RN").model_copy(
        update={"home_since": since, "previous_home": previous if previous != home else None}
    )
    extra: list[Any] = []
    if draw(st.booleans()):
        extra.append(lic(2, "RN", home, status=draw(st.sampled_from(["pending", "active"]))))
    return records(prof, lic(1, "RN", issuer, kind="multistate", status=status), *extra), TODAY


@settings(max_examples=150, deadline=None)
@given(nurse_records(), STATES)
def test_never_covered_outside_the_compact_or_the_move_window(
    case: tuple[Records, dt.date], state: str
) -> None:
    recs, today = case
    answer = where(recs, RULES, today, "RN").get(state)
    if answer.basis is not Basis.MULTISTATE:
        return
    nlc = RULES.compacts["nlc"]
    member = nlc.member(state)
    assert member.practice_allowed and member.status in (
        CompactStatus.IMPLEMENTED, CompactStatus.PARTIAL,
    )  # fmt: skip
    multistate = recs.licenses[0]
    assert multistate.status == "active"
    prof = recs.profile
    assert prof is not None
    if multistate.jurisdiction != prof.home_state:
        # Only inside the 60 days after a dated move from the issuer, or with an application.
        assert prof.home_since is not None and prof.previous_home in (None, multistate.jurisdiction)
        applied = any(lc.jurisdiction == prof.home_state for lc in recs.licenses[1:])
        assert applied or today <= prof.home_since + dt.timedelta(days=60)
        assert nlc.member(prof.home_state or "").issues_to_residents is True


@settings(max_examples=150, deadline=None)
@given(STATES, STATES, st.sampled_from(["PT", "PTA", "OT", "OTA", "SLP"]))
def test_never_a_privilege_with_an_encumbered_license(
    home: str, other: str, profession: str
) -> None:
    if other == home:
        return
    recs = records(
        profile(home, profession), lic(1, profession, home),
        lic(2, profession, other, status="encumbered"),
        lic(3, profession, "CO", kind="privilege", home_license_id=1),
    )  # fmt: skip
    report = where(recs, RULES, TODAY, profession)
    for answer in report.jurisdictions:
        assert answer.basis not in (Basis.PRIVILEGE, Basis.PRIVILEGE_AVAILABLE)
        if answer.basis in PRACTISE_NOW:
            assert answer.code in (home, other)


# --- plans that account for every wait ---------------------------------------------------------
def with_endorsement(profession: str, state: str, **update: Any) -> RulesData:
    file = RULES.states[profession]
    entries = []
    for e in file.jurisdictions:
        if e.code == state:
            end = e.endorsement
            temp = update.pop("temporary", None)
            if temp is not None:
                update["temporary_license"] = end.temporary_license.model_copy(update=temp)
            e = e.model_copy(update={"endorsement": end.model_copy(update=update)})
        entries.append(e)
    states = {**RULES.states, profession: file.model_copy(update={"jurisdictions": entries})}
    return RULES._replace(states=states)


def test_permit_that_lapses_mid_contract_moves_the_apply_by_earlier() -> None:
    """A 30-day permit cannot bridge a 13-week contract: the full license must land first."""
    rules = with_endorsement(
        "RN", "CA", fingerprints_required=False,
        temporary={"valid_days": 30, "issue_days": 10, "after_fingerprints": False},
    )  # fmt: skip
    recs = records(profile("TX", "RN"), TX_MULTI)
    plan = plan_assignment(recs, rules, TODAY, state="CA", start=d("2027-03-01"),
                           end=d("2027-05-31"))  # fmt: skip
    temp = next(r for r in plan.routes if r.kind == "temporary_license")
    # Permit ends 2027-03-31; full license up to 84 days; 14 days margin.
    assert temp.apply_by == d("2027-03-31") - dt.timedelta(days=84 + 14)
    assert any("before the permit lapses" in n for n in temp.notes)


def test_permit_issued_only_after_fingerprints_waits_for_them() -> None:
    rules = with_endorsement(
        "RN", "CA", fingerprints_required=True,
        temporary={"valid_days": 365, "issue_days": 10, "after_fingerprints": True},
    )  # fmt: skip
    recs = records(profile("TX", "RN"), TX_MULTI)
    plan = plan_assignment(recs, rules, TODAY, state="CA", start=d("2027-03-01"))
    temp = next(r for r in plan.routes if r.kind == "temporary_license")
    assert temp.apply_by == d("2027-03-01") - dt.timedelta(days=10 + 14 + 14)
    assert not temp.unknowns or all("fingerprints" not in u.what for u in temp.unknowns)


def test_permit_in_business_days_counts_back_over_weekends() -> None:
    rules = with_endorsement(
        "RN", "CA", fingerprints_required=False,
        temporary={"valid_days": 365, "issue_days": 10, "business_days": True,
                   "after_fingerprints": False},
    )  # fmt: skip
    recs = records(profile("TX", "RN"), TX_MULTI)
    plan = plan_assignment(recs, rules, TODAY, state="CA", start=d("2027-03-01"))  # a Monday
    temp = next(r for r in plan.routes if r.kind == "temporary_license")
    assert temp.apply_by == d("2027-02-15") - dt.timedelta(days=14)  # 10 business days back


def test_required_exam_is_a_step() -> None:
    rules = with_endorsement("RN", "CA", exams_required=["state jurisprudence exam"])
    recs = records(profile("TX", "RN"), TX_MULTI)
    plan = plan_assignment(recs, rules, TODAY, state="CA", start=d("2027-06-01"))
    route = next(r for r in plan.routes if r.kind == "endorsement")
    assert any("state jurisprudence exam" in s.text for s in route.steps)


# --- reminders -------------------------------------------------------------------------------
class ReminderCase(NamedTuple):
    name: str
    recs: Callable[[], Records]
    kind: ReminderKind
    present: bool
    overdue: bool
    rule: str


REMINDER_CASES = [
    ReminderCase(
        "moved TX->FL 20 days ago: apply-by reminder due",
        lambda: records(moved("FL", "2026-11-05", "TX", "RN"), TX_MULTI),
        ReminderKind.MOVE_APPLY_BY,
        True,
        False,
        NLC_RULES,
    ),
    ReminderCase(
        "moved TX->FL 70 days ago, no application: overdue",
        lambda: records(moved("FL", "2026-09-16", "TX", "RN"), TX_MULTI),
        ReminderKind.MOVE_APPLY_BY,
        True,
        True,
        NLC_RULES,
    ),
    ReminderCase(
        "moved, FL application pending: nothing to apply for",
        lambda: records(
            moved("FL", "2026-09-16", "TX", "RN"), TX_MULTI, lic(2, "RN", "FL", status="pending")
        ),
        ReminderKind.MOVE_APPLY_BY,
        False,
        False,
        NLC_RULES,
    ),
    ReminderCase(
        "moved to non-NLC CA: no NLC apply-by",
        lambda: records(moved("CA", "2026-11-05", "TX", "RN"), TX_MULTI),
        ReminderKind.MOVE_APPLY_BY,
        False,
        False,
        NLC_RULES,
    ),
    ReminderCase(
        "never moved: no apply-by",
        lambda: records(profile("TX", "RN"), TX_MULTI),
        ReminderKind.MOVE_APPLY_BY,
        False,
        False,
        NLC_RULES,
    ),
    ReminderCase(
        "privilege on an encumbered home license: overdue",
        lambda: records(
            profile("TX", "PT"),
            lic(1, "PT", "TX", status="encumbered"),
            lic(2, "PT", "CO", kind="privilege", home_license_id=1),
        ),
        ReminderKind.PRIVILEGE_LAPSED,
        True,
        True,
        PT_RULE,
    ),
    ReminderCase(
        "Oregon RN: hours unknown, missing topic still reminded",
        lambda: records(profile("OR", "RN"), lic(1, "RN", "OR", expires=d("2027-01-31"))),
        ReminderKind.CE_SHORTFALL,
        True,
        False,
        "https://www.oregon.gov/osbn/",
    ),
    ReminderCase(
        "expired license: overdue",
        lambda: records(profile("TX", "RN"), lic(1, "RN", "TX", expires=d("2026-11-01"))),
        ReminderKind.LICENSE_EXPIRY,
        True,
        True,
        NLC_RULES,
    ),
]


@pytest.mark.parametrize("case", REMINDER_CASES, ids=[c.name for c in REMINDER_CASES])
def test_reminder_scenario(case: ReminderCase) -> None:
    report = reminders(case.recs(), RULES, TODAY, within_days=90)
    found = [r for r in report.items if r.kind is case.kind]
    assert bool(found) is case.present, (case.rule, report.items)
    if found:
        assert (found[0].severity == "overdue") is case.overdue, case.rule


def test_act_first_plan_is_reminded_once() -> None:
    recs = records(moved("FL", "2026-11-05", "TX", "RN"), TX_MULTI).model_copy(
        update={"assignments": [Assignment(jurisdiction="AZ", start=d("2027-03-03"))]}
    )
    items = reminders(recs, RULES, TODAY, within_days=90).items
    assert [r.kind for r in items if r.kind in (ReminderKind.APPLY_BY,
                                                ReminderKind.MOVE_APPLY_BY)] == [
        ReminderKind.MOVE_APPLY_BY
    ]  # fmt: skip
