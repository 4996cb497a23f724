"""The careerpath export format: one JSON document holding every record, losslessly.

Versioned (`format_version`) and described by a JSON Schema generated from `ExportDocument`
(docs/export.schema.json). Certificate files are referenced by stored name and SHA-256, and
embedded (base64) with `--with-files`, so an export can move a whole history to a new laptop.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from careerpath import __version__
from careerpath.bounds import MAX_JSON_DEPTH, json_depth
from careerpath.errors import CareerpathError, describe_validation
from careerpath.records import LicenseKind, Records
from careerpath.store import certificates
from careerpath.store.repository import Store

FORMAT = "careerpath-export"
FORMAT_VERSION = 1
REATTACH = "re-attach it with `careerpath ce certificate ID FILE` or drop it with `--drop`"


class CertificateFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[0-9a-f]{16}-[A-Za-z0-9._-]+$")
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    """None only when `missing`."""
    content_base64: str | None = None
    """The file itself, when exported with --with-files."""
    missing: bool = False
    """The records name this file but it was not in the certificates folder when exported
    (an import made without --with-files): recorded so the export still round trips, and
    re-attached or dropped with `careerpath ce certificate`."""

    @model_validator(mode="after")
    def _digest_unless_missing(self) -> Self:
        if self.missing and (self.sha256 or self.content_base64):
            raise ValueError("a missing certificate has no sha256 or content")
        if not self.missing and self.sha256 is None:
            raise ValueError("sha256 is required (unless missing is true)")
        return self


class ExportDocument(BaseModel):
    """A whole careerpath history."""

    model_config = ConfigDict(extra="forbid", title="careerpath export")

    format: Literal["careerpath-export"] = "careerpath-export"
    format_version: Literal[1] = 1
    exported_at: dt.datetime
    app_version: str
    records: Records
    plan_steps: dict[str, dt.date] = Field(default_factory=dict)
    certificates: list[CertificateFile] = Field(default_factory=list)


def json_schema() -> dict[str, object]:
    schema = ExportDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://careerpath.invalid/export.schema.json"
    return schema


def build(store: Store, *, with_files: bool) -> ExportDocument:
    records = store.records()
    files = []
    names = sorted({a.certificate for a in records.ce_activities if a.certificate})
    for name in names:
        path = certificates.path_of(store.home, name)
        if not path.is_file():
            files.append(CertificateFile(name=name, missing=True))
            continue
        content = path.read_bytes()
        files.append(
            CertificateFile(
                name=name,
                sha256=hashlib.sha256(content).hexdigest(),
                content_base64=base64.b64encode(content).decode("ascii") if with_files else None,
            )
        )
    return ExportDocument(
        exported_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        app_version=__version__,
        records=records,
        plan_steps={k: dt.date.fromisoformat(v) for k, v in store.plan_steps().items()},
        certificates=files,
    )


def write(document: ExportDocument, target: Path) -> None:
    """Write atomically: a crash mid-export never leaves half a file under the real name."""
    text = document.model_dump_json(indent=2, exclude_none=False)
    target = target.expanduser()
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise CareerpathError(f"folder {folder} does not exist")
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.chmod(temp, 0o600)
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read(source: Path) -> ExportDocument:
    """Parse and validate a whole export; nothing is written here."""
    try:
        raw = source.expanduser().read_bytes()
    except OSError as exc:
        raise CareerpathError(f"cannot read {source}: {exc.strerror or exc}") from None
    if json_depth(raw) > MAX_JSON_DEPTH:
        raise CareerpathError(
            f"{source} is nested more than {MAX_JSON_DEPTH} levels deep; it is not a careerpath "
            "export"
        )
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CareerpathError(f"{source} is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CareerpathError(f"{source} is not a careerpath export (no format: {FORMAT})")
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise CareerpathError(
            f"{source} is export format {version}; this careerpath reads up to {FORMAT_VERSION}. "
            "Upgrade careerpath"
        )
    try:
        document = ExportDocument.model_validate(data)
    except ValidationError as exc:
        raise CareerpathError(describe_validation(exc, str(source))) from None
    _check_consistency(document, source)
    return document


def _check_consistency(document: ExportDocument, source: Path) -> None:
    records = document.records
    kinds = {lic.id: lic.kind for lic in records.licenses}
    for group_name, group in (
        ("licenses", records.licenses),
        ("certifications", records.certifications),
        ("ce_activities", records.ce_activities),
        ("skills", records.skills),
        ("assignments", records.assignments),
    ):
        ids = [r.id for r in group]
        if any(i is None for i in ids) or len(set(ids)) != len(ids):
            raise CareerpathError(f"{source}: {group_name} need unique ids")
    for lic in records.licenses:
        if lic.home_license_id is not None and kinds.get(lic.home_license_id) in (
            None,
            LicenseKind.PRIVILEGE,
        ):
            raise CareerpathError(
                f"{source}: license {lic.id} rests on home license {lic.home_license_id}, "
                "which is missing or is itself a privilege"
            )
    known = {f.name: f for f in document.certificates}
    for activity in records.ce_activities:
        missing = [i for i in activity.claimed_for if i not in kinds]
        if missing:
            raise CareerpathError(
                f"{source}: CE activity {activity.id} is claimed for unknown license(s) {missing}"
            )
        if activity.certificate and activity.certificate not in known:
            raise CareerpathError(
                f"{source}: CE activity {activity.id} names certificate {activity.certificate}, "
                "which the export does not list"
            )
    for file in document.certificates:
        if file.content_base64 is None:
            continue
        try:
            content = base64.b64decode(file.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise CareerpathError(
                f"{source}: certificate {file.name} is not valid base64"
            ) from None
        if hashlib.sha256(content).hexdigest() != file.sha256:
            raise CareerpathError(f"{source}: certificate {file.name} does not match its sha256")


def apply(store: Store, document: ExportDocument, *, replace: bool) -> list[str]:
    """Write a validated export into the store. Returns warnings (e.g. referenced-only files)."""
    if not replace and not store.is_empty():
        raise CareerpathError(
            f"{store.home} already holds records; use --replace to swap them for the file's "
            "(a backup is taken first)"
        )
    warnings = []
    for file in document.certificates:
        path = certificates.path_of(store.home, file.name)
        if file.content_base64 is not None:
            content = base64.b64decode(file.content_base64)
            certificates.store_bytes(store.home, content, file.name.split("-", 1)[1])
        elif not path.is_file():
            warnings.append(
                f"certificate {file.name} is referenced but "
                + (
                    "was missing when exported"
                    if file.missing
                    else "not included (export with --with-files)"
                )
                + f"; {REATTACH}"
            )
    store.replace_all(document.records, {k: v.isoformat() for k, v in document.plan_steps.items()})
    return warnings
