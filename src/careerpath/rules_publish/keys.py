"""The signing keys of a rules repository: one PEM file per key, in a folder of the maintainer's
(never inside the repository), readable only by its owner.

    <keys>/root-<keyid12>.pem  targets-<keyid12>.pem  snapshot-<keyid12>.pem  timestamp-...

The role is the part of the name before the first `-`; a role may have several keys (a root
threshold of 2 wants two root keys).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner, SSlibKey

from careerpath.errors import CareerpathError

ROLES = ("root", "targets", "snapshot", "timestamp")
Signers = dict[str, list[CryptoSigner]]


class SigningKeyError(CareerpathError):
    pass


def generate(folder: Path, role: str) -> CryptoSigner:
    """A new Ed25519 key for `role`, saved in `folder` (0600)."""
    if role not in ROLES:
        raise SigningKeyError(f"{role} is not a TUF role (one of {', '.join(ROLES)})")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    signer = CryptoSigner.generate_ed25519()
    path = folder / f"{role}-{signer.public_key.keyid[:12]}.pem"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(signer.private_bytes)
    return signer


def load(folder: Path) -> Signers:
    """Every key in `folder`, by role."""
    if not folder.is_dir():
        raise SigningKeyError(f"{folder} is not a folder of signing keys")
    found: Signers = {role: [] for role in ROLES}
    for path in sorted(folder.glob("*.pem")):
        role = path.name.split("-", 1)[0]
        if role not in found:
            continue
        private = load_pem_private_key(path.read_bytes(), None)
        public = SSlibKey.from_crypto(private.public_key())
        found[role].append(CryptoSigner(private, public))
    return found


def refuse_inside_repository(keys: Path, data: Path) -> None:
    """Private keys must never sit in the git repository that holds the data they sign."""
    try:
        top = subprocess.run(
            ["git", "-C", str(data), "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=False, timeout=30,
        ).stdout.strip()  # fmt: skip
    except OSError:
        return
    if top and keys.resolve().is_relative_to(Path(top).resolve()):
        raise SigningKeyError(
            f"{keys} is inside the git repository {top}; keep signing keys outside it"
        )
