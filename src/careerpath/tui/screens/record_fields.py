"""Which fields each record's form shows, and how typed text becomes model input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, Literal, TypeVar

from careerpath.hours import CEUnit
from careerpath.records import (
    SKILL_LEVELS,
    Assignment,
    AssignmentStatus,
    CEActivity,
    CEFormat,
    Certification,
    License,
    LicenseKind,
    LicenseRoute,
    LicenseStatus,
    Profession,
    Record,
    SkillKind,
    SkillRating,
)

R = TypeVar("R", bound=Record)
Kind = Literal["text", "date", "select", "bool", "list", "ids"]


def _choices(enum: type[Enum]) -> tuple[tuple[str, str], ...]:
    return tuple((str(m.value).replace("_", " "), str(m.value)) for m in enum)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: Kind = "text"
    placeholder: str = ""
    options: tuple[tuple[str, str], ...] = ()
    required: bool = False
    default: Any = None

    def parse(self, raw: Any) -> Any:
        """Typed text to model input: blanks become None, lists split on commas."""
        if self.kind == "bool":
            return bool(raw)
        if raw is None:
            return [] if self.kind in {"list", "ids"} else None
        text = str(raw).strip()
        if self.kind == "list":
            return [part.strip() for part in text.split(",") if part.strip()]
        if self.kind == "ids":
            return [part.strip().lstrip("#") for part in text.split(",") if part.strip()]
        return text or None

    def show(self, value: Any) -> Any:
        """A stored value as the widget shows it."""
        if value is None:
            return None
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        if self.kind == "select":
            return str(value)
        return value


@dataclass(frozen=True)
class FormSpec(Generic[R]):
    title: str
    model: type[R]
    fields: tuple[FieldSpec, ...]
    check: Callable[[R], str | None] | None = field(default=None)


DATE = "YYYY-MM-DD"

LICENSE = FormSpec(
    "license",
    License,
    (
        FieldSpec(
            "profession",
            "Profession",
            "select",
            options=_choices(Profession),
            required=True,
            default="RN",
        ),
        FieldSpec("jurisdiction", "State", placeholder="e.g. OR or Oregon"),
        FieldSpec(
            "kind",
            "Kind",
            "select",
            options=_choices(LicenseKind),
            required=True,
            default="single_state",
        ),
        FieldSpec(
            "status",
            "Status",
            "select",
            options=_choices(LicenseStatus),
            required=True,
            default="active",
        ),
        FieldSpec(
            "route", "Obtained by (exam or endorsement)", "select", options=_choices(LicenseRoute)
        ),
        FieldSpec("issued", "Issued", "date", placeholder=DATE),
        FieldSpec("expires", "Expires", "date", placeholder=DATE),
        FieldSpec("number", "License number (stays on this computer)", placeholder="optional"),
        FieldSpec(
            "home_license_id",
            "For a privilege: the home license's #",
            placeholder="e.g. 1 (see the # column)",
        ),
        FieldSpec("note", "Note", placeholder="optional"),
    ),
)

CERTIFICATION = FormSpec(
    "certification",
    Certification,
    (
        FieldSpec("name", "Name", placeholder="BLS, ACLS, CCRN ..."),
        FieldSpec("issuer", "Issuer", placeholder="AHA, AACN ..."),
        FieldSpec("earned", "Earned", "date", placeholder=DATE),
        FieldSpec("expires", "Expires", "date", placeholder=f"{DATE} or never"),
        FieldSpec("number", "Number", placeholder="optional"),
    ),
)


def _not_future(today: dt.date) -> Callable[[CEActivity], str | None]:
    def check(activity: CEActivity) -> str | None:
        if activity.completed > today:
            return f"{activity.completed} is after today: log CE once it is done"
        return None

    return check


def ce_activity(today: dt.date) -> FormSpec[CEActivity]:
    return FormSpec(
        "CE activity",
        CEActivity,
        (
            FieldSpec(
                "completed", "Completed", "date", placeholder=DATE, default=today.isoformat()
            ),
            FieldSpec("title", "Title"),
            FieldSpec("provider", "Provider", placeholder="optional"),
            FieldSpec("amount", "Amount", placeholder="e.g. 1.5"),
            FieldSpec(
                "unit",
                "Unit",
                "select",
                options=_choices(CEUnit),
                required=True,
                default="contact_hours",
            ),
            FieldSpec("topics", "Topics", "list", placeholder="comma-separated, e.g. ethics"),
            FieldSpec(
                "format",
                "Format",
                "select",
                options=_choices(CEFormat),
                required=True,
                default="other",
            ),
            FieldSpec(
                "claimed_for",
                "Claimed for license #s",
                "ids",
                placeholder="blank = wherever it counts",
            ),
            FieldSpec("accreditor", "Accreditor", placeholder="ANCC, AOTA ... (optional)"),
        ),
        check=_not_future(today),
    )


ASSIGNMENT = FormSpec(
    "assignment",
    Assignment,
    (
        FieldSpec("jurisdiction", "State", placeholder="e.g. OR"),
        FieldSpec("facility", "Facility", placeholder="optional"),
        FieldSpec("city", "City", placeholder="optional"),
        FieldSpec("specialty", "Specialty", placeholder="e.g. ICU"),
        FieldSpec(
            "profession",
            "Profession (blank: your profile's)",
            "select",
            options=_choices(Profession),
        ),
        FieldSpec("start", "Start", "date", placeholder=DATE),
        FieldSpec("end", "End", "date", placeholder=DATE),
        FieldSpec(
            "status",
            "Status",
            "select",
            options=_choices(AssignmentStatus),
            required=True,
            default="considering",
        ),
        FieldSpec("note", "Note", placeholder="optional"),
    ),
)

SKILL = FormSpec(
    "skill rating",
    SkillRating,
    (
        FieldSpec("skill", "Skill", placeholder="e.g. ventilator management"),
        FieldSpec(
            "kind", "Kind", "select", options=_choices(SkillKind), required=True, default="hard"
        ),
        FieldSpec(
            "level",
            "Level",
            "select",
            required=True,
            default="3",
            options=tuple((f"{k} - {v}", str(k)) for k, v in SKILL_LEVELS.items()),
        ),
        FieldSpec("last_performed", "Last performed", "date", placeholder=DATE),
        FieldSpec("interested", "I want to grow this skill", "bool"),
        FieldSpec("note", "Note", placeholder="optional"),
    ),
)
