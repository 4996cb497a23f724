"""Certificate files copied into the data folder, named by content hash.

A download moved or deleted later must not break the CE record, and the same file attached twice
is stored once.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

from careerpath.errors import CareerpathError
from careerpath.paths import ensure_private_dir

MAX_CERTIFICATE_BYTES = 50 * 1024 * 1024
FOLDER = "certificates"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def folder(home: Path) -> Path:
    return home / FOLDER


def stored_name(content: bytes, original: str) -> str:
    digest = hashlib.sha256(content).hexdigest()[:16]
    safe = _UNSAFE.sub("_", Path(original).name).strip("._") or "certificate"
    return f"{digest}-{safe[-80:]}"


def store_bytes(home: Path, content: bytes, original: str) -> str:
    """Write `content` under certificates/ (atomically) and return its stored name."""
    name = stored_name(content, original)
    target = ensure_private_dir(folder(home)) / name
    if not target.exists():
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            os.chmod(temp, 0o600)
            Path(temp).replace(target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    return name


def attach(home: Path, source: Path) -> str:
    """Copy a certificate file in; the one-line error says what is wrong with the path."""
    if not source.is_file():
        raise CareerpathError(f"certificate file {source} does not exist or is not a file")
    size = source.stat().st_size
    if size > MAX_CERTIFICATE_BYTES:
        raise CareerpathError(
            f"certificate file {source} is {size // (1024 * 1024)} MB; the limit is "
            f"{MAX_CERTIFICATE_BYTES // (1024 * 1024)} MB"
        )
    return store_bytes(home, source.read_bytes(), source.name)


def stored_names(home: Path) -> frozenset[str]:
    """The certificate files present, so an audit can tell a record's file is really there."""
    place = folder(home)
    if not place.is_dir():
        return frozenset()
    return frozenset(p.name for p in place.iterdir() if p.is_file() and not p.name.startswith("."))


def path_of(home: Path, name: str) -> Path:
    return folder(home) / name


def copy_out(home: Path, name: str, destination: Path) -> None:
    shutil.copy2(path_of(home, name), destination)
