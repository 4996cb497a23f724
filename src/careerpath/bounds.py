"""The ranges careerpath accepts, in one place: dates, ids, JSON nesting.

Anything outside gets a one-line refusal where it comes in (command line, app form, import),
never a traceback later: a date of 9999-12-31 used to break reminders, CE status and exports;
`--date 0` was read as a Unix time (1970-01-01); an id past SQLite's 64-bit integers and a
JSON file nested thousands deep reached the internal-error path.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)
MAX_ID = 2**63 - 1
"""SQLite's largest INTEGER."""
MAX_JSON_DEPTH = 32
"""An export is nested five deep; 32 leaves room and stays far from Python's recursion limit."""

_ISO_DATE = re.compile(r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$")


def date_input(value: Any) -> Any:
    """Refuse what pydantic would read as a Unix time (`0`, `1700000000`): a date is written
    YYYY-MM-DD. Other values pass on to pydantic's own parsing."""
    if isinstance(value, int | float):  # bool is an int too
        raise ValueError("is not a date (use YYYY-MM-DD)")
    if isinstance(value, str) and value.strip() and not _ISO_DATE.match(value):
        raise ValueError("is not a date (use YYYY-MM-DD)")
    return value


def date_in_range(value: dt.date) -> dt.date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(
            f"{value.isoformat()} is outside {EARLIEST.isoformat()} to {LATEST.isoformat()}"
        )
    return value


def id_in_range(value: int) -> int:
    if not -MAX_ID - 1 <= value <= MAX_ID:
        raise ValueError(f"{value} is larger than any id careerpath can store")
    return value


def json_depth(text: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text (strings skipped), without parsing."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in text:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest
