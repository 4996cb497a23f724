"""Installing downloaded rules data: stage, check, validate, rename into place; roll back; and
which copy is in use.

Layout under the user's data folder:

    <home>/rules/current.json       the pointer: current and previous copy (pointer.py)
    <home>/rules/2026.12.01/        one downloaded copy: compacts/, states/, roles/ and
        manifest.json               the signed manifest its files were checked against
        installed.json              where and when it came from
    <home>/rules/trust/             TUF's trusted metadata, per source (signed.py)
    <home>/rules/tmp-<random>/      a download in progress (removed when it fails)
    <home>/rules/update.lock        held (an OS lock) while an update or rollback runs

A download goes into a tmp- folder beside the copies (same file system); every file is checked
by TUF against signed, unexpired metadata (signed.py) and against the signed manifest, validated
with the same schema as the bundled data, renamed to its version and only then named current by
replacing the pointer. Anything going wrong before that
leaves the pointer, and so the data in use, as it was. Only the current and the previous copies
are kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerpath.errors import CareerpathError
from careerpath.paths import bundled_data_dir, ensure_private_dir
from careerpath.reference.manifest_file import (
    MANIFEST_NAME,
    Manifest,
    ManifestError,
    digest,
    problems,
    read_manifest,
    version_key,
)
from careerpath.rules_update import Progress, RulesCopy, UpdateRefusedError, UpdateResult
from careerpath.rules_update.config import DEFAULT_SOURCE
from careerpath.rules_update.pointer import (
    TRUST_DIR,
    Pointer,
    PointerError,
    locked,
    read_pointer,
    replace_file,
    rules_dir,
    write_pointer,
)

if TYPE_CHECKING:
    from tuf.api.metadata import TargetFile

    from careerpath.reference.loader import RulesData
    from careerpath.rules_update.fetch import Limits
    from careerpath.rules_update.signed import SignedRepository

INSTALLED_NAME = "installed.json"
STAGING_PREFIX = "tmp-"


class Installed(NamedTuple):
    """installed.json: where a downloaded copy came from."""

    source: str | None = None
    installed_at: str | None = None


def read_installed(folder: Path) -> Installed:
    try:
        document = json.loads((folder / INSTALLED_NAME).read_bytes())
    except (OSError, ValueError):
        return Installed()
    if not isinstance(document, dict):
        return Installed()
    return Installed(*(_text(document.get(field)) for field in Installed._fields))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _write_installed(folder: Path, installed: Installed) -> None:
    replace_file(folder / INSTALLED_NAME, json.dumps(installed._asdict(), indent=2).encode())


@functools.cache
def bundled_copy() -> RulesCopy:
    folder = bundled_data_dir()
    try:
        version: str | None = read_manifest(folder).version
    except ManifestError:
        version = None
    return RulesCopy("bundled", version, folder)


def check_copy(folder: Path) -> RulesCopy:
    """A downloaded copy, every file checked against its manifest; else CareerpathError."""
    if not folder.is_dir():
        raise CareerpathError(f"{folder} is missing")
    manifest = read_manifest(folder)
    found = problems(folder, manifest)
    if found:
        more = f" and {len(found) - 1} more problem(s)" if len(found) > 1 else ""
        raise CareerpathError(found[0] + more)
    installed = read_installed(folder)
    return RulesCopy(
        "downloaded", manifest.version, folder, installed.installed_at, installed.source
    )


def current(home: Path) -> RulesCopy:
    bundled = bundled_copy()
    try:
        name = read_pointer(home).current
    except PointerError as exc:
        return bundled._replace(warning=f"{exc}; using the bundled rules data")
    if name is None:
        return bundled
    folder = rules_dir(home) / name
    try:
        copy = check_copy(folder)
    except CareerpathError as exc:
        return bundled._replace(
            warning=f"the downloaded rules data in {folder} is damaged ({exc}); using the "
            "bundled rules data (`careerpath data update` installs a fresh copy)"
        )
    if bundled.version is not None and version_key(copy.version or "0") <= version_key(
        bundled.version
    ):
        return bundled  # careerpath was upgraded since: its own data is as new or newer
    return copy


def in_use(home: Path, warn: Callable[[str], None] | None = None) -> tuple[RulesCopy, RulesData]:
    from careerpath.reference.loader import DataFileError, load

    copy = current(home)
    if copy.warning and warn is not None:
        warn(copy.warning)
    if copy.kind == "bundled":
        return copy, load()
    try:
        return copy, load(copy.folder)
    except DataFileError as exc:
        # Checked when installed, so only a careerpath whose schema has changed gets here.
        if warn is not None:
            warn(
                f"the downloaded rules data {copy.version} does not load in this careerpath "
                f"({exc}); using the bundled rules data"
            )
        return bundled_copy(), load()


def previous(home: Path) -> RulesCopy | None:
    """The copy `rollback` would make current; None when there is nothing to roll back to."""
    try:
        pointer = read_pointer(home)
    except PointerError:
        return None
    if pointer == Pointer():
        return None
    if pointer.previous is None:
        return bundled_copy()
    folder = rules_dir(home) / pointer.previous
    try:
        return check_copy(folder)
    except CareerpathError as exc:
        return RulesCopy("downloaded", None, folder, warning=f"damaged ({exc})")


def update(
    home: Path, source: str, *, progress: Progress | None = None, limits: Limits | None = None,
    root: bytes | None = None,
) -> UpdateResult:  # fmt: skip
    from careerpath.rules_update.fetch import Fetcher, FetchError, Limits, check_url
    from careerpath.rules_update.signed import SignedRepository, shipped_root

    limits = limits or Limits()
    try:
        check_url(source)
    except FetchError as exc:
        raise UpdateRefusedError(str(exc)) from None
    if source.rstrip("/").endswith(".json"):
        raise UpdateRefusedError(
            f"{source} names a file; the source is the folder of a signed (TUF) rules "
            f"repository, e.g. {DEFAULT_SOURCE}"
        )
    ensure_private_dir(home)
    with locked(home):
        in_use = current(home)
        with Fetcher(limits) as fetcher:
            repository = SignedRepository(home, source, fetcher, root or shipped_root())
            repository.refresh()
            signed_manifest = repository.target(MANIFEST_NAME)
            if _holds(in_use, signed_manifest):
                return _up_to_date(in_use, source)
            staging = rules_dir(home) / f"{STAGING_PREFIX}{secrets.token_hex(6)}"
            staging.mkdir(mode=0o700)
            try:
                repository.download(signed_manifest, staging / MANIFEST_NAME)
                try:
                    manifest = read_manifest(staging)
                except ManifestError as exc:
                    raise UpdateRefusedError(
                        str(exc).replace(f"{staging}{os.sep}", "the signed ")
                    ) from None
                if _same_as(manifest, in_use):
                    shutil.rmtree(staging, ignore_errors=True)
                    return _up_to_date(in_use, source)
                _check_offer(manifest, in_use, limits, repository.targets_expire())
                _stage(repository, staging, manifest, in_use, progress)
                _write_installed(staging, Installed(source, _now()))
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
        try:
            name = _commit(home, staging, manifest.version, in_use)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already when committed
    return UpdateResult(
        "updated", manifest.version, in_use.version, len(manifest.files), manifest.total_size,
        source, rules_dir(home) / name,
    )  # fmt: skip


def _holds(in_use: RulesCopy, signed_manifest: TargetFile) -> bool:
    """Whether the copy in use is the signed release (its manifest has the signed hash)."""
    try:
        raw = (in_use.folder / MANIFEST_NAME).read_bytes()
    except OSError:
        return False
    return signed_manifest.hashes.get("sha256") == digest(raw) and signed_manifest.length == len(
        raw
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _up_to_date(in_use: RulesCopy, source: str) -> UpdateResult:
    return UpdateResult("up-to-date", in_use.version, in_use.version, 0, 0, source, in_use.folder)


def _same_as(manifest: Manifest, in_use: RulesCopy) -> bool:
    if in_use.version is None or version_key(manifest.version) != version_key(in_use.version):
        return False
    try:
        return manifest.same_files(read_manifest(in_use.folder))
    except ManifestError:
        return False


def _check_offer(manifest: Manifest, in_use: RulesCopy, limits: Limits, expires: str) -> None:
    """Refuse a release no newer than the bundled data, a re-used version, a version dated
    after its own signature expires (`9999.99.99` would outrank every later release), an
    over-cap file, a copy without the basics. Which signed release is newest is TUF's to say
    (metadata versions), not the data version's: a signed correction may carry a lower one."""
    bundled = bundled_copy()
    offered = version_key(manifest.version)
    try:
        dated = dt.date(*offered[:3]).isoformat()
    except ValueError:
        raise UpdateRefusedError(
            f"the release's version {manifest.version} is not a date (YYYY.MM.DD)"
        ) from None
    if dated > expires:
        raise UpdateRefusedError(
            f"the release's version {manifest.version} is dated after its signature expires "
            f"({expires})"
        )
    if bundled.version is not None and offered <= version_key(bundled.version):
        raise UpdateRefusedError(
            f"the server offers rules data {manifest.version}, not newer than the "
            f"{bundled.version} bundled with this careerpath"
        )
    if in_use.version is not None and offered == version_key(in_use.version):
        raise UpdateRefusedError(
            f"the server's rules data {manifest.version} has the version of yours but "
            "different files (its publisher must raise the version)"
        )
    for entry in manifest.files:
        if entry.size > limits.max_file_bytes:
            raise UpdateRefusedError(
                f"{entry.path} is {entry.size:,} bytes, over the {limits.max_file_bytes:,}-byte "
                "cap per file"
            )
    if manifest.total_size > limits.max_total_bytes:
        raise UpdateRefusedError(
            f"the files total {manifest.total_size:,} bytes, over the "
            f"{limits.max_total_bytes:,}-byte cap"
        )
    kinds = {entry.path.split("/")[0] for entry in manifest.files}
    for needed in ("compacts", "states", "sources"):
        if needed not in kinds:
            raise UpdateRefusedError(f"the manifest lists no {needed}/ files")


