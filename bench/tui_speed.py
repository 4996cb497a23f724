"""Terminal UI speed, as ratios in one run: `python -m bench.tui_speed`.

1. Start-up: process start to the dashboard painted, with the sample traveler, against a minimal
   Textual hello-world app measured the same way (a child process prints a mark once the first
   frame is displayed: Textual's Ready event for hello-world, the app's `dashboard_painted`
   hook for careerpath; headless, so both skip the terminal alike). careerpath runs the real
   command's code path. Measured twice: opened again with its records unchanged (the usual
   case: the dashboard is painted from its cache), and first opened after the records changed
   (it waits for the records and rules to load). Target: 1.3x or less.
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

# The real command's path (`careerpath --home H --today D`, as cli.main runs it, minus the
# terminal check), with the mark printed once the dashboard is on screen.
CAREERPATH = """
import sys
from pathlib import Path
import careerpath.cli as cli
import careerpath.tui.app as tui

class Timed(tui.CareerpathApp):
    CSS_PATH = str(Path(tui.__file__).parent / "app.tcss")

    def dashboard_painted(self):
        assert "Sam Rivera" in str(self.query_one("#today-head").render())
        print("PAINTED", flush=True)
        self.set_timer(1.0, self.exit)  # as a person would: the cache writer gets to finish

    def run(self, **kwargs):
        return super().run(headless=True, size=(120, 40))

tui.CareerpathApp = Timed
argv = ["--home", sys.argv[1], "--today", "2026-11-25"]
args = cli._global_only(argv) or cli.build_parser().parse_args(argv)
raise SystemExit(cli._tui(cli.make_context(args)))
"""


# As installed: bytecode is written and reused (pip compiles it at install time), whatever this
# shell says.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["TEXTUAL"] = ""


def time_to_paint(code: str, *args: str) -> float:
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=CHILD_ENV,
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


def forget_dashboard(home: Path) -> None:
    """Empty the cached dashboard, as any change to the records does."""
    import sqlite3

    from careerpath.paths import DB_NAME

    with sqlite3.connect(home / DB_NAME) as conn:
        conn.execute("DELETE FROM answer_cache")
    conn.close()


def startup(home: Path) -> tuple[float, float, float]:
    """Median times to the painted dashboard: hello-world; careerpath opened again (its cached
    dashboard is valid: the usual open); careerpath just after the records changed (no cache:
    it waits for the records and rules to load)."""
    hello, warm, cold = [], [], []
    time_to_paint(HELLO)  # warm the file cache for both
    time_to_paint(CAREERPATH, str(home))
    for _ in range(RUNS):
        hello.append(time_to_paint(HELLO))
        warm.append(time_to_paint(CAREERPATH, str(home)))
        forget_dashboard(home)
        cold.append(time_to_paint(CAREERPATH, str(home)))
    return statistics.median(hello), statistics.median(warm), statistics.median(cold)


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
        hello, warm, cold = startup(sample_home)
        print(
            f"start-up to dashboard: careerpath {warm * 1000:.0f} ms, "
            f"hello-world {hello * 1000:.0f} ms, ratio {warm / hello:.2f}x "
            f"(target <= 1.3x; median of {RUNS})"
        )
        print(
            f"  first open after the records changed (no cached dashboard): "
            f"{cold * 1000:.0f} ms, ratio {cold / hello:.2f}x"
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
