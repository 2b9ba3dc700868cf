"""A page's words with their boxes, in displayed coordinates, from the PDF's text layer."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pymupdf

from redactor.core.text import SOURCE_TEXT, PageText
from redactor.pdf import ocr
from redactor.pdf.intake import open_document, quiet_mupdf
from redactor.pdf.words import WORD_FLAGS, to_page_text

log = logging.getLogger(__name__)

# MuPDF's stand-in for a glyph without a Unicode mapping (broken font encodings).
_REPLACEMENT = "\ufffd"


def page_text(doc: pymupdf.Document, page_index: int) -> PageText:
    """The words of one page from its text layer, in displayed coordinates (no OCR)."""
    page = doc.load_page(page_index)
    raw = page.get_text("words", flags=WORD_FLAGS)
    return to_page_text(page, raw, page_index, SOURCE_TEXT)


def needs_ocr(page: pymupdf.Page) -> bool:
    """True when the page shows images but has no usable text layer (a scan).

    "Usable" rules out a layer of mostly U+FFFD characters, which is what MuPDF gives for text
    in fonts without a Unicode mapping: searching it finds nothing, so OCR is the only way.
    """
    text = page.get_text("text", flags=WORD_FLAGS)
    letters = [c for c in text if not c.isspace()]
    if letters and letters.count(_REPLACEMENT) * 2 <= len(letters):
        return False
    return bool(page.get_image_info())


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
