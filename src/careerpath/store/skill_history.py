"""The history of each skill rating: a row per level recorded, so growth can be shown.

The store appends a row whenever a rating is saved with a level, date or kind of assessment
that differs from its latest row; editing a note or the interest flag adds nothing.
"""

from __future__ import annotations

import sqlite3

from careerpath.records import RatingEntry, SkillRating


def log(conn: sqlite3.Connection, skill_id: int, rating: SkillRating) -> None:
    """Append the rating's current level unless it is already the latest entry."""
    entry = RatingEntry(
        level=rating.level, assessed_on=rating.assessed_on, assessed_by=rating.assessed_by
    )
    latest = conn.execute(
        "SELECT level, assessed_on, assessed_by FROM skill_history WHERE skill_id = ?"
        " ORDER BY id DESC LIMIT 1",
        (skill_id,),
    ).fetchone()
    if latest is not None and tuple(latest) == tuple(entry.model_dump(mode="json").values()):
        return
    _insert(conn, skill_id, entry)


def restore(conn: sqlite3.Connection, skill_id: int, rating: SkillRating) -> None:
    """An imported rating: its own history, then its current level if that is not the last."""
    for entry in rating.history:
        _insert(conn, skill_id, entry)
    log(conn, skill_id, rating)


def _insert(conn: sqlite3.Connection, skill_id: int, entry: RatingEntry) -> None:
    data = entry.model_dump(mode="json")
    conn.execute(
        "INSERT INTO skill_history (skill_id, level, assessed_on, assessed_by) VALUES (?, ?, ?, ?)",
        (skill_id, data["level"], data["assessed_on"], data["assessed_by"]),
    )
