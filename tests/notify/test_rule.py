"""Each reminder is notified once per lead time it crosses, and once when overdue; never on
every daily run (hypothesis over run days with arbitrary gaps: a laptop closed for weeks)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.notify import rule
from careerpath.planner import lead_times

DATE = dt.date(2027, 3, 31)


def item_on(day: dt.date, leads: tuple[int, ...], date: dt.date = DATE) -> dict[str, Any] | None:
    """The reminder item `remind` would report on `day` (its JSON shape), or None."""
    found = lead_times.report_from_obligations(
        [{"date": date.isoformat(), "kind": "license_expiry", "text": "RN license TX expires",
          "past_text": None, "overdue": False, "record": "license", "record_id": 7}],
        day, leads[0], leads,
    )["items"]  # fmt: skip
    return found[0] if found else None


leads_strategy = st.lists(st.integers(0, 120), min_size=1, max_size=5, unique=True).map(
    lambda xs: tuple(sorted(xs, reverse=True))
)
gaps_strategy = st.lists(st.integers(1, 45), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(leads=leads_strategy, gaps=gaps_strategy, start=st.integers(0, 200))
def test_once_per_lead_time_crossed(leads: tuple[int, ...], gaps: list[int], start: int) -> None:
    sent: rule.Sent = {}
    day = DATE - dt.timedelta(days=start)
    seen_stages: list[str] = []
    notified: list[str] = []
    for gap in gaps:
        item = item_on(day, leads)
        items = [item] if item else []
        new = rule.to_notify(items, sent)
        stage = rule.stage(item) if item else None
        # Notified exactly when today's stage is one not seen on any earlier run.
        assert bool(new) == (stage is not None and stage not in seen_stages)
        notified += [rule.stage(i) or "" for i in new]
        if stage is not None and stage not in seen_stages:
            seen_stages.append(stage)
        sent = rule.remember(items, sent, day)
        day += dt.timedelta(days=gap)
    assert len(notified) == len(set(notified))  # never twice for one stage
    assert len(notified) <= len(leads) + 1  # each lead time, and overdue


@settings(max_examples=100, deadline=None)
@given(leads=leads_strategy)
def test_daily_runs_notify_each_lead_time_and_overdue_once(leads: tuple[int, ...]) -> None:
    sent: rule.Sent = {}
    count = 0
    day = DATE - dt.timedelta(days=leads[0] + 5)
    while day <= DATE + dt.timedelta(days=10):
        item = item_on(day, leads)
        items = [item] if item else []
        count += len(rule.to_notify(items, sent))
        sent = rule.remember(items, sent, day)
        day += dt.timedelta(days=1)
    assert count == len(leads) + 1


def test_a_renewal_starts_again_at_the_first_lead_time() -> None:
    leads = (90, 30)
    old = item_on(DATE - dt.timedelta(days=20), leads)
    assert old is not None
    sent = rule.remember([old], {}, DATE)
    renewed = item_on(DATE - dt.timedelta(days=20), leads, date=DATE.replace(year=2029))
    assert renewed is None  # two years out: nothing yet
    later = item_on(dt.date(2029, 1, 5), leads, date=DATE.replace(year=2029))
    assert later is not None and rule.to_notify([later], sent) == [later]


def test_long_past_items_are_forgotten() -> None:
    sent = {"license:7:license_expiry:2020-01-01": ["overdue"], rule.item_key(
        {"record": "license", "record_id": 7, "kind": "license_expiry", "date": "2026-12-01"}
    ): ["30"]}  # fmt: skip
    kept = rule.remember([], sent, dt.date(2026, 12, 2))
    assert list(kept) == ["license:7:license_expiry:2026-12-01"]
