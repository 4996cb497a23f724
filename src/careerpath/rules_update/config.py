"""Where updates come from: the `[data]` table of config.toml in the config folder.

    [data]
    source = "https://raw.githubusercontent.com/careerpath-app/careerpath/rules/repository/"
    timeout_seconds = 20
    deadline_seconds = 300
    trusted_root = "/path/to/1.root.json"   # only for a repository of your own

`source` is the folder of a signed (TUF) repository, with metadata/ and targets/ under it, as
`python -m careerpath.rules_publish` writes it. `trusted_root` replaces the root of keys shipped
with careerpath, for trying a release of your own before publishing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from careerpath.errors import CareerpathError

if TYPE_CHECKING:
    from careerpath.rules_update.fetch import Limits

DEFAULT_SOURCE = "https://raw.githubusercontent.com/careerpath-app/careerpath/rules/repository/"


class DataSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(default=DEFAULT_SOURCE, min_length=8, max_length=2000)
    timeout_seconds: float = Field(default=20.0, gt=0, le=600)
    deadline_seconds: float = Field(default=300.0, gt=0, le=3600)
    trusted_root: str | None = Field(default=None, min_length=1, max_length=4000)

    def limits(self) -> Limits:
        from careerpath.rules_update.fetch import Limits

        return Limits(timeout=self.timeout_seconds, deadline=self.deadline_seconds)

    def root(self) -> bytes | None:
        """The trusted root named by `trusted_root` (None: the one shipped)."""
        if self.trusted_root is None:
            return None
        path = Path(self.trusted_root).expanduser()
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CareerpathError(
                f"cannot read the trusted_root {path} named in config.toml ({exc.strerror or exc})"
            ) from None


def load_data_settings(folder: Path) -> DataSettings:
    """`[data]` from `folder/config.toml`; defaults when the file or the table is absent."""
    from careerpath.planner.settings import load_table

    return load_table(folder, "data", DataSettings)
