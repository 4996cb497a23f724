"""The calendar export, parsed back with icalendar and checked event by event."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event
from tests.planner.builders import TODAY, ce, d, lic, profile, records

from careerpath.exports.calendar import alarm_leads, build_calendar
from careerpath.planner.settings import PlannerSettings
from careerpath.records import Assignment, Certification, Records
from careerpath.reference.loader import load

RULES = load()


def traveler(or_expires: str = "2027-06-30") -> Records:
    return records(
        profile("TX", "RN"),
        lic(1, "RN", "TX", kind="multistate", issued=d("2016-06-01"), expires=d("2028-01-31")),
        lic(12, "RN", "OR", number="201912345", expires=d(or_expires)),
        lic(13, "RN", "NY", status="expired", expires=d("2026-01-31")),  # stored as expired
        lic(14, "RN", "CA", number="95012345", expires=d("2026-10-31")),  # date passed
        certifications=[
            Certification(id=1, name="BLS", issuer="AHA", expires=d("2027-01-31")),
            Certification(id=2, name="ACLS", number="ACLS-777", expires=d("2026-12-01")),
        ],
        ce_activities=[ce(1, "2026-05-01", "4", "pain-management")],
        assignments=[
            Assignment(
                id=3,
                jurisdiction="IL",
                facility="Rush",
                start=d("2027-05-03"),
                end=d("2027-08-01"),
                status="offered",
            ),
        ],
    )


def events(content: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0" and "careerpath" in str(calendar["PRODID"])
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "UIDs must be unique"
    return found


def triggers(event: Event) -> list[dt.timedelta]:
    return [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")]


def test_every_expiry_and_duty_is_an_all_day_event() -> None:
    found = events(build_calendar(traveler(), RULES, TODAY))
    assert set(found) == {
        "license-1-expires@careerpath",
        "license-12-expires@careerpath",
        "license-14-expires@careerpath",
        "license-1-ce-due@careerpath",
        "license-12-ce-due@careerpath",
        "license-14-ce-due@careerpath",
        "cert-bls-expires@careerpath",
        "cert-acls-expires@careerpath",
        "assignment-3-apply-by@careerpath",
    }
    for uid, event in found.items():
        start = event.decoded("DTSTART")
        assert type(start) is dt.date, uid  # a DATE, not a DATE-TIME: all day
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert "DATE" in str(event["DTSTART"].params.get("VALUE", "DATE"))
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
        assert start.isoformat() not in uid and start.strftime("%Y%m%d") not in uid
        assert event["SUMMARY"] and event["DESCRIPTION"]
    oregon = found["license-12-expires@careerpath"]
    assert oregon["SUMMARY"] == "RN license OR expires"
    assert oregon.decoded("DTSTART") == d("2027-06-30")
    assert "https://www.oregon.gov/osbn/" in oregon["DESCRIPTION"]
    assert str(oregon["URL"]) == "https://www.oregon.gov/osbn/"
    assert found["license-1-expires@careerpath"]["SUMMARY"] == "RN multistate license TX expires"
    assert found["cert-bls-expires@careerpath"]["SUMMARY"] == "BLS expires"


def test_ce_deadline_names_the_hours_and_topics_still_owed() -> None:
    from careerpath.planner.ce_status import ce_status

    rows = {r.license_id: r for r in ce_status(traveler(), RULES, TODAY).licenses}
    found = events(build_calendar(traveler(), RULES, TODAY))
    texas = found["license-1-ce-due@careerpath"]
    assert rows[1].needed == 16 and len(rows[1].missing) == 1
    assert texas["SUMMARY"] == "CE for RN multistate license TX: 16 h + 1 topic still owed"
    assert texas.decoded("DTSTART") == d("2028-01-31")
    assert "still owes 16 h and Texas nursing jurisprudence" in texas["DESCRIPTION"]
    assert "earned 4 h" in texas["DESCRIPTION"]
    # Oregon asks practice hours or CE (a choose-one the log cannot settle, so no hours are
    # owed for sure), but a topic is missing: the topic is the summary.
    oregon = found["license-12-ce-due@careerpath"]
    assert rows[12].needed is None and rows[12].missing == ["Cultural competency education"]
    assert oregon["SUMMARY"] == "CE for RN license OR: Cultural competency education still owed"


def test_apply_by_for_a_stored_assignment() -> None:
    from careerpath.planner.assignment import plan_stored

    plan = plan_stored(traveler(), RULES, TODAY)[0]
    assert plan.apply_by is not None
    event = events(build_calendar(traveler(), RULES, TODAY))["assignment-3-apply-by@careerpath"]
    assert event.decoded("DTSTART") == plan.apply_by
    assert event["SUMMARY"] == "Apply for IL license for Rush"
    assert "2027-05-03" in event["DESCRIPTION"]


def test_alarms_at_the_lead_times_still_ahead() -> None:
    found = events(build_calendar(traveler(), RULES, TODAY))
    far = found["license-1-expires@careerpath"]  # 2028-01-31: every lead time ahead
    nine = dt.timedelta(hours=9)
    assert triggers(far) == [dt.timedelta(days=-lead) + nine for lead in (90, 60, 30, 7)]
    for alarm in far.walk("VALARM"):
        assert alarm["ACTION"] == "DISPLAY" and "RN multistate license TX" in alarm["DESCRIPTION"]
    # BLS expires 2027-01-31 (67 days): the 90-day alarm is already past.
    bls = found["cert-bls-expires@careerpath"]
    assert triggers(bls) == [dt.timedelta(days=-lead) + nine for lead in (60, 30, 7)]
    # ACLS expires in 6 days, nearer than every lead time: one alarm on the day.
    assert triggers(found["cert-acls-expires@careerpath"]) == [nine]
    custom = events(build_calendar(traveler(), RULES, TODAY, PlannerSettings(lead_times=(14,))))
    assert triggers(custom["license-1-expires@careerpath"]) == [dt.timedelta(days=-14) + nine]


def test_alarm_leads() -> None:
    leads = (90, 60, 30, 7)
    assert alarm_leads(TODAY + dt.timedelta(days=60), TODAY, leads) == [60, 30, 7]
    assert alarm_leads(TODAY, TODAY, leads) == [0]
    assert alarm_leads(TODAY - dt.timedelta(days=1), TODAY, leads) == []


def test_an_expired_license_makes_no_misleading_future_event() -> None:
    found = events(build_calendar(traveler(), RULES, TODAY))
    # Stored as expired: nothing to renew on a date, no event at all.
    assert not any(uid.startswith("license-13-") for uid in found)
    # Active but past its date: stays in the past, in the past tense, with no alarm.
    lapsed = found["license-14-expires@careerpath"]
    assert lapsed.decoded("DTSTART") == d("2026-10-31") < TODAY
    assert lapsed["SUMMARY"] == "RN license CA expired"
    assert "renew or reinstate" in lapsed["DESCRIPTION"]
    assert triggers(lapsed) == []
    past = [e for e in found.values() if e.decoded("DTSTART") < TODAY]
    assert {str(e["SUMMARY"]) for e in past} == {
        "RN license CA expired",
        "CE for RN license CA: 26 h short",
    }
    assert all(triggers(e) == [] for e in past)


def test_uids_are_stable_so_a_renewal_moves_the_event() -> None:
    first = build_calendar(traveler(), RULES, TODAY)
    assert build_calendar(traveler(), RULES, TODAY) == first  # byte for byte on one day
    renewed = events(build_calendar(traveler(or_expires="2029-06-30"), RULES, TODAY))
    before = events(first)
    assert set(renewed) == set(before)
    assert renewed["license-12-expires@careerpath"].decoded("DTSTART") == d("2029-06-30")
    # A renewed card is usually a new record: the event is the same one, moved.
    recs = traveler()
    recs.certifications.append(Certification(id=9, name="bls", expires=d("2029-01-31")))
    moved = events(build_calendar(recs, RULES, TODAY))
    assert moved["cert-bls-expires@careerpath"].decoded("DTSTART") == d("2029-01-31")


def test_no_license_or_certification_number_in_the_calendar() -> None:
    content = build_calendar(traveler(), RULES, TODAY).decode()
    for number in ("201912345", "95012345", "ACLS-777"):
        assert number not in content


def test_empty_records_make_a_valid_empty_calendar() -> None:
    assert events(build_calendar(Records(), RULES, TODAY)) == {}
