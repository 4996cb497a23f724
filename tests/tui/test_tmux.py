"""The real `careerpath` command in a real terminal (tmux): dashboard, a key, a clean quit."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)
    return done.stdout


def _wait_for(session: str, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


def test_real_app_in_tmux(sample_home: Path, tmp_path: Path) -> None:
    session = f"cp-{uuid.uuid4().hex[:8]}"
    marker = tmp_path / "exit-status"
    command = (
        f"CAREERPATH_HOME={shlex.quote(str(sample_home))} {shlex.quote(sys.executable)} "
        f"-m careerpath --today 2026-11-25; echo $? > {shlex.quote(str(marker))}"
    )
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command],
        check=True,
        env=env,
    )
    try:
        _wait_for(session, "Sam Rivera (sample)")
        _tmux("send-keys", "-t", session, "4")
        _wait_for(session, "may practise in")
        _tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 20
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert marker.read_text().strip() == "0"
    finally:
        _tmux("kill-session", "-t", session)
