"""A loopback rules server per test, and a way to show nothing changed after a refused update."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from tests.conftest import CLI

from careerpath.rules_update.fetch import Limits
from careerpath.rules_update.pointer import LOCK_NAME, rules_dir

from .server import RulesServer

FAST = Limits(timeout=0.5, retry_backoff=0.05)
"""Short enough that a test of a slow server takes well under two seconds."""


@pytest.fixture
def server() -> Iterator[RulesServer]:
    httpd = RulesServer()
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
    """A home with a profile, so `where` has something to answer."""
    result = cli("profile", "set", "--name", "Ana", "--profession", "RN", "--home-state", "TX")
    assert result.code == 0, result.err
    return home


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
        if path.is_file()
    } if folder.exists() else {}  # fmt: skip
    assert not (folder / LOCK_NAME).exists()
    where = cli("where", "--json")
    info = cli("data", "info", "--json")
    assert where.code == 0 and info.code == 0, where.err + info.err
    return State(files, where.out, info.out)
