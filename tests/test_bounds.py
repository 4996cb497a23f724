"""Out-of-range input gets a one-line refusal and changes nothing: dates before 1900 or after
2200, dates written as numbers, ids past SQLite's 64-bit integers, JSON nested absurdly deep;
and `--home` on a folder of the user's keeps that folder's mode."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from tests.conftest import CLI, run_process

from careerpath.bounds import MAX_ID

BAD = [
    ("ce", "add", "--title", "X", "--hours", "1", "--date", "0"),
    ("ce", "add", "--title", "X", "--hours", "1", "--date", "1700000000"),
    ("ce", "add", "--title", "X", "--hours", "1", "--date", "1899-12-31"),
    ("license", "add", "--profession", "RN", "--state", "TX", "--expires", "9999-12-31"),
    ("license", "add", "--profession", "RN", "--state", "TX", "--expires", "2201-01-01"),
    ("cert", "add", "--name", "BLS", "--expires", "0001-01-01"),
    ("license", "edit", str(MAX_ID + 1), "--number", "1"),
    ("license", "remove", "99999999999999999999999"),
    ("ce", "add", "--title", "X", "--hours", "1", "--date", "2026-01-01",
     "--license", str(MAX_ID + 1)),
    ("remind", "--today", "0"),
    ("where", "--today", "2300-01-01"),
]  # fmt: skip


@pytest.mark.parametrize("argv", BAD, ids=[" ".join(a[:2]) + " " + a[-1] for a in BAD])
def test_out_of_range_input_is_refused_in_one_line(cli: CLI, argv: tuple[str, ...]) -> None:
    assert cli("profile", "set", "--name", "Ana", "--profession", "RN").code == 0
    records = [cli(kind, "list").out for kind in ("license", "ce", "cert")]
    result = cli(*argv)
    assert result.code in (1, 2), result.out
    assert len(result.err.splitlines()) == 1 and "unexpected" not in result.err, result.err
    assert [cli(kind, "list").out for kind in ("license", "ce", "cert")] == records


def _export(cli: CLI, home: Path) -> dict[str, object]:
    assert cli("profile", "set", "--name", "Ana", "--profession", "RN").code == 0
    assert cli("ce", "add", "--title", "X", "--hours", "1", "--date", "2026-01-01").code == 0
    target = home.parent / "export.json"
    assert cli("export", str(target)).code == 0
    document: dict[str, object] = json.loads(target.read_text())
    return document


@pytest.mark.parametrize(
    ("field", "value"), [("id", MAX_ID + 1), ("completed", 0), ("completed", "9999-12-31")]
)
def test_an_import_out_of_range_is_refused(cli: CLI, home: Path, field: str, value: object) -> None:
    document = _export(cli, home)
    records = document["records"]
    assert isinstance(records, dict)
    ce = records["ce_activities"]
    ce[0][field] = value
    path = home.parent / "bad.json"
    path.write_text(json.dumps(document))
    result = cli("import", str(path), "--replace")
    assert result.code == 1 and len(result.err.splitlines()) == 1, result.err
    assert "unexpected" not in result.err


def test_json_nested_too_deep_is_refused(cli: CLI, home: Path) -> None:
    path = home.parent / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    result = cli("import", str(path))
    assert result.code == 1
    assert result.err.endswith(
        "is nested more than 32 levels deep; it is not a careerpath export\n"
    )


def test_home_on_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(0o755)
    done = run_process(folder, "profile", "set", "--name", "Ana", "--profession", "RN")
    assert done.code == 0, done.err
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE((folder / "careerpath.db").stat().st_mode) == 0o600
    fresh = tmp_path / "new"
    assert run_process(fresh, "profile", "set", "--name", "Ana").code == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
