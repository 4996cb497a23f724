"""What moving home would change (`careerpath where --if-home XX`).

Compact rights follow the primary state of residence. The NLC asks a nurse who moves to
another compact state to apply there within 60 days (rule 402(2)); moving to a non-compact
state turns the old multistate license into a single-state one. A PT/OT/ASLP privilege rests
on a home-state license, so a move needs a license in the new home state first.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from careerpath import jurisdictions
from careerpath.planner import credentials
from careerpath.planner.where import WhereReport, where
from careerpath.records import License, LicenseKind, LicenseStatus, Records
from careerpath.reference.loader import RulesData
from careerpath.reference.schema import CompactModel


class MoveReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    profession: str
    from_state: str | None
    to_state: str
    apply_for: list[str] = Field(default_factory=list)
    lose: list[str] = Field(default_factory=list)
    """Jurisdictions where the user may practise now but not after the move."""
    gain: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    before: WhereReport
    after: WhereReport


def if_home(
    records: Records, rules: RulesData, today: dt.date, profession: str, new_home: str
) -> MoveReport:
    """Compare today's answer with the answer after moving to `new_home` and doing the paperwork."""
    new_home = jurisdictions.normalize(new_home)
    before = where(records, rules, today, profession)
    old_home = before.home_state
    compact = rules.compact_for(profession, today)
    member = compact.member(new_home) if compact else None
    new_is_member = bool(member and member.issues_to_residents)
    mine = [lic for lic in records.licenses if lic.profession == profession]
    held_new = [
        lic
        for lic in mine
        if lic.jurisdiction == new_home
        and lic.kind is not LicenseKind.PRIVILEGE
        and credentials.in_force(lic, today)
    ]
    apply_for: list[str] = []
    notes: list[str] = []
    changed: list[License] = []
    next_id = max((lic.id or 0 for lic in records.licenses), default=0) + 1
    assumed: License | None = None

    if compact is not None and compact.model is CompactModel.MULTISTATE_LICENSE:
        multistate = [lic for lic in mine if lic.kind is LicenseKind.MULTISTATE]
        for lic in multistate:
            if lic.jurisdiction != new_home:
                changed.append(lic.model_copy(update={"kind": LicenseKind.SINGLE_STATE}))
        if new_is_member:
            apply_for.append(
                f"A multistate {profession} license from {new_home} (by endorsement), "
                "within 60 days of moving; you may keep practising on your current multistate "
                "license while it is processed."
                if multistate
                else f"A multistate {profession} license from {new_home} (by endorsement)."
            )
            assumed = _assumed(held_new, profession, new_home, LicenseKind.MULTISTATE, next_id)
        else:
            if multistate:
                notes.append(
                    f"{new_home} does not issue multistate licenses: your multistate license "
                    "would become a single-state license valid only in its issuing state."
                )
            if not held_new:
                apply_for.append(
                    f"{_a(profession)} {profession} license from {new_home} by endorsement."
                )
                assumed = _assumed([], profession, new_home, LicenseKind.SINGLE_STATE, next_id)
    else:
        if not held_new:
            apply_for.append(
                f"{_a(profession)} {profession} license from {new_home} by endorsement."
            )
            assumed = _assumed([], profession, new_home, LicenseKind.SINGLE_STATE, next_id)
        if compact is not None:
            if new_is_member:
                notes.append(
                    f"Tell the {compact.short_name} commission about the new home state; your "
                    f"privileges would then rest on the {new_home} license and expire with it."
                )
            else:
                notes.append(
                    f"{new_home} does not issue {compact.short_name} privileges: the privileges "
                    "you hold end with your old home license and cannot be renewed."
                )

    after_records = _moved(records, changed, assumed, new_home, new_is_member)
    after = where(after_records, rules, today, profession, home_state=new_home)
    now = set(before.practisable())
    later = set(after.practisable())
    return MoveReport(
        profession=profession,
        from_state=old_home,
        to_state=new_home,
        apply_for=apply_for,
        lose=sorted(now - later),
        gain=sorted(later - now),
        notes=notes,
        before=before,
        after=after,
    )


def _assumed(
    held: list[License], profession: str, state: str, kind: LicenseKind, new_id: int
) -> License:
    """The license the user would hold after applying (an upgrade of one already held)."""
    if held:
        return held[0].model_copy(update={"kind": kind})
    return License(
        id=new_id,
        profession=profession,
        jurisdiction=state,
        kind=kind,
        status=LicenseStatus.ACTIVE,
        note="assumed for the move",
    )


def _moved(
    records: Records,
    changed: list[License],
    assumed: License | None,
    new_home: str,
    new_is_member: bool,
) -> Records:
    replaced = {lic.id: lic for lic in changed}
    licenses = [replaced.get(lic.id, lic) for lic in records.licenses]
    if assumed is not None:
        licenses = [lic for lic in licenses if lic.id != assumed.id] + [assumed]
        if new_is_member:
            # Privileges now rest on the new home license.
            licenses = [
                lic.model_copy(update={"home_license_id": assumed.id})
                if lic.kind is LicenseKind.PRIVILEGE and lic.profession == assumed.profession
                else lic
                for lic in licenses
            ]
    profile = (
        records.profile.model_copy(update={"home_state": new_home}) if records.profile else None
    )
    return records.model_copy(update={"licenses": licenses, "profile": profile})


def _a(profession: str) -> str:
    """'An RN', 'a PT': the article as the letters are spoken."""
    return "An" if profession[:1] in "AEFHILMNORSX" else "A"
