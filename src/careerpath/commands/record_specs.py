"""Per record kind: the CLI options that fill each field, and the columns a listing shows.

Plain data, so one generic add/list/edit/remove serves every kind and the help text stays in
step with the models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from careerpath.commands.context import show
from careerpath.store.tables import (
    ASSIGNMENTS,
    CE_ACTIVITIES,
    CERTIFICATIONS,
    LICENSES,
    SKILLS,
    TableSpec,
)


class Option(NamedTuple):
    field: str
    flag: str
    help: str
    required: bool = False
    """Required when adding."""
    many: bool = False
    """Repeatable; collects a list."""
    metavar: str | None = None


class Column(NamedTuple):
    header: str
    cell: Callable[[dict[str, Any]], str]


def col(header: str, key: str) -> Column:
    return Column(header, lambda row: show(row.get(key)))


class KindSpec(NamedTuple):
    name: str
    """Sub-command name."""
    title: str
    """What one record is called in messages."""
    table: TableSpec
    model: str
    """Class name in careerpath.records (imported lazily)."""
    options: tuple[Option, ...]
    columns: tuple[Column, ...]


def _state_and_kind(row: dict[str, Any]) -> str:
    return f"{row['jurisdiction']} {row['kind'].replace('_', '-')}"


LICENSE = KindSpec(
    "license",
    "license",
    LICENSES,
    "License",
    (
        Option("profession", "--profession", "RN, LPN (or LVN), APRN, PT, PTA, OT, OTA, SLP, AUD, RT", True),
        Option("jurisdiction", "--state", "state, DC or territory code, e.g. OR", True, metavar="XX"),
        Option("kind", "--kind", "single_state (default), multistate or privilege"),
        Option("number", "--number", "license number (kept private; left out of packets)"),
        Option("issued", "--issued", "issue date", metavar="YYYY-MM-DD"),
        Option("expires", "--expires", "expiry date", metavar="YYYY-MM-DD"),
        Option("status", "--status", "active (default), pending, inactive, expired, encumbered"),
        Option("route", "--route", "how you got it: exam (first license) or endorsement"),
        Option("home_license_id", "--home-license", "for a privilege: id of the home license", metavar="ID"),
        Option("note", "--note", "free text"),
    ),
    (
        col("id", "id"),
        col("prof", "profession"),
        Column("state / kind", _state_and_kind),
        col("number", "number"),
        col("expires", "expires"),
        col("status", "status"),
        col("home", "home_license_id"),
    ),
)  # fmt: skip

CERT = KindSpec(
    "cert",
    "certification",
    CERTIFICATIONS,
    "Certification",
    (
        Option("name", "--name", "BLS, ACLS, PALS, CCRN ...", True),
        Option("issuer", "--issuer", "AHA, AACN, BCEN ..."),
        Option("number", "--number", "certificate number"),
        Option("earned", "--earned", "date earned", metavar="YYYY-MM-DD"),
        Option("expires", "--expires", "expiry date, or never for a card that does not expire", metavar="YYYY-MM-DD|never"),
    ),
    (col("id", "id"), col("name", "name"), col("issuer", "issuer"), col("earned", "earned"),
     col("expires", "expires")),
)  # fmt: skip

CE = KindSpec(
    "ce",
    "CE activity",
    CE_ACTIVITIES,
    "CEActivity",
    (
        Option("completed", "--date", "date completed", True, metavar="YYYY-MM-DD"),
        Option("title", "--title", "course or session title", True),
        Option("amount", "--hours", "amount, in --unit (default contact hours); 90min and 0.2ceu also work", True, metavar="N"),
        Option("unit", "--unit", "contact_hours (default), ceu or minutes"),
        Option("provider", "--provider", "who ran it"),
        Option("accreditor", "--accreditor", "accrediting body, e.g. ANCC"),
        Option("accreditation", "--accreditation", "accreditation statement, as printed"),
        Option("approval_number", "--approval-number", "provider or course approval number"),
        Option("certificate_number", "--certificate-number", "certificate number, as printed"),
        Option("topics", "--topic", "topic, repeatable (e.g. implicit-bias)", many=True),
        Option("format", "--format", "live, conference, online, home_study, academic, other"),
        Option("claimed_for", "--claim", "license id it is claimed for, repeatable", many=True, metavar="ID"),
    ),
    (
        col("id", "id"),
        col("date", "completed"),
        Column("title", lambda row: _clip(str(row["title"]), 40)),
        col("hours", "contact_hours"),
        Column("entered", lambda row: f"{row['amount']} {row['unit'].replace('_', ' ')}"),
        col("topics", "topics"),
        Column("provider", lambda row: _clip(show(row.get("provider")), 24)),
        Column("cert", lambda row: "yes" if row.get("certificate") else "-"),
    ),
)  # fmt: skip

SKILL = KindSpec(
    "skill",
    "skill rating",
    SKILLS,
    "SkillRating",
    (
        Option("skill", "--skill", "skill name, e.g. 'ventilator management'", True),
        Option("level", "--level", "1 no experience, 2 limited, 3 experienced, 4 expert", True, metavar="1-4"),
        Option("kind", "--kind", "hard (default) or soft"),
        Option("last_performed", "--last-performed", "when last done", metavar="YYYY-MM-DD"),
        Option("interested", "--interested", "yes if you want to grow this skill", metavar="yes|no"),
        Option("assessed_on", "--assessed-on", "when this level was assessed (default today)", metavar="YYYY-MM-DD"),
        Option("assessed_by", "--assessed-by", "self, checklist, competency or certification"),
        Option("note", "--note", "free text"),
    ),
    (col("id", "id"), col("skill", "skill"), col("kind", "kind"), col("level", "level"),
     col("rated", "assessed_on"), col("how", "assessed_by"), col("last done", "last_performed"),
     col("interested", "interested")),
)  # fmt: skip

ASSIGNMENT = KindSpec(
    "assignment",
    "assignment",
    ASSIGNMENTS,
    "Assignment",
    (
        Option("jurisdiction", "--state", "state code", True, metavar="XX"),
        Option("start", "--start", "first day", True, metavar="YYYY-MM-DD"),
        Option("end", "--end", "last day", metavar="YYYY-MM-DD"),
        Option("facility", "--facility", "hospital or clinic"),
        Option("city", "--city", "city"),
        Option("specialty", "--specialty", "unit or specialty, e.g. ICU"),
        Option("profession", "--profession", "which license it needs (default: your first profession)"),
        Option("status", "--status", "considering (default), offered, booked, done"),
        Option("note", "--note", "free text"),
    ),
    (col("id", "id"), col("state", "jurisdiction"), col("facility", "facility"),
     col("specialty", "specialty"), col("start", "start"), col("end", "end"),
     col("status", "status")),
)  # fmt: skip

KINDS: dict[str, KindSpec] = {k.name: k for k in (LICENSE, CERT, CE, SKILL, ASSIGNMENT)}


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
