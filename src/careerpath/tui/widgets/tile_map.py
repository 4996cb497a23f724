"""A US tile-grid map: one focusable tile per jurisdiction, coloured by a class per answer."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from careerpath.tui.tile_layout import COLUMNS, ROWS, TILES


class Tile(Static, can_focus=True):
    """One jurisdiction; Enter or a click selects it."""

    BINDINGS: ClassVar = [("enter", "select", "Open state")]

    def __init__(self, code: str) -> None:
        super().__init__(code, id=f"tile-{code}", classes="tile")
        self.code = code

    def action_select(self) -> None:
        self.post_message(TileMap.Selected(self.code))

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.action_select()

    def on_focus(self) -> None:
        self.post_message(TileMap.Highlighted(self.code))


class TileMap(Widget):
    """The grid; parents set each tile's basis class with `paint`."""

    DEFAULT_CSS = """
    TileMap { height: 9; width: 59; }
    TileMap > Grid { grid-size: 12 9; grid-gutter: 0 1; grid-rows: 1; grid-columns: 4;
                     height: 9; width: 59; }
    TileMap .tile { width: 4; height: 1; content-align: center middle; }
    TileMap .gap { width: 4; height: 1; }
    """

    BINDINGS: ClassVar = [
        ("left", "move(-1, 0)", "Left"),
        ("right", "move(1, 0)", "Right"),
        ("up", "move(0, -1)", "Up"),
        ("down", "move(0, 1)", "Down"),
    ]

    class Selected(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    class Highlighted(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def compose(self) -> ComposeResult:
        at = {pos: code for code, pos in TILES.items()}
        with Grid():
            for row in range(ROWS):
                for col in range(COLUMNS):
                    code = at.get((col, row))
                    yield Tile(code) if code else Static("", classes="gap")

    def paint(self, classes: dict[str, str]) -> None:
        """Give each tile exactly one basis class (e.g. `multistate`)."""
        for code, name in classes.items():
            tile = self.query_one(f"#tile-{code}", Tile)
            tile.set_classes(f"tile {name}")

    def action_move(self, dx: int, dy: int) -> None:
        focused = self.screen.focused
        if not isinstance(focused, Tile):
            self.query_one(Tile).focus()
            return
        col, row = TILES[focused.code]
        best: tuple[int, str] | None = None
        for code, (c, r) in TILES.items():
            ahead = (c - col) * dx if dx else (r - row) * dy
            if ahead <= 0:
                continue
            across = abs(r - row) if dx else abs(c - col)
            score = ahead + 3 * across
            if best is None or score < best[0]:
                best = (score, code)
        if best is not None:
            self.query_one(f"#tile-{best[1]}", Tile).focus()
