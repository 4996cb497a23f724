"""Pydantic schema of every rules-data file in data/.

Every object that states facts carries `source` (URL), `verified` (the date the source stated
them, or the date they were read when the page is undated) and an optional `second_source`.
A fact nobody could source is `null`; consumers show it as unknown, never as a default.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal, Self, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)

from careerpath import jurisdictions

Url = Annotated[str, Field(pattern=r"^https?://[^\s]+$")]


class DataModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_NOT_FACTS = frozenset({"code", "source", "verified", "second_source", "notes", "detail"})
"""Fields that identify or annotate a block rather than state a fact about the rules."""


class Sourced(DataModel):
    """Facts with provenance. A block with any known fact must say where it came from."""

    source: Url | None = None
    verified: dt.date | None = None
    second_source: Url | None = None

    @classmethod
    def fact_fields(cls) -> list[str]:
        """The fields that state facts (what `known_facts` and the provenance figures count)."""
        return [name for name in cls.model_fields if name not in _NOT_FACTS]

    def known_facts(self) -> int:
        return sum(1 for name in self.fact_fields() if _is_known(getattr(self, name)))

    @model_validator(mode="after")
    def _provenance(self) -> Self:
        if self.known_facts() and (self.source is None or self.verified is None):
            raise ValueError("states facts without a source URL and verified date")
        return self


def _is_known(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, DataModel):
        return any(_is_known(getattr(value, n)) for n in type(value).model_fields)
    if isinstance(value, list | tuple):
        return len(value) > 0
    return True


Code = Annotated[str, Field(min_length=2, max_length=2)]


# --- compacts ---------------------------------------------------------------------------------
class CompactStatus(StrEnum):
    IMPLEMENTED = "implemented"
    PARTIAL = "partial"
    ENACTED = "enacted"
    PENDING = "pending"
    NOT_MEMBER = "not_member"


class CompactModel(StrEnum):
    MULTISTATE_LICENSE = "multistate_license"
    PRIVILEGE_TO_PRACTICE = "privilege_to_practice"
    EXPEDITED_LICENSE = "expedited_license"


class Commission(DataModel):
    name: str
    url: Url | None = None


class UniformRequirement(DataModel):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str
    question: str


class CompactRules(Sourced):
    summary: str | None = None
    who_may_hold: str | None = None
    moving_home: str | None = None
    privilege_ends_with_home_license: bool | None = None
    no_encumbrance_on_any_license: bool | None = None
    """A privilege may be bought or used only while no license the holder has, in any state,
    is encumbered (null: the data does not say, so no privilege is offered as available)."""
    adverse_action_lookback_years: int | None = Field(default=None, ge=1, le=10)
    """Years that must pass since any adverse action on any license or privilege."""
    uniform_requirements: list[UniformRequirement] = Field(default_factory=list)
    notes: str | None = None


class CommissionFee(Sourced):
    """The commission's own fee per privilege, charged on top of each state's fee (the full
    price of a privilege is both), with its own source."""

    usd: float | None = Field(default=None, ge=0)
    notes: str | None = None


class CompactMembership(Sourced):
    code: Code
    status: CompactStatus | None
    """None: membership not confirmed from a source (shown as unknown)."""
    partial_detail: str | None = None
    practice_allowed: bool | None = None
    issues_to_residents: bool | None = None
    enacted: dt.date | None = None
    implemented: dt.date | None = None
    expected: dt.date | None = None
    legislation: str | None = None
    session_ends: dt.date | None = None
    """The last day of the legislative session the pending bill (`legislation`) belongs to:
    after it the bill has died and the jurisdiction counts as not a member."""
    jurisprudence_exam: bool | None = None
    privilege_fee_usd: float | None = Field(default=None, ge=0)
    notes: str | None = None

    @model_validator(mode="after")
    def _partial_says_what(self) -> Self:
        if self.status is CompactStatus.PARTIAL and not self.partial_detail:
            raise ValueError(f"{self.code}: a partial status must say what works (partial_detail)")
        return self

    @model_validator(mode="after")
    def _pending_names_its_bill(self) -> Self:
        if self.status is CompactStatus.PENDING and (
            not self.legislation or self.session_ends is None
        ):
            raise ValueError(
                f"{self.code}: a pending membership needs its bill (legislation) and the end "
                "of that bill's session (session_ends)"
            )
        return self

    def bill_died(self, today: dt.date) -> str | None:
        """Why a pending membership no longer counts on `today` (its session has ended)."""
        if self.status is not CompactStatus.PENDING or self.session_ends is None:
            return None
        if self.session_ends >= today:
            return None
        return (
            f"Not a member: its bill ({self.legislation}) was pending, but that session had "
            f"ended by {self.session_ends.isoformat()} (last verified "
            f"{self.verified or 'unknown'}); check the legislature for a new bill."
        )

    def on(self, today: dt.date) -> CompactMembership:
        """This membership as it stands on `today`: a bill whose session ended is not pending."""
        died = self.bill_died(today)
        if died is None:
            return self
        notes = f"{died} {self.notes}" if self.notes else died
        return self.model_copy(update={"status": CompactStatus.NOT_MEMBER, "notes": notes})


class Compact(DataModel):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    short_name: str
    professions: list[str]
    model: CompactModel
    as_of: dt.date
    commission: Commission
    operational: bool | None = None
    rules: CompactRules
    commission_fee: CommissionFee = Field(default_factory=CommissionFee)
    jurisdictions: list[CompactMembership]

    @field_validator("jurisdictions")
    @classmethod
    def _every_jurisdiction_once(cls, value: list[CompactMembership]) -> list[CompactMembership]:
        return _check_codes(value, jurisdictions.CODES, "compact")

    def member(self, code: str) -> CompactMembership:
        for entry in self.jurisdictions:
            if entry.code == code:
                return entry
        raise KeyError(code)

    def on(self, today: dt.date) -> Compact:
        """The compact as it stands on `today` (see CompactMembership.on)."""
        members = [entry.on(today) for entry in self.jurisdictions]
        if all(new is old for new, old in zip(members, self.jurisdictions, strict=True)):
            return self
        return self.model_copy(update={"jurisdictions": members})


_Entry = TypeVar("_Entry", "CompactMembership", "StateRules")


def _check_codes(value: list[_Entry], expected: tuple[str, ...], what: str) -> list[_Entry]:
    codes = [entry.code for entry in value]
    unknown = sorted(set(codes) - set(jurisdictions.CODES))
    if unknown:
        raise ValueError(f"unknown jurisdiction codes: {', '.join(unknown)}")
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise ValueError(f"jurisdictions listed more than once: {', '.join(dupes)}")
    missing = sorted(set(expected) - set(codes))
    if missing and what == "compact":
        raise ValueError(f"missing jurisdictions: {', '.join(missing)}")
    return value


# --- state rules ------------------------------------------------------------------------------
class ExpiryKind(StrEnum):
    FIXED_DATE = "fixed_date"
    BIRTH_MONTH = "birth_month"
    BIRTHDAY = "birthday"
    ISSUE_ANNIVERSARY = "issue_anniversary"
    COHORT = "cohort"
    OTHER = "other"


class Board(DataModel):
    name: str | None = None
    url: Url | None = None


class Expiry(DataModel):
    kind: ExpiryKind | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    years: Literal["odd", "even", "every"] | None = None
    detail: str | None = None


class Renewal(Sourced):
    cycle_months: int | None = Field(default=None, ge=1, le=72)
    expiry: Expiry = Field(default_factory=Expiry)
    first_renewal: str | None = None
    fee_usd: float | None = Field(default=None, ge=0, le=5000)
    """The board's fee to renew an active license once (null: not sourced, shown unknown)."""
    reinstatement: str | None = None
    """What a lapsed license needs to be reinstated, as the board states it (null: unknown)."""
    notes: str | None = None


