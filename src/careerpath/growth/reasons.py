"""Why an item of the growth plan ranks where it does, in words a traveler reads.

The score (growth.priority) orders the plan and stays in the JSON output; the text says what
the score is made of: how much the role needs the skill, how far the user is from it, how
often it is used, their interest, and what the first step costs in time and money.
"""

from __future__ import annotations

import datetime as dt

from careerpath.reference.roles import Cost, Frequency, Requirement

IMPORTANCE_WORDS = {
    5: "essential for {role}",
    4: "expected of every traveler in {role}",
    3: "commonly asked for in {role}",
    2: "a differentiator in {role}",
    1: "nice to have in {role}",
}
FREQUENCY_WORDS = {
    Frequency.EVERY_SHIFT: "used every shift",
    Frequency.WEEKLY: "used weekly",
    Frequency.MONTHLY: "used monthly",
    Frequency.RARELY: "used rarely, but it matters when it comes up",
}
COST_WORDS = {
    Cost.FREE: "free",
    Cost.LOW: "low cost (under about $100)",
    Cost.MEDIUM: "medium cost (about $100-500)",
    Cost.HIGH: "high cost (over about $500)",
}


def role_words(title: str) -> str:
    """'the ICU RN role'; a title that already ends in 'role' is not doubled."""
    return f"the {title}" if title.lower().endswith("role") else f"the {title} role"


def effort_and_cost(hours: float | None, cost: Cost | None) -> str:
    """'2 h, free'; 'time unknown, cost unknown' when the role file does not say."""
    time = f"about {hours:g} h" if hours else "time unknown"
    return f"{time}, {COST_WORDS[cost] if cost else 'cost unknown'}"


def skill_reason(
    *,
    role: str,
    importance: int,
    expected: int,
    rated: int | None,
    effective: int | None,
    frequency: Frequency,
    stale: bool,
    last_performed: dt.date | None,
    interested: bool,
) -> str:
    """'essential for the ICU role, you rated 1 of 4 and it expects 3, used every shift'."""
    parts = [IMPORTANCE_WORDS[importance].format(role=role_words(role))]
    if stale and last_performed is not None and effective is not None:
        parts.append(
            f"you rated {rated} of 4 but last performed it {last_performed:%B %Y}, so it counts"
            f" as {effective}; it expects {expected}"
        )
    else:
        parts.append(f"you rated {rated} of 4 and it expects {expected}")
    parts.append(FREQUENCY_WORDS[frequency])
    if interested:
        parts.append("you want to grow it")
    return ", ".join(parts)


def certification_reason(*, role: str, requirement: Requirement, importance: int, why: str) -> str:
    """'required for the ICU role, you hold none'."""
    named = role_words(role)
    need = (
        f"required for {named}"
        if requirement is Requirement.REQUIRED
        else f"preferred for {named}, {IMPORTANCE_WORDS[importance].format(role='it')}"
    )
    return f"{need}, {why}"
