"""The growth plan: gaps, stale ratings, certifications and steps that count twice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.growth.roles import cert, role, skill, step
from tests.planner.builders import TODAY, d, lic, profile, records

from careerpath.growth.assessment import SkillStatus, assess
from careerpath.growth.plan import ItemKind, upskill
from careerpath.records import Assignment, Certification, SkillRating
from careerpath.reference.loader import load


def rate(name: str, level: int, last: str | None = None, **kw: object) -> SkillRating:
    return SkillRating(skill=name, level=level, last_performed=d(last) if last else None, **kw)  # type: ignore[arg-type]


def test_unrated_skills_are_flagged_not_guessed() -> None:
    r = role(skill("airway", 5, 3, "every_shift"))
    rows = assess(r, [], TODAY)
    assert rows[0].status is SkillStatus.UNRATED and rows[0].gap is None
    plan = upskill(records(None), r, load(), TODAY)
    assert next(a.skill_id for a in plan.to_rate) == "airway"
    assert all(i.id != "airway" for i in plan.items)


def test_ratings_match_by_name_or_alias_ignoring_case() -> None:
    r = role(skill("ventilator-management", 5, 3, "every_shift", aliases=["Vent management"]))
    rows = assess(r, [rate("vent MANAGEMENT", 2)], TODAY)
    assert rows[0].rated == 2 and rows[0].gap == 1


def test_stale_rating_counts_one_level_lower() -> None:
    r = role(skill("airway", 5, 3, "every_shift"))
    fresh = assess(r, [rate("airway", 3, "2026-01-10")], TODAY)[0]
    assert (fresh.stale, fresh.effective, fresh.status) == (False, 3, SkillStatus.MET)
    # 12 whole months before 2026-11-25 is 2025-11-25: stale from that day back.
    stale = assess(r, [rate("airway", 3, "2025-11-25")], TODAY)[0]
    assert (stale.stale, stale.effective, stale.gap) == (True, 2, 1)
    assert assess(r, [rate("airway", 3, "2025-11-26")], TODAY)[0].stale is False
    # Never below 1; a custom threshold from config.
    floor = assess(r, [rate("airway", 1, "2020-01-01")], TODAY)[0]
    assert floor.effective == 1 and floor.gap == 2
    assert assess(r, [rate("airway", 3, "2026-01-10")], TODAY, stale_months=6)[0].stale
    plan = upskill(
        records(
            None,
        ),
        r,
        load(),
        TODAY,
        done={},
    )
    assert plan.items == []  # no rating: nothing ranked
    plan = upskill(
        records(None).model_copy(update={"skills": [rate("airway", 3, "2025-01-01")]}),
        r,
        load(),
        TODAY,
    )
    assert plan.items[0].stale and "counted as 2" in plan.items[0].reason


def test_items_ranked_by_hand_computed_scores() -> None:
    r = role(
        skill("titration", 5, 3, "every_shift", step("Drips", 8)),  # 5x1x1x1x1 = 5
        skill("charting", 3, 3, "every_shift", step("EHR", 2)),  # 3x2x1x1x1 = 6
        skill("restraints", 4, 3, "monthly", step("Policy", 2)),  # 4x2x0.5 = 4 (interested: 6)
    )
    ratings = [rate("titration", 2), rate("charting", 1), rate("restraints", 1, interested=True)]
    plan = upskill(records(None).model_copy(update={"skills": ratings}), r, load(), TODAY)
    got = [(i.id, i.score) for i in plan.items]
    assert got == [
        ("restraints", Decimal("6.00")),
        ("charting", Decimal("6.00")),
        ("titration", Decimal("5.00")),
    ]
    assert plan.items[1].tie_note == "tied with Restraints at 6.00; that one is first on importance"
    assert plan.items[2].tie_note is None


def test_step_that_fills_a_missing_mandatory_topic_comes_first_and_scores_higher() -> None:
    # Florida RN: medical errors is mandatory every renewal (data/states/rn.json, FL).
    r = role(
        skill(
            "med-safety",
            4,
            3,
            "every_shift",
            step("Quick online module", 2, "free"),
            step("Medication error prevention", 6, "low", "medical-errors", contact_hours=2),
        )
    )
    fl = lic(1, "RN", "FL", kind="single_state", issued=d("2020-03-01"), expires=d("2027-04-30"))
    base = records(profile("TX", "RN"), fl)
    plan = upskill(base.model_copy(update={"skills": [rate("med-safety", 2)]}), r, load(), TODAY)
    item = plan.items[0]
    assert item.steps[0].title == "Medication error prevention"
    assert item.steps[0].fills_missing_topic
    assert any("medical-errors" in c and "FL" in c for c in item.steps[0].counts_for)
    assert item.score == Decimal("5.00")  # 4 x 1 x 1 x 1 x 1 x 1.25
    assert any(c.topic == "medical-errors" for c in plan.topic_courses)
    # Once the topic is done, the quicker step leads again and the bonus is gone.
    from tests.planner.builders import ce

    done = base.model_copy(
        update={
            "skills": [rate("med-safety", 2)],
            "ce_activities": [ce(1, "2026-06-01", "2", "medical-errors")],
        }
    )
    plan = upskill(done, r, load(), TODAY)
    assert plan.items[0].steps[0].title == "Quick online module"
    assert plan.items[0].score == Decimal("4.00")


def test_certifications_missing_expired_or_lapsing_before_the_next_assignment() -> None:
    r = role(
        certifications=[
            cert("bls", 5, "required"),
            cert("acls", 5, "required"),
            cert("ccrn", 5, "preferred", effort_hours=60, cost="medium"),
            cert("tncc", 3, "preferred"),
        ]
    )
    certs = [
        Certification(name="BLS", expires=d("2028-01-31")),
        Certification(name="ACLS", expires=d("2027-01-15")),  # lapses during the assignment
        Certification(name="TNCC", expires=d("2026-10-01")),  # expired
    ]
    job = Assignment(jurisdiction="CO", start=d("2026-12-07"), end=d("2027-03-06"))
    rec = records(None, certifications=certs, assignments=[job])
    plan = upskill(rec, r, load(), TODAY)
    by_id = {i.id: i for i in plan.items}
    assert set(by_id) == {"acls", "ccrn", "tncc"}
    assert by_id["acls"].kind is ItemKind.CERTIFICATION
    assert "before your CO assignment ends 2027-03-06" in by_id["acls"].reason
    assert by_id["acls"].steps[0].title.startswith("Renew ACLS")
    assert by_id["acls"].score == Decimal("10.00")  # required: 5 x 2
    assert by_id["ccrn"].score == Decimal("3.80")  # 5 x 1 x 0.8 x 0.95
    assert by_id["tncc"].reason == "preferred: expired 2026-10-01"
    assert [c.id for c in plan.certifications_held] == ["bls"]


def test_ticked_steps_are_marked_and_sink() -> None:
    r = role(skill("airway", 5, 3, "every_shift", step("Step A", 2), step("Step B", 4)))
    rec = records(None).model_copy(update={"skills": [rate("airway", 2)]})
    plan = upskill(rec, r, load(), TODAY, done={"test-role:airway:0": "2026-11-20"})
    steps = plan.items[0].steps
    assert [s.title for s in steps] == ["Step B", "Step A"]
    assert steps[1].done_on == dt.date(2026, 11, 20)


def test_profession_mismatch_is_noted() -> None:
    r = role(skill("airway", 5, 3, "every_shift"))
    plan = upskill(records(profile("TX", "PT")), r, load(), TODAY)
    assert any("role for RN" in n for n in plan.notes)
