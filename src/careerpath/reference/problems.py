"""Pinpointing data-file problems: `jurisdictions[12] (OR).ce.hours_per_cycle: ...`."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError


def describe(error: ValidationError, raw: bytes) -> list[str]:
    try:
        document: Any = json.loads(raw)
    except ValueError:
        document = None
    problems = []
    for item in error.errors(include_url=False):
        place = _place(item["loc"], document)
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"{place}: {message}" if place else message)
    return problems


def _place(loc: tuple[int | str, ...], document: Any) -> str:
    parts: list[str] = []
    node = document
    for step in loc:
        if isinstance(step, int):
            label = f"[{step}]"
            if isinstance(node, list) and step < len(node):
                node = node[step]
                if isinstance(node, dict) and "code" in node:
                    label += f" ({node['code']})"
            else:
                node = None
            parts.append(label)
        else:
            node = node.get(step) if isinstance(node, dict) else None
            parts.append(f".{step}" if parts else str(step))
    return "".join(parts)
