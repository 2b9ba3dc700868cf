"""The review window renders sources from the per-user cache: filled on first view, verified
after the first paint, and a tampered copy is replaced by the case's own source."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from redactor.app.session import CaseSession
from redactor.app.source_cache import SourceCache, default_folder
from redactor.gui.application import Gui
from redactor.gui.page_renderer import PageKey, to_qimage
from redactor.pdf.render import render_page
from tests.gui.conftest import REVIEWER
from tests.gui.driving import open_case, wait_rendered


def big_text_pdf(path: Path, text: str) -> bytes:
    """One page with large text, uncompressed: two texts of one length give files of one size."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 120), text, fontname="helv", fontsize=40)
    data = doc.tobytes(deflate=False)
    doc.close()
    path.write_bytes(data)
    return data


def shown_image_bytes(gui: Gui, page_index: int) -> bytes:
    view = gui.window.view
    assert view.document_id is not None
    image = gui.window.renderer.image(PageKey(view.document_id, page_index, view.render_zoom()))
    assert image is not None
    return bytes(image.constBits())


def expected_image_bytes(gui: Gui, data: bytes, page_index: int) -> bytes:
    image = to_qimage(render_page(data, page_index, gui.window.view.render_zoom()))
    return bytes(image.constBits())


def test_a_case_without_cached_sources_fills_the_cache_on_first_view(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    cache = gui.window.sources
    assert cache.folder == default_folder()  # the test's folder (REDACTOR_CACHE_DIR)
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        first = session.documents()[0]
        data = session.source(first.id)
    assert not cache.path_for(first.sha256).exists()  # imported without the window
    open_case(qtbot, gui, case_path)
    wait_rendered(qtbot, gui.window.view, 0)
    path = cache.path_for(first.sha256)
    assert path.read_bytes() == data
    assert shown_image_bytes(gui, 0) == expected_image_bytes(gui, data, 0)


def test_documents_added_in_the_window_are_cached(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    case = tmp_path / "nieuw.redactor"
    gui.window.case.create(str(case), REVIEWER, four_eyes=False)
    pdf = tmp_path / "brief.pdf"
    data = big_text_pdf(pdf, "Toegevoegd")
    gui.window.add_documents([pdf])
    qtbot.waitUntil(lambda: gui.window.view.page_count() == 1, timeout=10_000)
    cached = list(gui.window.sources.folder.glob("*.pdf"))
    assert [p.read_bytes() for p in cached] == [data]


@pytest.mark.allow_warnings  # the tampered copy is logged as a warning
def test_a_tampered_cached_copy_is_detected_and_the_true_page_shown(
    qtbot: QtBot, gui_factory: Callable[..., Gui], tmp_path: Path
) -> None:
    true_pdf, fake_pdf = tmp_path / "echt.pdf", tmp_path / "vals.pdf"
    true_data = big_text_pdf(true_pdf, "Echte tekst")
    fake_data = big_text_pdf(fake_pdf, "Valse tekst")
    assert len(true_data) == len(fake_data) and true_data != fake_data
    case = tmp_path / "zaak.redactor"
    with CaseSession.create(
        str(case), reviewer=REVIEWER, sources=SourceCache(default_folder())
    ) as session:
        (doc,) = session.add_documents([true_pdf])
    cached = SourceCache(default_folder()).path_for(doc.sha256)
    assert cached.read_bytes() == true_data
    cached.write_bytes(fake_data)  # same size: only the hash can tell

    gui = gui_factory()
    open_case(qtbot, gui, case)
    expected = expected_image_bytes(gui, true_data, 0)
    # Whatever was painted first, the window ends up showing the document's own page ...
    qtbot.waitUntil(
        lambda: (
            gui.window.view.viewport().repaint() is None
            and gui.window.renderer.image(PageKey(doc.id, 0, gui.window.view.render_zoom()))
            is not None
            and shown_image_bytes(gui, 0) == expected
        ),
        timeout=10_000,
    )
    assert shown_image_bytes(gui, 0) != expected_image_bytes(gui, fake_data, 0)
    # ... and the cache holds the true source again, written from the case.
    gui.window.worker.wait_idle(5000)
    qtbot.waitUntil(lambda: cached.exists() and cached.read_bytes() == true_data, timeout=5000)
    # The words for snapping come from the true source too.
    words = gui.window.edits.page_words(doc.id, 0)
    assert "Echte" in " ".join(w.text for w in words.words)


def test_the_window_cache_is_bounded(
    qtbot: QtBot, gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Viewing documents beyond the limit evicts the least recently viewed source."""
    pdfs = []
    for n in range(3):
        path = tmp_path / f"doc{n}.pdf"
        big_text_pdf(path, f"Document {n}")
        pdfs.append(path)
    case = tmp_path / "zaak.redactor"
    with CaseSession.create(str(case), reviewer=REVIEWER) as session:  # not cached
        docs = session.add_documents(pdfs)
    sizes = [p.stat().st_size for p in pdfs]
    gui.window.sources.max_bytes = sizes[0] + sizes[1] + sizes[2] // 2  # room for two
    open_case(qtbot, gui, case)
    for index, doc in enumerate(docs):
        gui.window.case.show_document(doc.id)
        wait_rendered(qtbot, gui.window.view, 0)
        path = gui.window.sources.path_for(doc.sha256)
        qtbot.waitUntil(path.exists, timeout=5000)
        os.utime(path, (1_000_000 + index, 1_000_000 + index))  # viewing order, on any clock
    present = [gui.window.sources.path_for(d.sha256).exists() for d in docs]
    assert present == [False, True, True]
