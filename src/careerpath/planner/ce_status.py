"""What CE does each license still owe before it renews?

The renewal window ends on the license's expiry date and starts one CE period earlier (the
board's CE period, else its renewal cycle), or on the issue date for a first renewal. A board
that counts CE over fixed periods longer than its renewal cycle has the window of the fixed
period that contains the expiry; at a renewal that does not end it the CE is not yet due
(see ce_period). Hours are
summed exactly in the board's minutes per hour. Mandatory topics follow their frequency: every
renewal (inside this window), every Nth renewal (inside the last N windows), once (ever), first
renewal only (when this is the first), or a period the board names (treated as this window).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from careerpath import topic_vocabulary
from careerpath.hours import to_decimal
from careerpath.planner import credentials
from careerpath.planner.ce_forms import (
    Condition,
    ConditionState,
    conditions,
    first_renewal_exemption,
)
from careerpath.planner.ce_ledger import CELedger
from careerpath.planner.ce_period import ce_window
from careerpath.planner.dates import months_between, window_start
from careerpath.planner.expiry_rule import check_expiry
from careerpath.planner.unknown import Unknown, rules_missing
from careerpath.records import License, LicenseKind, Records
from careerpath.reference.loader import RulesData
from careerpath.reference.schema import MandatoryTopic, StateRules, TopicFrequency

SOON_DAYS = 90
"""A missing mandatory topic this close to expiry makes the license 'behind'."""


class CEState(StrEnum):
    DONE = "done"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OVERDUE = "overdue"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class TopicState(StrEnum):
    MET = "met"
    MISSING = "missing"
    NOT_DUE = "not_due"
    CHECK = "check"
    """The board's frequency is unknown: the user must check."""


