"""Planning allowances the user may change: margins and reminder lead times.

They are the user's own buffers, not rules facts, so they have defaults; the file is
`config.toml` in the config folder:

    [planner]
    margin_days = 14        # spare days before an assignment starts
    fingerprint_days = 14   # allowance for fingerprints / background check results
    tight_days = 14         # an apply-by date closer than this is "tight"
    lead_times = [90, 60, 30, 7]
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careerpath.errors import CareerpathError, describe_validation
from careerpath.paths import CONFIG_NAME


class PlannerSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    margin_days: int = Field(default=14, ge=0, le=365)
    fingerprint_days: int = Field(default=14, ge=0, le=365)
    tight_days: int = Field(default=14, ge=0, le=365)
    lead_times: tuple[int, ...] = (90, 60, 30, 7)

    @field_validator("lead_times")
    @classmethod
    def _sorted(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(v < 0 or v > 3650 for v in value):
            raise ValueError("lead times must be 0 to 3650 days")
        return tuple(sorted(set(value), reverse=True))

    @property
    def window_days(self) -> int:
        """Default reminder window: the longest lead time."""
        return self.lead_times[0]


def load_settings(folder: Path) -> PlannerSettings:
    """Settings from `folder/config.toml`; defaults when there is no file."""
    path = folder / CONFIG_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return PlannerSettings()
    except OSError as exc:
        raise CareerpathError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CareerpathError(f"{path} is not valid TOML: {exc}") from None
    section = document.get("planner", {})
    if not isinstance(section, dict):
        raise CareerpathError(f"{path}: [planner] must be a table")
    try:
        return PlannerSettings.model_validate(section)
    except ValidationError as exc:
        raise CareerpathError(f"{path}: {describe_validation(exc)}") from None
