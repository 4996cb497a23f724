"""The PTA, OTA and audiology files: every fact is the profession's own, a sourced "same as"
the partner profession's (PT, OT, SLP), or an explicit dated unknown - never an unstated
inheritance - and the loader resolves shared blocks with their provenance kept."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careerpath import jurisdictions
from careerpath.records import Profession
from careerpath.reference.loader import DataFileError, load_file, load_folder
from careerpath.reference.schema import (
    ResolvedStateRules,
    SameAs,
    SharedProfessionRules,
    SharedStateRules,
    Sourced,
)

DATA = Path(__file__).resolve().parents[2] / "data"
SHARED = {"PTA": ("pta.json", "PT"), "OTA": ("ota.json", "OT"), "AUD": ("aud.json", "SLP")}
NO_RULES_FILE = {Profession.APRN, Profession.RT}
"""Professions the records accept that have no rules data yet: answers must say so."""

FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "board": ("board", lambda b: b.name or b.url),
    "cycle": ("renewal", lambda b: b.cycle_months),
    "expiry rule": ("renewal", lambda b: b.expiry.kind),
    "first-renewal rule": ("renewal", lambda b: b.first_renewal),
    "CE hours": ("ce", lambda b: b.hours_per_cycle),
    "mandatory topics": ("ce", lambda b: b.mandatory_topics or None),
    "endorsement processing": ("endorsement", lambda b: b.processing_days.typical
                               or b.processing_days.max or b.processing_days.min),
    "temporary permit": ("endorsement", lambda b: b.temporary_license.available),
    "fingerprints": ("endorsement", lambda b: b.fingerprints_required),
    "fee": ("endorsement", lambda b: b.fee_usd),
}  # fmt: skip
TODAY = dt.date.today()


def _raw(profession: str) -> SharedProfessionRules:
    loaded = load_file(DATA / "states" / SHARED[profession][0])
    assert isinstance(loaded, SharedProfessionRules)
    return loaded


@pytest.mark.parametrize("profession", sorted(SHARED))
def test_every_field_is_own_fact_same_as_or_dated_unknown(profession: str) -> None:
    rules = _raw(profession)
    assert rules.shares_with == SHARED[profession][1]
    assert sorted(e.code for e in rules.jurisdictions) == sorted(jurisdictions.STATES_AND_DC)
    for entry in rules.jurisdictions:
        for field, (block_name, get) in FIELDS.items():
            block = getattr(entry, block_name)
            where = f"{profession} {entry.code} {field}"
            if isinstance(block, SameAs):
                assert block.same_as == rules.shares_with, where
                assert block.source.startswith(("https://", "http://")), where
                assert block.verified <= TODAY, where
            elif get(block) is not None:
                if isinstance(block, Sourced):
                    assert block.source and block.verified and block.verified <= TODAY, where
            elif block_name == "board":
                pytest.fail(f"{where}: no board")
            else:
                # An explicit unknown: the block says what was searched, and when.
                assert isinstance(block, Sourced) and block.verified, where
                assert block.verified <= TODAY, where
                assert block.notes, f"{where}: null without a note of what was searched"


def test_every_profession_the_records_accept_has_its_own_rules_or_none() -> None:
    data = load_folder(DATA)
    for profession in Profession:
        rules = data.state_rules(profession.value)
        if profession in NO_RULES_FILE:
            assert rules is None, f"{profession}: has rules now; drop it from NO_RULES_FILE"
            continue
        assert rules is not None, f"{profession} has no rules file"
        assert rules.profession == profession.value, f"{profession} answered by another file"
        assert all(data.rules_for(profession.value, code) for code in jurisdictions.STATES_AND_DC)


def test_resolved_block_keeps_both_sources() -> None:
    """Texas PTA CE: same as PT except 20 CCUs (22 TAC 341.2)."""
    data = load_folder(DATA)
    pt, pta = data.rules_for("PT", "TX"), data.rules_for("PTA", "TX")
    assert pt is not None and isinstance(pta, ResolvedStateRules)
    assert pt.ce.hours_per_cycle == 30 and pta.ce.hours_per_cycle == 20
    assert pta.ce.mandatory_topics == pt.ce.mandatory_topics
    statement = pta.shared["ce"]
    assert statement.same_as == "PT" and statement.overrides == {"hours_per_cycle": 20}
    assert pta.ce.source == statement.source and pta.ce.verified == statement.verified
    if statement.source == pt.ce.source:
        assert pta.ce.second_source == pt.ce.second_source
    else:
        assert pta.ce.second_source == pt.ce.source
    # Florida: the statement cites the rule (64B17-9.001), the PT block the board's page.
    fl_pt, fl_pta = data.rules_for("PT", "FL"), data.rules_for("PTA", "FL")
    assert fl_pt is not None and isinstance(fl_pta, ResolvedStateRules)
    assert fl_pta.ce.source != fl_pt.ce.source and fl_pta.ce.second_source == fl_pt.ce.source
    assert pta.ce.notes and pta.ce.notes.startswith(statement.notes or "")
    assert "renewal" not in pta.shared and pta.renewal.cycle_months == 24


# --- the schema refuses every unstated inheritance --------------------------------------------
def _folder(tmp_path: Path, edit: Callable[[dict[str, Any]], None], name: str = "pta.json") -> Path:
    folder = tmp_path / "data"
    (folder / "states").mkdir(parents=True)
    (folder / "compacts").mkdir()
    for partner in ("pt.json", "ot.json", "slp.json"):
        (folder / "states" / partner).write_bytes((DATA / "states" / partner).read_bytes())
    (folder / "sources").mkdir()
    registry = DATA / "sources" / "registry.json"
    (folder / "sources" / "registry.json").write_bytes(registry.read_bytes())
    document = json.loads((DATA / "states" / name).read_text())
    edit(document)
    (folder / "states" / name).write_text(json.dumps(document))
    return folder


def _entry(document: dict[str, Any], code: str) -> dict[str, Any]:
    return next(e for e in document["jurisdictions"] if e["code"] == code)


def _blank(document: dict[str, Any]) -> None:
    _entry(document, "TX")["ce"] = {"hours_per_cycle": None}


def _unsourced_same_as(document: dict[str, Any]) -> None:
    del _entry(document, "TX")["ce"]["source"]


def _wrong_partner(document: dict[str, Any]) -> None:
    _entry(document, "TX")["ce"]["same_as"] = "OT"


def _unknown_override(document: dict[str, Any]) -> None:
    _entry(document, "TX")["ce"]["overrides"] = {"hours": 20}


def _missing_block(document: dict[str, Any]) -> None:
    del _entry(document, "TX")["renewal"]


def _missing_state(document: dict[str, Any]) -> None:
    document["jurisdictions"] = [e for e in document["jurisdictions"] if e["code"] != "TX"]


def _own_fact_unsourced(document: dict[str, Any]) -> None:
    _entry(document, "TX")["renewal"]["source"] = None


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_blank, r"\(TX\): ce: no facts, no same_as and no dated note"),
        (_unsourced_same_as, r"\(TX\)\.ce"),
        (_wrong_partner, r"TX\.ce: same_as OT, but this file shares with PT"),
        (_unknown_override, r"TX\.ce: overrides name no field: hours"),
        (_missing_block, r"\(TX\)\.renewal"),
        (_missing_state, r"missing jurisdictions: TX"),
        (_own_fact_unsourced, r"\(TX\)\.renewal.*without a source"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[:30],
)
def test_schema_refuses(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    folder = _folder(tmp_path, edit)
    with pytest.raises(DataFileError, match=message):
        load_file(folder / "states" / "pta.json")


def test_override_that_breaks_the_block_is_refused(tmp_path: Path) -> None:
    def edit(document: dict[str, Any]) -> None:
        _entry(document, "TX")["ce"]["overrides"] = {"hours_per_cycle": -5}

    folder = _folder(tmp_path, edit)
    with pytest.raises(DataFileError, match=r"pta\.json: TX\.ce: .*hours_per_cycle"):
        load_folder(folder)


def test_same_as_a_missing_partner_file_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, lambda d: None)
    (folder / "states" / "pt.json").unlink()
    with pytest.raises(DataFileError, match="shares with PT, which has no file"):
        load_folder(folder)


def test_a_same_as_statement_is_a_model_not_a_loose_dict() -> None:
    entry = _raw("OTA").jurisdictions[0]
    assert isinstance(entry, SharedStateRules)
    clone = copy.deepcopy(entry.model_dump(mode="json"))
    clone["board"] = {"same_as": "OT", "verified": "2026-12-04"}
    with pytest.raises(ValueError, match="source"):
        SharedStateRules.model_validate(clone)


def test_a_same_as_citing_an_unranked_source_is_refused(tmp_path: Path) -> None:
    def edit(document: dict[str, Any]) -> None:
        _entry(document, "TX")["ce"]["source"] = "https://unranked.example.org/pta"

    folder = _folder(tmp_path, edit)
    with pytest.raises(DataFileError, match=r"no rank in the source registry: https://unranked"):
        load_file(folder / "states" / "pta.json")
