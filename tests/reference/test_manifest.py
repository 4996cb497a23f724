"""data/manifest.json: it matches the bundled files, and regenerating it raises the version."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import CLI

from careerpath.paths import bundled_data_dir
from careerpath.reference.manifest import REGENERATE, main, next_version, regenerate, stale
from careerpath.reference.manifest_file import KINDS, ManifestError, parse_manifest, read_manifest

DATA = Path(__file__).resolve().parents[2] / "data"


def test_bundled_manifest_matches_the_files() -> None:
    found = stale(bundled_data_dir())
    assert not found, (
        "data/manifest.json does not match the files in data/ ("
        + "; ".join(found)
        + f"). Regenerate it from the project folder: {REGENERATE}"
    )


@pytest.mark.parametrize(
    ("old", "expected"),
    [
        (None, "2026.11.25"),
        ("2026.11.20", "2026.11.25"),
        ("2026.11.25", "2026.11.25.1"),
        ("2026.11.25.1", "2026.11.25.2"),
        ("2026.12.01", "2026.12.01.1"),
    ],
)
def test_next_version_always_rises(old: str | None, expected: str) -> None:
    assert next_version(old, dt.date(2026, 11, 25)) == expected


def test_regenerate_keeps_the_version_until_a_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    for kind in KINDS:
        shutil.copytree(DATA / kind, folder / kind)
    shutil.copy(DATA / "manifest.json", folder / "manifest.json")
    version = read_manifest(folder).version
    assert main([str(folder), "--check"]) == 0
    later = dt.date(2030, 1, 1)
    assert regenerate(folder, later).version == version
    (folder / "compacts" / "pt.json").unlink()
    assert main([str(folder), "--check"]) == 1
    assert regenerate(folder, later).version == "2030.01.01"
    assert main([str(folder)]) == 0
    assert main([str(folder), "--check"]) == 0
    assert "compacts/pt.json" not in {f.path for f in read_manifest(folder).files}


def test_validate_reports_a_stale_manifest(cli: CLI, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    assert cli("data", "validate", str(folder)).code == 0
    with (folder / "states" / "rn.json").open("a") as handle:
        handle.write("\n")
    result = cli("data", "validate", str(folder))
    assert result.code == 1
    assert "manifest.json: states/rn.json digest mismatch" in result.out
    assert REGENERATE in result.out


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"version": "26.11"}, "version"),
        ({"files": []}, "files"),
        ({"format_version": 2}, "format_version"),
    ],
)
def test_manifest_schema(change: dict[str, object], problem: str) -> None:
    document = json.loads((DATA / "manifest.json").read_bytes()) | change
    with pytest.raises(ManifestError, match=problem):
        parse_manifest(json.dumps(document).encode(), "m.json")


def test_a_path_may_appear_once_and_only_inside_the_data_folders() -> None:
    document = json.loads((DATA / "manifest.json").read_bytes())
    for path in ("../careerpath.db", "/etc/passwd", "compacts/sub/x.json", "states/rn.txt"):
        bad = {**document, "files": [{**document["files"][0], "path": path}]}
        with pytest.raises(ManifestError, match=r"files\.0\.path"):
            parse_manifest(json.dumps(bad).encode(), "m.json")
    twice = {**document, "files": document["files"][:1] * 2}
    with pytest.raises(ManifestError, match="listed twice"):
        parse_manifest(json.dumps(twice).encode(), "m.json")
