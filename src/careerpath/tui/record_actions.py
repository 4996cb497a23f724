"""What the app's record keys do: open a form, then save through the store and refresh.

Kept out of app.py so the app module imports no pydantic model: the first frame is painted
before this module (and the records it handles) is loaded.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from careerpath.records import (
    Assignment,
    CEActivity,
    Certification,
    License,
    Profile,
    Record,
    SkillRating,
)
from careerpath.tui.screens import record_fields
from careerpath.tui.screens.conference_form import ConferenceForm, ConferenceResult
from careerpath.tui.screens.confirm import Confirm
from careerpath.tui.screens.first_run import SAMPLE, FirstRun, ProfileForm
from careerpath.tui.screens.record_fields import FormSpec
from careerpath.tui.screens.record_form import RecordForm

if TYPE_CHECKING:
    from careerpath.tui.app import CareerpathApp
    from careerpath.tui.session import Session

LABELS: dict[type[Record], str] = {
    License: "license",
    Certification: "certification",
    CEActivity: "CE activity",
    Assignment: "assignment",
    SkillRating: "skill rating",
}


class RecordActions:
    """Forms and confirmations for the records, wired to one app and its session."""

    def __init__(self, app: CareerpathApp, session: Session) -> None:
        self.app = app
        self.session = session

    # --- first run and profile ---------------------------------------------------------------
    def first_run(self) -> None:
        self.app.push_screen(FirstRun(self.session.rules), self._first_run_done)

    def _first_run_done(self, result: Profile | str | None) -> None:
        if result is None:
            self.app.exit()
            return
        if result == SAMPLE:
            from careerpath.sample import sample_traveler

            self.session.store.replace_all(sample_traveler(self.session.today))
            self.app.notify("Sample traveler loaded: explore, then start your own from the CLI.")
        elif isinstance(result, Profile):
            self.session.store.save_profile(result)
            self.app.notify(f"Welcome, {result.name}. Press a to add your first license.")
        self.app.action_reload()

    def edit_profile(self) -> None:
        self.app.push_screen(
            ProfileForm(self.session.rules, self.session.records.profile), self._profile_done
        )

    def _profile_done(self, result: Profile | str | None) -> None:
        if not isinstance(result, Profile):
            return
        try:
            self.session.store.save_profile(result)
        except Exception as exc:
            self.app.notify(f"Not saved: {exc}", severity="error")
            return
        self.app.notify("Profile saved.")
        self.app.action_reload()

    # --- add, edit, remove -------------------------------------------------------------------
    def add(self, tab: str) -> None:
        """Add what the current tab lists (a license elsewhere)."""
        by_tab: dict[str, FormSpec[Any]] = {
            "ce": record_fields.ce_activity(self.session.today),
            "assignments": record_fields.ASSIGNMENT,
            "growth": record_fields.SKILL,
        }
        self.open_form(by_tab.get(tab, record_fields.LICENSE))

    def add_kind(self, kind: str) -> None:
        specs: dict[str, FormSpec[Any]] = {
            "license": record_fields.LICENSE,
            "certification": record_fields.CERTIFICATION,
            "assignment": record_fields.ASSIGNMENT,
            "ce": record_fields.ce_activity(self.session.today),
        }
        self.open_form(specs[kind])

    def edit(self, record: Record) -> None:
        specs: dict[type[Record], FormSpec[Any]] = {
            License: record_fields.LICENSE,
            Certification: record_fields.CERTIFICATION,
            CEActivity: record_fields.ce_activity(self.session.today),
            Assignment: record_fields.ASSIGNMENT,
            SkillRating: record_fields.SKILL,
        }
        self.open_form(specs[type(record)], record)

    def open_form(self, spec: FormSpec[Any], record: Record | None = None) -> None:
        self.app.push_screen(RecordForm(spec, record), partial(self._form_done, record))

    def _form_done(self, original: Record | None, record: Record | None) -> None:
        if record is None:
            return
        store = self.session.store
        label = LABELS.get(type(record), "record")
        try:
            if original is None:
                saved = store.add(record)
                self.app.notify(f"Added {label} #{saved.id}.")  # type: ignore[attr-defined]
                if isinstance(record, CEActivity):
                    self._warn_tags(record.topics)
            else:
                record_id: int = original.id  # type: ignore[attr-defined]
                if store.get(type(original), record_id) != original:
                    self.app.notify(
                        f"This {label} changed outside the app since you opened it; "
                        "refreshed it: edit again.",
                        severity="warning",
                    )
                    self.app.action_reload()
                    return
                store.update(record)
                self.app.notify(f"Saved {label} #{record_id}.")
        except Exception as exc:
            self.app.notify(f"Not saved: {exc}", severity="error")
            return
        self.app.action_reload()

    def remove(self, record: Record) -> None:
        label = LABELS.get(type(record), "record")
        record_id: int = record.id  # type: ignore[attr-defined]
        self.app.push_screen(
            Confirm(f"Remove {label} #{record_id}?", describe(record)),
            partial(self._remove_done, record),
        )

    def _remove_done(self, record: Record, yes: bool | None) -> None:
        if not yes:
            return
        record_id: int = record.id  # type: ignore[attr-defined]
        try:
            self.session.store.remove(type(record), record_id)
        except Exception as exc:
            self.app.notify(f"Not removed: {exc}", severity="error")
            return
        self.app.notify(f"Removed {LABELS.get(type(record), 'record')} #{record_id}.")
        self.app.action_reload()

    # --- a conference: many CE rows at once --------------------------------------------------
    def log_conference(self) -> None:
        self.app.push_screen(ConferenceForm(self.session.today), self._conference_done)

    def _conference_done(self, result: ConferenceResult | None) -> None:
        if not result:
            return
        sessions = result.sessions
        try:
            from careerpath.store import certificates

            whole = result.certificate
            files = result.attachments or (None,) * len(sessions)
            attached = []
            for session, own in zip(sessions, files, strict=True):
                source = own or whole
                if source is not None:
                    name = certificates.attach(self.session.home, source)
                    session = session.model_copy(update={"certificate": name})
                attached.append(session)
            sessions = attached
            self.session.store.add_many(sessions)
        except Exception as exc:
            self.app.notify(f"Not saved: {exc}", severity="error")
            return
        hours = sum(a.contact_hours for a in sessions)
        self.app.notify(f"Logged {len(sessions)} sessions, {hours} contact hours.")
        self._warn_tags([t for s in sessions for t in s.topics])
        self.app.action_reload()

    def _warn_tags(self, tags: list[str]) -> None:
        """Tags that fill no mandatory topic: said at once, as `ce add` does."""
        from careerpath.planner.topics import tag_warnings

        for warning in tag_warnings(tags, self.session.records, self.session.rules):
            self.app.notify(warning[0].upper() + warning[1:] + ".", severity="warning", timeout=8)


def describe(record: Record) -> str:
    """One line naming a record, for the confirmation before removing it."""
    if isinstance(record, License):
        return f"{record.profession} {record.jurisdiction} {record.kind.value.replace('_', ' ')}"
    if isinstance(record, Certification):
        return record.name
    if isinstance(record, CEActivity):
        return f"{record.completed} {record.title} ({record.contact_hours} h)"
    if isinstance(record, Assignment):
        return f"{record.jurisdiction} {record.facility or ''} from {record.start}"
    if isinstance(record, SkillRating):
        return f"{record.skill}: level {record.level}"
    return ""
