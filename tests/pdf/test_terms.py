"""Removed terms: what was under a box, minus what remains visible elsewhere."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import pymupdf
import pytest

from redactor.pdf.geometry import displayed_to_unrotated
from redactor.pdf.terms import removed_terms
from tests.adversarial import builders as B
from tests.helpers import require_corpus


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


def test_skipping_spans_far_from_boxes_changes_nothing_on_real_documents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """page_split skips the character-level test for spans far from every box, and tests
    the others against their near boxes without a Glyph per character; on every real-world
    corpus page (first two of each file) with boxes over random words and random
    rectangles, the result equals the reference: _covered (covering_box on a Glyph) for
    every character against every box."""
    import random

    from redactor.pdf import terms

    root = require_corpus() / "realworld"
    rng = random.Random(7)
    compared = 0
    for path in sorted(root.glob("*.pdf")):
        try:
            doc = pymupdf.open(path)
        except Exception:
            continue
        with doc:
            if doc.needs_pass:
                continue
            # Iterating loads every page (as a sequence, via __getitem__); the stubs lack __iter__.
            for page in list(cast(Iterable[pymupdf.Page], doc))[:2]:
                words = page.get_text("words")
                if not words:
                    continue
                boxes = [tuple(w[:4]) for w in rng.sample(words, min(6, len(words)))]
                w, h = page.rect.width, page.rect.height
                for _ in range(3):
                    x, y = rng.uniform(0, w), rng.uniform(0, h)
                    boxes.append((x, y, x + rng.uniform(5, 120), y + rng.uniform(3, 30)))
                fast = terms.page_split(page, boxes, False)
                with monkeypatch.context() as m:
                    index = terms.BoxIndex(boxes, reach=40.0)
                    m.setattr(terms, "_near_boxes", lambda *_, every=boxes: every)
                    m.setattr(
                        terms,
                        "_covered_chars",
                        lambda span, direction, _near, index=index: [
                            terms._covered(ch, span, direction, index) for ch in span["chars"]
                        ],
                    )
                    reference = terms.page_split(page, boxes, False)
                assert fast == reference, f"{path.name} page {page.number + 1}"
                compared += 1
    assert compared > 80
