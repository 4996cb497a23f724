"""Export and import as the CLI and the TUI call them: read the store, write a file, say what.

`write_export` and `import_file` open their own connection to the data folder, so the TUI may
run them in a worker thread. Both return what to show: a summary line (and, for imports,
warnings). `render_export` is the pure part: records in, file content out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from careerpath.errors import CareerpathError, UsageError
from careerpath.exports.formats import CSVTable, ExportFormat, infer_format, parse_table
from careerpath.planner.settings import PlannerSettings
from careerpath.records import Records
from careerpath.reference.loader import RulesData


class CSVImportError(CareerpathError):
    """Some rows of a CSV import are wrong: `problems` has one `row N: ...` line per bad row;
    `str()` is the one-line summary. Nothing was written."""

    def __init__(self, summary: str, problems: list[str]) -> None:
        super().__init__(summary)
        self.problems = problems


@dataclass
class ImportResult:
    summary: str
    warnings: list[str] = field(default_factory=list)


def render_export(
    records: Records,
    rules: RulesData,
    today: dt.date,
    fmt: ExportFormat,
    *,
    settings: PlannerSettings | None = None,
    table: CSVTable = CSVTable.CE,
    include_numbers: bool = False,
) -> tuple[bytes, str]:
    """File content and a description ('12 events', ...) for every format but JSON (which
    needs the store: certificate files and plan steps)."""
    if fmt is ExportFormat.ICS:
        from careerpath.exports.calendar import build_calendar

        settings = settings or PlannerSettings()
        content = build_calendar(records, rules, today, settings)
        events = content.count(b"BEGIN:VEVENT")
        leads = ",".join(str(d) for d in settings.lead_times)
        return content, f"{events} calendar events (alarms {leads} days before)"
    if fmt in (ExportFormat.HTML, ExportFormat.MD):
        from careerpath.exports.document import render_html, render_markdown
        from careerpath.exports.packet import build_packet

        packet = build_packet(records, rules, today, include_numbers=include_numbers)
        text = render_html(packet) if fmt is ExportFormat.HTML else render_markdown(packet)
        numbers = (
            "numbers included"
            if include_numbers
            else "numbers left out; --include-numbers adds them"
        )
        return text.encode("utf-8"), (
            f"credential packet: {len(records.licenses)} licenses, "
            f"{len(records.certifications)} certifications, {len(records.skills)} skills "
            f"({numbers})"
        )
    if fmt is ExportFormat.CSV:
        from careerpath.exports.csv_tables import export_csv

        content = export_csv(records, table, include_numbers=include_numbers)
        count = {
            CSVTable.CE: len(records.ce_activities),
            CSVTable.LICENSES: len(records.licenses),
            CSVTable.CERTIFICATIONS: len(records.certifications),
        }[table]
        what = {
            CSVTable.CE: "CE activities",
            CSVTable.LICENSES: "licenses",
            CSVTable.CERTIFICATIONS: "certifications",
        }[table]
        privacy = ""
        if table is not CSVTable.CE:
            privacy = ", numbers included" if include_numbers else ", numbers left out"
        return content, f"{count} {what} (CSV, UTF-8{privacy})"
    raise CareerpathError("JSON exports are written from the store: use write_export")


def write_export(
    home: Path,
    today: dt.date,
    target: Path,
    fmt: ExportFormat | str | None = None,
    *,
    config: Path | None = None,
    rules: RulesData | None = None,
    settings: PlannerSettings | None = None,
    table: CSVTable | str | None = None,
    with_files: bool = False,
    include_numbers: bool = False,
) -> str:
    """Write one export of the records in `home` to `target`; returns the summary line.

    The format is `fmt` when given, else `target`'s extension. `table` (CSV only) is ce,
    licenses or certifications; `with_files` (JSON only) embeds certificate files;
    `include_numbers` (packet and CSV) adds license and certification numbers."""
    found = fmt if isinstance(fmt, ExportFormat) else infer_format(target, fmt)
    _check_options(found, table=table, with_files=with_files, include_numbers=include_numbers)
    if found is ExportFormat.JSON:
        return _export_json(home, target, with_files=with_files)
    from careerpath.exports.files import write_atomic

    if rules is None:
        from careerpath.reference.loader import load

        rules = load()
    if settings is None and found is ExportFormat.ICS:
        from careerpath.planner.settings import load_settings

        settings = load_settings(config or home)
    which = table if isinstance(table, CSVTable) else parse_table(table)
    content, what = render_export(
        _records(home), rules, today, found, settings=settings, table=which,
        include_numbers=include_numbers,
    )  # fmt: skip
    written = write_atomic(target, content)
    return f"exported to {written}: {what}"


def import_file(
    home: Path,
    today: dt.date,
    source: Path,
    fmt: ExportFormat | str | None = None,
    *,
    replace: bool = False,
) -> ImportResult:
    """Import a JSON export (everything) or a CSV of CE activities (added to what is stored).

    Validated completely first; on any problem nothing is written (CSVImportError lists the
    rows)."""
    found = fmt if isinstance(fmt, ExportFormat) else infer_format(source, fmt)
    if found is ExportFormat.JSON:
        return _import_json(home, source, replace=replace)
    if found is not ExportFormat.CSV:
        raise UsageError(f"{source}: only .json exports and .csv CE activities can be imported")
    if replace:
        raise UsageError("--replace is for JSON imports; a CSV of CE activities adds to them")
    return _import_ce_csv(home, today, source)


def _check_options(
    fmt: ExportFormat, *, table: object, with_files: bool, include_numbers: bool
) -> None:
    if with_files and fmt is not ExportFormat.JSON:
        raise UsageError("--with-files goes with a .json export")
    if table is not None and fmt is not ExportFormat.CSV:
        raise UsageError("--table goes with a .csv export")
    if include_numbers and fmt not in (ExportFormat.HTML, ExportFormat.MD, ExportFormat.CSV):
        what = "a JSON backup always has them" if fmt is ExportFormat.JSON else "it has none"
        raise UsageError(f"--include-numbers goes with a packet or a CSV export ({what})")


def _records(home: Path) -> Records:
    """Everything stored; an empty set when there is no database yet (none is created)."""
    from careerpath.paths import DB_NAME

    if not (home / DB_NAME).exists():
        return Records()
    from careerpath.store.repository import Store

    with Store(home) as store, store.snapshot():
        return store.records()


def _export_json(home: Path, target: Path, *, with_files: bool) -> str:
    from careerpath.store import transfer
    from careerpath.store.repository import Store

    with Store(home) as store, store.snapshot():
        document = transfer.build(store, with_files=with_files)
    transfer.write(document, target)
    records = document.records
    missing = sum(file.missing for file in document.certificates)
    return (
        f"exported to {target}: {len(records.licenses)} licenses, "
        f"{len(records.certifications)} certifications, {len(records.ce_activities)} CE "
        f"activities, {len(records.skills)} skills, {len(records.assignments)} assignments, "
        f"{len(document.certificates)} certificate files"
        + ("" if with_files or not document.certificates else " (referenced, not embedded)")
        + (f"; {missing} missing ({transfer.REATTACH})" if missing else "")
    )


def _import_json(home: Path, source: Path, *, replace: bool) -> ImportResult:
    from careerpath.store import transfer
    from careerpath.store.repository import Store

    document = transfer.read(source)
    with Store(home) as store:
        warnings = transfer.apply(store, document, replace=replace)
    records = document.records
    return ImportResult(
        f"imported {source}: {len(records.licenses)} licenses, "
        f"{len(records.certifications)} certifications, {len(records.ce_activities)} CE "
        f"activities, {len(records.skills)} skills, {len(records.assignments)} assignments",
        warnings,
    )


def _import_ce_csv(home: Path, today: dt.date, source: Path) -> ImportResult:
    from careerpath.exports.csv_tables import parse_ce_csv
    from careerpath.store import certificates
    from careerpath.store.repository import Store

    path = source.expanduser()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CareerpathError(f"cannot read {source}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CareerpathError(
            f"{source} is not UTF-8 text: save it as 'CSV UTF-8' and import again"
        ) from None
    with Store(home) as store:
        records = store.records()
        try:
            parsed = parse_ce_csv(
                text,
                today=today,
                existing=records.ce_activities,
                license_ids=[lic.id for lic in records.licenses if lic.id is not None],
            )
        except CareerpathError as exc:
            raise CareerpathError(f"{source}: {exc}") from None
        problems = list(parsed.problems)
        files: dict[int, Path] = {}
        stored = certificates.folder(home)
        for row in parsed.rows:
            name = row.certificate
            if name is None or (stored / name).is_file():
                continue
            candidate = Path(name).expanduser()
            if not candidate.is_absolute():
                candidate = path.parent / candidate
            if candidate.is_file():
                files[row.row] = candidate
            else:
                problems.append(
                    f"row {row.row}: certificate: {name} is neither a stored certificate nor a "
                    "file (give the file's path, or clear the column)"
                )
        if problems:
            problems.sort(key=_row_number)
            bad = len(problems)
            raise CSVImportError(
                f"{source}: {bad} row{'s' if bad > 1 else ''} with problems; nothing was imported",
                problems,
            )
        ready = []
        for row in parsed.rows:
            activity = row.activity
            if row.row in files:
                activity = activity.model_copy(
                    update={"certificate": certificates.attach(home, files[row.row])}
                )
            elif row.certificate:
                activity = activity.model_copy(update={"certificate": row.certificate})
            ready.append(activity)
        saved = store.add_many(ready)  # one transaction: all rows land or none
    warnings = []
    if parsed.duplicates:
        count = len(parsed.duplicates)
        rows = ", ".join(str(r) for r in parsed.duplicates[:10])
        more = ", ..." if count > 10 else ""
        warnings.append(
            f"{count} row{'s' if count > 1 else ''} already stored (same date, title, provider "
            f"and hours), skipped: row{'s' if count > 1 else ''} {rows}{more}"
        )
    from careerpath.hours import format_hours

    total = sum((a.exact_hours() for a in saved), start=Fraction(0))
    return ImportResult(
        f"imported {source}: {len(saved)} CE activities, {format_hours(total)} contact hours"
        + (f" ({len(parsed.duplicates)} duplicates skipped)" if parsed.duplicates else ""),
        warnings,
    )


def _row_number(problem: str) -> int:
    head = problem.removeprefix("row ").split(":", 1)[0]
    return int(head) if head.isdigit() else 0
