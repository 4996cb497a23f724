"""One modal form for adding or editing any record, driven by a list of field specs.

The record's own pydantic model validates; each problem is shown under the field it belongs to,
so the user sees at once what to fix and nothing typed is lost.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Switch

from careerpath.records import Record
from careerpath.tui.screens.form_screen import FormScreen
from careerpath.tui.screens.record_fields import FieldSpec, FormSpec

R = TypeVar("R", bound=Record)


class RecordForm(FormScreen[R], Generic[R]):
    """Returns the validated record (keeping the id when editing), or None."""

    def __init__(self, spec: FormSpec[R], record: R | None = None) -> None:
        super().__init__()
        self.spec = spec
        self.record = record

    def compose(self) -> ComposeResult:
        verb = "Edit" if self.record is not None else "Add"
        with VerticalScroll(classes="form"):
            yield Label(f"{verb} {self.spec.title}", classes="section-title")
            for field in self.spec.fields:
                yield Label(field.label, classes="field-label")
                yield self._widget(field)
                yield Label("", id=f"err-{field.name}", classes="error field-error")
            yield Label("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def _initial(self, field: FieldSpec) -> Any:
        if self.record is None:
            return field.default
        return field.show(getattr(self.record, field.name))

    def _widget(self, field: FieldSpec) -> Input | Select[str] | Switch:
        value = self._initial(field)
        wid = f"f-{field.name}"
        if field.kind == "select":
            return Select(
                field.options,
                value=value if value is not None else Select.NULL,
                allow_blank=not field.required,
                id=wid,
                prompt=field.placeholder or "choose",
            )
        if field.kind == "bool":
            return Switch(value=bool(value), id=wid)
        return Input(
            value="" if value is None else str(value), placeholder=field.placeholder, id=wid
        )

    def on_input_submitted(self) -> None:
        self.save()

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field in self.spec.fields:
            widget = self.query_one(f"#f-{field.name}")
            if isinstance(widget, Select):
                raw: Any = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Switch):
                raw = widget.value
            else:
                assert isinstance(widget, Input)
                raw = widget.value
            data[field.name] = field.parse(raw)
        return data

    def save(self) -> None:
        for label in self.query(".field-error").results(Label):
            label.update("")
            label.remove_class("shown")
        data = self.values()
        if self.record is not None:
            kept = self.record.model_dump(exclude={f.name for f in self.spec.fields})
            data = kept | data
        try:
            record = self.spec.model.model_validate(data)
        except ValidationError as exc:
            self._show(exc)
            return
        problem = self.spec.check(record) if self.spec.check else None
        if problem:
            self.show_error(problem)
            return
        self.dismiss(record)

    def _show(self, exc: ValidationError) -> None:
        names = {f.name for f in self.spec.fields}
        general = []
        for item in exc.errors(include_url=False):
            message = str(item["msg"]).removeprefix("Value error, ")
            field = str(item["loc"][0]) if item["loc"] else ""
            if field in names:
                label = self.query_one(f"#err-{field}", Label)
                label.update(message)
                label.add_class("shown")
            else:
                general.append(message)
        self.show_error("; ".join(general) if general else "fix the fields marked above")
