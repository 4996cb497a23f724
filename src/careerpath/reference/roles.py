"""Role profiles in data/roles/: what a specialty expects of a traveler, for the growth plan.

One file per role. Each skill states the level a facility expects on the 1-4 scale of agency
skills checklists and how much it matters; each certification how often it renews. Where a
checklist or certification body says so, `source` cites it; where the expectation is the
project's own judgement, `source` is null and `judgement` is true, and the app says so.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from careerpath.errors import CareerpathError

if TYPE_CHECKING:
    from careerpath.reference.ranks import Registry

Url = Annotated[str, Field(pattern=r"^https://[^\s]+$")]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Level = Annotated[int, Field(ge=1, le=4)]
Weight = Annotated[int, Field(ge=1, le=5)]
"""Importance: 5 = the role cannot be done without it, 1 = nice to have."""


class RoleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SkillKind(StrEnum):
    HARD = "hard"
    SOFT = "soft"


class Frequency(StrEnum):
    """How often the role uses the skill: a daily skill gap hurts more than a rare one."""

    EVERY_SHIFT = "every_shift"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    RARELY = "rarely"


class StepType(StrEnum):
    CE_COURSE = "ce_course"
    CERTIFICATION = "certification"
    SHADOWING = "shadowing"
    SIMULATION = "simulation"
    ONLINE_MODULE = "online_module"


class Cost(StrEnum):
    FREE = "free"
    LOW = "low"
    """Under about $100."""
    MEDIUM = "medium"
    """About $100-$500."""
    HIGH = "high"
    """Over about $500."""


class Sourced(RoleModel):
    """Either a cited source or the project's own judgement, never neither."""

    source: Url | None = None
    judgement: bool = False

    @model_validator(mode="after")
    def _provenance(self) -> Self:
        if (self.source is None) == (not self.judgement):
            raise ValueError("give a source URL, or set judgement: true (not both)")
        return self


class Step(RoleModel):
    """One concrete way to close a gap."""

    type: StepType
    title: str = Field(min_length=3, max_length=200)
    effort_hours: float = Field(gt=0, le=500)
    cost: Cost | None = None
    ce_topics: list[Slug] = Field(default_factory=list)
    """CE topics the step can be claimed under (same slugs as the states' mandatory topics)."""
    contact_hours: float | None = Field(default=None, ge=0, le=200)
    """CE contact hours it typically awards, when it awards any."""
    provider_hint: str | None = Field(default=None, max_length=200)
    """Who typically offers it (e.g. AACN, the unit educator); not an endorsement."""


class RoleSkill(Sourced):
    id: Slug
    name: str = Field(min_length=2, max_length=120)
    aliases: list[str] = Field(default_factory=list)
    """Other names a user may have typed for the same skill (matched case-insensitively)."""
    kind: SkillKind
    category: str = Field(min_length=2, max_length=60)
    """Checklist section, e.g. "Cardiovascular", "Equipment", "Documentation", "Communication"."""
    expected_level: Level
    importance: Weight
    frequency: Frequency
    steps: list[Step] = Field(min_length=1)


class Requirement(StrEnum):
    REQUIRED = "required"
    PREFERRED = "preferred"


class RoleCertification(Sourced):
    id: Slug
    """Matches a stored certification's name case-insensitively (e.g. bls, acls, ccrn)."""
    name: str = Field(min_length=2, max_length=120)
    aliases: list[str] = Field(default_factory=list)
    body: str = Field(min_length=2, max_length=120)
    requirement: Requirement
    importance: Weight
    renewal_months: int | None = Field(default=None, ge=1, le=120)
    """Null when the certification body's renewal period could not be sourced."""
    renewal_source: Url | None = None
    """The certifying body's own page where one was found; otherwise the best page found."""
    renewal_second_source: Url | None = None
    """Another page that states the same period, e.g. the summary cited before the body's page."""
    effort_hours: float | None = Field(default=None, gt=0, le=500)
    cost: Cost | None = None
    ce_topics: list[Slug] = Field(default_factory=list)
    contact_hours: float | None = Field(default=None, ge=0, le=200)

    @model_validator(mode="after")
    def _renewal_cited(self) -> Self:
        if self.renewal_months is not None and self.renewal_source is None:
            raise ValueError(f"{self.id}: renewal_months needs renewal_source")
        if self.renewal_second_source is not None and (
            self.renewal_months is None or self.renewal_second_source == self.renewal_source
        ):
            raise ValueError(
                f"{self.id}: renewal_second_source backs a sourced renewal_months"
                " and differs from renewal_source"
            )
        return self


