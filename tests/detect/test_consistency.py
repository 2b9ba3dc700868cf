"""The consistency report over a case of several documents."""

from __future__ import annotations

from redactor.core.geometry import Rect
from redactor.core.text import DIFFERENT_GROUNDS, VISIBLE_ELSEWHERE, PageText, RedactedArea
from redactor.detect.consistency import consistency_report
from tests.detect.synth import page_from_text


def _box_over(page: PageText, *words: str, pad: float = 1.0) -> Rect:
    """A box over the consecutive words `words` on `page` (as a reviewer would draw it)."""
    texts = [w.text for w in page.words]
    k = next(i for i in range(len(texts)) if texts[i : i + len(words)] == list(words))
    rects = [w.rect for w in page.words[k : k + len(words)]]
    return Rect(
        min(r.x0 for r in rects) - pad,
        min(r.y0 for r in rects) - pad,
        max(r.x1 for r in rects) + pad,
        max(r.y1 for r in rects) + pad,
    )


def _case() -> dict[int, list[PageText]]:
    return {
        1: [page_from_text("Gesprek met Pieter de Vries over het verzoek.", 0)],
        2: [
            page_from_text("Geen namen op deze pagina.", 0),
            page_from_text("Volgens Pieter de\nVries is het klaar. Mail aan Jansen.", 1),
            page_from_text("Jansen, dank voor de stukken.", 2),
        ],
    }


def test_term_redacted_once_and_visible_elsewhere() -> None:
    case = _case()
    box = RedactedArea(1, 0, _box_over(case[1][0], "Pieter", "de", "Vries"), ("5.1.2e",))
    [finding] = consistency_report(case, [box])
    assert finding.kind == VISIBLE_ELSEWHERE
    assert finding.term == "Pieter de Vries"
    visible = [o for o in finding.occurrences if not o.redacted]
    redacted = [o for o in finding.occurrences if o.redacted]
    assert [(o.document_id, o.page_index, o.text) for o in visible] == [(2, 1, "Pieter de Vries")]
    assert len(visible[0].rects) == 2  # the phrase is broken over two lines there
    assert [(o.document_id, o.codes) for o in redacted] == [(1, ("5.1.2e",))]


def test_everything_redacted_consistently_gives_no_finding() -> None:
    case = _case()
    boxes = [
        RedactedArea(1, 0, _box_over(case[1][0], "Pieter", "de", "Vries"), ("5.1.2e",)),
        RedactedArea(2, 1, _box_over(case[2][1], "Pieter", "de"), ("5.1.2e",)),
        RedactedArea(2, 1, _box_over(case[2][1], "Vries"), ("5.1.2e",)),
    ]
    assert consistency_report(case, boxes) == []


def test_partly_covered_occurrence_counts_as_visible() -> None:
    case = _case()
    boxes = [
        RedactedArea(1, 0, _box_over(case[1][0], "Pieter", "de", "Vries"), ("5.1.2e",)),
        RedactedArea(2, 1, _box_over(case[2][1], "Pieter", "de"), ("5.1.2e",)),  # "Vries" shows
    ]
    findings = consistency_report(case, boxes)
    visible = [
        o for f in findings if f.term == "Pieter de Vries" for o in f.occurrences if not o.redacted
    ]
    assert [(o.document_id, o.page_index) for o in visible] == [(2, 1)]


def test_same_term_under_different_grounds() -> None:
    case = _case()
    boxes = [
        RedactedArea(2, 1, _box_over(case[2][1], "Jansen."), ("5.1.2e",)),
        RedactedArea(2, 2, _box_over(case[2][2], "Jansen,"), ("5.1.1e", "5.1.2e")),
    ]
    [finding] = consistency_report(case, boxes)
    assert finding.kind == DIFFERENT_GROUNDS
    assert sorted(o.codes for o in finding.occurrences) == [("5.1.1e", "5.1.2e"), ("5.1.2e",)]


def test_generic_words_and_slivers_are_not_terms() -> None:
    case = _case()
    page = case[1][0]
    de = _box_over(page, "de")
    sliver = _box_over(page, "verzoek.")
    sliver = Rect(sliver.x0, sliver.y0, sliver.x0 + 3, sliver.y1)  # covers a tenth of the word
    boxes = [RedactedArea(1, 0, de, ("5.1.2e",)), RedactedArea(1, 0, sliver, ("5.1.2e",))]
    assert consistency_report(case, boxes) == []
