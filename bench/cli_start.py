"""Cold start of `careerpath ce list --json` on a 20-year profile vs `python -c "import pydantic"`.

Run by hand: `python -m bench.cli_start`. Prints medians of 5 runs and the ratio (target <= 1.5).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.twenty_years import build

RUNS = 5


def median_seconds(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS + 1):
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
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
            try:
                t = median_seconds([sys.executable, "-m", "careerpath", *args], env)
            except subprocess.CalledProcessError as exc:
                if exc.returncode not in (10, 11):
                    continue
                t = float("nan")
            print(f"ours   careerpath {label:22} {t * 1000:7.1f} ms  ratio {t / floor:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
