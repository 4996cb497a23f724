"""Exact conversion of CE amounts to contact hours.

Boards count CE in contact hours (usually 60 minutes, some 50), and providers print CEUs
(1 CEU = 10 contact hours). Sums are kept as `Fraction` so that many 50-minute sessions add
up exactly; only display rounds.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction


class CEUnit(StrEnum):
    """The unit a CE amount was entered in, kept so the record shows what the certificate says."""

    CONTACT_HOURS = "contact_hours"
    CEU = "ceu"
    MINUTES = "minutes"


CONTACT_HOURS_PER_CEU = 10
MAX_CONTACT_HOURS = Fraction(200)
"""Larger single activities are almost surely typos (a semester course is ~45 contact hours)."""

_UNIT_ALIASES = {
    "h": CEUnit.CONTACT_HOURS, "hr": CEUnit.CONTACT_HOURS, "hrs": CEUnit.CONTACT_HOURS,
    "hour": CEUnit.CONTACT_HOURS, "hours": CEUnit.CONTACT_HOURS, "ch": CEUnit.CONTACT_HOURS,
    "contact_hours": CEUnit.CONTACT_HOURS, "contact-hours": CEUnit.CONTACT_HOURS,
    "contact hours": CEUnit.CONTACT_HOURS,
    "ceu": CEUnit.CEU, "ceus": CEUnit.CEU,
    "min": CEUnit.MINUTES, "mins": CEUnit.MINUTES, "minute": CEUnit.MINUTES,
    "minutes": CEUnit.MINUTES,
}  # fmt: skip


def parse_unit(text: str) -> CEUnit:
    """Read a unit as people type it (`ceu`, `hours`, `min`)."""
    unit = _UNIT_ALIASES.get(text.strip().lower())
    if unit is None:
        raise ValueError(f"{text!r} is not a CE unit (use contact_hours, ceu or minutes)")
    return unit


def contact_hours(amount: Decimal, unit: CEUnit, minutes_per_hour: int = 60) -> Fraction:
    """Contact hours for an entered amount, exactly.

    `minutes_per_hour` matters only for minutes: a board that counts 50-minute hours credits
    100 minutes as 2 hours.
    """
    value = Fraction(amount)
    if unit is CEUnit.CEU:
        return value * CONTACT_HOURS_PER_CEU
    if unit is CEUnit.MINUTES:
        return value / minutes_per_hour
    return value


def to_decimal(value: Fraction, places: int = 2) -> Decimal:
    """Round a fraction of hours for display and JSON (half up, as boards round)."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP).normalize() + Decimal(0)


def format_hours(value: Fraction | Decimal) -> str:
    """`12.5`, `3`, `0.83`: no trailing zeros."""
    dec = to_decimal(Fraction(value)) if not isinstance(value, Decimal) else value
    return format(dec.normalize(), "f")
