"""`careerpath data info` and `data validate` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CLI

DATA = Path(__file__).resolve().parents[2] / "data"


def test_info_lists_every_file(cli: CLI) -> None:
    result = cli("data", "info", "--json")
    assert result.code == 0, result.err
    info = json.loads(result.out)
    names = {f["file"] for f in info["files"]}
    assert "compacts/nlc.json" in names and "states/rn.json" in names
    table = cli("data", "info")
    assert "share of fields known" in table.out


def test_validate_good_folder(cli: CLI) -> None:
    result = cli("data", "validate", str(DATA))
    assert result.code == 0, result.out + result.err
    assert "nlc.json: ok" in result.out


def test_validate_reports_the_place(cli: CLI, tmp_path: Path) -> None:
    doc = json.loads((DATA / "states" / "rn.json").read_text())
    doc["jurisdictions"][5]["ce"]["hours_per_cycle"] = -4
    folder = tmp_path / "states"
    folder.mkdir()
    (folder / "rn.json").write_text(json.dumps(doc))
    result = cli("data", "validate", str(folder / "rn.json"))
    assert result.code == 1
    code = doc["jurisdictions"][5]["code"]
    assert f"jurisdictions[5] ({code}).ce.hours_per_cycle" in result.out


def test_validate_broken_json(cli: CLI, tmp_path: Path) -> None:
    folder = tmp_path / "compacts"
    folder.mkdir()
    (folder / "nlc.json").write_text('{"id": "nlc", ')
    result = cli("data", "validate", str(folder))
    assert result.code == 1
    assert "nlc.json" in result.out


def test_validate_checks_role_profiles_with_their_own_schema(cli: CLI, tmp_path: Path) -> None:
    result = cli("data", "validate", str(DATA / "roles" / "icu.json"))
    assert result.code == 0, result.out + result.err
    folder = tmp_path / "roles"
    folder.mkdir()
    doc = json.loads((DATA / "roles" / "icu.json").read_text())
    doc["skills"][0]["expected_level"] = 7
    (folder / "icu.json").write_text(json.dumps(doc))
    result = cli("data", "validate", str(folder / "icu.json"))
    assert result.code == 1
    assert "skills[0]" in result.out
