"""Generic add / list / edit / remove for licenses, certifications, CE, skills, assignments."""

from __future__ import annotations

import argparse
import importlib
from typing import TYPE_CHECKING, Any

from careerpath.commands.context import Context, print_json, render_table
from careerpath.commands.record_specs import KINDS, KindSpec
from careerpath.errors import CareerpathError

if TYPE_CHECKING:
    from careerpath.records import Record


def model_class(kind: KindSpec) -> type[Record]:
    records = importlib.import_module("careerpath.records")
    cls: type[Record] = getattr(records, kind.model)
    return cls


def validate(kind: KindSpec, data: dict[str, Any]) -> Record:
    """Build the model, turning pydantic's report into one line."""
    from pydantic import ValidationError

    from careerpath.errors import describe_validation

    try:
        return model_class(kind).model_validate(data)
    except ValidationError as exc:
        raise CareerpathError(describe_validation(exc, kind.title)) from None


def given_fields(kind: KindSpec, args: argparse.Namespace) -> dict[str, Any]:
    """Fields the user actually passed (None means 'not given')."""
    data: dict[str, Any] = {}
    for option in kind.options:
        value = getattr(args, option.field, None)
        if value is not None:
            data[option.field] = value
    if "amount" in data:
        from careerpath.amounts import with_unit_from_amount

        data = with_unit_from_amount(data)
    return data


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    kind = KINDS[args.record_kind]
    record = _dated(ctx, validate(kind, given_fields(kind, args)), None)
    saved = ctx.store().add(record)
    print(f"added {kind.title} {saved.id}: {describe(kind, saved.model_dump(mode='json'))}")  # type: ignore[attr-defined]
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    kind = KINDS[args.record_kind]
    store = ctx.store()
    current = store.get(model_class(kind), args.id)
    changes = given_fields(kind, args)
    if not changes:
        raise CareerpathError(
            f"nothing to change: give at least one option (see `{kind.name} edit -h`)"
        )
    merged = {**current.model_dump(mode="json"), **changes}
    record = _dated(ctx, validate(kind, merged), current)
    store.update(record)
    print(f"updated {kind.title} {args.id}: {describe(kind, record.model_dump(mode='json'))}")
    return 0


def _dated(ctx: Context, record: Record, previous: Record | None) -> Record:
    """A skill rating's new level is dated today (`--today`) unless the user gave its date."""
    from careerpath.records import SkillRating

    if not isinstance(record, SkillRating):
        return record
    from careerpath.growth.history import stamp

    before = previous if isinstance(previous, SkillRating) else None
    return stamp(record, before, ctx.today)


def cmd_remove(ctx: Context, args: argparse.Namespace) -> int:
    kind = KINDS[args.record_kind]
    store = ctx.store()
    record = store.get(model_class(kind), args.id)
    store.remove(model_class(kind), args.id)
    print(f"removed {kind.title} {args.id}: {describe(kind, record.model_dump(mode='json'))}")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    """Fast path: rows straight from SQLite, no pydantic (they were validated on write)."""
    from careerpath.store import rows
    from careerpath.store.database import open_database

    kind = KINDS[args.record_kind]
    conn = open_database(ctx.home)
    try:
        found = rows.fetch(conn, kind.table)
    finally:
        conn.close()
    if kind.name == "ce":
        from careerpath.commands.ce_filter import filter_rows

        found = filter_rows(found, args)
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(f"no {kind.title} records yet: add one with `careerpath {kind.name} add`")
        return 0
    table = render_table(
        [c.header for c in kind.columns], [[c.cell(row) for c in kind.columns] for row in found]
    )
    print(table)
    if kind.name == "ce":
        from careerpath.commands.ce_filter import total_line

        print(total_line(found))
    return 0


def describe(kind: KindSpec, data: dict[str, Any]) -> str:
    """One line that names a record the way a person would."""
    if kind.name == "license":
        return f"{data['profession']} {data['jurisdiction']} {data['kind']}, expires {data.get('expires') or '?'}"
    if kind.name == "cert":
        return f"{data['name']}, expires {data.get('expires') or '?'}"
    if kind.name == "ce":
        hours = data["contact_hours"]
        unit = "contact hour" if hours == "1" else "contact hours"
        return f"{data['completed']} {data['title']} ({hours} {unit})"
    if kind.name == "skill":
        return f"{data['skill']} level {data['level']}"
    return f"{data['jurisdiction']} {data.get('facility') or ''} from {data['start']}".replace(
        "  ", " "
    )