class TopicFrequency(StrEnum):
    EVERY_RENEWAL = "every_renewal"
    EVERY_NTH_RENEWAL = "every_nth_renewal"
    ONCE = "once"
    FIRST_RENEWAL = "first_renewal"
    WITHIN_PERIOD = "within_period"


class MandatoryTopic(DataModel):
    topic: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    label: str
    hours: float | None = Field(default=None, ge=0, le=100)
    frequency: TopicFrequency | None = None
    every_n: int | None = Field(default=None, ge=2, le=10)
    applies_to: str | None = None
    counts_toward_total: bool | None = None
    jurisdiction_specific: bool | None = None
    """Its content is this jurisdiction's own law or program (its laws and rules, a course its
    agency approves): only an activity tagged for this jurisdiction (`fl-laws-and-rules`) fills
    it, never another state's course on the same subject."""
    approved_providers: list[str] = Field(default_factory=list)
    """Providers or courses the board names as the only ones that fill the topic. The growth
    plan says a course fills the topic only when it comes from one of these; with none listed,
    it says the course may count and to check that it is approved."""
    notes: str | None = None

    @model_validator(mode="after")
    def _nth(self) -> Self:
        if self.frequency is TopicFrequency.EVERY_NTH_RENEWAL and self.every_n is None:
            raise ValueError(f"{self.topic}: every_nth_renewal needs every_n")
        return self


