"""`careerpath audit`: the zip's summary and certificates, numbers only when asked."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.conftest import CLI

from certificates.corpus import conference_session, online


def _setup(cli: CLI, folder: Path) -> list[Path]:
    assert cli("profile", "set", "--name", "Jordan <Rivera>", "--profession", "RN").code == 0
    assert cli("license", "add", "--profession", "RN", "--state", "TX", "--number", "RN-998877",
               "--expires", "2027-06-30", "--issued", "2015-01-01").code == 0  # fmt: skip
    paths = [conference_session(n).write(folder) for n in range(2)] + [online(3).write(folder)]
    added = cli("ce", "add", "--from-certificate", *map(str, paths), "--yes")
    assert added.code == 0, added.err
    assert cli("ce", "add", "--title", "Unit in-service", "--hours", "1", "--date",
               "2026-02-02").code == 0  # fmt: skip
    assert cli("ce", "add", "--title", "Long ago", "--hours", "3", "--date", "2024-01-10",
               "--provider", "X", "--accreditor", "ANCC").code == 0  # fmt: skip
    return paths


def test_packet_holds_summary_and_certificates_named_by_date_and_title(
    cli: CLI, tmp_path: Path
) -> None:
    paths = _setup(cli, tmp_path)
    target = tmp_path / "audit.zip"
    result = cli("audit", "--license", "1", "-o", str(target))
    assert result.code == 0, result.err
    assert "4 activities, 3 certificates; audit ready: 3 items missing" in result.out
    with zipfile.ZipFile(target) as archive:
        names = sorted(archive.namelist())
        assert names == [
            "certificates/2026-06-30-florida-laws-and-rules-for-nurses.pdf",
            "certificates/2026-10-08-sepsis-bundles-at-the-bedside.pdf",
            "certificates/2026-10-08-ventilator-weaning-protocols.pdf",
            "summary.html",
        ]
        assert archive.read(names[1]) == paths[0].read_bytes()
        html = archive.read("summary.html").decode()
    assert "Jordan &lt;Rivera&gt; · RN license TX" in html
    assert "2025-07-01 – 2027-06-30" in html
    assert "RN-998877" not in html
    assert "The license number is left out" in html
    for title in ("Sepsis Bundles at the Bedside", "Florida Laws and Rules for Nurses",
                  "Unit in-service"):  # fmt: skip
        assert title in html
    assert "Long ago" not in html  # before the window
    text = re.sub(r"<[^>]+>", "", html)
    assert "certificates/2026-10-08-sepsis-bundles-at-the-bedside.pdf" in text
    assert "California Board of Registered Nursing; CEP 16770" in html
    readiness = html[html.index('<section id="readiness">') :]
    assert "audit ready: 3 items missing" in readiness
    assert "certificate file, provider, accreditation or approval number" in readiness
    assert "Texas nursing jurisprudence and ethics" in html  # a requirement, from the rules data
    assert "<script" not in html and not re.search(r"(src|href)=\"(?!https?://)", html)


def test_numbers_only_when_asked_and_the_previous_window(cli: CLI, tmp_path: Path) -> None:
    _setup(cli, tmp_path)
    target = tmp_path / "with.zip"
    assert cli("audit", "--license", "1", "-o", str(target), "--with-numbers").code == 0
    with zipfile.ZipFile(target) as archive:
        assert "RN-998877" in archive.read("summary.html").decode()
    previous = tmp_path / "prev.zip"
    result = cli("audit", "--license", "1", "--window", "previous", "-o", str(previous))
    assert result.code == 0, result.err
    with zipfile.ZipFile(previous) as archive:
        html = archive.read("summary.html").decode()
        assert archive.namelist() == ["summary.html"]
    assert "2023-07-01 – 2025-06-30" in html
    assert "Long ago" in html


def test_errors_are_one_line(cli: CLI, tmp_path: Path) -> None:
    _setup(cli, tmp_path)
    bad = cli("audit", "--license", "1", "-o", str(tmp_path / "audit.html"))
    assert bad.code == 2 and "is a .zip file" in bad.err
    missing = cli("audit", "--license", "9", "-o", str(tmp_path / "a.zip"))
    assert missing.code == 1 and "no license 9" in missing.err
    assert not (tmp_path / "a.zip").exists()


def test_ce_status_shows_audit_readiness(cli: CLI, tmp_path: Path) -> None:
    _setup(cli, tmp_path)
    out = cli("ce", "status").out
    assert "audit ready: 3 items missing (careerpath audit --license 1)" in out
    import json

    (row,) = json.loads(cli("ce", "status", "--json").out)["licenses"]
    assert row["audit"] == {"summary": "audit ready: 3 items missing", "missing": 3,
                            "activities": 4}  # fmt: skip
