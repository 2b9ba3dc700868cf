"""MuPDF "words" tuples to Redactor's Word/PageText, in displayed coordinates.

Shared by the text layer (pdf/text.py) and OCR (pdf/ocr.py). MuPDF reports words in the
unrotated page space (origin at the CropBox's top-left, text outside the CropBox already
clipped away); `Page.rotation_matrix` turns that into what a viewer shows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import pymupdf

from redactor.core.geometry import Rect
from redactor.core.text import PageText, Word

# MuPDF's flags for "words" minus ligature preservation: "ﬁnanciën" must be found by a search
# for "financiën". Positions are the same either way.
WORD_FLAGS = pymupdf.TEXTFLAGS_WORDS & ~pymupdf.TEXT_PRESERVE_LIGATURES
# Characters that are invisible in print and would split or hide a term from search.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def clean_word(text: str) -> str:
    """Normalise a word's characters so that search and detectors see what a reader sees."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


def to_page_text(
    page: pymupdf.Page, raw: Sequence[Sequence[object]], page_index: int, source: str
) -> PageText:
    """PageText from the "words" tuples of `page` (x0, y0, x1, y1, text, block, line, word)."""
    matrix = page.rotation_matrix
    rotated = page.rotation % 360 != 0
    width, height = page.rect.width, page.rect.height
    words: list[Word] = []
    for x0, y0, x1, y1, raw_text, block, line, number in raw:
        text = clean_word(str(raw_text))
        if not text.strip():
            continue
        r = pymupdf.Rect(x0, y0, x1, y1)
        if rotated:
            r = (r * matrix).normalize()
        if r.x1 <= 0 or r.y1 <= 0 or r.x0 >= width or r.y0 >= height:
            continue  # not on the visible page: no box could be drawn over it
        words.append(Word(text, Rect(r.x0, r.y0, r.x1, r.y1), int(block), int(line), int(number)))  # type: ignore[call-overload]
    return PageText(page_index=page_index, words=tuple(words), source=source)
