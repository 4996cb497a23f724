"""CE status per license: windows, mandatory-topic frequencies, exact hours, status and pace.

Most tests build small `RulesData` by hand so each rule is tested alone; the tests at the end
read the bundled rules data and cite the source each expected answer comes from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.errors import CareerpathError
from careerpath.hours import CEUnit, to_decimal
from careerpath.planner.ce_counts import what_counts
from careerpath.planner.ce_status import (
    CEState,
    LicenseCE,
    TopicState,
    TopicStatus,
    ce_status,
)
from careerpath.planner.dates import months_between
from careerpath.records import CEActivity, License, LicenseKind, LicenseStatus, Records
from careerpath.reference.loader import RulesData, load
from careerpath.reference.schema import (
    Board,
    ContinuingEducation,
    MandatoryTopic,
    ProfessionRules,
    Renewal,
    StateRules,
    TopicFrequency,
)

SRC = "https://example.org/board/continuing-education"
VERIFIED = dt.date(2026, 1, 1)
BOARD = "https://example.org/board"

EXPIRES = dt.date(2028, 1, 31)
START = dt.date(2026, 2, 1)
"""The 24-month window ending EXPIRES."""
MID = dt.date(2027, 6, 1)
"""A day inside that window."""
LONG_AGO = dt.date(2015, 6, 1)
"""Issue date of a license long past its first renewal."""


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- builders ---------------------------------------------------------------------------------
def topic(
    slug: str,
    hours: float | None = 2,
    frequency: TopicFrequency | None = TopicFrequency.EVERY_RENEWAL,
    **kw: Any,
) -> MandatoryTopic:
    return MandatoryTopic(
        topic=slug,
        label=slug.replace("-", " ").capitalize(),
        hours=hours,
        frequency=frequency,
        **kw,
    )


def state(
    code: str = "TX",
    *,
    hours: float | None = 20,
    cycle: int | None = 24,
    topics: Sequence[MandatoryTopic] = (),
    mph: int | None = None,
    first_exempt: bool | None = None,
) -> StateRules:
    return StateRules(
        code=code,
        board=Board(name=f"{code} board", url=BOARD),
        renewal=Renewal(cycle_months=cycle, source=SRC, verified=VERIFIED),
        ce=ContinuingEducation.model_validate(
            {
                "hours_per_cycle": hours,
                "minutes_per_hour": mph,
                "mandatory_topics": list(topics),
                "first_renewal_exempt": first_exempt,
                "source": SRC,
                "verified": VERIFIED,
            }
        ),
    )


def rules(*rn: StateRules, pt: Sequence[StateRules] = ()) -> RulesData:
    states = {"RN": ProfessionRules(profession="RN", as_of=VERIFIED, jurisdictions=list(rn))}
    if pt:
        states["PT"] = ProfessionRules(profession="PT", as_of=VERIFIED, jurisdictions=list(pt))
    return RulesData(Path("unused"), {}, states)


def lic(
    id: int = 1,
    jurisdiction: str = "TX",
    *,
    expires: dt.date | None = EXPIRES,
    issued: dt.date | None = LONG_AGO,
    profession: str = "RN",
    **kw: Any,
) -> License:
    return License(
        id=id,
        profession=profession,
        jurisdiction=jurisdiction,
        expires=expires,
        issued=issued,
        **kw,
    )


def act(
    id: int,
    completed: dt.date,
    amount: str,
    *topics: str,
    unit: CEUnit = CEUnit.CONTACT_HOURS,
    claimed_for: Sequence[int] = (),
) -> CEActivity:
    return CEActivity(
        id=id,
        completed=completed,
        title=f"CE {id}",
        amount=Decimal(amount),
        unit=unit,
        topics=list(topics),
        claimed_for=list(claimed_for),
    )


def status_of(
    license: License, data: RulesData, today: dt.date, *activities: CEActivity
) -> LicenseCE:
    report = ce_status(Records(licenses=[license], ce_activities=list(activities)), data, today)
    assert len(report.licenses) == 1
    return report.licenses[0]


def topic_of(row: LicenseCE, slug: str) -> TopicStatus:
    return next(t for t in row.topics if t.topic == slug)


def general(hours: str, when: dt.date = MID, id: int = 100) -> CEActivity:
    return act(id, when, hours)


# --- the window and every-renewal topics --------------------------------------------------------
@pytest.mark.parametrize(
    ("completed", "counted"),
    [
        (START - dt.timedelta(days=1), False),
        (START, True),
        (MID, True),
    ],
)
def test_every_renewal_topic_counts_only_inside_the_window(
    completed: dt.date, counted: bool
) -> None:
    data = rules(state(topics=[topic("ethics", 2)]))
    row = status_of(lic(), data, MID, act(1, completed, "2", "ethics"))
    assert row.window_start == START
    assert row.cycle_months == 24
    ethics = topic_of(row, "ethics")
    assert ethics.counted_from == START
    assert ethics.frequency == "every renewal"
    assert ethics.state is (TopicState.MET if counted else TopicState.MISSING)
    assert ethics.hours_done == Decimal(2 if counted else 0)
    assert row.earned == Decimal(2 if counted else 0)
    assert row.missing == ([] if counted else ["Ethics"])


def test_window_ends_on_the_expiry_date() -> None:
    data = rules(state(hours=2))
    after = EXPIRES + dt.timedelta(days=40)
    on_expiry = status_of(lic(), data, after, act(1, EXPIRES, "2"))
    assert on_expiry.earned == 2 and on_expiry.status is CEState.DONE
    next_window = status_of(lic(), data, after, act(1, EXPIRES + dt.timedelta(days=1), "2"))
    assert next_window.earned == 0 and next_window.status is CEState.OVERDUE


def test_topic_hours_short_of_the_requirement_are_missing() -> None:
    data = rules(state(topics=[topic("ethics", 2)]))
    row = status_of(lic(), data, MID, act(1, MID, "1.5", "ethics"))
    assert topic_of(row, "ethics").state is TopicState.MISSING
    assert topic_of(row, "ethics").hours_done == Decimal("1.5")


def test_topic_without_hours_is_met_by_any_activity() -> None:
    data = rules(state(topics=[topic("ethics", None)]))
    assert topic_of(status_of(lic(), data, MID), "ethics").state is TopicState.MISSING
    met = status_of(lic(), data, MID, act(1, MID, "0.25", "ethics"))
    assert topic_of(met, "ethics").state is TopicState.MET
    assert topic_of(met, "ethics").hours_required is None


def test_topic_of_unknown_frequency_is_to_check() -> None:
    data = rules(state(topics=[topic("ethics", 1, None)]))
    row = status_of(lic(), data, MID)
    assert topic_of(row, "ethics").state is TopicState.CHECK
    assert row.missing == []
    assert row.check == ["Ethics (frequency unknown)"]


def test_conditional_missing_topic_is_to_check_not_missing() -> None:
    data = rules(state(topics=[topic("forensic-evidence", 2, applies_to="ED nurses")]))
    row = status_of(lic(), data, MID, general("20"))
    assert topic_of(row, "forensic-evidence").state is TopicState.MISSING
    assert row.missing == []
    assert row.check == ["Forensic evidence (if: ED nurses)"]
    assert row.status is CEState.DONE


# --- every Nth renewal, once ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("completed", "state_"),
    [
        (d("2025-03-01"), TopicState.MET),  # the previous window (2024-02-01 - 2026-01-31)
        (d("2024-02-01"), TopicState.MET),  # first day of the previous window
        (d("2024-01-31"), TopicState.MISSING),  # two windows back
        (d("2021-06-01"), TopicState.MISSING),  # three windows back (2020-02-01 - 2022-01-31)
        (MID, TopicState.MET),  # this window
    ],
)
def test_every_second_renewal_topic_looks_back_two_windows(
    completed: dt.date, state_: TopicState
) -> None:
    nth = topic("impairment", 2, TopicFrequency.EVERY_NTH_RENEWAL, every_n=2)
    row = status_of(lic(), rules(state(topics=[nth])), MID, act(1, completed, "2", "impairment"))
    status = topic_of(row, "impairment")
    assert status.counted_from == d("2024-02-01")
    assert status.frequency == "every 2 renewals"
    assert status.state is state_
    # Only this window's hours count toward the total.
    assert row.earned == Decimal(2 if completed >= START else 0)


def test_once_topic_is_met_by_an_activity_years_ago() -> None:
    once = topic("hiv-aids", 1, TopicFrequency.ONCE)
    data = rules(state(topics=[once]))
    row = status_of(
        lic(issued=d("2005-01-01")), data, MID, act(1, d("2006-03-15"), "1", "hiv-aids")
    )
    status = topic_of(row, "hiv-aids")
    assert status.state is TopicState.MET
    assert status.counted_from is None
    assert status.frequency == "once"
    assert status.hours_done == 1
    assert row.earned == 0
    assert topic_of(status_of(lic(), data, MID), "hiv-aids").state is TopicState.MISSING


# --- first renewal ----------------------------------------------------------------------------
def test_first_renewal_topic_is_due_when_issued_inside_the_window() -> None:
    first = topic("orientation", 2, TopicFrequency.FIRST_RENEWAL)
    data = rules(state(topics=[first]))
    new = lic(issued=d("2026-06-01"))
    row = status_of(new, data, MID)
    assert row.first_renewal is True
    assert row.window_start == d("2026-06-01")  # the window opens on the issue date
    assert topic_of(row, "orientation").state is TopicState.MISSING
    assert row.missing == ["Orientation"]
    done = status_of(new, data, MID, act(1, d("2026-07-01"), "2", "orientation"))
    assert topic_of(done, "orientation").state is TopicState.MET


def test_first_renewal_topic_on_the_window_start() -> None:
    first = topic("orientation", 2, TopicFrequency.FIRST_RENEWAL)
    row = status_of(lic(issued=START), rules(state(topics=[first])), MID)
    assert row.first_renewal is True
    assert topic_of(row, "orientation").state is TopicState.MISSING


def test_first_renewal_topic_is_not_due_later() -> None:
    first = topic("orientation", 2, TopicFrequency.FIRST_RENEWAL)
    row = status_of(lic(issued=START - dt.timedelta(days=1)), rules(state(topics=[first])), MID)
    assert row.first_renewal is False
    assert topic_of(row, "orientation").state is TopicState.NOT_DUE
    assert row.missing == [] and row.check == []


def test_first_renewal_topic_without_issue_date_is_to_check() -> None:
    first = topic("orientation", 2, TopicFrequency.FIRST_RENEWAL)
    row = status_of(lic(issued=None), rules(state(topics=[first])), MID, general("20"))
    assert row.first_renewal is None
    status = topic_of(row, "orientation")
    assert status.state is TopicState.MISSING
    assert status.condition == "this is your first renewal"
    assert row.missing == []
    assert row.check == ["Orientation (if: this is your first renewal)"]


def test_first_renewal_exempt_needs_no_general_hours() -> None:
    data = rules(state(hours=20, first_exempt=True))
    issued = d("2026-09-01")
    row = status_of(lic(issued=issued), data, MID, act(1, d("2026-08-01"), "5"))
    assert row.first_renewal is True
    assert row.window_start == issued
    assert row.required == 0 and row.needed == 0
    assert row.earned == 0  # before the license was issued
    assert row.status is CEState.DONE
    assert row.pace_per_month is None
    assert any("exempts it" in note for note in row.notes)


def test_first_renewal_exempt_does_not_apply_to_later_renewals() -> None:
    row = status_of(lic(), rules(state(hours=20, first_exempt=True)), MID)
    assert row.first_renewal is False
    assert row.required == 20 and row.needed == 20


def test_first_renewal_exempt_without_issue_date_asks() -> None:
    row = status_of(lic(issued=None), rules(state(hours=20, first_exempt=True)), MID)
    assert row.first_renewal is None
    assert row.required == 20
    assert any("add the issue date" in note for note in row.notes)


# --- hours that do not count toward the total ---------------------------------------------------
def test_topic_outside_the_total_adds_its_hours() -> None:
    extra = topic("domestic-violence", 2, counts_toward_total=False)
    data = rules(state(hours=20, topics=[extra]))
    row = status_of(lic(), data, MID, general("20"))
    assert topic_of(row, "domestic-violence").in_addition is True
    assert row.required == 22
    assert row.needed == 2
    assert row.missing == ["Domestic violence"]
    done = status_of(lic(), data, MID, general("20"), act(1, MID, "2", "domestic-violence"))
    assert done.earned == 22 and done.needed == 0
    assert done.status is CEState.DONE


def test_topic_inside_the_total_adds_nothing() -> None:
    inside = topic("ethics", 2, counts_toward_total=True)
    row = status_of(lic(), rules(state(hours=20, topics=[inside])), MID, general("20"))
    assert topic_of(row, "ethics").in_addition is False
    assert row.required == 20 and row.needed == 0
    assert row.status is not CEState.DONE  # the topic is still missing
    assert row.missing == ["Ethics"]


def test_general_hours_cannot_stand_in_for_an_added_topic() -> None:
    extra = topic("domestic-violence", 2, counts_toward_total=False)
    row = status_of(lic(), rules(state(hours=20, topics=[extra])), MID, general("22"))
    assert row.needed == 0
    assert row.status is not CEState.DONE
    assert row.missing == ["Domestic violence"]


def test_topic_outside_the_total_not_due_adds_nothing() -> None:
    extra = topic("orientation", 2, TopicFrequency.FIRST_RENEWAL, counts_toward_total=False)
    row = status_of(lic(), rules(state(hours=20, topics=[extra])), MID)
    assert topic_of(row, "orientation").state is TopicState.NOT_DUE
    assert row.required == 20


def test_added_topic_met_in_an_earlier_window_adds_nothing_now() -> None:
    extra = topic(
        "domestic-violence",
        2,
        TopicFrequency.EVERY_NTH_RENEWAL,
        every_n=3,
        counts_toward_total=False,
    )
    data = rules(state(hours=20, topics=[extra]))
    row = status_of(
        lic(), data, MID, general("20"), act(1, d("2025-01-10"), "2", "domestic-violence")
    )
    assert topic_of(row, "domestic-violence").state is TopicState.MET
    assert row.required == 20
    assert row.needed == 0
    assert row.status is CEState.DONE


# --- units and exact sums ---------------------------------------------------------------------
def test_fifty_minute_hours() -> None:
    data = rules(state(hours=2, mph=50))
    row = status_of(lic(), data, MID, act(1, MID, "100", unit=CEUnit.MINUTES))
    assert row.minutes_per_hour == 50
    assert row.earned == Decimal(2)
    assert row.needed == 0 and row.status is CEState.DONE


def test_sixty_minute_hours_for_the_same_minutes() -> None:
    row = status_of(lic(), rules(state(hours=2)), MID, act(1, MID, "100", unit=CEUnit.MINUTES))
    assert row.minutes_per_hour == 60
    assert row.earned == Decimal("1.67")  # 100/60, rounded for display only
    assert row.needed == Decimal("0.33")
    assert row.status is not CEState.DONE


def test_fifty_minute_hours_from_twenty_minute_sessions() -> None:
    sessions = [act(i, MID, "20", unit=CEUnit.MINUTES) for i in range(1, 4)]
    row = status_of(lic(), rules(state(hours=1.2, mph=50)), MID, *sessions)
    assert row.earned == Decimal("1.2")  # 60 minutes / 50
    assert row.status is CEState.DONE


def test_ceus_are_ten_hours_each() -> None:
    data = rules(state(hours=24))
    row = status_of(lic(), data, MID, act(1, MID, "2.4", unit=CEUnit.CEU))
    assert row.earned == Decimal(24)
    assert row.needed == 0 and row.status is CEState.DONE
    tenth = status_of(lic(), data, MID, act(1, MID, "0.1", unit=CEUnit.CEU))
    assert tenth.earned == Decimal(1) and tenth.needed == Decimal(23)


def test_ceus_at_fifty_minute_hours_are_still_ten_hours() -> None:
    row = status_of(lic(), rules(state(hours=24, mph=50)), MID, act(1, MID, "2.4", unit=CEUnit.CEU))
    assert row.earned == Decimal(24)


def test_three_twenty_minute_sessions_make_exactly_one_hour() -> None:
    sessions = [act(i, MID, "20", "ethics", unit=CEUnit.MINUTES) for i in range(1, 4)]
    data = rules(state(hours=1, topics=[topic("ethics", 1)]))
    row = status_of(lic(), data, MID, *sessions)
    assert row.earned == Decimal(1)
    assert row.needed == 0
    assert topic_of(row, "ethics").state is TopicState.MET  # 1/3 + 1/3 + 1/3 >= 1, exactly
    assert row.status is CEState.DONE


def test_tenths_add_up_without_float_drift() -> None:
    # 0.1 + 0.1 + 0.1 != 0.3 in floats; the hours are exact.
    sessions = [act(i, MID, "0.1") for i in range(1, 4)]
    row = status_of(lic(), rules(state(hours=0.3)), MID, *sessions)
    assert row.required == Decimal("0.3")
    assert row.needed == 0 and row.status is CEState.DONE


def test_thirty_twenty_minute_sessions_make_ten_hours() -> None:
    sessions = [act(i, MID, "20", unit=CEUnit.MINUTES) for i in range(1, 31)]
    row = status_of(lic(), rules(state(hours=10)), MID, *sessions)
    assert row.earned == Decimal(10) and row.status is CEState.DONE


def test_outputs_are_decimals() -> None:
    data = rules(state(hours=20, topics=[topic("ethics", 1.5), topic("bias", None)]))
    row = status_of(lic(), data, d("2027-01-31"), act(1, MID - dt.timedelta(days=200), "7.25"))
    values: list[object] = [row.required, row.earned, row.needed, row.pace_per_month]
    for status in row.topics:
        values += [status.hours_done]
        if status.hours_required is not None:
            values.append(status.hours_required)
    assert values and all(isinstance(v, Decimal) for v in values), values
    dumped = row.model_dump(mode="json")
    assert not any(isinstance(v, float) for v in dumped.values())
    assert not any(isinstance(v, float) for t in dumped["topics"] for v in t.values())


# --- claimed activities -----------------------------------------------------------------------
def two_license_records(*activities: CEActivity) -> Records:
    return Records(
        licenses=[lic(1, "TX"), lic(2, "FL")],
        ce_activities=list(activities),
    )


TWO_STATES = rules(state("TX", hours=20), state("FL", hours=24))


def test_claimed_activity_counts_for_its_license_only() -> None:
    records = two_license_records(act(1, MID, "10", claimed_for=[1]), act(2, MID, "3"))
    tx, fl = ce_status(records, TWO_STATES, MID).licenses
    assert (tx.license_id, tx.earned) == (1, Decimal(13))
    assert (fl.license_id, fl.earned) == (2, Decimal(3))


def test_what_counts_claimed_activity() -> None:
    records = two_license_records(act(1, MID, "10", claimed_for=[1]))
    result = what_counts(records, TWO_STATES, MID, 1)
    assert result.contact_hours == Decimal(10)
    tx, fl = result.toward
    assert (tx.license_id, tx.counts, tx.hours) == (1, True, Decimal(10))
    assert tx.reason == "in the window 2026-02-01 to 2028-01-31"
    assert (fl.license_id, fl.counts, fl.hours) == (2, False, Decimal(0))
    assert fl.reason == "claimed for other licenses only"


def test_what_counts_unclaimed_activity_counts_everywhere() -> None:
    records = two_license_records(act(1, MID, "10"))
    result = what_counts(records, TWO_STATES, MID, 1)
    assert [(t.license_id, t.counts, t.hours) for t in result.toward] == [
        (1, True, Decimal(10)),
        (2, True, Decimal(10)),
    ]
    assert all(t.reason.startswith("in the window") for t in result.toward)


def test_what_counts_outside_the_window() -> None:
    records = two_license_records(act(1, d("2025-12-31"), "10"))
    result = what_counts(records, TWO_STATES, MID, 1)
    assert all(not t.counts and t.hours == 0 for t in result.toward)
    assert result.toward[0].reason == "outside the window 2026-02-01 to 2028-01-31"


def test_what_counts_in_fifty_minute_hours_and_topics() -> None:
    data = rules(
        state("TX", hours=20, topics=[topic("ethics", 1)]),
        state("FL", hours=24, mph=50, topics=[topic("ethics", 1)]),
    )
    records = two_license_records(act(1, MID, "100", "ethics", unit=CEUnit.MINUTES))
    tx, fl = what_counts(records, data, MID, 1).toward
    assert tx.hours == Decimal("1.67") and tx.topics == ["Ethics"]
    assert fl.hours == Decimal(2) and fl.topics == ["Ethics"]
    assert fl.reason.endswith("(50-minute hours)")


def test_what_counts_old_activity_still_fills_a_once_topic() -> None:
    data = rules(state("TX", topics=[topic("hiv-aids", 1, TopicFrequency.ONCE)]))
    records = Records(licenses=[lic(1)], ce_activities=[act(1, d("2016-01-05"), "1", "hiv-aids")])
    (tx,) = what_counts(records, data, MID, 1).toward
    assert not tx.counts
    assert tx.topics == ["Hiv aids"]


def test_what_counts_without_expiry_or_activity() -> None:
    records = Records(licenses=[lic(1, expires=None)], ce_activities=[act(1, MID, "1")])
    (row,) = what_counts(records, rules(state()), MID, 1).toward
    assert (row.counts, row.reason) == (False, "renewal window unknown")
    with pytest.raises(CareerpathError, match="no CE activity #9"):
        what_counts(records, rules(state()), MID, 9)


def test_privileges_and_lapsed_licenses_are_left_out() -> None:
    records = Records(
        licenses=[
            lic(1, "TX", profession="PT"),
            lic(2, "FL", profession="PT", kind=LicenseKind.PRIVILEGE, home_license_id=1),
            lic(3, "OK", profession="PT", status=LicenseStatus.EXPIRED),
        ],
        ce_activities=[act(1, MID, "1")],
    )
    data = rules(pt=[state("TX"), state("FL"), state("OK")])
    assert [row.license_id for row in ce_status(records, data, MID).licenses] == [1]
    assert [t.license_id for t in what_counts(records, data, MID, 1).toward] == [1]


# --- status and pace --------------------------------------------------------------------------
HALFWAY = d("2027-02-01")
"""365 of the window's 729 days have passed: 20 h x 365/729 = 10.01 h is on pace."""


