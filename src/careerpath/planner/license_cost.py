"""What each license costs to keep, and what letting it lapse would mean.

Per license: the renewal fee and cycle from the rules data (unknown when the data has no
sourced fee: fees are never guessed), the cost per year that gives, the CE hours still owed in
the current window and the part of them no other license of the same profession already
needs, the mandatory topics only this license requires, and when an assignment last used it.
Licenses not used for two years or more come first, the costliest first among them: those are
the ones a traveler may choose to let lapse.

"Only this license needs" assumes general CE hours count for every license of a profession
(true for most boards, not all: some accept only their own approved providers), so it is the
hours this window needs beyond the largest need of the traveler's other licenses.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field

from careerpath.planner import credentials
from careerpath.planner.ce_ledger import CELedger
from careerpath.planner.ce_status import LicenseCE, license_ce, state_rules_for, topic_id
from careerpath.planner.unknown import unknown_text
from careerpath.records import AssignmentStatus, License, LicenseKind, Records
from careerpath.reference.loader import RulesData
from careerpath.reference.schema import StateRules

UNUSED_YEARS = 2
USED_STATUSES = (AssignmentStatus.BOOKED, AssignmentStatus.DONE)


class LicenseCost(BaseModel):
    model_config = ConfigDict(frozen=True)

    license_id: int | None
    license: str
    profession: str
    state: str
    kind: str
    expires: dt.date | None
    board_url: str | None
    renewal_fee_usd: Decimal | None
    """None: the rules data has no sourced fee (unknown - check with the board)."""
    cycle_months: int | None
    cost_per_year_usd: Decimal | None
    fee_source: str | None
    ce_hours_per_cycle: Decimal | None
    ce_hours_owed: Decimal | None
    """Still owed in the current CE window (None: unknown)."""
    ce_hours_only_this: Decimal | None
    """Owed hours no other license of this profession already needs (None: unknown). Other
    licenses whose CE is unknown are left out, and `unknowns` says it is then an upper bound."""
    unique_topics: list[str] = Field(default_factory=list)
    """Mandatory topics none of the traveler's other licenses of this profession requires."""
    last_used: dt.date | None
    """Last day of a booked or done assignment this license covered (None: never)."""
    unused: bool
    """Not used for an assignment in the last two years."""
    lapse: list[str] = Field(default_factory=list)
    """What letting it lapse would mean."""
    unknowns: list[str] = Field(default_factory=list)


class LicenseCostReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    today: dt.date
    licenses: list[LicenseCost]
    known_cost_per_year_usd: Decimal
    """The sum of the costs per year the data knows."""
    unknown_costs: int
    """Licenses whose cost per year is unknown (not included in the sum)."""


def license_costs(records: Records, rules: RulesData, today: dt.date) -> LicenseCostReport:
    ledger = CELedger(records.ce_activities)
    kept = [lic for lic in records.licenses if lic.status in credentials.IN_FORCE]
    ce = {id(lic): license_ce(lic, rules, today, ledger) for lic in kept}
    topics = {id(lic): _topic_ids(state_rules_for(lic, rules)) for lic in kept}
    rows = []
    for lic in kept:
        peers = [o for o in kept if o is not lic and o.profession == lic.profession]
        rows.append(_cost(lic, peers, records, rules, today, ce, topics))
    rows.sort(key=_order)
    known = [r.cost_per_year_usd for r in rows if r.cost_per_year_usd is not None]
    return LicenseCostReport(today=today, licenses=rows, known_cost_per_year_usd=sum(known, Decimal(0)),
                             unknown_costs=len(rows) - len(known))  # fmt: skip


def _order(row: LicenseCost) -> tuple[bool, bool, Decimal, str]:
    cost = row.cost_per_year_usd
    return (not row.unused, cost is None, -(cost or Decimal(0)), row.license)


def _topic_ids(state: StateRules | None) -> dict[str, str]:
    """Each mandatory topic by the tag that fills it: one state's own law or program
    (`tx-laws-and-rules`) is never shared with another state's."""
    if state is None:
        return {}
    return {topic_id(t, state.code): t.label for t in state.ce.mandatory_topics}


