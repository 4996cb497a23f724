"""Is a multistate license multistate today? The NLC ties it to the primary state of residence.

A multistate license exists only while its issuing state is the nurse's home state. After a move to another party state the nurse must apply there within 60
days (NLC rule 402(2)) and may keep practising on the old multistate license until the new home
state issues its own (rule 403(1)); after a move to a state that does not issue multistate
licenses, the old one becomes a single-state license of its issuing state (NLC Article IV(c)). The planner never
treats a multistate license as multistate outside those windows.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from careerpath.records import License, LicenseKind, LicenseStatus, Profile, Records
from careerpath.reference.loader import RulesData
from careerpath.reference.schema import Compact, CompactModel

MOVE_APPLY_DAYS = 60
"""NLC rule 402(2): apply for the new home state's multistate license within 60 days."""


class Standing(StrEnum):
    HOME = "home"
    """Issued by the home state: multistate."""
    MOVE_GRACE = "move_grace"
    """Moved to another NLC state: valid until the new home state issues, apply by a date."""
    SINGLE_STATE = "single_state"
    """Home is not an NLC state issuing multistate licenses: valid in its issuing state only."""
    LAPSED = "lapsed"
    """Moved more than 60 days ago with no application in the new home state recorded."""
    UNKNOWN = "unknown"
    """The records cannot tell (no home state, or no date of the move)."""

    @property
    def multistate(self) -> bool:
        return self in (Standing.HOME, Standing.MOVE_GRACE)


class Residence(BaseModel):
    """How residence bears on one multistate license on one day."""

    model_config = ConfigDict(frozen=True)

    standing: Standing
    home: str | None
    reason: str
    """One sentence for the user: why the license is or is not multistate today."""
    apply_by: dt.date | None = None
    """After a dated move between NLC states: the last day to apply in the new home state
    (passed when the standing is lapsed)."""
    source: str | None = None
    """Where the compact data states the move rules."""


def home_on(profile: Profile | None, day: dt.date) -> str | None:
    """The primary state of residence on `day`: the previous home before a dated move."""
    if profile is None:
        return None
    if profile.home_since is not None and day < profile.home_since:
        return profile.previous_home
    return profile.home_state


def multistate_residence(
    lic: License,
    records: Records,
    compact: Compact,
    on: dt.date,
    home: str | None,
    *,
    home_since: dt.date | None,
    previous_home: str | None,
) -> Residence:
    """Whether `lic` (recorded as multistate) carries multistate practice on `on`."""
    found = _standing(lic, records, compact, on, home, home_since, previous_home)
    return found.model_copy(update={"source": compact.rules.source})


def _standing(
    lic: License,
    records: Records,
    compact: Compact,
    on: dt.date,
    home: str | None,
    home_since: dt.date | None,
    previous_home: str | None,
) -> Residence:
    issuer = lic.jurisdiction
    if home is None:
        return Residence(
            standing=Standing.UNKNOWN,
            home=None,
            reason=f"no home state is set, so whether your {issuer} license is multistate is "
            "unknown (careerpath profile set --home-state XX)",
        )
    if issuer == home:
        return Residence(standing=Standing.HOME, home=home, reason=f"{issuer} is your home state")
    member = compact.member(home)
    if member.issues_to_residents is not True:
        return Residence(
            standing=Standing.SINGLE_STATE,
            home=home,
            reason=f"you live in {home}, which does not issue NLC multistate licenses: your "
            f"{issuer} license is valid in {issuer} only (NLC Article IV(c))",
        )
    if previous_home is not None and previous_home != issuer:
        return Residence(
            standing=Standing.LAPSED,
            home=home,
            reason=f"your multistate license is from {issuer} but you moved to {home} from "
            f"{previous_home}: it stopped being multistate when you left {issuer}",
        )
    if home_since is None:
        return Residence(
            standing=Standing.UNKNOWN,
            home=home,
            reason=f"your multistate license is from {issuer} but your home state is {home}: "
            f"it is multistate only during the {MOVE_APPLY_DAYS} days after a move (and while "
            f"your {home} application is processed); add the date you moved "
            "(careerpath profile set --home-since YYYY-MM-DD)",
        )
    apply_by = home_since + dt.timedelta(days=MOVE_APPLY_DAYS)
    applied = _applied_in(records, lic, home)
    if on <= apply_by or applied:
        why = (
            f"your {home} application is recorded, and the {issuer} license stays valid until "
            f"{home} issues (NLC rule 403(1))"
            if applied
            else f"you moved to {home} on {home_since.isoformat()}: apply for a {home} "
            f"multistate license by {apply_by.isoformat()} (NLC rule 402(2)); the {issuer} "
            f"license stays valid until {home} issues it (rule 403(1))"
        )
        return Residence(
            standing=Standing.MOVE_GRACE,
            home=home,
            reason=why,
            apply_by=None if applied else apply_by,
        )
    return Residence(
        standing=Standing.LAPSED,
        home=home,
        apply_by=apply_by,
        reason=f"you moved to {home} on {home_since.isoformat()} and no {home} application is "
        f"recorded: the {MOVE_APPLY_DAYS} days to apply ended {apply_by.isoformat()}, so your "
        f"{issuer} license no longer carries multistate practice (add your {home} license "
        "with --status pending once you apply)",
    )


def _applied_in(records: Records, lic: License, home: str) -> bool:
    """A license of the same profession in the new home state, applied for or issued."""
    return any(
        other.jurisdiction == home
        and other.profession == lic.profession
        and other.kind is not LicenseKind.PRIVILEGE
        and other.status in (LicenseStatus.PENDING, LicenseStatus.ACTIVE)
        for other in records.licenses
    )


def move_deadlines(
    records: Records, rules: RulesData, today: dt.date
) -> list[tuple[License, Residence]]:
    """Multistate licenses after a dated move between NLC states with no new-home license
    applied for: each with its apply-by date (past, once the 60 days are over)."""
    profile = records.profile
    if profile is None:
        return []
    found = []
    for lic in records.licenses:
        compact = rules.compact_for(str(lic.profession), today)
        if (
            lic.kind is not LicenseKind.MULTISTATE
            or compact is None
            or compact.model is not CompactModel.MULTISTATE_LICENSE
        ):
            continue
        residence = multistate_residence(
            lic,
            records,
            compact,
            today,
            home_on(profile, today),
            home_since=profile.home_since,
            previous_home=profile.previous_home,
        )
        moving = residence.standing in (Standing.MOVE_GRACE, Standing.LAPSED)
        if moving and residence.apply_by is not None:
            found.append((lic, residence))
    return found


def residence_changes(profile: Profile | None) -> list[dt.date]:
    """Days on which a residence answer may change: the move, and the end of its 60 days."""
    if profile is None or profile.home_since is None:
        return []
    since = profile.home_since
    return [since, since + dt.timedelta(days=MOVE_APPLY_DAYS + 1)]
