"""No plan step, in any role, says it fills a mandatory CE topic unless that is settled.

For every role, a traveler holds a license of the role's profession in every state the rules
data covers, rates every skill 1 and has logged no CE: every topic those states require is
missing, so every role course on a topic is tested against every state's rule. The bundled
rules name no approved providers (MandatoryTopic.approved_providers), so no claim may be
settled; each must tell the user to check that the course is approved.
"""

from __future__ import annotations

import pytest
from tests.planner.builders import TODAY, d, lic, profile, records
from tests.reference.test_roles import DATA

from careerpath.growth.plan import upskill
from careerpath.records import Records, SkillRating
from careerpath.reference.loader import RulesData, load
from careerpath.reference.roles import Role, load_roles

ROLES = load_roles(DATA)


def _everywhere(role: Role, rules: RulesData) -> Records:
    profession = role.professions[0]
    file = rules.state_rules(profession)
    codes = [j.code for j in file.jurisdictions] if file else []
    licenses = [
        lic(
            i,
            profession,
            code,
            kind="single_state",
            issued=d("2020-03-01"),
            expires=d("2027-05-31"),
        )
        for i, code in enumerate(codes, 1)
    ]
    ratings = [SkillRating(skill=s.name, level=1) for s in role.skills]
    return records(profile("TX", profession), *licenses).model_copy(update={"skills": ratings})


@pytest.mark.parametrize("role_id", sorted(ROLES))
def test_no_step_claims_a_topic_the_rules_or_the_record_do_not_settle(role_id: str) -> None:
    role = ROLES[role_id]
    rules = load()
    assert not any(
        t.approved_providers
        for f in rules.states.values()
        for j in f.jurisdictions
        if j.ce
        for t in j.ce.mandatory_topics
    ), "a topic now names approved providers: extend this test to the settled case"
    held = _everywhere(role, rules)
    plan = upskill(held, role, rules, TODAY)
    steps = [s for item in plan.items for s in item.steps] + [c.step for c in plan.topic_courses]
    if held.licenses:  # RT has no state rules file yet: nothing to claim
        assert any(step.topic_claims for step in steps), f"{role_id}: nothing tested"
    for step in steps:
        assert not step.fills_missing_topic, (role_id, step.title)
        for claim in step.topic_claims:
            assert not claim.settled and claim.basis is None, (role_id, step.title, claim)
            assert "check that the course is approved" in claim.text
        for line in step.counts_for:
            assert not line.startswith("fills"), (role_id, line)
    assert all(not c.settled for c in plan.topic_courses)
