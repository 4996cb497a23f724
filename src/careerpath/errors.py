"""Errors the user can act on: one sentence, no traceback."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class CareerpathError(Exception):
    """A refused action or unusable input; `str()` is the one line shown to the user."""


class UsageError(CareerpathError):
    """The command line itself is wrong (exit status 2)."""


_FRIENDLY = {
    "date_from_datetime_parsing": "is not a date (use YYYY-MM-DD)",
    "date_parsing": "is not a date (use YYYY-MM-DD)",
    "date_type": "is not a date (use YYYY-MM-DD)",
    "decimal_parsing": "is not a number",
    "decimal_type": "is not a number",
    "int_parsing": "is not a whole number",
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "enum": "is not one of the allowed values",
    "string_too_short": "must not be empty",
}


_BOUNDS = {
    "less_than_equal": ("le", "at most"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "less than"),
    "greater_than": ("gt", "more than"),
    "string_too_long": ("max_length", "at most this many characters:"),
}


def describe_validation(
    error: ValidationError, what: str = "", names: Mapping[str, str] | None = None
) -> str:
    """Turn a pydantic error into `field: problem; field: problem` on one line.

    `names` renames fields to what the user typed (a CSV column `date` for `completed`)."""
    parts: list[str] = []
    for item in error.errors(include_url=False):
        loc = [str(p) for p in item["loc"]]
        if names and loc:
            loc[0] = names.get(loc[0], loc[0])
        where = ".".join(loc)
        kind = item["type"]
        if kind == "value_error":
            message = str(item["msg"]).removeprefix("Value error, ")
        elif kind in _FRIENDLY:
            shown = item.get("input")
            friendly = _FRIENDLY[kind]
            if kind == "enum":
                expected = item.get("ctx", {}).get("expected", "")
                friendly = f"must be one of {expected}"
            message = (
                friendly
                if kind in {"missing", "extra_forbidden"} or shown is None
                else f"{shown!r} {friendly}"
            )
        elif kind in _BOUNDS:
            limit = item.get("ctx", {}).get(_BOUNDS[kind][0])
            message = f"{item.get('input')!r} must be {_BOUNDS[kind][1]} {limit}"
        else:
            message = str(item["msg"])
        parts.append(f"{where}: {message}" if where else message)
    prefix = f"{what}: " if what else ""
    return prefix + "; ".join(parts)
