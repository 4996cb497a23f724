"""What each license costs to keep, against the rules data, for a traveler with licenses in 12
states (RN: a Texas multistate license and eleven single-state licenses).

Each expected number is read from data/states/rn.json itself (renewal.cycle_months,
ce.hours_per_cycle, ce.mandatory_topics, with the source URL each rests on), not from the
planner. The data has no renewal fees yet (renewal.fee_usd is null everywhere: fees are not
guessed), so every fee must be unknown with the board's link; a fee case uses a copy of the
rules with fees set.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from tests.planner.builders import TODAY, d, lic, profile

from careerpath.paths import bundled_data_dir
from careerpath.planner.license_cost import LicenseCostReport, license_costs
from careerpath.records import Assignment, AssignmentStatus, LicenseKind, Records
from careerpath.reference.loader import RulesData, load

SINGLE = ["CA", "NY", "IL", "WA", "OR", "PA", "MA", "MI", "MN", "NJ", "NV"]


def traveler() -> Records:
    licenses = [lic(1, "RN", "TX", kind=LicenseKind.MULTISTATE, issued=d("2015-01-10"),
                    expires=d("2027-06-30"))]  # fmt: skip
    for index, state in enumerate(SINGLE, start=2):
        licenses.append(lic(index, "RN", state, issued=d("2016-03-01"), expires=d("2027-12-31")))
    done = AssignmentStatus.DONE
    assignments = [
        Assignment(id=1, jurisdiction="CA", start=d("2025-06-01"), end=d("2025-09-01"), status=done),
        # Florida is an NLC state and the traveler holds no Florida license: the multistate
        # license covered it.
        Assignment(id=2, jurisdiction="FL", start=d("2026-03-02"), end=d("2026-06-01"), status=done),
        # Used, but more than two years ago.
        Assignment(id=3, jurisdiction="NY", start=d("2023-01-02"), end=d("2023-04-01"), status=done),
        # Only considered: not a use.
        Assignment(id=4, jurisdiction="IL", start=d("2026-01-05"), status=AssignmentStatus.CONSIDERING),
    ]  # fmt: skip
    return Records(profile=profile("TX", "RN"), licenses=licenses, assignments=assignments)


def raw_rules() -> dict[str, dict[str, Any]]:
    document = json.loads((bundled_data_dir() / "states" / "rn.json").read_text())
    return {entry["code"]: entry for entry in document["jurisdictions"]}


@pytest.fixture(scope="module")
def report() -> LicenseCostReport:
    return license_costs(traveler(), load(), TODAY)


def topic_tag(code: str, topic: dict[str, Any]) -> str:
    """A state's own law or program is filled only by a course tagged for it."""
    return (
        f"{code.lower()}-{topic['topic']}" if topic.get("jurisdiction_specific") else topic["topic"]
    )


def test_every_number_comes_from_the_rules_data(report: LicenseCostReport) -> None:
    raw = raw_rules()
    assert len(report.licenses) == 12
    hours = {code: None if raw[code]["ce"].get("hours_per_cycle") is None
             else Decimal(str(raw[code]["ce"]["hours_per_cycle"])) for code in ["TX", *SINGLE]}  # fmt: skip
    topics = {code: {topic_tag(code, t): t["label"] for t in raw[code]["ce"]["mandatory_topics"]}
              for code in hours}  # fmt: skip
    for row in report.licenses:
        rules = raw[row.state]
        cited = f"{row.state}: {rules['renewal']['source']} / {rules['ce']['source']}"
        assert row.cycle_months == rules["renewal"]["cycle_months"], cited
        assert rules["renewal"].get("fee_usd") is None  # no sourced fee anywhere yet
        assert row.renewal_fee_usd is None and row.cost_per_year_usd is None, cited
        assert (
            f"renewal fee: unknown - check with the board ({rules['board']['url']})" in row.unknowns
        )
        mine = hours[row.state]
        assert row.ce_hours_per_cycle == mine, cited
        assert row.ce_hours_owed == mine, cited  # no CE logged yet
        if mine is None:
            assert row.ce_hours_only_this is None
            assert any(u.startswith("CE hours still owed: unknown") for u in row.unknowns)
        else:
            others = max(h for code, h in hours.items() if code != row.state and h is not None)
            assert row.ce_hours_only_this == max(Decimal(0), mine - others), cited
        shared = {t for code, ts in topics.items() if code != row.state for t in ts}
        assert row.unique_topics == [label for t, label in topics[row.state].items()
                                     if t not in shared], cited  # fmt: skip
    assert report.known_cost_per_year_usd == 0 and report.unknown_costs == 12


