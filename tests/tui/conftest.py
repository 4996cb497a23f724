"""A sample traveler in a sealed home, and an app factory for pilots and snapshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from careerpath.records import (
    AssessedBy,
    Assignment,
    AssignmentStatus,
    Certification,
    License,
    Profile,
    SkillRating,
)
from careerpath.sample import sample_traveler
from careerpath.store.repository import Store
from careerpath.tui.app import CareerpathApp, build_app

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes a snapshot depend on how long the machine took: keep it on."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def sample_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    store = Store(home)
    store.replace_all(sample_traveler(TODAY))
    store.close()
    return home


@pytest.fixture
def therapist_home(tmp_path: Path) -> Path:
    """An OT traveler in Florida with no target role: specialty SNF, a rating that grew from 2
    to 3 since March (competency sign-off), BLS lapsing during a booked SNF assignment."""
    home = tmp_path / "ot-home"
    with Store(home) as store:
        store.save_profile(
            Profile(name="Alex Chen", professions=["OT"], home_state="FL", specialty="SNF")
        )
        store.add(
            License(
                profession="OT",
                jurisdiction="FL",
                kind="single_state",
                issued=dt.date(2020, 3, 1),
                expires=dt.date(2027, 5, 31),
            )
        )
        store.add(Certification(name="BLS", issuer="AHA", expires=dt.date(2027, 1, 20)))
        adl = store.add(
            SkillRating(
                skill="ADL retraining (dressing, bathing, toileting)",
                level=2,
                assessed_on=dt.date(2026, 3, 10),
            )
        )
        store.update(
            adl.model_copy(
                update={
                    "level": 3,
                    "assessed_on": dt.date(2026, 10, 2),
                    "assessed_by": AssessedBy.COMPETENCY,
                }
            )
        )
        for name, level in (
            ("Medicare Part A/B documentation, PDPM and section GG", 1),
            ("Toilet and shower transfers", 3),
            ("Functional cognition and dementia care", 2),
            ("Wheelchair seating, positioning and pressure relief", 2),
        ):
            store.add(SkillRating(skill=name, level=level, assessed_on=dt.date(2026, 9, 1)))
        store.add(
            Assignment(
                jurisdiction="FL",
                facility="Bayside Rehab",
                specialty="SNF",
                start=dt.date(2027, 1, 4),
                end=dt.date(2027, 4, 3),
                status=AssignmentStatus.BOOKED,
            )
        )
    return home


def make_app(home: Path) -> CareerpathApp:
    return build_app(home, TODAY)
