"""CSV tables for spreadsheets and agency portals, and CE activities read back from one.

Files are UTF-8 with a byte-order mark and CRLF line ends (RFC 4180): Excel opens them with
accents intact, and every other program reads them too (the reader accepts them with or
without the mark). Dates are ISO (YYYY-MM-DD); lists (topics, claimed license ids) are joined
with ";". Column names follow `ce add --csv` and the records' fields. A cell that a
spreadsheet would run as a formula (`=HYPERLINK(...)` in a title) is written with a leading `'`,
as OWASP recommends for CSV injection, and reading takes it off again: round trips are exact.

Reading is all-or-nothing: every row goes through the CEActivity model and every problem is
reported as `row N: ...` (N as a spreadsheet numbers rows, the header being row 1) before
anything is written. Rows that repeat a stored activity (same date, title, provider and
contact hours) are skipped and counted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from pydantic import ValidationError

from careerpath.amounts import split_amount
from careerpath.errors import CareerpathError, describe_validation
from careerpath.exports.formats import CSVTable
from careerpath.hours import format_hours, parse_unit, to_decimal
from careerpath.records import CEActivity, Certification, License, Records, expiry_text

CE_COLUMNS = ("date", "title", "provider", "accreditor", "hours", "unit", "contact_hours",
              "topics", "format", "claim", "certificate")  # fmt: skip
"""`hours` and `unit` as the certificate states them; `contact_hours` derived (60-minute hours,
for a spreadsheet's SUM), checked on import; `claim`: ids of the licenses it is claimed for."""
LICENSE_COLUMNS = ("id", "profession", "state", "kind", "status", "issued", "expires", "number",
                   "home_license_id")  # fmt: skip
CERTIFICATION_COLUMNS = ("id", "name", "issuer", "earned", "expires", "number")
NUMBER_COLUMN = "number"

LIST_SEPARATOR = ";"
ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: how Excel recognises UTF-8 in a CSV file."""

FORMULA_STARTS = frozenset("=+-@\t\r'")
"""First characters a spreadsheet may treat as a formula (OWASP), and the escape itself."""

_FIELD_NAMES = {"completed": "date", "amount": "hours", "claimed_for": "claim"}
"""Model fields as the CSV calls them, for error messages."""


# -- export ------------------------------------------------------------------------------------


def table(
    records: Records, which: CSVTable, *, include_numbers: bool = False
) -> tuple[tuple[str, ...], list[list[str]]]:
    """Headers and rows of one table. Numbers appear only with `include_numbers`."""
    if which is CSVTable.CE:
        return CE_COLUMNS, [ce_row(a) for a in _ce_order(records.ce_activities)]
    if which is CSVTable.LICENSES:
        headers = _without_numbers(LICENSE_COLUMNS, include_numbers)
        rows = [_license_row(lic) for lic in sorted(records.licenses, key=_by_id)]
    else:
        headers = _without_numbers(CERTIFICATION_COLUMNS, include_numbers)
        rows = [_certification_row(c) for c in sorted(records.certifications, key=_by_id)]
    return headers, [[row[h] for h in headers] for row in rows]


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP, CSV injection): one starting with
    `=`, `+`, `-`, `@`, tab or CR gets a leading `'`; so does one already starting with `'`, so
    that `restore` can always take exactly one off again."""
    return f"'{cell}" if cell[:1] in FORMULA_STARTS else cell


def restore(cell: str) -> str:
    """The cell as it was before `neutralise` (the import side of a round trip)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode(ENCODING)


def export_csv(records: Records, which: CSVTable, *, include_numbers: bool = False) -> bytes:
    headers, rows = table(records, which, include_numbers=include_numbers)
    return to_csv(headers, rows)


def ce_row(activity: CEActivity) -> list[str]:
    values = {
        "date": activity.completed.isoformat(),
        "title": activity.title,
        "provider": activity.provider or "",
        "accreditor": activity.accreditor or "",
        "hours": _plain(activity.amount),
        "unit": activity.unit.value,
        "contact_hours": format_hours(activity.exact_hours()),
        "topics": LIST_SEPARATOR.join(activity.topics),
        "format": activity.format.value,
        "claim": LIST_SEPARATOR.join(str(i) for i in activity.claimed_for),
        "certificate": activity.certificate or "",
    }
    return [values[c] for c in CE_COLUMNS]


def _ce_order(activities: Iterable[CEActivity]) -> list[CEActivity]:
    return sorted(activities, key=lambda a: (a.completed, a.id or 0))


def _by_id(record: License | Certification) -> int:
    return record.id or 0


def _without_numbers(columns: tuple[str, ...], include_numbers: bool) -> tuple[str, ...]:
    return columns if include_numbers else tuple(c for c in columns if c != NUMBER_COLUMN)


def _license_row(lic: License) -> dict[str, str]:
    return {
        "id": _text(lic.id),
        "profession": str(lic.profession),
        "state": lic.jurisdiction,
        "kind": lic.kind.value,
        "status": lic.status.value,
        "issued": _text(lic.issued),
        "expires": _text(lic.expires),
        "number": lic.number or "",
        "home_license_id": _text(lic.home_license_id),
    }


def _certification_row(cert: Certification) -> dict[str, str]:
    return {
        "id": _text(cert.id),
        "name": cert.name,
        "issuer": cert.issuer or "",
        "earned": _text(cert.earned),
        "expires": expiry_text(cert.expires),
        "number": cert.number or "",
    }


def _text(value: int | dt.date | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _plain(value: Decimal) -> str:
    """`1.5000` -> `1.5`, `90` stays `90` (never `9E+1`)."""
    return format(value.normalize(), "f")


# -- import ------------------------------------------------------------------------------------


@dataclass
class ParsedRow:
    row: int
    activity: CEActivity
    certificate: str | None
    """The certificate column as written: a stored name or a file to attach."""


@dataclass
class ParsedCE:
    rows: list[ParsedRow] = field(default_factory=list)
    """Valid new activities, in file order (duplicates left out)."""
    duplicates: list[int] = field(default_factory=list)
    """Rows skipped because the same activity is already stored."""
    problems: list[str] = field(default_factory=list)
    """`row N: ...`, one per bad row; nothing may be written while there is one."""


def duplicate_key(activity: CEActivity) -> tuple[dt.date, str, str, Fraction]:
    """Same date, title, provider (case aside) and contact hours: the same activity."""
    return (
        activity.completed,
        activity.title.casefold(),
        (activity.provider or "").casefold(),
        activity.exact_hours(),
    )


def parse_ce_csv(
    text: str,
    *,
    today: dt.date,
    existing: Iterable[CEActivity] = (),
    license_ids: Iterable[int] = (),
) -> ParsedCE:
    """Read CE activities from CSV text (the export's columns); validate every row, write nothing.

    A wrong header is one error for the whole file (raised); bad rows are collected in
    `problems`. `existing` are the stored activities (for duplicates), `license_ids` the stored
    licenses a `claim` may name."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise CareerpathError("the file is empty: the first row must name the columns")
        columns = [h.strip().lower() for h in header]
        _check_columns(columns)
        stored = {duplicate_key(a) for a in existing}
        known = set(license_ids)
        parsed = ParsedCE()
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue  # spreadsheets leave blank rows at the end
            if len(cells) > len(columns):
                parsed.problems.append(
                    f"row {number}: {len(cells)} cells but {len(columns)} columns "
                    "(a comma inside a value needs quotes)"
                )
                continue
            values = {c: restore(v).strip() for c, v in zip(columns, cells, strict=False)}
            try:
                activity = _activity(values, today, known)
            except CareerpathError as exc:
                parsed.problems.append(f"row {number}: {exc}")
                continue
            if duplicate_key(activity) in stored:
                parsed.duplicates.append(number)
                continue
            parsed.rows.append(ParsedRow(number, activity, values.get("certificate") or None))
    except csv.Error as exc:
        raise CareerpathError(f"not a readable CSV file (row {reader.line_num}: {exc})") from None
    return parsed


def _check_columns(columns: list[str]) -> None:
    unknown = [c for c in columns if c not in CE_COLUMNS]
    twice = sorted({c for c in columns if c and columns.count(c) > 1})
    missing = [c for c in ("date", "title", "hours") if c not in columns]
    if unknown or missing or twice:
        found = []
        if missing:
            found.append(f"missing: {', '.join(missing)}")
        if unknown:
            found.append(f"unknown: {', '.join(c or '(blank)' for c in unknown)}")
        if twice:
            found.append(f"repeated: {', '.join(twice)}")
        raise CareerpathError(
            f"columns must be CE activity columns ({','.join(CE_COLUMNS)}; date, title and "
            f"hours required); {'; '.join(found)}. Only CE activities are imported from CSV"
        )


def _activity(values: dict[str, str], today: dt.date, licenses: set[int]) -> CEActivity:
    """One row through the CEActivity model; CareerpathError says every problem of the row."""
    problems: list[str] = []
    data: dict[str, Any] = {}
    for column, name in (("date", "completed"), ("title", "title"), ("provider", "provider"),
                         ("accreditor", "accreditor")):  # fmt: skip
        if values.get(column):
            data[name] = values[column]
    if values.get("format"):
        data["format"] = values["format"].lower().replace(" ", "_").replace("-", "_")
    if values.get("topics"):
        data["topics"] = _split(values["topics"])
    unit = None
    if values.get("unit"):
        try:
            unit = parse_unit(values["unit"]).value
            data["unit"] = unit
        except ValueError as exc:
            problems.append(f"unit: {exc}")
    hours = values.get("hours", "")
    if hours:
        try:
            amount, written_unit = split_amount(hours)
            data["amount"] = amount
            if written_unit is not None:
                if unit not in (None, written_unit):
                    problems.append(f"hours: {hours!r} says {written_unit} but unit says {unit}")
                data["unit"] = written_unit
        except CareerpathError as exc:
            problems.append(str(exc))
            data["amount"] = 1  # reported; a stand-in lets the other fields be checked too
    claim = []
    for part in _split(values.get("claim", "")):
        if not part.isdigit():
            problems.append(f"claim: {part!r} is not a license id")
        elif int(part) not in licenses:
            problems.append(f"claim: there is no license {part} here (add it, or clear the claim)")
        else:
            claim.append(int(part))
    data["claimed_for"] = claim
    activity = None
    try:
        activity = CEActivity.model_validate(data)
    except ValidationError as exc:
        problems.append(describe_validation(exc, names=_FIELD_NAMES))
    if activity is not None:
        if activity.completed > today:
            problems.append(
                f"date: {activity.completed} is after today ({today}); log CE once it is done"
            )
        problems.extend(_check_contact_hours(activity, values.get("contact_hours", "")))
    if problems or activity is None:
        raise CareerpathError("; ".join(problems))
    return activity


def _check_contact_hours(activity: CEActivity, text: str) -> list[str]:
    """The derived column must agree with hours and unit: an edit there would otherwise be lost."""
    if not text:
        return []
    try:
        given = Decimal(text)
    except InvalidOperation:
        return [f"contact_hours: {text!r} is not a number"]
    actual = to_decimal(activity.exact_hours())
    if given != actual:
        return [
            f"contact_hours: {text} does not match hours {_plain(activity.amount)} "
            f"{activity.unit} ({format_hours(actual)}); change hours and unit, or clear "
            "contact_hours"
        ]
    return []


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.replace(",", LIST_SEPARATOR).split(LIST_SEPARATOR) if t.strip()]
