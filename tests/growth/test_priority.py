"""The priority score, checked against numbers worked out by hand (see growth.priority)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from careerpath.growth.priority import ease, rank_key, score, shown, sort_key, tie_note
from careerpath.reference.roles import Cost, Frequency


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        # 5 x 2 x 1 (every shift) x 1 x 1 (8 h, low) = 10
        (
            {
                "importance": 5,
                "gap": 2,
                "frequency": Frequency.EVERY_SHIFT,
                "interested": False,
                "effort_hours": 8,
                "cost": Cost.LOW,
                "double_duty": False,
            },
            "10.00",
        ),
        # 4 x 1 x 0.75 (weekly) x 1.5 (interested) x 0.9 (24 h) x 0.95 (medium) = 3.8475
        (
            {
                "importance": 4,
                "gap": 1,
                "frequency": Frequency.WEEKLY,
                "interested": True,
                "effort_hours": 24,
                "cost": Cost.MEDIUM,
                "double_duty": False,
            },
            "3.85",
        ),
        # 3 x 3 x 0.25 (rarely) x 1 x 0.8 (60 h) x 0.9 (high) x 1.25 (double duty) = 2.025
        (
            {
                "importance": 3,
                "gap": 3,
                "frequency": Frequency.RARELY,
                "interested": False,
                "effort_hours": 60,
                "cost": Cost.HIGH,
                "double_duty": True,
            },
            "2.03",
        ),
        # a certification (no frequency): 5 x 1 x 1 x 1 x 0.8 (60 h) x 0.95 (medium) = 3.80
        (
            {
                "importance": 5,
                "gap": 1,
                "frequency": None,
                "interested": False,
                "effort_hours": 60,
                "cost": Cost.MEDIUM,
                "double_duty": False,
            },
            "3.80",
        ),
        # 2 x 1 x 0.5 (monthly) x 1 x 1 (effort unknown, cost unknown) = 1.00
        (
            {
                "importance": 2,
                "gap": 1,
                "frequency": Frequency.MONTHLY,
                "interested": False,
                "effort_hours": None,
                "cost": None,
                "double_duty": False,
            },
            "1.00",
        ),
    ],
)
def test_scores_match_hand_computation(kw: dict[str, object], expected: str) -> None:
    assert shown(score(**kw)) == Decimal(expected)  # type: ignore[arg-type]


def test_ease_boundaries() -> None:
    assert ease(8, Cost.FREE) == 1
    assert ease(8.5, None) == Fraction(9, 10)
    assert ease(40, None) == Fraction(9, 10)
    assert ease(40.5, None) == Fraction(4, 5)
    assert ease(60, Cost.HIGH) == Fraction(18, 25)


def test_ties_are_broken_and_explained() -> None:
    same = Fraction(5)
    a = rank_key(same, 5, 1, Frequency.EVERY_SHIFT, "Alpha")
    b = rank_key(same, 4, 1, Frequency.EVERY_SHIFT, "Beta")
    c = rank_key(same, 4, 1, Frequency.WEEKLY, "Gamma")
    d = rank_key(same, 4, 1, Frequency.WEEKLY, "Delta")
    ordered = sorted([d, c, b, a], key=sort_key)
    assert [k.name for k in ordered] == ["alpha", "beta", "delta", "gamma"]
    assert tie_note(b, a, "Alpha") == (
        "level with Alpha, which comes first because it matters more to the role"
    )
    assert (
        tie_note(d, b, "Beta") == "level with Beta, which comes first because it is used more often"
    )
    assert tie_note(c, d, "Delta") == "level with Delta on every count; listed by name"
    assert tie_note(rank_key(Fraction(4), 5, 1, None, "x"), a, "Alpha") is None
