"""Removed terms of a rewritten page come from its trace and the rewrite's plan
(terms.trace_split), not from a second extraction: the words must still be whole words.

Every case goes through redact_document, so the path under test is the one exports take.
"""

from __future__ import annotations

import pikepdf
import pymupdf
import pytest

from redactor.core.export_model import RenderOptions
from redactor.core.geometry import Rect
from redactor.pdf import terms
from redactor.pdf.redact import redact_document
from tests.adversarial import builders as B
from tests.helpers import require_corpus

SIZE = B.FONT_SIZE


def _page(content: bytes) -> bytes:
    pdf = B.new_pdf()
    B.add_page(pdf, content)
    return B.save(pdf)


def _terms(data: bytes, *rects: Rect) -> tuple[str, ...]:
    return redact_document(data, [B.box(0, r) for r in rects], [], RenderOptions()).removed_terms


def _y(top: float) -> float:
    return B.PAGE_H - top


def test_a_boxed_word_is_a_term_unless_it_remains_elsewhere() -> None:
    data = _page(
        B.text_line(50, 100, "Jan Pietersen woont in Delft") + B.text_line(50, 140, "Delft")
    )
    found = _terms(
        data,
        B.word_box(50, 100, "Jan ", "Pietersen"),
        B.word_box(50, 100, "Jan Pietersen woont in ", "Delft"),
    )
    assert found == ("Pietersen",)


def test_a_word_split_over_two_operators_is_one_term() -> None:
    """Word processors split words at kerning pairs: two Tj, one word."""
    first = B.text_width("Piet", SIZE)
    content = b"BT /F1 %g Tf 1 0 0 1 50 %g Tm (Piet) Tj ET " % (SIZE, _y(100))
    content += b"BT /F1 %g Tf 1 0 0 1 %g %g Tm (ersen) Tj ET" % (SIZE, 50 + first, _y(100))
    content += B.text_line(50, 140, "Piet en ersen")  # the halves remain; the whole does not
    assert _terms(_page(content), B.word_box(50, 100, "", "Pietersen")) == ("Pietersen",)


def test_words_set_apart_by_numbers_are_two_terms() -> None:
    """No space character between them, only a TJ number: two words, as extractors see them."""
    content = b"BT /F1 %g Tf 50 %g Td [(Jan) -400 (Jansen)] TJ ET" % (SIZE, _y(100))
    gap = 0.4 * SIZE
    width = B.text_width("Jan", SIZE) + gap + B.text_width("Jansen", SIZE)
    box = Rect(49, 100 - SIZE, 51 + width, 100 + 0.3 * SIZE)
    assert _terms(_page(content), box) == ("Jan", "Jansen")


def test_text_beyond_the_page_does_not_count_as_remaining() -> None:
    """The same word drawn off the page is removed with everything outside the page: it
    does not make the removed word "remain elsewhere"."""
    content = B.text_line(50, 100, "Openbaar Geheim Openbaar") + B.text_line(-400, 140, "Geheim")
    found = _terms(_page(content), B.word_box(50, 100, "Openbaar ", "Geheim"))
    assert found == ("Geheim",)


@pytest.mark.corpus
def test_a_ligature_under_a_box_is_the_word_it_spells() -> None:
    """ "misfits" set with an fi ligature (one glyph, U+FB01): the whole word."""
    data = (require_corpus() / "realworld" / "pypdf__crazyones-pdfa.pdf").read_bytes()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        page = doc[0]
        assert page.rotation == 0 and page.rect.x0 == 0 == page.rect.y0
        word = next(w for w in page.get_text("words") if terms.normalise(w[4]) == "misfits.")
        traced = "".join(chr(c[0]) for s in page.get_texttrace() for c in s["chars"])
        assert "mis\ufb01ts" in traced  # one glyph for f and i
    found = _terms(data, Rect(word[0] - 0.5, word[1], word[2] + 0.5, word[3]))
    assert [terms.normalise(t) for t in found] == ["misfits"]


@pytest.mark.corpus
@pytest.mark.filterwarnings("ignore:This document has .* form widget")
def test_right_to_left_pages_are_read_in_reading_order() -> None:
    """A trace holds Hebrew in drawing order; such a page is extracted instead, so its
    terms are those of the extraction of the whole page (removed_terms)."""
    data = (require_corpus() / "realworld" / "pdfjs__issue11656.pdf").read_bytes()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        page = doc[0]
        words = [w for w in page.get_text("words") if len(w[4]) >= 2][::3]
        assert words and page.rotation == 0 and page.rect.x0 == 0 == page.rect.y0
        rects = [Rect(w[0] - 0.5, w[1], w[2] + 0.5, w[3]) for w in words]
        reference = terms.removed_terms(
            doc, {0: [(r.x0, r.y0, r.x1, r.y1) for r in rects]}, [], "Redactor"
        )
    found = _terms(data, *rects)
    assert any("\u05d0" <= c <= "\u05ea" for t in found for c in t)  # Hebrew letters
    assert set(found) == set(reference) - {"Redactor"}


def test_the_trace_split_is_used_for_rewritten_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of it: a rewritten page is not extracted a second time."""
    calls: list[int] = []
    original = terms.page_split

    def spy(page: pymupdf.Page, *args: object) -> object:
        calls.append(page.number)
        return original(page, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(terms, "page_split", spy)
    data = _page(B.text_line(50, 100, "Jan Pietersen woont in Delft"))
    assert _terms(data, B.word_box(50, 100, "Jan ", "Pietersen")) == ("Pietersen",)
    assert calls == []
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1
