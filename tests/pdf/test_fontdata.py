"""Font data for codes no text shows is removed, and nothing that is shown changes.

Two directions: (1) on real documents, pruning alone (nothing redacted) changes neither the
pixels nor the text of any page, so it never removes data a shown glyph needs; (2) after a
redaction, the characters only the removed text used are gone from ToUnicode, the widths,
the encoding's glyph names and the FontDescriptor's character lists.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pymupdf
import pytest
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pikepdf import Array, Dictionary, Name

from redactor.core.export_model import BoxSpec, RenderOptions
from redactor.core.geometry import Rect
from redactor.pdf.fontdata import prune_fonts
from redactor.pdf.redact import redact_document
from tests.adversarial import builders as B
from tests.helpers import require_corpus

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pruned(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        prune_fonts(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _to_unicode_chars(data: bytes) -> set[str]:
    """Every character any ToUnicode map in the file maps to (read by pdfminer)."""
    chars: set[str] = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, Dictionary) and isinstance(obj.get("/ToUnicode"), pikepdf.Stream):
                cmap = FileUnicodeMap()
                CMapParser(cmap, io.BytesIO(obj.ToUnicode.read_bytes())).run()
                for value in cmap.cid2unichr.values():
                    chars.update(value)
    return chars


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:This document has .* form widget")
def test_pruning_changes_no_pixel_and_no_text_of_real_documents() -> None:
    root = require_corpus() / "realworld"
    checked = 0
    for path in sorted(root.glob("*.pdf")):
        data = path.read_bytes()
        try:
            before = pymupdf.open(stream=data, filetype="pdf")
        except Exception:
            continue
        with before:
            if before.needs_pass:
                continue
            try:
                after_data = _pruned(data)
            except pikepdf.PdfError:
                continue  # pikepdf cannot open it: the engine repairs such files first
            with pymupdf.open(stream=after_data, filetype="pdf") as after:
                for index in range(min(3, before.page_count)):
                    a, b = before[index], after[index]
                    assert a.get_text("text") == b.get_text("text"), f"{path.name} p{index + 1}"
                    pa = a.get_pixmap(dpi=50, annots=False)
                    pb = b.get_pixmap(dpi=50, annots=False)
                    assert pa.samples == pb.samples, (
                        f"{path.name} page {index + 1} renders differently"
                    )
                    checked += 1
    assert checked > 120


def _dejavu_case() -> tuple[bytes, BoxSpec]:
    """A producer-subset font: its ToUnicode and widths list exactly the glyphs shown."""
    if not DEJAVU.is_file():
        pytest.fail("DejaVuSans.ttf is missing (apt package fonts-dejavu-core)")
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    page.insert_font(fontname="dv", fontfile=str(DEJAVU))
    page.insert_text((50, 100), "Openbaar QXQX Openbaar", fontname="dv", fontsize=12)
    (word,) = [w for w in page.get_text("words") if w[4] == "QXQX"]
    doc.subset_fonts()
    source = _pruned(doc.tobytes(garbage=3))  # now like Word's output: used glyphs only
    assert {"Q", "X", "O"} <= _to_unicode_chars(source)
    return source, BoxSpec(0, Rect(word[0] - 1, word[1], word[2] + 1, word[3]), ("5.1.2e",))


def test_characters_only_under_a_box_leave_tounicode_and_widths() -> None:
    source, box = _dejavu_case()
    out = redact_document(source, [box], [], RenderOptions())
    chars = _to_unicode_chars(out.pdf)
    assert "Q" not in chars and "X" not in chars
    assert {"O", "p", "e", "n", "b", "a", "r"} <= chars
    with pikepdf.open(io.BytesIO(out.pdf)) as pdf:
        widths = [
            o.W for o in pdf.objects if isinstance(o, Dictionary) and isinstance(o.get("/W"), Array)
        ]
    assert widths
    q_cid = pymupdf.Font(fontfile=str(DEJAVU)).has_glyph(ord("Q"))
    for array in widths:
        cids = [int(v) for v in array if not isinstance(v, Array)]
        assert q_cid not in cids


def _simple_font_pdf() -> bytes:
    """Helvetica with WinAnsi widths for every code, glyph names for Q and X in /Differences,
    a ToUnicode for every code and a /CharSet: the secret "QXQX" is the only Q and X."""
    pdf = B.new_pdf()
    codes = range(32, 127)
    to_unicode = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <ff> endcodespacerange\n"
        b"1 beginbfrange <20> <7e> <0020> endbfrange\nendcmap end end\n"
    )
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name.Helvetica,
        Flags=32,
        FontBBox=Array([0, -200, 1000, 900]),
        ItalicAngle=0,
        Ascent=718,
        Descent=-207,
        CapHeight=718,
        StemV=88,
        CharSet=pikepdf.String("/O/p/e/n/b/a/r/Q/X/space"),
    )
    font = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type1,
            BaseFont=Name.Helvetica,
            FirstChar=32,
            LastChar=126,
            Widths=Array([600] * len(codes)),
            Encoding=Dictionary(
                Type=Name.Encoding,
                BaseEncoding=Name.WinAnsiEncoding,
                Differences=Array([81, Name("/Q"), 88, Name("/X")]),
            ),
            ToUnicode=pdf.make_stream(to_unicode),
            FontDescriptor=pdf.make_indirect(descriptor),
        )
    )
    content = b"BT /F1 12 Tf 50 200 Td (Openbaar QXQX Openbaar) Tj ET\n"
    page = Dictionary(
        Type=Name.Page,
        MediaBox=Array([0, 0, 400, 300]),
        Resources=Dictionary(Font=Dictionary(F1=font)),
        Contents=pdf.make_stream(content),
    )
    pdf.pages.append(pikepdf.Page(page))
    return B.save(pdf)


def test_simple_font_widths_names_and_charset_of_removed_characters_go() -> None:
    data = _simple_font_pdf()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        (word,) = [w for w in doc[0].get_text("words") if w[4] == "QXQX"]
    box = BoxSpec(0, Rect(word[0] - 1, word[1], word[2] + 1, word[3]), ("5.1.2e",))
    out = redact_document(data, [box], [], RenderOptions())
    assert not {"Q", "X"} & _to_unicode_chars(out.pdf)
    with pikepdf.open(io.BytesIO(out.pdf)) as pdf:
        fonts = [
            o
            for o in pdf.objects
            if isinstance(o, Dictionary) and o.get("/Type") == Name.Font and "/Widths" in o
        ]
        assert fonts
        for font in fonts:
            first = int(font.FirstChar)
            widths = [float(w) for w in font.Widths]
            for char in "QX":
                if first <= ord(char) < first + len(widths):
                    assert widths[ord(char) - first] == 0, f"the width of {char} is still there"
            assert widths[ord("O") - first] > 0
            encoding = font.get("/Encoding")
            if isinstance(encoding, Dictionary):
                names = {str(v) for v in encoding.get("/Differences", Array())}
                assert not {"/Q", "/X"} & names
            descriptor = font.get("/FontDescriptor")
            if isinstance(descriptor, Dictionary):
                assert "/CharSet" not in descriptor
