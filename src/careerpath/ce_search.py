"""The CE log's filter box: free text plus `topic:`, `provider:`, `from:` and `to:` terms.

Pure and fast (it runs on every keystroke over years of records); a malformed term is reported
and ignored, never an error that empties the table.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from careerpath.records import CEActivity

KEYS = ("topic", "provider", "from", "to")


class CEQuery(NamedTuple):
    words: tuple[str, ...] = ()
    topic: str | None = None
    provider: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    problems: tuple[str, ...] = ()


def parse(text: str) -> CEQuery:
    words: list[str] = []
    found: dict[str, str] = {}
    problems: list[str] = []
    dates: dict[str, dt.date] = {}
    for token in text.split():
        key, sep, value = token.partition(":")
        key = key.lower()
        if sep and key in KEYS and value:
            if key in {"from", "to"}:
                try:
                    dates[key] = dt.date.fromisoformat(value)
                except ValueError:
                    problems.append(f"{key}:{value} is not a date (YYYY-MM-DD)")
            else:
                found[key] = value.lower()
        else:
            words.append(token.lower())
    return CEQuery(
        words=tuple(words),
        topic=found.get("topic"),
        provider=found.get("provider"),
        since=dates.get("from"),
        until=dates.get("to"),
        problems=tuple(problems),
    )


def matches(activity: CEActivity, query: CEQuery) -> bool:
    if query.since and activity.completed < query.since:
        return False
    if query.until and activity.completed > query.until:
        return False
    if query.topic and not any(query.topic in t for t in activity.topics):
        return False
    if query.provider and query.provider not in (activity.provider or "").lower():
        return False
    if query.words:
        haystack = " ".join([activity.title, activity.provider or "", *activity.topics]).lower()
        return all(word in haystack for word in query.words)
    return True


def in_window(
    activity: CEActivity, license_id: int | None, start: dt.date | None, end: dt.date | None
) -> bool:
    """Completed inside a license's renewal window and not claimed only for other licenses."""
    if start and activity.completed < start:
        return False
    if end and activity.completed > end:
        return False
    return not activity.claimed_for or license_id in activity.claimed_for
