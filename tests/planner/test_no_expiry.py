"""A certification that never expires is a real value, distinct from an expiry not recorded.

"never" lasts: no reminder, no lapse during an assignment, no renewal step. A missing date
is unknown: growth does not count the card as lasting (it asks for the date). Far-off dates
such as 9999-12-31 stay refused (they used to break reminders, CE status and exports).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from tests.growth.roles import cert, role
from tests.planner.builders import TODAY, d, lic, profile, records

from careerpath.exports.calendar import build_calendar
from careerpath.exports.csv_tables import export_csv
from careerpath.exports.formats import CSVTable
from careerpath.growth.plan import upskill
from careerpath.planner.assignment import plan_stored
from careerpath.planner.reminders import reminders
from careerpath.records import NEVER, Assignment, Certification, License
from careerpath.reference.loader import load

JOB = Assignment(jurisdiction="TX", start=d("2027-01-10"), end=d("2027-04-10"))


@pytest.mark.parametrize("typed", ["never", "Never", " no expiry ", "does not expire"])
def test_never_is_read_from_the_words_people_type(typed: str) -> None:
    card = Certification(name="NIHSS", expires=typed)  # type: ignore[arg-type]
    assert card.expires == NEVER
    assert card.never_expires and card.expiry is None
    assert card.model_dump(mode="json")["expires"] == "never"


def test_a_license_cannot_be_without_expiry() -> None:
    with pytest.raises(ValidationError, match="only a certification can be without expiry"):
        License(profession="RN", jurisdiction="TX", expires="never")  # type: ignore[arg-type]


@pytest.mark.parametrize("far", ["9999-12-31", "2201-01-01", "1899-12-31"])
def test_far_off_dates_stay_refused(far: str) -> None:
    with pytest.raises(ValidationError, match="is outside 1900-01-01 to 2200-12-31"):
        Certification(name="BLS", expires=far)  # type: ignore[arg-type]


def test_never_means_no_reminder_and_no_lapse_during_an_assignment() -> None:
    certs = [
        Certification(id=1, name="NIHSS", expires=NEVER),
        Certification(id=2, name="BLS", expires=d("2027-02-01")),
    ]
    rec = records(profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate"), certifications=certs)
    rec.assignments.append(JOB)
    texts = [r.text for r in reminders(rec, load(), TODAY).items]
    assert any("BLS" in t for t in texts)
    assert not any("NIHSS" in t for t in texts)
    [plan] = plan_stored(rec, load(), TODAY)
    assert [i.what for i in plan.expiring] == ["BLS"]


def test_growth_counts_never_as_lasting_but_a_missing_date_as_unknown() -> None:
    r = role(certifications=[cert("bls", 5, "required"), cert("acls", 5, "required")])
    certs = [
        Certification(id=1, name="BLS", expires=NEVER),
        Certification(id=2, name="ACLS"),  # expiry not recorded
    ]
    job = JOB.model_copy(update={"specialty": "Test role"})
    rec = records(None, certifications=certs, assignments=[job])
    plan = upskill(rec, r, load(), TODAY)
    assert [c.id for c in plan.certifications_held] == ["bls"]
    [acls] = [i for i in plan.items if i.id == "acls"]
    assert "expiry date is not recorded" in acls.reason
    assert "careerpath cert edit 2 --expires" in acls.reason
    [ready] = plan.readiness
    assert not ready.ready
    assert [g.id for g in ready.gaps if g.kind == "certification"] == ["acls"]


def test_exports_write_never_and_leave_it_off_the_calendar() -> None:
    rec = records(None, certifications=[Certification(id=1, name="NIHSS", expires=NEVER)])
    assert "NIHSS,,,never" in export_csv(rec, CSVTable.CERTIFICATIONS).decode("utf-8-sig")
    assert b"NIHSS" not in build_calendar(rec, load(), TODAY)


_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
_expiry = st.one_of(st.none(), st.just(NEVER), _dates)


@settings(max_examples=60, deadline=None)
@given(
    expiries=st.lists(_expiry, min_size=1, max_size=4),
    today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2050, 12, 31)),
)
def test_no_answer_fails_on_any_mix_of_never_dated_and_unrecorded(
    expiries: list[object], today: dt.date
) -> None:
    names = ["BLS", "ACLS", "PALS", "NRP"]
    certs = [
        Certification(id=i + 1, name=name, expires=e)  # type: ignore[arg-type]
        for i, (name, e) in enumerate(zip(names, expiries, strict=False))
    ]
    job = Assignment(jurisdiction="TX", start=today + dt.timedelta(days=30), specialty="Test role")
    rec = records(profile("TX", "RN"), lic(1, "RN", "TX"), certifications=certs)
    rec.assignments.append(job)
    data = load()
    lasting = {c.name for c in certs if c.never_expires}
    assert not [r for r in reminders(rec, data, today).items if r.text.split()[0] in lasting]
    for plan in plan_stored(rec, data, today):
        assert not {i.what for i in plan.expiring} & lasting
    assert build_calendar(rec, data, today)
    assert export_csv(rec, CSVTable.CERTIFICATIONS)
    plan = upskill(rec, role(certifications=[cert("bls", 5, "required")]), data, today)
    bls = next((c for c in certs if c.name == "BLS"), None)
    if bls is not None and bls.expiry is None:
        assert ("bls" in {c.id for c in plan.certifications_held}) == bls.never_expires
