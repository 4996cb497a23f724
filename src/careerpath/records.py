"""What the user owns: profile, licenses, certifications, CE activities, skills, assignments.

Plain pydantic v2 models, validated on the way in (CLI, TUI, import) so that the store and the
planner can trust them. Each check fails with one sentence a clinician can act on.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    computed_field,
    field_validator,
    model_validator,
)

from careerpath import bounds, jurisdictions, topic_vocabulary
from careerpath.hours import MAX_CONTACT_HOURS, CEUnit, contact_hours, to_decimal


def _jurisdiction(value: Any) -> Any:
    return jurisdictions.normalize(value) if isinstance(value, str) else value


Jurisdiction = Annotated[str, BeforeValidator(_jurisdiction)]
"""A USPS code for one of the 56 jurisdictions; names and any case accepted on input."""


class Profession(StrEnum):
    RN = "RN"
    LPN = "LPN"
    APRN = "APRN"
    PT = "PT"
    PTA = "PTA"
    OT = "OT"
    OTA = "OTA"
    SLP = "SLP"
    AUD = "AUD"
    RT = "RT"

    @property
    def label(self) -> str:
        return _PROFESSION_LABELS[self]


_PROFESSION_LABELS = {
    Profession.RN: "Registered nurse",
    Profession.LPN: "LPN/LVN",
    Profession.APRN: "Advanced practice RN",
    Profession.PT: "Physical therapist",
    Profession.PTA: "Physical therapist assistant",
    Profession.OT: "Occupational therapist",
    Profession.OTA: "Occupational therapy assistant",
    Profession.SLP: "Speech-language pathologist",
    Profession.AUD: "Audiologist",
    Profession.RT: "Respiratory therapist",
}
_PROFESSION_ALIASES = {
    "lvn": "LPN", "lpn/lvn": "LPN", "lpn-lvn": "LPN", "np": "APRN",
    "audiologist": "AUD", "audiology": "AUD", "respiratory therapist": "RT", "rrt": "RT",
    "crt": "RT", "speech": "SLP",
}  # fmt: skip


def _profession(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        return _PROFESSION_ALIASES.get(text.lower(), text.upper())
    return value


normalize_profession = _profession
"""Read a profession as people type it (lvn, np, speech)."""

ProfessionField = Annotated[Profession, BeforeValidator(_profession)]


class Answer(StrEnum):
    """An answer the user may not know yet: the planner treats `unknown` as 'confirm this'."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Record(BaseModel):
    """Base for stored records: strict about unknown fields, trims strings."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, validate_assignment=True, frozen=False
    )

    @field_validator("*", mode="before")
    @classmethod
    def _plain_dates(cls, value: Any, info: ValidationInfo) -> Any:
        """Dates as YYYY-MM-DD only (bounds.py says why)."""
        field = info.field_name
        if field is None:
            return value
        annotation = cls.model_fields[field].annotation
        if isinstance(value, str) and value.strip().casefold() in NEVER_WORDS:
            if NoExpiry in get_args(annotation):
                return NEVER
            if _is_date(annotation):
                raise ValueError(
                    "only a certification can be without expiry: every license renews "
                    "(leave the date out if you do not know it yet)"
                )
        if _is_date(annotation):
            return bounds.date_input(value)
        return value

    @field_validator("*")
    @classmethod
    def _in_range(cls, value: Any) -> Any:
        """Dates between 1900 and 2200, ids SQLite can store (bounds.py)."""
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return bounds.date_in_range(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return bounds.id_in_range(value)
        return value


NEVER = "never"
NoExpiry = Literal["never"]
"""A credential that does not expire: a real value, not a far-off date (9999-12-31 used to
break reminders, CE status and exports) and not a missing one (null: not recorded, so nothing
counts it as current)."""
NEVER_WORDS = frozenset({"never", "no expiry", "no-expiry", "does not expire"})
Expiry = dt.date | NoExpiry | None


def expiry_date(expires: Expiry) -> dt.date | None:
    """The date a credential lapses, or None when it never does or the date is not recorded."""
    return None if expires == NEVER else expires  # type: ignore[return-value]


def expiry_text(expires: Expiry, missing: str = "") -> str:
    """How an expiry reads in tables and exports: the ISO date, "never", or `missing`."""
    if expires is None:
        return missing
    return expires if isinstance(expires, str) else expires.isoformat()


def _is_date(annotation: Any) -> bool:
    return annotation is dt.date or dt.date in get_args(annotation)


Text = Annotated[str, Field(min_length=1, max_length=300)]
OptionalText = Annotated[str | None, Field(default=None, max_length=2000)]


def _none_if_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


class Profile(Record):
    """Who the user is: drives which compacts and rules apply."""

    name: Text
    professions: list[ProfessionField] = Field(default_factory=list)
    home_state: Jurisdiction | None = None
    """Primary state of residence (PSOR), which decides NLC eligibility."""
    home_since: dt.date | None = None
    """The day `home_state` became the primary state of residence (a move starts the NLC's
    60-day window to apply for the new home state's license)."""
    previous_home: Jurisdiction | None = None
    """The primary state of residence before `home_state`, when the move was recent."""
    birth_date: dt.date | None = None
    """Private: only to check and predict expiry dates that boards tie to the birth month or
    birthday. Never exported unless the user asks."""
    specialty: str | None = None
    target_roles: list[str] = Field(default_factory=list)
    nlc_answers: dict[str, Answer] = Field(default_factory=dict)
    """Answers to the NLC uniform-licensure questions, by requirement id."""

    _blank = field_validator("home_state", "previous_home", "specialty", mode="before")(
        _none_if_blank
    )

    @model_validator(mode="after")
    def _residence(self) -> Self:
        if self.previous_home is not None and self.previous_home == self.home_state:
            raise ValueError(
                f"the previous home {self.previous_home} is the current home state: "
                "leave --previous-home empty unless you moved"
            )
        return self

    @field_validator("professions")
    @classmethod
    def _unique_professions(cls, value: list[Profession]) -> list[Profession]:
        return list(dict.fromkeys(value))


class LicenseKind(StrEnum):
    SINGLE_STATE = "single_state"
    MULTISTATE = "multistate"
    PRIVILEGE = "privilege"
    """A compact privilege to practise (PT, OT, ASLP-IC) resting on a home-state license."""


class LicenseRoute(StrEnum):
    """How the license was obtained: boards exempt first renewals by route."""

    EXAM = "exam"
    """First license, by passing the licensing exam."""
    ENDORSEMENT = "endorsement"
    """By endorsement (reciprocity) of a license held in another jurisdiction."""


class LicenseStatus(StrEnum):
    ACTIVE = "active"
    PENDING = "pending"
    INACTIVE = "inactive"
    EXPIRED = "expired"
    ENCUMBERED = "encumbered"
    """Under discipline or restriction: it does not carry compact privileges."""


MULTISTATE_PROFESSIONS = frozenset({Profession.RN, Profession.LPN, Profession.APRN})
PRIVILEGE_PROFESSIONS = frozenset(
    {Profession.PT, Profession.PTA, Profession.OT, Profession.OTA, Profession.SLP, Profession.AUD}
)


class License(Record):
    id: int | None = None
    profession: ProfessionField
    jurisdiction: Jurisdiction
    kind: LicenseKind = LicenseKind.SINGLE_STATE
    number: str | None = Field(default=None, max_length=60)
    issued: dt.date | None = None
    expires: dt.date | None = None
    status: LicenseStatus = LicenseStatus.ACTIVE
    """Standing: only an active license without discipline carries compact rights."""
    route: LicenseRoute | None = None
    """Exam or endorsement (null: not recorded, so route-dependent rules stay unknown)."""
    home_license_id: int | None = None
    """For a privilege: the home-state license it rests on."""
    note: str | None = Field(default=None, max_length=2000)

    _blank = field_validator("number", "note", mode="before")(_none_if_blank)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.issued and self.expires and self.expires < self.issued:
            raise ValueError(
                f"expires {self.expires} is before issued {self.issued}: check the dates"
            )
        if self.kind is LicenseKind.MULTISTATE and self.profession not in MULTISTATE_PROFESSIONS:
            raise ValueError(
                f"a multistate license is for nurses (RN, LPN, APRN), not {self.profession}"
            )
        if self.kind is LicenseKind.PRIVILEGE and self.profession not in PRIVILEGE_PROFESSIONS:
            raise ValueError(
                f"compact privileges are for PT, PTA, OT, OTA, SLP and audiology, "
                f"not {self.profession}: nurses hold a multistate license instead"
            )
        if self.kind is not LicenseKind.PRIVILEGE and self.home_license_id is not None:
            raise ValueError("only a compact privilege rests on a home license")
        return self


class Certification(Record):
    id: int | None = None
    name: Text
    issuer: str | None = Field(default=None, max_length=300)
    number: str | None = Field(default=None, max_length=60)
    earned: dt.date | None = None
    expires: Expiry = None
    """A date, "never" for a certification that does not expire, or null: not recorded."""

    _blank = field_validator("issuer", "number", mode="before")(_none_if_blank)

    @property
    def expiry(self) -> dt.date | None:
        return expiry_date(self.expires)

    @property
    def never_expires(self) -> bool:
        return self.expires == NEVER

    @property
    def lasts_until(self) -> dt.date:
        """For picking the card that lasts longest: never > any date > not recorded."""
        if self.expires == NEVER:
            return dt.date.max
        return self.expiry or dt.date.min

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.earned and self.expiry and self.expiry < self.earned:
            raise ValueError(f"expires {self.expiry} is before earned {self.earned}")
        return self


class CEFormat(StrEnum):
    LIVE = "live"
    CONFERENCE = "conference"
    ONLINE = "online"
    HOME_STUDY = "home_study"
    ACADEMIC = "academic"
    OTHER = "other"


def _topic(value: Any) -> Any:
    if isinstance(value, str):
        return topic_vocabulary.canonical(value)
    return value


Topic = Annotated[str, BeforeValidator(_topic), Field(min_length=1, max_length=80)]
"""A CE topic id (`implicit-bias`, `fl-laws-and-rules`): free text is folded to kebab case and
synonyms to the rules data's ids (see topic_vocabulary)."""


class CEActivity(Record):
    """One CE activity, stored in the unit its certificate states."""

    id: int | None = None
    completed: dt.date
    title: Text
    provider: str | None = Field(default=None, max_length=300)
    accreditor: str | None = Field(default=None, max_length=300)
    """Accrediting body (ANCC, AOTA, ASHA CEB, APTA state chapter ...)."""
    amount: Decimal = Field(max_digits=9, decimal_places=4)
    unit: CEUnit = CEUnit.CONTACT_HOURS
    topics: list[Topic] = Field(default_factory=list)
    format: CEFormat = CEFormat.OTHER
    certificate: str | None = None
    """File name inside the data folder's certificates/ (content hash in the name)."""
    claimed_for: list[int] = Field(default_factory=list)
    """License ids this activity is claimed for; empty means 'wherever it counts'."""
    accreditation: str | None = Field(default=None, max_length=2000)
    """The certificate's accreditation or approval statement, as printed: audits ask for it."""
    approval_number: str | None = Field(default=None, max_length=120)
    """Provider or course approval number as printed (CEP 16770, an AOTA course ID)."""
    certificate_number: str | None = Field(default=None, max_length=120)

    _blank = field_validator(
        "provider", "accreditor", "certificate", "accreditation", "approval_number",
        "certificate_number", mode="before",
    )(_none_if_blank)  # fmt: skip

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """`contact_hours` is derived: exports carry it for people, imports recompute it."""
        if isinstance(data, dict) and "contact_hours" in data:
            data = {k: v for k, v in data.items() if k != "contact_hours"}
        return data

    @field_validator("topics")
    @classmethod
    def _unique_topics(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _sane_amount(self) -> Self:
        hours = contact_hours(self.amount, self.unit)
        if hours <= 0:
            raise ValueError(f"hours must be more than 0, got {self.amount} {self.unit}")
        if hours > MAX_CONTACT_HOURS:
            raise ValueError(
                f"{self.amount} {self.unit} is {to_decimal(hours)} contact hours, more than "
                f"{MAX_CONTACT_HOURS} for one activity: split it or check the unit"
            )
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def contact_hours(self) -> Decimal:
        """Contact hours at 60 minutes, rounded to 0.01 for display."""
        return to_decimal(self.exact_hours())

    def exact_hours(self, minutes_per_hour: int = 60) -> Fraction:
        return contact_hours(self.amount, self.unit, minutes_per_hour)


class SkillKind(StrEnum):
    HARD = "hard"
    SOFT = "soft"


SKILL_LEVELS = {
    1: "No experience",
    2: "Limited experience (needs review or supervision)",
    3: "Experienced (performs independently)",
    4: "Expert (can teach others)",
}
"""The 1-4 scale of travel agencies' skills checklists."""


class AssessedBy(StrEnum):
    """How a skill level was established, weakest evidence first."""

    SELF = "self"
    CHECKLIST = "checklist"
    """An agency or facility skills checklist."""
    COMPETENCY = "competency"
    """A competency sign-off by an educator, preceptor or manager."""
    CERTIFICATION = "certification"


class RatingEntry(Record):
    """One past or current level of a skill: the history a traveler's growth is read from."""

    level: int = Field(ge=1, le=4)
    assessed_on: dt.date | None = None
    """Null for a rating saved before history was kept."""
    assessed_by: AssessedBy = AssessedBy.SELF


class SkillRating(Record):
    id: int | None = None
    skill: Text
    kind: SkillKind = SkillKind.HARD
    level: int = Field(ge=1, le=4)
    last_performed: dt.date | None = None
    interested: bool = False
    """The user wants to grow this skill: raises its priority in the growth plan."""
    note: str | None = Field(default=None, max_length=2000)
    assessed_on: dt.date | None = None
    """When the current level was assessed (the CLI and app stamp the day it is set)."""
    assessed_by: AssessedBy = AssessedBy.SELF
    history: list[RatingEntry] = Field(default_factory=list)
    """Every level recorded, oldest first, the current one last; kept by the store."""

    _blank = field_validator("note", mode="before")(_none_if_blank)


class AssignmentStatus(StrEnum):
    CONSIDERING = "considering"
    OFFERED = "offered"
    BOOKED = "booked"
    DONE = "done"


class Assignment(Record):
    id: int | None = None
    jurisdiction: Jurisdiction
    facility: str | None = Field(default=None, max_length=300)
    city: str | None = Field(default=None, max_length=120)
    specialty: str | None = Field(default=None, max_length=120)
    profession: ProfessionField | None = None
    """Which license the assignment needs; defaults to the profile's first profession."""
    start: dt.date
    end: dt.date | None = None
    status: AssignmentStatus = AssignmentStatus.CONSIDERING
    note: str | None = Field(default=None, max_length=2000)

    _blank = field_validator("facility", "city", "specialty", "note", mode="before")(_none_if_blank)

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"the end {self.end} is before the start {self.start}")
        return self


class Records(BaseModel):
    """Everything the user keeps, as the planner sees it."""

    model_config = ConfigDict(extra="forbid")

    profile: Profile | None = None
    licenses: list[License] = Field(default_factory=list)
    certifications: list[Certification] = Field(default_factory=list)
    ce_activities: list[CEActivity] = Field(default_factory=list)
    skills: list[SkillRating] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
