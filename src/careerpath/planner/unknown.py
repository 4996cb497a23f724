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


NO_RULES_DATA = "no rules data for this profession - check with the board"


def rules_missing(profession: str, state: str, has_file: bool) -> Unknown:
    """The unknown an answer shows when it has no rules for this profession in `state`: a
    profession with no rules file at all says so, rather than borrowing another's rules."""
    if not has_file:
        return Unknown(what=f"{profession} rules in {state} ({NO_RULES_DATA.split(' - ')[0]})")
    return Unknown(what=f"{profession} rules for {state}")
