"""The growth plan: gaps, stale ratings, certifications and steps that count twice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.growth.roles import cert, role, skill, step
from tests.planner.builders import TODAY, d, lic, profile, records

from careerpath.growth.assessment import SkillStatus, assess
from careerpath.growth.plan import ItemKind, upskill
from careerpath.records import Assignment, Certification, SkillRating
from careerpath.reference.loader import RulesData, load
from careerpath.reference.roles import Role
from careerpath.reference.schema import ProfessionRules


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
    assert plan.items[0].stale and "so it counts as 2" in plan.items[0].reason


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
    assert plan.items[1].tie_note == (
        "level with Restraints, which comes first because it matters more to the role"
    )
    assert plan.items[2].tie_note is None


def _fl_rules_naming(provider: str) -> RulesData:
    """The bundled rules, with Florida RN medical errors naming one approved provider."""
    rules = load()
    data = rules.states["RN"].model_dump(mode="json")
    for entry in data["jurisdictions"]:
        if entry["code"] == "FL":
            for topic in entry["ce"]["mandatory_topics"]:
                if topic["topic"] == "medical-errors":
                    topic["approved_providers"] = [provider]
    return rules._replace(states={**rules.states, "RN": ProfessionRules.model_validate(data)})


def _med_safety_role(provider: str | None = None) -> Role:
    return role(
        skill(
            "med-safety",
            4,
            3,
            "every_shift",
            step("Quick online module", 2, "free"),
            step(
                "Medication error prevention",
                6,
                "low",
                "medical-errors",
                contact_hours=2,
                provider_hint=provider,
            ),
        )
    )


def test_a_course_on_a_missing_topic_only_may_count_unless_the_rules_settle_it() -> None:
    """Florida RN: medical errors is mandatory every renewal (data/states/rn.json, FL, from
    http://www.floridasnursing.gov/help-center/how-many-continuing-education-hours-are-required-for-licensure-renewal/).
    The data names no approved providers or courses for it, so a course on the subject may
    count and must be checked; it is not said to fill the topic and gets no priority for it."""
    fl = lic(1, "RN", "FL", kind="single_state", issued=d("2020-03-01"), expires=d("2027-04-30"))
    base = records(profile("TX", "RN"), fl)
    rated = base.model_copy(update={"skills": [rate("med-safety", 2)]})
    plan = upskill(rated, _med_safety_role(), load(), TODAY)
    item = plan.items[0]
    first = item.steps[0]
    assert first.title == "Medication error prevention"  # on the topic: listed first
    assert not first.fills_missing_topic
    assert any(
        "may count toward" in c and "FL" in c and "check that the course is approved" in c
        for c in first.counts_for
    )
    assert not any("fills" in c for c in first.counts_for)
    assert item.score == Decimal("4.00")  # 4 x 1 x 1 x 1 x 1: no double-duty bonus
    assert [(c.topic, c.settled) for c in plan.topic_courses] == [("medical-errors", False)]


def test_a_course_fills_a_missing_topic_when_the_rules_name_its_provider() -> None:
    fl = lic(1, "RN", "FL", kind="single_state", issued=d("2020-03-01"), expires=d("2027-04-30"))
    base = records(profile("TX", "RN"), fl)
    rated = base.model_copy(update={"skills": [rate("med-safety", 2)]})
    rules = _fl_rules_naming("Approved Provider Inc")
    plan = upskill(rated, _med_safety_role("Approved Provider Inc"), rules, TODAY)
    item = plan.items[0]
    assert item.steps[0].fills_missing_topic
    assert any("fills the missing mandatory topic" in c for c in item.steps[0].counts_for)
    assert item.score == Decimal("5.00")  # 4 x 1 x 1 x 1 x 1 x 1.25
    # Another provider's course on the same subject still only may count.
    other = upskill(rated, _med_safety_role("Someone Else"), rules, TODAY)
    assert not other.items[0].steps[0].fills_missing_topic
    assert other.items[0].score == Decimal("4.00")


def test_a_course_fills_a_missing_topic_when_the_users_record_marks_it() -> None:
    """A completed activity of that title, tagged with the topic by the user, settles it even
    where the rules do not count it yet (here: outside the license's current window)."""
    from tests.planner.builders import ce

    fl = lic(1, "RN", "FL", kind="single_state", issued=d("2020-03-01"), expires=d("2027-04-30"))
    old = ce(1, "2024-06-01", "2", "medical-errors").model_copy(
        update={"title": "Medication error prevention"}
    )
    rec = records(profile("TX", "RN"), fl).model_copy(
        update={"skills": [rate("med-safety", 2)], "ce_activities": [old]}
    )
    plan = upskill(rec, _med_safety_role(), load(), TODAY)
    first = plan.items[0].steps[0]
    assert first.fills_missing_topic
    assert any("your record of 2024-06-01" in c for c in first.counts_for)


def test_once_the_topic_is_done_the_quicker_step_leads() -> None:
    from tests.planner.builders import ce

    fl = lic(1, "RN", "FL", kind="single_state", issued=d("2020-03-01"), expires=d("2027-04-30"))
    done = records(profile("TX", "RN"), fl).model_copy(
        update={
            "skills": [rate("med-safety", 2)],
            "ce_activities": [ce(1, "2026-06-01", "2", "medical-errors")],
        }
    )
    plan = upskill(done, _med_safety_role(), load(), TODAY)
    assert plan.items[0].steps[0].title == "Quick online module"
    assert plan.items[0].score == Decimal("4.00")
    assert plan.topic_courses == []


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
    assert by_id["acls"].reason.startswith("required for the Test role, ")
    assert "before your CO assignment ends 2027-03-06" in by_id["acls"].reason
    assert by_id["acls"].steps[0].title.startswith("Renew ACLS")
    assert by_id["acls"].score == Decimal("10.00")  # required: 5 x 2
    assert by_id["ccrn"].score == Decimal("3.80")  # 5 x 1 x 0.8 x 0.95
    assert by_id["tncc"].reason == (
        "preferred for the Test role, commonly asked for in it, expired 2026-10-01"
    )
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


def test_a_course_on_a_states_own_law_says_it_counts_only_for_that_law() -> None:
    """Florida RN laws and rules is Florida's own law (data/states/rn.json, FL,
    jurisdiction_specific): a generic practice-act course may count only if it covers Florida's,
    and a record settles it only when tagged for Florida (fl-laws-and-rules)."""
    from tests.planner.builders import ce

    r = role(
        skill("delegation", 3, 3, "weekly", step("Nurse practice act", 2, "low", "laws-and-rules"))
    )
    fl = lic(1, "RN", "FL", kind="single_state", issued=d("2020-03-01"), expires=d("2027-04-30"))
    rec = records(profile("TX", "RN"), fl).model_copy(update={"skills": [rate("delegation", 2)]})
    (claim,) = upskill(rec, r, load(), TODAY).items[0].steps[0].topic_claims
    assert (claim.topic, claim.own_law_of, claim.settled) == ("laws-and-rules", "FL", False)
    assert "only if it covers FL's own law or program" in claim.text
    for tag, settled in (("laws-and-rules", False), ("fl-laws-and-rules", True)):
        old = ce(1, "2024-06-01", "2", tag).model_copy(update={"title": "Nurse practice act"})
        marked = rec.model_copy(update={"ce_activities": [old]})
        (claim,) = upskill(marked, r, load(), TODAY).items[0].steps[0].topic_claims
        assert claim.settled is settled, tag
