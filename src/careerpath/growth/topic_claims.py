"""Whether a plan step fills a mandatory CE topic one of the user's licenses is missing.

A course on a subject is not the course a board accepts for its mandatory topic: Florida's
laws-and-rules and medical-errors courses, for instance, must come from approved providers. So
a step *fills* a topic only when that is settled:

- the rules data names the providers (or courses) that qualify and the step comes from one of
  them; or
- the user's own record marks a completed activity of that title as meeting the topic (tagged
  with the topic's tag: `fl-laws-and-rules` for a jurisdiction's own law, see planner.topics).

Anything else *may count toward* the topic, and the plan says to check that the course is
approved for it; for a topic that is one jurisdiction's own law or program it adds that the
course counts only if it covers that jurisdiction's. Only a settled claim raises a step's
priority.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from careerpath.planner.ce_status import TopicState, ce_status, state_rules_for, topic_id
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
    own_law_of: str | None = None
    """The jurisdiction whose own law or program the topic is (a course counts only if it is
    about that jurisdiction's, e.g. Florida's laws and rules); None for a general topic."""

    @property
    def text(self) -> str:
        where = ", ".join(self.licenses)
        if self.settled:
            return f"fills the missing mandatory topic {self.label} for {where} ({self.basis})"
        only = (
            f" only if it covers {self.own_law_of}'s own law or program" if self.own_law_of else ""
        )
        return (
            f"may count toward {self.label} for {where}{only}"
            " - check that the course is approved for it"
        )


class _Gap(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str
    label: str
    license: str
    approved: list[str]
    tag: str
    """The activity tag that fills it (`fl-laws-and-rules` for a jurisdiction's own topic)."""
    own_law_of: str | None


class MissingTopics:
    """The unconditional mandatory topics each license still misses, with what qualifies."""

    def __init__(self, records: Records, rules: RulesData, today: dt.date) -> None:
        by_id = {lic.id: lic for lic in records.licenses}
        self._gaps: list[_Gap] = []
        self._activities = records.ce_activities
        for row in ce_status(records, rules, today).licenses:
            lic = by_id.get(row.license_id) if row.license_id is not None else None
            state = state_rules_for(lic, rules) if lic is not None else None
            rules_here = state.ce.mandatory_topics if state and state.ce else []
            by_tag = {topic_id(t, row.state): t for t in rules_here}
            for topic in row.topics:
                if topic.state is TopicState.MISSING and topic.due_now and not topic.condition:
                    # The status names a jurisdiction's own topic by its tag (fl-laws-and-rules);
                    # role steps name the subject (laws-and-rules).
                    rule = by_tag.get(topic.topic)
                    own = bool(rule and rule.jurisdiction_specific)
                    self._gaps.append(
                        _Gap(
                            topic=rule.topic if rule else topic.topic,
                            label=topic.label,
                            license=row.license,
                            approved=list(rule.approved_providers) if rule else [],
                            tag=topic.topic,
                            own_law_of=row.state if own else None,
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
            keys = [(self._basis(g, title, provider), g.own_law_of) for g in gaps]
            for key in dict.fromkeys(keys):
                group = [g for g, k in zip(gaps, keys, strict=True) if k == key]
                basis, own = key
                out.append(
                    TopicClaim(
                        topic=topic,
                        label=group[0].label,
                        licenses=[g.license for g in group],
                        settled=basis is not None,
                        basis=basis,
                        own_law_of=own,
                    )
                )
        return out

    def _basis(self, gap: _Gap, title: str, provider: str | None) -> str | None:
        if provider and any(same_name(provider, p) for p in gap.approved):
            return f"{provider} is a provider the board approves for it"
        for act in self._activities:
            if same_name(act.title, title) and gap.tag in act.topics:
                return f"your record of {act.completed} marks this course as meeting it"
        return None
