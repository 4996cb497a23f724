"""How each screen looks, at 80x24 and 120x40, for the sample traveler on a fixed day."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import make_app

SCREENS = {"today": "1", "licenses": "2", "ce": "3", "map": "4", "assignments": "5"}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, sample_home: Path, screen: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(sample_home), terminal_size=size, press=[SCREENS[screen]])