def test_concrete_figures(report: LicenseCostReport) -> None:
    """A few figures spelled out (rn.json as of this branch)."""
    by_state = {row.state: row for row in report.licenses}
    assert by_state["WA"].cycle_months == 12 and by_state["WA"].ce_hours_owed == 8
    assert by_state["NY"].cycle_months == 36 and by_state["NY"].ce_hours_owed == 0
    # CA, NJ, NV, PA need 30 h: none needs more than the others, so none is "only this".
    assert {by_state[s].ce_hours_only_this for s in ("CA", "NJ", "NV", "PA")} == {Decimal(0)}
    assert "Organ donation" not in " ".join(by_state["NJ"].unique_topics)  # PA requires it too


def test_unused_licenses_first(report: LicenseCostReport) -> None:
    order = [row.state for row in report.licenses]
    used = {row.state: row.last_used for row in report.licenses if not row.unused}
    assert used == {"CA": d("2025-09-01"), "TX": d("2026-06-01")}
    assert order[-2:] == ["CA", "TX"]  # used ones last
    ny = next(r for r in report.licenses if r.state == "NY")
    assert ny.last_used == d("2023-04-01") and ny.unused
    il = next(r for r in report.licenses if r.state == "IL")
    assert il.last_used is None  # a considered assignment is not a use


def test_what_lapsing_means(report: LicenseCostReport) -> None:
    tx = next(r for r in report.licenses if r.state == "TX")
    assert tx.lapse[0] == "No practice in TX or, on this license, in any other compact state."
    assert (
        tx.lapse[-1]
        == "Reinstatement rules: unknown - check with the board (https://www.bon.texas.gov/)."
    )


def with_fees(rules: RulesData, fees: dict[str, float]) -> RulesData:
    rn = rules.states["RN"]
    entries = [
        e.model_copy(update={"renewal": e.renewal.model_copy(update={"fee_usd": fees[e.code]})})
        if e.code in fees else e
        for e in rn.jurisdictions
    ]  # fmt: skip
    states = {**rules.states, "RN": rn.model_copy(update={"jurisdictions": entries})}
    return rules._replace(states=states)


def test_cost_per_year_and_costliest_first_among_unused() -> None:
    rules = with_fees(load(), {"WA": 120.0, "NY": 294.0, "MA": 120.0, "CA": 190.0})
    report = license_costs(traveler(), rules, TODAY)
    by_state = {row.state: row for row in report.licenses}
    assert by_state["WA"].cost_per_year_usd == Decimal("120.00")  # 12-month cycle
    assert by_state["NY"].cost_per_year_usd == Decimal("98.00")  # 294 over 36 months
    assert by_state["MA"].cost_per_year_usd == Decimal("60.00")
    assert by_state["CA"].cost_per_year_usd == Decimal("95.00")
    assert [r.state for r in report.licenses][:3] == ["WA", "NY", "MA"]  # unused, costliest
    assert report.known_cost_per_year_usd == Decimal("373.00") and report.unknown_costs == 8


def test_privileges_and_lapsed_licenses() -> None:
    records = Records(
        profile=profile("OR", "PT"),
        licenses=[lic(1, "PT", "OR"), lic(2, "PT", "WA", kind=LicenseKind.PRIVILEGE,
                                          home_license_id=1),
                  lic(3, "PT", "CA", status="expired", expires=d("2024-01-31"))],
    )  # fmt: skip
    report = license_costs(records, load(), TODAY)
    by_state = {r.state: r for r in report.licenses}
    assert set(by_state) == {"OR", "WA"}  # the expired one is not kept
    home = by_state["OR"]
    assert any(line.startswith("Compact privileges resting on it end too: ") for line in home.lapse)
    privilege = by_state["WA"]
    assert privilege.renewal_fee_usd is None
    assert privilege.lapse[-1].startswith("Getting a lapsed privilege back: unknown - check with")


def test_cli_table_and_json(cli: Any) -> None:
    cli("license", "add", "--profession", "RN", "--state", "WA", "--expires", "2027-05-01")
    text = cli("licenses", "cost")
    assert text.code == 0 and "RN license WA #1" in text.out and "12 mo" in text.out
    assert "Cost per year: unknown - check with the board" in text.out
    data = json.loads(cli("license", "cost", "--json").out)
    assert data["licenses"][0]["cycle_months"] == 12
    assert data["licenses"][0]["renewal_fee_usd"] is None
    assert dt.date.fromisoformat(data["today"]) == TODAY
