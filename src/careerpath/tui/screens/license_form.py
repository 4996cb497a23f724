"""Add a license: a modal form; the record model validates and its message shows inline."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from careerpath.errors import describe_validation
from careerpath.records import License, LicenseKind
from careerpath.tui.screens.form_screen import FormScreen

KINDS = [(k.value.replace("_", " "), k.value) for k in LicenseKind]


class LicenseForm(FormScreen[License]):
    """Returns the validated License, or None."""

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

    def on_input_submitted(self) -> None:
        self.save()

    def save(self) -> None:
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
            self.show_error(describe_validation(exc, "license"))
            return
        self.dismiss(record)
