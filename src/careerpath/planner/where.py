"""Where may I practise today? One answer per jurisdiction, with its reason and expiry.

Order of authority, strongest first: a license issued by the jurisdiction; an NLC multistate
license from the home state; a compact privilege held; then what could be had (a privilege to
buy, a multistate upgrade), a compact enacted but not in force, or a license to apply for.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from careerpath import jurisdictions
from careerpath.planner import credentials
from careerpath.planner.residence import Residence, Standing, home_on, multistate_residence
from careerpath.planner.unknown import NO_RULES_DATA, Unknown, unknown_text
from careerpath.records import Answer, License, LicenseKind, LicenseStatus, Records
from careerpath.reference.loader import RulesData
from careerpath.reference.schema import (
    CompactMembership,
    CompactModel,
    CompactStatus,
    StateRules,
)


class Basis(StrEnum):
    LICENSE = "license"
    MULTISTATE = "multistate"
    PRIVILEGE = "privilege"
    PRIVILEGE_AVAILABLE = "privilege_available"
    MULTISTATE_AVAILABLE = "multistate_available"
    COMPACT_PENDING = "compact_pending"
    LICENSE_NEEDED = "license_needed"

    @property
    def label(self) -> str:
        return _BASIS_LABELS[self]

    @property
    def may_practise(self) -> bool:
        return self in PRACTISE_NOW


_BASIS_LABELS = {
    Basis.LICENSE: "licensed here",
    Basis.MULTISTATE: "multistate (NLC)",
    Basis.PRIVILEGE: "compact privilege",
    Basis.PRIVILEGE_AVAILABLE: "privilege available",
    Basis.MULTISTATE_AVAILABLE: "multistate if upgraded",
    Basis.COMPACT_PENDING: "compact not in force",
    Basis.LICENSE_NEEDED: "license needed",
}
_JOINING = {
    CompactStatus.ENACTED: "has enacted",
    CompactStatus.PENDING: "has legislation pending for",
    CompactStatus.PARTIAL: "has partly implemented",
}
_EXAM_TEXT: dict[bool | None, str] = {
    True: "jurisprudence exam required",
    False: "no jurisprudence exam",
    None: "jurisprudence exam: " + unknown_text(None),
}
PRACTISE_NOW = frozenset({Basis.LICENSE, Basis.MULTISTATE, Basis.PRIVILEGE})


class Authority(BaseModel):
    """What lets the user practise in one jurisdiction today, or what it would take."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    basis: Basis
    detail: str
    expires: dt.date | None = None
    license_id: int | None = None
    """The license or privilege that covers the user here."""
    rests_on: int | None = None
    """The home license a privilege (held or available) rests on."""
    warnings: list[str] = Field(default_factory=list)
    confirm: list[str] = Field(default_factory=list)
    """Things to confirm before relying on this (NLC questions answered 'unknown')."""
    unknowns: list[Unknown] = Field(default_factory=list)
    fee_usd: float | None = None
    jurisprudence_exam: bool | None = None
    expected: dt.date | None = None
    source: str | None = None
    board_url: str | None = None

    @property
    def may_practise(self) -> bool:
        return self.basis.may_practise


class WhereReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    profession: str
    today: dt.date
    home_state: str | None
    compact: str | None
    """Short name of the compact for this profession, if any."""
    residence: Residence | None = None
    """How residence bears on the user's multistate license today (NLC), when one is held."""
    notes: list[str] = Field(default_factory=list)
    jurisdictions: list[Authority]

    def get(self, code: str) -> Authority:
        for entry in self.jurisdictions:
            if entry.code == code:
                return entry
        raise KeyError(code)

    def practisable(self) -> list[str]:
        return [a.code for a in self.jurisdictions if a.may_practise]


def where(
    records: Records,
    rules: RulesData,
    today: dt.date,
    profession: str,
    *,
    home_state: str | None = None,
) -> WhereReport:
    """Every jurisdiction's answer for `profession`; `home_state` overrides the profile's."""
    situation = _Situation(records, rules, today, profession, home_state)
    rows = [situation.authority(code) for code in jurisdictions.CODES]
    return WhereReport(
        profession=profession,
        today=today,
        home_state=situation.home,
        compact=situation.compact.short_name if situation.compact else None,
        residence=situation.residence,
        notes=situation.notes,
        jurisdictions=rows,
    )


