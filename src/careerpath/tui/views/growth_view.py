"""Growth: the target role's skills with the user's ratings, a gap chart, and the plan.

In the skills table 1-4 rate the highlighted skill and i flags interest; in the plan, space
ticks a step done. Escape hands the digit keys back to the tabs.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Select, SelectionList, Static, Tabs
from textual.widgets.selection_list import Selection

from careerpath.growth.assessment import SkillAssessment, SkillStatus
from careerpath.growth.plan import GrowthPlan
from careerpath.records import SkillRating
from careerpath.reference.roles import Role
from careerpath.tui.session import Session


class SkillTable(DataTable[str | Text]):
    BINDINGS: ClassVar = [
        Binding("1", "rate(1)", "Rate 1", show=False),
        Binding("2", "rate(2)", "Rate 2", show=False),
        Binding("3", "rate(3)", "Rate 3", show=False),
        Binding("4", "rate(4)", "Rate 4", show=False),
        Binding("i", "interest", "Interest"),
        Binding("escape", "leave", "Tabs", show=False),
    ]

    def action_rate(self, level: int) -> None:
        view = self.screen.query_one(GrowthView)
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is not None:
            view.rate(key, level)

    def action_interest(self) -> None:
        view = self.screen.query_one(GrowthView)
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is not None:
            view.toggle_interest(key)

    def action_leave(self) -> None:
        self.screen.query_one(Tabs).focus()


class GrowthView(Widget):
    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.role: Role | None = None
        self.plan: GrowthPlan | None = None
        self._filling = False
        default = session.default_role()
        self._default_id = default.id if default else None

    def compose(self) -> ComposeResult:
        with Vertical():
            with Horizontal(id="growth-bar"):
                roles = [(r.title, r.id) for r in self.session.roles.values()]
                default = self.session.default_role()
                yield Select[str](
                    roles,
                    value=default.id if default else Select.NULL,
                    allow_blank=not roles,
                    id="role-select",
                    prompt="role",
                )
                yield Static(id="growth-summary")
            yield Static(
                "[dim]1-4 rate the highlighted skill · i interest · space ticks a plan step · "
                "Esc back to the tabs[/dim]",
                id="growth-hint",
            )
            yield SkillTable(id="skill-table", cursor_type="row", zebra_stripes=True)
            yield Static("Plan, best first", classes="section-title")
            yield SelectionList[str](id="plan-steps")

    def on_mount(self) -> None:
        table = self.query_one("#skill-table", SkillTable)
        table.add_columns("Skill", "Need", "You", "Gap", "Section")
        if not self.session.roles:
            self.query_one("#growth-summary", Static).update("No role profiles installed.")
            return
        self.reload()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "role-select" and isinstance(event.value, str):
            self.reload()

    def reload(self) -> None:
        select = self.query_one("#role-select", Select)
        default = self.session.default_role()
        if default is not None and default.id != self._default_id:
            # The profile's target role changed (first run, profile form, CLI): follow it,
            # but leave alone a role the user picked by hand while the target stays the same.
            self._default_id = default.id
            if select.value != default.id:
                select.value = default.id  # its Changed message reloads again
                return
        value = select.value
        if not isinstance(value, str) or value not in self.session.roles:
            return
        self.role = self.session.roles[value]
        self.plan = self.session.growth(self.role)
        self._fill_skills()
        self._fill_plan()

    def _fill_skills(self) -> None:
        assert self.plan is not None
        table = self.query_one("#skill-table", SkillTable)
        row = table.cursor_row
        table.clear()
        rows = self.plan.skills
        for item in rows:
            table.add_row(
                _short(item.name, 44) + (" ★" if item.interested else ""),
                str(item.expected),
                str(item.rated) if item.rated else "-",
                gap_bar(item),
                item.category,
                key=item.skill_id,
            )
        if rows:
            table.move_cursor(row=min(row, len(rows) - 1))
        plan = self.plan
        gaps = sum(1 for a in rows if a.status is SkillStatus.GAP)
        self.query_one("#growth-summary", Static).update(
            f" {gaps} gaps · {len(plan.to_rate)} to rate · {len(plan.met)} met · "
            f"{len(plan.items)} plan items"
        )

    def _fill_plan(self) -> None:
        assert self.plan is not None
        steps = self.query_one("#plan-steps", SelectionList)
        self._filling = True
        steps.clear_options()
        options: list[Selection[str]] = []
        for item in self.plan.items:
            for step in item.steps:
                also = " · also counts" if step.counts_for else ""
                label = Text.assemble(
                    (f"{item.rank:>2}. {item.name} ", "bold"),
                    (f"[{item.score}] ", "dim"),
                    f"{step.type.value.replace('_', ' ')}: {step.title}",
                    (f" ({step.effort_hours:g} h){also}" if step.effort_hours else also, "dim"),
                )
                options.append(Selection(label, step.key, step.done_on is not None))
        steps.add_options(options)
        if options and steps.highlighted is None:
            steps.highlighted = 0
        self._filling = False

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[str]
    ) -> None:
        if self._filling:
            return
        key = event.selection.value
        done = key in event.selection_list.selected
        self.session.store.set_plan_step(key, self.session.today.isoformat() if done else None)
        self.app.notify(("Ticked: " if done else "Unticked: ") + str(event.selection.prompt))

    def selected(self) -> SkillRating | None:
        """The user's rating behind the highlighted skill, for edit and remove."""
        from careerpath.growth.assessment import rating_for

        table = self.query_one("#skill-table", SkillTable)
        if self.role is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        skill = next((s for s in self.role.skills if s.id == key), None)
        return rating_for(skill, self.session.records.skills) if skill else None

    def rate(self, skill_id: str, level: int) -> None:
        from careerpath.growth.ratings import rate

        if self.role is None:
            return
        record = rate(self.role, skill_id, level, self.session.records.skills)
        self._save(record)

    def toggle_interest(self, skill_id: str) -> None:
        from careerpath.growth.ratings import toggle_interest

        if self.role is None:
            return
        record = toggle_interest(self.role, skill_id, self.session.records.skills)
        if record is None:
            self.app.notify("Rate the skill first (1-4), then flag your interest.")
            return
        self._save(record)

    def _save(self, record: SkillRating) -> None:
        store = self.session.store
        try:
            store.update(record) if record.id is not None else store.add(record)
        except Exception as exc:
            self.app.notify(f"Could not save: {exc}", severity="error")
            return
        self.session.refresh()
        self.reload()


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def gap_bar(item: SkillAssessment) -> Text:
    """Filled blocks for the (effective) level, hollow ones up to what the role expects."""
    have = item.effective or 0
    bar = Text()
    bar.append("█" * min(have, item.expected), style="green" if have >= item.expected else "yellow")
    bar.append("█" * max(0, have - item.expected), style="green")
    bar.append("░" * max(0, item.expected - have), style="red")
    if item.status is SkillStatus.UNRATED:
        return Text("rate me", style="dim italic")
    if item.stale:
        bar.append(" stale", style="dim")
    return bar
