"""SIGKILL in the middle of `data update`, again and again: the rules in use are always a whole
copy (the old or the new), and the next run is never blocked by what the killed one left.
(The same for `backup create`: tests/store/test_backups.py.)"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from careerpath.reference.loader import load
from careerpath.rules_update import current

from .conftest import trust
from .server import RulesServer, data_copy
from .signing import release

KILLS = 30


def careerpath(home: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CAREERPATH_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "careerpath", *args],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def timed(home: Path, *args: str) -> float:
    """How long one uninterrupted run takes here (to spread the kills over it)."""
    started = time.monotonic()
    assert careerpath(home, *args).wait(120) == 0
    return time.monotonic() - started


def kill_after(proc: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL after `delay` s; whether it was still running then (killed mid-way)."""
    time.sleep(delay)
    running = proc.poll() is None
    if running:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    return running


@pytest.fixture
def served(tmp_path: Path) -> tuple[RulesServer, threading.Thread]:
    server = RulesServer(tmp_path / "served")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server, thread  # type: ignore[misc]
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.mark.slow
def test_data_update_killed_mid_way(
    tmp_path: Path, served: tuple[RulesServer, threading.Thread]
) -> None:
    server, _thread = served
    home = tmp_path / "home"
    trust(home)
    rng = random.Random(20261204)
    url = server.publish(data_copy(tmp_path / "r0", "NLC 0"), release(1))
    span = timed(home, "data", "update", "--from", url)
    damaged = killed = 0
    for kill in range(KILLS):
        # A new release each time, changing two files, so every run has work to do.
        folder = data_copy(tmp_path / f"r{kill + 1}", f"NLC {kill + 1}")
        rn = folder / "states" / "rn.json"
        rn.write_text(rn.read_text() + " " * (kill + 1))
        server.publish(folder, release(kill + 2))
        killed += kill_after(
            careerpath(home, "data", "update", "--from", url), rng.uniform(0, span)
        )
        copy = current(home)
        damaged += copy.warning is not None
        assert copy.warning is None, f"kill {kill}: {copy.warning}"
        load(None if copy.kind == "bundled" else copy.folder)  # loads whole
    assert careerpath(home, "data", "update", "--from", url).wait(120) == 0  # never blocked
    assert current(home).version == release(KILLS + 1)
    print(f"\ndata update: {killed} of {KILLS} runs killed mid-way / {damaged} damaged in use")
