"""A sample traveler to explore the app with ("load a sample traveler" on first run).

Dates are relative to `today`, so the sample always shows something due, something on track and
an assignment to plan, whatever day it is loaded.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from careerpath.records import (
    Answer,
    Assignment,
    CEActivity,
    Certification,
    License,
    Profile,
    Records,
    SkillRating,
)


def sample_traveler(today: dt.date) -> Records:
    def day(offset: int) -> dt.date:
        return today + dt.timedelta(days=offset)

    profile = Profile(
        name="Sam Rivera (sample)",
        professions=["RN"],
        home_state="TX",
        specialty="ER",
        target_roles=["icu"],
        nlc_answers={"fingerprint_background_check": Answer.YES, "nclex": Answer.YES},
    )
    licenses = [
        License(
            id=1,
            profession="RN",
            jurisdiction="TX",
            kind="multistate",
            number="RN-884201",
            issued=dt.date(2016, 6, 1),
            expires=day(150),
        ),
        License(
            id=2,
            profession="RN",
            jurisdiction="CA",
            number="95012345",
            issued=dt.date(2023, 2, 1),
            expires=day(70),
        ),
        License(
            id=3,
            profession="RN",
            jurisdiction="NY",
            number="712334",
            issued=dt.date(2021, 9, 1),
            expires=day(-20),
        ),
    ]
    certifications = [
        Certification(id=1, name="BLS", issuer="AHA", expires=day(25)),
        Certification(id=2, name="ACLS", issuer="AHA", expires=day(400)),
        Certification(id=3, name="TNCC", issuer="ENA", expires=day(600)),
    ]
    sessions = [
        (-40, "Sepsis bundle update", "1.5", "contact_hours", ["sepsis"]),
        (-40, "Human trafficking in the ED", "1", "contact_hours", ["human-trafficking"]),
        (-40, "Vent waveforms", "90", "minutes", ["ventilator-management"]),
        (-120, "Implicit bias in care", "0.2", "ceu", ["implicit-bias"]),
        (-200, "Stroke alert essentials", "2", "contact_hours", ["stroke"]),
        (-260, "Pediatric triage", "3", "contact_hours", ["pediatrics"]),
        (-330, "Pain management update", "2", "contact_hours", ["pain-management"]),
        (
            -420,
            "Texas nursing jurisprudence and ethics",
            "2",
            "contact_hours",
            ["tx-laws-and-rules"],
        ),
    ]
    activities = [
        CEActivity(
            id=i,
            completed=day(offset),
            title=title,
            provider="AACN NTI" if offset == -40 else "CE Direct",
            amount=Decimal(amount),
            unit=unit,
            topics=topics,
            format="conference" if offset == -40 else "online",
        )
        for i, (offset, title, amount, unit, topics) in enumerate(sessions, 1)
    ]
    skills = [
        SkillRating(id=1, skill="Triage (ESI)", level=4),
        SkillRating(id=2, skill="Ventilator management", level=2, interested=True),
        SkillRating(id=3, skill="Titrating vasoactive drips", level=2, interested=True),
        SkillRating(id=4, skill="Communication", kind="soft", level=4),
    ]
    assignments = [
        Assignment(
            id=1,
            jurisdiction="OR",
            facility="OHSU",
            city="Portland",
            specialty="ER",
            profession="RN",
            start=day(100),
            end=day(191),
            status="offered",
        ),
        Assignment(
            id=2,
            jurisdiction="CO",
            facility="Denver Health",
            specialty="ER",
            profession="RN",
            start=day(20),
            end=day(111),
            status="booked",
        ),
    ]
    return Records(
        profile=profile,
        licenses=licenses,
        certifications=certifications,
        ce_activities=activities,
        skills=skills,
        assignments=assignments,
    )
