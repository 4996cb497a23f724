"""Filters and totals for `ce list` over raw rows."""

from __future__ import annotations

import argparse
from decimal import Decimal
from fractions import Fraction
from typing import Any

from careerpath.hours import CEUnit, contact_hours, format_hours


def filter_rows(found: list[dict[str, Any]], args: argparse.Namespace) -> list[dict[str, Any]]:
    since = getattr(args, "since", None)
    until = getattr(args, "until", None)
    topic = getattr(args, "topic_filter", None)
    license_id = getattr(args, "license", None)
    provider = getattr(args, "provider_filter", None)
    text = getattr(args, "search", None)
    out = []
    for row in found:
        if since and row["completed"] < since.isoformat():
            continue
        if until and row["completed"] > until.isoformat():
            continue
        if topic and topic not in row["topics"]:
            continue
        if license_id is not None and license_id not in row["claimed_for"]:
            continue
        if provider and provider.lower() not in (row.get("provider") or "").lower():
            continue
        if text and text.lower() not in row["title"].lower():
            continue
        out.append(row)
    return out


def total_line(found: list[dict[str, Any]]) -> str:
    total = sum(
        (contact_hours(Decimal(row["amount"]), CEUnit(row["unit"])) for row in found), Fraction(0)
    )
    return f"{len(found)} activities, {format_hours(total)} contact hours"
