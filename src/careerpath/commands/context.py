"""What every command gets: the data folder, the what-if date, and output helpers."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.planner.settings import PlannerSettings
    from careerpath.records import Records
    from careerpath.reference.loader import RulesData
    from careerpath.store.repository import Store


class Context:
    """Plain class, not a dataclass: dataclasses cost ~10 ms of start-up in a CLI."""

    def __init__(
        self, home: Path, today: dt.date, debug: bool = False, config: Path | None = None
    ) -> None:
        self.home = home
        self.today = today
        self.debug = debug
        self.config = config or home
        self._store: Store | None = None
        self._warned: set[str] = set()

    def store(self) -> Store:
        """Open the database on first use (so `--help` and `data` commands never touch it)."""
        if self._store is None:
            from careerpath.store.repository import Store

            self._store = Store(self.home)
        return self._store

    def has_store(self) -> bool:
        """Whether a database exists (or is open) in the data folder."""
        from careerpath.paths import DB_NAME

        return self._store is not None or (self.home / DB_NAME).exists()

    def records(self) -> Records:
        """Everything the user keeps; an empty set when nothing is stored yet."""
        from careerpath.paths import DB_NAME
        from careerpath.records import Records

        if not (self.home / DB_NAME).exists():
            return Records()
        return self.store().records()

    def rules(self) -> RulesData:
        """The rules in use: a downloaded update when one is current and sound, else bundled."""
        from careerpath.rules_update import load_current

        return load_current(self.home, self.warn)

    def warn(self, message: str) -> None:
        """A one-line warning on stderr, once per message."""
        if message not in self._warned:
            self._warned.add(message)
            print(f"careerpath: warning: {message}", file=sys.stderr)

    def settings(self) -> PlannerSettings:
        from careerpath.planner.settings import load_settings

        return load_settings(self.config)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def print_json(value: Any) -> None:
    """Indented for a person at a terminal; compact (C-encoded, ~10x faster) into a pipe."""
    if sys.stdout.isatty():
        text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    else:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
    sys.stdout.write(text + "\n")


def render_table(headers: list[str], body: list[list[str]]) -> str:
    """A plain aligned text table (the CLI stays free of rich)."""
    if not body:
        return ""
    widths = [len(h) for h in headers]
    for row in body:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def show(value: object | None) -> str:
    if value is None or value == "" or value == []:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
