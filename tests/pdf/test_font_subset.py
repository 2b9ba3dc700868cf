"""Fonts are re-subset: a glyph used only in removed text is no longer in the file."""

from __future__ import annotations

import io
import itertools
import struct
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from redactor.core.export_model import BoxSpec, RenderOptions
from redactor.core.geometry import Rect
from redactor.pdf.redact import redact_document

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _glyph_lengths(font: bytes) -> list[int]:
    """Outline length of every glyph of a TrueType font (from its head and loca tables)."""
    count = struct.unpack(">H", font[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", font[12 + 16 * i : 28 + 16 * i])
        tables[tag] = (offset, length)
    head = tables[b"head"][0]
    long_offsets = struct.unpack(">h", font[head + 50 : head + 52])[0] == 1
    offset, length = tables[b"loca"]
    loca = font[offset : offset + length]
    if long_offsets:
        points = [struct.unpack(">I", loca[i : i + 4])[0] for i in range(0, len(loca), 4)]
    else:
        points = [2 * struct.unpack(">H", loca[i : i + 2])[0] for i in range(0, len(loca), 2)]
    return [b - a for a, b in itertools.pairwise(points)]


def _embedded(data: bytes) -> list[bytes]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            o.FontFile2.read_bytes()
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and "/FontFile2" in o
        ]


def test_glyphs_only_under_boxes_leave_the_font() -> None:
    if not DEJAVU.is_file():
        pytest.fail(
            "DejaVuSans.ttf is missing (apt package fonts-dejavu-core, installed by .ci/run)"
        )
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    page.insert_font(fontname="dv", fontfile=str(DEJAVU))
    page.insert_text((50, 100), "Openbaar QXQX Openbaar", fontname="dv", fontsize=12)
    (word,) = [w for w in page.get_text("words") if w[4] == "QXQX"]
    source = doc.tobytes()
    font = pymupdf.Font(fontfile=str(DEJAVU))
    kept, removed = font.has_glyph(ord("O")), font.has_glyph(ord("Q"))
    box = BoxSpec(0, Rect(word[0] - 1, word[1], word[2] + 1, word[3]), ("5.1.2e",))

    out = redact_document(source, [box], [], RenderOptions())

    (before,) = _embedded(source)
    (after,) = _embedded(out.pdf)
    assert _glyph_lengths(before)[removed] > 0
    assert _glyph_lengths(after)[kept] > 0, "a glyph of the remaining text was lost"
    assert _glyph_lengths(after)[removed] == 0, "the glyph of the removed text is still in the font"
