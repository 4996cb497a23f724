"""A read-only table that draws only the lines on screen, for logs with tens of thousands of rows.

Textual's DataTable measures every cell as rows are added, which costs about a second and a half
for 10,000 CE activities: too slow to refilter on each keystroke. This widget keeps rows as
plain strings, sizes columns with `len`, and renders a line only when it is visible (the Line
API), so a new filter costs the filtering itself and one screenful of drawing.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

GAP = 2


class VirtualTable(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    VirtualTable { height: 1fr; background: $surface; }
    VirtualTable > .virtual-table--header { text-style: bold; background: $panel; color: $text; }
    VirtualTable > .virtual-table--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: bold; }
    VirtualTable > .virtual-table--odd { background: $surface-lighten-1; }
    """
    COMPONENT_CLASSES: ClassVar = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--odd",
    }
    BINDINGS: ClassVar = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    cursor_row: reactive[int] = reactive(0)

    class RowSelected(Message):
        """Enter on a row (or a click on the highlighted row)."""

        def __init__(self, table: VirtualTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

    class HeaderSelected(Message):
        def __init__(self, table: VirtualTable, column: int) -> None:
            super().__init__()
            self.table = table
            self.column = column

    def __init__(
        self,
        headers: tuple[str, ...],
        *,
        max_widths: tuple[int, ...] | None = None,
        right_aligned: frozenset[int] = frozenset(),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.headers = headers
        self.max_widths = max_widths or tuple(60 for _ in headers)
        self.right_aligned = right_aligned
        self.rows: list[tuple[str, ...]] = []
        self.widths = [len(h) for h in headers]

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        """Replace every row; the cursor stays on the same position when it still exists."""
        self.rows = rows
        widths = [len(h) for h in self.headers]
        for row in rows:
            for index, cell in enumerate(row):
                if len(cell) > widths[index]:
                    widths[index] = len(cell)
        self.widths = [min(w, cap) for w, cap in zip(widths, self.max_widths, strict=True)]
        total = sum(self.widths) + GAP * len(self.widths)
        self.virtual_size = Size(total, len(rows) + 1)
        self.cursor_row = max(0, min(self.cursor_row, len(rows) - 1))
        self.refresh()

    # --- drawing ------------------------------------------------------------------------------
    def _line(self, cells: tuple[str, ...], style: Style) -> Strip:
        segments = []
        for index, width in enumerate(self.widths):
            text = cells[index] if index < len(cells) else ""
            if len(text) > width:
                text = text[: max(width - 1, 0)] + "…"
            text = text.rjust(width) if index in self.right_aligned else text.ljust(width)
            segments.append(Segment(text + " " * GAP, style))
        strip = Strip(segments)
        scroll_x = int(self.scroll_offset.x)
        width = self.size.width
        return strip.crop(scroll_x, scroll_x + width).extend_cell_length(width, style)

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        if y == 0:
            return self._line(
                self.headers, base + self.get_component_rich_style("virtual-table--header")
            )
        index = int(self.scroll_offset.y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(self.size.width, base)
        if index == self.cursor_row and self.has_focus:
            style = base + self.get_component_rich_style("virtual-table--cursor")
        elif index == self.cursor_row:
            style = base + Style(reverse=True)
        elif index % 2:
            style = base + self.get_component_rich_style("virtual-table--odd")
        else:
            style = base
        return self._line(self.rows[index], style)

    # --- movement -----------------------------------------------------------------------------
    def watch_cursor_row(self, old: int, new: int) -> None:
        visible = max(self.size.height - 1, 1)
        top = int(self.scroll_offset.y)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        self.refresh()

    def action_move(self, delta: int) -> None:
        if self.rows:
            self.cursor_row = max(0, min(len(self.rows) - 1, self.cursor_row + delta))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(self.size.height - 2, 1))

    def action_jump(self, where: int) -> None:
        if self.rows:
            self.cursor_row = 0 if where == 0 else len(self.rows) - 1

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x + int(self.scroll_offset.x)
            edge = 0
            for index, width in enumerate(self.widths):
                edge += width + GAP
                if x < edge:
                    self.post_message(self.HeaderSelected(self, index))
                    return
            return
        index = int(self.scroll_offset.y) + event.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor_row and event.chain > 1:
                self.post_message(self.RowSelected(self, index))
            self.cursor_row = index
