"""The priority score: which gap to close first, computed so a person can check it by hand.

    score = importance x gap x frequency x interest x ease x double_duty

- importance: the role file's weight, 1-5 (5: the role cannot be done without it);
- gap: expected level minus the (stale-discounted) rating, 1-3; for a certification, 2 when
  the role requires it and 1 when it prefers it;
- frequency: every shift 1, weekly 0.75, monthly 0.5, rarely 0.25 (a certification: 1, since
  every application is checked for it);
- interest: 1.5 when the user flagged the skill as one they want to grow, else 1;
- ease, from the first step's effort and cost: up to 8 hours 1, up to 40 hours 0.9, more 0.8;
  times 1 for free or low cost (or unknown), 0.95 medium, 0.9 high. Cost and time temper the
  order but do not overturn impact: a long certification the role values still outranks a
  quick one it values less;
- double_duty: 1.25 when that step also fills a mandatory CE topic a license is missing.

Ties are broken by importance, then gap, then frequency, then name, and the plan says which,
in words (the score itself is in the JSON output, not in the text).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import NamedTuple

from careerpath.reference.roles import Cost, Frequency

FREQUENCY_WEIGHT = {
    Frequency.EVERY_SHIFT: Fraction(1),
    Frequency.WEEKLY: Fraction(3, 4),
    Frequency.MONTHLY: Fraction(1, 2),
    Frequency.RARELY: Fraction(1, 4),
}
INTEREST_WEIGHT = Fraction(3, 2)
DOUBLE_DUTY_WEIGHT = Fraction(5, 4)
COST_WEIGHT = {
    Cost.FREE: Fraction(1),
    Cost.LOW: Fraction(1),
    Cost.MEDIUM: Fraction(19, 20),
    Cost.HIGH: Fraction(9, 10),
}
FREQUENCY_ORDER = list(FREQUENCY_WEIGHT)

FORMULA = "importance x gap x frequency x interest x ease x double-duty"


def ease(effort_hours: float | None, cost: Cost | None) -> Fraction:
    if effort_hours is None or effort_hours <= 8:
        by_effort = Fraction(1)
    elif effort_hours <= 40:
        by_effort = Fraction(9, 10)
    else:
        by_effort = Fraction(4, 5)
    return by_effort * (COST_WEIGHT[cost] if cost else Fraction(1))


def score(
    *,
    importance: int,
    gap: int,
    frequency: Frequency | None,
    interested: bool,
    effort_hours: float | None,
    cost: Cost | None,
    double_duty: bool,
) -> Fraction:
    weight = FREQUENCY_WEIGHT[frequency] if frequency else Fraction(1)
    return (
        importance
        * gap
        * weight
        * (INTEREST_WEIGHT if interested else 1)
        * ease(effort_hours, cost)
        * (DOUBLE_DUTY_WEIGHT if double_duty else 1)
    )


def shown(value: Fraction) -> Decimal:
    """Two decimals, half up: what the user sees and the hand-computed tests compare."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class RankKey(NamedTuple):
    score: Fraction
    importance: int
    gap: int
    frequency: int
    """Higher = more often (every shift = 3, rarely = 0)."""
    name: str


def rank_key(
    score_value: Fraction, importance: int, gap: int, frequency: Frequency | None, name: str
) -> RankKey:
    often = 3 - FREQUENCY_ORDER.index(frequency) if frequency else 3
    return RankKey(score_value, importance, gap, often, name.casefold())


def sort_key(key: RankKey) -> tuple[Fraction, int, int, int, str]:
    """Best first: higher score, importance, gap, frequency; then alphabetical."""
    return (-key.score, -key.importance, -key.gap, -key.frequency, key.name)


TIE_WORDS = {
    "importance": "it matters more to the role",
    "gap": "your gap there is wider",
    "frequency of use": "it is used more often",
}


def tie_note(later: RankKey, earlier: RankKey, earlier_name: str) -> str | None:
    """Why an item ranks after another with the same score; None when the scores differ."""
    if later.score != earlier.score:
        return None
    for label, theirs, mine in (
        ("importance", earlier.importance, later.importance),
        ("gap", earlier.gap, later.gap),
        ("frequency of use", earlier.frequency, later.frequency),
    ):
        if mine != theirs:
            return f"level with {earlier_name}, which comes first because {TIE_WORDS[label]}"
    return f"level with {earlier_name} on every count; listed by name"
