"""Words with boxes in displayed coordinates: checked against where the ink actually is."""

from __future__ import annotations

import pymupdf
import pytest

from redactor.core.errors import PdfError
from redactor.core.geometry import Rect
from redactor.core.text import SOURCE_TEXT, PageText
from redactor.pdf.text import document_text, needs_ocr, page_text
from redactor.pdf.words import clean_word
from tests.helpers import make_image_pdf, make_text_pdf

ZOOM = 2  # render at 144 dpi: two pixels per point


def _ink_bbox(page: pymupdf.Page) -> Rect:
    """The bounding box (displayed points) of every dark pixel of the rendered page."""
    pix = page.get_pixmap(matrix=pymupdf.Matrix(ZOOM, ZOOM), colorspace=pymupdf.csGRAY)
    samples = pix.samples
    xs: list[int] = []
    ys: list[int] = []
    for y in range(pix.height):
        row = samples[y * pix.stride : y * pix.stride + pix.width]
        dark = [x for x, v in enumerate(row) if v < 128]
        if dark:
            xs += (dark[0], dark[-1])
            ys.append(y)
    assert xs, "nothing was rendered"
    return Rect(min(xs) / ZOOM, min(ys) / ZOOM, (max(xs) + 1) / ZOOM, (max(ys) + 1) / ZOOM)


def _union(rects: list[Rect]) -> Rect:
    return Rect(
        min(r.x0 for r in rects),
        min(r.y0 for r in rects),
        max(r.x1 for r in rects),
        max(r.y1 for r in rects),
    )


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("cropbox", [None, (50, 60, 450, 700)], ids=["no-cropbox", "cropbox"])
def test_word_boxes_cover_the_ink_as_displayed(rotation: int, cropbox: tuple | None) -> None:
    data = make_text_pdf(None, ["Geachte heer Jansen"], rotation=rotation, cropbox=cropbox)
    with pymupdf.open(stream=data) as doc:
        page = doc[0]
        text = page_text(doc, 0)
        assert [w.text for w in text.words] == ["Geachte", "heer", "Jansen"]
        ink = _ink_bbox(page)
        boxes = _union([w.rect for w in text.words])
        # All ink lies inside the words' boxes (1 pt slack for anti-aliasing) ...
        assert boxes.x0 - 1 <= ink.x0 and ink.x1 <= boxes.x1 + 1
        assert boxes.y0 - 1 <= ink.y0 and ink.y1 <= boxes.y1 + 1
        # ... and the boxes are tight along the line of text: no more than 3 pt beyond the ink.
        if rotation in (0, 180):
            assert abs(boxes.x0 - ink.x0) < 3 and abs(boxes.x1 - ink.x1) < 3
        else:
            assert abs(boxes.y0 - ink.y0) < 3 and abs(boxes.y1 - ink.y1) < 3
        # Every box lies on the page as displayed.
        for w in text.words:
            assert 0 <= w.rect.x0 < w.rect.x1 <= page.rect.width
            assert 0 <= w.rect.y0 < w.rect.y1 <= page.rect.height


def test_rotated_page_coordinates_by_hand() -> None:
    """A 90-degree page: the unrotated (x, y) shows at (height - y, x); checked without MuPDF's
    matrices, with the numbers of the unrotated page."""
    data = make_text_pdf(None, ["Jansen"], size=(400, 600))
    rotated = make_text_pdf(None, ["Jansen"], size=(400, 600), rotation=90)
    with pymupdf.open(stream=data) as plain, pymupdf.open(stream=rotated) as turned:
        a = page_text(plain, 0).words[0].rect
        b = page_text(turned, 0).words[0].rect
    assert b.as_tuple() == pytest.approx((600 - a.y1, a.x0, 600 - a.y0, a.x1), abs=0.01)


def test_text_outside_the_cropbox_is_left_out() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=600, height=800)
    page.insert_text((100, 200), "Zichtbaar", fontsize=12)
    page.insert_text((400, 750), "Verborgen", fontsize=12)
    page.set_cropbox(pymupdf.Rect(50, 100, 350, 500))
    words = [w.text for w in page_text(doc, 0).words]
    assert words == ["Zichtbaar"]


def test_blocks_lines_and_text() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Geachte heer\nJansen, hierbij", fontsize=11)
    page.insert_text((72, 400), "Andere alinea", fontsize=11)
    text = page_text(doc, 0)
    assert text.source == SOURCE_TEXT
    assert text.text == "Geachte heer\nJansen, hierbij\n\nAndere alinea"
    assert len(text.blocks) == 2
    assert text.blocks[1].offset == text.text.index("Andere")


def test_document_text_pages_in_order_and_bad_input() -> None:
    data = make_text_pdf(None, ["een", "twee", "drie"])
    pages = list(document_text(data))
    assert [p.page_index for p in pages] == [0, 1, 2]
    assert [p.words[0].text for p in pages] == ["een", "twee", "drie"]
    with pytest.raises(PdfError):
        list(document_text(b"not a pdf"))


def test_needs_ocr() -> None:
    with pymupdf.open(stream=make_image_pdf(None)) as scanned:
        assert needs_ocr(scanned[0])
    with pymupdf.open(stream=make_text_pdf(None, ["tekst"])) as text:
        assert not needs_ocr(text[0])
    blank = pymupdf.open()
    blank.new_page()
    assert not needs_ocr(blank[0])  # nothing to read at all


def test_a_stamped_scan_still_needs_ocr() -> None:
    """Woo publications stamp a document number onto scanned pages: still a scan."""
    doc = pymupdf.open(stream=make_image_pdf(None, page_count=2))
    doc[0].insert_text((400, 830), "Document 12, pagina 3", fontsize=8)
    assert needs_ocr(doc[0])
    # A page with a real text layer over a full-page image (a scan OCR'd before) is not.
    doc[1].insert_text((50, 100), " ".join(["woord"] * 200), fontsize=4)
    assert not needs_ocr(doc[1])
    # A small logo on a typed letter is no scan either.
    letter = pymupdf.open(stream=make_text_pdf(None, ["Geachte heer Jansen"]))
    logo = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 10, 10), False)
    letter[0].insert_image(pymupdf.Rect(500, 20, 560, 80), pixmap=logo)
    assert not needs_ocr(letter[0])


def test_clean_word_normalises_what_a_reader_cannot_see() -> None:
    assert clean_word("ﬁnanciën") == "financiën"
    assert clean_word("persoons\u00adgegevens") == "persoonsgegevens"
    assert clean_word("Jansen") == "Jansen"


def test_page_text_is_plain_data() -> None:
    data = make_text_pdf(None, ["Jansen"])
    with pymupdf.open(stream=data) as doc:
        text = page_text(doc, 0)
    assert isinstance(text, PageText)
    assert text == PageText(0, text.words, SOURCE_TEXT)
