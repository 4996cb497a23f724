"""Every bundled rules file through the schema, plus cross-checks between files.

The rules data is what a nurse acts on: these tests keep every fact sourced and dated, every
jurisdiction present once, and the compact and state files consistent with each other.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import BaseModel

from careerpath import jurisdictions
from careerpath.reference.loader import DataFileError, load_file, load_folder
from careerpath.reference.schema import (
    Compact,
    CompactModel,
    CompactStatus,
    ProfessionRules,
    SharedProfessionRules,
    Sourced,
)

DATA = Path(__file__).resolve().parents[2] / "data"
COMPACT_FILES = sorted((DATA / "compacts").glob("*.json"))
STATE_FILES = sorted((DATA / "states").glob("*.json"))
TODAY = dt.date.today()
REQUIRED_COMPACTS = {"nlc", "pt", "ot", "aslp", "counseling", "psypact", "ems", "aprn", "imlc",
                     "dietitian", "social_work", "pa"}  # fmt: skip
REQUIRED_PROFESSIONS = {"RN", "LPN", "PT", "PTA", "OT", "OTA", "SLP", "AUD"}


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    return load_folder(DATA)


def test_required_files_are_present(data) -> None:  # type: ignore[no-untyped-def]
    assert set(data.compacts) >= REQUIRED_COMPACTS
    assert set(data.states) >= REQUIRED_PROFESSIONS


@pytest.mark.parametrize("path", COMPACT_FILES + STATE_FILES, ids=lambda p: p.name)
def test_file_loads_through_schema(path: Path) -> None:
    loaded = load_file(path)
    assert isinstance(loaded, Compact | ProfessionRules | SharedProfessionRules)


@pytest.mark.parametrize("path", COMPACT_FILES, ids=lambda p: p.name)
def test_compact_lists_every_jurisdiction_once_in_order(path: Path) -> None:
    compact = load_file(path)
    assert isinstance(compact, Compact)
    assert [m.code for m in compact.jurisdictions] == sorted(jurisdictions.CODES)


@pytest.mark.parametrize("path", STATE_FILES, ids=lambda p: p.name)
def test_state_file_lists_each_jurisdiction_at_most_once(path: Path) -> None:
    rules = load_file(path)
    assert isinstance(rules, ProfessionRules | SharedProfessionRules)
    codes = [s.code for s in rules.jurisdictions]
    assert len(codes) == len(set(codes))
    assert set(jurisdictions.STATES_AND_DC) <= set(codes), "50 states and DC, at least"


def _sourced_blocks(node: object) -> list[Sourced]:
    found: list[Sourced] = []
    if isinstance(node, Sourced):
        found.append(node)
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            found.extend(_sourced_blocks(getattr(node, name)))
    elif isinstance(node, list):
        for item in node:
            found.extend(_sourced_blocks(item))
    return found


@pytest.mark.parametrize("path", COMPACT_FILES + STATE_FILES, ids=lambda p: p.name)
def test_every_fact_is_sourced_and_dated_in_the_past(path: Path) -> None:
    loaded = load_file(path)
    assert loaded.as_of <= TODAY
    for block in _sourced_blocks(loaded):
        if block.known_facts():
            assert block.source and block.source.startswith(("https://", "http://"))
            assert block.verified is not None and block.verified <= TODAY
        if block.second_source:
            assert block.second_source.startswith(("https://", "http://"))


@pytest.mark.parametrize("path", COMPACT_FILES, ids=lambda p: p.name)
def test_enactment_dates_are_not_in_the_future(path: Path) -> None:
    compact = load_file(path)
    assert isinstance(compact, Compact)
    for member in compact.jurisdictions:
        for when in (member.enacted, member.implemented):
            assert when is None or when <= TODAY, member.code
        if member.enacted and member.implemented:
            assert member.enacted <= member.implemented, member.code


def test_practice_and_issuing_flags_agree_with_status(data) -> None:  # type: ignore[no-untyped-def]
    """Nobody may practise on a compact in a state that has not put it in force."""
    for compact in data.compacts.values():
        for member in compact.jurisdictions:
            if member.practice_allowed or member.issues_to_residents:
                assert member.status in (CompactStatus.IMPLEMENTED, CompactStatus.PARTIAL), (
                    f"{compact.id} {member.code}: practice/issuing without being in force"
                )
            if member.status is CompactStatus.NOT_MEMBER:
                assert not member.practice_allowed, f"{compact.id} {member.code}"
            if compact.operational is False:
                assert not member.practice_allowed, f"{compact.id} {member.code}: not operational"


def test_privilege_states_are_members(data) -> None:  # type: ignore[no-untyped-def]
    for compact in data.compacts.values():
        if compact.model is not CompactModel.PRIVILEGE_TO_PRACTICE:
            continue
        for member in compact.jurisdictions:
            if member.privilege_fee_usd is not None or member.jurisprudence_exam:
                assert member.status in (CompactStatus.IMPLEMENTED, CompactStatus.PARTIAL,
                                         CompactStatus.ENACTED), f"{compact.id} {member.code}"  # fmt: skip


NON_COMPACT_PHRASES = (
    "not an nlc",
    "non-compact state",
    "not a compact state",
    "not part of the nlc",
)


def test_rn_notes_agree_with_the_nlc_file(data) -> None:  # type: ignore[no-untyped-def]
    nlc = data.compacts["nlc"]
    rn = data.states["RN"]
    for state in rn.jurisdictions:
        status = nlc.member(state.code).status
        text = " ".join(
            t.lower() for t in (state.notes, state.endorsement.notes, state.renewal.notes) if t
        )
        if any(p in text for p in NON_COMPACT_PHRASES):
            assert status not in (CompactStatus.IMPLEMENTED,), (
                f"{state.code}: RN notes call it non-compact but the NLC file says {status}"
            )


def test_nlc_has_uniform_requirements_with_questions(data) -> None:  # type: ignore[no-untyped-def]
    requirements = data.compacts["nlc"].rules.uniform_requirements
    assert len(requirements) >= 8
    assert all(r.question.endswith("?") for r in requirements)


def test_topics_have_slugs_and_nth_rules(data) -> None:  # type: ignore[no-untyped-def]
    for rules in data.states.values():
        for state in rules.jurisdictions:
            for topic in state.ce.mandatory_topics:
                assert topic.label
                if topic.every_n is not None:
                    assert topic.frequency is not None


def test_unsourced_fact_is_refused(tmp_path: Path) -> None:
    bad = json.loads((DATA / "compacts" / "nlc.json").read_text())
    bad["jurisdictions"][0]["source"] = None
    folder = tmp_path / "compacts"
    folder.mkdir()
    (folder / "nlc.json").write_text(json.dumps(bad))
    with pytest.raises(DataFileError, match=r"jurisdictions\[0\] \(AK\).*without a source"):
        load_file(folder / "nlc.json")


def test_duplicate_or_missing_jurisdiction_is_refused(tmp_path: Path) -> None:
    bad = json.loads((DATA / "compacts" / "nlc.json").read_text())
    bad["jurisdictions"][1] = bad["jurisdictions"][0]
    folder = tmp_path / "compacts"
    folder.mkdir()
    (folder / "nlc.json").write_text(json.dumps(bad))
    with pytest.raises(DataFileError, match="more than once"):
        load_file(folder / "nlc.json")