class TopicStatus(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str
    """The tag that fills it (`fl-laws-and-rules` for a jurisdiction's own topic)."""
    label: str
    hours_required: Decimal | None
    hours_done: Decimal
    frequency: str | None
    counted_from: dt.date | None
    """Start of the period in which completed hours count for this topic."""
    state: TopicState
    condition: str | None = None
    """Who it applies to, when the board limits it (e.g. nurses in emergency departments)."""
    in_addition: bool = False
    """Its hours come on top of the total (the board says they do not count toward it)."""
    due_now: bool = True
    """Due at this renewal: false for an every-Nth or once topic already met before this window."""


class LicenseCE(BaseModel):
    model_config = ConfigDict(frozen=True)

    license_id: int | None
    license: str
    profession: str
    state: str
    expires: dt.date | None
    window_start: dt.date | None
    window_end: dt.date | None = None
    """Last day of the window: the expiry, or the end of the board's fixed CE period when that
    period ends at a later renewal (then `due_at_renewal` is false)."""
    due_at_renewal: bool = True
    """The CE is reported at the renewal on `expires` (false: at the end of its fixed period)."""
    cycle_months: int | None
    first_renewal: bool | None
    minutes_per_hour: int
    required: Decimal | None
    earned: Decimal
    needed: Decimal | None
    pace_per_month: Decimal | None
    days_left: int | None
    """Days until the window ends (the expiry, unless the CE is due at a later renewal)."""
    status: CEState
    topics: list[TopicStatus] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    """Labels of unconditional mandatory topics still missing."""
    check: list[str] = Field(default_factory=list)
    """Conditional or unclear topics to check: 'Forensic evidence (if: nurses in an ED)'."""
    alternatives: list[str] = Field(default_factory=list)
    next_expiry: dt.date | None = None
    """The expiry after this renewal, by the board's cycle and expiry rule."""
    conditions: list[Condition] = Field(default_factory=list)
    """Conditions besides hours and topics (choose-one ways, content minimums, practice
    hours): the status is done only when all are met."""
    notes: list[str] = Field(default_factory=list)
    unknowns: list[Unknown] = Field(default_factory=list)
    board_url: str | None = None
    source: str | None = None


class CEReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    today: dt.date
    licenses: list[LicenseCE]


def ce_status(
    records: Records, rules: RulesData, today: dt.date, ledger: CELedger | None = None
) -> CEReport:
    """Each license's CE position in its current renewal window."""
    ledger = ledger or CELedger(records.ce_activities)
    birth = records.profile.birth_date if records.profile else None
    rows = [
        license_ce(lic, rules, today, ledger, birth_date=birth)
        for lic in records.licenses
        if renews_with_ce(lic)
    ]
    return CEReport(today=today, licenses=rows)


def renews_with_ce(lic: License) -> bool:
    """Licenses (not privileges, which follow the home license) the user keeps renewing."""
    return lic.kind is not LicenseKind.PRIVILEGE and lic.status in credentials.IN_FORCE


def state_rules_for(lic: License, rules: RulesData) -> StateRules | None:
    return rules.rules_for(str(lic.profession), lic.jurisdiction)


def license_ce(
    lic: License,
    rules: RulesData,
    today: dt.date,
    ledger: CELedger,
    *,
    birth_date: dt.date | None = None,
) -> LicenseCE:
    state = state_rules_for(lic, rules)
    base: dict[str, object] = {
        "license_id": lic.id,
        "license": credentials.label(lic),
        "profession": str(lic.profession),
        "state": lic.jurisdiction,
        "expires": lic.expires,
        "board_url": state.board.url if state else None,
    }
    board = state.board.url if state else None
    if state is None:
        return LicenseCE(
            **base,
            window_start=None,
            cycle_months=None,
            first_renewal=None,
            minutes_per_hour=60,
            required=None,
            earned=Decimal(0),
            needed=None,
            pace_per_month=None,
            days_left=_days_left(lic, today),
            status=CEState.UNKNOWN,
            unknowns=[
                rules_missing(
                    str(lic.profession),
                    lic.jurisdiction,
                    rules.state_rules(str(lic.profession)) is not None,
                )
            ],
        )
    ce = state.ce
    mph = ce.minutes_per_hour or 60
    cycle = ce.period_months or state.renewal.cycle_months
    unknowns: list[Unknown] = []
    notes: list[str] = []
    if cycle is None:
        unknowns.append(Unknown(what="renewal cycle", link=board))
    if ce.hours_per_cycle is None and not ce.one_of:
        unknowns.append(Unknown(what="CE hours per renewal", link=board))
    if lic.expires is None or cycle is None:
        if lic.expires is None:
            notes.append(
                f"Add the expiry date (careerpath license edit {lic.id} --expires "
                "YYYY-MM-DD) to see this window."
            )
        return LicenseCE(
            **base,
            window_start=None,
            cycle_months=cycle,
            first_renewal=None,
            minutes_per_hour=mph,
            required=_dec(ce.hours_per_cycle),
            earned=Decimal(0),
            needed=None,
            pace_per_month=None,
            days_left=_days_left(lic, today),
            status=CEState.UNKNOWN,
            alternatives=list(ce.alternatives),
            notes=notes,
            unknowns=unknowns,
            source=ce.source,
        )

    expires = lic.expires
    expiry = check_expiry(lic, state, birth_date)
    if expiry.note:
        notes.append(expiry.note)
    window = ce_window(
        ce.period_ends, expires, cycle, state.renewal.cycle_months, lic.number, lic.id
    )
    start, end = window.start, window.end
    if window.note:
        notes.append(window.note)
    if window.unknown:
        unknowns.append(Unknown(what=window.unknown, link=board))
    first: bool | None = None
    if lic.issued is not None:
        first = lic.issued >= start
        if first:
            start = lic.issued
    counted_to = min(end, today)
    earned = ledger.total(start, counted_to, lic.id, mph)

    required: Fraction | None = None
    exemption = first_renewal_exemption(ce, lic, first)
    if exemption.note:
        notes.append(exemption.note)
    if ce.hours_per_cycle is not None:
        required = Fraction(0) if exemption.exempt else Fraction(str(ce.hours_per_cycle))

    topics = [
        _topic_status(t, lic, end, start, cycle, first, counted_to, ledger, mph)
        for t in ce.mandatory_topics
    ]
    extra = sum(
        (
            Fraction(str(t.hours))
            for t, s in zip(ce.mandatory_topics, topics, strict=True)
            if s.in_addition
            and s.due_now
            and s.state is not TopicState.NOT_DUE
            and t.hours is not None
        ),
        Fraction(0),
    )
    missing = [s.label for s in topics if s.state is TopicState.MISSING and s.condition is None]
    check = [
        f"{s.label} (if: {s.condition})" if s.condition else f"{s.label} (frequency unknown)"
        for s in topics
        if (s.state is TopicState.MISSING and s.condition) or s.state is TopicState.CHECK
    ]
    needed = None if required is None else max(Fraction(0), required + extra - earned)
    days_left = (end - today).days
    pace = None
    if needed is not None and needed > 0 and days_left > 0:
        pace = needed / months_between(today, end)
    status = _status(needed, missing, days_left, required, extra, earned, start, end, today)
    forms = [] if exemption.exempt else conditions(ce, lic, earned, start, counted_to, ledger, mph)
    open_forms = [c for c in forms if c.state is not ConditionState.MET]
    check += [c.label for c in open_forms if c.state is ConditionState.UNKNOWN]
    missing += [c.label for c in open_forms if c.state is ConditionState.MISSING]
    if status is CEState.DONE and open_forms:
        # Never "done" while a condition is unmet or unknown.
        unmet = any(c.state is ConditionState.MISSING for c in open_forms)
        status = CEState.ON_TRACK if unmet and days_left > SOON_DAYS else CEState.UNKNOWN
        if unmet and days_left <= SOON_DAYS:
            status = CEState.BEHIND
    if not window.due_now and status is CEState.BEHIND:
        status = CEState.ON_TRACK  # not due at this renewal: the note says when it is
    if ce.hours_per_cycle == 0 and not ce.mandatory_topics and not forms:
        notes.append("The board requires no CE hours for this renewal.")
    return LicenseCE(
        **base,
        window_start=start,
        window_end=end,
        due_at_renewal=window.due_now,
        cycle_months=cycle,
        first_renewal=first,
        minutes_per_hour=mph,
        required=None if required is None else to_decimal(required + extra),
        earned=to_decimal(earned),
        needed=None if needed is None else to_decimal(needed),
        pace_per_month=None if pace is None else to_decimal(pace),
        days_left=days_left,
        status=status,
        topics=topics,
        missing=missing,
        check=check,
        alternatives=list(ce.alternatives),
        conditions=forms,
        next_expiry=expiry.next_expiry,
        notes=notes,
        unknowns=unknowns,
        source=ce.source,
    )


def _topic_status(
    topic: MandatoryTopic,
    lic: License,
    end: dt.date,
    start: dt.date,
    cycle: int,
    first: bool | None,
    counted_to: dt.date,
    ledger: CELedger,
    mph: int,
) -> TopicStatus:
    frequency = topic.frequency
    due = True
    counted_from: dt.date | None = start
    if frequency is TopicFrequency.EVERY_NTH_RENEWAL and topic.every_n:
        counted_from = window_start(end, cycle * topic.every_n)
    elif frequency is TopicFrequency.ONCE:
        counted_from = dt.date.min
    elif frequency is TopicFrequency.FIRST_RENEWAL:
        due = first is not False
    key = topic_id(topic, lic.jurisdiction)
    done = ledger.total(counted_from or start, counted_to, lic.id, mph, topic=key)
    required = None if topic.hours is None else Fraction(str(topic.hours))
    met = done >= required if required is not None and required > 0 else done > 0
    if frequency is None:
        state = TopicState.MET if met else TopicState.CHECK
    elif not due:
        state = TopicState.NOT_DUE
    else:
        state = TopicState.MET if met else TopicState.MISSING
    due_now = due
    if due and counted_from is not None and counted_from < start:
        # Every-Nth and once topics: already met before this window means not due again now.
        before = ledger.total(counted_from, start - dt.timedelta(days=1), lic.id, mph, topic=key)
        due_now = not (before >= required if required is not None and required > 0 else before > 0)
    condition = topic.applies_to
    if frequency is TopicFrequency.FIRST_RENEWAL and first is None and condition is None:
        condition = "this is your first renewal"
    return TopicStatus(
        topic=key,
        label=topic.label,
        hours_required=_dec(topic.hours),
        hours_done=to_decimal(done),
        frequency=_frequency_text(topic),
        counted_from=None if counted_from == dt.date.min else counted_from,
        state=state,
        condition=condition,
        in_addition=topic.counts_toward_total is False,
        due_now=due_now,
    )


def _status(
    needed: Fraction | None,
    missing: list[str],
    days_left: int,
    required: Fraction | None,
    extra: Fraction,
    earned: Fraction,
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> CEState:
    if needed is None:
        return CEState.UNKNOWN
    if needed == 0 and not missing:
        return CEState.DONE
    if days_left < 0:
        return CEState.OVERDUE
    total_days = max((end - start).days, 1)
    elapsed = Fraction(min(max((today - start).days, 0), total_days), total_days)
    assert required is not None
    if earned < (required + extra) * elapsed or (missing and days_left <= SOON_DAYS):
        return CEState.BEHIND
    return CEState.ON_TRACK


def topic_id(topic: MandatoryTopic, code: str) -> str:
    """The tag that fills `topic` at `code`'s board: its own id, or `fl-laws-and-rules` for a
    topic that is the jurisdiction's own (a course on another state's law never fills it)."""
    return (
        topic_vocabulary.qualified(code, topic.topic)
        if topic.jurisdiction_specific
        else topic.topic
    )


def _frequency_text(topic: MandatoryTopic) -> str | None:
    match topic.frequency:
        case TopicFrequency.EVERY_NTH_RENEWAL:
            return f"every {topic.every_n} renewals"
        case None:
            return None
        case other:
            return other.value.replace("_", " ")


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).normalize() + Decimal(0)


def _days_left(lic: License, today: dt.date) -> int | None:
    return None if lic.expires is None else (lic.expires - today).days
