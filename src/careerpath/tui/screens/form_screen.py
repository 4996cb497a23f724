"""Base of the modal forms: Save/Cancel buttons, Escape to cancel, errors shown inline."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.screen import ModalScreen
from textual.widgets import Button, Label

T = TypeVar("T")


class FormScreen(ModalScreen[T | None]):
    BINDINGS: ClassVar = [("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "Input, Select, TextArea"
    """The first field, so typing starts at once (not the scrolling container)."""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.save()

    def save(self) -> None:
        """Validate; `dismiss(result)` when good, else `show_error`. Every form overrides it."""
        raise NotImplementedError(f"{type(self).__name__} must define save()")

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Label).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)
