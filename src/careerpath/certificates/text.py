"""The text of a certificate file: PDF text with pypdf, images through the tesseract program.

pypdf is pure Python (no compiler or system library to install), maintained (7.x in 2026),
and its text extraction handles the standard fonts, encodings and multi-page files certificate
generators produce. A PDF without a text layer (a scan) and an image need OCR; the tesseract
program is used when it is installed, and otherwise the reason is said in one line so the
user can type the fields instead.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

from careerpath.errors import CareerpathError
from careerpath.store.certificates import MAX_CERTIFICATE_BYTES

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"})
OCR_PROGRAM = "tesseract"


class CertificateText(NamedTuple):
    path: Path
    text: str
    problem: str | None = None
    """Why no text could be read (a scan without OCR); the fields are then typed by hand."""


def read_text(path: Path) -> CertificateText:
    """The file's text; a missing, huge or unknown file is a one-line error."""
    if not path.is_file():
        raise CareerpathError(f"certificate file {path} does not exist or is not a file")
    if path.stat().st_size > MAX_CERTIFICATE_BYTES:
        raise CareerpathError(f"certificate file {path} is larger than the 50 MB limit")
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return _ocr(path)
    with path.open("rb") as handle:
        is_pdf = handle.read(1024).lstrip().startswith(b"%PDF")
    if not is_pdf:
        raise CareerpathError(f"{path} is neither a PDF nor an image: cannot read a certificate")
    text = pdf_text(path)
    if not text.strip():
        return CertificateText(
            path,
            "",
            "no text in this PDF (a scan?): reading scanned PDFs is not supported; type its fields",
        )
    return CertificateText(path, text)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise CareerpathError(f"{path} is password-protected: open it and save a copy")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise CareerpathError(f"{path} is not a readable PDF ({exc})") from None


def ocr_available() -> bool:
    return shutil.which(OCR_PROGRAM) is not None


def _ocr(path: Path) -> CertificateText:
    program = shutil.which(OCR_PROGRAM)
    if program is None:
        return CertificateText(
            path, "", "an image needs OCR and no OCR engine is installed (install tesseract-ocr)"
        )
    try:
        done = subprocess.run(
            [program, str(path), "stdout"], capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return CertificateText(path, "", f"OCR failed: {exc}")
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        return CertificateText(path, "", f"OCR failed: {reason}")
    return CertificateText(path, done.stdout)
