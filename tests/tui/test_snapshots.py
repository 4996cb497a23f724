"""How each screen looks, at 80x24 and 120x40, for the sample traveler on a fixed day."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from .conftest import make_app

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
SCREENS = {
    "today": ["1"],
    "licenses": ["2"],
    "ce": ["3"],
    "map": ["4"],
    "assignments": ["5"],
    "growth": ["6"],
    "help": ["question_mark"],
    "license-form": ["2", "a"],
    "conference-form": ["n"],
    "profile-form": ["p"],
    "remove-confirm": ["2", "tab", "d"],
}


def keys(*pressed: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the tabs that mount after the first paint, then press the keys."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()

    return run_before


@SIZES
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, sample_home: Path, screen: str, size: tuple[int, int]) -> None:
    app = make_app(sample_home)
    assert snap_compare(app, terminal_size=size, run_before=keys(*SCREENS[screen]))


@SIZES
def test_first_run(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path / "new"), terminal_size=size)


@SIZES
def test_light_theme(snap_compare: Any, sample_home: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(sample_home), terminal_size=size, run_before=keys("t", "6"))


@SIZES
def test_growth_for_a_therapist(
    snap_compare: Any, therapist_home: Path, size: tuple[int, int]
) -> None:
    """An OT with no target role sees the OT roles (SNF first, from the specialty), the trend of
    a rating, readiness for the booked SNF assignment and a plan without raw scores."""
    assert snap_compare(make_app(therapist_home), terminal_size=size, run_before=keys("6"))