@pytest.mark.parametrize(
    ("earned", "expected"),
    [("20", CEState.DONE), ("10.5", CEState.ON_TRACK), ("10", CEState.BEHIND)],
)
def test_status_by_hours(earned: str, expected: CEState) -> None:
    row = status_of(lic(), rules(state(hours=20)), HALFWAY, general(earned, START))
    assert row.status is expected
    assert row.status.label == expected.value.replace("_", " ")


def test_missing_topic_near_expiry_is_behind() -> None:
    data = rules(state(hours=20, topics=[topic("ethics", 1)]))
    today = EXPIRES - dt.timedelta(days=60)
    row = status_of(lic(), data, today, general("19.5"))  # ahead of the hours pace
    assert row.status is CEState.BEHIND
    far = status_of(lic(), data, HALFWAY, general("19.5", START))
    assert far.status is CEState.ON_TRACK


def test_overdue_after_expiry() -> None:
    today = EXPIRES + dt.timedelta(days=10)
    row = status_of(lic(), rules(state(hours=20)), today, general("5"))
    assert row.status is CEState.OVERDUE
    assert row.days_left == -10
    assert row.needed == 15
    assert row.pace_per_month is None
    done = status_of(lic(), rules(state(hours=20)), today, general("20"))
    assert done.status is CEState.DONE


