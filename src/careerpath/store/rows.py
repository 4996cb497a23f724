"""Raw reads: table rows as JSON-ready dicts, shaped exactly like the models' JSON dump.

Listing thousands of CE activities should not pay for pydantic at all; the rows were validated
when they were written. A test keeps this shape equal to `model_dump(mode="json")`.
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from typing import Any

from careerpath.hours import CEUnit, contact_hours, to_decimal
from careerpath.store.tables import CE_ACTIVITIES, SKILLS, TableSpec


def _quote(column: str) -> str:
    return f'"{column}"'


def select_sql(spec: TableSpec, where: str = "") -> str:
    columns = ", ".join(["id", *(_quote(c) for c in spec.columns)])
    clause = f" WHERE {where}" if where else ""
    return f"SELECT {columns} FROM {spec.table}{clause} ORDER BY {spec.order_by}"


def decode(spec: TableSpec, row: tuple[Any, ...]) -> dict[str, Any]:
    """One row as the model's JSON dump (JSON columns parsed, booleans restored)."""
    data: dict[str, Any] = {"id": row[0]}
    for column, value in zip(spec.columns, row[1:], strict=True):
        if column in spec.json_columns:
            data[column] = [] if value == "[]" else json.loads(value)
        elif column in spec.bool_columns:
            data[column] = bool(value)
        else:
            data[column] = value
    if spec is CE_ACTIVITIES:
        data["contact_hours"] = _display_hours(data["amount"], data["unit"])
    return data


def _display_hours(amount: str, unit: str) -> str:
    """`CEActivity.contact_hours` as JSON, without building a Fraction for the common units."""
    if unit == "contact_hours":
        return str(to_decimal_text(amount))
    if unit == "ceu":
        return str(to_decimal_text(str(Decimal(amount) * 10)))
    return str(to_decimal(contact_hours(Decimal(amount), CEUnit(unit))))


def to_decimal_text(text: str) -> Decimal:
    value = Decimal(text)
    if value == value.quantize(_CENT):
        return value.normalize() + Decimal(0)
    return to_decimal(contact_hours(value, CEUnit.CONTACT_HOURS))


_CENT = Decimal("0.01")


def fetch(
    conn: sqlite3.Connection, spec: TableSpec, where: str = "", params: tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    found = [decode(spec, row) for row in conn.execute(select_sql(spec, where), params)]
    if spec is SKILLS:
        history = skill_history(conn, [row["id"] for row in found] if where else None)
        for row in found:
            row["history"] = history.get(row["id"], [])
    return found


def skill_history(
    conn: sqlite3.Connection, skill_ids: list[int] | None = None
) -> dict[int, list[dict[str, Any]]]:
    """Each rating's history entries as `RatingEntry` dumps, oldest first, by rating id."""
    where = ""
    if skill_ids is not None:
        where = f"WHERE skill_id IN ({', '.join('?' for _ in skill_ids)})"
    found: dict[int, list[dict[str, Any]]] = {}
    for rid, level, on, by in conn.execute(
        f"SELECT skill_id, level, assessed_on, assessed_by FROM skill_history {where}"
        " ORDER BY skill_id, id",
        skill_ids or (),
    ):
        found.setdefault(rid, []).append({"level": level, "assessed_on": on, "assessed_by": by})
    return found


def encode(spec: TableSpec, data: dict[str, Any]) -> list[Any]:
    """Column values for a model's JSON dump, in `spec.columns` order."""
    values: list[Any] = []
    for column in spec.columns:
        value = data.get(column)
        if column in spec.json_columns:
            values.append(json.dumps(value, separators=(",", ":")))
        elif column in spec.bool_columns:
            values.append(1 if value else 0)
        else:
            values.append(value)
    return values
