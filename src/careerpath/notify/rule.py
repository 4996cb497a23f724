"""Each reminder is notified once per lead time it crosses (and once when it becomes overdue),
not on every daily run.

Works on the JSON shape of reminder items (planner/lead_times.py), like the cron path of
`careerpath remind`, so it needs no pydantic. An item is known by its record, kind and date: a
renewal moves the date, so the renewed license starts again at its first lead time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from careerpath.planner.lead_times import OVERDUE

Sent = dict[str, list[str]]
"""Item key -> the stages already notified ("90", "30", "overdue", ...)."""

KEEP_DAYS = 366
"""Stages of items dated longer ago than this are forgotten (the state file stays small)."""


def item_key(item: dict[str, Any]) -> str:
    ident = item["record_id"] if item.get("record_id") is not None else item["text"]
    return f"{item['record']}:{ident}:{item['kind']}:{item['date']}"


def stage(item: dict[str, Any]) -> str | None:
    """The threshold the item is past today: "overdue", a lead time, or None (inside the
    window but before every lead time: nothing to notify yet)."""
    if item["severity"] == OVERDUE:
        return OVERDUE
    lead = item.get("lead")
    return None if lead is None else str(lead)


def to_notify(items: list[dict[str, Any]], sent: Sent) -> list[dict[str, Any]]:
    """The items that have crossed a threshold not yet notified for them."""
    return [
        item
        for item in items
        if (found := stage(item)) is not None and found not in sent.get(item_key(item), [])
    ]


def remember(items: list[dict[str, Any]], sent: Sent, today: dt.date) -> Sent:
    """`sent` plus today's stages of `items`, without entries for long-past dates."""
    out = {key: list(stages) for key, stages in sent.items() if _recent(key, today)}
    for item in items:
        found = stage(item)
        if found is None:
            continue
        stages = out.setdefault(item_key(item), [])
        if found not in stages:
            stages.append(found)
    return out


def _recent(key: str, today: dt.date) -> bool:
    try:
        date = dt.date.fromisoformat(key.rsplit(":", 1)[1])
    except ValueError:
        return False
    return (today - date).days <= KEEP_DAYS
