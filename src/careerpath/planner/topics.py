"""The CE topic vocabulary (`careerpath topics`) and warnings for tags that count nowhere.

A tag fills a board's mandatory topic only when it is that topic's id (for a jurisdiction's own
topic, the id with the jurisdiction in front). Users type tags freely, so every place that
takes tags says which of them fill no requirement of the licenses the user holds.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from careerpath import topic_vocabulary
from careerpath.planner.ce_status import renews_with_ce, state_rules_for, topic_id
from careerpath.records import Records
from careerpath.reference.loader import RulesData


class Requirement(BaseModel):
    model_config = ConfigDict(frozen=True)

    profession: str
    state: str
    label: str
    hours: float | None
    frequency: str | None
    source: str | None


class TopicEntry(BaseModel):
    """One tag and every board requirement it fills."""

    model_config = ConfigDict(frozen=True)

    tag: str
    """What to tag an activity with (`fl-laws-and-rules`)."""
    topic: str
    """The topic's id without a jurisdiction (`laws-and-rules`)."""
    jurisdiction_specific: bool
    synonyms: list[str] = Field(default_factory=list)
    required_by: list[Requirement] = Field(default_factory=list)


class TopicCatalogue(BaseModel):
    model_config = ConfigDict(frozen=True)

    topics: list[TopicEntry]


def catalogue(
    rules: RulesData, *, state: str | None = None, profession: str | None = None
) -> TopicCatalogue:
    """Every mandatory-topic tag in the rules data, optionally for one state or profession."""
    files = sorted({profession} if profession else rules.states)
    entries: dict[str, TopicEntry] = {}
    for name in files:
        file = rules.state_rules(name)
        if file is None:
            continue
        for entry in file.jurisdictions:
            if state is not None and entry.code != state:
                continue
            for topic in entry.ce.mandatory_topics:
                tag = topic_id(topic, entry.code)
                found = entries.get(tag) or TopicEntry(
                    tag=tag,
                    topic=topic.topic,
                    jurisdiction_specific=bool(topic.jurisdiction_specific),
                    synonyms=synonyms_of(topic.topic),
                )
                found.required_by.append(
                    Requirement(
                        profession=file.profession,
                        state=entry.code,
                        label=topic.label,
                        hours=topic.hours,
                        frequency=topic.frequency.value if topic.frequency else None,
                        source=entry.ce.source,
                    )
                )
                entries[tag] = found
    return TopicCatalogue(topics=[entries[k] for k in sorted(entries)])


def synonyms_of(topic: str) -> list[str]:
    return sorted(word for word, target in topic_vocabulary.SYNONYMS.items() if target == topic)


def tag_warnings(tags: list[str], records: Records, rules: RulesData) -> list[str]:
    """One sentence per tag that fills no mandatory topic of a license the user renews."""
    held: dict[str, list[str]] = {}
    specific: set[str] = set()
    for lic in records.licenses:
        if not renews_with_ce(lic):
            continue
        state = state_rules_for(lic, rules)
        if state is None:
            continue
        for topic in state.ce.mandatory_topics:
            held.setdefault(topic_id(topic, lic.jurisdiction), []).append(lic.jurisdiction)
            if topic.jurisdiction_specific:
                specific.add(topic.topic)
    if not held:
        return []
    warnings = []
    elsewhere = []
    for tag in dict.fromkeys(tags):
        if tag in held:
            continue
        if tag in specific:
            examples = sorted(k for k in held if topic_vocabulary.split(k)[1] == tag)
            warnings.append(
                f"topic {tag} is each state's own: tag the state's course as "
                f"{' or '.join(examples)} to fill it (careerpath topics)"
            )
        else:
            elsewhere.append(tag)
    if elsewhere:
        warnings.append(
            f"topic{'s' if len(elsewhere) > 1 else ''} {', '.join(elsewhere)} fill"
            f"{'' if len(elsewhere) > 1 else 's'} no mandatory topic of your licenses (the hours "
            "still count toward totals); careerpath topics lists the tags that do"
        )
    return warnings