def test_unknown_without_hours_per_cycle() -> None:
    row = status_of(lic(), rules(state(hours=None)), MID, general("5"))
    assert row.status is CEState.UNKNOWN
    assert row.required is None and row.needed is None and row.pace_per_month is None
    assert row.earned == 5
    assert [u.what for u in row.unknowns] == ["CE hours per renewal"]
    assert row.unknowns[0].link == BOARD


def test_unknown_without_expiry() -> None:
    row = status_of(lic(expires=None), rules(state(hours=20)), MID, general("5"))
    assert row.status is CEState.UNKNOWN
    assert row.window_start is None and row.days_left is None
    assert row.required == 20 and row.needed is None
    assert any("--expires" in note for note in row.notes)


def test_unknown_without_cycle() -> None:
    row = status_of(lic(), rules(state(cycle=None)), MID)
    assert row.status is CEState.UNKNOWN
    assert [u.what for u in row.unknowns] == ["renewal cycle"]


def test_unknown_without_rules_for_the_profession() -> None:
    row = status_of(lic(profession="RT"), load(), MID)
    assert row.status is CEState.UNKNOWN
    assert row.board_url is None
    assert [str(u) for u in row.unknowns] == [
        "RT rules in TX (no rules data for this profession): unknown - check with the board"
    ]


