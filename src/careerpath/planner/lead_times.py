"""Which dated obligations are overdue or due today, and at which lead time.

Kept free of pydantic: the cron path of `careerpath remind` classifies cached obligations with
these same functions, so a cached answer and a fresh one cannot differ.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

OVERDUE = "overdue"
DUE = "due"
EXIT_NOTHING_DUE = 0
EXIT_DUE = 10
EXIT_OVERDUE = 11


def classify(
    date: dt.date, today: dt.date, window: int, leads: tuple[int, ...], *, overdue: bool = False
) -> tuple[str, int | None, int] | None:
    """(severity, lead time crossed, days left), or None when beyond the window."""
    days = (date - today).days
    if days > window and not overdue:
        return None
    if overdue or days < 0:
        return OVERDUE, None, days
    return DUE, min((d for d in leads if d >= days), default=None), days


def exit_status(severities: list[str]) -> int:
    if OVERDUE in severities:
        return EXIT_OVERDUE
    return EXIT_DUE if severities else EXIT_NOTHING_DUE


def report_from_obligations(
    obligations: list[dict[str, Any]], today: dt.date, window: int, leads: tuple[int, ...]
) -> dict[str, Any]:
    """The JSON shape of `ReminderReport` (plus exit_status) from obligations in JSON form."""
    items = []
    for ob in obligations:
        date = dt.date.fromisoformat(ob["date"])
        found = classify(date, today, window, leads, overdue=ob["overdue"])
        if found is None:
            continue
        severity, lead, days = found
        items.append({
            "date": ob["date"], "days_left": days, "severity": severity, "lead": lead,
            "kind": ob["kind"],
            "text": ob["past_text"] if severity == OVERDUE and ob["past_text"] else ob["text"],
            "record": ob["record"], "record_id": ob["record_id"],
        })  # fmt: skip
    items.sort(key=lambda i: (i["date"], i["kind"], i["text"]))
    return {
        "today": today.isoformat(),
        "within_days": window,
        "lead_times": list(leads),
        "items": items,
        "exit_status": exit_status([i["severity"] for i in items]),
    }
