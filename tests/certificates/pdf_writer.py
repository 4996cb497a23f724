"""Write small certificate PDFs with pypdf itself, for the test corpus.

pypdf is already a runtime dependency, and a certificate needs only the standard 14 fonts
(no embedding) and, for a scan, one grey image: a few dictionaries and content streams. A PDF
generator library (reportlab, fpdf2) would add a test dependency and Pillow for nothing more.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

FONTS = {"R": "Helvetica", "B": "Helvetica-Bold", "I": "Times-Italic", "T": "Times-Roman"}
WIDTH, HEIGHT = 792, 612  # US Letter, landscape: most certificates are


@dataclass(frozen=True)
class Text:
    text: str
    x: float
    y: float
    size: float = 11
    font: str = "R"
    centered: bool = False


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(items: list[Text]) -> bytes:
    out = [b"0.2 0.2 0.2 RG 2 w 24 24 744 564 re S"]
    for item in items:
        x = item.x
        if item.centered:  # about half a Helvetica glyph per point of size
            x = max(30.0, item.x - len(item.text) * item.size * 0.25)
        out.append(
            b"BT /%s %.1f Tf %.1f %.1f Td (%s) Tj ET"
            % (item.font.encode(), item.size, x, item.y, _escape(item.text))
        )
    return b"\n".join(out)


def _fonts(writer: PdfWriter) -> DictionaryObject:
    fonts = DictionaryObject()
    for key, base in FONTS.items():
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/" + base),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        fonts[NameObject("/" + key)] = writer._add_object(font)
    return fonts


def write_text_pdf(path: Path, pages: list[list[Text]]) -> Path:
    writer = PdfWriter()
    fonts = _fonts(writer)
    for items in pages:
        page = writer.add_blank_page(WIDTH, HEIGHT)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        stream = DecodedStreamObject()
        stream.set_data(_content(items))
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Producer": "careerpath test corpus"})
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_scanned_pdf(path: Path, seed: int = 7) -> Path:
    """One page that is only a grey image, as a phone scan is: no text layer."""
    width, height = 320, 240
    pixels = bytearray()
    for y in range(height):
        for x in range(width):
            ink = (40 < y < 60 and 30 < x < 290) or (100 < y < 108 and (x * seed) % 9 < 6)
            pixels.append(30 if ink else 235)
    image = StreamObject()
    image._data = zlib.compress(bytes(pixels))
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(width),
            NameObject("/Height"): NumberObject(height),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/FlateDecode"),
        }
    )
    writer = PdfWriter()
    page = writer.add_blank_page(WIDTH, HEIGHT)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im1"): writer._add_object(image)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(b"q 744 0 0 564 24 24 cm /Im1 Do Q")
    page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as handle:
        writer.write(handle)
    return path
