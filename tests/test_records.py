"""Validation of what the user enters: good input passes, bad input gets one clear sentence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from careerpath import jurisdictions
from careerpath.errors import describe_validation
from careerpath.hours import CEUnit, contact_hours, parse_unit, to_decimal
from careerpath.records import (
    Assignment,
    CEActivity,
    Certification,
    License,
    LicenseKind,
    Profession,
    Profile,
    SkillRating,
)


def message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return describe_validation(exc.value)


def test_jurisdictions_cover_states_dc_and_territories() -> None:
    assert len(jurisdictions.CODES) == 56
    assert len(jurisdictions.STATES_AND_DC) == 51
    assert jurisdictions.normalize(" or ") == "OR"
    assert jurisdictions.normalize("Puerto Rico") == "PR"


@pytest.mark.parametrize("bad", ["ZZ", "Oregonia", "", "O"])
def test_unknown_jurisdiction_is_one_sentence(bad: str) -> None:
    with pytest.raises(ValidationError) as exc:
        License(profession="RN", jurisdiction=bad)
    text = message(exc)
    assert "is not a US state, DC or territory code" in text
    assert "\n" not in text


def test_license_accepts_aliases_and_case() -> None:
    lic = License(profession="lvn", jurisdiction="tx", kind="multistate", expires="2027-05-31")
    assert lic.profession is Profession.LPN
    assert lic.jurisdiction == "TX"
    assert lic.kind is LicenseKind.MULTISTATE


def test_license_dates_must_be_in_order() -> None:
    with pytest.raises(ValidationError) as exc:
        License(profession="RN", jurisdiction="OR", issued="2026-01-01", expires="2025-01-01")
    assert "is before issued" in message(exc)


def test_not_a_date_is_named() -> None:
    with pytest.raises(ValidationError) as exc:
        License(profession="RN", jurisdiction="OR", expires="2026-02-30")
    assert message(exc) == "expires: '2026-02-30' is not a date (use YYYY-MM-DD)"


def test_multistate_is_for_nurses_and_privilege_for_therapists() -> None:
    with pytest.raises(ValidationError) as exc:
        License(profession="PT", jurisdiction="OR", kind="multistate")
    assert "multistate license is for nurses" in message(exc)
    with pytest.raises(ValidationError) as exc:
        License(profession="RN", jurisdiction="OR", kind="privilege")
    assert "nurses hold a multistate license instead" in message(exc)
    License(profession="PT", jurisdiction="OR", kind="privilege", home_license_id=1)


@pytest.mark.parametrize("amount", ["0", "-1", "-0.5"])
def test_ce_hours_must_be_positive(amount: str) -> None:
    with pytest.raises(ValidationError) as exc:
        CEActivity(completed="2026-01-01", title="x", amount=amount)
    assert "hours must be more than 0" in message(exc)


def test_absurd_ce_hours_are_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        CEActivity(completed="2026-01-01", title="x", amount="30", unit="ceu")
    assert "more than 200 for one activity" in message(exc)


def test_ce_units_convert_exactly() -> None:
    ceu = CEActivity(completed="2026-01-01", title="x", amount="0.15", unit="ceu")
    assert ceu.contact_hours == Decimal("1.5")
    minutes = CEActivity(completed="2026-01-01", title="x", amount="50", unit="minutes")
    assert minutes.exact_hours() == Fraction(5, 6)
    assert minutes.exact_hours(minutes_per_hour=50) == 1
    assert minutes.contact_hours == Decimal("0.83")


def test_topics_fold_to_slugs() -> None:
    activity = CEActivity(
        completed="2026-01-01", title="x", amount=1, topics=["Implicit Bias", "implicit-bias"]
    )
    assert activity.topics == ["implicit-bias"]


def test_skill_level_is_one_to_four() -> None:
    with pytest.raises(ValidationError) as exc:
        SkillRating(skill="vents", level=5)
    assert message(exc) == "level: 5 must be at most 4"
    assert SkillRating(skill="vents", level="3").level == 3


def test_assignment_end_before_start() -> None:
    with pytest.raises(ValidationError) as exc:
        Assignment(jurisdiction="OR", start="2027-03-03", end="2027-03-01")
    assert "the end 2027-03-01 is before the start 2027-03-03" in message(exc)


def test_certification_and_profile() -> None:
    Certification(name="BLS", earned="2025-01-01", expires="2027-01-31")
    profile = Profile(name="Ana", professions=["RN", "rn", "LVN"], home_state="texas")
    assert profile.professions == [Profession.RN, Profession.LPN]
    assert profile.home_state == "TX"


def test_unit_aliases() -> None:
    assert parse_unit("CEUs") is CEUnit.CEU
    assert parse_unit("min") is CEUnit.MINUTES
    with pytest.raises(ValueError, match="not a CE unit"):
        parse_unit("furlongs")


@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=600), st.sampled_from([50, 60])),
        min_size=1,
        max_size=40,
    )
)
def test_minutes_sum_exactly(sessions: list[tuple[int, int]]) -> None:
    """Summing many 50-minute sessions never drifts: the total is a whole number of minutes."""
    for minutes, per_hour in sessions:
        total = sum(contact_hours(Decimal(minutes), CEUnit.MINUTES, per_hour) for _ in range(3))
        assert total * per_hour == 3 * minutes


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(20), places=2))
def test_ceu_is_ten_contact_hours(ceus: Decimal) -> None:
    assert contact_hours(ceus, CEUnit.CEU) == Fraction(ceus) * 10
    assert to_decimal(contact_hours(ceus, CEUnit.CEU)) == (ceus * 10).normalize()


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(0, 4000)
)
def test_license_dates_validation_matches_ordering(issued: dt.date, days: int) -> None:
    expires = issued + dt.timedelta(days=days)
    lic = License(profession="RN", jurisdiction="OR", issued=issued, expires=expires)
    assert lic.expires is not None and lic.expires >= issued
