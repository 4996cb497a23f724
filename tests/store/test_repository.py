"""Store round trips, references between records, and the fast row path's shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.errors import CareerpathError
from careerpath.records import (
    Assignment,
    CEActivity,
    Certification,
    License,
    Profile,
    SkillRating,
)
from careerpath.store import rows
from careerpath.store.repository import SPECS, Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path)


def sample(store: Store) -> None:
    store.save_profile(Profile(name="Ana", professions=["RN"], home_state="TX",
                               nlc_answers={"fingerprints": "yes"}))  # fmt: skip
    home = store.add(License(profession="PT", jurisdiction="TX", expires="2027-01-31", number="1"))
    store.add(
        License(profession="PT", jurisdiction="OR", kind="privilege", home_license_id=home.id)
    )
    store.add(Certification(name="BLS", issuer="AHA", expires="2027-01-31"))
    store.add(CEActivity(completed="2026-01-01", title="Ethics", amount="0.2", unit="ceu",
                         topics=["ethics"], claimed_for=[home.id or 0]))  # fmt: skip
    store.add(SkillRating(skill="gait training", level=3, interested=True))
    store.add(Assignment(jurisdiction="OR", start="2027-03-03", end="2027-06-01"))


def test_round_trip_every_kind(store: Store) -> None:
    sample(store)
    records = store.records()
    assert records.profile is not None and records.profile.nlc_answers["fingerprints"] == "yes"
    assert [lic.jurisdiction for lic in records.licenses] == ["OR", "TX"]
    assert records.ce_activities[0].contact_hours == 2
    assert records.skills[0].interested is True
    reopened = Store(store.home)
    assert reopened.records() == records


def test_fast_rows_match_model_dump(store: Store) -> None:
    sample(store)
    for model, spec in SPECS.items():
        raw = rows.fetch(store.conn, spec)
        dumped = [r.model_dump(mode="json") for r in store.all_of(model)]
        assert raw == dumped, model.__name__


def test_update_and_remove(store: Store) -> None:
    cert = store.add(Certification(name="ACLS"))
    store.update(cert.model_copy(update={"expires": __import__("datetime").date(2028, 1, 1)}))
    assert str(store.get(Certification, cert.id or 0).expires) == "2028-01-01"
    store.remove(Certification, cert.id or 0)
    with pytest.raises(CareerpathError, match="no certification with id"):
        store.get(Certification, cert.id or 0)


def test_privilege_needs_an_existing_home_license(store: Store) -> None:
    with pytest.raises(CareerpathError, match="does not exist"):
        store.add(License(profession="PT", jurisdiction="OR", kind="privilege", home_license_id=9))


def test_home_license_with_privileges_cannot_be_removed(store: Store) -> None:
    sample(store)
    home = next(lic for lic in store.all_of(License) if lic.jurisdiction == "TX")
    with pytest.raises(CareerpathError, match="home license of privilege"):
        store.remove(License, home.id or 0)


def test_removing_a_license_unclaims_ce(store: Store) -> None:
    lic = store.add(License(profession="RN", jurisdiction="CA"))
    ce = store.add(
        CEActivity(completed="2026-01-01", title="x", amount=1, claimed_for=[lic.id or 0])
    )
    store.remove(License, lic.id or 0)
    assert store.get(CEActivity, ce.id or 0).claimed_for == []


def test_claim_for_unknown_license_is_refused(store: Store) -> None:
    with pytest.raises(CareerpathError, match="does not exist"):
        store.add(CEActivity(completed="2026-01-01", title="x", amount=1, claimed_for=[42]))


def test_add_many_is_all_or_nothing(store: Store) -> None:
    good = CEActivity(completed="2026-01-01", title="ok", amount=1)
    bad = CEActivity(completed="2026-01-01", title="bad", amount=1, claimed_for=[99])
    with pytest.raises(CareerpathError):
        store.add_many([good, bad])
    assert store.all_of(CEActivity) == []
