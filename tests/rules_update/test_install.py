"""Which copy is in use: rollback, a damaged download falling back, the caches that depend on it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import CLI

from careerpath.commands.context import Context
from careerpath.commands.remind import _key
from careerpath.reference.manifest_file import build_manifest, dump
from careerpath.rules_update import current, load_current, rollback
from careerpath.rules_update.pointer import (
    LOCK_NAME,
    TRUST_DIR,
    Pointer,
    read_pointer,
    rules_dir,
    write_pointer,
)
from careerpath.tui.session import Session

from .conftest import FAST, state
from .server import RulesServer, data_copy
from .signing import V1, V2, update

TODAY = dt.date(2026, 11, 25)


def nlc_title(cli: CLI) -> str:
    info = json.loads(cli("data", "info", "--json").out)
    return next(f["title"] for f in info["files"] if f["file"] == "compacts/nlc.json")


def copies(home: Path) -> list[str]:
    """What rules/ holds besides TUF's trusted metadata and the lock file."""
    return sorted(p.name for p in rules_dir(home).iterdir() if p.name not in {TRUST_DIR, LOCK_NAME})


@pytest.fixture
def two_updates(server: RulesServer, traveler: Path, tmp_path: Path) -> Path:
    """Installed V1, then V2: V2 current, V1 previous."""
    for version, name in ((V1, "one"), (V2, "two")):
        url = server.publish(data_copy(tmp_path / name, f"NLC {name}"), version, name)
        update(traveler, url, limits=FAST)
    return traveler


def test_rollback_and_undo(cli: CLI, two_updates: Path) -> None:
    assert nlc_title(cli) == "NLC two"
    result = cli("data", "rollback")
    assert result.code == 0, result.err
    assert f"now using the downloaded copy, version {V1}" in result.out
    assert nlc_title(cli) == "NLC one"
    assert read_pointer(two_updates) == Pointer(V1, V2)
    info = json.loads(cli("data", "info", "--json").out)
    assert info["previous"]["version"] == V2
    assert cli("data", "rollback").code == 0  # a second rollback undoes the first
    assert nlc_title(cli) == "NLC two"
    assert copies(two_updates) == [V1, V2, "current.json"]


def test_rollback_to_bundled(cli: CLI, server: RulesServer, traveler: Path, tmp_path: Path) -> None:
    assert cli("data", "rollback").err == (
        "careerpath: error: nothing to roll back to: no rules data update has been installed\n"
    )
    update(traveler, server.publish(data_copy(tmp_path / "one", "NLC one"), V1), limits=FAST)
    result = cli("data", "rollback")
    assert "now using the bundled with careerpath, version" in result.out
    assert nlc_title(cli) == "NLC"
    assert current(traveler).kind == "bundled"


def test_rollback_refuses_a_damaged_previous(cli: CLI, two_updates: Path) -> None:
    (rules_dir(two_updates) / V1 / "states" / "rn.json").write_text("{}")
    before = state(two_updates, cli)
    result = cli("data", "rollback")
    assert result.code == 1
    assert result.err.startswith("careerpath: error: cannot roll back: the previous rules data")
    assert "states/rn.json digest mismatch" in result.err
    assert state(two_updates, cli) == before


@pytest.mark.parametrize("damage", ["edit", "delete", "extra file", "pointer"])
def test_damaged_copy_falls_back_to_bundled(
    cli: CLI, server: RulesServer, traveler: Path, tmp_path: Path, damage: str
) -> None:
    bundled_where = cli("where", "--json").out
    url = server.publish(data_copy(tmp_path / "one", "NLC one"), V1)
    update(traveler, url, limits=FAST)
    copy = rules_dir(traveler) / V1
    if damage == "edit":
        with (copy / "states" / "rn.json").open("a") as handle:
            handle.write(" ")
    elif damage == "delete":
        (copy / "compacts" / "pt.json").unlink()
    elif damage == "extra file":
        shutil.copy(copy / "states" / "rn.json", copy / "states" / "rt.json")
    else:
        (rules_dir(traveler) / "current.json").write_text("{not json")
    info = cli("data", "info", "--json")
    assert info.code == 0
    assert json.loads(info.out)["copy"]["kind"] == "bundled"
    assert len(info.err.splitlines()) == 1
    assert info.err.startswith("careerpath: warning: ")
    assert "using the bundled rules data" in info.err
    where = cli("where", "--json")
    assert where.code == 0 and where.out == bundled_where
    if damage != "pointer":  # an update repairs it: a fresh copy, the damaged one removed
        assert update(traveler, url, limits=FAST).status == "updated"
        assert current(traveler).warning is None
        assert copies(traveler) == [f"{V1}-2", "current.json"]


def test_copy_older_than_the_bundled_data_is_not_used(traveler: Path, tmp_path: Path) -> None:
    """After careerpath itself is upgraded, its newer bundled data wins over an old download."""
    copy = data_copy(rules_dir(traveler) / "2000.01.01", "NLC old")
    (copy / "manifest.json").write_bytes(dump(build_manifest(copy, "2000.01.01")))
    write_pointer(traveler, Pointer("2000.01.01", None))
    in_use = current(traveler)
    assert in_use.kind == "bundled" and in_use.warning is None


def test_loader_cache_is_per_copy(cli: CLI, two_updates: Path) -> None:
    first = load_current(two_updates)
    assert first is load_current(two_updates)
    assert first.folder == rules_dir(two_updates) / V2
    rollback(two_updates)
    second = load_current(two_updates)
    assert second.folder == rules_dir(two_updates) / V1
    assert second.compacts["nlc"].short_name == "NLC one"


def test_remind_cache_key_follows_the_copy(
    cli: CLI, server: RulesServer, traveler: Path, tmp_path: Path
) -> None:
    ctx = Context(traveler, TODAY)
    bundled = _key(ctx)
    assert cli("remind").code in (0, 10, 11)  # fills the cache
    update(traveler, server.publish(data_copy(tmp_path / "one", "NLC one"), V1, "one"), limits=FAST)
    one = _key(ctx)
    update(traveler, server.publish(data_copy(tmp_path / "two", "NLC two"), V2, "two"), limits=FAST)
    two = _key(ctx)
    assert len({bundled, one, two}) == 3
    rollback(traveler)
    assert _key(ctx) == one  # the same files in the same folder: the same answers
    rollback(traveler)
    assert _key(ctx) == two


def test_the_app_uses_the_installed_copy(two_updates: Path) -> None:
    session = Session(two_updates, TODAY)
    try:
        assert session.rules.folder == rules_dir(two_updates) / V2
        assert session.warnings == []
    finally:
        session.close()
    (rules_dir(two_updates) / V2 / "compacts" / "nlc.json").unlink()
    session = Session(two_updates, TODAY)
    try:
        assert session.rules.compacts["nlc"].short_name == "NLC"
        assert "damaged" in session.warnings[0]
    finally:
        session.close()
