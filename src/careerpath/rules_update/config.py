"""Where updates come from: the `[data]` table of config.toml in the config folder.

    [data]
    source = "https://raw.githubusercontent.com/careerpath-app/careerpath/main/data/manifest.json"
    timeout_seconds = 20

The data files are fetched relative to the manifest's URL (`compacts/nlc.json` beside it).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careerpath.errors import CareerpathError, describe_validation
from careerpath.paths import CONFIG_NAME

DEFAULT_SOURCE = (
    "https://raw.githubusercontent.com/careerpath-app/careerpath/main/data/manifest.json"
)


class DataSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(default=DEFAULT_SOURCE, min_length=8, max_length=2000)
    timeout_seconds: float = Field(default=20.0, gt=0, le=600)


def load_data_settings(folder: Path) -> DataSettings:
    """`[data]` from `folder/config.toml`; defaults when the file or the table is absent."""
    path = folder / CONFIG_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return DataSettings()
    except OSError as exc:
        raise CareerpathError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CareerpathError(f"{path} is not valid TOML: {exc}") from None
    section = document.get("data", {})
    if not isinstance(section, dict):
        raise CareerpathError(f"{path}: [data] must be a table")
    try:
        return DataSettings.model_validate(section)
    except ValidationError as exc:
        raise CareerpathError(f"{path}: [data] {describe_validation(exc)}") from None
