"""`careerpath upskill`: the ranked growth plan for one target role.

Skill gaps and missing or lapsing certifications are ranked together by one score (see
growth.priority), and each item says in words why it ranks there (growth.reasons). Each item
lists concrete steps with their time and cost; a step that fills a mandatory CE topic a license
is missing comes first, and a step that only may count toward one says to check that the course
is approved (growth.topic_claims). License steps for the states of stored assignments come from
the assignment planner, so the plan covers everything between the user and the role.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from careerpath.growth.assessment import STALE_MONTHS, SkillAssessment, SkillStatus, assess
from careerpath.growth.history import Trend
from careerpath.growth.priority import (
    FORMULA,
    RankKey,
    rank_key,
    score,
    shown,
    sort_key,
    tie_note,
)
from careerpath.growth.readiness import (
    NO_EXPIRY_RECORDED,
    Readiness,
    held_certification,
    readiness,
)
from careerpath.growth.reasons import certification_reason, skill_reason
from careerpath.growth.topic_claims import MissingTopics, TopicClaim
from careerpath.planner import credentials
from careerpath.planner.assignment import Verdict, plan_stored
from careerpath.planner.settings import PlannerSettings
from careerpath.records import AssignmentStatus, Certification, Expiry, Records
from careerpath.reference.loader import RulesData
from careerpath.reference.roles import (
    Cost,
    Frequency,
    Requirement,
    Role,
    RoleCertification,
    RoleSkill,
    StepType,
)


class ItemKind(StrEnum):
    SKILL = "skill"
    CERTIFICATION = "certification"


class PlanStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    """Stable id of the step, under which a tick is stored."""
    type: StepType
    title: str
    effort_hours: float | None
    cost: Cost | None
    contact_hours: float | None
    ce_topics: list[str]
    provider_hint: str | None = None
    counts_for: list[str] = Field(default_factory=list)
    """Where it also counts, in words: a missing mandatory topic, CE hours toward a renewal."""
    topic_claims: list[TopicClaim] = Field(default_factory=list)
    fills_missing_topic: bool = False
    """Settled: the rules data or the user's record says it fills a missing topic."""
    done_on: dt.date | None = None


class PlanItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    rank: int
    kind: ItemKind
    id: str
    name: str
    category: str
    reason: str
    score: Decimal
    importance: int
    gap: int
    frequency: Frequency | None
    interested: bool
    stale: bool = False
    tie_note: str | None = None
    source: str | None = None
    judgement: bool = False
    steps: list[PlanStep]

    @property
    def done(self) -> bool:
        return all(step.done_on is not None for step in self.steps)


class TopicCourse(BaseModel):
    """A role step about a mandatory topic one of the user's licenses is missing."""

    model_config = ConfigDict(frozen=True)

    topic: str
    label: str
    licenses: list[str]
    skill: str
    step: PlanStep
    settled: bool = False
    """True only when the rules data or the user's record settles that it fills the topic."""
    own_law_of: str | None = None
    """The topic is this jurisdiction's own law or program: only a course on it counts."""


class LicenseStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: str
    facility: str | None
    start: dt.date
    route: str | None
    apply_by: dt.date | None
    verdict: str


