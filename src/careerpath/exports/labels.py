"""Short names for records, as a person reads them on a phone or a printed page."""

from __future__ import annotations

from careerpath.records import License, LicenseKind

KIND_WORDS = {
    LicenseKind.SINGLE_STATE: "single-state",
    LicenseKind.MULTISTATE: "multistate",
    LicenseKind.PRIVILEGE: "compact privilege",
}

_SHORT_KIND = {
    LicenseKind.SINGLE_STATE: "license",
    LicenseKind.MULTISTATE: "multistate license",
    LicenseKind.PRIVILEGE: "privilege",
}


def short_license(lic: License) -> str:
    """`RN license OR`, `RN multistate license TX`, `PT privilege OR` (no record id)."""
    return f"{lic.profession} {_SHORT_KIND[lic.kind]} {lic.jurisdiction}"
