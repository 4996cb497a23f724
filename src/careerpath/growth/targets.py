"""Which roles a user is shown: the ones their professions fill, the default one first.

One place for the CLI and the app, so an OT without a target role is never shown a nurse's
role in either, and both say the same thing when no role fits.
"""

from __future__ import annotations

from careerpath.errors import CareerpathError
from careerpath.planner import credentials
from careerpath.records import Records
from careerpath.reference.roles import Role, default_role, find_role, roles_for


class NoRoleError(CareerpathError):
    pass


def my_roles(roles: dict[str, Role], records: Records) -> dict[str, Role]:
    """The roles the user's professions fill (every role when the profile names none)."""
    return roles_for(roles, credentials.professions_of(records))


def my_default_role(roles: dict[str, Role], records: Records) -> Role | None:
    profile = records.profile
    return default_role(
        roles,
        credentials.professions_of(records),
        profile.target_roles if profile else (),
        profile.specialty if profile else None,
    )


def no_role_message(roles: dict[str, Role], records: Records) -> str:
    mine = credentials.professions_of(records)
    served = sorted({p for r in roles.values() for p in r.professions})
    return (
        f"no role profile for {', '.join(mine)} yet; roles exist for {', '.join(served)}."
        " Pick one with --role if it fits your work"
    )


def target_role(roles: dict[str, Role], records: Records, wanted: str | None) -> Role:
    """The role named on the command line, else the default; a clear error when none fits."""
    if wanted:
        return find_role(roles, wanted, credentials.professions_of(records))
    found = my_default_role(roles, records)
    if found is None:
        raise NoRoleError(no_role_message(roles, records))
    return found
