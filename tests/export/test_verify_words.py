"""The gate's fast path: poppler's words settle a page only when they prove it clean.

A page is settled by poppler when no word but a box's own label overlaps a box and a label
is found where the gate expects it; anything else goes to pdfminer's characters. These tests
show both directions: clean exports (also rotated and cropped pages) are settled by poppler,
and every leaky variant is caught, whichever extractor ends up deciding.
"""

from __future__ import annotations

import io

import pikepdf
import pytest
from pikepdf import Array

from redactor.core.export_model import RenderOptions, VerificationReport
from redactor.core.geometry import Rect
from redactor.export import verify_words
from redactor.export.verify import verify_redacted
from redactor.pdf.redact import redact_document
from tests.adversarial import builders as B
from tests.adversarial.builders import SECRET, SECRET_BOX, box
from tests.helpers import require_tool

OPTIONS = RenderOptions()


def _text_checks(report: VerificationReport) -> list[str]:
    return [c.detail for c in report.checks if c.name == "no_text_in_boxes"]


def _append_content(data: bytes, content: bytes) -> bytes:
    """The file with `content` drawn after everything else on page 1 (Helvetica as /F1)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        resources = page.obj.Resources
        fonts = resources.get("/Font") or pikepdf.Dictionary()
        fonts["/FLeak"] = B.helvetica(pdf)
        resources.Font = fonts
        old = page.obj.Contents
        streams = list(old) if isinstance(old, Array) else [old]
        page.obj.Contents = Array([*streams, pdf.make_stream(content)])
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def good() -> tuple[bytes, tuple[str, ...]]:
    out = redact_document(B.build("normal_text").pdf, [box(0, SECRET_BOX)], [], OPTIONS)
    return out.pdf, out.removed_terms


def test_a_correct_export_is_settled_by_poppler(good: tuple[bytes, tuple[str, ...]]) -> None:
    require_tool("pdftotext")
    data, terms = good
    report = verify_redacted(data, [box(0, SECRET_BOX)], [], terms, OPTIONS, 1)
    assert report.passed, report.failures()
    assert _text_checks(report) == ["no word inside a box (poppler)"]


@pytest.mark.parametrize(
    "name", ["rotated_90", "rotated_180", "rotated_270", "cropbox_offset", "rotated_90_cropped"]
)
def test_rotated_and_cropped_pages_are_settled_by_poppler(name: str) -> None:
    """poppler's coordinates agree with the gate's displayed frame: the labels are found.

    The builders' boxes on 90/270 pages are too narrow for a label (the text runs down the
    displayed page), so each page gets a second, wide box over an empty area."""
    require_tool("pdftotext")
    case = B.build(name)
    boxes = [*case.boxes, box(0, Rect(100, 150, 200, 170))]
    out = redact_document(case.pdf, boxes, [], OPTIONS)
    report = verify_redacted(out.pdf, boxes, [], out.removed_terms, OPTIONS, 1)
    assert report.passed, report.failures()
    assert _text_checks(report) == ["no word inside a box (poppler)"]


def test_a_page_without_any_label_goes_to_pdfminer() -> None:
    """A box too narrow for its label: nothing proves poppler's frame, pdfminer decides."""
    case = B.build("rotated_90")
    out = redact_document(case.pdf, case.boxes, [], OPTIONS)
    report = verify_redacted(out.pdf, case.boxes, [], out.removed_terms, OPTIONS, 1)
    assert report.passed, report.failures()
    assert _text_checks(report) == ["no extractable character inside a box"]


def test_text_under_a_labelled_box_goes_to_pdfminer_and_fails(
    good: tuple[bytes, tuple[str, ...]],
) -> None:
    """The label is where it belongs, but a word overlaps the box: not settled by poppler."""
    data, terms = good
    leak = B.text_line(B.BASE_X, B.BASE_Y, B.line_text(), font=b"/FLeak", extra_ops=b"3 Tr ")
    report = verify_redacted(
        _append_content(data, leak), [box(0, SECRET_BOX)], [], terms, OPTIONS, 1
    )
    failed = {c.name: c.detail for c in report.failures()}
    assert "extractable character(s) inside boxes" in failed["no_text_in_boxes"]
    assert "removed_terms_absent" in failed


def test_a_removed_term_placed_off_the_page_is_found(good: tuple[bytes, tuple[str, ...]]) -> None:
    """poppler drops text outside the page; the unbounded copy brings it back."""
    require_tool("pdftotext")
    data, _ = good
    leak = B.text_line(-400, B.PAGE_H + 200, SECRET, font=b"/FLeak")
    leaky = _append_content(data, leak)
    words = [
        w
        for page in verify_words.page_words(verify_words.unbounded_copy(leaky))
        for w in page.words
    ]
    (hidden,) = [w for w in words if w.text == SECRET]
    assert hidden.rect.x0 == pytest.approx(-400, abs=0.5)
    assert hidden.rect.y1 > B.PAGE_H + 100
    report = verify_redacted(leaky, [box(0, SECRET_BOX)], [], (SECRET,), OPTIONS, 1)
    failed = {c.name: c.detail for c in report.failures()}
    assert "removed_terms_absent" in failed
    assert "page 1 text" in failed["removed_terms_absent"]


def test_poppler_words_match_pdfminer_positions_on_a_rotated_cropped_page() -> None:
    """Word rectangles in displayed space, the same frame as the boxes and pdfminer."""
    require_tool("pdftotext")
    case = B.build("rotated_90_cropped")
    (page,) = list(verify_words.page_words(verify_words.unbounded_copy(case.pdf)))
    target = case.boxes[0].rect
    (secret,) = [w for w in page.words if w.text == SECRET and w.rect.intersects(target)]
    # The builder's box is the secret word's box (font ascent/descent differ a little).
    assert secret.rect.x0 == pytest.approx(target.x0, abs=1.5)
    assert secret.rect.x1 == pytest.approx(target.x1, abs=1.5)
    assert secret.rect.y0 == pytest.approx(target.y0, abs=3)
    assert secret.rect.y1 == pytest.approx(target.y1, abs=3)


def test_without_poppler_pdfminer_decides_every_page(
    good: tuple[bytes, tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify_words, "pdftotext", lambda: None)
    data, terms = good
    report = verify_redacted(data, [box(0, SECRET_BOX)], [], terms, OPTIONS, 1)
    assert report.passed, report.failures()
    assert _text_checks(report) == ["no extractable character inside a box"]
