"""Planning allowances the user may change: margins and reminder lead times.

They are the user's own buffers, not rules facts, so they have defaults; the file is
`config.toml` in the config folder:

    [planner]
    margin_days = 14        # spare days before an assignment starts
    fingerprint_days = 14   # allowance for fingerprints / background check results
    tight_days = 14         # an apply-by date closer than this is "tight"
    lead_times = [90, 60, 30, 7]

    [growth]
    stale_months = 12       # a skill not performed this long counts one level lower
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careerpath.errors import CareerpathError, describe_validation
from careerpath.paths import CONFIG_NAME

M = TypeVar("M", bound=BaseModel)


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


class GrowthSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stale_months: int = Field(default=12, ge=1, le=240)


def load_settings(folder: Path) -> PlannerSettings:
    """Planner settings from `folder/config.toml`; defaults when there is no file."""
    return load_table(folder, "planner", PlannerSettings)


def load_growth_settings(folder: Path) -> GrowthSettings:
    """The `[growth]` table of `folder/config.toml`; defaults when there is no file."""
    return load_table(folder, "growth", GrowthSettings)


def load_table(folder: Path, table: str, model: type[M]) -> M:
    """One table of `folder/config.toml` through `model`; its defaults when the file or table
    is absent. Every error names the file and fits on one line."""
    path = folder / CONFIG_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return model()
    except OSError as exc:
        raise CareerpathError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CareerpathError(f"{path} is not valid TOML: {exc}") from None
    section = document.get(table, {})
    if not isinstance(section, dict):
        raise CareerpathError(f"{path}: [{table}] must be a table")
    try:
        return model.model_validate(section)
    except ValidationError as exc:
        raise CareerpathError(f"{path}: [{table}] {describe_validation(exc)}") from None
