"""Cold start of `careerpath ce list --json` and `remind --json` on a 20-year profile vs the
floor `python -c "import pydantic"`.

Run by hand: `python -m bench.cli_start`. Prints medians of 5 runs and the ratio (target <= 1.5).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.twenty_years import build

RUNS = 5


def median_seconds(
    command: list[str], env: dict[str, str], before: Callable[[], None] | None = None
) -> float:
    times = []
    for _ in range(RUNS + 1):
        if before is not None:
            before()
        started = time.perf_counter()
        done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False)
        if done.returncode not in (0, 10, 11):  # remind exits 10/11 when something is due
            raise subprocess.CalledProcessError(done.returncode, command)
        times.append(time.perf_counter() - started)
    return statistics.median(times[1:])  # first run warms the OS file cache


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        build(home).close()
        env = {**os.environ, "CAREERPATH_HOME": str(home)}
        floor = median_seconds([sys.executable, "-c", "import pydantic"], env)
        ours = median_seconds([sys.executable, "-m", "careerpath", "ce", "list", "--json"], env)
        extra = {"remind --json": ["remind", "--json"]}
        print(f"floor  python -c 'import pydantic'   {floor * 1000:7.1f} ms")
        print(f"ours   careerpath ce list --json     {ours * 1000:7.1f} ms  (2,000 activities)")
        print(f"ratio  {ours / floor:.2f}  (target <= 1.5)")
        for label, args in extra.items():
            t = median_seconds([sys.executable, "-m", "careerpath", *args], env)
            print(
                f"ours   careerpath {label:22} {t * 1000:7.1f} ms  ratio {t / floor:.2f}"
                "  (cached obligations: the profile has not changed)"
            )

        def forget() -> None:
            with sqlite3.connect(home / "careerpath.db") as conn:
                conn.execute("DELETE FROM answer_cache")

        t = median_seconds([sys.executable, "-m", "careerpath", "remind", "--json"], env, forget)
        print(f"ours   careerpath remind --json (first run after a change) {t * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
