"""Growth: the target role's skills with the user's ratings, a gap chart, each skill's trend
over the past year, readiness for a coming assignment in the role, and the plan.

The role picker lists the roles of the profile's professions (plus a target role of another
profession the user chose). In the skills table 1-4 rate the highlighted skill (dated today,
self-assessed) and i flags interest; in the plan, space ticks a step done. Escape hands the
digit keys back to the tabs.
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
from careerpath.growth.reasons import effort_and_cost
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
        self._options = self._role_options()

    def compose(self) -> ComposeResult:
        with Vertical():
            with Horizontal(id="growth-bar"):
                roles = self._role_options()
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
            yield Static(id="growth-ready")
            yield SkillTable(id="skill-table", cursor_type="row", zebra_stripes=True)
            yield Static("Plan, best first", classes="section-title")
            yield SelectionList[str](id="plan-steps")
            yield Static(id="step-detail")

    def _role_options(self) -> list[tuple[str, str]]:
        shown = dict(self.session.my_roles())
        default = self.session.default_role()
        if default is not None:
            shown.setdefault(default.id, default)
        return [(r.title, r.id) for r in shown.values()]

    def on_mount(self) -> None:
        table = self.query_one("#skill-table", SkillTable)
        table.add_columns("Skill", "Need", "You", "Gap", "Trend", "Section")
        if not self.session.roles:
            self.query_one("#growth-summary", Static).update("No role profiles installed.")
            return
        self.reload()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "role-select" and isinstance(event.value, str):
            self.reload()

    def reload(self) -> None:
        select = self.query_one("#role-select", Select)
        options = self._role_options()
        if options != self._options:
            self._options = options  # the profile's professions changed
            select.set_options(options)
        if not options:
            from careerpath.growth.targets import no_role_message

            text = no_role_message(self.session.roles, self.session.records)
            self.query_one("#growth-summary", Static).update(f" {text}.")
            return
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
                trend_cell(item),
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
        self._fill_readiness()

    COMPACT_HEIGHT: ClassVar[int] = 30
    """Below this many rows the hint and the readiness details give way to the skills table."""

    def on_resize(self) -> None:
        compact = self.app.size.height < self.COMPACT_HEIGHT
        if compact != self.has_class("-compact"):
            self.set_class(compact, "-compact")
            if self.plan is not None:
                self._fill_readiness()

    def _fill_readiness(self) -> None:
        assert self.plan is not None
        ready = self.query_one("#growth-ready", Static)
        ready.update(readiness_text(self.plan, details=not self.has_class("-compact")))
        ready.display = bool(self.plan.readiness)

    def _fill_plan(self) -> None:
        assert self.plan is not None
        steps = self.query_one("#plan-steps", SelectionList)
        self._filling = True
        steps.clear_options()
        options: list[Selection[str]] = []
        for item in self.plan.items:
            for step in item.steps:
                label = Text.assemble(
                    (f"{item.rank:>2}. {item.name} ", "bold"),
                    f"{step.type.value.replace('_', ' ')}: {step.title}",
                    (f" ({effort_and_cost(step.effort_hours, step.cost)})", "dim"),
                )
                if step.topic_claims:
                    settled = any(c.settled for c in step.topic_claims)
                    label.append(
                        " · fills a topic" if settled else " · may count",
                        style="green" if settled else "yellow",
                    )
                options.append(Selection(label, step.key, step.done_on is not None))
        steps.add_options(options)
        if options and steps.highlighted is None:
            steps.highlighted = 0
        self._filling = False
        self._show_detail(steps.highlighted)

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted[str]
    ) -> None:
        self._show_detail(event.selection_index)

    def _show_detail(self, index: int | None) -> None:
        """Why the highlighted step's item ranks where it does, and what the step counts for."""
        detail = self.query_one("#step-detail", Static)
        pairs = [(i, s) for i in (self.plan.items if self.plan else []) for s in i.steps]
        if index is None or not 0 <= index < len(pairs):
            detail.update("")
            return
        item, step = pairs[index]
        text = Text.assemble(("why: ", "bold"), item.reason)
        if item.tie_note:
            text.append(f"; {item.tie_note}")
        text.append(f"\nthis step: {effort_and_cost(step.effort_hours, step.cost)}", style="dim")
        for claim in step.topic_claims:
            text.append("\n")
            text.append(claim.text, style="green" if claim.settled else "yellow")
        detail.update(text)

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
        record = rate(self.role, skill_id, level, self.session.records.skills, self.session.today)
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


def trend_cell(item: SkillAssessment) -> Text:
    """'2→3 Mar 2026' (from March 2026 to now) in green, a fall in red; nothing without two
    ratings. The full sentence is in `upskill`."""
    trend = item.trend
    if trend is None or not trend.change:
        return Text("")
    since = f" {trend.since:%b %Y}" if trend.since else ""
    style = "green" if trend.change > 0 else "red"
    return Text(f"{trend.from_level}→{trend.to_level}{since}", style=style)


def readiness_text(plan: GrowthPlan, *, details: bool = True) -> Text:
    """The coming assignment(s) in this role: what to close before the start (with `details`,
    the first gaps by name; the CLI's `upskill` lists them all)."""
    text = Text()
    for ready in plan.readiness:
        if text:
            text.append("\n")
        text.append(" Ready? ", style="bold")
        text.append(ready.summary, style="green" if ready.ready else "yellow")
        names = "; ".join(f"{g.name}: {g.problem}" for g in ready.gaps[:3])
        if names and details:
            more = f"; and {len(ready.gaps) - 3} more" if len(ready.gaps) > 3 else ""
            text.append(f"\n   {names}{more}", style="dim")
    return text


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
