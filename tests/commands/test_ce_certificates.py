"""`ce add --from-certificate`: preview, shared prompts, ambiguities typed, --yes refusing gaps."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.conftest import CLI

from certificates.corpus import conference_session, online, scanned, two_amounts
from certificates.pdf_writer import Text, write_text_pdf


def _answers(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def _no_session_date(folder: Path, name: str, title: str) -> Path:
    """A conference certificate that prints only the conference's dates, not the session's."""
    return write_text_pdf(
        folder / f"{name}.pdf",
        [
            [
                Text("Great Plains Critical Care Conference, October 8-10, 2026", 60, 540),
                Text(f"Session: {title}", 60, 500),
                Text("Contact hours awarded: 1", 60, 480),
                Text("Approved provider number: PNEC-5521", 60, 460),
            ]
        ],
    )


def test_yes_saves_a_conference_read_in_full_with_its_files(cli: CLI, tmp_path: Path) -> None:
    paths = [conference_session(n).write(tmp_path) for n in range(6)]
    result = cli("ce", "add", "--from-certificate", *map(str, paths), "--yes")
    assert result.code == 0, result.err
    assert "6 activities, 7.5 contact hours" in result.out
    assert "Certificate 1 of 6: conference-1.pdf" in result.out
    rows = json.loads(cli("ce", "list", "--json").out)
    first = next(r for r in rows if r["title"] == "Sepsis Bundles at the Bedside")
    assert first["completed"] == "2026-10-08"
    assert (first["amount"], first["unit"]) == ("1.5", "contact_hours")
    assert first["provider"] == "Prairie Nursing Education Council"
    assert first["accreditor"] == "ANCC"
    assert first["certificate_number"] == "GPCC26-4100"
    assert first["accreditation"].startswith("Prairie Nursing Education Council is accredited")
    assert first["format"] == "conference"
    assert all(r["certificate"] and r["certificate"].endswith(".pdf") for r in rows)
    assert len({r["certificate"] for r in rows}) == 6


def test_yes_refuses_the_whole_batch_when_one_field_is_unsure(cli: CLI, tmp_path: Path) -> None:
    good = online(0).write(tmp_path)
    unsure = two_amounts().write(tmp_path)
    result = cli("ce", "add", "--from-certificate", str(good), str(unsure), "--yes")
    assert result.code == 1
    assert "two-amounts-1.pdf: amount ambiguous" in result.err
    assert "\n" not in result.err.strip()
    assert json.loads(cli("ce", "list", "--json").out) == []


def test_an_ambiguous_amount_is_typed_never_picked(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = two_amounts().write(tmp_path)
    _answers(monkeypatch, "lots", "2.5", "")
    result = cli("ce", "add", "--from-certificate", str(path))
    assert result.code == 0, result.err
    assert (
        "Amount                    ? ambiguous: 1 contact hours or 1.5 contact hours" in result.out
    )
    assert "is not a number" in result.out  # 'lots' is asked again
    (row,) = json.loads(cli("ce", "list", "--json").out)
    assert (row["amount"], row["unit"]) == ("2.5", "contact_hours")


def test_a_conference_shares_one_date_prompt(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [_no_session_date(tmp_path, f"s{n}", f"Session {n}") for n in range(3)]
    _answers(monkeypatch, "2026-10-09", "Prairie Nursing Education Council", "", "", "")
    result = cli("ce", "add", "--from-certificate", *map(str, paths))
    assert result.code == 0, result.err
    assert result.out.count("Completed for the 3 of 3 certificates without one") == 1
    assert result.out.count("Provider for the 3 of 3 certificates without one") == 1
    rows = json.loads(cli("ce", "list", "--json").out)
    assert {(r["completed"], r["provider"], r["approval_number"]) for r in rows} == {
        ("2026-10-09", "Prairie Nursing Education Council", "PNEC-5521")
    }


def test_date_and_provider_options_settle_the_batch(cli: CLI, tmp_path: Path) -> None:
    paths = [_no_session_date(tmp_path, f"s{n}", f"Session {n}") for n in range(2)]
    result = cli("ce", "add", "--from-certificate", *map(str, paths), "--yes",
                 "--date", "2026-10-10", "--provider", "PNEC")  # fmt: skip
    assert result.code == 0, result.err
    rows = json.loads(cli("ce", "list", "--json").out)
    assert {r["completed"] for r in rows} == {"2026-10-10"}


def test_skip_and_edit(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = online(0).write(tmp_path), online(1).write(tmp_path)
    # First: edit the title, keep the rest, save. Second: skip.
    _answers(monkeypatch, "e", "Stroke Scale", "", "", "", "", "", "", "", "n")
    result = cli("ce", "add", "--from-certificate", str(first), str(second))
    assert result.code == 0, result.err
    assert "skipped online-2.pdf" in result.out
    (row,) = json.loads(cli("ce", "list", "--json").out)
    assert row["title"] == "Stroke Scale"


def test_a_scan_is_typed_by_hand(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = scanned().write(tmp_path)
    _answers(monkeypatch, "BLS renewal", "2026-06-01", "90min", "", "", "", "")
    result = cli("ce", "add", "--from-certificate", str(path))
    assert result.code == 0, result.err
    assert "cannot read it: no text in this PDF" in result.out
    (row,) = json.loads(cli("ce", "list", "--json").out)
    assert (row["title"], row["amount"], row["unit"], row["provider"]) == (
        "BLS renewal", "90", "minutes", None,
    )  # fmt: skip


def test_no_answers_on_stdin_is_one_line(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = two_amounts().write(tmp_path)
    _answers(monkeypatch)
    result = cli("ce", "add", "--from-certificate", str(path))
    assert result.code == 1
    assert "no answer on standard input" in result.err
    assert cli("ce", "add", "--from-certificate", str(tmp_path / "nope.pdf")).code == 1
