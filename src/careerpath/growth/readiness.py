"""Ready for the next assignment? What the assignment's role requires that is missing or stale
before its start date, with the plan's steps that close each gap and the time they take.

An assignment names its unit or role in `specialty` ("ICU", "acute", "SNF"); it is matched to
the plan's role when the role's id, title or an alias says so and the role is for the
assignment's profession. Required certifications count when missing, expired or expiring
before the start (stale when they lapse during the assignment); skills count when the role
rates them 4-5 (expected of every traveler, or essential) and the user is below the expected
level (a stale rating counts one lower); core skills not rated are listed to rate, not guessed.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from careerpath.growth.assessment import SkillAssessment, SkillStatus
from careerpath.planner import credentials
from careerpath.records import Assignment, AssignmentStatus, Certification, Records
from careerpath.reference.roles import Requirement, Role, RoleCertification, same_name

NO_EXPIRY_RECORDED = (
    "its expiry date is not recorded, so it may have lapsed: add it "
    "(careerpath cert edit {id} --expires YYYY-MM-DD, or never)"
)
"""Held, but whether it lasts is unknown: not counted as ready."""

CORE_IMPORTANCE = 4
"""Skills at or above this importance are what every traveler in the role is expected to have."""


class ReadinessGap(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str
    """"certification" or "skill"."""
    id: str
    name: str
    problem: str
    """In words: "you hold none", "expires 2027-01-10, before the start", "rated 2, needs 3"."""
    stale: bool = False
    """Held, but it lapses during the assignment or the rating is old."""
    step_keys: list[str] = Field(default_factory=list)
    """The plan's steps for this gap, best first (their text is in the plan's items)."""
    hours: float | None = None
    """Time of the first open step, when the role file gives it."""


class Readiness(BaseModel):
    model_config = ConfigDict(frozen=True)

    assignment_id: int | None
    label: str
    start: dt.date
    end: dt.date | None
    days_left: int
    gaps: list[ReadinessGap]
    to_rate: list[str] = Field(default_factory=list)
    """Core skills of the role the user has not rated: unknown, not counted as gaps."""

    @property
    def ready(self) -> bool:
        """Nothing missing; only true once every core skill is rated too."""
        return not self.gaps and not self.to_rate

    @property
    def hours(self) -> float:
        return sum(g.hours or 0 for g in self.gaps)

    @property
    def summary(self) -> str:
        head = f"{self.label} starts {self.start} (in {self.days_left} days)"
        rate = f"; rate {len(self.to_rate)} core skill(s) to be sure" if self.to_rate else ""
        if not self.gaps:
            found = "nothing this role requires is missing" + (
                " among what you have rated" if self.to_rate else ""
            )
            return f"{head}: {found}{rate}"
        unknown = any(g.hours is None for g in self.gaps)
        time = f"about {self.hours:g} h of steps" + (
            " plus steps of unknown length" if unknown else ""
        )
        return f"{head}: {len(self.gaps)} gap(s) to close first, {time}{rate}"


def assignments_for(records: Records, role: Role, today: dt.date) -> list[Assignment]:
    """Coming assignments (not done, not yet started) whose specialty names `role`."""
    mine = credentials.professions_of(records)
    found = []
    for a in records.assignments:
        if a.status is AssignmentStatus.DONE or a.start < today or not a.specialty:
            continue
        professions = [str(a.profession)] if a.profession else mine
        if professions and not set(professions) & set(role.professions):
            continue
        if role.matches(a.specialty):
            found.append(a)
    return sorted(found, key=lambda a: a.start)


def readiness(
    records: Records,
    role: Role,
    assessments: list[SkillAssessment],
    steps_of: dict[str, list[tuple[str, float | None, bool]]],
    today: dt.date,
) -> list[Readiness]:
    """Each coming assignment for `role`: its gaps, with the plan's open steps for each.

    `steps_of` maps a plan item id to its steps as (key, effort hours, done).
    """
    held = credentials.current_certifications(records)
    out = []
    for a in assignments_for(records, role, today):
        gaps = [
            gap
            for cert in role.certifications
            if cert.requirement is Requirement.REQUIRED
            for gap in [_cert_gap(cert, held_certification(cert, held), a, steps_of)]
            if gap is not None
        ]
        core = [row for row in assessments if row.importance >= CORE_IMPORTANCE]
        gaps += [_skill_gap(row, steps_of) for row in core if row.status is SkillStatus.GAP]
        where = a.facility or a.city or a.jurisdiction
        out.append(
            Readiness(
                assignment_id=a.id,
                label=f"{a.specialty} at {where} ({a.jurisdiction})",
                start=a.start,
                end=a.end,
                days_left=(a.start - today).days,
                gaps=gaps,
                to_rate=[row.name for row in core if row.status is SkillStatus.UNRATED],
            )
        )
    return out


def held_certification(cert: RoleCertification, mine: list[Certification]) -> Certification | None:
    """The user's card for a role's certification: the one that lasts longest."""
    names = [cert.id, cert.name, *cert.aliases]
    found = [c for c in mine if any(same_name(c.name, n) for n in names)]
    return max(found, key=lambda c: c.lasts_until, default=None)


def _open(
    item_id: str, steps_of: dict[str, list[tuple[str, float | None, bool]]]
) -> tuple[list[str], float | None]:
    steps = [(key, hours) for key, hours, done in steps_of.get(item_id, []) if not done]
    return [key for key, _ in steps], steps[0][1] if steps else None


def _cert_gap(
    cert: RoleCertification,
    mine: Certification | None,
    a: Assignment,
    steps_of: dict[str, list[tuple[str, float | None, bool]]],
) -> ReadinessGap | None:
    if mine is None:
        problem, stale = "you hold none", False
    elif mine.never_expires:
        return None
    elif mine.expiry is None:
        problem, stale = NO_EXPIRY_RECORDED.format(id=mine.id), False
    elif mine.expiry < a.start:
        problem, stale = f"expires {mine.expiry}, before the start", True
    elif a.end is not None and mine.expiry < a.end:
        problem, stale = f"expires {mine.expiry}, during the assignment", True
    else:
        return None
    keys, hours = _open(cert.id, steps_of)
    return ReadinessGap(
        kind="certification",
        id=cert.id,
        name=cert.name,
        problem=problem,
        stale=stale,
        step_keys=keys,
        hours=hours if keys else cert.effort_hours,
    )


def _skill_gap(
    row: SkillAssessment, steps_of: dict[str, list[tuple[str, float | None, bool]]]
) -> ReadinessGap:
    if row.stale and row.last_performed:
        problem = (
            f"rated {row.rated} but last performed {row.last_performed}, so it counts as "
            f"{row.effective}; the role expects {row.expected}"
        )
    else:
        problem = f"rated {row.rated}; the role expects {row.expected}"
    keys, hours = _open(row.skill_id, steps_of)
    return ReadinessGap(
        kind="skill",
        id=row.skill_id,
        name=row.name,
        problem=problem,
        stale=row.stale,
        step_keys=keys,
        hours=hours,
    )
