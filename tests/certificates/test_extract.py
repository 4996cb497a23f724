"""Reading certificates: the corpus, and the rules that keep amounts and dates from guesses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpath.certificates.extract import Found, amount_of, completion_date, read_fields
from careerpath.certificates.text import read_text
from careerpath.errors import CareerpathError
from certificates.corpus import corpus, held_out, write_corpus


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[object, Path]]:
    return list(write_corpus(tmp_path_factory.mktemp("corpus")))


def test_corpus_is_varied() -> None:
    samples = corpus()
    assert len(samples) >= 25
    layouts = {s.layout for s in samples}
    assert {"conference", "online", "asha_ceu", "pt_minutes", "multi_page", "scanned"} <= layouts
    assert any(len(s.pages) > 1 for s in samples)


def test_every_field_of_the_corpus_is_read_or_flagged_never_wrong(written: list) -> None:
    wrong = []
    for sample, path in written:
        reading = read_fields(read_text(path).text)
        for name, expected in sample.expected.items():
            got = reading.get(name)
            if got.state is Found.FOUND and got.value != expected:
                wrong.append((sample.name, name, got.value, expected))
            if expected is not None and got.state is not Found.FOUND:
                wrong.append((sample.name, name, got.state, expected))
    assert wrong == []


def test_held_out_layouts_never_get_an_amount_or_a_date_wrong(tmp_path: Path) -> None:
    for sample in held_out():
        reading = read_fields(read_text(sample.write(tmp_path)).text)
        for name in ("amount", "completed"):
            got = reading.get(name)
            assert got.state is not Found.FOUND or got.value == sample.expected[name], (
                sample.name, name, got,
            )  # fmt: skip


def test_a_scan_without_ocr_says_why_in_one_line(written: list) -> None:
    path = next(p for s, p in written if s.scanned)
    text = read_text(path)
    assert text.text == ""
    assert text.problem is not None and "\n" not in text.problem
    assert read_fields(text.text).gaps() == ["title", "completed", "amount", "provider",
                                             "accreditation"]  # fmt: skip


def test_an_image_without_ocr_engine_is_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    image = tmp_path / "phone.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this PATH
    text = read_text(image)
    assert text.problem == (
        "an image needs OCR and no OCR engine is installed (install tesseract-ocr)"
    )


def test_not_a_pdf_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("hello")
    with pytest.raises(CareerpathError, match="neither a PDF nor an image"):
        read_text(path)
    with pytest.raises(CareerpathError, match="does not exist"):
        read_text(tmp_path / "nope.pdf")


@pytest.mark.parametrize(
    ("text", "state", "value", "candidates"),
    [
        ("Contact hours awarded: 1.5", Found.FOUND, "1.5 contact_hours", []),
        ("0.15 CEU (1.5 contact hours)", Found.FOUND, "0.15 ceu", []),
        ("90 minutes", Found.FOUND, "90 minutes", []),
        ("90 minutes / 1.5 contact hours", Found.FOUND, "90 minutes", []),
        ("Lecture: 1.0 contact hours Lab: 1.5 contact hours", Found.AMBIGUOUS, None,
         ["1 contact_hours", "1.5 contact_hours"]),
        ("Total 3 contact hours, of which pharmacology: 1 contact hours", Found.FOUND,
         "3 contact_hours", []),
        ("Conference 2026 Contact hours: 2", Found.FOUND, "2 contact_hours", []),
        ("Reported within 24 hrs", Found.MISSING, None, []),
        ("0 contact hours", Found.MISSING, None, []),
    ],
)  # fmt: skip
def test_amounts(text: str, state: Found, value: str | None, candidates: list[str]) -> None:
    got = amount_of(text)
    assert (got.state, got.value, got.candidates) == (state, value, candidates)


@pytest.mark.parametrize(
    ("lines", "state", "value"),
    [
        (["Date of completion: March 3, 2026", "Approval valid through 12/31/2027"],
         Found.FOUND, "2026-03-03"),
        (["Expires: 2027-12-31"], Found.MISSING, None),
        (["Date issued: 2026-03-05"], Found.MISSING, None),
        (["Completion date:", "2026-01-22"], Found.FOUND, "2026-01-22"),
        (["October 8-10, 2026"], Found.AMBIGUOUS, None),
        (["October 8-10, 2026", "Session date: October 9, 2026"], Found.FOUND, "2026-10-09"),
        (["Completed: 2026-02-30"], Found.MISSING, None),
    ],
)  # fmt: skip
def test_dates(lines: list[str], state: Found, value: str | None) -> None:
    got = completion_date(lines)
    assert (got.state, got.value) == (state, value)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_each_printed_date_form_reads_back(day: dt.date) -> None:
    forms = (
        day.isoformat(),
        f"{day.month}/{day.day}/{day.year}",
        f"{day:%B} {day.day}, {day.year}",
        f"{day.day} {day:%B} {day.year}",
        f"{day:%b}. {day.day}, {day.year}",
    )
    for form in forms:
        got = completion_date([f"Date of completion: {form}"])
        assert got.value == day.isoformat(), form


def test_an_image_goes_through_the_ocr_program_when_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in `tesseract` on PATH (a real program, called as tesseract is: IMAGE stdout)."""
    program = tmp_path / "bin" / "tesseract"
    program.parent.mkdir()
    program.write_text(
        "#!/bin/sh\n"
        '[ "$2" = stdout ] || exit 2\n'
        "printf 'Course title: Fall Prevention\\nDate of completion: 2026-02-03\\n"
        "1.0 contact hours\\nProvider: Acme CE\\nApproval number: AB-1234\\n'\n"
    )
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(program.parent))
    image = tmp_path / "phone.jpg"
    image.write_bytes(b"\xff\xd8\xff")
    text = read_text(image)
    assert text.problem is None
    reading = read_fields(text.text)
    assert reading.gaps() == []
    assert reading.get("amount").value == "1 contact_hours"
