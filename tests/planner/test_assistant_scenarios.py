"""PTA, OTA and audiologist travelers: their answers come from their own rules, not the
therapist's (or the SLP's), state by state, each case citing the rule it rests on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CLI


def _json(cli: CLI, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.code in (0, 10, 11), result.err
    return json.loads(result.out)


def _setup(cli: CLI, *commands: list[str]) -> None:
    for command in commands:
        result = cli(*command)
        assert result.code == 0, (command, result.err)


def _licensed(cli: CLI, profession: str, partner: str, state: str, expires: str) -> None:
    _setup(
        cli,
        ["profile", "set", "--name", "Sam", "--profession", profession, "--home-state", state],
        ["license", "add", "--profession", profession, "--state", state, "--expires", expires],
        ["license", "add", "--profession", partner, "--state", state, "--expires", expires],
    )


def _ce_rows(cli: CLI) -> dict[str, dict[str, Any]]:
    return {row["profession"]: row for row in _json(cli, "ce", "status")["licenses"]}


# (profession, therapist, state, expiry, own hours, therapist's hours, rule)
HOURS = [
    ("PTA", "PT", "TX", "2027-06-30", "20", "30",
     "https://regulations.justia.com/states/texas/title-22/part-16/chapter-341/section-341-2"),
    ("PTA", "PT", "IL", "2028-09-30", "20", "40",
     "https://witnessslips.ilga.gov/agencies/JCAR/EntirePart?titlepart=06801340"),
    ("PTA", "PT", "WA", "2028-03-14", "24", "32",
     "https://doh.wa.gov/licenses-permits-and-certificates/professions-new-renew-or-update/physical-therapist-and-physical-therapist-assistant/continuing-education"),
    ("OTA", "OT", "AZ", "2027-10-31", "12", "20",
     "https://ot.az.gov/therapist-information/continuing-education"),
    ("OTA", "OT", "AL", "2027-09-30", "20", "30", "https://ot.alabama.gov/conted.aspx"),
    ("OTA", "OT", "NE", "2028-08-01", "15", "20",
     "https://casetext.com/regulation/nebraska-administrative-code/health-and-human-services-system/title-172-professional-and-occupational-licensure/chapter-114-licensure-of-occupational-therapy/section-172-114-008-continuing-education"),
    ("AUD", "SLP", "NV", "2027-10-31", "10", "15",
     "https://www.nvspeechhearing.org/prac/ce/index.asp.asp"),
    ("AUD", "SLP", "DC", "2028-01-31", "20", "20", "http://dcrules.elaws.us/dcmr/17-7808"),
    ("AUD", "SLP", "MI", "2028-01-31", "20", "20",
     "https://ars.apps.lara.state.mi.us/Transaction/DownloadFile?FileName=FinalRule%28s%29.pdf&FileType=FinalRule&TransactionID=1464&EffectiveDate=12%2F12%2F2024&ReturnHTML=True"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("profession", "partner", "state", "expires", "own", "theirs", "rule"),
    HOURS,
    ids=[f"{h[0]}-{h[2]}" for h in HOURS],
)
def test_ce_hours_are_the_professions_own(
    cli: CLI,
    profession: str,
    partner: str,
    state: str,
    expires: str,
    own: str,
    theirs: str,
    rule: str,
) -> None:
    _licensed(cli, profession, partner, state, expires)
    rows = _ce_rows(cli)
    assert rows[profession]["required"] == own
    assert rows[partner]["required"] == theirs
    assert rows[profession]["source"] == rule


def test_texas_pta_reminder_owes_the_pta_hours(cli: CLI) -> None:
    """22 TAC 341.2: 20 CCUs for a PTA (30 for a PT) in the 24 months before expiry."""
    _licensed(cli, "PTA", "PT", "TX", "2027-06-30")
    text = cli("remind", "--within", "400").out
    assert "CE for PTA license TX #1 still owes 20 h" in text
    assert "CE for PT license TX #2 still owes 30 h" in text


def test_west_virginia_ota_renews_on_june_30(cli: CLI) -> None:
    """WV Board of OT: OTA licenses moved to June 30 (OT licenses stay December 31),
    https://www.wvbot.org/ota-license-expiration-date-change/"""
    _setup(
        cli,
        ["profile", "set", "--name", "Ola", "--profession", "OTA", "--home-state", "WV"],
        ["license", "add", "--profession", "OTA", "--state", "WV", "--expires", "2028-06-30"],
    )
    row = _ce_rows(cli)["OTA"]
    assert (row["window_start"], row["window_end"]) == ("2026-07-01", "2028-06-30")
    assert row["required"] == "24"


def test_dc_audiologist_needs_an_ethics_hour_the_slp_file_does_not_list(cli: CLI) -> None:
    """17 DCMR 7808.3: 20 hours related to audiology including 1 hour in ethics,
    http://dcrules.elaws.us/dcmr/17-7808"""
    _licensed(cli, "AUD", "SLP", "DC", "2028-01-31")
    rows = _ce_rows(cli)
    assert [t["topic"] for t in rows["AUD"]["topics"]] == ["ethics"]
    assert rows["AUD"]["topics"][0]["hours_required"] == "1"
    assert "ethics" not in [t["topic"] for t in rows["SLP"]["topics"]]


