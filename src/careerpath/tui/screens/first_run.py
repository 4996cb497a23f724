"""The profile form, and the first run built on it: a short setup or a sample traveler."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Collapsible, Input, Label, Static

from careerpath.errors import describe_validation
from careerpath.records import Profile
from careerpath.reference.loader import RulesData
from careerpath.tui.widgets.nlc_questions import NLCQuestions

SAMPLE = "sample"
_DATES = (
    ("home_since", "Date this became your home state, YYYY-MM-DD (after a move)"),
    ("previous_home", "Home state before that move, e.g. TX"),
    ("birth_date", "Birth date, YYYY-MM-DD (private: checks birth-month expiry dates)"),
)


class ProfileForm(ModalScreen[Profile | str | None]):
    """Returns the validated Profile, or None when cancelled."""

    BINDINGS = [("escape", "cancel", "Cancel")]  # noqa: RUF012
    AUTO_FOCUS = "Input"
    TITLE_TEXT = "Your profile"

    def __init__(self, rules: RulesData, profile: Profile | None = None) -> None:
        super().__init__()
        self.rules = rules
        self.profile = profile

    def intro(self) -> ComposeResult:
        yield from ()

    def residence(self) -> ComposeResult:
        """The move date, previous home and birth date: rarely needed, so folded away."""
        p = self.profile
        with Collapsible(title="Moved recently? Birth date (optional)", collapsed=True):
            for field, hint in _DATES:
                value = getattr(p, field, None) if p else None
                yield Input(value=str(value or ""), placeholder=hint, id=field)

    def buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="start")
        yield Button("Cancel", id="quit")

    def compose(self) -> ComposeResult:
        p = self.profile
        nlc = self.rules.compacts.get("nlc")
        with VerticalScroll(classes="form"):
            yield Label(self.TITLE_TEXT, classes="section-title")
            yield from self.intro()
            yield Input(value=p.name if p else "", placeholder="Your name", id="name")
            yield Input(
                value=", ".join(str(x) for x in p.professions) if p else "",
                placeholder="Professions (RN, LPN, PT, OT, SLP; comma-separated)",
                id="professions",
            )
            yield Input(
                value=(p.home_state or "") if p else "",
                placeholder="Home state (primary state of residence, e.g. TX)",
                id="home",
            )
            yield Input(
                value=", ".join(p.target_roles) if p else "",
                placeholder="Role you want next (e.g. icu; optional)",
                id="target",
            )
            yield from self.residence()
            if nlc is not None:
                with Collapsible(
                    title="Nurse Licensure Compact questions (RN/LPN, optional)", collapsed=True
                ):
                    yield NLCQuestions(
                        list(nlc.rules.uniform_requirements), p.nlc_answers if p else None
                    )
            yield Label("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield from self.buttons()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "quit":
            self.dismiss(None)
        elif event.button.id == "sample":
            self.dismiss(SAMPLE)
        else:
            self._start()

    def on_input_submitted(self) -> None:
        self._start()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _start(self) -> None:
        def items(widget_id: str) -> list[str]:
            text = self.query_one(widget_id, Input).value
            return [part.strip() for part in text.split(",") if part.strip()]

        data: dict[str, Any] = (self.profile.model_dump() if self.profile else {}) | {
            "name": self.query_one("#name", Input).value,
            "professions": items("#professions"),
            "home_state": self.query_one("#home", Input).value or None,
            "target_roles": items("#target"),
        }
        for field, _hint in _DATES:
            found = self.query(f"#{field}")
            if found:
                data[field] = found.first(Input).value.strip() or None
        questions = self.query(NLCQuestions)
        if questions:
            data["nlc_answers"] = questions.first().answers()
        try:
            profile = Profile.model_validate(data)
        except ValidationError as exc:
            self.query_one("#form-error", Label).update(describe_validation(exc, "profile"))
            return
        self.dismiss(profile)


class FirstRun(ProfileForm):
    """Returns a Profile, SAMPLE for the sample traveler, or None to quit."""

    TITLE_TEXT = "Welcome to careerpath"

    def intro(self) -> ComposeResult:
        yield Static(
            "Your licenses, CE and assignments stay on this computer. "
            "Tell us a few things, or explore with a sample traveler."
        )

    def residence(self) -> ComposeResult:
        """Not on the first run: it keeps the Start button in reach on a small screen."""
        yield from ()

    def buttons(self) -> ComposeResult:
        yield Button("Start", variant="primary", id="start")
        yield Button("Load a sample traveler", id="sample")
        yield Button("Quit", id="quit")

    def action_cancel(self) -> None:
        """Escape on the first run does not quit by accident; the Quit button does."""
