"""Time to load and validate every rules-data file (target: well under 50 ms).

Run by hand: `python -m bench.data_load`. Prints the median of 7 cold loads in-process.
"""

from __future__ import annotations

import statistics
import time

from careerpath.paths import bundled_data_dir
from careerpath.reference.loader import load_folder


def main() -> int:
    folder = bundled_data_dir()
    times = []
    for _ in range(7):
        started = time.perf_counter()
        data = load_folder(folder)
        times.append(time.perf_counter() - started)
    files = len(data.compacts) + len(data.states)
    size = sum(p.stat().st_size for p in folder.rglob("*.json"))
    print(f"rules data: {files} files, {size / 1024:.0f} KiB")
    print(f"load + validate, median of 7: {statistics.median(times) * 1000:.1f} ms (target < 50)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
