"""Add a license: a modal form; the record model validates and its message shows inline."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from careerpath.errors import describe_validation
from careerpath.records import License, LicenseKind

KINDS = [(k.value.replace("_", " "), k.value) for k in LicenseKind]


class LicenseForm(ModalScreen[License | None]):
    BINDINGS: ClassVar = [("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label("Add a license", classes="section-title")
            yield Input(placeholder="Profession (RN, LPN, PT, OT, SLP ...)", id="profession")
            yield Input(placeholder="State (e.g. OR)", id="state")
            yield Select(KINDS, value="single_state", id="kind", allow_blank=False)
            yield Input(placeholder="Expires YYYY-MM-DD", id="expires")
            yield Input(placeholder="Number (optional)", id="number")
            yield Label("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self._save()

    def on_input_submitted(self) -> None:
        self._save()

    def _save(self) -> None:
        data: dict[str, Any] = {
            "profession": self.query_one("#profession", Input).value,
            "jurisdiction": self.query_one("#state", Input).value,
            "kind": self.query_one("#kind", Select).value,
            "expires": self.query_one("#expires", Input).value or None,
            "number": self.query_one("#number", Input).value or None,
        }
        try:
            record = License.model_validate(data)
        except ValidationError as exc:
            self.query_one("#form-error", Label).update(describe_validation(exc, "license"))
            return
        self.dismiss(record)

    def action_cancel(self) -> None:
        self.dismiss(None)
