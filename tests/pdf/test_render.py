"""Rendering pages: in this process and in the render process, the same pixels; a dead
render process is replaced; the export preview of one page is the export engine's output."""

from __future__ import annotations

import os
import signal

import pymupdf
import pytest

from redactor.core.errors import PdfError
from redactor.core.export_model import BoxSpec, RenderOptions, WithheldPageSpec
from redactor.core.geometry import Rect
from redactor.pdf.render import DocumentCache, render_page, render_redacted_page, single_page_pdf
from redactor.pdf.render_service import RenderService
from tests.helpers import make_text_pdf


@pytest.fixture(scope="module")
def service() -> object:
    svc = RenderService()
    yield svc
    svc.close()


def test_rendered_pixels_map_to_displayed_points_on_a_rotated_page() -> None:
    data = make_text_pdf(None, ["Hallo wereld"], rotation=90)
    doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        page = render_page(doc, 0, 2.0)
        assert (page.width, page.height) == ((842 * 2), (595 * 2))
        assert len(page.samples) == page.stride * page.height
    finally:
        doc.close()


def test_zoom_is_capped_for_huge_pages() -> None:
    data = make_text_pdf(None, ["groot"], size=(14400.0, 14400.0))
    page = render_page(data, 0, 4.0)
    assert page.zoom < 4.0 and page.width * page.height <= 40_000_000 * 1.01


def test_service_renders_the_same_pixels(service: RenderService) -> None:
    data = make_text_pdf(None, ["een", "twee"])
    here = render_page(data, 1, 1.3)
    loads: list[int] = []

    def load() -> bytes:
        loads.append(1)
        return data

    there = service.render("doc-a", load, 1, 1.3)
    again = service.render("doc-a", load, 0, 1.3)
    assert (there.width, there.height, there.stride) == (here.width, here.height, here.stride)
    assert there.samples == here.samples
    assert again.samples != there.samples
    assert loads == [1]  # the child keeps the document open


def test_service_reports_a_bad_pdf_and_carries_on(service: RenderService) -> None:
    with pytest.raises(PdfError):
        service.render("bad", lambda: b"not a pdf at all", 0, 1.0)
    data = make_text_pdf(None, ["goed"])
    assert service.render("good", lambda: data, 0, 1.0).width > 0


@pytest.mark.allow_warnings
def test_a_dead_render_process_is_replaced() -> None:
    svc = RenderService()
    try:
        data = make_text_pdf(None, ["x"])
        svc.render("d", lambda: data, 0, 1.0)
        pid = svc.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(PdfError, match="renderer stopped"):
            svc.render("d", lambda: data, 0, 1.0)
        assert svc.pid != pid
        assert svc.render("d", lambda: data, 0, 1.0).width > 0
    finally:
        svc.close()


def test_redacted_page_render_is_black_under_the_box(service: RenderService) -> None:
    data = make_text_pdf(None, ["eerste", "Jan de Vries woont hier"])
    box = BoxSpec(0, Rect(30, 30, 200, 60), ("5.1.2e",))
    there = service.render_redacted("r", lambda: data, 1, [box], None, RenderOptions(), 1.0)
    doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        here = render_redacted_page(doc, 1, [box], None, RenderOptions(), 1.0)
        one = single_page_pdf(doc, 1)
    finally:
        doc.close()
    assert there.samples == here.samples
    assert pymupdf.open(stream=one, filetype="pdf").page_count == 1
    x, y = 40, 55
    offset = y * there.stride + x * 3
    assert max(there.samples[offset : offset + 3]) < 60  # black box
    withheld = service.render_redacted(
        "r", lambda: data, 0, [], WithheldPageSpec(0, ("5.1.1c",)), RenderOptions(), 0.5
    )
    assert withheld.width > 0


def test_document_cache_closes_the_least_recent() -> None:
    cache = DocumentCache(capacity=2)
    data = make_text_pdf(None, ["a"])
    first = cache.get(1, lambda: data)
    cache.get(2, lambda: data)
    cache.get(1, lambda: data)
    cache.get(3, lambda: data)  # 2 goes
    assert len(cache) == 2
    assert cache.get(1, lambda: data) is first
    cache.close()
    assert len(cache) == 0


def test_service_reads_words_in_the_child(service: RenderService) -> None:
    data = make_text_pdf(None, ["Jan de Vries"], rotation=90)
    words = service.words("w", lambda: data, 0)
    assert [w.text for w in words.words] == ["Jan", "de", "Vries"]
    assert words.words[0].rect.height > words.words[0].rect.width  # displayed: rotated


def test_a_failing_source_loader_leaves_the_service_usable(service: RenderService) -> None:
    def broken() -> bytes:
        raise PdfError("The case was closed.")

    with pytest.raises(PdfError, match="case was closed"):
        service.render("gone", broken, 0, 1.0)
    data = make_text_pdf(None, ["verder"])
    assert service.render("gone", lambda: data, 0, 1.0).width > 0
