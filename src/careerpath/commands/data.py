"""`data info` and `data validate`: what rules data is loaded, and is a data file sound."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from careerpath.commands.context import Context, print_json, render_table
from careerpath.errors import CareerpathError


def cmd_info(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.reference.coverage import compact_coverage, state_coverage
    from careerpath.reference.loader import load
    from careerpath.reference.schema import CompactStatus

    data = load()
    files: list[dict[str, Any]] = []
    for compact in data.compacts.values():
        counts = {s.value: 0 for s in CompactStatus} | {"unknown": 0}
        for member in compact.jurisdictions:
            counts[member.status.value if member.status else "unknown"] += 1
        files.append({
            "file": f"compacts/{compact.id}.json", "title": compact.short_name,
            "as_of": compact.as_of.isoformat(), "jurisdictions": len(compact.jurisdictions),
            "operational": compact.operational, "status_counts": counts,
            "known": {f.field: f.percent for f in compact_coverage(compact)},
        })  # fmt: skip
    for rules in data.states.values():
        files.append({
            "file": f"states/{rules.profession.lower()}.json", "title": rules.profession,
            "as_of": rules.as_of.isoformat(), "jurisdictions": len(rules.jurisdictions),
            "known": {f.field: f.percent for f in state_coverage(rules)},
        })  # fmt: skip
    if args.json:
        print_json({"folder": str(data.folder), "files": files})
        return 0
    print(f"rules data in use: {data.folder} (bundled with careerpath)")
    body = []
    for entry in files:
        known = entry["known"]
        shares = ", ".join(f"{k} {v}%" for k, v in known.items())
        body.append([entry["file"], entry["as_of"], str(entry["jurisdictions"]), shares])
    print(render_table(["file", "as of", "jur.", "share of fields known"], body))
    print("unknown facts show as 'unknown - check with the board'; see README for sources")
    return 0


def cmd_validate(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.reference.loader import DataFileError, load_file

    target = Path(args.path)
    if target.is_dir():
        paths = sorted(target.rglob("*.json"))
    elif target.is_file():
        paths = [target]
    else:
        raise CareerpathError(f"{target} does not exist")
    if not paths:
        raise CareerpathError(f"{target} holds no .json data files")
    bad = 0
    for path in paths:
        try:
            if path.name == "manifest.json":
                _check_manifest(path)
            else:
                load_file(path)
        except DataFileError as exc:
            bad += 1
            for problem in str(exc).split("; "):
                print(problem if problem.startswith(str(path)) else f"{path}: {problem}")
        else:
            print(f"{path}: ok")
    if bad:
        raise CareerpathError(f"{bad} of {len(paths)} file(s) have problems")
    return 0


def _check_manifest(path: Path) -> None:
    """A folder's manifest.json must list exactly its data files, with their digests."""
    from careerpath.reference.loader import DataFileError
    from careerpath.reference.manifest import REGENERATE
    from careerpath.rules_update.manifest import ManifestError, parse_manifest, problems

    try:
        found = problems(path.parent, parse_manifest(path.read_bytes(), str(path)))
    except (ManifestError, OSError) as exc:
        raise DataFileError(str(exc)) from None
    if found:
        raise DataFileError(f"{path}: " + "; ".join(found) + f" (regenerate: {REGENERATE})")
