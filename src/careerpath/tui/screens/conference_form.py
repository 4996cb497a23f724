"""Log a conference: one date and provider, one line per session (`title | hours | topics`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, TextArea

from careerpath.errors import CareerpathError, describe_validation
from careerpath.records import CEActivity
from careerpath.tui.screens.form_screen import FormScreen


class ConferenceResult(NamedTuple):
    sessions: list[CEActivity]
    certificate: Path | None
    """A certificate file for the whole conference, copied into the data folder on save."""


class ConferenceForm(FormScreen[ConferenceResult]):
    """Returns the validated sessions (and certificate path), or None."""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label("Log a conference", classes="section-title")
            yield Input(value=self.today.isoformat(), placeholder="Date YYYY-MM-DD", id="date")
            yield Input(placeholder="Provider (e.g. AACN NTI)", id="provider")
            yield Label("Sessions, one per line: title | hours (1.5, 90min, 0.1ceu) | topics")
            yield TextArea(id="sessions")
            yield Input(
                placeholder="Certificate file (optional path, e.g. ~/Downloads/nti.pdf)",
                id="certificate",
            )
            yield Label("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save all", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def save(self) -> None:
        from careerpath.commands.amounts import split_amount

        date = self.query_one("#date", Input).value.strip()
        provider = self.query_one("#provider", Input).value.strip() or None
        lines = [ln for ln in self.query_one("#sessions", TextArea).text.splitlines() if ln.strip()]
        if not lines:
            self.show_error("add at least one session: title | hours | topics")
            return
        sessions: list[CEActivity] = []
        for number, line in enumerate(lines, 1):
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 2:
                self.show_error(f"line {number}: write 'title | hours | topics'")
                return
            try:
                amount, unit = split_amount(parts[1])
                topics = [t for t in (parts[2].split(",") if len(parts) > 2 else []) if t.strip()]
                activity = CEActivity.model_validate(
                    {
                        "completed": date,
                        "title": parts[0],
                        "provider": provider,
                        "amount": amount,
                        "unit": unit or "contact_hours",
                        "topics": topics,
                        "format": "conference",
                    }
                )
            except ValidationError as exc:
                self.show_error(f"line {number}: {describe_validation(exc, 'session')}")
                return
            except (ValueError, CareerpathError) as exc:
                self.show_error(f"line {number}: {exc}")
                return
            if activity.completed > self.today:
                self.show_error(f"{activity.completed} is after today: log CE once it is done")
                return
            sessions.append(activity)
        certificate = None
        typed = self.query_one("#certificate", Input).value.strip()
        if typed:
            certificate = Path(typed).expanduser()
            if not certificate.is_file():
                self.show_error(f"certificate: no file at {certificate}")
                return
        self.dismiss(ConferenceResult(sessions, certificate))
