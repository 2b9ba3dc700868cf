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
    # The rotation matrix applied by hand: this loop runs for every word of every page, and
    # building a pymupdf.Rect per word would double the cost of extraction.
    m = page.rotation_matrix
    ma, mb, mc, md, me, mf = m.a, m.b, m.c, m.d, m.e, m.f
    rotated = page.rotation % 360 != 0
    width, height = page.rect.width, page.rect.height
    words: list[Word] = []
    for x0, y0, x1, y1, raw_text, block, line, number in raw:
        text = clean_word(str(raw_text))
        if not text.strip():
            continue
        if rotated:
            ax, ay = ma * x0 + mc * y0 + me, mb * x0 + md * y0 + mf  # type: ignore[operator]
            bx, by = ma * x1 + mc * y1 + me, mb * x1 + md * y1 + mf  # type: ignore[operator]
            x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
            y0, y1 = (ay, by) if ay <= by else (by, ay)
        if x1 <= 0 or y1 <= 0 or x0 >= width or y0 >= height:  # type: ignore[operator]
            continue  # not on the visible page: no box could be drawn over it
        words.append(Word(text, Rect(x0, y0, x1, y1), block, line, number))  # type: ignore[arg-type]
    return PageText(page_index=page_index, words=tuple(words), source=source)
