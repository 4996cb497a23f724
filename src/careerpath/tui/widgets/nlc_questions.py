"""The NLC uniform-licensure questions, each answered yes / no / not sure."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Select, Static

from careerpath.records import Answer
from careerpath.reference.schema import UniformRequirement

CHOICES = [("yes", "yes"), ("no", "no"), ("not sure", "unknown")]


class NLCQuestions(Vertical):
    """Answers decide whether a multistate license is within reach; nothing is guessed."""

    def __init__(
        self, requirements: list[UniformRequirement], answers: dict[str, Answer] | None = None
    ) -> None:
        self.requirements = requirements
        self.initial = answers or {}
        super().__init__(id="nlc-questions")

    def compose(self) -> ComposeResult:
        for req in self.requirements:
            yield Static(req.question, classes="field-label")
            answer = self.initial.get(req.id)
            yield Select(
                CHOICES,
                value=answer.value if answer else Select.NULL,
                id=f"nlc-{req.id}",
                prompt="not answered",
            )

    def answers(self) -> dict[str, str]:
        out = {}
        for req in self.requirements:
            value = self.query_one(f"#nlc-{req.id}", Select).value
            if isinstance(value, str):
                out[req.id] = value
        return out
