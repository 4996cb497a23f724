"""How each record kind maps to a table: plain data, so that raw reads need no pydantic."""

from __future__ import annotations

from typing import NamedTuple


class TableSpec(NamedTuple):
    kind: str
    """The CLI and export name of the record kind."""
    table: str
    columns: tuple[str, ...]
    """Columns besides `id`, in model field order."""
    json_columns: frozenset[str] = frozenset()
    bool_columns: frozenset[str] = frozenset()
    order_by: str = "id"


LICENSES = TableSpec(
    "license",
    "licenses",
    ("profession", "jurisdiction", "kind", "number", "issued", "expires", "status", "route",
     "home_license_id", "note"),
    order_by="jurisdiction, profession, id",
)  # fmt: skip
CERTIFICATIONS = TableSpec(
    "cert", "certifications", ("name", "issuer", "number", "earned", "expires"),
    order_by="expires IS NULL, expires, id",
)  # fmt: skip
CE_ACTIVITIES = TableSpec(
    "ce",
    "ce_activities",
    ("completed", "title", "provider", "accreditor", "amount", "unit", "topics", "format",
     "certificate", "claimed_for", "accreditation", "approval_number", "certificate_number"),
    json_columns=frozenset({"topics", "claimed_for"}),
    order_by="completed DESC, id DESC",
)  # fmt: skip
SKILLS = TableSpec(
    "skill",
    "skills",
    ("skill", "kind", "level", "last_performed", "interested", "note", "assessed_on",
     "assessed_by"),
    bool_columns=frozenset({"interested"}),
    order_by="kind, skill COLLATE NOCASE, id",
)  # fmt: skip
ASSIGNMENTS = TableSpec(
    "assignment",
    "assignments",
    ("jurisdiction", "facility", "city", "specialty", "profession", "start", "end", "status",
     "note"),
    order_by="start, id",
)  # fmt: skip
PROFILE = TableSpec(
    "profile",
    "profile",
    (
        "name",
        "professions",
        "home_state",
        "home_since",
        "previous_home",
        "birth_date",
        "specialty",
        "target_roles",
        "nlc_answers",
    ),
    json_columns=frozenset({"professions", "target_roles", "nlc_answers"}),
)

RECORD_TABLES: dict[str, TableSpec] = {
    spec.kind: spec for spec in (LICENSES, CERTIFICATIONS, CE_ACTIVITIES, SKILLS, ASSIGNMENTS)
}
