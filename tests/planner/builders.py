"""Small record builders for planner tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from careerpath.records import (
    Answer,
    Assignment,
    CEActivity,
    Certification,
    License,
    Profile,
    Records,
)

TODAY = dt.date(2026, 11, 25)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def profile(home: str | None, *professions: str, nlc: str = "yes") -> Profile:
    from careerpath.reference.loader import load

    ids = [r.id for r in load().compacts["nlc"].rules.uniform_requirements]
    return Profile(
        name="Test",
        professions=list(professions),
        home_state=home,
        nlc_answers={i: Answer(nlc) for i in ids},
    )


def lic(id: int, profession: str, state: str, **kw: Any) -> License:
    kw.setdefault("expires", d("2028-01-31"))
    return License(id=id, profession=profession, jurisdiction=state, **kw)


def ce(id: int, when: str, hours: str, *topics: str, **kw: Any) -> CEActivity:
    return CEActivity(
        id=id, completed=d(when), title=f"CE {id}", amount=Decimal(hours), topics=list(topics), **kw
    )


def records(
    prof: Profile | None,
    *licenses: License,
    ce_activities: list[CEActivity] | None = None,
    certifications: list[Certification] | None = None,
    assignments: list[Assignment] | None = None,
) -> Records:
    return Records(
        profile=prof,
        licenses=list(licenses),
        ce_activities=ce_activities or [],
        certifications=certifications or [],
        assignments=assignments or [],
    )
