"""Writing an export file atomically and privately."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from careerpath.errors import CareerpathError


def write_atomic(target: Path, content: bytes) -> Path:
    """Write `content` to `target` via a temporary file in the same folder, mode 0600.

    A crash mid-write never leaves half a file under the real name, and the file is readable by
    its owner only: exports hold personal data.
    """
    target = target.expanduser()
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise CareerpathError(f"folder {folder} does not exist")
    if target.is_dir():
        raise CareerpathError(f"{target} is a folder; give a file name")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise CareerpathError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(temp, 0o600)
        Path(temp).replace(target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise CareerpathError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
