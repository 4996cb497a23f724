"""The top bar: every tab label with its underline, and the app's title and date on the right.

Textual's Tabs is a widget per tab plus an animated underline, and its Header is four more
widgets; measured, the two added a fifth of Textual's own start-up time to the first frame. The
app switches tabs with 1-6, clicks and the command palette, so one drawn widget is all it needs
(and at 80x24 the header's row goes to content).
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

GAP = 2


class TabBar(Widget):
    active: reactive[str] = reactive("")

    class Selected(Message):
        """A tab was clicked."""

        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(
        self, tabs: dict[str, str], active: str, title: str = "", *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.tabs = tabs
        self.title = title
        self.set_reactive(TabBar.active, active)

    def _spans(self) -> list[tuple[int, int, str]]:
        """(first column, end column, tab id) of each label, numbered from 1."""
        spans, column = [], 0
        for number, (tab, title) in enumerate(self.tabs.items(), start=1):
            width = len(f"{number} {title}")
            spans.append((column, column + width, tab))
            column += width + GAP
        return spans

    def render(self) -> Content:
        labels: list[Content] = []
        underline: list[Content] = []
        for number, (tab, title) in enumerate(self.tabs.items(), start=1):
            width = len(f"{number} {title}")
            if tab == self.active:
                labels.append(Content.from_markup(f"[$accent]{number}[/] [b]{title}[/b]"))
                underline.append(Content.styled("━" * width, "$block-cursor-background"))
            else:
                labels.append(Content.from_markup(f"[dim]{number} {title}[/dim]"))
                underline.append(Content.styled("─" * width, "$panel-lighten-2"))
        gap = Content(" " * GAP)
        rule = Content.styled("─" * GAP, "$panel-lighten-2")
        line = gap.join(labels)
        room = self.content_size.width - line.cell_length
        if self.title and room > len(self.title) + GAP:
            line += Content(" " * (room - len(self.title))) + Content.styled(self.title, "dim")
        return Content("\n").join([line, rule.join(underline)])

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, tab in self._spans():
            if start <= x < end:
                self.post_message(self.Selected(tab))
                return
