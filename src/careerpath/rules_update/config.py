"""Where updates come from: the `[data]` table of config.toml in the config folder.

    [data]
    source = "https://raw.githubusercontent.com/careerpath-app/careerpath/main/data/manifest.json"
    timeout_seconds = 20

The data files are fetched relative to the manifest's URL (`compacts/nlc.json` beside it).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_SOURCE = (
    "https://raw.githubusercontent.com/careerpath-app/careerpath/main/data/manifest.json"
)


class DataSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(default=DEFAULT_SOURCE, min_length=8, max_length=2000)
    timeout_seconds: float = Field(default=20.0, gt=0, le=600)


def load_data_settings(folder: Path) -> DataSettings:
    """`[data]` from `folder/config.toml`; defaults when the file or the table is absent."""
    from careerpath.planner.settings import load_table

    return load_table(folder, "data", DataSettings)
