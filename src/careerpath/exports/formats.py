"""Which export format a file name asks for, and the CSV tables there are."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from careerpath.errors import UsageError


class ExportFormat(StrEnum):
    ICS = "ics"
    HTML = "html"
    MD = "md"
    CSV = "csv"
    JSON = "json"


class CSVTable(StrEnum):
    CE = "ce"
    LICENSES = "licenses"
    CERTIFICATIONS = "certifications"


_BY_SUFFIX = {
    ".ics": ExportFormat.ICS,
    ".ical": ExportFormat.ICS,
    ".html": ExportFormat.HTML,
    ".htm": ExportFormat.HTML,
    ".md": ExportFormat.MD,
    ".markdown": ExportFormat.MD,
    ".csv": ExportFormat.CSV,
    ".json": ExportFormat.JSON,
}

EXPORT_FORMATS = tuple(f.value for f in ExportFormat)
IMPORT_FORMATS = (ExportFormat.CSV.value, ExportFormat.JSON.value)


def infer_format(path: Path, given: str | None = None) -> ExportFormat:
    """`given` (from --format) wins; otherwise the file's extension decides."""
    if given is not None:
        try:
            return ExportFormat(given.strip().lower().lstrip("."))
        except ValueError:
            raise UsageError(
                f"--format {given!r}: use one of {', '.join(EXPORT_FORMATS)}"
            ) from None
    found = _BY_SUFFIX.get(path.suffix.lower())
    if found is None:
        shown = path.suffix or "no extension"
        raise UsageError(
            f"{path}: cannot tell the format from {shown}; name it .ics, .html, .md, .csv or "
            f".json, or give --format {'|'.join(EXPORT_FORMATS)}"
        )
    return found


def parse_table(given: str | None) -> CSVTable:
    if given is None:
        return CSVTable.CE
    try:
        return CSVTable(given.strip().lower())
    except ValueError:
        names = "|".join(t.value for t in CSVTable)
        raise UsageError(f"--table {given!r}: use {names}") from None