def _stage(
    repository: SignedRepository, staging: Path, manifest: Manifest, in_use: RulesCopy,
    progress: Progress | None,
) -> None:  # fmt: skip
    """Download every file the signed manifest lists into `staging`, each verified by TUF
    against the signed targets and by digest against the manifest; then validate the schema."""
    total = manifest.total_size
    done = 0
    if progress is not None:
        progress(0, total)
    for entry in manifest.files:
        target = repository.target(entry.path)
        if target.length != entry.size or target.hashes.get("sha256") != entry.sha256:
            raise UpdateRefusedError(
                f"{entry.path}: the manifest and the signed targets disagree on it"
            )
        path = staging / entry.path
        path.parent.mkdir(mode=0o700, exist_ok=True)
        if not _reuse(in_use, target, path):
            repository.download(target, path)
        _fsync(path)
        done += entry.size
        if progress is not None:
            progress(done, total)
    _validate(staging)


def _reuse(in_use: RulesCopy, target: TargetFile, path: Path) -> bool:
    """Copy a file of the copy in use that already has the signed length and hash (most files
    do not change between releases), instead of downloading it again."""
    from tuf.api.exceptions import LengthOrHashMismatchError

    try:
        raw = (in_use.folder / target.path).read_bytes()
        target.verify_length_and_hashes(raw)
    except (OSError, LengthOrHashMismatchError):
        return False
    _write(path, raw)
    return True


