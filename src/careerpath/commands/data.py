"""`data info`, `validate`, `update`, `rollback`: which rules data is in use, is a data file
sound, and getting a newer copy (the one command of careerpath that uses the network)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerpath.commands.context import Context, print_json, render_table
from careerpath.errors import CareerpathError

if TYPE_CHECKING:
    from careerpath.rules_update import RulesCopy


def cmd_info(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.reference.coverage import compact_coverage, shared_blocks, state_coverage
    from careerpath.reference.provenance import figures
    from careerpath.reference.schema import CompactStatus
    from careerpath.rules_update import in_use, previous

    copy, data = in_use(ctx.home, ctx.warn)
    before = previous(ctx.home)
    files: list[dict[str, Any]] = []
    for compact in data.compacts.values():
        counts = {s.value: 0 for s in CompactStatus} | {"unknown": 0}
        for member in compact.jurisdictions:
            counts[member.status.value if member.status else "unknown"] += 1
        # Pending bills whose session has ended: answered as "not a member" from today on.
        counts["pending_lapsed"] = sum(
            1 for m in compact.jurisdictions if m.bill_died(ctx.today) is not None
        )
        files.append({
            "file": f"compacts/{compact.id}.json", "title": compact.short_name,
            "as_of": compact.as_of.isoformat(), "jurisdictions": len(compact.jurisdictions),
            "operational": compact.operational, "status_counts": counts,
            "known": {f.field: f.percent for f in compact_coverage(compact)},
            "sources": figures(compact, data.registry).as_json(),
        })  # fmt: skip
    for rules in data.states.values():
        entry: dict[str, Any] = {
            "file": f"states/{rules.profession.lower()}.json", "title": rules.profession,
            "as_of": rules.as_of.isoformat(), "jurisdictions": len(rules.jurisdictions),
            "known": {f.field: f.percent for f in state_coverage(rules)},
            "sources": figures(rules, data.registry).as_json(),
        }  # fmt: skip
        shared = shared_blocks(rules)
        if shared is not None:
            entry["same_as"] = shared
        files.append(entry)
    if args.json:
        print_json({
            "copy": _copy_json(copy), "previous": None if before is None else _copy_json(before),
            "folder": str(data.folder), "files": files,
        })  # fmt: skip
        return 0
    print(f"rules data in use: {describe(copy)}")
    print(f"  folder: {copy.folder}")
    if copy.kind == "downloaded":
        print(
            f"  installed {copy.installed_at or '(date unknown)'} from {copy.source or '(unknown)'}"
        )
    if before is not None:
        print(f"  `careerpath data rollback` returns to: {describe(before)}")
    body = []
    for entry in files:
        known = entry["known"]
        shares = ", ".join(f"{k} {v}%" for k, v in known.items())
        if "same_as" in entry:
            shares += "; blocks stated same as another profession's: " + ", ".join(
                f"{k} {v}" for k, v in entry["same_as"].items()
            )
        body.append([entry["file"], entry["as_of"], str(entry["jurisdictions"]), shares])
    print(render_table(["file", "as of", "jur.", "share of fields known"], body))
    print()
    rows = [
        [
            e["file"],
            *(f"{e['sources'][k]}%" for k in _SHARES),
            e["sources"]["oldest_verified"] or "-",
        ]
        for e in files
    ]
    print(render_table(["file", "official", "two sources", "one non-official", "null", "oldest verified"], rows))  # fmt: skip
    print("official / two independent sources / one non-official source: share of the known facts;")
    print("null: share of all facts. Unknown facts show as 'unknown - check with the board'.")
    print("`careerpath data stale` lists the facts verified longest ago; see README for sources")
    return 0


_SHARES = ("official_pct", "two_sourced_pct", "single_non_official_pct", "null_pct")


def cmd_stale(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.reference.provenance import stale
    from careerpath.rules_update import in_use

    months: int = args.months
    if months < 0:
        raise CareerpathError("--months must be 0 or more")
    _copy, data = in_use(ctx.home, ctx.warn)
    named: list[tuple[str, object]] = [(f"compacts/{c.id}.json", c) for c in data.compacts.values()]
    named += [(f"states/{r.profession.lower()}.json", r) for r in data.states.values()]
    found = sorted(
        (
            (file, fact)
            for file, node in named
            for fact in stale(node, data.registry, ctx.today, months)
        ),
        key=lambda pair: (pair[1].verified or dt.date.min, pair[0], pair[1].where),
    )
    if args.json:
        print_json([
            {"file": file, "where": f.where, "verified": f.verified, "facts": f.facts,
             "source": f.source, "rank": f.rank}
            for file, f in found
        ])  # fmt: skip
        return 0
    if not found:
        print(f"no facts verified more than {months} months before {ctx.today.isoformat()}")
        return 0
    body = [
        [file, f.where, f.verified.isoformat() if f.verified else "never", str(f.facts),
         f.rank or "unranked", f.source or "-"]
        for file, f in found
    ]  # fmt: skip
    print(render_table(["file", "where", "verified", "facts", "rank", "source"], body))
    total = sum(f.facts for _file, f in found)
    print(
        f"{total} facts in {len(found)} blocks were verified more than {months} months before "
        f"{ctx.today.isoformat()}: re-check them against the source, oldest first"
    )
    return 0


def cmd_validate(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.reference.loader import DataFileError, load_file
    from careerpath.reference.roles import (
        RoleFileError,
        check_ranked,
        load_role_file,
        registry_for,
    )

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
            # The manifest and role profiles have their own schemas; the rest is rules data.
            if path.name == "manifest.json":
                _check_manifest(path)
            elif path.parent.name == "roles":
                check_ranked(path, load_role_file(path), registry_for(path.parent.parent))
            elif path.parent.name == "sources":
                _check_registry(path)
            else:
                load_file(path)
        except (DataFileError, RoleFileError) as exc:
            bad += 1
            for problem in str(exc).split("; "):
                print(problem if problem.startswith(str(path)) else f"{path}: {problem}")
        else:
            print(f"{path}: ok")
    if bad:
        raise CareerpathError(f"{bad} of {len(paths)} file(s) have problems")
    return 0


def _check_registry(path: Path) -> None:
    from careerpath.reference.loader import DataFileError
    from careerpath.reference.ranks import RegistryError, load_registry

    try:
        load_registry(path.parent.parent)
    except RegistryError as exc:
        raise DataFileError(str(exc)) from None


def _check_manifest(path: Path) -> None:
    """A folder's manifest.json must list exactly its data files, with their digests."""
    from careerpath.reference.loader import DataFileError
    from careerpath.reference.manifest import REGENERATE
    from careerpath.reference.manifest_file import ManifestError, parse_manifest, problems

    try:
        found = problems(path.parent, parse_manifest(path.read_bytes(), str(path)))
    except (ManifestError, OSError) as exc:
        raise DataFileError(str(exc)) from None
    if found:
        raise DataFileError(f"{path}: " + "; ".join(found) + f" (regenerate: {REGENERATE})")


