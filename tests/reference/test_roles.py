"""Every bundled role profile through the schema, plus the facts the growth planner relies on.

The role files are what a traveler's growth plan is ranked against: these tests keep every file
loadable, every CE topic one the states data knows, every step worth some effort, and the ICU
profile's core expectations (ventilators, drips, CCRN) where the planner's scenarios need them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from careerpath.reference.roles import (
    Requirement,
    Role,
    RoleCertification,
    _fold,
    default_role,
    find_role,
    load_role_file,
    load_roles,
    roles_for,
)

DATA = Path(__file__).resolve().parents[2] / "data"
ROLE_FILES = sorted((DATA / "roles").glob("*.json"))

MANDATORY_TOPICS = frozenset({
    "laws-and-rules", "ethics", "implicit-bias", "cultural-competency", "human-trafficking",
    "child-abuse", "suicide-prevention", "pain-management", "alzheimers-dementia", "substance-use",
    "domestic-violence", "hiv-aids", "medical-errors", "sexual-harassment", "opioid-prescribing",
    "public-health-priorities", "infection-control", "organ-donation", "bioterrorism",
    "older-adults", "forensic-evidence", "health-equity", "behavioral-health", "end-of-life-care",
    "elder-abuse",
})  # fmt: skip
"""The mandatory CE topic slugs the states data uses (see data/states/*.json)."""

EXTRA_TOPICS: frozenset[str] = frozenset()
"""Topics a role step may name beyond the states' list; documented in data/roles/README.md."""

REQUIRED_ROLES = {
    "icu", "er", "med-surg", "telemetry", "labor-delivery", "operating-room", "pacu", "nicu",
    "pediatrics", "psych", "oncology", "home-health", "pt-acute", "pt-outpatient-ortho",
    "ot-acute-rehab", "slp-medical", "respiratory-therapy",
    "lpn-long-term-care", "lpn-home-health", "lpn-clinic", "pt-snf-rehab", "pt-home-health",
    "pta-acute", "pta-snf", "pta-outpatient", "ot-snf", "ot-pediatrics-school", "ota-snf",
    "ota-acute-rehab", "ota-school", "slp-snf", "slp-school",
}  # fmt: skip

SOFT_SKILLS = {
    "communication", "teamwork", "time-management", "compassion", "stress-management",
    "cultural-competence", "leadership",
}  # fmt: skip


def state_topics() -> set[str]:
    """Every topic slug named anywhere in the states data (so new state topics are allowed too)."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            topic = node.get("topic")
            if isinstance(topic, str):
                found.add(topic)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((DATA / "states").glob("*.json")):
        walk(json.loads(path.read_text()))
    return found


@pytest.fixture(scope="module")
def roles() -> dict[str, Role]:
    return load_roles(DATA)


@pytest.mark.parametrize("path", ROLE_FILES, ids=[p.stem for p in ROLE_FILES])
def test_role_file_loads_and_id_is_its_file_stem(path: Path) -> None:
    role = load_role_file(path)
    assert role.id == path.stem


@pytest.mark.parametrize("path", ROLE_FILES, ids=[p.stem for p in ROLE_FILES])
def test_role_has_hard_skills_and_the_seven_soft_skills(path: Path) -> None:
    role = load_role_file(path)
    hard = [s for s in role.skills if s.kind == "hard"]
    soft = {s.id for s in role.skills if s.kind == "soft"}
    assert 10 <= len(hard) <= 18, f"{role.id}: {len(hard)} hard skills"
    assert soft == SOFT_SKILLS, f"{role.id}: soft skills {sorted(soft)}"


def test_at_least_the_required_roles(roles: dict[str, Role]) -> None:
    assert len(roles) >= 16
    assert set(roles) >= REQUIRED_ROLES


def test_icu_core_expectations(roles: dict[str, Role]) -> None:
    icu = roles["icu"]
    skills = {s.id: s for s in icu.skills}
    for skill_id in ("ventilator-management", "vasoactive-titration"):
        assert skills[skill_id].importance == 5
        assert skills[skill_id].expected_level == 3
    certs = {c.id: c for c in icu.certifications}
    ccrn = certs["ccrn"]
    assert "AACN" in ccrn.body
    assert ccrn.requirement in (Requirement.PREFERRED, Requirement.REQUIRED)
    assert ccrn.importance >= 4
    assert {"bls", "acls"} <= set(certs)


def test_icu_offers_a_course_in_a_commonly_missing_mandatory_topic(roles: dict[str, Role]) -> None:
    """The ER-to-ICU scenario: one ICU step should also fill medical errors or pain management."""
    topics = {
        topic
        for skill in roles["icu"].skills
        for step in skill.steps
        if step.type == "ce_course"
        for topic in step.ce_topics
    }
    assert topics & {"medical-errors", "pain-management"}


@pytest.mark.parametrize(
    ("role_id", "cert_ids"),
    [
        ("icu", {"bls", "acls", "ccrn"}),
        ("er", {"bls", "acls", "tncc", "cen"}),
        ("pediatrics", {"pals"}),
        ("nicu", {"nrp"}),
        ("labor-delivery", {"nrp", "awhonn-ifm"}),
        ("oncology", {"ocn", "ons-chemo"}),
        ("psych", {"cpi"}),
        ("slp-medical", {"ccc-slp"}),
        ("respiratory-therapy", {"rrt", "bls"}),
    ],
)
def test_specialty_certifications(roles: dict[str, Role], role_id: str, cert_ids: set[str]) -> None:
    assert cert_ids <= {c.id for c in roles[role_id].certifications}


def test_every_ce_topic_is_known(roles: dict[str, Role]) -> None:
    known = MANDATORY_TOPICS | EXTRA_TOPICS | state_topics()
    unknown = set()
    for role in roles.values():
        for skill in role.skills:
            for step in skill.steps:
                unknown |= {f"{role.id}/{skill.id}: {t}" for t in step.ce_topics if t not in known}
        for cert in role.certifications:
            unknown |= {f"{role.id}/{cert.id}: {t}" for t in cert.ce_topics if t not in known}
    assert not unknown, sorted(unknown)


def test_roles_use_mandatory_topics(roles: dict[str, Role]) -> None:
    """Each role offers at least one step that also fills a state mandatory topic."""
    for role in roles.values():
        topics = {t for s in role.skills for step in s.steps for t in step.ce_topics}
        assert topics & MANDATORY_TOPICS, role.id


def test_every_step_has_positive_effort(roles: dict[str, Role]) -> None:
    for role in roles.values():
        for skill in role.skills:
            for step in skill.steps:
                assert step.effort_hours > 0, f"{role.id}/{skill.id}: {step.title}"


def test_no_role_alias_is_shared_within_a_profession(roles: dict[str, Role]) -> None:
    """Ids and titles are unique everywhere; an alias within a profession. "home health" is
    the RN role for a nurse and the PT role for a physical therapist: the profile decides."""
    owner: dict[tuple[str, str], str] = {}
    for role in roles.values():
        for name in {role.id, role.title}:
            key = ("*", _fold(name))
            assert owner.get(key, role.id) == role.id, f"{name!r} names {owner[key]} and {role.id}"
            owner[key] = role.id
        for profession in role.professions:
            for name in {role.id, role.title, *role.aliases}:
                key = (profession, _fold(name))
                assert owner.get(key, role.id) == role.id, (
                    f"{name!r} names {owner[key]} and {role.id} for {profession}"
                )
                owner[key] = role.id


PROFESSIONS_SERVED = ("RN", "LPN", "PT", "PTA", "OT", "OTA", "SLP")


@pytest.mark.parametrize("profession", PROFESSIONS_SERVED)
def test_every_profession_has_at_least_three_roles(roles: dict[str, Role], profession: str) -> None:
    assert len(roles_for(roles, [profession])) >= 3, profession


@pytest.mark.parametrize(
    ("profession", "setting", "role_id"),
    [
        ("RN", "home health", "home-health"),
        ("PT", "home health", "pt-home-health"),
        ("LPN", "home health", "lpn-home-health"),
        ("PT", "acute", "pt-acute"),
        ("PTA", "acute", "pta-acute"),
        ("OT", "acute", "ot-acute-rehab"),
        ("OTA", "acute", "ota-acute-rehab"),
        ("SLP", "acute", "slp-medical"),
        ("PT", "SNF", "pt-snf-rehab"),
        ("PTA", "SNF", "pta-snf"),
        ("OT", "SNF", "ot-snf"),
        ("OTA", "SNF", "ota-snf"),
        ("SLP", "SNF", "slp-snf"),
        ("LPN", "SNF", "lpn-long-term-care"),
        ("PT", "outpatient", "pt-outpatient-ortho"),
        ("PTA", "outpatient", "pta-outpatient"),
        ("LPN", "clinic", "lpn-clinic"),
        ("OT", "school", "ot-pediatrics-school"),
        ("OTA", "school", "ota-school"),
        ("SLP", "school", "slp-school"),
        ("RN", "peds", "pediatrics"),
        ("SLP", "peds", "slp-school"),
    ],
)
def test_a_setting_names_the_role_of_the_users_profession(
    roles: dict[str, Role], profession: str, setting: str, role_id: str
) -> None:
    assert find_role(roles, setting, [profession]).id == role_id


def test_the_default_role_follows_the_profession(roles: dict[str, Role]) -> None:
    for profession in PROFESSIONS_SERVED:
        role = default_role(roles, [profession])
        assert role is not None and profession in role.professions, profession
    # A specialty of another profession does not lead to its role; a chosen target does.
    ot = default_role(roles, ["OT"], (), "ICU")
    assert ot is not None and ot.professions == ["OT"]
    assert default_role(roles, ["OT"], ["icu"]) == roles["icu"]
    assert default_role(roles, ["OT"], (), "school") == roles["ot-pediatrics-school"]
    assert default_role(roles, ["AUD"]) is None  # no audiology role yet: said, not guessed


def test_renewal_facts_cite_a_source(roles: dict[str, Role]) -> None:
    """The schema already demands this; the test documents that AHA cards renew every 24 months."""
    for role in roles.values():
        for cert in role.certifications:
            if cert.id in {"bls", "acls", "pals"}:
                assert cert.renewal_months == 24
                assert cert.renewal_source is not None


def test_role_sources_are_listed(roles: dict[str, Role]) -> None:
    """Every URL a skill or certification cites also appears in the role's sources."""
    for role in roles.values():
        cited = {s.source for s in role.skills if s.source}
        cited |= {c.source for c in role.certifications if c.source}
        cited |= {c.renewal_source for c in role.certifications if c.renewal_source}
        cited |= {c.renewal_second_source for c in role.certifications if c.renewal_second_source}
        assert cited <= set(role.sources), role.id


def test_a_certification_renews_the_same_in_every_role(roles: dict[str, Role]) -> None:
    """NRP, NIHSS, BLS ... appear in several roles: one body, one period, one source everywhere."""
    seen: dict[str, tuple[str, tuple[object, ...]]] = {}
    for role in roles.values():
        for cert in role.certifications:
            facts = (
                cert.body,
                cert.renewal_months,
                cert.renewal_source,
                cert.renewal_second_source,
            )
            first = seen.setdefault(cert.id, (role.id, facts))
            assert first[1] == facts, f"{cert.id}: {first[0]} says {first[1]}, {role.id} {facts}"


CERT = {
    "id": "ccrn",
    "name": "CCRN",
    "body": "AACN",
    "requirement": "preferred",
    "importance": 4,
    "judgement": True,
}


def test_renewal_second_source_needs_a_sourced_period() -> None:
    RoleCertification.model_validate(
        {
            **CERT,
            "renewal_months": 36,
            "renewal_source": "https://body.example/renew",
            "renewal_second_source": "https://summary.example/ccrn",
        }
    )
    for bad in (
        {"renewal_second_source": "https://summary.example/ccrn"},
        {
            "renewal_months": 36,
            "renewal_source": "https://body.example/renew",
            "renewal_second_source": "https://body.example/renew",
        },
    ):
        with pytest.raises(ValidationError, match="renewal_second_source"):
            RoleCertification.model_validate({**CERT, **bad})