def test_michigan_audiologist_has_the_audiology_boards_rule(cli: CLI) -> None:
    """Michigan audiologist rules R 338.10-338.11 (effective 12 December 2024): 20 hours,
    1 in pain and symptom management; the SLP rules add human-trafficking training."""
    _licensed(cli, "AUD", "SLP", "MI", "2028-01-31")
    rows = _ce_rows(cli)
    assert [t["topic"] for t in rows["AUD"]["topics"]] == ["pain-management"]
    assert "human-trafficking" in [t["topic"] for t in rows["SLP"]["topics"]]


def test_florida_audiologist_is_not_given_the_slp_permit_facts(cli: CLI) -> None:
    """The SLP file's Florida answer (no temporary licence: the provisional license is the SLP
    clinical fellowship's, rule 64B20-2.003) is an SLP fact; for an audiologist no source was
    read, so the answer is unknown, not borrowed."""
    _licensed(cli, "AUD", "SLP", "CO", "2027-10-31")
    aud = _json(cli, "where", "--profession", "AUD", "--state", "FL")[0]["jurisdictions"][0]
    slp = _json(cli, "where", "--profession", "SLP", "--state", "FL")[0]["jurisdictions"][0]
    assert "no temporary license" in slp["detail"]
    assert "temporary" not in aud["detail"]


def test_california_audiologist_gets_the_temporary_license_asha_states_for_both(cli: CLI) -> None:
    """ASHA's California page: audiologists and SLPs licensed elsewhere may get a six-month
    temporary license once they have applied (stated same as SLP in aud.json),
    https://speechandhearing.ca.gov/applicants/faqs.shtml"""
    _licensed(cli, "AUD", "SLP", "CO", "2027-10-31")
    aud = _json(cli, "where", "--profession", "AUD", "--state", "CA")[0]["jurisdictions"][0]
    assert "temporary license available (180 days)" in aud["detail"]


def test_audiologists_are_planned_under_the_aslp_compact_like_slps(cli: CLI) -> None:
    """ASLP-IC covers audiologists and SLPs alike (compact professions SLP, AUD)."""
    _licensed(cli, "AUD", "SLP", "CO", "2027-10-31")
    aud = _json(cli, "where", "--profession", "AUD")[0]
    slp = _json(cli, "where", "--profession", "SLP")[0]
    assert aud["compact"] == slp["compact"] == "ASLP-IC"
    assert [j["basis"] for j in aud["jurisdictions"]] == [j["basis"] for j in slp["jurisdictions"]]
    plan = _json(cli, "plan", "--profession", "AUD", "--state", "FL", "--start", "2027-03-01")
    assert plan[0]["authority"]["basis"] == "compact_pending"


@pytest.mark.parametrize("profession", ["RT", "APRN"])
def test_a_profession_without_rules_data_says_so_everywhere(cli: CLI, profession: str) -> None:
    _setup(
        cli,
        ["profile", "set", "--name", "Rae", "--profession", profession, "--home-state", "TX"],
        ["license", "add", "--profession", profession, "--state", "TX", "--expires", "2027-10-31"],
    )
    phrase = "no rules data for this profession"
    row = _ce_rows(cli)[profession]
    assert row["status"] == "unknown" and row["required"] is None
    assert any(phrase in u["what"] for u in row["unknowns"])
    where = _json(cli, "where", "--profession", profession)[0]
    assert any(phrase + " - check with the board" in note for note in where["notes"])
    plan = cli("plan", "--profession", profession, "--state", "CA", "--start", "2027-03-01").out
    assert phrase + " - check with the board" in plan


def test_illinois_audiologist_needs_two_ethics_hours_and_no_slpa_supervision(cli: CLI) -> None:
    """68 Ill. Adm. Code 1465.85(a)(5)-(6): an audiologist needs 2 clock hours of ethics or
    legal requirements of audiology per cycle, an SLP 1; SLPA supervision hours are SLP-only,
    https://ilga.gov/commission/jcar/admincode/068/068014650000850R.html"""
    _licensed(cli, "AUD", "SLP", "IL", "2027-10-31")
    rows = _ce_rows(cli)
    aud = {t["topic"]: t for t in rows["AUD"]["topics"]}
    slp = {t["topic"]: t for t in rows["SLP"]["topics"]}
    assert aud["ethics"]["hours_required"] == "2" and slp["ethics"]["hours_required"] == "1"
    assert "supervision" in slp and "supervision" not in aud
    assert rows["AUD"]["required"] == rows["SLP"]["required"] == "20"
    assert (
        rows["AUD"]["source"]
        == "https://ilga.gov/commission/jcar/admincode/068/068014650000850R.html"
    )


def test_exports_carry_the_pta_hours(cli: CLI, tmp_path: Path) -> None:
    """The calendar and the packet use the Texas PTA rule (20 CCUs, 22 TAC 341.2), not the
    PT's 30, https://regulations.justia.com/states/texas/title-22/part-16/chapter-341/section-341-2"""
    _setup(
        cli,
        ["profile", "set", "--name", "Pia", "--profession", "PTA", "--home-state", "TX"],
        ["license", "add", "--profession", "PTA", "--state", "TX", "--expires", "2027-06-30"],
    )
    calendar, packet = tmp_path / "plan.ics", tmp_path / "packet.md"
    assert cli("export", str(calendar)).code == 0
    assert cli("export", str(packet)).code == 0
    assert "SUMMARY:CE for PTA license TX: 20 h" in calendar.read_text()
    assert "| PTA license TX | 2025-07-01 – 2027-06-30 | 20 |" in packet.read_text()
