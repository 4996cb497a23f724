"""`careerpath data update` against a real HTTP server on 127.0.0.1: what installs, what is
refused, and that a refusal leaves the pointer, the files and the answers exactly as they were."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tests.conftest import CLI

from careerpath.rules_update import UpdateRefusedError, current, update
from careerpath.rules_update.fetch import FetchError, Limits, check_url
from careerpath.rules_update.manifest import build_manifest, digest, dump
from careerpath.rules_update.pointer import read_pointer, rules_dir

from .conftest import FAST, state
from .server import RulesServer, data_copy, endless, redirect, slow, static, status, truncated

V1 = "2999.01.01"
V2 = "2999.02.01"


@pytest.fixture
def installed(server: RulesServer, traveler: Path, tmp_path: Path) -> Path:
    """A home whose rules data is a downloaded copy, version V1."""
    url = server.publish(data_copy(tmp_path / "v1", "NLC one"), V1, "v1")
    update(traveler, url, limits=FAST)
    server.requests.clear()
    return traveler


def refused(home: Path, cli: CLI, url: str, limits: Limits = FAST) -> str:
    """Attempt an update that must fail; check nothing changed; return the reason given."""
    before = state(home, cli)
    with pytest.raises(UpdateRefusedError) as caught:
        update(home, url, limits=limits)
    assert state(home, cli) == before
    assert str(caught.value).endswith("; your rules data is unchanged")
    assert not [p for p in rules_dir(home).iterdir() if p.name.startswith("tmp-")]
    return caught.value.reason


def v2(server: RulesServer, tmp_path: Path) -> tuple[Path, str]:
    folder = data_copy(tmp_path / "v2", "NLC two")
    return folder, server.publish(folder, V2, "v2")


def titles(cli: CLI) -> dict[str, str]:
    info = json.loads(cli("data", "info", "--json").out)
    return {f["file"]: f["title"] for f in info["files"]}


def test_good_update(cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path) -> None:
    folder = data_copy(tmp_path / "v1", "NLC one")
    files = len(list(folder.glob("*/*.json")))
    url = server.publish(folder, V1)
    result = cli("data", "update", "--from", url)
    assert result.code == 0, result.err
    assert result.err == ""  # not a terminal: no progress meter, just the summary line
    assert result.out.startswith(f"rules data updated to {V1} ({files} files, ")
    assert len(result.out.splitlines()) == 1
    assert read_pointer(traveler).current == V1
    info = json.loads(cli("data", "info", "--json").out)
    assert info["copy"]["kind"] == "downloaded" and info["copy"]["version"] == V1
    assert info["copy"]["source"] == url and info["copy"]["installed_at"]
    assert info["folder"] == str(rules_dir(traveler) / V1)
    assert info["previous"]["kind"] == "bundled"
    assert titles(cli)["compacts/nlc.json"] == "NLC one"
    assert cli("where", "--json").code == 0
    text = cli("data", "info").out
    assert f"rules data in use: downloaded copy, version {V1}" in text and url in text


def test_not_modified(cli: CLI, installed: Path, server: RulesServer) -> None:
    before = state(installed, cli)
    result = cli("data", "update", "--from", server.url("v1/manifest.json"))
    assert result.code == 0, result.err
    assert result.out.strip() == f"rules data already up to date (version {V1})"
    assert server.paths_requested() == ["v1/manifest.json"]
    assert server.requests[0][1]["If-None-Match"] == f'"{V1}"'
    assert state(installed, cli) == before


def test_truncated_body(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    folder, url = v2(server, tmp_path)
    server.routes["v2/states/rn.json"] = truncated((folder / "states/rn.json").read_bytes())
    reason = refused(installed, cli, url)
    assert reason.startswith("states/rn.json: ") and "broke off before its end" in reason


def test_invalid_json(cli: CLI, installed: Path, server: RulesServer) -> None:
    server.routes["v2/manifest.json"] = static(
        b'{"format": "careerpath-rules-manifest", "files": ['
    )
    reason = refused(installed, cli, server.url("v2/manifest.json"))
    assert reason == f"the manifest at {server.url('v2/manifest.json')} is not valid JSON"


def test_schema_violation(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    folder = data_copy(tmp_path / "v2")
    document = json.loads((folder / "states/rn.json").read_bytes())
    document["jurisdictions"][5]["ce"]["hours_per_cycle"] = -4
    (folder / "states/rn.json").write_text(json.dumps(document))
    reason = refused(installed, cli, server.publish(folder, V2, "v2"))
    code = document["jurisdictions"][5]["code"]
    assert reason.startswith(f"states/rn.json: jurisdictions[5] ({code}).ce.hours_per_cycle")


def test_digest_mismatch(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    folder, url = v2(server, tmp_path)
    body = (folder / "compacts/nlc.json").read_bytes()
    forged = body.replace(b"NLC two", b"NLC 2!!")
    server.routes["v2/compacts/nlc.json"] = static(forged)
    before = state(installed, cli)
    result = cli("data", "update", "--from", url)
    assert result.code == 1 and result.out == ""
    assert result.err == (
        "careerpath: error: update refused: compacts/nlc.json digest mismatch (expected "
        f"{digest(body)[:12]}..., got {digest(forged)[:12]}...); your rules data is unchanged\n"
    )
    assert state(installed, cli) == before


def test_downgrade(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    older = server.publish(data_copy(tmp_path / "old"), "2998.12.31", "old")
    assert refused(installed, cli, older) == (
        f"the server offers rules data 2998.12.31, older than the {V1} in use (a downgrade)"
    )
    assert server.paths_requested() == ["old/manifest.json"]  # no file was downloaded


def test_older_than_bundled(cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path) -> None:
    url = server.publish(data_copy(tmp_path / "old"), "2000.01.01", "old")
    with pytest.raises(UpdateRefusedError, match=r"older than the .* in use"):
        update(traveler, url, limits=FAST)
    assert current(traveler).kind == "bundled"


def test_oversized_body(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    _folder, url = v2(server, tmp_path)
    server.routes["v2/compacts/nlc.json"] = endless(6 * 1024 * 1024)
    reason = refused(installed, cli, url)
    assert reason.startswith("compacts/nlc.json: ") and "sent more than" in reason
    # A manifest announcing a file over the cap is refused before anything is downloaded.
    server.requests.clear()
    reason = refused(installed, cli, url, FAST._replace(max_file_bytes=100_000))
    assert "bytes, over the 100,000-byte cap per file" in reason
    assert server.paths_requested() == ["v2/manifest.json"]


def test_slow_server(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    _folder, url = v2(server, tmp_path)
    server.routes["v2/manifest.json"] = slow(server, server.routes["v2/manifest.json"])
    started = time.monotonic()
    reason = refused(installed, cli, url, FAST._replace(timeout=0.3))
    assert time.monotonic() - started < 2
    assert reason == f"manifest: {url}: no answer within 0.3 s (tried twice)"


def test_server_error_after_retry(cli: CLI, installed: Path, server: RulesServer) -> None:
    server.routes["v2/manifest.json"] = status(500)
    reason = refused(installed, cli, server.url("v2/manifest.json"))
    assert "answered 500 Internal Server Error (tried twice)" in reason
    assert server.paths_requested() == ["v2/manifest.json"] * 2


def test_one_server_error_is_retried(installed: Path, server: RulesServer, tmp_path: Path) -> None:
    _folder, url = v2(server, tmp_path)
    good = server.routes["v2/states/ot.json"]
    answers = iter([status(503), good])
    server.routes["v2/states/ot.json"] = lambda handler: next(answers)(handler)
    assert update(installed, url, limits=FAST).version == V2
    assert server.paths_requested().count("v2/states/ot.json") == 2


def test_redirect_to_plain_http(cli: CLI, installed: Path, server: RulesServer) -> None:
    server.routes["v2/manifest.json"] = redirect("http://example.com/manifest.json")
    reason = refused(installed, cli, server.url("v2/manifest.json"))
    assert reason == (
        "manifest: http://example.com/manifest.json is plain http; rules data is only fetched "
        "over https"
    )


def test_redirect_from_https_to_http_is_refused() -> None:
    with pytest.raises(FetchError, match="redirected to plain http"):
        check_url("http://127.0.0.1/m.json", came_from=httpx.URL("https://example.org/m.json"))


def test_plain_http_refused_up_front(cli: CLI, installed: Path, server: RulesServer) -> None:
    before = state(installed, cli)
    result = cli("data", "update", "--from", "http://example.com/manifest.json")
    assert result.code == 1
    assert result.err == (
        "careerpath: error: update refused: http://example.com/manifest.json is plain http; "
        "rules data is only fetched over https; your rules data is unchanged\n"
    )
    assert state(installed, cli) == before
    assert server.requests == []


def test_source_from_config(cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path) -> None:
    url = server.publish(data_copy(tmp_path / "v1"), V1)
    (traveler / "config.toml").write_text(f'[data]\nsource = "{url}"\ntimeout_seconds = 5\n')
    result = cli("data", "update")
    assert result.code == 0, result.err
    assert current(traveler).source == url


def test_same_version_with_other_files_is_refused(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    url = server.publish(data_copy(tmp_path / "again", "NLC again"), V1, "again")
    assert "has the version of yours but different files" in refused(installed, cli, url)


def test_manifest_outside_the_data_folders_is_refused(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    manifest = json.loads(dump(build_manifest(data_copy(tmp_path / "v2"), V2)))
    manifest["files"][0]["path"] = "../../careerpath.db"
    server.routes["v2/manifest.json"] = static(json.dumps(manifest).encode())
    assert "files.0.path" in refused(installed, cli, server.url("v2/manifest.json"))


def test_one_update_at_a_time(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    _folder, url = v2(server, tmp_path)
    (rules_dir(installed) / ".lock").mkdir()
    result = cli("data", "update", "--from", url)
    assert result.code == 1 and "another careerpath is updating the rules data" in result.err
    assert server.requests == [] and read_pointer(installed).current == V1
    (rules_dir(installed) / ".lock").rmdir()


def test_progress_meter_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from careerpath.commands.data import _Meter

    meter = _Meter()
    for done in (0, 512, 1024, 1024 * 1024, 2 * 1024 * 1024):
        meter(done, 2 * 1024 * 1024)
    meter.done()
    err = capsys.readouterr().err
    assert "\rdownloading rules data: 0 kB of 2,048 kB (0%)" in err
    assert "1,024 kB of 2,048 kB (50%)" in err and err.endswith("(100%)\r\x1b[K")
    assert err.count("\r") == 4  # 0% (drawn once), 50%, 100%, then the line is cleared


def test_no_httpx_until_an_update_runs() -> None:
    program = (
        "import sys\nfrom careerpath.cli import main\n"
        "for argv in (['--help'], ['data', 'update', '--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "print('httpx' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stderr.strip() == "False"