def test_pace_per_month() -> None:
    today = d("2027-01-31")  # 365 days before expiry
    row = status_of(lic(), rules(state(hours=20)), today, general("8", START))
    assert row.days_left == 365
    assert row.needed == 12
    # 12 h over 365 days = 12 / (365 / 30.436875) months = 1.0006 h a month
    assert row.pace_per_month == Decimal("1")
    assert row.pace_per_month == to_decimal(Fraction(12) / months_between(today, EXPIRES))
    start = status_of(lic(), rules(state(hours=20)), START)
    # 20 h over 729 days = 20 / (729 / 30.436875) = 0.83503 h a month
    assert start.pace_per_month == Decimal("0.84")


def test_no_pace_when_nothing_is_needed() -> None:
    row = status_of(lic(), rules(state(hours=20)), MID, general("25"))
    assert row.needed == 0 and row.pace_per_month is None


def test_no_ce_required_note() -> None:
    row = status_of(lic(), rules(state(hours=0)), MID)
    assert row.status is CEState.DONE
    assert "The board requires no CE hours for this renewal." in row.notes


# --- the bundled rules data -------------------------------------------------------------------
TODAY = d("2026-11-25")
FL_TOPICS = ["medical-errors", "fl-laws-and-rules", "human-trafficking", "substance-use"]
"""Florida's laws-and-rules topic is its own (jurisdiction_specific): tagged for FL."""


