"""All four planner answers for a 20-year profile, in-process (target: under 50 ms together).

Run by hand: `python -m bench.planner`. Records and rules are loaded once (as the TUI holds
them); the figure is the median of 20 runs of where + plan (all stored assignments) +
ce status + remind.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from bench.twenty_years import build
from careerpath.planner.assignment import plan_stored
from careerpath.planner.ce_status import ce_status
from careerpath.planner.reminders import reminders
from careerpath.planner.where import where
from careerpath.reference.loader import load

TODAY = dt.date(2026, 11, 25)
RUNS = 20


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        store = build(Path(folder) / "home", TODAY)
        records = store.records()
        store.close()
    rules = load()
    print(f"profile: {len(records.ce_activities)} CE, {len(records.licenses)} licenses, "
          f"{len(records.assignments)} assignments")  # fmt: skip
    parts: dict[str, list[float]] = {"where": [], "plan": [], "ce status": [], "remind": []}
    totals = []
    for _ in range(RUNS):
        started = time.perf_counter()
        steps = {
            "where": lambda: where(records, rules, TODAY, "RN"),
            "plan": lambda: plan_stored(records, rules, TODAY),
            "ce status": lambda: ce_status(records, rules, TODAY),
            "remind": lambda: reminders(records, rules, TODAY),
        }
        for name, step in steps.items():
            t0 = time.perf_counter()
            step()
            parts[name].append(time.perf_counter() - t0)
        totals.append(time.perf_counter() - started)
    for name, times in parts.items():
        print(f"{name:10} {statistics.median(times) * 1000:7.2f} ms")
    print(f"{'all four':10} {statistics.median(totals) * 1000:7.2f} ms  (target < 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
