"""End to end through the CLI in a temporary home: the stories users come with."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import CLI


def _json(cli: CLI, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.code in (0, 10, 11), result.err
    return json.loads(result.out)


def _setup(cli: CLI, *commands: list[str]) -> None:
    for command in commands:
        result = cli(*command)
        assert result.code == 0, (command, result.err)


def test_nlc_nurse_takes_an_assignment_in_a_non_nlc_state(cli: CLI) -> None:
    _setup(
        cli,
        ["profile", "set", "--name", "Ana", "--profession", "RN", "--home-state", "TX"],
        [
            "license",
            "add",
            "--profession",
            "RN",
            "--state",
            "TX",
            "--kind",
            "multistate",
            "--expires",
            "2028-05-31",
        ],
        ["assignment", "add", "--state", "OR", "--start", "2027-04-05", "--facility", "OHSU"],
    )
    where = _json(cli, "where", "--state", "OR")[0]["jurisdictions"][0]
    assert where["basis"] == "license_needed"
    plan = _json(cli, "plan")[0]
    assert plan["verdict"] == "on_track" and plan["best_route"] == "endorsement"
    assert plan["apply_by"] == "2026-12-28"  # 98 days before 5 April
    text = cli("plan", "--state", "OR", "--start", "2027-04-05").out
    assert "ON TRACK: apply by 2026-12-28 (endorsement)" in text
    assert "Verify your current license through Nursys" in text
    assert cli("remind").code == 10


def test_nurse_living_in_a_non_nlc_state(cli: CLI) -> None:
    _setup(
        cli,
        ["profile", "set", "--name", "Ben", "--profession", "RN", "--home-state", "CA"],
        ["license", "add", "--profession", "RN", "--state", "CA", "--expires", "2028-01-31"],
    )
    report = _json(cli, "where")[0]
    assert [j["code"] for j in report["jurisdictions"] if j["basis"] == "license"] == ["CA"]
    texas = next(j for j in report["jurisdictions"] if j["code"] == "TX")
    assert texas["basis"] == "license_needed"
    out = cli("where").out
    assert "you may practise in 1 of 56 jurisdictions today" in out


def test_nurse_moving_home_between_two_nlc_states(cli: CLI) -> None:
    _setup(
        cli,
        ["profile", "set", "--name", "Cy", "--profession", "RN", "--home-state", "TX"],
        [
            "license",
            "add",
            "--profession",
            "RN",
            "--state",
            "TX",
            "--kind",
            "multistate",
            "--expires",
            "2028-05-31",
        ],
    )
    move = _json(cli, "where", "--if-home", "FL")[0]
    assert move["from_state"] == "TX" and move["to_state"] == "FL"
    assert "within 60 days" in move["apply_for"][0]
    assert move["lose"] == []
    out = cli("where", "--if-home", "FL").out
    assert "apply for: A multistate RN license from FL" in out


def test_pt_buys_a_compact_privilege(cli: CLI) -> None:
    _setup(
        cli,
        ["profile", "set", "--name", "Dee", "--profession", "PT", "--home-state", "TX"],
        ["license", "add", "--profession", "PT", "--state", "TX", "--expires", "2028-05-31"],
    )
    plan = _json(cli, "plan", "--state", "AL", "--start", "2027-02-01")[0]
    assert plan["best_route"] == "privilege" and plan["verdict"] == "on_track"
    # Alabama's $85 state fee plus the $45 Commission fee (ptcompact.org/How-to-Get-Privileges).
    assert plan["routes"][0]["fee_usd"] == 130
    assert "$130 in all (state fee $85 plus the $45 commission fee)" in json.dumps(plan)
    _setup(
        cli,
        [
            "license",
            "add",
            "--profession",
            "PT",
            "--state",
            "AL",
            "--kind",
            "privilege",
            "--home-license",
            "1",
            "--expires",
            "2028-05-31",
        ],
    )
    alabama = _json(cli, "where", "--state", "AL")[0]["jurisdictions"][0]
    assert alabama["basis"] == "privilege" and alabama["rests_on"] == 1


def test_license_expiring_mid_assignment(cli: CLI) -> None:
    _setup(
        cli,
        ["profile", "set", "--name", "Eve", "--profession", "RN", "--home-state", "TX"],
        [
            "license",
            "add",
            "--profession",
            "RN",
            "--state",
            "TX",
            "--kind",
            "multistate",
            "--expires",
            "2027-02-28",
        ],
        ["assignment", "add", "--state", "CO", "--start", "2027-01-04", "--end", "2027-04-04"],
    )
    plan = _json(cli, "plan")[0]
    assert plan["verdict"] == "renew"
    assert plan["expiring"][0]["when"] == "during the assignment"
    assert (
        "expires during the assignment: RN multistate license TX #1 on 2027-02-28"
        in cli("plan").out
    )


def test_ce_log_short_of_one_mandatory_topic(cli: CLI) -> None:
    # Florida RN: 24 h per biennium including 2 h each of medical errors, laws and rules and
    # human trafficking (floridasnursing.gov, in data/states/rn.json FL).
    _setup(
        cli,
        ["profile", "set", "--name", "Flo", "--profession", "RN", "--home-state", "FL"],
        [
            "license",
            "add",
            "--profession",
            "RN",
            "--state",
            "FL",
            "--kind",
            "multistate",
            "--issued",
            "2015-01-10",
            "--expires",
            "2027-04-30",
        ],
        [
            "ce",
            "add",
            "--date",
            "2026-03-01",
            "--provider",
            "FNA",
            "--session",
            "Errors|2|medical-errors",
            "--session",
            "Rules|2|Florida laws and rules",
            "--session",
            "Trafficking|2|human-trafficking",
            "--session",
            "Impairment|2|substance-use",
            "--session",
            "Sepsis|16|sepsis",
        ],
    )
    status = _json(cli, "ce", "status")["licenses"][0]
    assert status["earned"] == "24"
    assert status["missing"] == ["Domestic violence"]
    assert status["needed"] == "2"  # domestic violence is on top of the 24 hours
    out = cli("ce", "status").out
    assert "missing: Domestic violence" in out
    counts = _json(cli, "ce", "what-counts", "1")
    assert counts["toward"][0]["topics"] == ["Prevention of medical errors"]


def test_remind_exit_codes_and_errors(cli: CLI) -> None:
    assert cli("remind").code == 0
    assert "Nothing due" in cli("remind").out
    bad = cli("remind", "--lead-times", "x,7")
    assert bad.code == 2 and "--lead-times" in bad.err
    assert cli("plan", "--state", "ZZ", "--start", "2027-01-01").code == 2
    assert cli("plan", "--state", "OR").code == 2
    assert cli("ce", "what-counts", "99").code == 1