class CEPeriodEnd(DataModel):
    """Where a board's fixed CE period ends, for boards that renew a license more often than
    they count CE (a license renewed every year, CE reported at every second renewal for the
    `period_months` before it).

    A period ends on `month`/`day` (null: on the license's own expiry day, e.g. a birthday) in
    the years `years` names:

    - "odd" / "even": periods end in odd- or even-numbered years, for every licensee;
    - "license_number": in years of the same parity as the license number (its last digit);
    - null: the years differ by licensee in a way the data cannot tell (a group the board
      assigns, the year of first licensure) or the sources conflict.

    At a renewal that does not end a period the CE is not yet due; the planner counts it in
    the period that contains the license's next expiry. With `years` null it cannot tell, and
    treats every renewal as one that may end a period.
    """

    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    years: Literal["odd", "even", "license_number"] | None = None
    detail: str | None = None

    @model_validator(mode="after")
    def _month_and_day(self) -> Self:
        if (self.month is None) != (self.day is None):
            raise ValueError("a CE period end needs both month and day, or neither")
        return self


class OptionKind(StrEnum):
    CE_HOURS = "ce_hours"
    PRACTICE_HOURS = "practice_hours"
    CERTIFICATION = "certification"
    ACADEMIC = "academic"
    REFRESHER = "refresher"
    OTHER = "other"


class RequirementOption(DataModel):
    """One of the ways a board accepts to show continued competence (see `one_of`)."""

    kind: OptionKind
    label: str
    ce_hours: float | None = Field(default=None, ge=0, le=500)
    """CE contact hours this way needs (alone, or with what the label names)."""
    only_ce: bool = False
    """CE hours alone satisfy this way: careerpath can check it from the CE log."""


class ContentMinimum(DataModel):
    """At least `hours` of the total in one kind of content ("20 of the 30 hours live")."""

    hours: float = Field(ge=0, le=500)
    label: str
    formats: list[str] = Field(default_factory=list)
    """CE formats that count (live, conference, academic ...); empty: careerpath cannot tell
    from the log, so the user must check it."""
    topics: list[str] = Field(default_factory=list)
    """Topic tags that count toward it (empty: any, when `formats` decide)."""


class PracticeHours(DataModel):
    """Hours of practice the board requires besides (or instead of) CE."""

    hours: float = Field(ge=0, le=10000)
    period_months: int = Field(ge=1, le=120)
    detail: str | None = None


class FirstRenewalExemption(DataModel):
    """Who is exempt from the general CE hours at a first renewal."""

    route: Literal["exam", "endorsement"] | None = None
    """Only licensees who got the license this way (null: any route)."""
    max_months_held: int | None = Field(default=None, ge=1, le=72)
    """Only when the license was held less than this many months at the renewal."""


class ContinuingEducation(Sourced):
    hours_per_cycle: float | None = Field(default=None, ge=0, le=500)
    period_months: int | None = Field(default=None, ge=1, le=72)
    """CE reporting period when it differs from the renewal cycle (null: the renewal cycle)."""
    period_ends: CEPeriodEnd | None = None
    """The CE period is fixed, not the `period_months` before every renewal (see CEPeriodEnd)."""
    minutes_per_hour: Literal[50, 60] | None = None
    unit: str | None = None
    mandatory_topics: list[MandatoryTopic] = Field(default_factory=list)
    alternatives: list[str] = Field(default_factory=list)
    """Optional other ways that may replace the hours (shown, never counted as met)."""
    one_of: list[RequirementOption] = Field(default_factory=list)
    """The board requires one of these ways (not the hours alone): a renewal is done only when
    careerpath can see one met (a CE-hours way), otherwise the user must confirm which."""
    content_minimums: list[ContentMinimum] = Field(default_factory=list)
    practice_hours: PracticeHours | None = None
    first_renewal_exempt: bool | None = None
    first_renewal_exemptions: list[FirstRenewalExemption] = Field(default_factory=list)
    """Who `first_renewal_exempt` covers (empty: every first renewal)."""
    notes: str | None = None

    @model_validator(mode="after")
    def _forms(self) -> Self:
        if self.one_of and self.hours_per_cycle == 0:
            raise ValueError("a choose-one requirement (one_of) is not 0 hours: use null")
        if self.first_renewal_exemptions and self.first_renewal_exempt is not True:
            raise ValueError("first_renewal_exemptions need first_renewal_exempt: true")
        return self

    @model_validator(mode="after")
    def _fixed_period(self) -> Self:
        ends = self.period_ends
        if ends is None:
            return self
        if self.period_months is None:
            raise ValueError("a fixed CE period (period_ends) needs period_months")
        if ends.years is not None and self.period_months != 24:
            raise ValueError("odd/even-year CE periods (period_ends.years) are two-year periods")
        return self


