"""Each skill rating's history: kept on every change of level, date or kind of assessment,
carried through export and import, and started for ratings saved before it was kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careerpath.records import AssessedBy, RatingEntry, SkillRating
from careerpath.store.database import open_database
from careerpath.store.repository import Store
from careerpath.store.schema import LATEST


def test_a_database_of_schema_3_opens_and_its_ratings_get_one_undated_entry(
    tmp_path: Path,
) -> None:
    conn = open_database(tmp_path, migrate_to=3)
    conn.execute(
        "INSERT INTO skills (skill, kind, level, last_performed, interested, note) "
        "VALUES ('gait training', 'hard', 3, '2026-05-01', 1, 'ortho floor')"
    )
    conn.close()
    with Store(tmp_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        (rating,) = store.all_of(SkillRating)
        assert (rating.level, rating.interested, rating.note) == (3, True, "ortho floor")
        assert (rating.assessed_on, rating.assessed_by) == (None, AssessedBy.SELF)
        assert rating.history == [RatingEntry(level=3)]
        # It keeps working: a new level is appended after the old undated one.
        store.update(rating.model_copy(update={"level": 4, "assessed_on": dt.date(2026, 11, 1)}))
        again = store.get(SkillRating, rating.id or 0)
        assert [(e.level, e.assessed_on) for e in again.history] == [
            (3, None),
            (4, dt.date(2026, 11, 1)),
        ]
    assert list((tmp_path / "backups").glob("careerpath-v3-*.db"))


def test_history_grows_on_level_changes_only_and_goes_with_the_rating(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        saved = store.add(SkillRating(skill="FEES", level=1, assessed_on=dt.date(2026, 1, 5)))
        store.update(saved.model_copy(update={"note": "observed two"}))  # no new entry
        store.update(
            saved.model_copy(
                update={
                    "level": 2,
                    "assessed_on": dt.date(2026, 6, 1),
                    "assessed_by": AssessedBy.COMPETENCY,
                }
            )
        )
        current = store.get(SkillRating, saved.id or 0)
        assert [(e.level, e.assessed_by) for e in current.history] == [
            (1, AssessedBy.SELF),
            (2, AssessedBy.COMPETENCY),
        ]
        records = store.records()
        store.remove(SkillRating, saved.id or 0)
        assert store.conn.execute("SELECT COUNT(*) FROM skill_history").fetchone()[0] == 0
        # An import restores the rating with its history, not one entry more.
        store.replace_all(records)
        (back,) = store.all_of(SkillRating)
        assert back.history == current.history
