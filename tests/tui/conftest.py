"""A sample traveler in a sealed home, and an app factory for pilots and snapshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from careerpath.sample import sample_traveler
from careerpath.store.repository import Store
from careerpath.tui.app import CareerpathApp, build_app

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes a snapshot depend on how long the machine took: keep it on."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def sample_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    store = Store(home)
    store.replace_all(sample_traveler(TODAY))
    store.close()
    return home


def make_app(home: Path) -> CareerpathApp:
    return build_app(home, TODAY)
