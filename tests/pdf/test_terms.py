"""Removed terms: what was under a box, minus what remains visible elsewhere."""

from __future__ import annotations

import pymupdf

from redactor.pdf.geometry import displayed_to_unrotated
from redactor.pdf.terms import removed_terms
from tests.adversarial import builders as B


def _doc(*lines: str) -> pymupdf.Document:
    pdf = B.new_pdf()
    content = b"".join(B.text_line(50, 40 + 20 * i, line) for i, line in enumerate(lines))
    B.add_page(pdf, content)
    return pymupdf.open(stream=B.save(pdf), filetype="pdf")


def _box(
    doc: pymupdf.Document, line: int, before: str, word: str
) -> tuple[float, float, float, float]:
    rect = B.word_box(50, 40 + 20 * line, before, word)
    r = displayed_to_unrotated(doc[0], rect)
    return (r.x0, r.y0, r.x1, r.y1)


def test_a_boxed_word_is_a_term_unless_it_remains_elsewhere() -> None:
    doc = _doc("Jan Pietersen woont in Delft", "Delft is mooi")
    boxes = {
        0: [_box(doc, 0, "Jan ", "Pietersen"), _box(doc, 0, "Jan Pietersen woont in ", "Delft")]
    }
    assert removed_terms(doc, boxes, [], "") == ("Pietersen",)


def test_words_joined_by_the_removal_count_as_remaining() -> None:
    # "labore et" run together is "laboreet", which contains the removed "oreet".
    doc = _doc("laoreet dolor", "ut labore et dolore")
    boxes = {0: [_box(doc, 0, "la", "oreet")]}
    assert removed_terms(doc, boxes, [], "") == ()


def test_punctuation_is_trimmed_and_our_own_labels_are_not_terms() -> None:
    doc = _doc("Betreft: Vertrouwelijk.", "Zie ook")
    boxes = {0: [_box(doc, 0, "Betreft: ", "Vertrouwelijk.")]}
    assert removed_terms(doc, boxes, [], "") == ("Vertrouwelijk",)
    assert removed_terms(doc, boxes, [], "Vertrouwelijk") == ()


def test_every_word_of_a_withheld_page_is_a_term() -> None:
    doc = _doc("Geheim advies van Koster")
    assert set(removed_terms(doc, {}, [0], "")) == {"Geheim", "advies", "van", "Koster"}