def _write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _validate(folder: Path) -> None:
    """The same schema checks as the bundled data (and as `careerpath data validate`)."""
    from careerpath.reference.loader import load_folder
    from careerpath.reference.roles import load_roles

    try:
        load_folder(folder)
        load_roles.__wrapped__(folder)  # uncached: this folder is about to be renamed
    except CareerpathError as exc:
        raise UpdateRefusedError(str(exc).replace(f"{folder}{os.sep}", "")) from None


def _commit(home: Path, staging: Path, version: str, in_use: RulesCopy) -> str:
    """Rename the checked copy into place, then point at it; returns its folder name."""
    base = rules_dir(home)
    name = version
    suffix = 1
    while (base / name).exists():
        suffix += 1
        name = f"{version}-{suffix}"
    staging.rename(base / name)
    previous = in_use.folder.name if in_use.kind == "downloaded" else None
    try:
        write_pointer(home, Pointer(name, previous))
    except OSError as exc:
        shutil.rmtree(base / name, ignore_errors=True)
        raise UpdateRefusedError(f"cannot write {base / 'current.json'} ({exc})") from None
    _collect(base, keep={name, previous})
    return name


def _collect(base: Path, keep: set[str | None]) -> None:
    """Remove copies neither current nor previous, and abandoned downloads (we hold the lock)."""
    for child in base.iterdir():
        if child.is_dir() and child.name not in keep and child.name != TRUST_DIR:
            shutil.rmtree(child, ignore_errors=True)


def rollback(home: Path) -> RulesCopy:
    try:
        pointer = read_pointer(home)
    except PointerError as exc:
        raise CareerpathError(f"cannot roll back: {exc}") from None
    if pointer == Pointer():
        raise CareerpathError("nothing to roll back to: no rules data update has been installed")
    with locked(home):
        pointer = read_pointer(home)
        if pointer.previous is not None:
            try:
                check_copy(rules_dir(home) / pointer.previous)
            except CareerpathError as exc:
                raise CareerpathError(
                    f"cannot roll back: the previous rules data is damaged ({exc}); your rules "
                    "data is unchanged"
                ) from None
        write_pointer(home, Pointer(pointer.previous, pointer.current))
    return current(home)
