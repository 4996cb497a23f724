"""`python -m careerpath.rules_publish init|publish|refresh|rotate-root` (see README, "Publishing
rules data")."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from careerpath.errors import CareerpathError
from careerpath.rules_publish import keys
from careerpath.rules_publish.repository import Repository


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m careerpath.rules_publish",
        description="Build and sign the TUF repository that `careerpath data update` reads.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("init", "new keys (in --keys) and root version 1 (in --repo)"),
        ("publish", "sign --data as the next release"),
        ("refresh", "re-sign snapshot and timestamp (run before the timestamp expires)"),
        ("rotate-root", "next root version with the keys in --new-keys (created if empty)"),
    ):
        command = sub.add_parser(name, help=text, description=text)
        command.add_argument("--keys", required=True, type=Path, help="folder of private keys")
        command.add_argument("--repo", required=True, type=Path, help="repository folder")
        command.add_argument("--data", type=Path, default=Path("data"), help="rules data folder")
        if name == "rotate-root":
            command.add_argument("--new-keys", required=True, type=Path)
    return parser


def _fresh(folder: Path) -> keys.Signers:
    return {role: [keys.generate(folder, role)] for role in keys.ROLES}


def run(argv: Sequence[str] | None = None, now: dt.datetime | None = None) -> int:
    args = _parser().parse_args(argv)
    when = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    keys.refuse_inside_repository(args.keys, args.data)
    repo = Repository(args.repo)
    if args.command == "init":
        repo.init(_fresh(args.keys), when)
        print(
            f"root version 1 written to {repo.metadata / '1.root.json'}; ship it as "
            "src/careerpath/rules_update/trusted_root.json"
        )
        return 0
    signers = keys.load(args.keys)
    if args.command == "publish":
        version = repo.publish(args.data, signers, when)
        print(f"targets version {version} signed; upload {repo.folder} as it is")
    elif args.command == "refresh":
        repo.snapshot(signers, when)
        print(f"snapshot and timestamp re-signed in {repo.metadata}")
    else:
        keys.refuse_inside_repository(args.new_keys, args.data)
        new = keys.load(args.new_keys) if args.new_keys.is_dir() else {}
        if not any(new.get(role) for role in keys.ROLES):
            new = _fresh(args.new_keys)
        repo.rotate_root(signers, new, when)
        repo.publish(args.data, new, when)  # everything re-signed with the new keys
        print(
            f"root version {repo.root().signed.version} written; sign releases with {args.new_keys}"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except (CareerpathError, OSError) as exc:
        print(f"rules_publish: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
