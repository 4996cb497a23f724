"""Which downloaded copy is current and which was previous: `<home>/rules/current.json`.

    {"current": "2026.12.01", "previous": "2026.11.25"}

Each name is a folder under `<home>/rules/`; null means the data bundled with careerpath. The
file is replaced whole (written beside it, then `os.replace`), so a reader sees the old pointer
or the new one, never half of either. Standard library only: `careerpath remind` reads it on its
fast path.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from careerpath.errors import CareerpathError

RULES_DIR = "rules"
POINTER_NAME = "current.json"
LOCK_NAME = "update.lock"
TRUST_DIR = "trust"
"""TUF's trusted metadata (signed.py); not a copy of the rules data."""


class PointerError(CareerpathError):
    pass


class Pointer(NamedTuple):
    current: str | None = None
    """Folder name of the copy in use; None: the bundled data."""
    previous: str | None = None
    """Folder name of the copy `data rollback` returns to; None: the bundled data."""


def rules_dir(home: Path) -> Path:
    return home / RULES_DIR


def read_pointer(home: Path) -> Pointer:
    """The pointer; no file means no update was ever installed."""
    path = rules_dir(home) / POINTER_NAME
    try:
        document = json.loads(path.read_bytes())
    except FileNotFoundError:
        return Pointer()
    except (OSError, ValueError) as exc:
        raise PointerError(f"{path} is unreadable ({exc})") from None
    names = (
        (document.get("current"), document.get("previous")) if isinstance(document, dict) else ()
    )
    if len(names) != 2 or not all(n is None or _plain_name(n) for n in names):
        raise PointerError(f"{path} is not a careerpath rules pointer")
    return Pointer(*names)


def _plain_name(name: object) -> bool:
    return isinstance(name, str) and bool(name) and Path(name).name == name and name[0] != "."


def write_pointer(home: Path, pointer: Pointer) -> None:
    folder = rules_dir(home)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    replace_file(folder / POINTER_NAME, json.dumps(pointer._asdict(), indent=2).encode() + b"\n")


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: a temporary file beside it, flushed, then renamed."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def installed_folder(home: Path) -> Path | None:
    """The current downloaded copy's folder, unchecked (cheap: for cache keys); None if none."""
    try:
        name = read_pointer(home).current
    except PointerError:
        return None
    return None if name is None else rules_dir(home) / name


@contextmanager
def locked(home: Path) -> Iterator[None]:
    """One update or rollback at a time per data folder: an OS lock on `rules/update.lock`
    (filelock: flock/LockFileEx), which the system releases when its holder dies, so a killed
    or hung-up update never blocks the next one."""
    from filelock import FileLock, Timeout

    folder = rules_dir(home)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = FileLock(folder / LOCK_NAME, mode=0o600, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise CareerpathError("another careerpath is updating the rules data") from None
    try:
        yield
    finally:
        lock.release()