class Role(RoleModel):
    id: Slug
    title: str = Field(min_length=3, max_length=120)
    professions: list[str] = Field(min_length=1)
    """Professions that fill the role: RN, LPN, PT, PTA, OT, OTA, SLP, RT."""
    aliases: list[str] = Field(default_factory=list)
    as_of: dt.date
    summary: str = Field(min_length=10, max_length=600)
    sources: list[Url] = Field(default_factory=list)
    skills: list[RoleSkill] = Field(min_length=8)
    certifications: list[RoleCertification] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> Self:
        for label, ids in (
            ("skill", [s.id for s in self.skills]),
            ("certification", [c.id for c in self.certifications]),
        ):
            seen: set[str] = set()
            for item in ids:
                if item in seen:
                    raise ValueError(f"{label} id {item!r} appears twice")
                seen.add(item)
        return self

    def matches(self, text: str) -> bool:
        wanted = _fold(text)
        return wanted in {_fold(self.id), _fold(self.title), *(_fold(a) for a in self.aliases)}


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("_", " ").replace("/", " ").split())


def same_name(a: str, b: str) -> bool:
    """Whether two skill or certification names mean the same (case, dashes, spaces ignored)."""
    return _fold(a) == _fold(b)


class RoleFileError(CareerpathError):
    pass


def load_role_file(path: Path) -> Role:
    from careerpath.reference.problems import describe

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RoleFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return Role.model_validate_json(raw)
    except ValidationError as exc:
        raise RoleFileError(f"{path}: " + "; ".join(describe(exc, raw))) from None


def role_urls(role: Role) -> list[str]:
    """Every source URL a role profile cites."""
    found = list(role.sources)
    for item in [*role.skills, *role.certifications]:
        found += [item.source] if item.source else []
    for cert in role.certifications:
        found += [u for u in (cert.renewal_source, cert.renewal_second_source) if u]
    return list(dict.fromkeys(found))


def registry_for(folder: Path) -> Registry:
    """The source registry of a rules folder, else the bundled one."""
    from careerpath.paths import bundled_data_dir
    from careerpath.reference.ranks import REGISTRY_PATH, RegistryError, load_registry

    try:
        return load_registry(folder if (folder / REGISTRY_PATH).is_file() else bundled_data_dir())
    except RegistryError as exc:
        raise RoleFileError(str(exc)) from None


def check_ranked(path: Path, role: Role, registry: Registry) -> None:
    missing = [u for u in role_urls(role) if registry.rank(u) is None]
    if missing:
        raise RoleFileError(
            f"{path}: {len(missing)} source(s) have no rank in the source registry: "
            + ", ".join(missing[:5])
        )


@functools.cache
def load_roles(folder: Path) -> dict[str, Role]:
    """Every role in `folder`/roles, by id; every source it cites must have a rank."""
    roles: dict[str, Role] = {}
    registry = registry_for(folder)
    for path in sorted((folder / "roles").glob("*.json")):
        role = load_role_file(path)
        check_ranked(path, role, registry)
        if role.id in roles:
            raise RoleFileError(f"{path}: role id {role.id!r} is already used by another file")
        roles[role.id] = role
    return roles


def roles_for(roles: dict[str, Role], professions: Sequence[str]) -> dict[str, Role]:
    """The roles someone with these professions can fill; every role when none is known."""
    if not professions:
        return dict(roles)
    wanted = {p.upper() for p in professions}
    return {rid: r for rid, r in roles.items() if wanted & {p.upper() for p in r.professions}}


def match_role(roles: dict[str, Role], text: str, professions: Sequence[str] = ()) -> Role | None:
    """The role `text` names, looked up first among the roles of `professions`.

    Aliases are unique within a profession, not across them ("home health" is the RN role for
    a nurse and the PT role for a physical therapist), so the profession decides which is meant.
    """
    mine = roles_for(roles, professions)
    for pool in (mine, roles) if professions else (roles,):
        for role in pool.values():
            if role.matches(text):
                return role
    return None


def find_role(roles: dict[str, Role], text: str, professions: Sequence[str] = ()) -> Role:
    """The role a user named by id, title or alias; the error lists what exists."""
    found = match_role(roles, text, professions)
    if found is not None:
        return found
    known = ", ".join(sorted(roles_for(roles, professions) or roles))
    raise CareerpathError(f"no role {text!r}; known roles: {known}")


def default_role(
    roles: dict[str, Role],
    professions: Sequence[str],
    targets: Sequence[str] = (),
    specialty: str | None = None,
) -> Role | None:
    """The role to show first: the user's first target role that exists (even one of another
    profession: they chose it), else the role of their own profession their specialty names,
    else their profession's first role; None when no role fits their professions.

    A specialty never leads to another profession's role: an OT whose specialty is "acute" is
    shown the acute OT role, and an OT without a target role is never shown a nurse's role.
    """
    for text in targets:
        found = match_role(roles, text, professions)
        if found is not None:
            return found
    mine = roles_for(roles, professions)
    if specialty:
        found = match_role(mine, specialty)
        if found is not None:
            return found
    return next(iter(mine.values()), None)


def roles_in_use(rules_folder: Path) -> dict[str, Role]:
    """Roles from the rules folder in use; the bundled ones when that copy has none."""
    if any((rules_folder / "roles").glob("*.json")):
        return load_roles(rules_folder)
    from careerpath.paths import bundled_data_dir

    return load_roles(bundled_data_dir())