def florida_rn(*activities: CEActivity) -> LicenseCE:
    # Florida RNs renew on a cohort date (e.g. 30 April of even years) every 24 months.
    license = lic(1, "FL", issued=d("2015-01-10"), expires=d("2028-04-30"))
    return status_of(license, load(), TODAY, *activities)


def test_florida_rn_needs_24_hours_with_the_mandatory_topics() -> None:
    # Source (data/states/rn.json FL ce.source):
    # http://www.floridasnursing.gov/help-center/how-many-continuing-education-hours-are-required-for-licensure-renewal/
    # 24 contact hours per biennium including 2 h prevention of medical errors, 2 h laws and
    # rules, 2 h human trafficking, 2 h impairment every other biennium; 2 h domestic violence
    # every third biennium come on top (26 hours that renewal); HIV/AIDS 1 h once.
    topics = [act(i, d("2026-06-01"), "2", slug) for i, slug in enumerate(FL_TOPICS, 1)]
    row = florida_rn(
        *topics,
        act(10, d("2026-07-01"), "16"),
        act(11, d("2026-08-01"), "2", "domestic-violence"),
        act(12, d("2015-03-01"), "1", "hiv-aids"),
    )
    assert row.source == (
        "http://www.floridasnursing.gov/help-center/"
        "how-many-continuing-education-hours-are-required-for-licensure-renewal/"
    )
    assert row.window_start == d("2026-05-01")
    assert row.cycle_months == 24 and row.minutes_per_hour == 60
    assert row.required == 26  # 24 + 2 h domestic violence, due this renewal
    assert row.earned == 26
    assert topic_of(row, "medical-errors").hours_required == 2
    assert all(t.state is TopicState.MET for t in row.topics)
    assert row.status is CEState.DONE


