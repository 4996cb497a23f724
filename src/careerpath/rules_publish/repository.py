"""A TUF repository folder for rules data: build, sign and write its metadata and targets.

    <repo>/metadata/1.root.json, 2.root.json ...   every root version (clients walk them in order)
    <repo>/metadata/<N>.targets.json               the data files with their lengths and hashes
    <repo>/metadata/<N>.snapshot.json              which targets version is current
    <repo>/metadata/timestamp.json                 which snapshot is current (short-lived)
    <repo>/targets/<kind>/<sha256>.<name>.json     the data files, named by their hash

The targets are `manifest.json` and every file it lists, so the app's own checks (version, file
list, schema) run on files TUF has verified. Times are passed in (`now`), never read here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from securesystemslib.signer import Signer
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Role,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from careerpath.errors import CareerpathError
from careerpath.reference.manifest_file import MANIFEST_NAME, problems, read_manifest
from careerpath.rules_publish.keys import ROLES, Signers

SERIALIZER = JSONSerializer(compact=False)


class PublishError(CareerpathError):
    pass


class Lifetimes(NamedTuple):
    """How long each role's signature holds. The timestamp is short so that a mirror frozen in
    the past is noticed within days; re-run `publish` (a cron job) before it runs out."""

    root: dt.timedelta = dt.timedelta(days=365)
    targets: dt.timedelta = dt.timedelta(days=90)
    snapshot: dt.timedelta = dt.timedelta(days=30)
    timestamp: dt.timedelta = dt.timedelta(days=7)


DEFAULT_LIFETIMES = Lifetimes()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def _sign(metadata: Metadata[Root] | Metadata[Targets] | Metadata[Snapshot] | Metadata[Timestamp],
          signers: Sequence[Signer]) -> bytes:  # fmt: skip
    if not signers:
        raise PublishError(f"no {metadata.signed.type} key to sign with")
    for signer in signers:
        metadata.sign(signer, append=True)
    return metadata.to_bytes(SERIALIZER)


class Repository:
    """The repository folder `folder` (created as needed)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.metadata = folder / "metadata"
        self.targets = folder / "targets"

    def _latest(self, role: str) -> int:
        pattern = re.compile(rf"^([0-9]+)\.{role}\.json$")
        versions = [
            int(match.group(1))
            for path in (self.metadata.glob(f"*.{role}.json") if self.metadata.is_dir() else ())
            if (match := pattern.match(path.name))
        ]
        return max(versions, default=0)

    def root(self) -> Metadata[Root]:
        version = self._latest("root")
        if version == 0:
            raise PublishError(f"{self.metadata} has no root metadata (run `init` first)")
        return Metadata[Root].from_bytes((self.metadata / f"{version}.root.json").read_bytes())

    def init(self, signers: Signers, now: dt.datetime, lifetimes: Lifetimes = DEFAULT_LIFETIMES,
             thresholds: dict[str, int] | None = None) -> bytes:  # fmt: skip
        """Root version 1 naming the keys in `signers`; returns its bytes (ship them)."""
        if self._latest("root"):
            raise PublishError(f"{self.metadata} already has root metadata")
        root = Root(version=1, expires=now + lifetimes.root, consistent_snapshot=True)
        return self._write_root(root, signers, [], thresholds or {})

    def rotate_root(self, old: Signers, new: Signers, now: dt.datetime,
                    lifetimes: Lifetimes = DEFAULT_LIFETIMES,
                    thresholds: dict[str, int] | None = None) -> bytes:  # fmt: skip
        """The next root version with the keys of `new`, signed by the old root keys and the new
        ones (clients accept it only through a chain of trusted roots)."""
        previous = self.root().signed
        root = Root(
            version=previous.version + 1, expires=now + lifetimes.root, consistent_snapshot=True
        )
        return self._write_root(root, new, old["root"], thresholds or {})

    def _write_root(self, root: Root, signers: Signers, old_root_signers: Sequence[Signer],
                    thresholds: dict[str, int]) -> bytes:  # fmt: skip
        root.roles = {role: Role([], thresholds.get(role, 1)) for role in ROLES}
        for role in ROLES:
            for signer in signers[role]:
                root.add_key(signer.public_key, role)
        raw = _sign(Metadata(root), [*old_root_signers, *signers["root"]])
        _write(self.metadata / f"{root.version}.root.json", raw)
        return raw

    def publish(self, data: Path, signers: Signers, now: dt.datetime,
                lifetimes: Lifetimes = DEFAULT_LIFETIMES) -> int:  # fmt: skip
        """Sign `data` (its manifest and every file it lists) as the next targets, snapshot and
        timestamp versions; returns the targets version."""
        manifest = read_manifest(data)
        found = problems(data, manifest)
        if found:
            raise PublishError(f"{data}: {found[0]} (regenerate the manifest first)")
        return self.sign_targets(
            {relative: (data / relative).read_bytes()
             for relative in (MANIFEST_NAME, *(entry.path for entry in manifest.files))},
            signers, now, lifetimes,
        )  # fmt: skip

    def sign_targets(self, files: dict[str, bytes], signers: Signers, now: dt.datetime,
                     lifetimes: Lifetimes = DEFAULT_LIFETIMES) -> int:  # fmt: skip
        """`files` (target path: bytes) as the next targets version, then snapshot and
        timestamp; returns the targets version. `publish` checks what it passes here."""
        self.root()
        targets: dict[str, TargetFile] = {}
        for relative, raw in files.items():
            target = TargetFile.from_data(relative, raw, ["sha256"])
            targets[relative] = target
            folder, _, name = relative.rpartition("/")
            stored = self.targets / folder / f"{target.hashes['sha256']}.{name}"
            if not stored.exists():
                _write(stored, raw)
        version = self._latest("targets") + 1
        signed = Targets(version, expires=now + lifetimes.targets, targets=targets)
        _write(
            self.metadata / f"{version}.targets.json",
            _sign(Metadata(signed), list(signers["targets"])),
        )
        self.snapshot(signers, now, lifetimes, version)
        return version

    def snapshot(self, signers: Signers, now: dt.datetime, lifetimes: Lifetimes = DEFAULT_LIFETIMES,
                 targets_version: int | None = None) -> None:  # fmt: skip
        """New snapshot and timestamp versions for the current targets (a fresh signature with
        the same data: what the cron job runs before the timestamp expires)."""
        version = targets_version or self._latest("targets")
        snapshot_version = self._latest("snapshot") + 1
        snapshot = Snapshot(
            snapshot_version, expires=now + lifetimes.snapshot,
            meta={"targets.json": MetaFile(version)},
        )  # fmt: skip
        raw_snapshot = _sign(Metadata(snapshot), list(signers["snapshot"]))
        _write(self.metadata / f"{snapshot_version}.snapshot.json", raw_snapshot)
        timestamp_version = self._timestamp_version() + 1
        timestamp = Timestamp(
            timestamp_version, expires=now + lifetimes.timestamp,
            snapshot_meta=MetaFile.from_data(snapshot_version, raw_snapshot, ["sha256"]),
        )  # fmt: skip
        _write(
            self.metadata / "timestamp.json",
            _sign(Metadata(timestamp), list(signers["timestamp"])),
        )

    def _timestamp_version(self) -> int:
        path = self.metadata / "timestamp.json"
        if not path.exists():
            return 0
        return Metadata[Timestamp].from_bytes(path.read_bytes()).signed.version