class ProcessingDays(DataModel):
    min: int | None = Field(default=None, ge=0, le=730)
    typical: int | None = Field(default=None, ge=0, le=730)
    max: int | None = Field(default=None, ge=0, le=730)


class TemporaryLicense(DataModel):
    available: bool | None = None
    valid_days: int | None = Field(default=None, ge=1, le=1095)
    issue_days: int | None = Field(default=None, ge=0, le=365)
    business_days: bool | None = None
    """`issue_days` counts business days (null or false: calendar days)."""
    after_fingerprints: bool | None = None
    """Issued only once the fingerprint results are back: their wait comes first."""
    notes: str | None = None


class Endorsement(Sourced):
    processing_days: ProcessingDays = Field(default_factory=ProcessingDays)
    business_days: bool | None = None
    temporary_license: TemporaryLicense = Field(default_factory=TemporaryLicense)
    fingerprints_required: bool | None = None
    exams_required: list[str] = Field(default_factory=list)
    """Exams the board requires before it licenses an endorsement applicant (e.g. a state
    jurisprudence exam): each is a step of the plan."""
    fee_usd: float | None = Field(default=None, ge=0, le=5000)
    notes: str | None = None


class StateRules(DataModel):
    code: Code
    board: Board = Field(default_factory=Board)
    renewal: Renewal = Field(default_factory=Renewal)
    ce: ContinuingEducation = Field(default_factory=ContinuingEducation)
    endorsement: Endorsement = Field(default_factory=Endorsement)
    notes: str | None = None


class ProfessionRules(DataModel):
    profession: str
    as_of: dt.date
    jurisdictions: list[StateRules]

    @field_validator("jurisdictions")
    @classmethod
    def _once_each(cls, value: list[StateRules]) -> list[StateRules]:
        return _check_codes(value, jurisdictions.STATES_AND_DC, "states")

    def rules_for(self, code: str) -> StateRules | None:
        for entry in self.jurisdictions:
            if entry.code == code:
                return entry
        return None


# --- professions that share blocks with another -------------------------------------------------
class SameAs(DataModel):
    """A sourced statement that one block of this profession's rules in a jurisdiction is the
    `same_as` profession's block there (one board rule covers both, e.g. "physical therapists
    and physical therapist assistants shall ..."), except the facts in `overrides`, which the
    same source states for this profession. The shared facts are written once, in the other
    profession's file; nothing is inherited without this statement."""

    same_as: str = Field(pattern=r"^[A-Z]{2,4}$")
    source: Url
    verified: dt.date
    second_source: Url | None = None
    overrides: dict[str, Any] = Field(default_factory=dict)
    notes: str | None = None


def _which(value: Any) -> str:
    """A block with `same_as` is a SameAs, anything else the profession's own facts; so an
    error names the one model the block meant to be, not every member of the union."""
    if isinstance(value, SameAs) or (isinstance(value, dict) and "same_as" in value):
        return "same_as"
    return "own"


_AsSameAs = Annotated[SameAs, Tag("same_as")]
_OwnOrSame = Discriminator(_which)
BoardBlock = Annotated[Annotated[Board, Tag("own")] | _AsSameAs, _OwnOrSame]
RenewalBlock = Annotated[Annotated[Renewal, Tag("own")] | _AsSameAs, _OwnOrSame]
CEBlock = Annotated[Annotated[ContinuingEducation, Tag("own")] | _AsSameAs, _OwnOrSame]
EndorsementBlock = Annotated[Annotated[Endorsement, Tag("own")] | _AsSameAs, _OwnOrSame]

BLOCKS = ("board", "renewal", "ce", "endorsement")
"""The blocks of a jurisdiction's entry that may be shared with another profession."""


