"""`careerpath data update` against a real TUF repository served on 127.0.0.1: what installs,
what is refused, and that a refusal leaves the pointer, the files and the answers exactly as
they were. The attacks TUF defines are in test_attacks.py."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from tests.conftest import CLI

from careerpath.errors import CareerpathError
from careerpath.rules_update import UpdateRefusedError, current
from careerpath.rules_update.fetch import FetchError, Limits, check_url
from careerpath.rules_update.pointer import LOCK_NAME, read_pointer, rules_dir

from .conftest import FAST, state, trust
from .server import RulesServer, data_copy, redirect, slow, static, status, truncated
from .signing import KEYS, NOW, V1, V2, update


@pytest.fixture
def installed(server: RulesServer, traveler: Path, tmp_path: Path) -> Path:
    """A home whose rules data is a downloaded copy, version V1, from the repository `v`."""
    url = server.publish(data_copy(tmp_path / "v1", "NLC one"), V1)
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
    assert "\n" not in str(caught.value)
    assert not [p for p in rules_dir(home).iterdir() if p.name.startswith("tmp-")]
    return caught.value.reason


def v2(server: RulesServer, tmp_path: Path) -> tuple[Path, str]:
    folder = data_copy(tmp_path / "v2", "NLC two")
    return folder, server.publish(folder, V2)


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


def test_up_to_date_fetches_only_metadata(cli: CLI, installed: Path, server: RulesServer) -> None:
    before = state(installed, cli)
    result = cli("data", "update", "--from", server.url("v/"))
    assert result.code == 0, result.err
    assert result.out.strip() == f"rules data already up to date (version {V1})"
    assert server.paths_requested() == ["v/metadata/2.root.json", "v/metadata/timestamp.json"]
    assert state(installed, cli) == before


def test_only_changed_files_are_downloaded(
    installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    _folder, url = v2(server, tmp_path)
    assert update(installed, url, limits=FAST).version == V2
    targets = [p for p in server.paths_requested() if "/targets/" in p]
    assert [p.rsplit(".", 2)[-2] for p in targets] == ["manifest", "nlc"]


def test_a_header_that_is_not_ascii_breaks_nothing(
    installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """Headers are never stored or sent back, so an odd ETag cannot break a later update."""
    _folder, url = v2(server, tmp_path)
    plain = server.routes["v/metadata/timestamp.json"]

    def odd_etag(handler: object) -> None:
        from .server import Handler

        assert isinstance(handler, Handler)
        body = (server.workdir / "v" / "metadata" / "timestamp.json").read_bytes()
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler._headers_buffer.append('ETag: "caf\u00e9-\u2603"\r\n'.encode())
        handler.end_headers()
        handler.wfile.write(body)

    server.routes["v/metadata/timestamp.json"] = odd_etag
    assert update(installed, url, limits=FAST).version == V2
    server.routes["v/metadata/timestamp.json"] = plain
    assert update(installed, url, limits=FAST).status == "up-to-date"


def test_truncated_body(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    folder, url = v2(server, tmp_path)
    route = server.target_route("v", "compacts/nlc.json")
    server.routes[route] = truncated((folder / "compacts/nlc.json").read_bytes())
    reason = refused(installed, cli, url)
    assert reason.startswith("compacts/nlc.json: ") and "broke off before its end" in reason


def test_metadata_that_is_not_json(cli: CLI, installed: Path, server: RulesServer) -> None:
    server.routes["v/metadata/timestamp.json"] = static(b'{"signed": {')
    assert "the repository's metadata is refused" in refused(installed, cli, server.url("v/"))


def test_schema_violation(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    """Signed is not enough: every file must also pass the schema of the bundled data."""
    folder = data_copy(tmp_path / "v2")
    document = json.loads((folder / "states/rn.json").read_bytes())
    document["jurisdictions"][5]["ce"]["hours_per_cycle"] = -4
    (folder / "states/rn.json").write_text(json.dumps(document))
    reason = refused(installed, cli, server.publish(folder, V2))
    code = document["jurisdictions"][5]["code"]
    assert reason.startswith(f"states/rn.json: jurisdictions[5] ({code}).ce.hours_per_cycle")


def test_not_newer_than_bundled(
    cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path
) -> None:
    url = server.publish(data_copy(tmp_path / "old"), "2000.01.01", "old")
    with pytest.raises(UpdateRefusedError, match=r"not newer than the .* bundled"):
        update(traveler, url, limits=FAST)
    assert current(traveler).kind == "bundled"


def test_a_version_dated_after_its_signature_is_refused(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """`9999.12.31` would outrank every later genuine release: refused even when signed."""
    url = server.publish(data_copy(tmp_path / "far"), "9999.12.31")
    assert "is dated after its signature expires" in refused(installed, cli, url)


def test_oversized_file(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    """A release announcing a file over the cap is refused before that file is downloaded."""
    _folder, url = v2(server, tmp_path)
    reason = refused(installed, cli, url, FAST._replace(max_file_bytes=100_000))
    assert "bytes, over the 100,000-byte cap per file" in reason
    assert not any(p.endswith(".states/rn.json") for p in server.paths_requested())


def test_slow_server(cli: CLI, installed: Path, server: RulesServer, tmp_path: Path) -> None:
    _folder, url = v2(server, tmp_path)
    route = "v/metadata/timestamp.json"
    server.routes[route] = slow(server, server.routes[route])
    reason = refused(installed, cli, url, FAST._replace(timeout=0.3))
    assert reason == f"{url}metadata/timestamp.json: no answer within 0.3 s (tried twice)"


def test_server_error_after_retry(cli: CLI, installed: Path, server: RulesServer) -> None:
    server.routes["v/metadata/timestamp.json"] = status(500)
    reason = refused(installed, cli, server.url("v/"))
    assert "answered 500 Internal Server Error (tried twice)" in reason
    assert server.paths_requested().count("v/metadata/timestamp.json") == 2


def test_one_server_error_is_retried(installed: Path, server: RulesServer, tmp_path: Path) -> None:
    _folder, url = v2(server, tmp_path)
    route = server.target_route("v", "compacts/nlc.json")
    answers = iter([status(503), server.routes[route]])
    server.routes[route] = lambda handler: next(answers)(handler)
    assert update(installed, url, limits=FAST).version == V2
    assert server.paths_requested().count(route) == 2


def test_redirect_to_plain_http(cli: CLI, installed: Path, server: RulesServer) -> None:
    server.routes["v/metadata/timestamp.json"] = redirect("http://example.com/timestamp.json")
    reason = refused(installed, cli, server.url("v/"))
    assert reason == (
        "http://example.com/timestamp.json is plain http; rules data is only fetched over https"
    )


def test_redirect_from_https_to_http_is_refused() -> None:
    with pytest.raises(FetchError, match="redirected to plain http"):
        check_url("http://127.0.0.1/m.json", came_from=httpx.URL("https://example.org/m.json"))


def test_plain_http_refused_up_front(cli: CLI, installed: Path, server: RulesServer) -> None:
    before = state(installed, cli)
    result = cli("data", "update", "--from", "http://example.com/rules/")
    assert result.code == 1
    assert result.err == (
        "careerpath: error: update refused: http://example.com/rules/ is plain http; "
        "rules data is only fetched over https; your rules data is unchanged\n"
    )
    assert state(installed, cli) == before
    assert server.requests == []


def test_an_old_manifest_url_gets_a_hint(cli: CLI, installed: Path) -> None:
    result = cli("data", "update", "--from", "https://example.org/data/manifest.json")
    assert result.code == 1 and len(result.err.splitlines()) == 1
    assert "names a file; the source is the folder of a signed (TUF) rules repository" in (
        result.err
    )


def test_source_from_config(cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path) -> None:
    url = server.publish(data_copy(tmp_path / "v1"), V1)
    trust(traveler, f'source = "{url}"\ntimeout_seconds = 5\ndeadline_seconds = 60\n')
    result = cli("data", "update")
    assert result.code == 0, result.err
    assert current(traveler).source == url


def test_the_shipped_root_does_not_trust_the_test_keys(
    cli: CLI, traveler: Path, server: RulesServer, tmp_path: Path
) -> None:
    """Without config.toml naming another root, only the publishers' keys are trusted."""
    url = server.publish(data_copy(tmp_path / "v1"), V1)
    (traveler / "config.toml").unlink()
    result = cli("data", "update", "--from", url)
    assert result.code == 1 and len(result.err.splitlines()) == 1
    assert "not signed by enough trusted keys" in result.err
    assert current(traveler).kind == "bundled"


