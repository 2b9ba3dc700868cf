"""The glyph-position leak (Bland et al., "Story Beyond the Eye", PoPETs 2023).

A reader who knows the font can recover the width of redacted text from where the text
after it is placed: MuPDF alone keeps the removed run's advance as one number in the stream.
The test: names of different widths under the *same* box must leave the following text at
the *same* position, read back with pdfminer; and MuPDF alone must fail that test (so the
test can fail).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

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


def _ltchars(data: bytes) -> Iterator[LTChar]:
    """Every character pdfminer reads, page by page (PDF user space)."""
    for page in extract_pages(io.BytesIO(data)):
        stack: list[LTItem] = [page]
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                yield item
            if isinstance(item, LTContainer):
                stack.extend(item)


def _following_x(data: bytes) -> float:
    """Where pdfminer places the 'v' of "volgt" (PDF user space)."""
    for char in _ltchars(data):
        if char.get_text() == "v":
            return round(char.x0, 3)
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
        for char in _ltchars(data):
            if char.get_text() in "OK":
                found.setdefault(char.get_text(), round(char.x0, 3))
        return found

    assert xs(out.pdf) == xs(source)


def _chars(data: bytes) -> list[tuple[str, float, float]]:
    """Every character pdfminer reads: (text, x0, y0), rounded to 0.01 pt."""
    return sorted((c.get_text(), round(c.x0, 2), round(c.y0, 2)) for c in _ltchars(data))


def test_kerned_text_that_stays_is_kept_in_one_operator() -> None:
    """Text that stays in place keeps its exact places, written as one run: the numbers that
    set its glyphs apart come back as TJ numbers, not as a Tm per glyph (real documents kern
    nearly every pair of letters)."""
    pdf = B.new_pdf()
    y = B.PAGE_H - LINE_TOP
    content = (
        b"BT /F1 12 Tf %g %g Td "
        b"[(O) 30 (p) -15 (en) 40 (baar ) 12 (en) -8 (kel) 25 (e ) (%s) -20 (  rest)] TJ ET\n"
        % (X, y, NAMES[0].encode())
    )
    # The next line of the paragraph: the line's start is a margin (left-aligned), so the
    # text before the box stays where it is.
    content += B.text_line(X, LINE_TOP + 14, "tweede regel")
    B.add_page(pdf, content)
    source = B.save(pdf)
    top_line = B.PAGE_H - LINE_TOP - 5  # pdfminer's y0 of the first line lies above this
    x0 = min(c[1] for c in _chars(source) if c[0] == "G" and c[2] > top_line) - 1
    box = B.box(0, Rect(x0, LINE_TOP - 10, x0 + B.text_width(NAMES[0]) + 4, LINE_TOP + 3))
    out = redact_document(source, [box], [], RenderOptions())
    assert out.rasterized_pages == ()

    def before_box(data: bytes) -> list[tuple[str, float, float]]:
        return [c for c in _chars(data) if c[0] != " " and c[1] < x0 - 1 and c[2] > top_line]

    assert len(before_box(source)) >= 13  # "Openbaar enkele", spaces aside
    assert before_box(out.pdf) == before_box(source)  # every glyph where it was
    with pikepdf.open(io.BytesIO(out.pdf)) as pdf_out:
        shows = [
            i
            for i in pikepdf.parse_content_stream(pdf_out.pages[0])
            if str(i.operator) in ("Tj", "TJ")
        ]
    texts = b"".join(bytes(v) for v in shows[0].operands[0] if isinstance(v, pikepdf.String))
    # One TJ up to the glyph next to the box (isolated: an operator of its own), then the
    # text after the box, the second line and the box's label: not an operator per glyph
    # (there are 20 glyphs before the box and after it).
    assert str(shows[0].operator) == "TJ" and texts == b"Openbaar enkel"
    assert len(shows) <= 6


@pytest.mark.parametrize(("tc", "tw"), [(0.0, 0.0), (0.4, 1.5), (-0.3, 2.0), (0.0, -1.0)])
def test_spacing_folded_into_numbers_sets_every_glyph_where_the_operator_did(
    tc: float, tw: float
) -> None:
    """_Runs writes a run at zero character and word spacing: its numbers (the operator's
    own, less the spacing) must put every glyph where the operator put it, as both MuPDF
    and pdfminer read the two pages."""
    from redactor.pdf.glyphs import KEEP, Glyph
    from redactor.pdf.textpos import _Runs, _shown

    size = 11.0
    items: list[bytes | float] = [b"W", -60.0, b"ord", 25.0, b" ", b"en", -12.5, b" ", b"meer"]
    runs = _Runs(tc, tw, size, vertical=False)
    for item in items:
        if isinstance(item, bytes):
            for code in item:
                runs.code(bytes([code]))
        else:
            runs.number(item)
    glyph = Glyph(1, 65, (0.0, 0.0), (0.0, 0.0, 1.0, 1.0), (1.0, 0.0), size, 3.0)
    ((first, run),) = runs.split([glyph] * len(runs.codes), [KEEP] * len(runs.codes))
    assert first == 0
    folded = pikepdf.unparse_content_stream([_shown(run)])
    original = (
        b"["
        + b" ".join(b"(%s)" % i if isinstance(i, bytes) else b"%g" % i for i in items)
        + b"] TJ"
    )

    def page(show: bytes, spacing: bytes) -> bytes:
        pdf = B.new_pdf()
        B.add_page(pdf, b"BT /F1 %g Tf %s 40 150 Td %s ET" % (size, spacing, show))
        return B.save(pdf)

    before = page(original, b"%g Tc %g Tw" % (tc, tw))
    after = page(folded, b"0 Tc 0 Tw")

    def origins(data: bytes) -> list[tuple[float, float]]:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            return [ch[2] for span in doc[0].get_texttrace() for ch in span["chars"]]

    def close(a: list[tuple[float, float]], b: list[tuple[float, float]], tol: float) -> bool:
        return len(a) == len(b) and all(
            abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol for p, q in zip(a, b, strict=True)
        )

    assert len(origins(before)) == len("Word en meer")
    # MuPDF computes in single precision: a thousandth of a point, not more.
    assert close(origins(after), origins(before), 2e-3)
    mined_after, mined_before = _chars(after), _chars(before)  # rounded to 0.01 pt
    assert [c[0] for c in mined_after] == [c[0] for c in mined_before]
    assert close([c[1:] for c in mined_after], [c[1:] for c in mined_before], 0.011)
