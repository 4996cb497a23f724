"""Whether a plan step fills a mandatory CE topic one of the user's licenses is missing.

A course on a subject is not the course a board accepts for its mandatory topic: Florida's
laws-and-rules and medical-errors courses, for instance, must come from approved providers. So
a step *fills* a topic only when that is settled:

- the rules data names the providers (or courses) that qualify and the step comes from one of
  them; or
- the user's own record marks a completed activity of that title as meeting the topic.

Anything else *may count toward* the topic, and the plan says to check that the course is
approved for it. Only a settled claim raises a step's priority.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from careerpath.planner.ce_status import TopicState, ce_status, state_rules_for
from careerpath.records import Records
from careerpath.reference.loader import RulesData
from careerpath.reference.roles import same_name


class TopicClaim(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str
    label: str
    licenses: list[str]
    settled: bool
    basis: str | None = None
    """Why a settled claim is settled: the approved provider, or the user's record."""

    @property
    def text(self) -> str:
        where = ", ".join(self.licenses)
        if self.settled:
            return f"fills the missing mandatory topic {self.label} for {where} ({self.basis})"
        return (
            f"may count toward {self.label} for {where} - check that the course is approved for it"
        )


class _Gap(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str
    label: str
    license: str
    approved: list[str]


class MissingTopics:
    """The unconditional mandatory topics each license still misses, with what qualifies."""

    def __init__(self, records: Records, rules: RulesData, today: dt.date) -> None:
        by_id = {lic.id: lic for lic in records.licenses}
        self._gaps: list[_Gap] = []
        self._activities = records.ce_activities
        for row in ce_status(records, rules, today).licenses:
            lic = by_id.get(row.license_id) if row.license_id is not None else None
            state = state_rules_for(lic, rules) if lic is not None else None
            topics = state.ce.mandatory_topics if state and state.ce else []
            approved = {t.topic: list(t.approved_providers) for t in topics}
            for topic in row.topics:
                if topic.state is TopicState.MISSING and topic.due_now and not topic.condition:
                    self._gaps.append(
                        _Gap(
                            topic=topic.topic,
                            label=topic.label,
                            license=row.license,
                            approved=approved.get(topic.topic, []),
                        )
                    )

    @property
    def topics(self) -> set[str]:
        return {g.topic for g in self._gaps}

    def claims(self, title: str, topics: Sequence[str], provider: str | None) -> list[TopicClaim]:
        """What a step with this title, topics and provider can say about each missing topic."""
        out: list[TopicClaim] = []
        for topic in dict.fromkeys(topics):
            gaps = [g for g in self._gaps if g.topic == topic]
            if not gaps:
                continue
            settled_by = [self._basis(g, title, provider) for g in gaps]
            for basis in dict.fromkeys(settled_by):
                group = [g for g, b in zip(gaps, settled_by, strict=True) if b == basis]
                out.append(
                    TopicClaim(
                        topic=topic,
                        label=group[0].label,
                        licenses=[g.license for g in group],
                        settled=basis is not None,
                        basis=basis,
                    )
                )
        return out

    def _basis(self, gap: _Gap, title: str, provider: str | None) -> str | None:
        if provider and any(same_name(provider, p) for p in gap.approved):
            return f"{provider} is a provider the board approves for it"
        for act in self._activities:
            if same_name(act.title, title) and gap.topic in act.topics:
                return f"your record of {act.completed} marks this course as meeting it"
        return None
