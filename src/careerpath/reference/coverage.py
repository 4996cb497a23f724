"""How much of each data file is known: the share of key fields that are not null."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from careerpath.reference.schema import (
    BLOCKS,
    Compact,
    CompactMembership,
    ProfessionRules,
    ResolvedStateRules,
    StateRules,
)

STATE_FIELDS: dict[str, Callable[[StateRules], Any]] = {
    "board": lambda s: s.board.name,
    "board url": lambda s: s.board.url,
    "cycle": lambda s: s.renewal.cycle_months,
    "expiry rule": lambda s: s.renewal.expiry.kind,
    "CE hours": lambda s: s.ce.hours_per_cycle,
    "temp license": lambda s: s.endorsement.temporary_license.available,
    "fingerprints": lambda s: s.endorsement.fingerprints_required,
    "fee": lambda s: s.endorsement.fee_usd,
    "processing days": lambda s: (
        s.endorsement.processing_days.typical
        if s.endorsement.processing_days.typical is not None
        else s.endorsement.processing_days.max
    ),
}
COMPACT_FIELDS: dict[str, Callable[[CompactMembership], Any]] = {
    "status": lambda m: m.status,
    "practice allowed": lambda m: m.practice_allowed,
    "issues to residents": lambda m: m.issues_to_residents,
}


class FieldShare(NamedTuple):
    field: str
    known: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.known / self.total) if self.total else 0


def state_coverage(rules: ProfessionRules, denominator: int = 51) -> list[FieldShare]:
    return [
        FieldShare(name, sum(1 for s in rules.jurisdictions if get(s) is not None), denominator)
        for name, get in STATE_FIELDS.items()
    ]


def compact_coverage(compact: Compact) -> list[FieldShare]:
    total = len(compact.jurisdictions)
    return [
        FieldShare(name, sum(1 for m in compact.jurisdictions if get(m) is not None), total)
        for name, get in COMPACT_FIELDS.items()
    ]


def shared_blocks(rules: ProfessionRules) -> dict[str, int] | None:
    """How many jurisdictions take each block from another profession by a sourced `same_as`
    (None for a file that shares nothing by design, e.g. RN)."""
    resolved = [s for s in rules.jurisdictions if isinstance(s, ResolvedStateRules)]
    if not resolved:
        return None
    return {name: sum(1 for s in resolved if name in s.shared) for name in BLOCKS}
