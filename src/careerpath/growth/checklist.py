"""The user's ratings laid out as the specialty skills checklist agencies ask for.

Filled once, reused for every agency: sections in the role file's order, each skill with the
user's latest 1-4 level, the day it was rated and how (self, checklist, competency sign-off,
certification), and when it was last performed; then the certifications the role lists with
what the user holds.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from careerpath.growth.assessment import rating_for
from careerpath.growth.history import ASSESSED_WORDS
from careerpath.planner import credentials
from careerpath.records import SKILL_LEVELS, Expiry, Records
from careerpath.reference.roles import Role, same_name


class ChecklistRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    category: str
    skill: str
    kind: str
    level: int | None
    level_label: str
    last_performed: dt.date | None
    expected: int
    rated_on: dt.date | None = None
    """When the level was assessed; None for a rating saved before dates were kept."""
    assessed_by: str | None = None
    """How: "self-assessed", "skills checklist", "competency sign-off", "certification"."""

    @property
    def rated_text(self) -> str:
        if self.level is None:
            return ""
        day = self.rated_on.isoformat() if self.rated_on else "date not recorded"
        return f"{day} ({self.assessed_by})"


class ChecklistCertification(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    requirement: str
    held: bool
    expires: Expiry


class Checklist(BaseModel):
    model_config = ConfigDict(frozen=True)

    role_id: str
    role_title: str
    name: str | None
    professions: list[str]
    today: dt.date
    rows: list[ChecklistRow]
    certifications: list[ChecklistCertification]

    @property
    def rated(self) -> int:
        return sum(1 for row in self.rows if row.level is not None)


def checklist(records: Records, role: Role, today: dt.date) -> Checklist:
    order: dict[str, int] = {}
    for skill in role.skills:
        order.setdefault(skill.category, len(order))
    rows = []
    for skill in sorted(role.skills, key=lambda s: order[s.category]):
        rating = rating_for(skill, records.skills)
        rows.append(
            ChecklistRow(
                category=skill.category,
                skill=skill.name,
                kind=skill.kind.value,
                level=rating.level if rating else None,
                level_label=SKILL_LEVELS[rating.level] if rating else "not rated",
                last_performed=rating.last_performed if rating else None,
                expected=skill.expected_level,
                rated_on=rating.assessed_on if rating else None,
                assessed_by=ASSESSED_WORDS[rating.assessed_by] if rating else None,
            )
        )
    mine = credentials.current_certifications(records)
    certs = []
    for cert in role.certifications:
        names = [cert.id, cert.name, *cert.aliases]
        held = [c for c in mine if any(same_name(c.name, n) for n in names)]
        best = max(held, key=lambda c: c.lasts_until, default=None)
        certs.append(
            ChecklistCertification(
                name=cert.name,
                requirement=cert.requirement.value,
                held=best is not None,
                expires=best.expires if best else None,
            )
        )
    profile = records.profile
    return Checklist(
        role_id=role.id,
        role_title=role.title,
        name=profile.name if profile else None,
        professions=[str(p) for p in profile.professions] if profile else [],
        today=today,
        rows=rows,
        certifications=certs,
    )
