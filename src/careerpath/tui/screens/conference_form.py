"""Log a conference: one date and provider, one line per session (`title | hours | topics`).

Certificates pasted or dropped into the first field and read with Enter fill one session per
certificate (`title | hours | | file`), the date and provider they share, and a preview of
every field each certificate gave, marking what is missing or ambiguous. Each session then
keeps its own certificate's date, provider and accreditation; the Date and Provider fields
fill the ones whose certificate did not say.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static, TextArea

from careerpath.errors import CareerpathError, describe_validation
from careerpath.records import CEActivity
from careerpath.tui.screens.form_screen import FormScreen

if TYPE_CHECKING:
    from careerpath.certificates.draft import Draft


class ConferenceResult(NamedTuple):
    sessions: list[CEActivity]
    certificate: Path | None
    """A certificate file for the whole conference, copied into the data folder on save."""
    attachments: tuple[Path | None, ...] = ()
    """Each session's own certificate file (read from it), in session order."""


def line_amount(value: str | None) -> str:
    """`1.5 contact_hours` -> `1.5`, `90 minutes` -> `90min`, `0.15 ceu` -> `0.15ceu`."""
    if not value:
        return "?"
    number, unit = value.split(" ", 1)
    return number + {"contact_hours": "", "minutes": "min", "ceu": "ceu"}[unit]


class ConferenceForm(FormScreen[ConferenceResult]):
    """Returns the validated sessions (and certificate paths), or None."""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today
        self.drafts: dict[str, Draft] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="conference"):
            yield Label("Log a conference", classes="section-title")
            yield Input(
                placeholder="Certificates: paste or drop the PDFs, Enter reads them",
                id="certificate",
            )
            with VerticalScroll(id="certificate-preview-box"):
                yield Static("", id="certificate-preview", markup=False)
            yield Input(value=self.today.isoformat(), placeholder="Date YYYY-MM-DD", id="date")
            yield Input(placeholder="Provider (e.g. AACN NTI)", id="provider")
            yield Label("Sessions, one per line: title | hours (1.5, 90min, 0.1ceu) | topics")
            yield TextArea(id="sessions")
            yield Label("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save all", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#certificate-preview-box").display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "certificate" and event.value.strip():
            event.stop()
            self.read_certificates(event.value)

    def read_certificates(self, text: str) -> None:
        """Fill the form from the certificates; one line per certificate."""
        from careerpath.certificates.draft import draft_of, shared_value
        from careerpath.certificates.dropped import dropped_paths
        from careerpath.certificates.text import read_text

        drafts: list[Draft] = []
        try:
            for path in dropped_paths(text):
                drafts.append(draft_of(read_text(path)))
        except CareerpathError as exc:
            self.show_error(str(exc))
            return
        self.drafts = {str(d.path): d for d in drafts}
        # Each session keeps its certificate's date: the field is for those without one.
        date_input = self.query_one("#date", Input)
        date_input.value = ""
        date_input.placeholder = "Date for sessions whose certificate gives none (YYYY-MM-DD)"
        self.query_one("#provider", Input).value = shared_value(drafts, "provider") or ""
        self.query_one("#sessions", TextArea).text = "\n".join(
            f"{d.values.get('title') or '?'} | {line_amount(d.values.get('amount'))} | | {d.path}"
            for d in drafts
        )
        self.query_one("#certificate", Input).value = ""
        self.query_one("#certificate-preview", Static).update(self.preview_text(drafts))
        self.query_one("#certificate-preview-box").display = True
        gaps = sum(len(d.gaps()) for d in drafts)
        plural = "s" if gaps != 1 else ""
        self.show_error(f"{gaps} field{plural} to settle: see the preview" if gaps else "")
        self.query_one("#save", Button).focus()

    @staticmethod
    def preview_text(drafts: list[Draft]) -> str:
        from careerpath.certificates.extract import FIELDS

        lines = []
        for number, draft in enumerate(drafts, 1):
            for name in draft.gaps():
                choices = draft.candidates.get(name)
                what = (
                    "could be " + " or ".join(draft.shown(name, c) for c in choices)
                    if choices
                    else "not found"
                )
                lines.append(f"To settle, line {number}: {FIELDS[name]} {what}")
        for number, draft in enumerate(drafts, 1):
            gaps = draft.gaps()
            state = "read in full" if not gaps else f"{len(gaps)} to settle"
            lines.append(f"{number}. {draft.path.name} ({state})")
            if draft.problem:
                lines.append(f"   cannot read it: {draft.problem}")
            lines.extend(f"   {label}: {shown}" for label, shown in draft.preview())
        if any("completed" in d.gaps() for d in drafts):
            lines.append("The Date below fills the sessions whose certificate gives none.")
        return "\n".join(lines)

    def save(self) -> None:
        from careerpath.amounts import split_amount

        date = self.query_one("#date", Input).value.strip()
        provider = self.query_one("#provider", Input).value.strip() or None
        lines = [ln for ln in self.query_one("#sessions", TextArea).text.splitlines() if ln.strip()]
        if not lines:
            self.show_error("add at least one session: title | hours | topics")
            return
        sessions: list[CEActivity] = []
        attachments: list[Path | None] = []
        for number, line in enumerate(lines, 1):
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 2:
                self.show_error(f"line {number}: write 'title | hours | topics'")
                return
            own = self._read_for(parts[3] if len(parts) > 3 else "")
            try:
                amount, unit = split_amount(parts[1])
                topics = [t for t in (parts[2].split(",") if len(parts) > 2 else []) if t.strip()]
                data: dict[str, Any] = {
                    "completed": date,
                    "provider": provider,
                    **own,
                    "title": parts[0],
                    "amount": amount,
                    "unit": unit or "contact_hours",
                    "topics": topics,
                    "format": "conference",
                }
                if not data["completed"]:
                    raise CareerpathError("no date on its certificate: type the Date")
                activity = CEActivity.model_validate(data)
            except ValidationError as exc:
                self.show_error(f"line {number}: {describe_validation(exc, 'session')}")
                return
            except (ValueError, CareerpathError) as exc:
                self.show_error(f"line {number}: {exc}")
                return
            if activity.completed > self.today:
                self.show_error(f"{activity.completed} is after today: log CE once it is done")
                return
            attachment = Path(parts[3]).expanduser() if len(parts) > 3 and parts[3] else None
            if attachment is not None and not attachment.is_file():
                self.show_error(f"line {number}: no certificate file at {attachment}")
                return
            sessions.append(activity)
            attachments.append(attachment)
        certificate = None
        typed = self.query_one("#certificate", Input).value.strip()
        if typed:
            certificate = Path(typed).expanduser()
            if not certificate.is_file():
                self.show_error(f"certificate: no file at {certificate}")
                return
        self.dismiss(ConferenceResult(sessions, certificate, tuple(attachments)))

    def _read_for(self, path: str) -> dict[str, Any]:
        """What a session's own certificate said besides title and hours (read earlier)."""
        draft = self.drafts.get(str(Path(path).expanduser())) if path else None
        if draft is None:
            return {}
        fields = draft.session()
        for name in ("title", "amount", "unit", "certificate"):
            fields.pop(name, None)
        return fields
