"""Rating a role's skill from the app: update the user's matching rating, or start one."""

from __future__ import annotations

import datetime as dt

from careerpath.growth.assessment import rating_for
from careerpath.records import AssessedBy, SkillRating
from careerpath.records import SkillKind as RecordSkillKind
from careerpath.reference.roles import Role


def rate(
    role: Role, skill_id: str, level: int, ratings: list[SkillRating], today: dt.date
) -> SkillRating:
    """The record to save: the existing rating with the new level, or a new one named as the
    role names the skill (so every role that lists it finds it); a self-assessment dated
    `today`, so the store adds it to the rating's history."""
    skill = next(s for s in role.skills if s.id == skill_id)
    current = rating_for(skill, ratings)
    if current is not None:
        if current.level == level:
            return current
        return current.model_copy(
            update={"level": level, "assessed_on": today, "assessed_by": AssessedBy.SELF}
        )
    return SkillRating(
        skill=skill.name,
        kind=RecordSkillKind(skill.kind.value),
        level=level,
        assessed_on=today,
    )


def toggle_interest(role: Role, skill_id: str, ratings: list[SkillRating]) -> SkillRating | None:
    """The rating with its interest flag flipped; None when the skill is not rated yet."""
    skill = next(s for s in role.skills if s.id == skill_id)
    current = rating_for(skill, ratings)
    if current is None:
        return None
    return current.model_copy(update={"interested": not current.interested})
