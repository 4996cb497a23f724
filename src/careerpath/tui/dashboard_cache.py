"""The Today dashboard kept beside the records, so the app paints it before loading anything.

Loading the records and rules (pydantic) takes longer than Textual takes to start, so the first
frame comes from here: one SQLite read and one JSON parse. The payload holds the dashboards for
today and the next few days, under the key of everything they were computed from (see
store/answer_cache.py); any write to the records empties it. The app always recomputes from the
live records just after the first frame, so the cache only ever makes the start faster.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import cast

from careerpath.paths import DB_NAME
from careerpath.store import answer_cache
from careerpath.tui.dashboard import Dashboard

CACHE_NAME = "dashboard"
DAYS = 7
"""Dashboards stored per refresh: opening the app on any of the next days is fast too."""


def read(home: Path, config: Path, today: dt.date) -> Dashboard | None:
    """Today's cached dashboard, or None (no database yet, stale, unreadable: never an error)."""
    path = home / DB_NAME
    if not path.is_file():
        return None
    try:
        # mode=rw: never create a file, never migrate; a damaged file just means no cache.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0.5)
        try:
            payload = answer_cache.read(conn, CACHE_NAME, answer_cache.inputs_key(home, config))
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return None
    if not isinstance(payload, dict):
        return None
    day = payload.get("days", {}).get(today.isoformat())
    return cast(Dashboard, day) if isinstance(day, dict) else None


def refresh(home: Path, config: Path, today: dt.date, days: int = DAYS) -> bool:
    """Compute and store the dashboards for `today` and the following days.

    Runs in a worker thread with its own connection. The records are read in one transaction
    and the result is stored in the same one, so a change made meanwhile (by the app or the
    CLI) wins and nothing stale is kept. Returns whether the cache was written."""
    from careerpath.planner.settings import load_settings
    from careerpath.rules_update import load_current
    from careerpath.store.repository import Store
    from careerpath.tui.dashboard import build
    from careerpath.tui.session import Answers

    key = answer_cache.inputs_key(home, config)
    rules = load_current(home)
    settings = load_settings(config)
    store = Store(home)
    try:
        store.conn.execute("BEGIN")
        try:
            records = store.records()
            if records.profile is None:
                store.conn.execute("ROLLBACK")
                return False
            payload = {
                "days": {
                    day.isoformat(): build(Answers(records, rules, day, settings), records, day)
                    for day in (today + dt.timedelta(days=n) for n in range(days))
                }
            }
        except BaseException:
            store.conn.execute("ROLLBACK")
            raise
        return answer_cache.write_in_snapshot(store.conn, CACHE_NAME, key, payload)
    finally:
        store.close()