def test_florida_rn_without_medical_errors_is_not_done() -> None:
    # Source: as above; the 2 h on prevention of medical errors are required every renewal.
    row = florida_rn(
        act(1, d("2026-06-01"), "24"),
        act(2, d("2026-08-01"), "2", "domestic-violence"),
        act(3, d("2015-03-01"), "1", "hiv-aids"),
    )
    assert row.needed == 0
    assert "Prevention of medical errors" in row.missing
    assert row.status is not CEState.DONE


def test_florida_rn_domestic_violence_done_last_biennium() -> None:
    # Source: as above ("domestic violence (2 h) every third renewal is in addition, giving
    # 26 hours that renewal"): in the two renewals between, 24 hours are required.
    topics = [act(i, d("2026-06-01"), "2", slug) for i, slug in enumerate(FL_TOPICS, 1)]
    row = florida_rn(
        *topics,
        act(10, d("2026-07-01"), "16"),
        act(11, d("2025-01-10"), "2", "domestic-violence"),
        act(12, d("2015-03-01"), "1", "hiv-aids"),
    )
    assert topic_of(row, "domestic-violence").state is TopicState.MET
    assert row.required == 24
    assert row.status is CEState.DONE


def texas_rn(issued: dt.date, *activities: CEActivity) -> LicenseCE:
    # Texas RNs renew every 24 months at the end of the birth month.
    license = lic(1, "TX", issued=issued, expires=d("2028-05-31"))
    return status_of(license, load(), TODAY, *activities)


