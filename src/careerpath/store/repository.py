"""`Store`: the typed repository the CLI and TUI use. Every change is one transaction."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from careerpath.errors import CareerpathError
from careerpath.records import (
    Assignment,
    CEActivity,
    Certification,
    License,
    LicenseKind,
    Profile,
    Record,
    Records,
    SkillRating,
)
from careerpath.store import rows, skill_history
from careerpath.store.backups import backup
from careerpath.store.database import open_database, transaction
from careerpath.store.tables import (
    ASSIGNMENTS,
    CE_ACTIVITIES,
    CERTIFICATIONS,
    LICENSES,
    PROFILE,
    SKILLS,
    TableSpec,
)

R = TypeVar("R", bound=Record)

SPECS: dict[type[Record], TableSpec] = {
    License: LICENSES,
    Certification: CERTIFICATIONS,
    CEActivity: CE_ACTIVITIES,
    SkillRating: SKILLS,
    Assignment: ASSIGNMENTS,
}
LABELS = {
    License: "license",
    Certification: "certification",
    CEActivity: "CE activity",
    SkillRating: "skill",
    Assignment: "assignment",
}


class NotFoundError(CareerpathError):
    pass


class Store:
    """The user's records in `home/careerpath.db`."""

    generation: ClassVar[int] = 0
    """Write transactions committed by any Store in this process: files derived from the
    records (the `[calendar] path` .ics) are rewritten when it moves."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.conn: sqlite3.Connection = open_database(home)

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with transaction(self.conn) as conn:
            yield conn
        Store.generation += 1

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- profile ---------------------------------------------------------------------------
    def profile(self) -> Profile | None:
        found = rows.fetch(self.conn, PROFILE)
        if not found:
            return None
        data = found[0]
        data.pop("id")
        return Profile.model_validate(data)

    def save_profile(self, profile: Profile) -> Profile:
        values = rows.encode(PROFILE, profile.model_dump(mode="json"))
        columns = ", ".join(f'"{c}"' for c in PROFILE.columns)
        marks = ", ".join("?" for _ in PROFILE.columns)
        with self._write():
            self.conn.execute(
                f"INSERT OR REPLACE INTO profile (id, {columns}) VALUES (1, {marks})", values
            )
        return profile

    # -- records ---------------------------------------------------------------------------
    def all_of(self, model: type[R]) -> list[R]:
        return [model.model_validate(row) for row in rows.fetch(self.conn, SPECS[model])]

    def get(self, model: type[R], record_id: int) -> R:
        found = rows.fetch(self.conn, SPECS[model], "id = ?", (record_id,))
        if not found:
            raise NotFoundError(f"there is no {LABELS[model]} with id {record_id}")
        return model.model_validate(found[0])

    def add(self, record: R) -> R:
        return self.add_many([record])[0]

    def add_many(self, records: list[R]) -> list[R]:
        """Insert several records in one transaction: all land or none."""
        saved: list[R] = []
        with self._write():
            for record in records:
                saved.append(self._insert(record, keep_id=False))
        return saved

    def update(self, record: R) -> R:
        if record.id is None:  # type: ignore[attr-defined]
            raise CareerpathError("cannot update a record that has no id")
        spec = SPECS[type(record)]
        with self._write():
            self._check_references(record)
            data = record.model_dump(mode="json")
            sets = ", ".join(f'"{c}" = ?' for c in spec.columns)
            cursor = self.conn.execute(
                f"UPDATE {spec.table} SET {sets} WHERE id = ?",
                [*rows.encode(spec, data), record.id],  # type: ignore[attr-defined]
            )
            if cursor.rowcount == 0:
                raise NotFoundError(
                    f"there is no {LABELS[type(record)]} with id {record.id}"  # type: ignore[attr-defined]
                )
            if isinstance(record, SkillRating) and record.id is not None:
                skill_history.log(self.conn, record.id, record)
        return record

    def remove(self, model: type[Record], record_id: int) -> None:
        spec = SPECS[model]
        with self._write():
            if model is License:
                self._detach_license(record_id)
            cursor = self.conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (record_id,))
            if cursor.rowcount == 0:
                raise NotFoundError(f"there is no {LABELS[model]} with id {record_id}")

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Store]:
        """One read transaction: everything read inside sees one state of the records, however
        many writers commit meanwhile (WAL keeps the snapshot). Exports read through this."""
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            self.conn.execute("COMMIT")

    def records(self) -> Records:
        """Everything, for the planner and for export."""
        return Records(
            profile=self.profile(),
            licenses=self.all_of(License),
            certifications=self.all_of(Certification),
            ce_activities=self.all_of(CEActivity),
            skills=self.all_of(SkillRating),
            assignments=self.all_of(Assignment),
        )

    def is_empty(self) -> bool:
        if self.profile() is not None:
            return False
        return all(
            self.conn.execute(f"SELECT 1 FROM {spec.table} LIMIT 1").fetchone() is None
            for spec in SPECS.values()
        )

    def replace_all(self, records: Records, plan_steps: dict[str, str] | None = None) -> None:
        """Swap every record for `records` (ids kept) in one transaction, after a backup."""
        backup(self.conn, self.home, "before-import")
        with self._write():
            self.conn.execute("DELETE FROM ce_activities")
            self.conn.execute("DELETE FROM licenses WHERE home_license_id IS NOT NULL")
            for spec in SPECS.values():
                self.conn.execute(f"DELETE FROM {spec.table}")
            self.conn.execute("DELETE FROM profile")
            self.conn.execute("DELETE FROM plan_steps")
            if records.profile is not None:
                values = rows.encode(PROFILE, records.profile.model_dump(mode="json"))
                columns = ", ".join(f'"{c}"' for c in PROFILE.columns)
                marks = ", ".join("?" for _ in PROFILE.columns)
                self.conn.execute(
                    f"INSERT INTO profile (id, {columns}) VALUES (1, {marks})", values
                )
            # Home licenses before the privileges that rest on them.
            ordered = sorted(records.licenses, key=lambda lic: lic.kind is LicenseKind.PRIVILEGE)
            for group in (
                ordered,
                records.certifications,
                records.ce_activities,
                records.skills,
                records.assignments,
            ):
                for record in group:
                    self._insert(record, keep_id=True)
            for key, done_on in (plan_steps or {}).items():
                self.conn.execute(
                    "INSERT INTO plan_steps (key, done_on) VALUES (?, ?)", (key, done_on)
                )

    # -- growth plan ticks -----------------------------------------------------------------
    def plan_steps(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, done_on FROM plan_steps ORDER BY key"))

    def set_plan_step(self, key: str, done_on: str | None) -> None:
        with self._write():
            if done_on is None:
                self.conn.execute("DELETE FROM plan_steps WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO plan_steps (key, done_on) VALUES (?, ?)",
                    (key, done_on),
                )

    # -- internals -------------------------------------------------------------------------
    def _insert(self, record: R, *, keep_id: bool) -> R:
        spec = SPECS[type(record)]
        self._check_references(record)
        data = record.model_dump(mode="json")
        columns = ["id", *spec.columns] if keep_id else list(spec.columns)
        values: list[Any] = rows.encode(spec, data)
        if keep_id:
            values = [data.get("id"), *values]
        quoted = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        cursor = self.conn.execute(f"INSERT INTO {spec.table} ({quoted}) VALUES ({marks})", values)
        if isinstance(record, SkillRating) and cursor.lastrowid is not None:
            if keep_id:
                skill_history.restore(self.conn, cursor.lastrowid, record)
            else:
                skill_history.log(self.conn, cursor.lastrowid, record)
        return record.model_copy(update={"id": cursor.lastrowid})

    def _license_kind(self, license_id: int) -> str | None:
        row = self.conn.execute("SELECT kind FROM licenses WHERE id = ?", (license_id,)).fetchone()
        return None if row is None else str(row[0])

    def _check_references(self, record: Record) -> None:
        if isinstance(record, License) and record.home_license_id is not None:
            kind = self._license_kind(record.home_license_id)
            if kind is None:
                raise NotFoundError(
                    f"the home license {record.home_license_id} does not exist: add it first"
                )
            if kind == LicenseKind.PRIVILEGE:
                raise CareerpathError(
                    f"license {record.home_license_id} is itself a privilege; "
                    "a privilege rests on a home-state license"
                )
            if record.id is not None and record.home_license_id == record.id:
                raise CareerpathError("a privilege cannot rest on itself")
        if isinstance(record, CEActivity):
            for license_id in record.claimed_for:
                if self._license_kind(license_id) is None:
                    raise NotFoundError(
                        f"CE activity is claimed for license {license_id}, which does not exist"
                    )

    def _detach_license(self, license_id: int) -> None:
        riders = [
            str(row[0])
            for row in self.conn.execute(
                "SELECT id FROM licenses WHERE home_license_id = ?", (license_id,)
            )
        ]
        if riders:
            raise CareerpathError(
                f"license {license_id} is the home license of privilege(s) "
                f"{', '.join(riders)}: remove or re-point them first"
            )
        for row_id, claimed in self.conn.execute(
            "SELECT id, claimed_for FROM ce_activities WHERE claimed_for LIKE ?",
            (f"%{license_id}%",),
        ).fetchall():
            ids = [i for i in json.loads(claimed) if i != license_id]
            self.conn.execute(
                "UPDATE ce_activities SET claimed_for = ? WHERE id = ?",
                (json.dumps(ids, separators=(",", ":")), row_id),
            )
