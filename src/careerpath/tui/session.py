"""What the app works with: the store, the rules, today, and the answers computed from them.

The app never computes an answer itself: it asks the planner through this object and redraws.
Records are re-read on refresh, so changes made from the CLI while the app is open show up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from careerpath.errors import CareerpathError
from careerpath.planner.assignment import AssignmentPlan, plan_stored
from careerpath.planner.ce_ledger import CELedger
from careerpath.planner.ce_status import CEReport, ce_status
from careerpath.planner.credentials import professions_of
from careerpath.planner.reminders import ReminderReport, reminders
from careerpath.planner.settings import PlannerSettings, load_growth_settings, load_settings
from careerpath.planner.where import WhereReport, where
from careerpath.records import Records
from careerpath.reference.loader import RulesData
from careerpath.rules_update import load_current
from careerpath.store.repository import Store

if TYPE_CHECKING:
    from careerpath.growth.plan import GrowthPlan
    from careerpath.planner.license_cost import LicenseCostReport
    from careerpath.reference.roles import Role


class Answers:
    """Every answer for one (records, rules, today), computed together (about 15 ms)."""

    def __init__(
        self, records: Records, rules: RulesData, today: dt.date, settings: PlannerSettings
    ) -> None:
        ledger = CELedger(records.ce_activities)
        professions = professions_of(records) or ["RN"]
        self.where: list[WhereReport] = [where(records, rules, today, p) for p in professions]
        self.ce: CEReport = ce_status(records, rules, today, ledger)
        self.plans: list[AssignmentPlan] = plan_stored(records, rules, today, settings)
        self.reminders: ReminderReport = reminders(
            records, rules, today, settings=settings, ledger=ledger
        )


class Session:
    def __init__(self, home: Path, today: dt.date, config: Path | None = None) -> None:
        self.home = home
        self.today = today
        self.store = Store(home)
        self.config = config or home
        self.warnings: list[str] = []
        """Why a downloaded rules update is not in use (damaged), for the app to show."""
        self.rules: RulesData = load_current(home, self.warnings.append)
        self.settings: PlannerSettings = load_settings(config or home)
        self.stale_months = load_growth_settings(config or home).stale_months
        self._roles: dict[str, Role] | None = None
        self.records = Records()
        self.answers: Answers | None = None
        self._synced = Store.generation
        self.refresh()

    def refresh(self) -> None:
        self._costs: LicenseCostReport | None = None
        self.records = self.store.records()
        self.answers = Answers(self.records, self.rules, self.today, self.settings)
        if Store.generation != self._synced:
            self._synced = Store.generation
            self._sync_calendar()

    def license_costs(self) -> LicenseCostReport:
        """What each license costs to keep; computed when the Licenses tab first asks, once
        per refresh."""
        if self._costs is None:
            from careerpath.planner.license_cost import license_costs

            self._costs = license_costs(self.records, self.rules, self.today)
        return self._costs

    def _sync_calendar(self) -> None:
        """This app changed the records: rewrite the `[calendar] path` file (a failure is
        shown as a warning; the change itself is saved)."""
        from careerpath.exports.calendar_sync import calendar_path, write_calendar

        try:
            path = calendar_path(self.config)
            if path is not None:
                write_calendar(path, self.records, self.rules, self.today, self.settings)
        except CareerpathError as exc:
            self.warnings.append(f"calendar not updated: {exc}")

    def reload_rules(self) -> None:
        """After a rules update or rollback: read the copy now in use, then every answer."""
        self.rules = load_current(self.home, self.warnings.append)
        self._roles = None
        self.refresh()

    @property
    def roles(self) -> dict[str, Role]:
        """The role profiles of the rules in use, read when the Growth tab first needs them
        (the growth modules are not needed for the dashboard)."""
        if self._roles is None:
            from careerpath.reference.roles import roles_in_use

            self._roles = roles_in_use(self.rules.folder)
        return self._roles

    def default_role(self) -> Role | None:
        """The profile's target role, else the role of its professions its specialty names,
        else the first role of its professions; None when no role fits them."""
        from careerpath.growth.targets import my_default_role

        return my_default_role(self.roles, self.records)

    def my_roles(self) -> dict[str, Role]:
        """The roles of the profile's professions, for the role picker."""
        from careerpath.growth.targets import my_roles

        return my_roles(self.roles, self.records)

    def growth(self, role: Role) -> GrowthPlan:
        from careerpath.growth.plan import upskill

        return upskill(
            self.records,
            role,
            self.rules,
            self.today,
            settings=self.settings,
            stale_months=self.stale_months,
            done=self.store.plan_steps(),
        )

    @property
    def is_empty(self) -> bool:
        return self.store.is_empty()

    def close(self) -> None:
        self.store.close()