def _cost(
    lic: License,
    peers: list[License],
    records: Records,
    rules: RulesData,
    today: dt.date,
    ce: dict[int, LicenseCE],
    topics: dict[int, dict[str, str]],
) -> LicenseCost:
    state = state_rules_for(lic, rules)
    board = state.board.url if state else None
    renewal = state.renewal if state else None
    fee = None if renewal is None or renewal.fee_usd is None else Decimal(str(renewal.fee_usd))
    cycle = renewal.cycle_months if renewal else None
    per_year = None if fee is None or cycle is None else round(fee * 12 / cycle, 2)
    unknowns = []
    if lic.kind is LicenseKind.PRIVILEGE:
        fee, per_year = None, None
        unknowns.append(f"privilege renewal fee: {unknown_text(board)}")
    elif fee is None:
        unknowns.append(f"renewal fee: {unknown_text(board)}")
    if cycle is None:
        unknowns.append(f"renewal cycle: {unknown_text(board)}")

    row = ce.get(id(lic))
    owed = None if row is None else row.needed
    known = [ce[id(p)].needed for p in peers if id(p) in ce and ce[id(p)].needed is not None]
    only = None
    if owed is not None:
        only = max(Decimal(0), owed - max((o for o in known if o is not None), default=Decimal(0)))
        vague = [credentials.label(p) for p in peers if id(p) not in ce or ce[id(p)].needed is None]
        if vague and only:
            # Those licenses may need as many hours: the figure is an upper bound.
            unknowns.append(f"CE only this license needs is at most {only} h: the CE still owed "
                            f"for {', '.join(vague)} is unknown")  # fmt: skip
    if owed is None and lic.kind is not LicenseKind.PRIVILEGE:
        unknowns.append(f"CE hours still owed: {unknown_text(board)}")
    shared = {t for p in peers for t in topics.get(id(p), {})}
    unique = [label for t, label in topics.get(id(lic), {}).items() if t not in shared]
    last = last_used(lic, records, rules, today)
    unused = last is None or last <= today - relativedelta(years=UNUSED_YEARS)
    return LicenseCost(
        license_id=lic.id, license=credentials.label(lic), profession=str(lic.profession),
        state=lic.jurisdiction, kind=lic.kind.value, expires=lic.expires, board_url=board,
        renewal_fee_usd=fee, cycle_months=cycle, cost_per_year_usd=per_year,
        fee_source=renewal.source if renewal and renewal.fee_usd is not None else None,
        ce_hours_per_cycle=None if row is None else row.required, ce_hours_owed=owed,
        ce_hours_only_this=only, unique_topics=unique, last_used=last, unused=unused,
        lapse=lapse_meaning(lic, records, rules, state), unknowns=unknowns,
    )  # fmt: skip


def last_used(lic: License, records: Records, rules: RulesData, today: dt.date) -> dt.date | None:
    """The last day (up to today) of a booked or done assignment this license covered: one in
    its own state, or for a multistate license one in a compact state where it allows practice
    and the traveler holds no license of that state."""
    professions = credentials.professions_of(records)
    default = professions[0] if professions else None
    compact = rules.compact_for(str(lic.profession)) if lic.kind is LicenseKind.MULTISTATE else None
    own = {o.jurisdiction for o in records.licenses
           if o.profession == lic.profession and o.kind is not LicenseKind.MULTISTATE}  # fmt: skip
    days = []
    for item in records.assignments:
        if item.status not in USED_STATUSES or item.start > today:
            continue
        if str(item.profession or default) != str(lic.profession):
            continue
        covered = item.jurisdiction == lic.jurisdiction
        if not covered and compact is not None and item.jurisdiction not in own:
            member = next((m for m in compact.jurisdictions if m.code == item.jurisdiction), None)
            covered = member is not None and member.practice_allowed is True
        if covered:
            days.append(min(item.end or item.start, today))
    return max(days, default=None)


def lapse_meaning(
    lic: License, records: Records, rules: RulesData, state: StateRules | None
) -> list[str]:
    """What letting this license lapse would mean, from the records and the rules data."""
    board = state.board.url if state else None
    where = lic.jurisdiction
    lines = []
    if lic.kind is LicenseKind.MULTISTATE:
        lines.append(f"No practice in {where} or, on this license, in any other compact state.")
        privileges = []
    else:
        lines.append(f"No practice in {where} on this license once it lapses.")
        privileges = [p for p in records.licenses
                      if p.kind is LicenseKind.PRIVILEGE and p.home_license_id == lic.id]  # fmt: skip
    if privileges:
        names = ", ".join(credentials.label(p) for p in privileges)
        lines.append(f"Compact privileges resting on it end too: {names}.")
    if lic.kind is LicenseKind.PRIVILEGE:
        compact = rules.compact_for(str(lic.profession))
        link = compact.commission.url if compact else None
        lines.append(f"Getting a lapsed privilege back: {unknown_text(link)}.")
    elif state is not None and state.renewal.reinstatement:
        lines.append(f"Reinstatement: {state.renewal.reinstatement} ({state.renewal.source})")
    else:
        lines.append(f"Reinstatement rules: {unknown_text(board)}.")
    return lines
