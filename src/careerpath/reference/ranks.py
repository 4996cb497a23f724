"""How much authority each source URL has: the registry in data/sources/registry.json.

Described once per publisher (a host, or a host and path prefix), not per fact: every source
URL in the rules data must match an entry, or the folder does not load. The rank says how far
a fact can be trusted without checking (official > association or government news > staffing or
CE vendor > anything else).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, PrivateAttr, ValidationError, field_validator

from careerpath.reference.schema import DataModel

REGISTRY_PATH = Path("sources") / "registry.json"
"""Where a rules-data folder keeps its registry."""


class Rank(StrEnum):
    OFFICIAL = "official"
    """Board, commission, statute, regulation, legislature, or the compact's own system."""
    ASSOCIATION = "association"
    """A professional association, or government or news reporting about the rule."""
    VENDOR = "vendor"
    """A staffing agency or CE vendor."""
    OTHER = "other"
    """Anything else: legal-text mirrors, blogs, aggregators."""

    @property
    def order(self) -> int:
        return list(Rank).index(self)


class Publisher(DataModel):
    match: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z0-9-]+(/[^\s]*)?$")
    """A host (without `www.` or port), optionally followed by a path prefix."""
    rank: Rank
    publisher: str = Field(min_length=2)


class Registry(DataModel):
    about: str | None = None
    publishers: list[Publisher]
    _index: dict[str, list[Publisher]] | None = PrivateAttr(default=None)

    @field_validator("publishers")
    @classmethod
    def _once_each(cls, value: list[Publisher]) -> list[Publisher]:
        matches = [p.match for p in value]
        dupes = sorted({m for m in matches if matches.count(m) > 1})
        if dupes:
            raise ValueError(f"listed more than once: {', '.join(dupes)}")
        return value

    def lookup(self, url: str) -> Publisher | None:
        """The entry with the longest match for this URL's host and path, if any."""
        key = url_key(url)
        best: Publisher | None = None
        for entry in self._by_host().get(host(url), ()):
            if _covers(entry.match, key) and (best is None or len(entry.match) > len(best.match)):
                best = entry
        return best

    def _by_host(self) -> dict[str, list[Publisher]]:
        """Entries by host, built once: a rules folder cites thousands of URLs."""
        if self._index is None:
            self._index = {}
            for entry in self.publishers:
                self._index.setdefault(entry.match.partition("/")[0], []).append(entry)
        return self._index

    def rank(self, url: str) -> Rank | None:
        entry = self.lookup(url)
        return entry.rank if entry else None


def _covers(match: str, key: str) -> bool:
    if "/" in match:
        return key.startswith(match)
    return key == match or key.startswith(match + "/")


def host(url: str) -> str:
    """The host a URL names, lower case, without `www.` or a port (trailing dots dropped)."""
    name = (urlsplit(url).hostname or "").rstrip(".")
    return name.removeprefix("www.")


def url_key(url: str) -> str:
    return host(url) + (urlsplit(url).path or "")


class RegistryError(ValueError):
    pass


def load_registry(folder: Path) -> Registry:
    path = folder / REGISTRY_PATH
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return Registry.model_validate_json(raw)
    except ValidationError as exc:
        from careerpath.reference.problems import describe

        raise RegistryError(f"{path}: " + "; ".join(describe(exc, raw))) from None