class _Situation:
    """What holds for every jurisdiction at once: home state, multistate license, eligibility."""

    def __init__(
        self,
        records: Records,
        rules: RulesData,
        today: dt.date,
        profession: str,
        home_state: str | None,
    ) -> None:
        self.records = records
        self.today = today
        self.profession = profession
        profile = records.profile
        self.home = home_state or home_on(profile, today)
        moved = home_state is None and profile is not None and self.home == profile.home_state
        self.home_since = profile.home_since if moved and profile else None
        self.previous_home = profile.previous_home if moved and profile else None
        self.residence: Residence | None = None
        self.compact = rules.compact_for(profession, today)
        as_recorded = rules.compact_for(profession)
        self.bills: dict[str, str] = {
            m.code: died
            for m in (as_recorded.jurisdictions if as_recorded else [])
            if (died := m.bill_died(today)) is not None
        }
        """Jurisdictions whose pending bill died with its session, with the dated note."""
        state_file = rules.state_rules(profession)
        self.state_rules: dict[str, StateRules] = (
            {s.code: s for s in state_file.jurisdictions} if state_file else {}
        )
        self.licenses = [lic for lic in records.licenses if lic.profession == profession]
        self.notes: list[str] = []
        if state_file is None:
            self.notes.append(
                f"{profession}: {NO_RULES_DATA} (careerpath has no {profession} rules file, "
                "so renewal, CE and endorsement facts are unknown; no other profession's "
                "rules are used)."
            )
        if self.home is None:
            self.notes.append(
                "No home state set: compact rights depend on it "
                "(careerpath profile set --home-state XX)."
            )
        self.home_membership = (
            self.compact.member(self.home) if self.compact and self.home else None
        )
        self.home_license = self._home_license()
        self.encumbered = [
            lic
            for lic in self.licenses
            if lic.kind is not LicenseKind.PRIVILEGE and lic.status is LicenseStatus.ENCUMBERED
        ]
        self.multistate = self._multistate()
        self.upgrade_blockers, self.upgrade_confirm = self._upgrade_eligibility()

    # --- what holds everywhere ---------------------------------------------------------------
    def _home_license(self) -> License | None:
        candidates = [
            lic
            for lic in self.licenses
            if lic.jurisdiction == self.home
            and lic.kind is not LicenseKind.PRIVILEGE
            and credentials.in_force(lic, self.today)
        ]
        candidates.sort(key=lambda lic: (lic.status != "active", lic.kind != "multistate"))
        return candidates[0] if candidates else None

    def _multistate(self) -> License | None:
        """The multistate license that carries practice into other NLC states, if any."""
        if self.compact is None or self.compact.model is not CompactModel.MULTISTATE_LICENSE:
            return None
        for lic in self.licenses:
            if lic.kind is not LicenseKind.MULTISTATE:
                continue
            issuer = self.compact.member(lic.jurisdiction)
            if not credentials.in_force(lic, self.today):
                self.notes.append(
                    f"Your {credentials.label(lic)} is {_why_not(lic, self.today)}: it carries "
                    "no multistate practice until renewed."
                )
                continue
            if not credentials.unencumbered(lic, self.today):
                self.notes.append(
                    f"Your {credentials.label(lic)} is encumbered: multistate practice is "
                    "limited to its issuing state unless each other state's board allows it."
                )
                continue
            if issuer.issues_to_residents is not True:
                self.notes.append(
                    f"Your {credentials.label(lic)} is marked multistate, but "
                    f"{lic.jurisdiction} is not recorded as issuing multistate licenses: check it "
                    "on Nursys."
                )
                continue
            residence = multistate_residence(
                lic,
                self.records,
                self.compact,
                self.today,
                self.home,
                home_since=self.home_since,
                previous_home=self.previous_home,
            )
            self.residence = residence
            if not residence.standing.multistate:
                self.notes.append(
                    f"Your {credentials.label(lic)} carries no multistate practice today: "
                    f"{residence.reason}."
                )
                continue
            if residence.standing is not Standing.HOME:
                self.notes.append(
                    f"Your {credentials.label(lic)} still carries multistate practice: "
                    f"{residence.reason}."
                )
            return lic
        return None

    def _move_warning(self) -> list[str]:
        residence = self.residence
        if residence is None or residence.standing is not Standing.MOVE_GRACE:
            return []
        return [f"Moving home: {residence.reason}."]

    def _privilege_blocker(self) -> str | None:
        """Why no compact privilege can be bought or used now, from the user's licenses alone."""
        assert self.compact is not None
        rules = self.compact.rules
        if not self.encumbered:
            return None
        names = ", ".join(credentials.label(lic) for lic in self.encumbered)
        if rules.no_encumbrance_on_any_license is True:
            return (
                f"a {self.compact.short_name} privilege needs no encumbrance on any license, "
                f"and your {names} is encumbered"
            )
        return (
            f"your {names} is encumbered, and whether the {self.compact.short_name} then allows "
            f"a privilege is {unknown_text(self.compact.commission.url)}"
        )

    def _upgrade_eligibility(self) -> tuple[list[str], list[str]]:
        """NLC uniform requirements answered 'no' (blockers) and not yet answered (confirm)."""
        if self.compact is None or self.compact.model is not CompactModel.MULTISTATE_LICENSE:
            return [], []
        answers = self.records.profile.nlc_answers if self.records.profile else {}
        blockers: list[str] = []
        confirm: list[str] = []
        for req in self.compact.rules.uniform_requirements:
            answer = answers.get(req.id, Answer.UNKNOWN)
            if answer is Answer.NO:
                blockers.append(req.text)
            elif answer is Answer.UNKNOWN:
                confirm.append(req.question)
        if blockers and self.multistate is None:
            self.notes.append(
                "By your NLC answers you do not meet a uniform licensure requirement, so you "
                "can hold single-state licenses only: " + blockers[0]
            )
        return blockers, confirm

    # --- one jurisdiction -------------------------------------------------------------------
    def authority(self, code: str) -> Authority:
        rules = self.state_rules.get(code)
        board = rules.board.url if rules else None
        base: dict[str, Any] = {"code": code, "name": jurisdictions.name(code), "board_url": board}
        warnings: list[str] = []

        own = [
            lic
            for lic in self.licenses
            if lic.jurisdiction == code and lic.kind is not LicenseKind.PRIVILEGE
        ]
        current = [lic for lic in own if credentials.in_force(lic, self.today)]
        if current:
            current.sort(key=lambda lic: (lic.status != "active", -(_ordinal(lic.expires))))
            lic = current[0]
            if lic.status == "encumbered":
                warnings.append("Encumbered: practise only within the board's terms.")
            moved = lic.kind is LicenseKind.MULTISTATE and lic.jurisdiction != self.home
            if moved and self.residence is not None:
                warnings.append(f"Recorded as multistate: {self.residence.reason}.")
            if lic.expires is None:
                warnings.append("No expiry date stored: add it to get renewal reminders.")
            return Authority(
                **base,
                basis=Basis.LICENSE,
                detail=f"Your {credentials.label(lic)}.",
                expires=lic.expires,
                license_id=lic.id,
                warnings=warnings,
            )
        for lic in own:
            warnings.append(
                f"Your {credentials.label(lic)} is {_why_not(lic, self.today)}: renew or reinstate it."
            )

        membership = self.compact.member(code) if self.compact else None
        if self.multistate is not None and membership is not None and membership.practice_allowed:
            lic = self.multistate
            return Authority(
                **base,
                basis=Basis.MULTISTATE,
                detail=f"On your {credentials.label(lic)} ({_status_phrase(membership)}).",
                expires=lic.expires,
                license_id=lic.id,
                warnings=warnings + _partial_warning(membership) + self._move_warning(),
                source=membership.source,
            )

        held = self._privilege_held(code, base, warnings)
        if held is not None:
            return held

        if self.compact is None or membership is None:
            return self._license_needed(base, warnings)
        if membership.status is None:
            return self._license_needed(
                base,
                warnings,
                unknowns=[Unknown(what=f"{self.compact.short_name} membership", link=board)],
            )
        if membership.practice_allowed:
            available = self._available(code, membership, base, warnings)
            if available is not None:
                return available
        if membership.status in (CompactStatus.ENACTED, CompactStatus.PENDING) or (
            membership.status is CompactStatus.PARTIAL and not membership.practice_allowed
        ):
            return self._pending(code, membership, base, warnings)
        died = self.bills.get(code)
        needed = self._license_needed(base, warnings + ([died] if died else []))
        return needed.model_copy(update={"source": membership.source}) if died else needed

    def _privilege_held(
        self, code: str, base: dict[str, Any], warnings: list[str]
    ) -> Authority | None:
        for lic in self.licenses:
            if lic.kind is not LicenseKind.PRIVILEGE or lic.jurisdiction != code:
                continue
            home = credentials.home_license_of(lic, self.records, self.home)
            if not credentials.in_force(lic, self.today):
                warnings.append(
                    f"Your {credentials.label(lic)} is {_why_not(lic, self.today)}: buy it again."
                )
                continue
            blocker = self._privilege_blocker()
            if blocker is not None:
                warnings.append(
                    f"Your {credentials.label(lic)} cannot be used while {blocker[0].lower()}"
                    f"{blocker[1:]}."
                )
                continue
            if home is None or not credentials.unencumbered(home, self.today):
                why = (
                    "no home license is stored for it"
                    if home is None
                    else f"its home license {credentials.label(home)} is "
                    f"{_why_not(home, self.today)}"
                )
                warnings.append(
                    f"Your {credentials.label(lic)} has lapsed because {why}: a privilege lasts "
                    "only while the home license is active and unencumbered."
                )
                continue
            ends = [d for d in (lic.expires, home.expires) if d is not None]
            return Authority(
                **base,
                basis=Basis.PRIVILEGE,
                detail=f"Your {credentials.label(lic)}, resting on {credentials.label(home)}.",
                expires=min(ends) if ends else None,
                license_id=lic.id,
                rests_on=home.id,
                warnings=warnings,
                source=self.compact.member(code).source if self.compact else None,
            )
        return None

    def _available(
        self,
        code: str,
        membership: CompactMembership,
        base: dict[str, Any],
        warnings: list[str],
    ) -> Authority | None:
        assert self.compact is not None
        compact = self.compact
        home_member = self.home_membership
        if compact.model is CompactModel.PRIVILEGE_TO_PRACTICE:
            if home_member is None or home_member.issues_to_residents is not True:
                reason = (
                    f"your home state {self.home} does not issue {compact.short_name} privileges"
                    if self.home
                    else "no home state is set"
                )
                return self._license_needed(base, warnings, reason=reason)
            if self.home_license is None or not credentials.unencumbered(
                self.home_license, self.today
            ):
                reason = f"a privilege needs an active, unencumbered {self.profession} license in {self.home}"
                return self._license_needed(base, warnings, reason=reason)
            blocker = self._privilege_blocker()
            if blocker is not None:
                return self._license_needed(base, warnings, reason=blocker)
            unknowns = []
            if membership.jurisprudence_exam is None:
                unknowns.append(Unknown(what="jurisprudence exam", link=compact.commission.url))
            if membership.privilege_fee_usd is None:
                unknowns.append(Unknown(what="state privilege fee", link=compact.commission.url))
            if compact.rules.no_encumbrance_on_any_license is None:
                unknowns.append(
                    Unknown(
                        what="eligibility with discipline elsewhere", link=compact.commission.url
                    )
                )
            confirm = []
            if compact.rules.adverse_action_lookback_years:
                confirm.append(
                    "Has any license or privilege of yours had disciplinary action in the last "
                    f"{compact.rules.adverse_action_lookback_years} years? Then no privilege "
                    "yet."
                )
            exam = _EXAM_TEXT.get(membership.jurisprudence_exam, _EXAM_TEXT[None])
            return Authority(
                **base,
                basis=Basis.PRIVILEGE_AVAILABLE,
                detail=f"Buy a {compact.short_name} privilege on your {self.home} license "
                f"({exam}).",
                expires=self.home_license.expires,
                rests_on=self.home_license.id,
                warnings=warnings,
                confirm=confirm,
                unknowns=unknowns,
                fee_usd=membership.privilege_fee_usd,
                jurisprudence_exam=membership.jurisprudence_exam,
                source=membership.source,
            )
        # NLC: an upgrade to multistate in the home state would cover this state.
        if home_member is None or home_member.issues_to_residents is not True:
            reason = (
                f"your home state {self.home} is not an NLC state issuing multistate licenses"
                if self.home
                else "no home state is set"
            )
            return self._license_needed(base, warnings, reason=reason)
        if self.upgrade_blockers:
            return self._license_needed(
                base, warnings, reason="you can hold single-state licenses only"
            )
        home_lic = self.home_license
        if home_lic is not None and not credentials.unencumbered(home_lic, self.today):
            return self._license_needed(
                base,
                warnings,
                reason=f"a multistate license needs an active, unencumbered license and your "
                f"{credentials.label(home_lic)} is {home_lic.status} (NLC uniform requirements)",
            )
        how = (
            f"upgrade your {self.home} license to multistate"
            if self.home_license is not None
            else f"get a multistate license from {self.home}"
        )
        confirm = list(self.upgrade_confirm)
        detail = f"Covered once you {how}"
        detail += " (likely eligible: confirm the NLC questions)." if confirm else "."
        return Authority(
            **base,
            basis=Basis.MULTISTATE_AVAILABLE,
            detail=detail,
            warnings=warnings + _partial_warning(membership),
            confirm=confirm,
            source=membership.source,
        )

    def _pending(
        self,
        code: str,
        membership: CompactMembership,
        base: dict[str, Any],
        warnings: list[str],
    ) -> Authority:
        assert self.compact is not None
        when = (
            f"expected {membership.expected.isoformat()}"
            if membership.expected
            else "no start date announced"
        )
        state = _JOINING.get(membership.status, "is joining") if membership.status else "is joining"
        needed = self._license_needed(base, warnings)
        return needed.model_copy(
            update={
                "basis": Basis.COMPACT_PENDING,
                "detail": f"{code} {state} the {self.compact.short_name} but it does not yet "
                f"cover you here ({when}); {needed.detail[0].lower()}{needed.detail[1:]}",
                "expected": membership.expected,
                "source": membership.source,
            }
        )

    def _license_needed(
        self,
        base: dict[str, Any],
        warnings: list[str],
        *,
        reason: str = "",
        unknowns: list[Unknown] | None = None,
    ) -> Authority:
        rules = self.state_rules.get(str(base["code"]))
        detail = "Apply for a license by endorsement"
        if reason:
            detail += f" ({reason})"
        hint = endorsement_hint(rules)
        return Authority(
            **base,
            basis=Basis.LICENSE_NEEDED,
            detail=f"{detail}; {hint}.",
            warnings=warnings,
            unknowns=unknowns or [],
        )


