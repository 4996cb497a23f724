"""`careerpath export FILE` in every format and `careerpath import ce.csv`, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from tests.conftest import CLI

from careerpath.exports.service import write_export


@pytest.fixture
def traveler(cli: CLI) -> CLI:
    steps = [
        ("profile", "set", "--name", "Ana Rivera", "--profession", "RN", "--home-state", "TX"),
        ("license", "add", "--profession", "RN", "--state", "TX", "--kind", "multistate",
         "--number", "RN-884201", "--expires", "2027-05-31"),
        ("cert", "add", "--name", "BLS", "--issuer", "AHA", "--expires", "2027-01-31"),
        ("ce", "add", "--date", "2026-05-20", "--provider", "AACN NTI", "--accreditor", "ANCC",
         "--session", "Sepsis update|1.5|sepsis,infection-control",
         "--session", "Vent waveforms|90min|ventilator-management",
         "--session", "Ethics, end of life|0.1ceu|ethics"),
        ("ce", "add", "--date", "2026-02-01", "--title", "Pain management", "--hours", "2",
         "--claim", "1"),
        ("skill", "add", "--skill", "Triage", "--level", "4"),
    ]  # fmt: skip
    for step in steps:
        result = cli(*step)
        assert result.code == 0, (step, result.err)
    return cli


def test_every_format_from_the_extension(traveler: CLI, tmp_path: Path) -> None:
    summaries = {}
    for name in ("cal.ics", "packet.html", "packet.md", "ce.csv", "backup.json"):
        result = traveler("export", str(tmp_path / name))
        assert result.code == 0, result.err
        summaries[name] = result.out
        assert (tmp_path / name).stat().st_mode & 0o077 == 0  # private, like the database
    assert "calendar events" in summaries["cal.ics"]
    assert "numbers left out" in summaries["packet.html"]
    assert "4 CE activities" in summaries["ce.csv"]
    assert "1 licenses" in summaries["backup.json"]  # the JSON summary is unchanged
    calendar = Calendar.from_ical((tmp_path / "cal.ics").read_bytes())
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert {"license-1-expires@careerpath", "cert-bls-expires@careerpath"} <= uids
    html = (tmp_path / "packet.html").read_text()
    assert "Ana Rivera" in html and "RN-884201" not in html
    assert (tmp_path / "packet.md").read_text().startswith("# Credential packet: Ana Rivera")
    assert json.loads((tmp_path / "backup.json").read_text())["format"] == "careerpath-export"


def test_format_and_table_options(traveler: CLI, tmp_path: Path) -> None:
    out = tmp_path / "reminders.txt"
    assert traveler("export", str(out), "--format", "ics").code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    licenses = tmp_path / "licenses.csv"
    result = traveler("export", str(licenses), "--table", "licenses", "--include-numbers")
    assert result.code == 0 and "1 licenses" in result.out
    assert "RN-884201" in licenses.read_text(encoding="utf-8-sig")
    packet = tmp_path / "packet.html"
    assert traveler("export", str(packet), "--include-numbers").code == 0
    assert "RN-884201" in packet.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("out.txt",), "cannot tell the format from .txt"),
        (("out.ics", "--format", "pdf"), "--format 'pdf'"),
        (("out.ics", "--with-files"), "--with-files goes with a .json export"),
        (("out.html", "--table", "ce"), "--table goes with a .csv export"),
        (("out.csv", "--table", "skills"), "--table 'skills'"),
        (("out.ics", "--include-numbers"), "--include-numbers goes with"),
    ],
)
def test_wrong_options_are_one_usage_line(
    cli: CLI, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = cli("export", str(tmp_path / args[0]), *args[1:])
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1
    assert not (tmp_path / args[0]).exists()


def test_ce_csv_round_trip_into_an_empty_home(traveler: CLI, tmp_path: Path) -> None:
    sheet = tmp_path / "ce.csv"
    assert traveler("export", str(sheet)).code == 0
    before = json.loads(traveler("ce", "list", "--json").out)
    other = tmp_path / "other"
    # The claim names license 1: the new home needs it first, or the row is refused.
    refused = traveler("import", str(sheet), "--home", str(other))
    assert refused.code == 1 and "row 2: claim: there is no license 1 here" in refused.err
    assert "1 row with problems; nothing was imported" in refused.err
    traveler("license", "add", "--profession", "RN", "--state", "TX", "--home", str(other))
    result = traveler("import", str(sheet), "--home", str(other))
    assert result.code == 0, result.err
    assert "4 CE activities, 6 contact hours" in result.out
    after = json.loads(traveler("ce", "list", "--json", "--home", str(other)).out)

    def same(rows: list[dict[str, object]]) -> list[dict[str, object]]:
        return sorted(({k: v for k, v in r.items() if k != "id"} for r in rows), key=str)

    assert same(after) == same(before)
    again = traveler("import", str(sheet), "--home", str(other))
    assert again.code == 0 and "4 duplicates skipped" in again.out
    assert "warning: 4 rows already stored" in again.err
    assert len(json.loads(traveler("ce", "list", "--json", "--home", str(other)).out)) == 4


def test_bad_csv_lists_rows_and_writes_nothing(cli: CLI, tmp_path: Path) -> None:
    sheet = tmp_path / "mine.csv"
    sheet.write_text(
        "date,title,hours,certificate\n"
        "2026-03-01,Good one,1,\n"
        "2026-03-02,Bad hours,-2,\n"
        "2026-03-03,Missing file,1,nowhere.pdf\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet))
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0] == "row 3: hours must be more than 0, got -2 contact_hours"
    assert lines[1].startswith("row 4: certificate: nowhere.pdf is neither")
    assert lines[2] == f"careerpath: error: {sheet}: 2 rows with problems; nothing was imported"
    assert json.loads(cli("ce", "list", "--json").out) == []
    (tmp_path / "nowhere.pdf").write_bytes(b"%PDF certificate")  # relative to the CSV
    sheet.write_text(sheet.read_text().replace("-2", "2"))
    assert cli("import", str(sheet)).code == 0
    rows = json.loads(cli("ce", "list", "--json").out)
    attached = {r["title"]: r["certificate"] for r in rows}
    assert len(rows) == 3 and attached["Missing file"].endswith("-nowhere.pdf")


def test_csv_import_refusals(cli: CLI, tmp_path: Path) -> None:
    licenses = tmp_path / "licenses.csv"
    licenses.write_text("id,profession,state\n1,RN,TX\n")
    result = cli("import", str(licenses))
    assert result.code == 1 and "Only CE activities are imported from CSV" in result.err
    latin = tmp_path / "latin.csv"
    latin.write_bytes("date,title,hours\n2026-01-01,Pflege Übung,1\n".encode("latin-1"))
    assert "save it as 'CSV UTF-8'" in cli("import", str(latin)).err
    assert cli("import", str(licenses), "--replace").code == 2


def test_write_export_for_the_tui(home: Path, tmp_path: Path) -> None:
    import datetime as dt

    summary = write_export(home, dt.date(2026, 11, 25), tmp_path / "p.md")
    assert summary.startswith(f"exported to {tmp_path / 'p.md'}: credential packet")
    assert not (home / "careerpath.db").exists()  # an export of nothing creates nothing


def test_help_does_not_import_icalendar(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from careerpath.cli import main\n"
        "for args in (['--help'], ['export', '--help'], ['import', '--help']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'icalendar'"
        " or m.startswith('careerpath.exports'))\n"
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


FORMULAS = ["=HYPERLINK(\"https://example.org\",\"click\")", "+1+1", "-2+3", "@SUM(A1)",
            "'quoted already", "'=both"]  # fmt: skip


def test_csv_cells_never_start_a_formula_and_round_trip_exactly(cli: CLI, tmp_path: Path) -> None:
    """OWASP CSV injection: https://owasp.org/www-community/attacks/CSV_Injection"""
    for number, title in enumerate(FORMULAS, start=1):
        added = cli("ce", "add", "--date", f"2026-03-{number:02d}", f"--title={title}",
                    f"--provider={title}", "--hours", "1")  # fmt: skip
        assert added.code == 0, added.err
    sheet = tmp_path / "ce.csv"
    assert cli("export", str(sheet)).code == 0
    import csv

    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    for row in rows[1:]:
        assert not [cell for cell in row if cell and cell[0] in "=+-@\t\r"], row
    before = json.loads(cli("ce", "list", "--json").out)
    other = tmp_path / "other"
    assert cli("import", str(sheet), "--home", str(other)).code == 0
    after = json.loads(cli("ce", "list", "--json", "--home", str(other)).out)
    assert sorted(a["title"] for a in after) == sorted(b["title"] for b in before)
    assert sorted(a["provider"] for a in after) == sorted(FORMULAS)
