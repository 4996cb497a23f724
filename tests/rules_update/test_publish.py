"""`python -m careerpath.rules_publish`: what a maintainer runs, end to end, and a client that
trusts the root it made installs what it signs."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.conftest import ROOT

from careerpath.reference.manifest_file import build_manifest, dump
from careerpath.rules_publish.__main__ import main

from .conftest import FAST
from .server import RulesServer, data_copy
from .signing import V1, V2, update


def publish(*args: str) -> int:
    return main(list(args))


def test_init_publish_refresh_rotate(server: RulesServer, tmp_path: Path) -> None:
    keys, repo, data = tmp_path / "keys", server.workdir / "mine", data_copy(tmp_path / "data")
    (data / "manifest.json").write_bytes(dump(build_manifest(data, V1)))
    assert publish("init", "--keys", str(keys), "--repo", str(repo), "--data", str(data)) == 0
    pems = sorted(keys.glob("*.pem"))
    assert [p.name.split("-")[0] for p in pems] == ["root", "snapshot", "targets", "timestamp"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in pems)
    root = (repo / "metadata" / "1.root.json").read_bytes()
    assert publish("publish", "--keys", str(keys), "--repo", str(repo), "--data", str(data)) == 0
    url = server.serve("mine")
    home = tmp_path / "home"
    assert update(home, url, limits=FAST, root=root).version == V1
    assert publish("refresh", "--keys", str(keys), "--repo", str(repo), "--data", str(data)) == 0
    server.serve("mine")
    assert update(home, url, limits=FAST, root=root).status == "up-to-date"
    (data / "manifest.json").write_bytes(dump(build_manifest(data, V2)))
    rotated = ("rotate-root", "--keys", str(keys), "--new-keys", str(tmp_path / "keys-2"),
               "--repo", str(repo), "--data", str(data))  # fmt: skip
    assert publish(*rotated) == 0
    server.serve("mine")
    assert (repo / "metadata" / "2.root.json").exists()
    assert update(home, url, limits=FAST, root=root).version == V2  # walked to root 2


def test_keys_inside_the_repository_are_refused(tmp_path: Path) -> None:
    inside = ROOT / "keys-must-not-be-here"
    code = publish("init", "--keys", str(inside), "--repo", str(tmp_path / "r"),
                   "--data", str(ROOT / "data"))  # fmt: skip
    assert code == 1 and not inside.exists()


def test_a_stale_manifest_is_not_published(tmp_path: Path) -> None:
    keys, repo, data = tmp_path / "keys", tmp_path / "repo", data_copy(tmp_path / "data")
    (data / "manifest.json").write_bytes(dump(build_manifest(data, V1)))
    assert publish("init", "--keys", str(keys), "--repo", str(repo), "--data", str(data)) == 0
    (data / "states" / "rn.json").write_text("{}")
    assert publish("publish", "--keys", str(keys), "--repo", str(repo), "--data", str(data)) == 1
    assert not list((repo / "metadata").glob("*.targets.json"))
