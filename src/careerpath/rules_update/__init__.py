"""Newer rules data, downloaded safely: `careerpath data update`, `data rollback`, `data info`.

What the CLI and the terminal app call (the app from a worker thread; nothing here touches the
screen):

    update(home, source, progress=None, limits=None, root=None) -> UpdateResult  # or refused
    rollback(home) -> RulesCopy                                        # back to the previous copy
    current(home) -> RulesCopy                                         # which copy is in use
    previous(home) -> RulesCopy | None                                 # what rollback returns to
    load_current(home, warn=None) -> RulesData                         # its rules, loaded (cached)

One concept per module: `manifest` (the file list with digests and a version), `fetch` (HTTP,
the only network code), `signed` (The Update Framework: what is trusted, checked by ngclient
against the root shipped as trusted_root.json), `install` (stage, validate, rename into place, roll back), `pointer`
(which copy is current), `config` (`[data]` in config.toml). Imports are lazy so that
`careerpath --help` and `careerpath remind` never load httpx.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from careerpath.errors import CareerpathError

if TYPE_CHECKING:
    from careerpath.reference.loader import RulesData
    from careerpath.rules_update.fetch import Limits

Progress = Callable[[int, int], None]
"""Called with (bytes received so far, bytes expected in all) while files download."""


class UpdateRefusedError(CareerpathError):
    """An update that was not installed; the rules data in use is unchanged."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"update refused: {reason}; your rules data is unchanged")
        self.reason = reason


class RulesCopy(NamedTuple):
    kind: Literal["bundled", "downloaded"]
    version: str | None
    """The manifest's version; None only for a checkout whose data/ has no manifest."""
    folder: Path
    installed_at: str | None = None
    """When it was installed (UTC, ISO 8601); None for the bundled copy."""
    source: str | None = None
    """The manifest URL it came from; None for the bundled copy."""
    warning: str | None = None
    """Why the downloaded copy named current is not the one in use (damaged), if so."""


class UpdateResult(NamedTuple):
    status: Literal["updated", "up-to-date"]
    version: str | None
    """The version in use afterwards."""
    previous_version: str | None
    """The version in use before (what `rollback` returns to after an update)."""
    files: int
    """Files downloaded (0 when already up to date)."""
    bytes: int
    source: str
    folder: Path


def update(
    home: Path, source: str, *, progress: Progress | None = None, limits: Limits | None = None,
    root: bytes | None = None,
) -> UpdateResult:  # fmt: skip
    """Refresh the signed (TUF) repository at `source` and, when it holds a newer release, fetch
    its files; install them atomically. `root`: the trusted root (default: the shipped one).

    Raises UpdateRefusedError (one line, ending "your rules data is unchanged") on any failure."""
    from careerpath.rules_update import install

    return install.update(home, source, progress=progress, limits=limits, root=root)


def rollback(home: Path) -> RulesCopy:
    """Make the previous copy current again (a second rollback undoes the first)."""
    from careerpath.rules_update import install

    return install.rollback(home)


def current(home: Path) -> RulesCopy:
    """The copy in use: the downloaded one when current, undamaged and newer than the bundled
    data; otherwise the bundled one (with `warning` set when a downloaded copy is damaged)."""
    from careerpath.rules_update import install

    return install.current(home)


def previous(home: Path) -> RulesCopy | None:
    """The copy `rollback` would make current (None: nothing to roll back to)."""
    from careerpath.rules_update import install

    return install.previous(home)


def in_use(home: Path, warn: Callable[[str], None] | None = None) -> tuple[RulesCopy, RulesData]:
    """The copy in use and its rules, loaded once per folder (loader.load). A damaged
    downloaded copy, or one this careerpath can no longer load, falls back to the bundled data
    and tells `warn` why, in one line."""
    from careerpath.rules_update import install

    return install.in_use(home, warn)


def load_current(home: Path, warn: Callable[[str], None] | None = None) -> RulesData:
    """The rules of the copy in use (see `in_use`)."""
    return in_use(home, warn)[1]