def endorsement_hint(rules: StateRules | None) -> str:
    """`board processing 56-70 days; temporary license available (90 days)`, or unknown."""
    if rules is None:
        return "processing time " + unknown_text(None)
    end = rules.endorsement
    days = end.processing_days
    unit = "business days" if end.business_days else "days"
    if days.min is not None and days.max is not None:
        time = f"board processing {days.min}-{days.max} {unit}"
    elif days.typical is not None:
        time = f"board processing about {days.typical} {unit}"
    elif days.max is not None:
        time = f"board processing up to {days.max} {unit}"
    elif days.min is not None:
        time = f"board processing at least {days.min} {unit}"
    else:
        time = "processing time " + unknown_text(rules.board.url)
    temp = end.temporary_license
    if temp.available:
        time += "; temporary license available"
        if temp.valid_days:
            time += f" ({temp.valid_days} days)"
    elif temp.available is False:
        time += "; no temporary license"
    return time


def _why_not(lic: License, today: dt.date) -> str:
    """Completes 'Your RN license CA #2 is ...'."""
    if lic.status in ("expired", "inactive", "pending", "encumbered"):
        return str(lic.status)
    if lic.expires is not None and lic.expires < today:
        return f"past its expiry date ({lic.expires.isoformat()})"
    return str(lic.status)


def _ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day else dt.date.max.toordinal()


def _status_phrase(membership: CompactMembership) -> str:
    if membership.status is CompactStatus.PARTIAL:
        return "partly implemented: nurses from other NLC states may practise here"
    return f"{membership.code} is a full NLC member"


def _partial_warning(membership: CompactMembership) -> list[str]:
    if membership.status is CompactStatus.PARTIAL and membership.partial_detail:
        return [f"Partial implementation: {membership.partial_detail}"]
    return []
