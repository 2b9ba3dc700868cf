"""Opening a case: the first page comes first; the rest of the case (thumbnails, progress, the
recent-cases list) is filled in once that page is painted."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from redactor.gui.application import Gui
from redactor.gui.page_renderer import PageKey
from redactor.gui.settings import RECENT_CASES
from tests.gui.driving import wait_rendered

pytestmark = pytest.mark.gui


def test_the_rest_of_the_case_follows_the_first_painted_page(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    window = gui.window
    painted: list[int] = []
    window.view.documentPainted.connect(painted.append)
    assert window.open_case(str(case_path))
    # Before the event loop ran: the page view has the document, the rest is still to come.
    assert window.case.opening
    assert window.view.page_count() == 3
    assert window.thumbnails.model.rowCount() == 0
    assert str(case_path.resolve()) not in window.settings.get(RECENT_CASES)
    assert painted == []

    wait_rendered(qtbot, window.view, 0)
    qtbot.waitUntil(lambda: not window.case.opening, timeout=5000)
    assert painted == [1]  # once, for the document shown
    assert window.thumbnails.model.rowCount() == 3
    assert [p.document.id for p in window.case.progress] == [1, 2]
    assert window.settings.get(RECENT_CASES)[0] == str(case_path.resolve())

    # Another document later: painted once more; its thumbnails come at once (not opening).
    window.case.show_document(2)
    assert window.thumbnails.model.rowCount() == 2
    wait_rendered(qtbot, window.view, 0)
    qtbot.waitUntil(lambda: painted == [1, 2], timeout=5000)


def test_a_first_page_that_cannot_be_rendered_still_opens_the_case(
    qtbot: QtBot, gui: Gui, case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No image is ever painted: the failure alone lets the rest of the case be read. (The
    renderer is made to fail every page of the document shown: a PDF that imports but cannot
    render even its first page is hard to come by.)"""
    window = gui.window
    failing = window.renderer

    def fail(key: PageKey, **_kwargs: object) -> bool:
        if key.document_id == window.view.document_id and key not in failing._failed:
            failing._failed[key] = "kapot"
            failing.pageFailed.emit(key, "kapot")
        return False

    monkeypatch.setattr(failing, "request", fail)
    window.case._finish_timer.setInterval(60_000)  # the fallback timer must not be what helps
    assert window.open_case(str(case_path))
    qtbot.waitUntil(lambda: not window.case.opening, timeout=5000)
    assert window.thumbnails.model.rowCount() == 3
