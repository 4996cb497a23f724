"""What the app works with: the store, the rules, today, and the answers computed from them.

The app never computes an answer itself: it asks the planner through this object and redraws.
Records are re-read on refresh, so changes made from the CLI while the app is open show up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careerpath.planner.assignment import AssignmentPlan, plan_stored
from careerpath.planner.ce_ledger import CELedger
from careerpath.planner.ce_status import CEReport, ce_status
from careerpath.planner.credentials import professions_of
from careerpath.planner.reminders import ReminderReport, reminders
from careerpath.planner.settings import PlannerSettings, load_settings
from careerpath.planner.where import WhereReport, where
from careerpath.records import Records
from careerpath.reference.loader import RulesData
from careerpath.rules_update import load_current
from careerpath.store.repository import Store


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
        self.warnings: list[str] = []
        """Why a downloaded rules update is not in use (damaged), for the app to show."""
        self.rules: RulesData = load_current(home, self.warnings.append)
        self.settings: PlannerSettings = load_settings(config or home)
        self.records = Records()
        self.answers: Answers | None = None
        self.refresh()

    def refresh(self) -> None:
        self.records = self.store.records()
        self.answers = Answers(self.records, self.rules, self.today, self.settings)

    @property
    def is_empty(self) -> bool:
        return self.store.is_empty()

    def close(self) -> None:
        self.store.close()