def test_texas_rn_needs_20_hours() -> None:
    # Source (data/states/rn.json TX ce.source, 22 TAC 216.3):
    # https://texreg.sos.state.tx.us/public/readtac$ext.TacPage?sl=R&app=9&p_dir=&p_rloc=&p_tloc=&p_ploc=&pg=1&p_tac=&ti=22&pt=11&ch=216&rl=3
    # 20 contact hours per 2-year period; jurisprudence and ethics (2 h) every third renewal.
    row = texas_rn(
        d("2010-05-01"),
        act(1, d("2026-07-01"), "20"),
        act(2, d("2023-03-01"), "2", "tx-laws-and-rules"),  # within the last three periods
    )
    assert row.window_start == d("2026-06-01")
    assert row.required == 20 and row.earned == 20 and row.needed == 0
    assert topic_of(row, "tx-laws-and-rules").counted_from == d("2022-06-01")
    assert row.missing == []
    assert row.status is CEState.DONE
    # Topics for some nurses only are left to check, not counted as missing.
    assert {c.split(" (if:")[0] for c in row.check} == {
        "Older adult / geriatric care",
        "Human trafficking prevention course approved by Texas HHSC",
        "Forensic evidence collection",
    }


def test_texas_rn_jurisprudence_older_than_three_periods_is_missing() -> None:
    # Source: as above.
    row = texas_rn(
        d("2010-05-01"),
        act(1, d("2026-07-01"), "20"),
        act(2, d("2022-05-31"), "2", "tx-jurisprudence"),
    )
    assert row.missing == ["Texas nursing jurisprudence and ethics"]
    assert row.status is not CEState.DONE


