"""Cached obligations answer exactly as a fresh computation, on every day they claim to hold."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import CLI

from careerpath.planner.reminders import classify, obligations, reminders
from careerpath.planner.settings import PlannerSettings
from careerpath.records import Assignment, Certification, Records
from careerpath.reference.loader import load

from .builders import TODAY, ce, d, lic, profile, records

RULES = load()


def _profile(offsets: list[int]) -> Records:
    """A profile whose dates fall at the given day offsets from TODAY."""
    day = [TODAY + dt.timedelta(days=o) for o in offsets]
    return records(
        profile("TX", "RN"),
        lic(1, "RN", "TX", kind="multistate", issued=d("2012-01-01"), expires=day[0]),
        lic(2, "RN", "CA", expires=day[1]),
        lic(3, "RN", "OR", status="encumbered", expires=day[2]),
        certifications=[Certification(id=1, name="BLS", expires=day[3])],
        ce_activities=[ce(1, "2025-09-01", "6", "laws-and-rules")],
        assignments=[
            Assignment(id=1, jurisdiction="OR", start=day[4] + dt.timedelta(days=60)),
            Assignment(
                id=2,
                jurisdiction="CA",
                start=day[5] + dt.timedelta(days=30),
                end=day[5] + dt.timedelta(days=120),
            ),
            Assignment(id=3, jurisdiction="HI", start=day[6] + dt.timedelta(days=90)),
        ],
    )


@settings(max_examples=40, deadline=None)
@given(
    offsets=st.lists(st.integers(-200, 400), min_size=7, max_size=7),
    later=st.integers(0, 500),
    window=st.sampled_from([None, 7, 30, 365]),
)
def test_obligations_hold_until_valid_through(
    offsets: list[int], later: int, window: int | None
) -> None:
    recs = _profile(offsets)
    plan = PlannerSettings()
    found = obligations(recs, RULES, TODAY, settings=plan)
    day = TODAY + dt.timedelta(days=later)
    if day > found.valid_through:
        day = found.valid_through
    cached = classify(found.items, day, window, plan)
    fresh = reminders(recs, RULES, day, within_days=window, settings=plan)
    assert cached == fresh


def test_cli_answer_is_the_same_from_the_cache_and_cleared_by_any_write(
    cli: CLI, home: Path
) -> None:
    for command in (
        ["profile", "set", "--name", "Ana", "--profession", "RN", "--home-state", "TX"],
        ["license", "add", "--profession", "RN", "--state", "TX", "--expires", "2027-01-31"],
        ["cert", "add", "--name", "BLS", "--expires", "2026-12-20"],
    ):
        assert cli(*command).code == 0
    first = cli("remind", "--json")
    assert first.code == 10
    with sqlite3.connect(home / "careerpath.db") as conn:
        assert conn.execute("SELECT count(*) FROM answer_cache").fetchone()[0] == 1
    second = cli("remind", "--json")
    assert json.loads(second.out) == json.loads(first.out)
    from careerpath.store.repository import Store

    store = Store(home)
    fresh = reminders(store.records(), RULES, TODAY).model_dump(mode="json")
    store.close()
    assert {**fresh, "exit_status": 10} == json.loads(first.out)

    assert cli("cert", "add", "--name", "BLS", "--expires", "2028-12-20").code == 0
    conn = sqlite3.connect(home / "careerpath.db")
    assert conn.execute("SELECT count(*) FROM answer_cache").fetchone()[0] == 0
    conn.close()
    after = json.loads(cli("remind", "--json").out)
    assert all(i["text"] != "BLS expires" for i in after["items"])


def test_a_cache_from_another_day_or_settings_is_not_used(cli: CLI, home: Path) -> None:
    assert cli("profile", "set", "--name", "Ana", "--profession", "RN").code == 0
    assert (
        cli("license", "add", "--profession", "RN", "--state", "TX", "--expires", "2027-01-31").code
        == 0
    )
    assert cli("remind").code == 10
    # An earlier what-if day than the cache was computed on is recomputed.
    earlier = cli("remind", "--today", "2026-01-01", "--within", "400")
    assert "RN license TX #1 expires" in earlier.out
    (home / "config.toml").write_text("[planner]\nlead_times = [30, 7]\n")
    assert "RN license TX #1 expires" not in cli("remind").out
    assert "in 67 days" in cli("remind", "--within", "70").out
    assert cli("remind", "--json").out.count('"lead_times":[30,7]') == 1


def test_cached_remind_builds_no_pydantic_model(cli: CLI, home: Path) -> None:
    assert cli("profile", "set", "--name", "Ana", "--profession", "RN").code == 0
    assert cli("remind").code == 0  # computes and caches
    probe = (
        "import sys, io, contextlib\n"
        "from careerpath.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--today', '2026-11-25', 'remind', '--json'])\n"
        "print('pydantic.main' in sys.modules)\n"
    )
    import os
    import subprocess
    import sys

    env = {**os.environ, "CAREERPATH_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
