"""A page's words with their boxes, in displayed coordinates, from the PDF's text layer."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pymupdf

from redactor.core.text import SOURCE_TEXT, PageText
from redactor.pdf import ocr
from redactor.pdf.intake import open_document, quiet_mupdf
from redactor.pdf.words import WORD_FLAGS, to_page_text

log = logging.getLogger(__name__)

# MuPDF's stand-in for a glyph without a Unicode mapping (broken font encodings).
_REPLACEMENT = "\ufffd"
# A page whose images cover at least this share, with fewer words than STAMP_WORDS in its
# text layer, is a scan with a stamp or page number added digitally.
SCAN_IMAGE_SHARE = 0.5
STAMP_WORDS = 30


def page_text(doc: pymupdf.Document, page_index: int) -> PageText:
    """The words of one page from its text layer, in displayed coordinates (no OCR)."""
    page = doc.load_page(page_index)
    raw = page.get_text("words", flags=WORD_FLAGS)
    return to_page_text(page, raw, page_index, SOURCE_TEXT)


def needs_ocr(page: pymupdf.Page) -> bool:
    """True when the page is a scan: it shows images and has no usable text layer.

    "Usable" rules out a layer of mostly U+FFFD characters, which is what MuPDF gives for text
    in fonts without a Unicode mapping. A full-page image with only a few words of text is a
    scan too: Woo publications stamp document and page numbers onto scanned pages, and those
    few words must not hide the scanned letter underneath from search and detection.
    """
    images = page.get_image_info()
    if not images:
        return False
    words = page.get_text("words", flags=WORD_FLAGS)
    usable = [w for w in words if _REPLACEMENT not in w[4]]
    if len(usable) * 2 <= len(words):
        return True
    if len(usable) >= STAMP_WORDS:
        return False
    return _image_share(page, images) >= SCAN_IMAGE_SHARE


def _image_share(page: pymupdf.Page, images: list[dict[str, Any]]) -> float:
    """The share of the page covered by images (overlaps counted twice; capped at 1).

    Image boxes are in the unrotated page space, whose origin is the CropBox's top-left.
    """
    visible = pymupdf.Rect(0, 0, page.cropbox.width, page.cropbox.height)
    covered = sum(abs(pymupdf.Rect(info["bbox"]) & visible) for info in images)
    return min(1.0, covered / (abs(visible) or 1.0))


def document_text(
    data: bytes,
    *,
    password: str | None = None,
    name: str = "The PDF",
    ocr_pages: bool = False,
    languages: str = ocr.DEFAULT_LANGUAGES,
) -> Iterator[PageText]:
    """Every page's words, in page order. With `ocr_pages`, scanned pages are OCR'd.

    Raises PdfError / PasswordRequired for a file that cannot be opened and, with `ocr_pages`,
    OcrUnavailable before the first page when Tesseract or its language data is missing.
    """
    tessdata = ocr.require_tessdata(languages) if ocr_pages else None
    doc = open_document(data, password, name=name)
    try:
        for index in range(doc.page_count):
            # The result is built inside the quiet block and yielded outside it: a suspended
            # generator must not leave MuPDF's message display switched off for everyone.
            with quiet_mupdf(name):
                if tessdata is not None and needs_ocr(doc.load_page(index)):
                    result = ocr.ocr_page(doc, index, languages, tessdata=tessdata)
                else:
                    result = page_text(doc, index)
            yield result
    finally:
        doc.close()
