"""First run: a short setup, or a sample traveler to explore; never an empty screen."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from careerpath.errors import describe_validation
from careerpath.records import Profile

SAMPLE = "sample"


class FirstRun(ModalScreen[Profile | str | None]):
    """Returns a Profile, SAMPLE for the sample traveler, or None to quit."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label("Welcome to careerpath", classes="section-title")
            yield Static(
                "Your licenses, CE and assignments stay on this computer. "
                "Tell us three things, or explore with a sample traveler."
            )
            yield Input(placeholder="Your name", id="name")
            yield Input(
                placeholder="Professions (RN, LPN, PT, OT, SLP; comma-separated)", id="professions"
            )
            yield Input(placeholder="Home state (primary state of residence, e.g. TX)", id="home")
            yield Label("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Start", variant="primary", id="start")
                yield Button("Load a sample traveler", id="sample")
                yield Button("Quit", id="quit")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "quit":
            self.dismiss(None)
        elif event.button.id == "sample":
            self.dismiss(SAMPLE)
        else:
            self._start()

    def on_input_submitted(self) -> None:
        self._start()

    def _start(self) -> None:
        data: dict[str, Any] = {
            "name": self.query_one("#name", Input).value,
            "professions": [
                p.strip()
                for p in self.query_one("#professions", Input).value.split(",")
                if p.strip()
            ],
            "home_state": self.query_one("#home", Input).value or None,
        }
        try:
            profile = Profile.model_validate(data)
        except ValidationError as exc:
            self.query_one("#form-error", Label).update(describe_validation(exc, "profile"))
            return
        self.dismiss(profile)
