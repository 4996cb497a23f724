"""The SQLite file: permissions, refusal of foreign/corrupt/newer files, migrations, crashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careerpath.records import CEActivity, License
from careerpath.store.database import DatabaseError, open_database
from careerpath.store.repository import Store
from careerpath.store.schema import LATEST


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_folder_and_file_are_private(tmp_path: Path) -> None:
    home = tmp_path / "h"
    Store(home).close()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "careerpath.db").stat().st_mode) == 0o600


def test_wal_mode_and_version(tmp_path: Path) -> None:
    conn = open_database(tmp_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    conn.close()


def test_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "careerpath.db"
    db.write_text("my shopping list\n")
    before = digest(db)
    with pytest.raises(DatabaseError, match="not an SQLite file") as exc:
        Store(tmp_path)
    assert str(db) in str(exc.value)
    assert digest(db) == before


def test_foreign_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "careerpath.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = digest(db)
    with pytest.raises(DatabaseError, match="another program"):
        Store(tmp_path)
    assert digest(db) == before


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    Store(tmp_path).close()
    db = tmp_path / "careerpath.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = digest(db)
    with pytest.raises(DatabaseError, match="newer careerpath"):
        Store(tmp_path)
    assert digest(db) == before


def test_corrupt_file_is_refused_untouched(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.add_many(
            [CEActivity(completed="2026-01-01", title=f"t{i}" * 50, amount=1) for i in range(200)]
        )
    db = tmp_path / "careerpath.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 2, len(data), 997):  # scribble over pages after the first
        data[offset] ^= 0xFF
    db.write_bytes(bytes(data))
    before = digest(db)
    with pytest.raises(DatabaseError, match="corrupt"):
        Store(tmp_path)
    assert digest(db) == before


def test_migration_from_schema_1_keeps_records_and_backs_up(tmp_path: Path) -> None:
    conn = open_database(tmp_path, migrate_to=1)
    conn.execute(
        "INSERT INTO skills (skill, kind, level, last_performed, note) "
        "VALUES ('ventilator management', 'hard', 2, '2025-06-01', NULL)"
    )
    conn.execute(
        "INSERT INTO licenses (profession, jurisdiction, kind, status) "
        "VALUES ('RN', 'TX', 'multistate', 'active')"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Store(tmp_path) as store:
        skills = store.all_of(
            __import__("careerpath.records", fromlist=["SkillRating"]).SkillRating
        )
        assert [(s.skill, s.level, s.interested) for s in skills] == [
            ("ventilator management", 2, False)
        ]
        assert store.all_of(License)[0].jurisdiction == "TX"
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    backups = list((tmp_path / "backups").glob("careerpath-v1-*.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_migration_from_schema_4_keeps_ce_and_adds_certificate_fields(tmp_path: Path) -> None:
    conn = open_database(tmp_path, migrate_to=4)
    conn.execute(
        "INSERT INTO ce_activities (completed, title, amount, unit, format, certificate) "
        "VALUES ('2026-03-14', 'Stroke care', '2', 'contact_hours', 'online', 'abc-cert.pdf')"
    )
    conn.close()
    with Store(tmp_path) as store:
        (old,) = store.all_of(CEActivity)
        assert (old.title, old.certificate, old.approval_number) == (
            "Stroke care", "abc-cert.pdf", None,
        )  # fmt: skip
        saved = store.add(old.model_copy(update={"id": None, "approval_number": "CEP 16770"}))
        assert saved.id is not None
        assert store.get(CEActivity, saved.id).approval_number == "CEP 16770"


WRITER = """
import sys
from careerpath.records import CEActivity
from careerpath.store.repository import Store
store = Store(__import__("pathlib").Path(sys.argv[1]))
tag = sys.argv[2]
for i in range(int(sys.argv[3])):
    saved = store.add(CEActivity(completed="2026-01-01", title=f"{tag}-{i}", amount=1))
    print(saved.id, flush=True)
"""


@pytest.mark.slow
def test_two_processes_write_at_once_without_losing_any(tmp_path: Path) -> None:
    Store(tmp_path).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), tag, "150"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("tui", "cron")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store(tmp_path) as store:
        titles = {a.title for a in store.all_of(CEActivity)}
    assert len(titles) == 300


@pytest.mark.slow
def test_writer_killed_mid_transaction_50_times(tmp_path: Path) -> None:
    Store(tmp_path).close()
    committed: set[int] = set()
    rng = random.Random(20261125)
    for round_number in range(50):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), f"r{round_number}", "100000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # wait for the first commit, then kill at random
        assert first.strip()
        committed.add(int(first))
        time.sleep(rng.uniform(0, 0.05))
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate()
        committed.update(int(line) for line in rest.split() if line.strip())
        with Store(tmp_path) as store:  # opens, checks integrity, and still writes
            ids = {row[0] for row in store.conn.execute("SELECT id FROM ce_activities")}
        assert committed <= ids, f"round {round_number}: lost {sorted(committed - ids)[:5]}"


def test_a_second_connection_in_the_app_keeps_the_file_sound(tmp_path: Path) -> None:
    """The app keeps one connection open while a worker opens and closes another, and the CLI
    writes from its own process meanwhile. Opening the file outside SQLite on the second open
    used to drop the app's locks, so the CLI reset the WAL under it and corrupted the file."""
    import datetime as dt

    from careerpath.records import Profile
    from careerpath.tui import dashboard_cache

    home = tmp_path / "home"
    today = dt.date(2026, 11, 25)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "careerpath", "--home", str(home), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    app = Store(home)
    app.save_profile(Profile(name="Ana", professions=["RN"], home_state="TX"))
    dashboard_cache.refresh(home, home, today)  # the worker's own connection
    added = cli("license", "add", "--profession", "RN", "--state", "TX", "--expires", "2027-05-31")
    assert added.returncode == 0, added.stderr
    app.records()
    dashboard_cache.refresh(home, home, today)
    app.close()
    logged = cli("ce", "add", "--title", "Sepsis", "--hours", "2", "--date", "2026-11-20")
    assert logged.returncode == 0, logged.stderr
    with sqlite3.connect(home / "careerpath.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_migration_from_schema_3_adds_residence_and_route(tmp_path: Path) -> None:
    """A database from before residence, birth date and license route opens and keeps working."""
    conn = open_database(tmp_path, migrate_to=3)
    conn.execute("INSERT INTO profile (id, name, home_state) VALUES (1, 'Ana', 'TX')")
    conn.execute(
        "INSERT INTO licenses (profession, jurisdiction, kind, status, expires) "
        "VALUES ('RN', 'TX', 'multistate', 'active', '2028-05-31')"
    )
    conn.close()
    with Store(tmp_path) as store:
        profile = store.profile()
        assert profile is not None and profile.home_state == "TX"
        assert profile.home_since is None and profile.previous_home is None
        assert profile.birth_date is None
        license = store.all_of(License)[0]
        assert license.route is None
        store.save_profile(profile.model_copy(update={"home_since": dt.date(2026, 1, 5)}))
        saved = store.profile()
        assert saved is not None and saved.home_since == dt.date(2026, 1, 5)
