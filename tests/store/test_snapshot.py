"""An export is one snapshot: a writer committing a license and a CE activity claimed for it in
one transaction, again and again, never shows up in an export as half of that."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from careerpath.exports.service import write_export
from careerpath.records import Profile
from careerpath.store.repository import Store

PAIRS = """
import sys
from pathlib import Path
from careerpath.store.database import transaction
from careerpath.store.repository import Store
store = Store(Path(sys.argv[1]))
print("ready", flush=True)
for i in range(100000):
    with transaction(store.conn):
        store.conn.execute(
            "INSERT INTO licenses (profession, jurisdiction, kind, status) "
            "VALUES ('RN', 'TX', 'single_state', 'active')"
        )
        store.conn.execute(
            "INSERT INTO ce_activities (completed, title, amount, unit, format) "
            "VALUES ('2026-01-01', ?, '1', 'contact_hours', 'other')", (f"ce {i}",)
        )
"""


@pytest.mark.slow
def test_exports_under_a_fast_writer_are_whole(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        store.save_profile(Profile(name="Ana", professions=["RN"]))
    writer = subprocess.Popen(
        [sys.executable, "-c", PAIRS, str(home)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        mixed = 0
        for number in range(60):
            target = tmp_path / f"export-{number}.json"
            write_export(home, dt.date(2026, 11, 25), target, None)
            records = json.loads(target.read_bytes())["records"]
            mixed += len(records["licenses"]) != len(records["ce_activities"])
            target.unlink()
    finally:
        writer.kill()
        writer.wait(10)
        if writer.stdout is not None:
            writer.stdout.close()
    print(f"\nexports under a fast writer: 60 / mixed states: {mixed}")
    assert mixed == 0
