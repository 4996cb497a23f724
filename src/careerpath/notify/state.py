"""What has been notified, in `notified.json` in the data folder (rewritten atomically)."""

from __future__ import annotations

import json
from pathlib import Path

from careerpath.exports.files import write_atomic
from careerpath.notify.rule import Sent

STATE_NAME = "notified.json"


def load(home: Path) -> Sent:
    """The stages notified so far; empty when the file is missing or unreadable (the worst
    case is one repeated notification, never a lost one)."""
    try:
        data = json.loads((home / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(s) for s in v] for k, v in data.items() if isinstance(v, list)}


def save(home: Path, sent: Sent) -> None:
    text = json.dumps(sent, indent=1, sort_keys=True) + "\n"
    write_atomic(home / STATE_NAME, text.encode("utf-8"))
