"""Long finding work a page at a time, through the app layer on a real case: OCR that stops
between pages and keeps what it read, and the consistency check fed page by page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from redactor.app import findings
from redactor.app.session import CaseSession
from redactor.core.geometry import Rect
from redactor.core.text import RedactedArea
from redactor.detect.consistency import consistency_report
from tests.helpers import make_text_pdf, require_tool


def _scanned_pdf(path: Path, texts: list[str], *, text_page: int | None = None) -> None:
    """Image-only pages (a scanned print-out); `text_page` gets a real text layer instead."""
    out = pymupdf.open()
    for index, text in enumerate(texts):
        page = out.new_page(width=595, height=842)
        if index == text_page:
            page.insert_text((72, 120), text, fontsize=20, fontname="helv")
            continue
        src = pymupdf.open()
        drawn = src.new_page(width=595, height=842)
        drawn.insert_text((72, 120), text, fontsize=20, fontname="helv")
        page.insert_image(page.rect, pixmap=drawn.get_pixmap(dpi=150))
        src.close()
    out.save(path)


@pytest.fixture
def scan_case(tmp_path: Path) -> Iterator[CaseSession]:
    texts = ["Geachte heer Pietersen", "Met vriendelijke groet", "Bijlage bij de brief"]
    _scanned_pdf(tmp_path / "scan.pdf", texts, text_page=1)
    session = CaseSession.create(str(tmp_path / "s.redactor"), reviewer="alice")
    session.add_documents([tmp_path / "scan.pdf"])
    yield session
    session.close()


def test_ocr_stops_between_pages_and_keeps_what_it_read(scan_case: CaseSession) -> None:
    require_tool("tesseract")
    asked: list[int] = []

    def cancelled() -> bool:  # asked between pages: stop once one page is read
        asked.append(len(scan_case.store.page_words(1)))
        return asked[-1] >= 1

    assert findings.run_ocr(scan_case, [1], cancelled=cancelled) == 1
    assert sorted(scan_case.store.page_words(1)) == [0]  # page 0 stored; page 2 untouched
    # Again: only the scanned page not read yet is read (the text page needs none).
    steps = list(findings.ocr_pages(scan_case, 1))
    assert steps == [None, None, 2]
    assert sorted(scan_case.store.page_words(1)) == [0, 2]
    assert list(findings.ocr_pages(scan_case, 1)) == [None, None, None]


def test_ocr_pages_can_be_closed_between_pages(scan_case: CaseSession) -> None:
    require_tool("tesseract")
    pages = findings.ocr_pages(scan_case, 1)
    assert next(pages) == 0
    pages.close()  # the reader stops here: the PDF is closed, page 2 is not read
    assert sorted(scan_case.store.page_words(1)) == [0]


def test_consistency_fed_page_by_page_is_the_whole_report(tmp_path: Path) -> None:
    make_text_pdf(
        tmp_path / "a.pdf",
        ["Brief aan Jan Jansen.", "Jan Jansen belde terug.", "Geen namen hier."],
    )
    make_text_pdf(tmp_path / "b.pdf", ["Verslag: Jan Jansen was aanwezig."])
    with CaseSession.create(str(tmp_path / "c.redactor"), reviewer="alice") as session:
        session.add_documents([tmp_path / "a.pdf", tmp_path / "b.pdf"])
        hit = findings.find(session, "Jan Jansen", document_ids=[1])[0]
        session.add_redaction(1, 0, hit.match.rects[0], ["5.1.2e"])
        session.add_redaction(2, 0, Rect(0, 0, 1, 1), ["5.1.2e"])  # covers nothing
        check = findings.consistency_check(session)
        read = {d.id: list(findings.check_pages(session, check, d.id)) for d in session.documents()}
        assert read == {1: [0, 1, 2], 2: [0]}
        stepwise = check.findings()
        # All pages at once, as the report was made before it could be fed page by page.
        pages = {d.id: findings.document_pages(session, d.id) for d in session.documents()}
        areas = [
            RedactedArea(r.document_id, r.page_index, r.rect, r.grounds)
            for r in session.redactions()
        ]
        whole = consistency_report(pages, areas)
    assert stepwise == whole
    [finding] = stepwise
    assert finding.term.startswith("Jan Jansen")
    assert sorted((o.document_id, o.page_index) for o in finding.occurrences if not o.redacted) == [
        (1, 1),
        (2, 0),
    ]