def test_same_version_with_other_files_is_refused(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    url = server.publish(data_copy(tmp_path / "again", "NLC again"), V1)
    assert "has the version of yours but different files" in refused(installed, cli, url)


def test_a_signed_manifest_naming_a_file_outside_the_data_folders_is_refused(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    folder = data_copy(tmp_path / "v2")
    server.publish(folder, V2)
    manifest = json.loads((folder / "manifest.json").read_bytes())
    manifest["files"][0]["path"] = "../../careerpath.db"
    raw = json.dumps(manifest).encode()
    server.repository("v").sign_targets({"manifest.json": raw}, KEYS, NOW)
    assert "files.0.path" in refused(installed, cli, server.serve("v"))


def test_one_update_at_a_time(
    cli: CLI, installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    from filelock import FileLock

    _folder, url = v2(server, tmp_path)
    server.requests.clear()
    with FileLock(rules_dir(installed) / LOCK_NAME, timeout=0):
        result = cli("data", "update", "--from", url)
    assert result.code == 1
    assert result.err == "careerpath: error: another careerpath is updating the rules data\n"
    assert server.requests == [] and read_pointer(installed).current == V1


def test_a_killed_holder_leaves_no_lock(
    installed: Path, server: RulesServer, tmp_path: Path
) -> None:
    """The lock is the OS's: the moment its holder dies, the next update may run."""
    _folder, url = v2(server, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom filelock import FileLock\n"
         f"lock = FileLock({str(rules_dir(installed) / LOCK_NAME)!r})\nlock.acquire()\n"
         "print('held', flush=True)\ntime.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with pytest.raises(CareerpathError, match="another careerpath is updating"):
        update(installed, url, limits=FAST)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(10)
    holder.stdout.close()
    assert update(installed, url, limits=FAST).version == V2


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


def test_no_network_code_until_an_update_runs() -> None:
    program = (
        "import sys\nfrom careerpath.cli import main\n"
        "for argv in (['--help'], ['data', 'update', '--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "print(sorted({'httpx', 'tuf', 'securesystemslib'} & set(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stderr.strip() == "[]"
