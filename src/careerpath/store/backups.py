"""Backups of the database in `<home>/backups/`: whole or absent, and checkable.

A backup is written under a hidden temporary name (`.careerpath-...partial`), copied with
SQLite's online backup (a consistent snapshot even while others write), switched out of WAL so
it is one self-contained file, fsynced, checked with `PRAGMA integrity_check`, and only then
renamed to `careerpath-<label>-<stamp>.db` (and the folder fsynced). A crash at any point leaves
either the finished file or a partial one that no listing shows and the next backup removes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from pathlib import Path
from typing import NamedTuple

from careerpath.errors import CareerpathError
from careerpath.paths import ensure_private_dir
from careerpath.store.schema import APPLICATION_ID, LATEST

BACKUP_DIR = "backups"
PARTIAL = ".partial"
_PARTIAL_NAME = re.compile(r"\.([0-9]+)\.partial(-journal|-wal|-shm)?$")
"""A partial file (or SQLite's journal beside it): the pid of the careerpath writing it."""


class BackupError(CareerpathError):
    pass


class BackupFile(NamedTuple):
    path: Path
    size: int
    modified: dt.datetime


def backup_dir(home: Path) -> Path:
    return home / BACKUP_DIR


def backup(conn: sqlite3.Connection, home: Path, label: str) -> Path:
    """A whole, checked copy of the live database; returns its path."""
    folder = ensure_private_dir(backup_dir(home))
    _remove_abandoned(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"careerpath-{label}-{stamp}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"careerpath-{label}-{stamp}-{counter}.db"
    partial = folder / f".{target.name}.{os.getpid()}{PARTIAL}"
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _fsync(partial)
        problem = check(partial)
        if problem is not None:
            raise BackupError(f"the backup failed its check ({problem}); nothing was kept")
        partial.replace(target)
        _fsync(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_abandoned(folder: Path) -> None:
    """Partial files whose writer is gone (killed mid-backup)."""
    for path in folder.glob(f".*{PARTIAL}*"):
        found = _PARTIAL_NAME.search(path.name)
        if found and not _alive(int(found.group(1))):
            with contextlib.suppress(OSError):
                path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def check(path: Path) -> str | None:
    """None when `path` is a whole careerpath database this version can use; else why not."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return "not an SQLite file"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        return str(exc)
    if result != "ok":
        return f"integrity check: {result}"
    if app_id != APPLICATION_ID and version:
        return "an SQLite file of another program"
    if version > LATEST:
        return f"written by a newer careerpath (schema {version})"
    return None


def listing(home: Path) -> list[BackupFile]:
    """The finished backups, oldest first (partial files are not backups)."""
    folder = backup_dir(home)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("careerpath-*.db"):
        stat = path.stat()
        found.append(BackupFile(path, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime)))
    return sorted(found, key=lambda entry: (entry.modified, entry.path.name))


def find(home: Path, name: str) -> Path:
    """A backup by its file name (as `backup list` shows it) or by its path."""
    candidate = Path(name).expanduser()
    if candidate.name == name:
        candidate = backup_dir(home) / name
    if not candidate.is_file():
        raise BackupError(f"no backup {name} (see `careerpath backup list`)")
    return candidate


def restore(conn: sqlite3.Connection, home: Path, path: Path) -> Path:
    """Make the live database a copy of `path`, after checking it and backing up what is
    there now; returns that safety backup. SQLite's backup API writes into the open database
    under its own lock, so other careerpath processes see the old records or the restored ones."""
    problem = check(path)
    if problem is not None:
        raise BackupError(f"{path.name} cannot be restored ({problem}); nothing was changed")
    safety = backup(conn, home, "before-restore")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(conn)
    finally:
        source.close()
    from careerpath.store.database import _migrate

    conn.execute("PRAGMA journal_mode = WAL")
    _migrate(conn, home)  # a backup taken before an upgrade has an older schema
    return safety
