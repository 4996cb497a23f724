"""Terminal UI speed, as ratios in one run: `python -m bench.tui_speed`.

1. Start-up: process start to the dashboard painted, with the sample traveler, against a minimal
   Textual hello-world app measured the same way (a child process prints a mark on Textual's
   Ready event, sent once the first frame is displayed; headless, so both skip the terminal
   alike).
   Target: 1.3x or less.
2. Filtering a 10,000-row CE log: time from a keystroke in the filter box until the table has
   been rebuilt and the screen refreshed. Target: under 100 ms per keystroke.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 11, 25)
RUNS = 7

# Both apps print a mark on Textual's Ready event: the first frame has been displayed.
HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App[None]):
    def compose(self):
        yield Static("Hello, world")

    def on_ready(self):
        print("PAINTED", flush=True)
        self.exit()

Hello().run(headless=True, size=(120, 40))
"""

CAREERPATH = """
import datetime as dt, sys
from pathlib import Path
import careerpath.tui.app as tui
from careerpath.tui.session import Session

class Timed(tui.CareerpathApp):
    CSS_PATH = str(Path(tui.__file__).parent / "app.tcss")

    def on_ready(self):
        assert "Sam Rivera" in str(self.query_one("#today-head").render())
        print("PAINTED", flush=True)
        self.exit()

Timed(Session(Path(sys.argv[1]), dt.date(2026, 11, 25))).run(headless=True, size=(120, 40))
"""


def time_to_paint(code: str, *args: str) -> float:
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=os.environ | {"TEXTUAL": ""},
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("PAINTED"):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError("the app never painted")
        child.wait(timeout=30)
    return elapsed


def startup(home: Path) -> tuple[float, float]:
    hello, ours = [], []
    time_to_paint(HELLO)  # warm the file cache for both
    time_to_paint(CAREERPATH, str(home))
    for _ in range(RUNS):
        hello.append(time_to_paint(HELLO))
        ours.append(time_to_paint(CAREERPATH, str(home)))
    return statistics.median(hello), statistics.median(ours)


async def filtering(home: Path) -> list[float]:
    """Per keystroke: from sending the key to the end of the screen refresh that shows the new
    rows (marked by a callback queued after the table is refilled). The pilot's own settling
    time after each key is not counted: it is a test harness cost, not the app's."""
    from textual.widgets import Input

    from careerpath.tui.app import build_app
    from careerpath.tui.views.ce_view import CEView
    from careerpath.tui.widgets.virtual_table import VirtualTable

    painted: list[float] = []
    original = CEView._fill

    def timed_fill(view: CEView) -> None:
        original(view)
        view.call_after_refresh(lambda: painted.append(time.perf_counter()))

    CEView._fill = timed_fill  # type: ignore[method-assign]
    app = build_app(home, TODAY)
    timings: list[float] = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("3")
            await pilot.pause()
            box = app.query_one("#ce-filter", Input)
            box.focus()
            await pilot.pause()
            table = app.query_one("#ce-table", VirtualTable)
            assert table.row_count >= 10_000, table.row_count
            for key in [*"course 1", *["backspace"] * 8, *"nti", *["backspace"] * 3]:
                painted.clear()
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                assert painted, f"no repaint after {key!r}"
                timings.append(painted[-1] - start)
    finally:
        CEView._fill = original  # type: ignore[method-assign]
    return timings


def main() -> int:
    from bench.twenty_years import build
    from careerpath.sample import sample_traveler
    from careerpath.store.repository import Store

    with tempfile.TemporaryDirectory() as tmp:
        sample_home = Path(tmp) / "sample"
        store = Store(sample_home)
        store.replace_all(sample_traveler(TODAY))
        store.close()
        hello, ours = startup(sample_home)
        print(
            f"start-up to dashboard: careerpath {ours * 1000:.0f} ms, "
            f"hello-world {hello * 1000:.0f} ms, ratio {ours / hello:.2f}x "
            f"(target <= 1.3x; median of {RUNS})"
        )

        big_home = Path(tmp) / "big"
        build(big_home, TODAY, ce_count=10_000).close()
        timings = asyncio.run(filtering(big_home))
        ms = sorted(t * 1000 for t in timings)
        print(
            f"filter 10,000-row CE log: median {statistics.median(ms):.0f} ms, "
            f"p90 {ms[int(len(ms) * 0.9)]:.0f} ms, max {ms[-1]:.0f} ms per keystroke "
            f"over {len(ms)} keys (target < 100 ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
