"""The one notification: how many items are due or overdue, and the most urgent of them."""

from __future__ import annotations

from typing import Any

from careerpath.planner.lead_times import OVERDUE


def most_urgent(items: list[dict[str, Any]]) -> dict[str, Any]:
    return min(items, key=lambda i: (i["severity"] != OVERDUE, i["days_left"], i["text"]))


def when(item: dict[str, Any]) -> str:
    days = item["days_left"]
    if days == 0:
        return "today"
    count = f"{abs(days)} day" + ("" if abs(days) == 1 else "s")
    return f"{count} ago" if days < 0 else f"in {count}"


def summary(items: list[dict[str, Any]]) -> tuple[str, str]:
    """(title, body) for a non-empty list of reminder items (JSON shape)."""
    overdue = sum(1 for i in items if i["severity"] == OVERDUE)
    due = len(items) - overdue
    counts = [f"{overdue} overdue"] if overdue else []
    if due:
        counts.append(f"{due} due")
    title = "careerpath: " + ", ".join(counts)
    top = most_urgent(items)
    body = f"{top['text'][:1].upper()}{top['text'][1:]} ({top['date']}, {when(top)})"
    if len(items) > 1:
        body += f"\n{len(items) - 1} more: run `careerpath remind`"
    return title, body