def describe(copy: RulesCopy) -> str:
    """`downloaded copy, version 2026.12.01` / `bundled with careerpath, version 2026.11.25`."""
    what = "downloaded copy" if copy.kind == "downloaded" else "bundled with careerpath"
    return f"{what}, version {copy.version or 'unknown'}" + (
        f" ({copy.warning})" if copy.warning else ""
    )


def _copy_json(copy: RulesCopy) -> dict[str, Any]:
    return {
        "kind": copy.kind, "version": copy.version, "folder": str(copy.folder),
        "installed_at": copy.installed_at, "source": copy.source, "warning": copy.warning,
    }  # fmt: skip


def cmd_update(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.rules_update import update
    from careerpath.rules_update.config import load_data_settings

    settings = load_data_settings(ctx.config)
    source = args.source or settings.source
    meter = _Meter() if sys.stderr.isatty() else None
    try:
        result = update(
            ctx.home, source, progress=meter, limits=settings.limits(), root=settings.root()
        )
    finally:
        if meter is not None:
            meter.done()
    if result.status == "up-to-date":
        print(f"rules data already up to date (version {result.version or 'unknown'})")
        return 0
    print(
        f"rules data updated to {result.version} ({result.files} files, "
        f"{_kilobytes(result.bytes)}) from {source}; `careerpath data rollback` returns to "
        f"{result.previous_version or 'the previous copy'}"
    )
    return 0


def cmd_rollback(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.rules_update import rollback

    copy = rollback(ctx.home)
    print(f"rules data rolled back: now using the {describe(copy)} (run it again to undo)")
    return 0


def _kilobytes(size: int) -> str:
    return f"{size / 1024:,.0f} kB"


class _Meter:
    """A one-line progress meter on stderr (only used when stderr is a terminal)."""

    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != self.shown:
            self.shown = percent
            sys.stderr.write(
                f"\rdownloading rules data: {_kilobytes(done)} of {_kilobytes(total)} ({percent}%)"
            )
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown >= 0:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