def test_texas_rn_first_renewal_is_exempt() -> None:
    # Source (data/states/rn.json TX renewal.first_renewal / ce.first_renewal_exempt):
    # https://www.trustedhealth.com/nurse-licensure-guide/texas - no CE for the first renewal.
    row = texas_rn(d("2026-08-15"))
    assert row.first_renewal is True
    assert row.required == 0


# --- properties -------------------------------------------------------------------------------
@st.composite
def activities(draw: st.DrawFn, first_id: int = 1) -> list[CEActivity]:
    count = draw(st.integers(min_value=0, max_value=8))
    result = []
    for i in range(count):
        unit = draw(st.sampled_from(list(CEUnit)))
        cap = 200_000 if unit is CEUnit.CEU else 400_000  # at most 20 CEU / 40 h / 40 min
        ticks = draw(st.integers(min_value=1, max_value=cap))
        result.append(
            CEActivity(
                id=first_id + i,
                completed=draw(st.dates(START - dt.timedelta(days=800), EXPIRES)),
                title="CE",
                amount=Decimal(ticks).scaleb(-4),
                unit=unit,
                claimed_for=draw(st.sampled_from([[], [1], [2], [1, 2]])),
            )
        )
    return result


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _earned(activities: list[CEActivity], mph: int, today: dt.date) -> Decimal:
    return status_of(lic(), rules(state(hours=20, mph=mph)), today, *activities).earned


@PROPERTY
@given(
    log=activities(),
    mph=st.sampled_from([50, 60]),
    today=st.dates(START, EXPIRES + dt.timedelta(days=60)),
)
def test_earned_never_exceeds_all_hours(log: list[CEActivity], mph: int, today: dt.date) -> None:
    earned = _earned(log, mph, today)
    assert isinstance(earned, Decimal)
    assert earned <= to_decimal(sum((a.exact_hours(mph) for a in log), Fraction(0)))
    # Exactly the hours completed in the window (to today) that may count for license 1.
    expected = sum(
        (
            a.exact_hours(mph)
            for a in log
            if START <= a.completed <= min(today, EXPIRES)
            and (not a.claimed_for or 1 in a.claimed_for)
        ),
        Fraction(0),
    )
    assert earned == to_decimal(expected)


@PROPERTY
@given(
    log=activities(),
    mph=st.sampled_from([50, 60]),
    today=st.dates(START, EXPIRES + dt.timedelta(days=60)),
    extra=activities(first_id=100).filter(bool),
    data=st.data(),
)
def test_adding_an_activity_in_the_window_never_lowers_earned(
    log: list[CEActivity],
    mph: int,
    today: dt.date,
    extra: list[CEActivity],
    data: st.DataObject,
) -> None:
    added = extra[0].model_copy(
        update={"completed": data.draw(st.dates(START, min(today, EXPIRES)))}
    )
    before = _earned(log, mph, today)
    after = _earned([*log, added], mph, today)
    assert after >= before
    if not added.claimed_for or 1 in added.claimed_for:
        assert after > before or added.exact_hours(mph) < Fraction(1, 100)
