"""A small hand-made role for growth tests, so scores can be computed on paper."""

from __future__ import annotations

import datetime as dt
from typing import Any

from careerpath.reference.roles import Role


def step(title: str, hours: float, cost: str = "low", *topics: str, **kw: Any) -> dict[str, Any]:
    return {
        "type": kw.pop("type", "ce_course"),
        "title": title,
        "effort_hours": hours,
        "cost": cost,
        "ce_topics": list(topics),
        **kw,
    }


def skill(
    id: str,
    importance: int,
    expected: int,
    frequency: str,
    *steps: dict[str, Any],
    kind: str = "hard",
    **kw: Any,
) -> dict[str, Any]:
    return {
        "id": id,
        "name": id.replace("-", " ").capitalize(),
        "kind": kind,
        "category": kw.pop("category", "Clinical"),
        "expected_level": expected,
        "importance": importance,
        "frequency": frequency,
        "steps": list(steps) or [step(f"{id} course", 8)],
        "judgement": True,
        **kw,
    }


def role(*skills: dict[str, Any], certifications: list[dict[str, Any]] | None = None) -> Role:
    base = [skill(f"filler-{i}", 1, 1, "rarely") for i in range(8 - len(skills))]
    return Role.model_validate(
        {
            "id": "test-role",
            "title": "Test role",
            "professions": ["RN"],
            "as_of": dt.date(2026, 11, 25),
            "summary": "A role made up for tests.",
            "skills": [*skills, *base],
            "certifications": certifications or [],
        }
    )


def cert(id: str, importance: int, requirement: str = "preferred", **kw: Any) -> dict[str, Any]:
    return {
        "id": id,
        "name": id.upper(),
        "body": "Test body",
        "requirement": requirement,
        "importance": importance,
        "judgement": True,
        **kw,
    }
