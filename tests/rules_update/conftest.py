"""A loopback rules server per test, and a way to show nothing changed after a refused update."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from tests.conftest import CLI

from careerpath.rules_update.fetch import Limits
from careerpath.rules_update.pointer import LOCK_NAME, TRUST_DIR, rules_dir

from .server import RulesServer
from .signing import ROOT

FAST = Limits(timeout=0.5, retry_backoff=0.05, deadline=30)
"""Short enough that a test of a slow server takes well under two seconds."""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RulesServer]:
    httpd = RulesServer(tmp_path / "served")
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield httpd
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture
def traveler(cli: CLI, home: Path) -> Path:
    """A home with a profile, so `where` has something to answer, trusting the test root."""
    trust(home)
    result = cli("profile", "set", "--name", "Ana", "--profession", "RN", "--home-state", "TX")
    assert result.code == 0, result.err
    return home


def trust(home: Path, extra: str = "") -> None:
    """config.toml naming the test root as the trusted one (what `data update` then checks)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "test-root.json").write_bytes(ROOT)
    (home / "config.toml").write_text(
        f'[data]\ntrusted_root = "{home / "test-root.json"}"\n{extra}'
    )


class State(NamedTuple):
    """Everything an update may change: the files under rules/ and the answers."""

    files: dict[str, bytes]
    where: str
    info: str


def state(home: Path, cli: CLI) -> State:
    folder = rules_dir(home)
    files = {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != LOCK_NAME and TRUST_DIR not in path.parts
    } if folder.exists() else {}  # fmt: skip
    where = cli("where", "--json")
    info = cli("data", "info", "--json")
    assert where.code == 0 and info.code == 0, where.err + info.err
    return State(files, where.out, info.out)
