"""The test-only signing keys and their root (made fresh in each test process, never shipped),
and `update` trusting that root instead of the one shipped with careerpath."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from securesystemslib.signer import CryptoSigner

from careerpath.rules_publish.keys import ROLES, Signers
from careerpath.rules_publish.repository import Repository
from careerpath.rules_update import UpdateResult
from careerpath.rules_update import update as _update

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
"""The publishers' clock (TUF's client reads the real clock to check expiry)."""


def fresh_signers() -> Signers:
    return {role: [CryptoSigner.generate_ed25519()] for role in ROLES}


KEYS = fresh_signers()


def _root() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return Repository(Path(folder)).init(KEYS, NOW)


ROOT = _root()
"""Root version 1 over KEYS: what a test home trusts."""


def update(home: Path, source: str, **options: Any) -> UpdateResult:
    return _update(home, source, root=options.pop("root", ROOT), **options)


def release(days: int) -> str:
    """A release version `days` after today: newer than the bundled data, dated before the
    test signatures expire."""
    return (NOW.date() + dt.timedelta(days=days)).strftime("%Y.%m.%d")


V1 = release(1)
V2 = release(2)
