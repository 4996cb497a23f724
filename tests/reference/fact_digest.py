"""Digests of every sourced block in a rules-data folder, from the raw JSON (any schema).

A block is a JSON object with a `verified` key; its facts are every other key but the ones that
identify or annotate it. The digests let a test see which facts changed since a baseline without
keeping a copy of the old files. The baseline in fixtures/ was written from the data as it
stood on 2026-12-04, before its re-verification against official sources, with
`python -m tests.reference.fact_digest data > tests/reference/fixtures/facts-baseline.json`.
Regenerate it after a change that re-encodes facts without changing any (a renamed topic slug),
or to start a new baseline once a round of changes is merged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

NOT_FACTS = frozenset({"code", "source", "verified", "second_source", "notes", "detail"})


def _short(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _blocks(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "verified" in node:
            yield where, node
        for key, value in node.items():
            if isinstance(value, list):
                for item in value:
                    code = item.get("code") if isinstance(item, dict) else None
                    yield from _blocks(item, f"{where} {code}" if code else where)
            elif isinstance(value, dict):
                yield from _blocks(value, f"{where} {key}")


def facts_of(block: dict[str, Any]) -> dict[str, Any]:
    """The block's facts, with null ones left out (a field added later counts as unchanged)."""
    return {k: v for k, v in block.items() if k not in NOT_FACTS and v not in (None, [], {})}


class Digest(NamedTuple):
    facts: dict[str, str]
    """Each known fact's digest, by field."""
    source: str
    verified: str | None

    def line(self) -> str:
        facts = " ".join(f"{k}={v}" for k, v in sorted(self.facts.items()))
        return f"{self.source} {self.verified or '-'} {facts}".rstrip()

    @classmethod
    def parse(cls, line: str) -> Digest:
        source, verified, *facts = line.split(" ")
        pairs = dict(fact.split("=", 1) for fact in facts)
        return cls(pairs, source, None if verified == "-" else verified)

    def changed_since(self, old: Digest) -> list[str]:
        """Facts known in `old` whose value is now different or unknown (a fact added since,
        from the same source, is not a change)."""
        return sorted(k for k, v in old.facts.items() if self.facts.get(k) != v)


def digests(folder: Path) -> dict[str, Digest]:
    found: dict[str, Digest] = {}
    for kind in ("compacts", "states"):
        for path in sorted((folder / kind).glob("*.json")):
            document = json.loads(path.read_bytes())
            for where, block in _blocks(document, f"{kind}/{path.name}"):
                facts = {k: _short(v)[:6] for k, v in facts_of(block).items()}
                found[where] = Digest(facts, _short(block.get("source")), block.get("verified"))
    return found


def read_baseline(path: Path) -> dict[str, Digest]:
    return {where: Digest.parse(line) for where, line in json.loads(path.read_bytes()).items()}


if __name__ == "__main__":
    import sys

    lines = {where: d.line() for where, d in digests(Path(sys.argv[1])).items()}
    print(json.dumps(lines, indent=0, sort_keys=True))