class SharedStateRules(DataModel):
    """One jurisdiction in a file that shares blocks: each block is this profession's own
    facts or a SameAs. An own block whose facts are unknown says so in `notes`, with the date
    the sources were searched in `verified`, so no block is silently empty."""

    code: Code
    board: BoardBlock
    renewal: RenewalBlock
    ce: CEBlock
    endorsement: EndorsementBlock
    notes: str | None = None

    @model_validator(mode="after")
    def _every_block_settled(self) -> Self:
        for name in BLOCKS:
            block = getattr(self, name)
            if isinstance(block, SameAs):
                continue
            if isinstance(block, Board):
                if block.name is None and block.url is None:
                    raise ValueError(f"{name}: neither own facts nor same_as")
                continue
            if not block.known_facts() and not (block.notes and block.verified):
                raise ValueError(
                    f"{name}: no facts, no same_as and no dated note of what was searched"
                )
        return self

    def shared(self) -> dict[str, SameAs]:
        return {n: b for n in BLOCKS if isinstance(b := getattr(self, n), SameAs)}


class SharedProfessionRules(DataModel):
    """A profession's rules file whose blocks may be another profession's (`shares_with`):
    PTA with PT, OTA with OT, audiology with speech-language pathology."""

    profession: str
    shares_with: str
    as_of: dt.date
    jurisdictions: list[SharedStateRules]

    @field_validator("jurisdictions")
    @classmethod
    def _once_each(cls, value: list[SharedStateRules]) -> list[SharedStateRules]:
        codes = [entry.code for entry in value]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise ValueError(f"jurisdictions listed more than once: {', '.join(dupes)}")
        missing = sorted(set(jurisdictions.STATES_AND_DC) - set(codes))
        if missing:
            raise ValueError(f"missing jurisdictions: {', '.join(missing)}")
        return value

    @model_validator(mode="after")
    def _same_as_names_the_partner(self) -> Self:
        for entry in self.jurisdictions:
            for name, block in entry.shared().items():
                if block.same_as != self.shares_with:
                    raise ValueError(
                        f"{entry.code}.{name}: same_as {block.same_as}, but this file shares "
                        f"with {self.shares_with}"
                    )
                allowed = set(_BLOCK_TYPES[name].model_fields) - {"source", "verified"}
                unknown = sorted(set(block.overrides) - allowed)
                if unknown:
                    raise ValueError(
                        f"{entry.code}.{name}: overrides name no field: {', '.join(unknown)}"
                    )
        return self


_BLOCK_TYPES: dict[str, type[DataModel]] = {
    "board": Board,
    "renewal": Renewal,
    "ce": ContinuingEducation,
    "endorsement": Endorsement,
}


class ResolvedStateRules(StateRules):
    """A jurisdiction's rules with shared blocks filled in from the partner profession. Each
    shared block cites the SameAs statement as its source and the partner block's source as
    second source (its second source when the statement cites the same page); `shared` keeps
    the statements, so an answer can say whose rule it is."""

    shared: dict[str, SameAs] = Field(default_factory=dict)


def resolve(own: SharedProfessionRules, partner: ProfessionRules) -> ProfessionRules:
    """`own` with every SameAs block replaced by the partner's block plus the overrides."""
    if partner.profession != own.shares_with:
        raise ValueError(
            f"{own.profession} shares with {own.shares_with}, not {partner.profession}"
        )
    resolved: list[StateRules] = []
    for entry in own.jurisdictions:
        base = partner.rules_for(entry.code)
        blocks: dict[str, Any] = {}
        for name in BLOCKS:
            block = getattr(entry, name)
            if not isinstance(block, SameAs):
                blocks[name] = block
                continue
            if base is None:
                raise ValueError(
                    f"{entry.code}.{name}: same as {partner.profession}, which has no entry"
                )
            blocks[name] = _shared_block(getattr(base, name), block, f"{entry.code}.{name}")
        resolved.append(
            ResolvedStateRules(code=entry.code, notes=entry.notes, shared=entry.shared(), **blocks)
        )
    return ProfessionRules(profession=own.profession, as_of=own.as_of, jurisdictions=resolved)


def _shared_block(base: DataModel, statement: SameAs, where: str) -> DataModel:
    merged = base.model_dump() | statement.overrides
    if isinstance(base, Sourced):
        # The statement's source first; then the partner's own source, so the fact keeps
        # both (or, when the statement cites the partner's source, the partner's second).
        second = statement.second_source or (
            base.source if base.source != statement.source else base.second_source
        )
        merged |= {"source": statement.source, "verified": statement.verified}
        merged["second_source"] = second
        if statement.notes:
            merged["notes"] = " ".join(n for n in (statement.notes, merged.get("notes")) if n)
    try:
        return type(base).model_validate(merged)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)
        )
        raise ValueError(f"{where}: with its overrides, {problems}") from None
