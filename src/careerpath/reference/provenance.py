"""What the facts of a rules file rest on: official sources, two independent sources, one
non-official source, or nothing (null); and which facts were verified too long ago.

A fact is one fact field of a sourced block (see Sourced.fact_fields); it rests on the block's
`source` and `second_source`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel

from careerpath.reference.ranks import Rank, Registry, host
from careerpath.reference.schema import Sourced


class Block(NamedTuple):
    where: str
    """`AK renewal`, `rules`, `TX`: the jurisdiction code and the block's field name."""
    block: Sourced


def blocks(node: object, where: tuple[str, ...] = ()) -> Iterator[Block]:
    """Every sourced block under `node`, with where it sits."""
    if isinstance(node, Sourced):
        yield Block(" ".join(where) or "-", node)
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, list):
                for item in value:
                    code = getattr(item, "code", None)
                    yield from blocks(item, (*where, code) if isinstance(code, str) else where)
            elif isinstance(value, BaseModel):
                yield from blocks(value, (*where, name))


def urls(node: object) -> Iterator[str]:
    for entry in blocks(node):
        for url in (entry.block.source, entry.block.second_source):
            if url:
                yield url


def unranked(node: object, registry: Registry) -> list[str]:
    """Source URLs under `node` that the registry gives no rank (each once, in order)."""
    return list(dict.fromkeys(url for url in urls(node) if registry.rank(url) is None))


class Basis(NamedTuple):
    official: bool
    two_sourced: bool


def basis(block: Sourced, registry: Registry) -> Basis:
    ranks = [registry.rank(u) for u in (block.source, block.second_source) if u]
    official = Rank.OFFICIAL in ranks
    independent = (
        block.source is not None
        and block.second_source is not None
        and host(block.source) != host(block.second_source)
    )
    return Basis(official, not official and independent)


class Figures(NamedTuple):
    facts: int
    known: int
    official: int
    two_sourced: int
    single: int
    """Known facts resting on one non-official source (or two from the same host)."""
    oldest: dt.date | None

    def share(self, part: int, of_all: bool = False) -> int:
        whole = self.facts if of_all else self.known
        return round(100 * part / whole) if whole else 0

    @property
    def null(self) -> int:
        return self.facts - self.known

    def as_json(self) -> dict[str, object]:
        return {
            "facts": self.facts,
            "official_pct": self.share(self.official),
            "two_sourced_pct": self.share(self.two_sourced),
            "single_non_official_pct": self.share(self.single),
            "null_pct": self.share(self.null, of_all=True),
            "oldest_verified": self.oldest.isoformat() if self.oldest else None,
        }


def figures(node: object, registry: Registry) -> Figures:
    facts = known = official = two = 0
    oldest: dt.date | None = None
    for entry in blocks(node):
        block = entry.block
        facts += len(block.fact_fields())
        count = block.known_facts()
        if not count:
            continue
        known += count
        found = basis(block, registry)
        official += count if found.official else 0
        two += count if found.two_sourced else 0
        if block.verified is not None and (oldest is None or block.verified < oldest):
            oldest = block.verified
    return Figures(facts, known, official, two, known - official - two, oldest)


class StaleFact(NamedTuple):
    where: str
    verified: dt.date | None
    facts: int
    source: str | None
    rank: Rank | None


def stale(node: object, registry: Registry, today: dt.date, months: int) -> list[StaleFact]:
    """Blocks with known facts verified before `months` months ago (or never), oldest first."""
    limit: dt.date = today - relativedelta(months=months)
    found = [
        StaleFact(
            e.where,
            e.block.verified,
            e.block.known_facts(),
            e.block.source,
            registry.rank(e.block.source) if e.block.source else None,
        )
        for e in blocks(node)
        if e.block.known_facts() and (e.block.verified is None or e.block.verified < limit)
    ]
    return sorted(found, key=lambda f: (f.verified or dt.date.min, f.where))
