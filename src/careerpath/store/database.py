"""Opening the careerpath SQLite file safely.

Refuses (without writing a byte) files that are not SQLite, SQLite files of another program,
corrupt files, and files from a newer careerpath. Migrates older files after taking a backup.
Runs in WAL mode with a busy timeout so the TUI, a CLI command and a cron job can all write.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from careerpath.errors import CareerpathError
from careerpath.paths import DB_NAME, ensure_private_dir
from careerpath.store.backups import backup
from careerpath.store.schema import APPLICATION_ID, LATEST, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(CareerpathError):
    """The database file cannot be used; the message names the file."""


_OPENED: set[Path] = set()
"""Database files this process has opened through SQLite (see `_read_header`)."""
_OPENED_LOCK = threading.Lock()


def _read_header(path: Path) -> bytes:
    """The file's first bytes, read outside SQLite only before this process has opened it.

    Closing any descriptor of a file drops every POSIX lock the process holds on it, including
    those of an open SQLite connection (the app keeps one while a worker opens another). Another
    process can then checkpoint and reset the WAL under that connection and corrupt the file.
    Once SQLite has opened the file here, the header was checked then, and SQLite's own checks
    below still run."""
    with _OPENED_LOCK:
        if path.resolve() in _OPENED:
            return SQLITE_HEADER
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER))


def _inspect(path: Path) -> tuple[int, int, bool]:
    """Return (application_id, user_version, has_tables) of an existing file, read-only."""
    header = _read_header(path)
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} is not a careerpath database (it is not an SQLite file); "
            "nothing was changed. Move it away or use --home to pick another folder"
        )
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
            ).fetchone()[0]
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} is corrupt or unreadable ({exc}); nothing was changed. "
            "Restore a backup from the backups/ folder beside it, or import an export"
        ) from exc
    if check != "ok":
        raise DatabaseError(
            f"{path} is corrupt (integrity check: {check}); nothing was changed. "
            "Restore a backup from the backups/ folder beside it, or import an export"
        )
    return int(app_id), int(version), bool(tables)


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _migrate(conn: sqlite3.Connection, home: Path, target: int = LATEST) -> None:
    """Apply the missing migrations in one transaction, after backing up a non-empty file."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= target:
        return
    if version >= 1:
        backup(conn, home, f"v{version}")
    with transaction(conn):
        # Re-read inside the write lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version + 1, target + 1):
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {max(version, target)}")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    return [part.strip() for part in script.split(";") if part.strip()]


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken up front (IMMEDIATE) so concurrent writers queue, not fail."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    # Any change to the records makes derived answers stale (store/answer_cache.py); a
    # database still being migrated has no cache table yet.
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("DELETE FROM answer_cache")
    conn.execute("COMMIT")


def open_database(home: Path, *, migrate_to: int = LATEST) -> sqlite3.Connection:
    """Open (creating if needed) `home/careerpath.db`, checked and migrated."""
    ensure_private_dir(home)
    path = home / DB_NAME
    if path.exists() and path.stat().st_size > 0:
        app_id, version, has_tables = _inspect(path)
        if app_id != APPLICATION_ID and (has_tables or version):
            raise DatabaseError(
                f"{path} is an SQLite database of another program, not careerpath; "
                "nothing was changed. Use --home to pick another folder"
            )
        if version > LATEST:
            raise DatabaseError(
                f"{path} was written by a newer careerpath (schema {version}, this version "
                f"knows {LATEST}); nothing was changed. Upgrade careerpath"
            )
    elif not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)
    # The app opens the store in its loader thread and hands it to the UI thread: one thread
    # at a time, so the connection may change threads.
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        _configure(conn)
        _migrate(conn, home, migrate_to)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    with _OPENED_LOCK:
        _OPENED.add(path.resolve())
    return conn
