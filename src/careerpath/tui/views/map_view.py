"""Map: where the user may practise today, and one state's rules and plan on selection."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from careerpath.planner.unknown import unknown_text
from careerpath.planner.where import WhereReport
from careerpath.tui.session import Session
from careerpath.tui.widgets.tile_map import TileMap

LEGEND = [
    ("$success", "licensed"),
    ("$success-darken-2", "multistate"),
    ("$success-darken-1", "privilege"),
    ("$warning-darken-2", "privilege available"),
    ("$warning-darken-3", "multistate if upgraded"),
    ("$primary-darken-2", "compact pending"),
    ("$surface", "license needed"),
]
"""Colours as in app.tcss, one per planner Basis."""


class MapView(Widget):
    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def compose(self) -> ComposeResult:
        with Horizontal(id="map-body"):
            with VerticalScroll(id="map-left"):
                yield Static(id="map-title", classes="section-title")
                yield TileMap()
                yield Static(self._legend(), id="map-legend")
            yield VerticalScroll(Static(id="state-detail"), id="map-detail")

    def on_mount(self) -> None:
        self.reload()

    def _report(self) -> WhereReport | None:
        answers = self.session.answers
        return answers.where[0] if answers and answers.where else None

    def reload(self) -> None:
        report = self._report()
        if report is None:
            return
        self.query_one(TileMap).paint({a.code: a.basis.value for a in report.jurisdictions})
        count = len(report.practisable())
        self.query_one("#map-title", Static).update(
            f"{report.profession} · home {report.home_state or 'not set'} · "
            f"may practise in {count} of {len(report.jurisdictions)} today"
        )
        self.show_state(report.home_state or "TX")

    @staticmethod
    def _legend() -> str:
        return "\n".join(f"[{colour}]██[/] {label}" for colour, label in LEGEND)

    def on_tile_map_highlighted(self, message: TileMap.Highlighted) -> None:
        self.show_state(message.code)

    def on_tile_map_selected(self, message: TileMap.Selected) -> None:
        self.show_state(message.code)

    def show_state(self, code: str) -> None:
        report = self._report()
        if report is None:
            return
        auth = report.get(code)
        lines = [
            f"[b]{escape(auth.name)} ({code})[/b]",
            f"[b]{auth.basis.label}[/b]",
            escape(auth.detail),
        ]
        if auth.expires:
            lines.append(f"until {auth.expires.isoformat()}")
        lines += [f"[i]! {escape(w)}[/i]" for w in auth.warnings]
        lines += [f"confirm: {escape(c)}" for c in auth.confirm]
        lines += [escape(str(u)) for u in auth.unknowns]
        rules = self.session.rules.rules_for(report.profession, code)
        if rules is not None:
            board = rules.board.url
            cycle = rules.renewal.cycle_months
            hours = rules.ce.hours_per_cycle
            lines.append("")
            lines.append(f"[b]Board[/b] {escape(rules.board.name or unknown_text(board))}")
            lines.append(
                "[b]Renewal[/b] " + (f"every {cycle} months" if cycle else unknown_text(board))
            )
            if rules.renewal.expiry.detail:
                lines.append(escape(rules.renewal.expiry.detail))
            lines.append(
                "[b]CE[/b] "
                + (
                    f"{hours:g} contact hours per cycle"
                    if hours is not None
                    else unknown_text(board)
                )
            )
            for topic in rules.ce.mandatory_topics:
                size = f"{topic.hours:g} h " if topic.hours is not None else ""
                lines.append(f"  · {size}{escape(topic.label)}")
            from careerpath.planner.where import endorsement_hint

            lines.append("[b]Endorsement[/b] " + escape(endorsement_hint(rules)))
        if auth.source:
            lines.append(f"\n[dim]source: {escape(auth.source)}[/dim]")
        self.query_one("#state-detail", Static).update("\n".join(lines))
