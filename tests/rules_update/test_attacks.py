"""The attacks The Update Framework defines, each tried by a server on 127.0.0.1 that serves
what an attacker would, and refused with the rules in use, the pointer and the answers exactly
as they were. Each attack is named as in the TUF specification:
https://theupdateframework.github.io/specification/latest/#goals-to-protect-against-specific-attacks
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import CLI
from tuf.api.metadata import Metadata, Root, Targets, Timestamp
from tuf.api.serialization.json import JSONSerializer

from careerpath.reference.manifest_file import build_manifest, dump
from careerpath.rules_publish.keys import Signers
from careerpath.rules_publish.repository import Lifetimes, Repository
from careerpath.rules_update import UpdateRefusedError, current
from careerpath.rules_update.pointer import read_pointer

from .conftest import FAST, state
from .server import RulesServer, data_copy, endless, static, trickle
from .signing import KEYS, NOW, V1, V2, fresh_signers, release, update
from .test_update import refused


@pytest.fixture
def installed(server: RulesServer, traveler: Path, tmp_path: Path) -> Path:
    url = server.publish(data_copy(tmp_path / "v1", "NLC one"), V1)
    update(traveler, url, limits=FAST)
    server.requests.clear()
    return traveler


def california_as_nlc_member(folder: Path) -> Path:
    """The forgery from the attack report: California listed as a fully implemented NLC state."""
    nlc = folder / "compacts" / "nlc.json"
    document = json.loads(nlc.read_bytes())
    for member in document["jurisdictions"]:
        if member["code"] == "CA":
            member.update(status="implemented", practice_allowed=True, issues_to_residents=True)
    nlc.write_text(json.dumps(document, indent=2) + "\n")
    return folder


def where_ca(cli: CLI) -> str:
    result = cli("where", "--state", "CA", "--json")
    assert result.code == 0, result.err
    return result.out


def attacker_repository(server: RulesServer, tmp_path: Path) -> Path:
    """A repository like the real one (the same root: an attacker cannot change that)."""
    folder = tmp_path / "evil"
    (folder / "metadata").mkdir(parents=True)
    shutil.copy(server.workdir / "v" / "metadata" / "1.root.json", folder / "metadata")
    return folder


def resign(path: Path, keys: Signers, role: str, **changes: int) -> None:
    """Rewrite one served metadata file with `changes` applied and `keys` signing it."""
    metadata = Metadata.from_bytes(path.read_bytes())
    for field, value in changes.items():
        setattr(metadata.signed, field, value)
    metadata.signatures.clear()
    for signer in keys[role]:
        metadata.sign(signer, append=True)
    path.write_bytes(metadata.to_bytes(JSONSerializer(compact=False)))


@pytest.mark.parametrize("how", ["attacker's keys", "file swapped"])
def test_forged_california_is_refused(
    how: str, cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """Arbitrary software (here: data) attack. The report's case: with plain digests, a Texas
    nurse was told she was covered in California."""
    before = where_ca(cli)
    forged = california_as_nlc_member(data_copy(tmp_path / "forged", "NLC"))
    if how == "attacker's keys":
        evil = attacker_repository(server, tmp_path)
        (forged / "manifest.json").write_bytes(dump(build_manifest(forged, V2)))
        Repository(evil).publish(forged, fresh_signers(), NOW)
        url = server.serve("v", evil)
        assert "not signed by enough trusted keys" in refused(installed, cli, url)
    else:
        url = server.publish(data_copy(tmp_path / "v2", "NLC"), V2)
        route = server.target_route("v", "compacts/nlc.json")
        server.routes[route] = static((forged / "compacts" / "nlc.json").read_bytes())
        assert "does not match its signed length and hash" in refused(installed, cli, url)
    assert where_ca(cli) == before
    assert current(installed).version == V1


def test_rollback_attack(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    """A server replaying the older release (validly signed, once) after a newer one."""
    old = dict(server.routes)
    url = server.publish(data_copy(tmp_path / "v2", "NLC two"), V2)
    assert update(installed, url, limits=FAST).version == V2
    server.routes.clear()
    server.routes.update(old)
    assert "a rollback" in refused(installed, cli, url)
    assert current(installed).version == V2


def test_freeze_attack(cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path) -> None:
    """Indefinite freeze: a mirror serving metadata whose signatures have run out."""
    stale = NOW - Lifetimes().timestamp - Lifetimes().timestamp
    url = server.publish(data_copy(tmp_path / "v1"), V1, now=stale)
    assert "has expired" in refused(traveler, cli, url)
    assert read_pointer(traveler).current is None


def test_fast_forward_attack(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """A timestamp with a huge version, which would make every genuine one look old: refused
    unless a trusted key signed it; and if a stolen timestamp key did, a root rotating that
    key lets the genuine, lower versions through again."""
    url = server.publish(data_copy(tmp_path / "v2", "NLC two"), V2)
    timestamp = server.workdir / "v" / "metadata" / "timestamp.json"
    genuine = timestamp.read_bytes()
    resign(timestamp, fresh_signers(), "timestamp", version=10**9)
    server.serve("v")
    assert "not signed by enough trusted keys" in refused(installed, cli, url)
    resign(timestamp, KEYS, "timestamp", version=10**6)
    server.serve("v")
    assert update(installed, url, limits=FAST).version == V2  # the stolen key was trusted
    timestamp.write_bytes(genuine)
    new = KEYS | {"timestamp": fresh_signers()["timestamp"]}
    repository = server.repository("v")
    repository.rotate_root(KEYS, new, NOW)
    url = server.publish(data_copy(tmp_path / "v3", "NLC three"), release(3), keys=new)
    assert Metadata[Timestamp].from_bytes(timestamp.read_bytes()).signed.version < 10**6
    assert update(installed, url, limits=FAST).version == release(3)


def test_wrong_signature(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    """Genuine metadata whose signature was altered (one byte) is not signed any more."""
    url = server.publish(data_copy(tmp_path / "v2", "NLC two"), V2)
    path = server.workdir / "v" / "metadata" / "2.targets.json"
    document = json.loads(path.read_bytes())
    sig = document["signatures"][0]["sig"]
    document["signatures"][0]["sig"] = ("0" if sig[0] != "0" else "1") + sig[1:]
    path.write_text(json.dumps(document))
    server.serve("v")
    assert "not signed by enough trusted keys" in refused(installed, cli, url)


def test_threshold_not_met(cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path) -> None:
    """A root asking two targets keys: one signature is not enough, two are."""
    keys = fresh_signers()
    keys["targets"] += fresh_signers()["targets"]
    repository = Repository(server.workdir / "two")
    root = repository.init(keys, NOW, thresholds={"targets": 2})
    folder = data_copy(tmp_path / "v1")
    (folder / "manifest.json").write_bytes(dump(build_manifest(folder, V1)))
    repository.publish(folder, keys | {"targets": keys["targets"][:1]}, NOW)
    url = server.serve("two")
    before = state(traveler, cli)
    with pytest.raises(UpdateRefusedError, match="not signed by enough trusted keys"):
        update(traveler, url, limits=FAST, root=root)
    assert state(traveler, cli) == before
    repository.publish(folder, keys, NOW)
    server.serve("two")
    assert update(traveler, url, limits=FAST, root=root).version == V1


@pytest.mark.parametrize("what", ["targets metadata", "data file"])
def test_mix_and_match_attack(
    what: str, cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """Pieces of two releases served as one: the new snapshot names targets version 2, the
    server answers with version 1 (or an old data file under the new name)."""
    url = server.publish(data_copy(tmp_path / "v2", "NLC two"), V2)
    metadata = server.workdir / "v" / "metadata"
    if what == "targets metadata":
        server.routes["v/metadata/2.targets.json"] = server.routes["v/metadata/1.targets.json"]
    else:
        new_route = server.target_route("v", "compacts/nlc.json")
        old = Metadata[Targets].from_bytes((metadata / "1.targets.json").read_bytes())
        old_hash = old.signed.targets["compacts/nlc.json"].hashes["sha256"]
        server.routes[new_route] = server.routes[f"v/targets/compacts/{old_hash}.nlc.json"]
    reason = refused(installed, cli, url)
    assert "older than what" in reason or "does not match its signed length and hash" in reason


@pytest.mark.parametrize("what", ["timestamp", "data file"])
def test_endless_data_attack(
    what: str, cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """A file that never ends: cut at the signed length (or the metadata cap)."""
    url = server.publish(data_copy(tmp_path / "v2", "NLC two"), V2)
    route = (
        "v/metadata/timestamp.json"
        if what == "timestamp"
        else server.target_route("v", "compacts/nlc.json")
    )
    server.routes[route] = endless(8 * 1024 * 1024)
    reason = refused(installed, cli, url)
    assert "exceeding the maximum allowed length" in reason or "longer than its signed" in reason


def test_slow_retrieval_attack(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """A byte at a time, each read well within the timeout: the whole-update deadline ends it."""
    folder = data_copy(tmp_path / "v2", "NLC two")
    url = server.publish(folder, V2)
    route = server.target_route("v", "compacts/nlc.json")
    server.routes[route] = trickle(server, (folder / "compacts" / "nlc.json").read_bytes())
    reason = refused(installed, cli, url, FAST._replace(timeout=1.0, deadline=1.5))
    assert "the update took longer than the 1.5 s allowed" in reason


def test_key_rotation(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    """Root version 2 replaces every key: the client walks to it from the root it trusts, takes
    releases the new keys sign, and refuses one the old keys sign."""
    new = fresh_signers()
    repository = server.repository("v")
    repository.rotate_root(KEYS, new, NOW)
    url = server.publish(data_copy(tmp_path / "v2", "NLC two"), V2, keys=new)
    assert update(installed, url, limits=FAST).version == V2
    url = server.publish(data_copy(tmp_path / "v3", "NLC three"), release(3), keys=KEYS)
    assert "not signed by enough trusted keys" in refused(installed, cli, url)


def test_a_root_not_signed_by_the_old_root_is_refused(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """Root version 2 signed only by keys the trusted root does not name."""
    new = fresh_signers()
    repository = server.repository("v")
    repository.rotate_root({"root": []} | new, new, NOW)
    metadata = Metadata[Root].from_bytes((repository.metadata / "2.root.json").read_bytes())
    assert len(metadata.signatures) == 1
    url = server.publish(data_copy(tmp_path / "v2", "NLC two"), V2, keys=new)
    assert "not signed by enough trusted keys" in refused(installed, cli, url)
