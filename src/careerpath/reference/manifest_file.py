"""The manifest: which files make up one copy of the rules data, their digests, and its version.

    {
      "format": "careerpath-rules-manifest",
      "format_version": 1,
      "version": "2026.11.25",
      "files": [
        {"path": "compacts/nlc.json", "sha256": "ab12...", "size": 61234},
        ...
      ]
    }

`version` is the release date, `YYYY.MM.DD`, with `.N` appended for a second release on one
day (`2026.11.25.1`); versions compare as tuples of numbers, so `2026.11.25 < 2026.11.25.1 <
2026.12.01`. Paths are relative, forward-slashed, one level deep under `compacts/`, `states/`
or `roles/`, and end in `.json`: a manifest cannot name a file anywhere else.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careerpath.errors import CareerpathError, describe_validation

MANIFEST_NAME = "manifest.json"
FORMAT: Literal["careerpath-rules-manifest"] = "careerpath-rules-manifest"
KINDS = ("compacts", "states", "roles", "sources")
"""The folders a copy of the rules data may hold, one JSON file per compact, profession, role;
sources/ holds the registry that ranks every source URL."""

VERSION_PATTERN = r"^[0-9]{4}\.[0-9]{2}\.[0-9]{2}(\.[0-9]{1,4})?$"
PATH_PATTERN = r"^(compacts|states|roles|sources)/[a-z0-9][a-z0-9_-]{0,63}\.json$"

Version = Annotated[str, Field(pattern=VERSION_PATTERN)]


class ManifestError(CareerpathError):
    pass


class ManifestFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(pattern=PATH_PATTERN)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["careerpath-rules-manifest"] = FORMAT
    format_version: Literal[1] = 1
    version: Version
    files: list[ManifestFile] = Field(min_length=1)

    @field_validator("files")
    @classmethod
    def _each_path_once(cls, value: list[ManifestFile]) -> list[ManifestFile]:
        seen: set[str] = set()
        for entry in value:
            if entry.path in seen:
                raise ValueError(f"{entry.path} is listed twice")
            seen.add(entry.path)
        return value

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def same_files(self, other: Self) -> bool:
        return {(f.path, f.sha256) for f in self.files} == {(f.path, f.sha256) for f in other.files}


def version_key(version: str) -> tuple[int, ...]:
    """`2026.11.25.1` -> (2026, 11, 25, 1): the order versions are compared in."""
    return tuple(int(part) for part in version.split("."))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short(digest_hex: str) -> str:
    return digest_hex[:12] + "..."


def parse_manifest(raw: bytes, where: str) -> Manifest:
    """A manifest from bytes; the error says what is wrong with it, naming `where`."""
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ManifestError(f"{where} is not valid JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ManifestError(f"{where} is not a careerpath rules manifest")
    try:
        return Manifest.model_validate(document)
    except ValidationError as exc:
        raise ManifestError(describe_validation(exc, where)) from None


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST_NAME
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_manifest(raw, str(path))


def data_files(folder: Path) -> list[str]:
    """Relative paths of the data files in a folder, in manifest order."""
    return [
        f"{kind}/{path.name}"
        for kind in KINDS
        for path in sorted((folder / kind).glob("*.json"))
        if path.is_file()
    ]


def build_manifest(folder: Path, version: str) -> Manifest:
    files = []
    for relative in data_files(folder):
        raw = (folder / relative).read_bytes()
        files.append(ManifestFile(path=relative, sha256=digest(raw), size=len(raw)))
    return Manifest(version=version, files=files)


def dump(manifest: Manifest) -> bytes:
    return (json.dumps(manifest.model_dump(mode="json"), indent=2) + "\n").encode()


def problems(folder: Path, manifest: Manifest) -> list[str]:
    """How the files in `folder` differ from the manifest: missing, changed, or not listed."""
    found: list[str] = []
    for entry in manifest.files:
        try:
            raw = (folder / entry.path).read_bytes()
        except FileNotFoundError:
            found.append(f"{entry.path} is missing")
            continue
        except OSError as exc:
            found.append(f"{entry.path} cannot be read ({exc.strerror or exc})")
            continue
        got = digest(raw)
        if got != entry.sha256:
            found.append(
                f"{entry.path} digest mismatch (expected {short(entry.sha256)}, got {short(got)})"
            )
    listed = {entry.path for entry in manifest.files}
    found += [
        f"{extra} is not in the manifest" for extra in data_files(folder) if extra not in listed
    ]
    return found