class HeldCertification(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    expires: Expiry


class GrowthPlan(BaseModel):
    model_config = ConfigDict(frozen=True)

    today: dt.date
    role_id: str
    role_title: str
    formula: str = FORMULA
    stale_months: int
    items: list[PlanItem]
    skills: list[SkillAssessment]
    """Every skill of the role, in the role file's order."""
    met: list[SkillAssessment]
    to_rate: list[SkillAssessment]
    certifications_held: list[HeldCertification]
    topic_courses: list[TopicCourse]
    license_steps: list[LicenseStep]
    trends: list[Trend] = Field(default_factory=list)
    """Skills of the role whose level moved over the past year."""
    readiness: list[Readiness] = Field(default_factory=list)
    """For each coming assignment that names this role: what is missing before it starts."""
    notes: list[str] = Field(default_factory=list)


def upskill(
    records: Records,
    role: Role,
    rules: RulesData,
    today: dt.date,
    *,
    settings: PlannerSettings | None = None,
    stale_months: int = STALE_MONTHS,
    done: dict[str, str] | None = None,
) -> GrowthPlan:
    """The ranked plan that takes this user from their ratings to `role`."""
    done = done or {}
    missing = MissingTopics(records, rules, today)
    assessments = assess(role, records.skills, today, stale_months)
    ranked: list[tuple[RankKey, PlanItem]] = []

    for row in assessments:
        if row.status is not SkillStatus.GAP or row.gap is None:
            continue
        skill = next(s for s in role.skills if s.id == row.skill_id)
        steps = _order(
            [_skill_step(role, skill, i, missing, done) for i in range(len(skill.steps))]
        )
        first = steps[0]
        value = score(
            importance=row.importance,
            gap=row.gap,
            frequency=row.frequency,
            interested=row.interested,
            effort_hours=first.effort_hours,
            cost=first.cost,
            double_duty=first.fills_missing_topic,
        )
        reason = skill_reason(
            role=role.title,
            importance=row.importance,
            expected=row.expected,
            rated=row.rated,
            effective=row.effective,
            frequency=row.frequency,
            stale=row.stale,
            last_performed=row.last_performed,
            interested=row.interested,
        )
        item = PlanItem(
            rank=0,
            kind=ItemKind.SKILL,
            id=skill.id,
            name=skill.name,
            category=skill.category,
            reason=reason,
            score=shown(value),
            importance=row.importance,
            gap=row.gap,
            frequency=row.frequency,
            interested=row.interested,
            stale=row.stale,
            source=skill.source,
            judgement=skill.judgement,
            steps=steps,
        )
        ranked.append((rank_key(value, row.importance, row.gap, row.frequency, skill.name), item))

    held: list[HeldCertification] = []
    next_end = _next_assignment_end(records, today)
    for cert in role.certifications:
        mine = held_certification(cert, credentials.current_certifications(records))
        why = _cert_reason(cert, mine, today, next_end)
        if why is None:
            assert mine is not None
            held.append(HeldCertification(id=cert.id, name=cert.name, expires=mine.expires))
            continue
        gap = 2 if cert.requirement is Requirement.REQUIRED else 1
        verb = "Renew" if mine is not None else "Earn"
        step = _step(
            f"{role.id}:cert:{cert.id}",
            StepType.CERTIFICATION,
            f"{verb} {cert.name} ({cert.body})",
            cert.effort_hours,
            cert.cost,
            cert.contact_hours,
            cert.ce_topics,
            cert.body,
            missing,
            done,
        )
        value = score(
            importance=cert.importance,
            gap=gap,
            frequency=None,
            interested=False,
            effort_hours=cert.effort_hours,
            cost=cert.cost,
            double_duty=step.fills_missing_topic,
        )
        item = PlanItem(
            rank=0,
            kind=ItemKind.CERTIFICATION,
            id=cert.id,
            name=cert.name,
            category="Certifications",
            reason=certification_reason(
                role=role.title, requirement=cert.requirement, importance=cert.importance, why=why
            ),
            score=shown(value),
            importance=cert.importance,
            gap=gap,
            frequency=None,
            interested=False,
            source=cert.source,
            judgement=cert.judgement,
            steps=[step],
        )
        ranked.append((rank_key(value, cert.importance, gap, None, cert.name), item))

    ranked.sort(key=lambda pair: sort_key(pair[0]))
    items: list[PlanItem] = []
    for index, (key, item) in enumerate(ranked):
        note = None
        if index:
            earlier_key, earlier = ranked[index - 1]
            note = tie_note(key, earlier_key, earlier.name)
        items.append(item.model_copy(update={"rank": index + 1, "tie_note": note}))

    steps_of = {
        item.id: [(s.key, s.effort_hours, s.done_on is not None) for s in item.steps]
        for item in items
    }
    return GrowthPlan(
        today=today,
        role_id=role.id,
        role_title=role.title,
        stale_months=stale_months,
        items=items,
        skills=assessments,
        met=[a for a in assessments if a.status is SkillStatus.MET],
        to_rate=[a for a in assessments if a.status is SkillStatus.UNRATED],
        certifications_held=held,
        topic_courses=_topic_courses(role, missing, done),
        license_steps=_license_steps(records, rules, today, settings),
        trends=[a.trend for a in assessments if a.trend is not None and a.trend.change],
        readiness=readiness(records, role, assessments, steps_of, today),
        notes=_notes(records, role),
    )


def _step(
    key: str,
    kind: StepType,
    title: str,
    effort: float | None,
    cost: Cost | None,
    contact: float | None,
    topics: list[str],
    provider: str | None,
    missing: MissingTopics,
    done: dict[str, str],
) -> PlanStep:
    claims = missing.claims(title, topics, provider)
    counts = [claim.text for claim in claims]
    if contact:
        counts.append(f"about {contact:g} contact hours of CE (check your board accepts it)")
    ticked = done.get(key)
    return PlanStep(
        key=key,
        type=kind,
        title=title,
        effort_hours=effort,
        cost=cost,
        contact_hours=contact,
        ce_topics=list(topics),
        provider_hint=provider,
        counts_for=counts,
        topic_claims=claims,
        fills_missing_topic=any(claim.settled for claim in claims),
        done_on=dt.date.fromisoformat(ticked) if ticked else None,
    )


def _skill_step(
    role: Role, skill: RoleSkill, index: int, missing: MissingTopics, done: dict[str, str]
) -> PlanStep:
    """The role file's step `index` of `skill`, keyed `role:skill:index` for its tick."""
    s = skill.steps[index]
    return _step(
        f"{role.id}:{skill.id}:{index}",
        s.type,
        s.title,
        s.effort_hours,
        s.cost,
        s.contact_hours,
        s.ce_topics,
        s.provider_hint,
        missing,
        done,
    )


def _order(steps: list[PlanStep]) -> list[PlanStep]:
    """Steps that fill a missing topic first, then those that may count toward one, then the
    least effort; ticked steps last."""
    return sorted(
        steps,
        key=lambda s: (
            s.done_on is not None,
            not s.fills_missing_topic,
            not s.topic_claims,
            s.effort_hours or 0,
        ),
    )


def _next_assignment_end(records: Records, today: dt.date) -> tuple[str, dt.date] | None:
    upcoming = [
        a
        for a in records.assignments
        if a.status is not AssignmentStatus.DONE and (a.end or a.start) >= today
    ]
    if not upcoming:
        return None
    first = min(upcoming, key=lambda a: a.start)
    return first.jurisdiction, first.end or first.start


def _cert_reason(
    cert: RoleCertification,
    mine: Certification | None,
    today: dt.date,
    next_end: tuple[str, dt.date] | None,
) -> str | None:
    """Why the certification is in the plan; None when the user holds it and it lasts."""
    if mine is None:
        return "you hold none"
    if mine.never_expires:
        return None
    if mine.expiry is None:
        return NO_EXPIRY_RECORDED.format(id=mine.id)
    if mine.expiry < today:
        return f"expired {mine.expiry}"
    if next_end is not None and mine.expiry < next_end[1]:
        state, end = next_end
        return f"expires {mine.expiry}, before your {state} assignment ends {end}"
    return None


def _topic_courses(role: Role, missing: MissingTopics, done: dict[str, str]) -> list[TopicCourse]:
    courses: list[TopicCourse] = []
    for skill in role.skills:
        for index, source in enumerate(skill.steps):
            if not set(source.ce_topics) & missing.topics:
                continue
            step = _skill_step(role, skill, index, missing, done)
            for claim in step.topic_claims:
                courses.append(
                    TopicCourse(
                        topic=claim.topic,
                        label=claim.label,
                        licenses=claim.licenses,
                        skill=skill.name,
                        step=step,
                        settled=claim.settled,
                        own_law_of=claim.own_law_of,
                    )
                )
    courses.sort(key=lambda c: (not c.settled, c.topic, c.step.effort_hours or 0))
    return courses


def _license_steps(
    records: Records, rules: RulesData, today: dt.date, settings: PlannerSettings | None
) -> list[LicenseStep]:
    steps: list[LicenseStep] = []
    if not credentials.professions_of(records):
        return steps  # no profession: nothing to plan a license for
    for plan in plan_stored(records, rules, today, settings):
        if plan.verdict is Verdict.COVERED:
            continue
        best = next((r for r in plan.routes if r.kind == plan.best_route), None)
        steps.append(
            LicenseStep(
                state=plan.state,
                facility=plan.facility,
                start=plan.start,
                route=best.title if best else None,
                apply_by=plan.apply_by,
                verdict=plan.verdict.label,
            )
        )
    return steps


def _notes(records: Records, role: Role) -> list[str]:
    notes = []
    mine = credentials.professions_of(records)
    if mine and not set(mine) & set(role.professions):
        notes.append(
            f"{role.title} is a role for {', '.join(role.professions)}; "
            f"your profile lists {', '.join(mine)}"
        )
    if any(s.judgement for s in role.skills):
        notes.append(
            "expected levels and weights marked 'judgement' are this project's own, not a "
            "facility's: ask the unit for its checklist"
        )
    return notes
