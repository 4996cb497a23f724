"""Where careerpath keeps things: platformdirs, overridable for tests and multiple profiles."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "careerpath"
HOME_ENV = "CAREERPATH_HOME"
DB_NAME = "careerpath.db"
CONFIG_NAME = "config.toml"


def data_home(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder: `--home`, else `$CAREERPATH_HOME`, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_home(override: str | os.PathLike[str] | None = None) -> Path:
    """Config folder; with a home override, config lives inside that home so tests stay sealed."""
    if override or os.environ.get(HOME_ENV):
        return data_home(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create `path` readable only by the user (it holds license numbers). A folder that
    already exists keeps its mode: it may be one of the user's own (`--home ~/Documents/x`);
    the files careerpath writes in it are 0600 either way."""
    if path.is_dir():
        return path
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)  # mkdir's mode is narrowed by the umask, never widened
    return path


def bundled_data_dir() -> Path:
    """The rules data shipped with the app: inside the wheel, or the checkout's data/."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    if installed.is_dir():
        return installed
    return here.parent.parent / "data"
