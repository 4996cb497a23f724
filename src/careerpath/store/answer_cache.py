"""Answers derived from the records, kept beside them so a cron job need not recompute them.

`careerpath remind` from cron must start about as fast as Python itself, which leaves no time to
build pydantic models. The planner's today-independent obligations are stored here with the
inputs they were computed from (the key: app version, rules-data files, settings) and the range
of days over which they hold; every write transaction empties the table (store/database.py).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any


def rules_fingerprint(folder: Path) -> str:
    """Names, sizes and modification times of the rules files: changes when data is updated."""
    parts = [str(folder)]
    for sub in ("compacts", "states"):
        for path in sorted((folder / sub).glob("*.json")):
            stat = path.stat()
            parts.append(f"{sub}/{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def make_key(*parts: str) -> str:
    """The inputs themselves, joined (a few kilobytes): comparing them needs no hashing
    library on the fast path."""
    return "\n".join(parts)


def inputs_key(home: Path, config: Path) -> str:
    """What every cached answer depends on besides the records: the app's version, both copies
    the rules may come from (a downloaded update, else the bundled data) and config.toml. Any
    update, rollback or damage to either copy changes the key, without hashing on the fast
    path."""
    from careerpath import __version__
    from careerpath.paths import CONFIG_NAME, bundled_data_dir
    from careerpath.rules_update.pointer import installed_folder

    try:
        settings = (config / CONFIG_NAME).read_bytes().hex()
    except OSError:
        settings = "-"
    installed = installed_folder(home)
    downloaded = "-" if installed is None else rules_fingerprint(installed)
    return make_key(__version__, rules_fingerprint(bundled_data_dir()), downloaded, settings)


def read(conn: sqlite3.Connection, name: str, key: str) -> Any | None:
    """The cached payload when it was computed from the same inputs, else None."""
    try:
        row = conn.execute(
            "SELECT key, payload FROM answer_cache WHERE name = ?", (name,)
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    if row is None or row[0] != key:
        return None
    try:
        return json.loads(row[1])
    except json.JSONDecodeError:
        return None


def write_in_snapshot(conn: sqlite3.Connection, name: str, key: str, payload: Any) -> bool:
    """Store a payload computed inside the read transaction open on `conn`, and commit.

    If another connection changed the records since that read began, SQLite refuses the write
    (WAL snapshot rule) and nothing is stored: a stale answer never outlives the change that
    emptied the cache. Returns whether it was stored."""
    text = json.dumps(payload, separators=(",", ":"), default=str)
    try:
        conn.execute(
            "INSERT OR REPLACE INTO answer_cache (name, key, payload) VALUES (?, ?, ?)",
            (name, key, text),
        )
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    return True


def write(conn: sqlite3.Connection, name: str, key: str, payload: Any) -> None:
    """Store a payload; a busy or read-only database just means no cache this time."""
    text = json.dumps(payload, separators=(",", ":"), default=str)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT OR REPLACE INTO answer_cache (name, key, payload) VALUES (?, ?, ?)",
            (name, key, text),
        )
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
