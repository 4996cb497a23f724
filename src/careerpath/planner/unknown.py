"""How the planner says what the rules data does not know: plainly, with where to ask."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

UNKNOWN = "unknown - check with the board"


class Unknown(BaseModel):
    """A fact the answer depends on that no source gave us."""

    model_config = ConfigDict(frozen=True)

    what: str
    link: str | None = None

    def __str__(self) -> str:
        return f"{self.what}: {unknown_text(self.link)}"


def unknown_text(link: str | None) -> str:
    """`unknown - check with the board (https://...)`, the one wording every screen uses."""
    return f"{UNKNOWN} ({link})" if link else UNKNOWN
