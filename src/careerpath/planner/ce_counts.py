"""Where does one CE activity count? (`careerpath ce what-counts ID`)

One activity counts toward every license whose current window it falls in, unless the user
claimed it for particular licenses only; within each it may also fill mandatory topics.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from careerpath.errors import CareerpathError
from careerpath.hours import to_decimal
from careerpath.planner.ce_ledger import CELedger, counts_for
from careerpath.planner.ce_status import license_ce, renews_with_ce, state_rules_for
from careerpath.records import Records
from careerpath.reference.loader import RulesData


class CountsToward(BaseModel):
    model_config = ConfigDict(frozen=True)

    license_id: int | None
    license: str
    counts: bool
    hours: Decimal
    """Hours credited in that board's unit (50-minute hours differ from 60)."""
    topics: list[str] = Field(default_factory=list)
    """Mandatory topics of that license it helps fill."""
    reason: str


class ActivityCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    activity_id: int
    title: str
    completed: dt.date
    contact_hours: Decimal
    toward: list[CountsToward]


def what_counts(
    records: Records, rules: RulesData, today: dt.date, activity_id: int
) -> ActivityCounts:
    activity = next((a for a in records.ce_activities if a.id == activity_id), None)
    if activity is None:
        raise CareerpathError(f"no CE activity #{activity_id} (see careerpath ce list)")
    ledger = CELedger(records.ce_activities)
    toward: list[CountsToward] = []
    for lic in records.licenses:
        if not renews_with_ce(lic):
            continue
        status = license_ce(lic, rules, today, ledger)
        state = state_rules_for(lic, rules)
        mph = state.ce.minutes_per_hour or 60 if state else 60
        hours = to_decimal(activity.exact_hours(mph))
        topics: list[str] = []
        if not counts_for(activity, lic.id):
            counts, reason = False, "claimed for other licenses only"
        elif status.window_start is None or status.window_end is None:
            counts, reason = False, "renewal window unknown"
        elif not status.window_start <= activity.completed <= status.window_end:
            counts = False
            reason = (
                f"outside the window {status.window_start.isoformat()} to "
                f"{status.window_end.isoformat()}"
            )
        else:
            counts = True
            reason = (
                f"in the window {status.window_start.isoformat()} to "
                f"{status.window_end.isoformat()}"
            )
            if mph != 60:
                reason += f" ({mph}-minute hours)"
        for topic in status.topics:
            if topic.topic in activity.topics and counts_for(activity, lic.id):
                in_period = topic.counted_from is None or activity.completed >= topic.counted_from
                if in_period and (
                    status.window_end is None or activity.completed <= status.window_end
                ):
                    topics.append(topic.label)
        toward.append(
            CountsToward(
                license_id=lic.id,
                license=status.license,
                counts=counts,
                hours=hours if counts else Decimal(0),
                topics=topics,
                reason=reason,
            )
        )
    return ActivityCounts(
        activity_id=activity_id,
        title=activity.title,
        completed=activity.completed,
        contact_hours=activity.contact_hours,
        toward=toward,
    )
