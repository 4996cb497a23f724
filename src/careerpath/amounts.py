"""Reading CE amounts as people write them: `1.5`, `90min`, `0.2 ceu`, `2h`."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from careerpath.errors import CareerpathError
from careerpath.hours import parse_unit

_AMOUNT = re.compile(r"^\s*(?P<number>[-+]?\d+(?:\.\d+)?|[-+]?\.\d+)\s*(?P<unit>[A-Za-z _-]*)\s*$")


def split_amount(text: str) -> tuple[Decimal, str | None]:
    """Number and optional unit; the unit is returned as a CEUnit value string."""
    match = _AMOUNT.match(text)
    if not match:
        raise CareerpathError(f"hours {text!r} is not a number (e.g. 1.5, 90min, 0.2ceu)")
    try:
        number = Decimal(match["number"])
    except InvalidOperation:  # pragma: no cover - the regex admits only decimals
        raise CareerpathError(f"hours {text!r} is not a number") from None
    unit_text = match["unit"].strip()
    if not unit_text:
        return number, None
    try:
        return number, parse_unit(unit_text).value
    except ValueError as exc:
        raise CareerpathError(str(exc)) from None


def with_unit_from_amount(data: dict[str, Any]) -> dict[str, Any]:
    """Split `amount: "90min"` into amount and unit, refusing a clash with an explicit unit."""
    amount, unit = split_amount(str(data["amount"]))
    out = {**data, "amount": amount}
    if unit is not None:
        if data.get("unit") not in (None, unit):
            raise CareerpathError(f"--hours says {unit} but --unit says {data['unit']}")
        out["unit"] = unit
    return out
