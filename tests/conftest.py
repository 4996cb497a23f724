"""Shared fixtures: a sealed data folder per test and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from careerpath.cli import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    code: int
    out: str
    err: str


CLI = Callable[..., Result]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("CAREERPATH_HOME", str(folder))
    return folder


@pytest.fixture
def cli(home: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    """Run the CLI in-process against the test's home folder."""

    def run(*args: str) -> Result:
        code = main(["--today", "2026-11-25", *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_process(home: Path, *args: str, timeout: float = 60) -> Result:
    """Run the real `python -m careerpath` in a subprocess."""
    env = {**os.environ, "CAREERPATH_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-m", "careerpath", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
