"""Long work over a case never makes the reviewer wait and stops when asked: the consistency
check lets pages render while it reads, and stops (by the reviewer, or when the case changes);
OCR stops after the page being read and keeps what it read; the find panel's search stops when
another case is opened. Driven through the real window."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from redactor.app import findings
from redactor.app.session import CaseSession
from redactor.core.text import PageText
from redactor.gui.application import Gui
from tests.gui.conftest import REVIEWER, Messages
from tests.gui.driving import open_case
from tests.gui.long_work import long_case, page_arrives_while
from tests.helpers import require_tool

pytestmark = pytest.mark.gui

BIG_PAGES = 300
LINE = "Overleg met Jan Jansen over het dossier en de planning van het project {n}."


@pytest.fixture
def big_case(tmp_path: Path) -> Path:
    """One document of 300 full pages, "Jan Jansen" redacted on the first: reading every page
    takes the consistency check about a second."""
    pages = ["\n".join(LINE.format(n=p * 50 + k) for k in range(50)) for p in range(BIG_PAGES)]
    return long_case(tmp_path, "groot", pages, "Jan Jansen", whole_word=False)


def counting(
    words: Callable[[int, int], PageText],
) -> tuple[Callable[[int, int], PageText], list[int]]:
    """`words` that counts the pages it read (on the worker thread)."""
    count = [0]
    lock = threading.Lock()

    def read(document_id: int, page_index: int) -> PageText:
        with lock:
            count[0] += 1
        return words(document_id, page_index)

    return read, count


# -- the consistency check ----------------------------------------------------------------------


def test_pages_render_while_the_consistency_check_reads(
    qtbot: QtBot, gui: Gui, big_case: Path
) -> None:
    window = gui.window
    open_case(qtbot, gui, big_case)
    panel = window.consistency
    panel.check_button.click()
    assert panel.checking()
    page_arrives_while(qtbot, gui, panel.checking)
    qtbot.waitUntil(lambda: not panel.checking(), timeout=30_000)
    # The check itself is complete: "Jan Jansen" is visible on every other page.
    [finding] = panel.model.findings()
    assert finding.term == "Jan Jansen"
    visible = [o for o in finding.occurrences if not o.redacted]
    assert len(visible) == BIG_PAGES * 50 - 1


def test_the_consistency_check_stops_when_asked(qtbot: QtBot, gui: Gui, big_case: Path) -> None:
    window = gui.window
    open_case(qtbot, gui, big_case)
    panel = window.consistency
    panel.check_button.click()
    qtbot.wait(100)
    assert panel.checking() and panel.check_button.text() == "Stop"
    job = panel._job
    assert job is not None
    panel.check_button.click()  # Stop
    qtbot.waitUntil(lambda: not panel.checking(), timeout=2000)
    assert window.worker.wait_idle(2000)
    assert len(job.items()) < BIG_PAGES  # it stopped between two pages, early
    assert panel.model.findings() == []  # the list is as it was
    assert "stopped" in panel.status.text()
    assert panel.check_button.text() == "Check" and panel.check_button.isEnabled()


def test_opening_another_case_stops_the_consistency_check(
    qtbot: QtBot, gui: Gui, big_case: Path, case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = [0]
    real = findings.document_text

    def counted(*args: Any, **kwargs: Any) -> Iterator[PageText]:
        for page in real(*args, **kwargs):  # the real pages, counted
            read[0] += 1
            yield page

    monkeypatch.setattr(findings, "document_text", counted)
    window = gui.window
    open_case(qtbot, gui, big_case)
    panel = window.consistency
    panel.check()
    qtbot.waitUntil(lambda: read[0] > 0, timeout=5000)
    open_case(qtbot, gui, case_path)
    qtbot.waitUntil(lambda: window.worker.wait_idle(0), timeout=5000)
    qtbot.wait(50)  # answers still queued are delivered, and dropped
    assert read[0] < BIG_PAGES, "the check of the closed case went on"
    assert not panel.checking() and panel.model.findings() == []
    assert panel.status.text() == "Not checked yet."


# -- find -----------------------------------------------------------------------------------------


def test_opening_another_case_stops_the_search(
    qtbot: QtBot, gui: Gui, big_case: Path, case_path: Path, messages: Messages
) -> None:
    window = gui.window
    open_case(qtbot, gui, big_case)
    panel = window.find_panel
    panel._words, read = counting(panel._words)
    panel.scope.setCurrentIndex(1)  # the whole case
    panel.pattern.setText("Jansen")
    panel.search()
    qtbot.waitUntil(lambda: read[0] > 0, timeout=5000)
    open_case(qtbot, gui, case_path)
    assert window.worker.wait_idle(3000)
    qtbot.wait(50)  # answers still queued are delivered, and dropped
    searched = read[0]
    assert searched < BIG_PAGES, "the search of the closed case went on"
    assert panel.model.rowCount() == 0 and messages.shown == []
    assert panel.wait_idle()
    # The panel works on the new case.
    panel.pattern.setText("de vries")
    panel.search()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10_000)
    assert read[0] == searched + 5  # the pages of the new case only


def test_a_new_search_replaces_the_one_under_way(qtbot: QtBot, gui: Gui, big_case: Path) -> None:
    window = gui.window
    open_case(qtbot, gui, big_case)
    panel = window.find_panel
    panel.pattern.setText("Jansen")
    panel.search()
    panel.pattern.setText("project 7")
    panel.whole_word.setChecked(True)
    panel.search()
    qtbot.waitUntil(panel.wait_idle, timeout=20_000)
    assert window.worker.wait_idle(2000)
    qtbot.wait(50)
    texts = {hit.match.text for hit in panel.model.hits}
    assert texts == {"project 7"}  # nothing of the first search


# -- OCR ------------------------------------------------------------------------------------------


def _scanned_pdf(path: Path, texts: list[str]) -> None:
    """Text rendered to pixels: image-only pages, like a scanned print-out."""
    out = pymupdf.open()
    for text in texts:
        src = pymupdf.open()
        page = src.new_page(width=595, height=842)
        page.insert_text((72, 120), text, fontsize=20, fontname="helv")
        pix = page.get_pixmap(dpi=150)
        scan = out.new_page(width=595, height=842)
        scan.insert_image(scan.rect, pixmap=pix)
        src.close()
    out.save(path)


def test_cancelling_ocr_stops_after_the_page_being_read(
    qtbot: QtBot, gui: Gui, tmp_path: Path, messages: Messages
) -> None:
    require_tool("tesseract")
    texts = [f"Geachte heer Pietersen, pagina {n}" for n in range(1, 7)]
    _scanned_pdf(tmp_path / "scan.pdf", texts)
    path = tmp_path / "scan.redactor"
    with CaseSession.create(str(path), reviewer=REVIEWER) as session:
        session.add_documents([tmp_path / "scan.pdf"])
    open_case(qtbot, gui, path)
    window = gui.window
    store = window.case.require().store
    window.window_actions["ocr_document"].trigger()

    def dialog() -> QProgressDialog | None:
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: dialog() is not None and bool(store.page_words(1)), timeout=30_000)
    before = len(store.page_words(1))
    qtbot.keyClick(dialog(), Qt.Key.Key_Escape)  # as its Cancel button
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=30_000)
    kept = sorted(store.page_words(1))
    # Stopped within about a page: the page being read when cancelled is finished and kept,
    # and the pages read are the first ones, each stored whole.
    assert len(kept) in (before, before + 1) and len(kept) < len(texts)
    assert kept == list(range(len(kept)))
    [text] = messages.texts()
    assert f"{len(kept)} scanned page" in text and "read and kept" in text
    assert window.findings.ocr_job is None
    # Reading again goes on where it stopped, and reads every page once.
    messages.shown.clear()
    window.window_actions["ocr_document"].trigger()
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=60_000)
    assert sorted(store.page_words(1)) == list(range(len(texts)))
    assert f"{len(texts) - len(kept)} scanned page" in messages.texts()[0]
