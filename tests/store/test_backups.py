"""Backups whole or absent, and `careerpath backup create|list|verify|restore`."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import CLI
from tests.rules_update.test_crash import KILLS, careerpath, kill_after, timed

from careerpath.records import Profile
from careerpath.store.backups import backup, check, listing
from careerpath.store.repository import Store


def test_create_list_verify_restore(cli: CLI, home: Path) -> None:
    assert cli("profile", "set", "--name", "Ana", "--profession", "RN").code == 0
    made = cli("backup", "create")
    assert made.code == 0 and made.out.startswith("backup written and checked: ")
    name = listing(home)[0].path.name
    assert name in cli("backup", "list").out
    assert cli("backup", "verify").out == f"{name}: ok\n"
    assert cli("profile", "set", "--name", "Bea").code == 0
    restored = cli("backup", "restore", name)
    assert restored.code == 0, restored.err
    assert "Ana" in cli("profile", "show").out
    assert len(listing(home)) == 2  # what was there before the restore is kept too
    assert cli("profile", "set", "--name", "Cy").code == 0  # and the store still writes


def test_a_damaged_backup_is_named_and_not_restored(cli: CLI, home: Path) -> None:
    assert cli("profile", "set", "--name", "Ana", "--profession", "RN").code == 0
    assert cli("backup", "create").code == 0
    path = listing(home)[0].path
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2 : len(raw) // 2 + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(raw))
    verified = cli("backup", "verify")
    assert verified.code == 1 and verified.err.endswith("1 of 1 backup(s) are damaged\n")
    restored = cli("backup", "restore", path.name)
    assert restored.code == 1 and "cannot be restored" in restored.err
    assert "nothing was changed" in restored.err and len(restored.err.splitlines()) == 1
    assert "Ana" in cli("profile", "show").out
    missing = cli("backup", "restore", "nope.db")
    assert missing.code == 1 and "no backup nope.db" in missing.err


def test_a_partial_file_is_no_backup(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_profile(Profile(name="Ana", professions=["RN"]))
        (tmp_path / "backups").mkdir()
        abandoned = tmp_path / "backups" / ".careerpath-x-1.db.999999999.partial"
        abandoned.write_bytes(b"")
        path = backup(store.conn, tmp_path, "t")
    assert check(path) is None
    assert [entry.path for entry in listing(tmp_path)] == [path]
    assert not abandoned.exists()  # its writer is gone: removed by the next backup
    with sqlite3.connect(path) as conn:  # one self-contained file, not a WAL pair
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def rows(home: Path) -> int:
    with sqlite3.connect(home / "careerpath.db") as conn:
        found = conn.execute("SELECT count(*) FROM padding").fetchone()[0]
    conn.close()
    return int(found)


@pytest.mark.slow
def test_backup_killed_mid_way(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Store(home).close()
    with sqlite3.connect(home / "careerpath.db") as conn:
        # Padding so that one backup takes long enough to be interrupted part-way.
        conn.execute("CREATE TABLE padding (id INTEGER PRIMARY KEY, blob BLOB)")
        conn.executemany(
            "INSERT INTO padding (blob) VALUES (?)", [(os.urandom(4096),) for _ in range(6000)]
        )
    conn.close()
    before = rows(home)
    rng = random.Random(20261204)
    span = timed(home, "backup", "create")
    corrupt = 0
    killed = 0
    for kill in range(KILLS):
        killed += kill_after(careerpath(home, "backup", "create"), rng.uniform(0, span))
        for entry in listing(home):
            problem = check(entry.path)
            corrupt += problem is not None
            assert problem is None, f"kill {kill}: {entry.path.name}: {problem}"
    assert rows(home) == before
    with Store(home) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert careerpath(home, "backup", "create").wait(120) == 0
    partials = [p.name for p in (home / "backups").iterdir() if p.name.startswith(".")]
    assert partials == []  # the killed runs' partial files are gone
    print(
        f"\nbackup: {killed} of {KILLS} runs killed mid-way / {corrupt} corrupt backups / "
        f"{before - rows(home)} lost rows"
    )
