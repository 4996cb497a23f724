"""Write (or check) a rules-data folder's manifest.json: `python -m careerpath.reference.manifest data`.

Run it after changing any file under data/ (CI's test of the bundled manifest says so when it is
stale). The version stays as it is while the files are unchanged; when they changed it becomes
today's date, `YYYY.MM.DD`, or the next `.N` of the old version when that is already today or
later, so every published change has a higher version than the last. `--version V` sets one.
`--check` only reports whether the manifest matches the files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from careerpath.reference.manifest_file import (
    MANIFEST_NAME,
    Manifest,
    ManifestError,
    build_manifest,
    dump,
    problems,
    read_manifest,
    version_key,
)

REGENERATE = "python -m careerpath.reference.manifest data"


def next_version(old: str | None, today: dt.date) -> str:
    """Today's date as a version, or the old version's next `.N` when that is not lower."""
    fresh = today.strftime("%Y.%m.%d")
    if old is None or version_key(fresh) > version_key(old):
        return fresh
    parts = old.split(".")
    if len(parts) == 4:
        parts[3] = str(int(parts[3]) + 1)
    else:
        parts.append("1")
    return ".".join(parts)


def regenerate(folder: Path, today: dt.date, version: str | None = None) -> Manifest:
    """The manifest for `folder`'s files, keeping the old version when nothing changed."""
    try:
        old: Manifest | None = read_manifest(folder)
    except ManifestError:
        old = None
    if version is None:
        unchanged = old is not None and not problems(folder, old)
        version = old.version if old is not None and unchanged else None
        if version is None:
            version = next_version(old.version if old is not None else None, today)
    return build_manifest(folder, version)


def stale(folder: Path) -> list[str]:
    """How the committed manifest differs from the files; empty when it matches."""
    try:
        manifest = read_manifest(folder)
    except ManifestError as exc:
        return [str(exc)]
    return problems(folder, manifest)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m careerpath.reference.manifest", description=__doc__.splitlines()[0]
    )
    parser.add_argument("folder", type=Path, help="the rules-data folder, e.g. data")
    parser.add_argument("--version", help="set this version (YYYY.MM.DD or YYYY.MM.DD.N)")
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when stale")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if args.check:
        found = stale(folder)
        for problem in found:
            print(f"{folder / MANIFEST_NAME}: {problem}", file=sys.stderr)
        if found:
            print(f"regenerate it: {REGENERATE}", file=sys.stderr)
        return 1 if found else 0
    try:
        manifest = regenerate(folder, dt.date.today(), args.version)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    (folder / MANIFEST_NAME).write_bytes(dump(manifest))
    print(f"{folder / MANIFEST_NAME}: version {manifest.version}, {len(manifest.files)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
