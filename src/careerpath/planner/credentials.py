"""Which of the user's licenses are in force on a date, and how to name them."""

from __future__ import annotations

import datetime as dt

from careerpath.records import Certification, License, LicenseKind, LicenseStatus, Records

IN_FORCE = frozenset({LicenseStatus.ACTIVE, LicenseStatus.ENCUMBERED})

_KIND_LABEL = {
    LicenseKind.SINGLE_STATE: "license",
    LicenseKind.MULTISTATE: "multistate license",
    LicenseKind.PRIVILEGE: "compact privilege",
}


def in_force(lic: License, on: dt.date) -> bool:
    """Active (or encumbered) and not past its expiry date; no stored expiry counts as in force."""
    return lic.status in IN_FORCE and (lic.expires is None or lic.expires >= on)


def unencumbered(lic: License, on: dt.date) -> bool:
    """In force without discipline: only such a license carries compact rights."""
    return in_force(lic, on) and lic.status is LicenseStatus.ACTIVE


def label(lic: License) -> str:
    """`RN multistate license TX #12`: what a nurse would call it."""
    ident = f" #{lic.id}" if lic.id is not None else ""
    return f"{lic.profession} {_KIND_LABEL[lic.kind]} {lic.jurisdiction}{ident}"


def by_id(records: Records) -> dict[int, License]:
    return {lic.id: lic for lic in records.licenses if lic.id is not None}


def home_license_of(privilege: License, records: Records, home_state: str | None) -> License | None:
    """The license a compact privilege rests on: its stored link, else the home-state license."""
    if privilege.home_license_id is not None:
        return by_id(records).get(privilege.home_license_id)
    if home_state is None:
        return None
    for lic in records.licenses:
        if (
            lic.jurisdiction == home_state
            and lic.profession == privilege.profession
            and lic.kind is not LicenseKind.PRIVILEGE
        ):
            return lic
    return None


def professions_of(records: Records, profession: str | None = None) -> list[str]:
    """The professions to answer for: the one asked, else the profile's, else the licenses'."""
    if profession is not None:
        return [profession]
    if records.profile is not None and records.profile.professions:
        return [str(p) for p in records.profile.professions]
    return list(dict.fromkeys(str(lic.profession) for lic in records.licenses))


def current_certifications(records: Records) -> list[Certification]:
    """Certifications not superseded by a later record of the same name (a renewed BLS card
    replaces the old one, whose expiry is then no longer an obligation)."""
    latest: dict[str, Certification] = {}
    undated: list[Certification] = []
    for cert in records.certifications:
        if cert.expiry is None:  # never expires, or the date is not recorded
            undated.append(cert)
            continue
        key = cert.name.casefold()
        best = latest.get(key)
        if best is None or (best.expiry is not None and cert.expiry > best.expiry):
            latest[key] = cert
    return [*latest.values(), *undated]
