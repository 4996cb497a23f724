"""Required versus rated: one row per skill the role expects.

A rating older than the stale threshold counts one level lower (a skill not performed for a
year needs a refresher before a charge nurse will trust it); a rating with no date is taken at
face value. A skill the user has not rated is flagged for self-assessment, not guessed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict

from careerpath.growth.history import Trend, trend
from careerpath.records import SKILL_LEVELS, AssessedBy, SkillRating
from careerpath.reference.roles import Frequency, Role, RoleSkill, SkillKind, same_name

STALE_MONTHS = 12
"""Default: a skill not performed for this many months counts one level lower."""


class SkillStatus(StrEnum):
    MET = "met"
    GAP = "gap"
    UNRATED = "unrated"


class SkillAssessment(BaseModel):
    model_config = ConfigDict(frozen=True)

    skill_id: str
    name: str
    kind: SkillKind
    category: str
    expected: int
    rated: int | None
    """The user's own 1-4 rating, as stored."""
    effective: int | None
    """The rating after the stale discount."""
    gap: int | None
    stale: bool
    last_performed: dt.date | None
    interested: bool
    importance: int
    frequency: Frequency
    status: SkillStatus
    rating_id: int | None
    source: str | None
    judgement: bool
    assessed_on: dt.date | None = None
    """When the current level was assessed (None: a rating saved before dates were kept)."""
    assessed_by: AssessedBy = AssessedBy.SELF
    trend: Trend | None = None

    @property
    def level_label(self) -> str:
        return SKILL_LEVELS[self.rated] if self.rated else "not rated"


def rating_for(skill: RoleSkill, ratings: list[SkillRating]) -> SkillRating | None:
    """The user's rating of this skill, matched by id, name or alias (the latest assessed if
    several, then the latest performed)."""
    names = [skill.id, skill.name, *skill.aliases]
    found = [r for r in ratings if any(same_name(r.skill, n) for n in names)]
    if not found:
        return None
    return max(
        found,
        key=lambda r: (r.assessed_on or dt.date.min, r.last_performed or dt.date.min, r.id or 0),
    )


def months_since(day: dt.date, today: dt.date) -> int:
    delta = relativedelta(today, day)
    return max(0, delta.years * 12 + delta.months)


def assess_skill(
    skill: RoleSkill, rating: SkillRating | None, today: dt.date, stale_months: int = STALE_MONTHS
) -> SkillAssessment:
    rated = rating.level if rating else None
    stale = bool(
        rating
        and rating.last_performed
        and months_since(rating.last_performed, today) >= stale_months
    )
    effective = None if rated is None else max(1, rated - 1) if stale else rated
    gap = None if effective is None else max(0, skill.expected_level - effective)
    status = SkillStatus.UNRATED if gap is None else SkillStatus.GAP if gap > 0 else SkillStatus.MET
    return SkillAssessment(
        skill_id=skill.id,
        name=skill.name,
        kind=skill.kind,
        category=skill.category,
        expected=skill.expected_level,
        rated=rated,
        effective=effective,
        gap=gap,
        stale=stale,
        last_performed=rating.last_performed if rating else None,
        interested=bool(rating and rating.interested),
        importance=skill.importance,
        frequency=skill.frequency,
        status=status,
        rating_id=rating.id if rating else None,
        source=skill.source,
        judgement=skill.judgement,
        assessed_on=rating.assessed_on if rating else None,
        assessed_by=rating.assessed_by if rating else AssessedBy.SELF,
        trend=trend(rating, skill.name, today) if rating else None,
    )


def assess(
    role: Role, ratings: list[SkillRating], today: dt.date, stale_months: int = STALE_MONTHS
) -> list[SkillAssessment]:
    """Every skill of the role, in the role file's order."""
    return [
        assess_skill(skill, rating_for(skill, ratings), today, stale_months)
        for skill in role.skills
    ]
