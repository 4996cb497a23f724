"""The 56 US licensing jurisdictions by USPS code: 50 states, DC and five territories.

Kept in code, not in data/, because the list does not go stale and every layer needs it.
"""

from __future__ import annotations

STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
DISTRICT: dict[str, str] = {"DC": "District of Columbia"}
TERRITORIES: dict[str, str] = {
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

NAMES: dict[str, str] = dict(sorted({**STATES, **DISTRICT, **TERRITORIES}.items()))
"""Every jurisdiction code to its name, sorted by code."""

CODES: tuple[str, ...] = tuple(NAMES)
STATES_AND_DC: tuple[str, ...] = tuple(sorted({**STATES, **DISTRICT}))

_BY_NAME = {name.lower(): code for code, name in NAMES.items()}


class UnknownJurisdictionError(ValueError):
    """Raised for a code that is not one of the 56 jurisdictions."""


def normalize(value: str) -> str:
    """Return the USPS code for a code or full name, case-insensitively.

    >>> normalize(" or ")
    'OR'
    >>> normalize("new york")
    'NY'
    """
    text = value.strip()
    code = text.upper()
    if code in NAMES:
        return code
    by_name = _BY_NAME.get(text.lower())
    if by_name:
        return by_name
    raise UnknownJurisdictionError(
        f"{value!r} is not a US state, DC or territory code (e.g. OR, TX, DC, PR)"
    )


def name(code: str) -> str:
    """Full name for a code (already normalized)."""
    return NAMES[code]
