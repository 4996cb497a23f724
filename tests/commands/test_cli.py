"""The CLI end to end in a temporary home: every record kind, errors as one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import CLI, run_process


def test_no_arguments_prints_a_summary(cli: CLI) -> None:
    result = cli()
    assert result.code == 0
    assert "no profile yet" in result.out
    assert "careerpath license add" in result.out


def test_every_record_kind_add_list_edit_remove(cli: CLI) -> None:
    assert (
        cli("profile", "set", "--name", "Ana", "--profession", "RN", "--home-state", "tx").code == 0
    )
    assert json.loads(cli("profile", "show", "--json").out)["home_state"] == "TX"
    commands = {
        "license": ["--profession", "RN", "--state", "TX", "--kind", "multistate", "--expires", "2027-05-31"],
        "cert": ["--name", "BLS", "--expires", "2027-01-31"],
        "skill": ["--skill", "ventilator management", "--level", "2"],
        "assignment": ["--state", "OR", "--start", "2027-03-03", "--end", "2027-06-01"],
    }  # fmt: skip
    for kind, options in commands.items():
        added = cli(kind, "add", *options)
        assert added.code == 0, added.err
        listed = json.loads(cli(kind, "list", "--json").out)
        assert len(listed) == 1
        assert (
            cli(
                kind,
                "edit",
                "1",
                "--note" if kind in {"license", "skill", "assignment"} else "--issuer",
                "x",
            ).code
            == 0
        )
        assert cli(kind, "list").code == 0
        removed = cli(kind, "remove", "1")
        assert removed.code == 0 and "removed" in removed.out
        assert json.loads(cli(kind, "list", "--json").out) == []


def test_conference_entry_in_one_command(cli: CLI, tmp_path: Path) -> None:
    pdf = tmp_path / "nti.pdf"
    pdf.write_bytes(b"%PDF certificate")
    result = cli(
        "ce", "add", "--date", "2026-05-20", "--provider", "AACN NTI", "--accreditor", "ANCC",
        "--session", "Sepsis update|1.5|sepsis,infection-control",
        "--session", "Vent waveforms|90min|ventilator-management",
        "--session", f"Ethics at end of life|0.1ceu|ethics,end-of-life-care|{pdf}",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "3 activities, 4 contact hours" in result.out
    rows = json.loads(cli("ce", "list", "--json").out)
    assert {r["format"] for r in rows} == {"conference"}
    assert {r["provider"] for r in rows} == {"AACN NTI"}
    with_cert = [r for r in rows if r["certificate"]]
    assert len(with_cert) == 1
    pdf.unlink()  # the stored copy survives the download being deleted
    assert json.loads(cli("ce", "list", "--json", "--topic", "ethics").out)[0]["certificate"]


def test_conference_from_csv(cli: CLI, tmp_path: Path) -> None:
    sheet = tmp_path / "sessions.csv"
    sheet.write_text("title,hours,topics\nSepsis,1.5,sepsis\nStroke,2,neuro;stroke\n")
    result = cli("ce", "add", "--date", "2026-05-20", "--provider", "NTI", "--csv", str(sheet))
    assert result.code == 0, result.err
    assert "2 activities, 3.5 contact hours" in result.out


def test_one_bad_session_saves_nothing(cli: CLI) -> None:
    result = cli("ce", "add", "--date", "2026-05-20", "--session", "A|1", "--session", "B|-2")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "session 2" in result.err and "more than 0" in result.err
    assert json.loads(cli("ce", "list", "--json").out) == []


def test_bad_inputs_are_one_line(cli: CLI) -> None:
    cases = [
        (("license", "add", "--profession", "RN", "--state", "ZZ"), 1, "not a US state"),
        (("license", "add", "--profession", "RN", "--state", "OR", "--expires", "2026-13-01"), 1, "is not a date"),
        (("ce", "add", "--date", "2026-05-20", "--title", "x", "--hours", "-3"), 1, "more than 0"),
        (("ce", "add", "--date", "yesterday", "--title", "x", "--hours", "1"), 1, "is not a date"),
        (("--today", "2026-02-30", "summary"), 2, "is not a date"),
        (("license", "frobnicate"), 2, "invalid choice"),
        (("cert", "remove", "7"), 1, "no certification with id 7"),
    ]  # fmt: skip
    for args, code, text in cases:
        result = cli(*args)
        assert result.code == code, (args, result)
        assert text in result.err, (args, result.err)
        assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_export_import_via_cli(cli: CLI, tmp_path: Path, home: Path) -> None:
    cli("profile", "set", "--name", "Ana", "--profession", "RN")
    cli("cert", "add", "--name", "ACLS", "--expires", "2027-01-31")
    out = tmp_path / "backup.json"
    assert cli("export", str(out)).code == 0
    refused = cli("import", str(out))
    assert refused.code == 1 and "--replace" in refused.err
    assert cli("import", str(out), "--replace").code == 0
    assert len(json.loads(cli("cert", "list", "--json").out)) == 1


def test_real_process_with_global_options_after_the_command(tmp_path: Path) -> None:
    home = tmp_path / "h"
    added = run_process(home, "cert", "add", "--name", "BLS", "--today", "2026-01-01")
    assert added.code == 0, added.err
    listed = run_process(home, "cert", "list", "--json")
    assert json.loads(listed.out)[0]["name"] == "BLS"
    version = run_process(home, "--version")
    assert version.out.startswith("careerpath ")


def test_corrupt_database_is_one_line_and_untouched(tmp_path: Path) -> None:
    home = tmp_path / "h"
    home.mkdir()
    (home / "careerpath.db").write_text("not a database")
    result = run_process(home, "cert", "list")
    assert result.code == 1
    assert "not a careerpath database" in result.err and result.err.count("\n") == 1
    assert (home / "careerpath.db").read_text() == "not a database"


def test_cli_never_imports_textual_or_rich(tmp_path: Path) -> None:
    """The core and the CLI's answers stay free of the UI toolkit (fast start, clean layers)."""
    code = (
        "import sys\n"
        "from careerpath.cli import main\n"
        "for args in (['cert','add','--name','BLS'], ['cert','list','--json'], ['ce','list'],"
        " ['summary'], ['profile','show']):\n"
        "    main(args)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print('LEAKED', bad) if bad else print('CLEAN')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env={"CAREERPATH_HOME": str(tmp_path / "h"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.strip().endswith("CLEAN"), proc.stdout
