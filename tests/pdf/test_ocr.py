"""OCR of scanned pages: render text to an image-only page, OCR it, find what was written."""

from __future__ import annotations

import pymupdf
import pytest

from redactor.core.errors import InputError
from redactor.core.text import SOURCE_OCR, SOURCE_TEXT
from redactor.detect.detectors import default_detectors, suggest
from redactor.detect.names import NameDetector
from redactor.pdf import ocr
from redactor.pdf.text import document_text, needs_ocr, page_text
from tests.helpers import require_tool

LETTER = [
    "Geachte heer Jansen,",
    "Uw burgerservicenummer is 111222333.",
    "Met vriendelijke groet,",
    "Pieter de Vries",
]


def _text_page(doc: pymupdf.Document) -> pymupdf.Page:
    page = doc.new_page(width=595, height=842)
    for i, line in enumerate(LETTER):
        page.insert_text((72, 100 + 24 * i), line, fontname="helv", fontsize=13)
    return page


def _scan_of(source: pymupdf.Page, doc: pymupdf.Document, rotation: int = 0) -> pymupdf.Page:
    """An image-only page showing `source` as a 200 dpi scan; with `rotation`, stored sideways
    with /Rotate so that it still displays upright (as scanners do with landscape feeds)."""
    pix = source.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    w, h = source.rect.width, source.rect.height
    if rotation in (90, 270):
        page = doc.new_page(width=h, height=w)
    else:
        page = doc.new_page(width=w, height=h)
    page.set_rotation(rotation)
    page.insert_image(page.mediabox, pixmap=pix, rotate=rotation)
    return page


@pytest.fixture
def tessdata() -> object:
    require_tool("tesseract")
    folder = ocr.find_tessdata("nld+eng")
    assert folder is not None, "tesseract is installed but its nld/eng language data is not"
    return folder


@pytest.mark.parametrize("rotation", [0, 90])
def test_ocr_reads_a_scanned_page_in_displayed_coordinates(tessdata: object, rotation: int) -> None:
    original = pymupdf.open()
    _text_page(original)
    truth = {w.text: w.rect for w in page_text(original, 0).words}

    scans = pymupdf.open()
    page = _scan_of(original[0], scans, rotation)
    assert page_text(scans, 0).words == ()
    assert needs_ocr(page)

    result = ocr.ocr_page(scans, 0)
    assert result.source == SOURCE_OCR
    words = {w.text: w.rect for w in result.words}
    for word in ("Jansen,", "111222333.", "Vries"):
        assert word in words, f"OCR did not read {word!r}: {sorted(words)}"
        got, want = words[word], truth[word]
        # Where the text page had the word, the scan shows it: the same left and right edge
        # within 2 pt; vertically inside the font's box (OCR boxes hug the ink, font boxes
        # include the ascender and descender space).
        assert (got.x0, got.x1) == pytest.approx((want.x0, want.x1), abs=2.0)
        assert want.y0 - 1.5 <= got.y0 < got.y1 <= want.y1 + 1.5

    names = [s.text for s in NameDetector().find([result])]
    assert "Pieter de Vries" in names
    assert any(s.detector == "bsn" for s in suggest([result], default_detectors()))


def test_document_text_ocrs_only_the_scanned_pages(tessdata: object) -> None:
    doc = pymupdf.open()
    source = _text_page(doc)
    _scan_of(source, doc)
    pages = list(document_text(doc.tobytes(), ocr_pages=True))
    assert [p.source for p in pages] == [SOURCE_TEXT, SOURCE_OCR]
    assert "Jansen," in [w.text for w in pages[1].words]
    # Without OCR the scanned page has no words at all.
    assert list(document_text(doc.tobytes()))[1].words == ()


def test_missing_language_data_is_a_clear_error(tessdata: object) -> None:
    assert ocr.tesseract_available("nld+eng")
    assert not ocr.tesseract_available("xyzzy")
    doc = pymupdf.open()
    doc.new_page()
    with pytest.raises(ocr.OcrUnavailable, match="language data for xyzzy was not found"):
        ocr.ocr_page(doc, 0, languages="xyzzy")


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="not a list of OCR languages"):
        ocr.find_tessdata("nld; rm -rf /")
    doc = pymupdf.open()
    doc.new_page()
    with pytest.raises(InputError, match="between 72 and 600"):
        ocr.ocr_page(doc, 0, dpi=5000)


def test_tessdata_prefix_is_honoured(tessdata: object, tmp_path, monkeypatch) -> None:
    (tmp_path / "nld.traineddata").write_bytes(b"")
    (tmp_path / "eng.traineddata").write_bytes(b"")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    assert ocr.find_tessdata("nld+eng") == tmp_path
