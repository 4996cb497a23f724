"""Scenarios from the growth-for-every-traveler issue: an OT, a PTA, an LPN and an SLP, each from
profile to plan to checklist, through the CLI as a traveler would run it (today 2026-11-25).

Each sets a profession and specialty but no target role, rates two skills twice (the second
time through a checklist or a competency sign-off) and books an assignment that names its unit.
The answers rest on:

- the role files (data/roles/*.json; levels and weights are the project's judgement);
- Florida's mandatory CE topics (data/states/*.json, FL; e.g. OT medical errors and laws and
  rules, cited in data/states/ot.json to https://floridasoccupationaltherapy.gov/help-center/considering-covid-and-social-distancing-how-may-i-complete-14-hours-of-live-ce-credit-for-licensure-renewal/).
  The data names no approved providers for them, so no role course may claim to fill them;
- AHA course cards last two years (https://cpr.heart.org/en/resources/course-card-information).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from tests.conftest import CLI


def _ok(cli: CLI, *args: str) -> str:
    result = cli(*args)
    assert result.code == 0, (args, result.err)
    return result.out


@dataclass(frozen=True)
class Traveler:
    profession: str
    specialty: str
    role: str
    """The role the profile leads to, with no target role set."""
    first: tuple[str, str, str]
    """Skill rated twice: name, the level in March, the level in October."""
    second: tuple[str, str]
    """Skill rated once, below what the role expects: name, level."""
    unit: str
    """What the assignment names as its unit."""
    assessed_by: str
    certs: tuple[tuple[str, str], ...] = (("BLS", "2027-01-20"),)


TRAVELERS = [
    Traveler(
        "OT", "SNF", "ot-snf",
        ("ADL retraining (dressing, bathing, toileting)", "2", "3"),
        ("Medicare Part A/B documentation, PDPM and section GG", "1"),
        "skilled nursing", "competency",
    ),
    Traveler(
        "PTA", "outpatient", "pta-outpatient",
        ("Post-operative protocols (ACL, rotator cuff, total joints)", "2", "3"),
        ("Daily notes, timed codes and the 8-minute rule", "2"),
        "outpatient ortho", "checklist",
    ),
    Traveler(
        "LPN", "long-term care", "lpn-long-term-care",
        ("Medication pass for 20 or more residents", "2", "3"),
        ("Wound care and pressure-injury prevention", "2"),
        "SNF", "competency",
    ),
    Traveler(
        "SLP", "school", "slp-school",
        ("Articulation and phonological disorders", "3", "4"),
        ("IEP goals, eligibility meetings and progress reports", "2"),
        "school-based", "checklist",
        (("BLS", "2027-01-20"), ("CCC-SLP", "2028-12-31")),
    ),
]  # fmt: skip


def _set_up(cli: CLI, t: Traveler) -> None:
    _ok(cli, "profile", "set", "--name", f"Alex {t.profession}", "--profession", t.profession,
        "--home-state", "FL", "--specialty", t.specialty)  # fmt: skip
    _ok(cli, "license", "add", "--profession", t.profession, "--state", "FL",
        "--kind", "single_state", "--issued", "2020-03-01", "--expires", "2027-05-31")  # fmt: skip
    for name, expires in t.certs:
        _ok(cli, "cert", "add", "--name", name, "--expires", expires)
    skill, march, october = t.first
    _ok(cli, "skill", "add", "--skill", skill, "--level", march, "--assessed-on", "2026-03-10")
    listed = json.loads(_ok(cli, "skill", "list", "--json"))
    rid = str(next(r["id"] for r in listed if r["skill"] == skill))
    _ok(cli, "skill", "edit", rid, "--level", october, "--assessed-on", "2026-10-02",
        "--assessed-by", t.assessed_by)  # fmt: skip
    _ok(cli, "skill", "add", "--skill", t.second[0], "--level", t.second[1])
    _ok(cli, "assignment", "add", "--state", "FL", "--facility", "Bayside", "--specialty",
        t.unit, "--start", "2027-01-04", "--end", "2027-04-03", "--status", "booked")  # fmt: skip


@pytest.mark.parametrize("t", TRAVELERS, ids=[t.profession for t in TRAVELERS])
def test_profile_to_plan_to_checklist(cli: CLI, t: Traveler) -> None:
    _set_up(cli, t)

    # The role list and the default role follow the profession.
    roles = json.loads(_ok(cli, "roles", "--json"))
    assert len(roles) >= 3 and all(t.profession in r["professions"] for r in roles)
    plan = json.loads(_ok(cli, "upskill", "--json"))
    assert plan["role_id"] == t.role

    # The history: one rating with two dated entries, and the trend in words.
    history = json.loads(_ok(cli, "skill", "list", "--json"))
    entries = next(r["history"] for r in history if r["skill"] == t.first[0])
    assert [(e["level"], e["assessed_on"]) for e in entries] == [
        (int(t.first[1]), "2026-03-10"),
        (int(t.first[2]), "2026-10-02"),
    ]
    trend = next(tr for tr in plan["trends"] if tr["skill"] == t.first[0])
    assert (trend["from_level"], trend["to_level"], trend["since"]) == (
        int(t.first[1]), int(t.first[2]), "2026-03-10"
    )  # fmt: skip
    text = _ok(cli, "upskill")
    assert f"you moved from {t.first[1]} to {t.first[2]} in {t.first[0]} since March 2026" in text

    # The gap ranks with a reason in words, its steps with time and cost.
    item = next(i for i in plan["items"] if i["name"] == t.second[0])
    assert f"you rated {t.second[1]} of 4 and it expects 3" in item["reason"]
    assert "[" not in item["reason"]
    assert all(s["effort_hours"] and s["cost"] for s in item["steps"])

    # Never an overclaim: no approved provider is named in the data, nothing is recorded.
    steps = [s for i in plan["items"] for s in i["steps"]] + [
        c["step"] for c in plan["topic_courses"]
    ]
    assert not any(s["fills_missing_topic"] for s in steps)
    assert all(not c["settled"] for s in steps for c in s["topic_claims"])
    assert all(not c["settled"] for c in plan["topic_courses"])
    assert plan["topic_courses"], "a Florida topic is missing and some role course is about it"
    assert "fills" not in text and "check that the course is approved for it" in text

    # Ready for the booked assignment: BLS lapses during it, the low-rated skill is a gap.
    (ready,) = plan["readiness"]
    assert ready["start"] == "2027-01-04" and ready["days_left"] == 40
    gaps = {g["name"]: g for g in ready["gaps"]}
    bls = gaps["Basic Life Support (BLS) Provider"]
    assert bls["problem"] == "expires 2027-01-20, during the assignment" and bls["stale"]
    assert gaps[t.second[0]]["step_keys"]
    assert "Ready for " in text and "gap(s) to close first" in text

    # The checklist carries the latest rating with the day and how it was assessed.
    rows = _ok(cli, "checklist", "--format", "csv").splitlines()
    line = next(r for r in rows if f",{t.first[0]}," in r or f',"{t.first[0]}",' in r)
    how = {"competency": "competency sign-off", "checklist": "skills checklist"}[t.assessed_by]
    assert line.endswith(f",2026-10-02,{how}"), line


def test_an_assignment_in_another_role_points_to_its_readiness(cli: CLI) -> None:
    ot = TRAVELERS[0]
    _set_up(cli, ot)
    _ok(cli, "assignment", "add", "--state", "FL", "--facility", "Mercy", "--specialty", "acute",
        "--start", "2027-04-12", "--status", "offered")  # fmt: skip
    text = _ok(cli, "upskill")
    assert "your acute assignment from 2027-04-12 (FL)" in text
    assert "careerpath upskill --role ot-acute-rehab" in text
    acute = json.loads(_ok(cli, "upskill", "--role", "ot-acute-rehab", "--json"))
    assert [r["start"] for r in acute["readiness"]] == ["2027-04-12"]
