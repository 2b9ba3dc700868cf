"""The glyph-position leak (Bland et al., "Story Beyond the Eye", PoPETs 2023).

A reader who knows the font can recover the width of redacted text from where the text
after it is placed: MuPDF alone keeps the removed run's advance as one number in the stream.
The test: names of different widths under the *same* box must leave the following text at
the *same* position, read back with pdfminer; and MuPDF alone must fail that test (so the
test can fail).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
import pymupdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer, LTItem

from redactor.core.export_model import RenderOptions
from redactor.core.geometry import Rect
from redactor.pdf.redact import redact_document
from tests.adversarial import builders as B

# Three names whose widths differ by less than the slack of one box (Helvetica: '1' is
# 0.556 em, 'J' 0.5 em, 'I' 0.278 em).
NAMES = ("GEHEIM4711", "GEHEIM47J1", "GEHEIM471I")
X = 50.0
LINE_TOP = 100.0
BEFORE = "Openbaar "
AFTER = "  volgt hierna"  # two spaces: the text after the box never falls under it


def _box() -> B.BoxSpec:
    x0 = X + B.text_width(BEFORE) - 1
    widest = max(B.text_width(n) for n in NAMES)
    return B.box(0, Rect(x0, LINE_TOP - 10, x0 + widest + 2, LINE_TOP + 3))


def _plain(name: str) -> bytes:
    pdf = B.new_pdf()
    B.add_page(pdf, B.text_line(X, LINE_TOP, BEFORE + name + AFTER))
    return B.save(pdf)


def _kerned(name: str) -> bytes:
    pdf = B.new_pdf()
    y = B.PAGE_H - LINE_TOP
    content = b"BT /F1 12 Tf %g %g Td [(Openbaar ) -12 (%s) 8 (  volgt) -30 ( hierna)] TJ ET" % (
        X,
        y,
        name.encode(),
    )
    B.add_page(pdf, content)
    return B.save(pdf)


def _in_form(name: str) -> bytes:
    pdf = B.new_pdf()
    form = B.form_xobject(
        pdf,
        b"BT /F1 12 Tf 0 5 Td (" + (BEFORE + name + AFTER).encode() + b") Tj ET",
        [0, 0, 300, 20],
    )
    content = b"q 1 0 0 1 %g %g cm /Fm1 Do Q" % (X, B.PAGE_H - LINE_TOP - 5)
    B.add_page(pdf, content, pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=form)))
    return B.save(pdf)


def _following_x(data: bytes) -> float:
    """Where pdfminer places the 'v' of "volgt" (PDF user space)."""
    for page in extract_pages(io.BytesIO(data)):
        stack: list[LTItem] = [page]
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar) and item.get_text() == "v":
                return round(item.x0, 3)
            if isinstance(item, LTContainer):
                stack.extend(item)
    raise AssertionError("the text after the box is gone")


def _mupdf_only(data: bytes, box: B.BoxSpec) -> bytes:
    doc = pymupdf.open(stream=data, filetype="pdf")
    doc[0].add_redact_annot(pymupdf.Rect(box.rect.as_tuple()))
    doc[0].apply_redactions(images=2, graphics=2, text=0)
    return doc.tobytes(garbage=4)


@pytest.mark.parametrize("make", [_plain, _kerned, _in_form], ids=["tj", "kerned-tj", "form"])
def test_the_text_after_a_box_does_not_reveal_the_width_under_it(
    make: Callable[[str], bytes],
) -> None:
    box = _box()
    positions = set()
    for name in NAMES:
        out = redact_document(make(name), [box], [], RenderOptions())
        positions.add(_following_x(out.pdf))
    assert len(positions) == 1, (
        f"the following text moves with the removed width: {sorted(positions)}"
    )


@pytest.mark.parametrize("make", [_plain, _kerned], ids=["tj", "kerned-tj"])
def test_mupdf_alone_leaks_the_width(make: Callable[[str], bytes]) -> None:
    """The control: without the rewrite the positions differ, so the test above can fail."""
    box = _box()
    positions = {_following_x(_mupdf_only(make(name), box)) for name in NAMES}
    assert len(positions) == len(NAMES)


def test_no_adjustment_in_the_stream_carries_the_removed_advance() -> None:
    """MuPDF writes the removed run as one TJ adjustment; the source has no kerning at all,
    so after the rewrite no TJ array may hold a number."""
    out = redact_document(_plain(NAMES[0]), [_box()], [], RenderOptions())
    with pikepdf.open(io.BytesIO(out.pdf)) as pdf:
        adjustments = [
            float(value)
            for instruction in pikepdf.parse_content_stream(pdf.pages[0])
            if str(instruction.operator) == "TJ"
            for value in instruction.operands[0]
            if not isinstance(value, pikepdf.String)
        ]
    assert [a for a in adjustments if abs(a) >= 1] == []


def test_text_before_and_far_after_the_box_keeps_its_place() -> None:
    """Only the text right after a removal moves; the start of the line and a distant
    column stay where they were."""
    pdf = B.new_pdf()
    content = (
        B.text_line(X, LINE_TOP, BEFORE + NAMES[0] + AFTER)
        # The next line of the paragraph: the line's start is a margin (left-aligned). A
        # line that nothing aligns is anchored to the box on both sides (glyphs.py).
        + B.text_line(X, LINE_TOP + 14, "tweede regel")
        + b"BT /F1 12 Tf 300 200 Td (Kolom) Tj ET\n"
    )
    B.add_page(pdf, content)
    source = B.save(pdf)
    out = redact_document(source, [_box()], [], RenderOptions())

    def xs(data: bytes) -> dict[str, float]:
        found: dict[str, float] = {}
        for page in extract_pages(io.BytesIO(data)):
            stack: list[LTItem] = [page]
            while stack:
                item = stack.pop()
                if isinstance(item, LTChar) and item.get_text() in "OK":
                    found.setdefault(item.get_text(), round(item.x0, 3))
                if isinstance(item, LTContainer):
                    stack.extend(item)
        return found

    assert xs(out.pdf) == xs(source)
