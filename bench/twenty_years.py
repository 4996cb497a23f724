"""A 20-year traveler: 2,000 CE activities, 40 licenses, 30 assignments (for benchmarks)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from careerpath import jurisdictions
from careerpath.records import (
    Assignment,
    CEActivity,
    Certification,
    License,
    Profile,
    SkillRating,
)
from careerpath.store.repository import Store

TOPICS = ["pain-management", "implicit-bias", "ethics", "infection-control", "sepsis",
          "human-trafficking", "medical-errors", "laws-and-rules", "domestic-violence"]  # fmt: skip


def build(
    home: Path, today: dt.date = dt.date(2026, 11, 25), seed: int = 7, ce_count: int = 2000
) -> Store:
    rng = random.Random(seed)
    store = Store(home)
    store.save_profile(Profile(name="Bench Traveler", professions=["RN"], home_state="TX",
                               target_roles=["icu"]))  # fmt: skip
    states = [c for c in jurisdictions.STATES_AND_DC if c != "TX"]
    licenses = [License(profession="RN", jurisdiction="TX", kind="multistate",
                        expires=today + dt.timedelta(days=400))]  # fmt: skip
    for code in rng.sample(states, 39):
        licenses.append(
            License(
                profession="RN",
                jurisdiction=code,
                number=f"RN{rng.randint(10000, 99999)}",
                expires=today + dt.timedelta(days=rng.randint(-300, 700)),
            )
        )
    saved = store.add_many(licenses)
    ids = [lic.id or 0 for lic in saved]
    start = today - dt.timedelta(days=365 * 20)
    activities = [
        CEActivity(
            completed=start + dt.timedelta(days=rng.randint(0, 365 * 20)),
            title=f"Course {i}",
            provider=rng.choice(["NTI", "CEU Fast", "Medscape", "AACN"]),
            **rng.choice(
                [
                    {"amount": Decimal("1.5")},
                    {"amount": Decimal(2)},
                    {"amount": Decimal("0.1"), "unit": "ceu"},
                    {"amount": Decimal(50), "unit": "minutes"},
                ]
            ),
            topics=rng.sample(TOPICS, rng.randint(0, 2)),
            claimed_for=rng.sample(ids, rng.randint(0, 2)),
        )
        for i in range(ce_count)
    ]
    store.add_many(activities)
    store.add_many([Certification(name=n, expires=today + dt.timedelta(days=rng.randint(-30, 700)))
                    for n in ("BLS", "ACLS", "PALS", "CCRN", "TNCC")])  # fmt: skip
    store.add_many([SkillRating(skill=f"skill {i}", level=rng.randint(1, 4)) for i in range(60)])
    store.add_many(
        [
            Assignment(
                jurisdiction=rng.choice(states),
                facility=f"Hospital {i}",
                start=today + dt.timedelta(days=30 * i - 400),
                end=today + dt.timedelta(days=30 * i - 400 + 91),
            )
            for i in range(30)
        ]
    )
    return store
