"""Only the operators near a box are planned glyph by glyph: the result must be the same as
planning every glyph of the page.

textpos.plan_traced hands plan() the glyphs of the runs glyphs.select_runs picks (near a box,
or on a line with one) and keeps the other operators whole. Every glyph of a kept operator
must be one that the full plan keeps in place; every planned glyph must get the action the
full plan gives it. Checked on generated pages built to tempt the shortcut and on real-world
documents with a box over every fifth word.
"""

from __future__ import annotations

import io
import random

import pikepdf
import pymupdf
import pytest

from redactor.pdf import textpos
from redactor.pdf.forms import FormCopier
from redactor.pdf.glyphs import KEEP, BoxTuple, Glyph, PageLines, plan, select_runs
from tests.helpers import require_corpus


def _marked(data: bytes, page_count: int) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        copier = FormCopier(pdf)
        for index in range(page_count):
            copier.privatize_page(pdf.pages[index])
            textpos.PageText(pdf, index).write_marked()
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _compare(page: pymupdf.Page, boxes: list[BoxTuple]) -> tuple[int, int]:
    """(glyphs planned, glyphs kept whole); fails on any difference from the full plan."""
    traced = textpos.trace_marked(page)
    page_plan = textpos.plan_traced(traced, boxes)
    everything: dict[int, list[Glyph]] = {
        m: [g for span in spans for g in textpos._glyphs(span)]
        for m, spans in sorted(traced.spans.items())
    }
    flat = [g for m in sorted(everything) for g in everything[m]]
    # The alignment context as plan_traced builds it (from runs), given to both plans.
    maybe = [textpos._run(s) for m in sorted(traced.spans) for s in traced.spans[m]]
    runs = [r for r in maybe if r is not None]
    context = None
    if len(runs) == len(maybe):
        context = PageLines.of(runs, select_runs(runs, boxes)[1])
    full = dict(zip(map(id, flat), plan(flat, boxes, None, context), strict=True))
    planned = kept = 0
    for marker, glyphs in everything.items():
        if marker in page_plan.kept:
            first, count = page_plan.kept[marker]
            assert count == len(glyphs)
            assert first == (glyphs[0].origin if glyphs else None)
            assert all(full[id(g)] == KEEP for g in glyphs), f"operator {marker} must change"
            kept += len(glyphs)
        else:
            mine = page_plan.glyphs[marker]
            assert [g.origin for g in mine] == [g.origin for g in glyphs]
            assert page_plan.actions[marker] == [full[id(g)] for g in glyphs]
            planned += len(glyphs)
    origins = list(zip(page_plan.kept_origins[0::2], page_plan.kept_origins[1::2], strict=True))
    assert len(origins) == kept
    return planned, kept


def _words_boxes(page: pymupdf.Page, every: int, rng: random.Random) -> list[BoxTuple]:
    words = page.get_text("words")
    start = rng.randrange(every) if every > 1 else 0
    # Wider than the word on its far side, so that the text after it moves.
    return [(w[0], w[1], w[2] + 1.5, w[3]) for w in words[start::every]]


def test_generated_lines_near_and_far_from_boxes() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 60.0
    for size in (10, 10, 4, 30, 10, 7):  # mixed sizes: small text on a big line's baseline
        page.insert_text((50, y), "Openbaar deel Jansen geheim en verder", fontsize=size)
        page.insert_text((350, y), "tweede kolom op dezelfde regel", fontsize=size * 0.5)
        y += size * 1.3 + 2
    # The text after a removed word, drawn by its own operator two spaces on (out of reach
    # of the box, not of the removal): it moves with the removal.
    end = 50 + pymupdf.get_text_length("Naam: Pietersen", fontsize=10)
    page.insert_text((50, 400), "Naam: Pietersen", fontsize=10)
    page.insert_text((end + 7, 400), "woont hier", fontsize=10)
    page.insert_text((100, 700), "Verticale tekst Jansen", fontsize=11, rotate=90)
    page.insert_text(
        (300, 500),
        "Schuine tekst",
        fontsize=11,
        morph=(pymupdf.Point(300, 500), pymupdf.Matrix(30)),
    )
    data = doc.tobytes()
    with pymupdf.open(stream=_marked(data, 1), filetype="pdf") as marked:
        p = marked[0]
        words = p.get_text("words")
        # Boxes 1 pt wider than their word: the text after it moves by 1 pt.
        jansen = [(*w[:2], w[2] + 1, w[3]) for w in words if w[4] in ("Jansen", "Pietersen")]
        geheim = [tuple(w[:4]) for w in words if w[4] == "geheim"][:1]
        planned, kept = _compare(p, jansen[:2] + jansen[-2:] + geheim)
        assert planned and kept  # the shortcut was taken, and it was not the whole page
        # Boxes everywhere and nowhere.
        _compare(p, [tuple(w[:4]) for w in p.get_text("words")])
        assert _compare(p, [])[0] == 0


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:This document has .* form widget")
def test_real_documents_plan_the_same_as_every_glyph() -> None:
    rng = random.Random(7)
    compared = 0
    for path in sorted((require_corpus() / "realworld").glob("*.pdf")):
        try:
            with pymupdf.open(path) as doc:
                if doc.needs_pass or doc.is_repaired:
                    continue
                count = min(2, doc.page_count)
                marked = _marked(doc.tobytes(), count)
        except (pikepdf.PdfError, RuntimeError, ValueError):
            continue
        except Exception as exc:  # a content stream the rewriter refuses: not this test's case
            if type(exc).__name__ != "ContentError":
                raise
            continue
        with pymupdf.open(stream=marked, filetype="pdf") as doc:
            for index in range(count):
                page = doc[index]
                for every in (5, 23):
                    _compare(page, _words_boxes(page, every, rng))
                compared += 1
    assert compared > 60


def test_the_outside_test_sees_glyphs_where_the_rewrite_places_them() -> None:
    """placed_within (whether the page's text may skip the outside-content extraction)
    uses each glyph's final place: text moved by a removal counts where it lands."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=200)
    page.insert_text((50, 100), "Naam Pietersen verder", fontsize=12)
    page.insert_text((50, 150), "Openbaar", fontsize=12)
    with pymupdf.open(stream=_marked(doc.tobytes(), 1), filetype="pdf") as marked:
        p = marked[0]
        words = {w[4]: w for w in p.get_text("words")}
        name, after = words["Pietersen"], words["verder"]
        box = (name[0] - 1, name[1], after[0] - 0.5, name[3])  # into the space: "verder" moves
        traced = textpos.trace_marked(p)
        page_plan = textpos.plan_traced(traced, [box])
    moved = [a.shift[0] for g, a in page_plan.placed if not a.drop and a.shift[0] > 0]
    assert moved, "the text after the box must move"
    end = after[2] + max(moved)
    assert textpos.placed_within(traced, page_plan, (0, 0, end + 0.5, 200))
    assert not textpos.placed_within(traced, page_plan, (0, 0, after[2] + 0.5, 200))
