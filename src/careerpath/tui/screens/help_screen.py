"""`?`: the keys, in one place."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEYS = """\
1-6        Today, Licenses, CE log, Map, Assignments, Growth
a          add what this tab lists (license, CE activity, assignment, skill)
c          add a certification
n          log a conference (many sessions, one certificate)
e, Enter   edit the highlighted row
d, Delete  remove the highlighted row (asks first)
p          your profile and NLC answers
s          CE log: change the sort (or click a column header)
1-4, i     Growth skills table: rate the highlighted skill, flag interest
space      Growth plan: tick a step done
arrows     move between states on the map; Enter opens one
r          refresh (shows changes made from the command line)
ctrl+p     command palette: every action by name
t          light / dark theme
q          quit
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar = [("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label("Keys", classes="section-title")
            yield Static(KEYS)
            yield Static("[dim]Unknown rules facts read 'unknown - check with the board'.[/dim]")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
