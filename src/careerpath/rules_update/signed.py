"""The signed repository behind `data update`: python-tuf's ngclient, trusting the root shipped
with careerpath (trusted_root.json), with what it has learnt kept per source.

    <home>/rules/trust/<source-hash>/root.json, timestamp.json, snapshot.json, targets.json

That folder is TUF's memory of the newest metadata seen (so an older or frozen repository is
refused: rollback, freeze, fast-forward) and of every root version walked through (key
rotation). Every refusal becomes one line: which check failed, in words.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import httpx
from tuf.api import exceptions
from tuf.api.metadata import Metadata, TargetFile, Targets
from tuf.ngclient import Updater, UpdaterConfig

from careerpath.paths import ensure_private_dir
from careerpath.rules_update import UpdateRefusedError
from careerpath.rules_update.fetch import Fetcher
from careerpath.rules_update.pointer import TRUST_DIR, rules_dir

ROOT_NAME = "trusted_root.json"


def shipped_root() -> bytes:
    """The root of keys this careerpath trusts (its publishers' root metadata, version 1 or
    later: newer versions are reached from it by walking signed root updates)."""
    return resources.files("careerpath.rules_update").joinpath(ROOT_NAME).read_bytes()


def trust_folder(home: Path, source: str) -> Path:
    return rules_dir(home) / TRUST_DIR / hashlib.sha256(source.encode()).hexdigest()[:16]


def _why(exc: Exception) -> str:
    """One line for a TUF refusal."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, exceptions.ExpiredMetadataError):
        return f"the repository's signed metadata has expired ({text}): a frozen or stale mirror"
    if isinstance(exc, exceptions.UnsignedMetadataError):
        return f"metadata not signed by enough trusted keys ({text})"
    if isinstance(exc, exceptions.BadVersionNumberError):
        return f"metadata older than what this careerpath already trusts ({text}): a rollback"
    if isinstance(exc, exceptions.LengthOrHashMismatchError):
        return f"a file does not match its signed length and hash ({text})"
    if isinstance(exc, exceptions.DownloadLengthMismatchError):
        return f"a file is longer than its signed length ({text})"
    if isinstance(exc, exceptions.SlowRetrievalError):
        return text
    if isinstance(exc, exceptions.DownloadError):
        return text
    if isinstance(exc, exceptions.RepositoryError):
        return f"the repository's metadata is refused ({text})"
    return f"{type(exc).__name__}: {text}"


class SignedRepository:
    """The TUF repository at `source` (a folder URL holding metadata/ and targets/)."""

    def __init__(self, home: Path, source: str, fetcher: Fetcher, root: bytes) -> None:
        base = httpx.URL(source if source.endswith("/") else source + "/")
        limits = fetcher.limits
        config = UpdaterConfig(
            max_root_rotations=64,
            root_max_length=limits.max_metadata_bytes,
            timestamp_max_length=limits.max_metadata_bytes,
            snapshot_max_length=limits.max_metadata_bytes,
            targets_max_length=limits.max_file_bytes,
        )
        folder = self.folder = ensure_private_dir(trust_folder(home, source))
        try:
            self.updater = Updater(
                metadata_dir=str(folder),
                metadata_base_url=str(base.join("metadata/")),
                target_base_url=str(base.join("targets/")),
                fetcher=fetcher,
                config=config,
                bootstrap=root,
            )
        except (OSError, exceptions.RepositoryError, ValueError) as exc:
            raise UpdateRefusedError(f"the trusted root is unusable ({_why(exc)})") from None

    def refresh(self) -> None:
        """Root (walking rotations), timestamp, snapshot, targets, each checked by TUF."""
        try:
            self.updater.refresh()
        except (OSError, exceptions.RepositoryError, exceptions.DownloadError) as exc:
            raise UpdateRefusedError(_why(exc)) from None

    def target(self, path: str) -> TargetFile:
        try:
            found = self.updater.get_targetinfo(path)
        except (OSError, exceptions.RepositoryError, exceptions.DownloadError) as exc:
            raise UpdateRefusedError(_why(exc)) from None
        if found is None:
            raise UpdateRefusedError(f"{path} is not among the repository's signed targets")
        return found

    def targets_expire(self) -> str:
        """The date the signed targets metadata expires (YYYY-MM-DD), as ngclient stored it."""
        raw = (self.folder / "targets.json").read_bytes()
        return Metadata[Targets].from_bytes(raw).signed.expires.date().isoformat()

    def download(self, target: TargetFile, destination: Path) -> None:
        try:
            self.updater.download_target(target, str(destination))
        except (OSError, exceptions.RepositoryError, exceptions.DownloadError) as exc:
            raise UpdateRefusedError(f"{target.path}: {_why(exc)}") from None
