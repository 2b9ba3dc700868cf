"""Suggestions and "redact everywhere" read a long case a page at a time: the page the reviewer
turns to renders while they run, Stop ends them after the page being read, and closing the case
stops them (nothing reported, and redact everywhere writes nothing). Driven through the real
window on a real 300-page case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from redactor.app import findings
from redactor.app.session import CaseSession
from redactor.core.text import PageText
from redactor.gui.application import Gui
from tests.gui.conftest import REVIEWER
from tests.gui.driving import open_case
from tests.gui.long_work import long_case as build_long_case
from tests.gui.long_work import page_arrives_while

pytestmark = pytest.mark.gui

PAGES = 300
LINE = "Overleg over het dossier en de planning van het project {n}, zie bijlage en verslag."
NAME_LINE = "Met vriendelijke groet, de heer Pietersen"


@pytest.fixture
def long_case(tmp_path: Path) -> Path:
    """One document of 300 full pages, each with "de heer Pietersen" once; the box over it on
    the first page is the one to redact everywhere."""
    pages = [
        "\n".join([*(LINE.format(n=p * 40 + k) for k in range(40)), NAME_LINE])
        for p in range(PAGES)
    ]
    return build_long_case(tmp_path, "lang", pages, "Pietersen", whole_word=True)


@pytest.fixture
def pages_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the pages the app layer reads (the real pages, on the worker thread)."""
    read = [0]
    real = findings.document_text

    def counted(*args: Any, **kwargs: Any) -> Iterator[PageText]:
        for page in real(*args, **kwargs):
            read[0] += 1
            yield page

    monkeypatch.setattr(findings, "document_text", counted)
    return read


# -- suggestions ----------------------------------------------------------------------------------


def test_pages_render_while_suggestions_run(qtbot: QtBot, gui: Gui, long_case: Path) -> None:
    window = gui.window
    open_case(qtbot, gui, long_case)
    panel = window.suggestions
    panel.run_button.click()
    assert panel.running() and panel.run_button.text() == "Stop"
    page_arrives_while(qtbot, gui, panel.running)
    qtbot.waitUntil(lambda: not panel.running(), timeout=60_000)
    # The run is complete: "Pietersen" on every page but the first (under the box).
    names = [i for i in panel.model.items() if i.suggestion.detector == "name"]
    assert sorted(i.suggestion.page_index for i in names) == list(range(1, PAGES))
    assert panel.run_button.text() == "Find suggestions"


def test_suggestions_stop_when_asked(
    qtbot: QtBot, gui: Gui, long_case: Path, pages_read: list[int]
) -> None:
    window = gui.window
    open_case(qtbot, gui, long_case)
    panel = window.suggestions
    panel.run_button.click()
    qtbot.waitUntil(lambda: pages_read[0] > 0, timeout=5000)
    panel.run_button.click()  # Stop
    qtbot.waitUntil(lambda: not panel.running(), timeout=3000)
    assert window.worker.wait_idle(3000)
    assert pages_read[0] < PAGES, "it read the whole document before stopping"
    assert "Stopped" in panel.status.text()
    assert panel.run_button.text() == "Find suggestions" and panel.run_button.isEnabled()


def test_closing_the_case_stops_suggestions(
    qtbot: QtBot, gui: Gui, long_case: Path, case_path: Path, pages_read: list[int]
) -> None:
    window = gui.window
    open_case(qtbot, gui, long_case)
    panel = window.suggestions
    panel.run_button.click()
    qtbot.waitUntil(lambda: pages_read[0] > 0, timeout=5000)
    open_case(qtbot, gui, case_path)
    assert window.worker.wait_idle(3000)
    qtbot.wait(50)  # answers still queued are delivered, and dropped
    assert pages_read[0] < PAGES, "the run of the closed case went on"
    assert not panel.running() and panel.model.items() == []
    assert panel.run_button.text() == "Find suggestions"


# -- redact everywhere ----------------------------------------------------------------------------


def _redact_everywhere(
    qtbot: QtBot, gui: Gui, long_case: Path
) -> tuple[CaseSession, Any, list[str]]:
    """Open the long case and start "redact everywhere" from its one box: (the session,
    that box, the status messages as they come)."""
    open_case(qtbot, gui, long_case)
    controller = gui.window.findings
    messages: list[str] = []
    controller.statusMessage.connect(messages.append)
    session = gui.window.case.require()
    [box] = session.redactions()
    controller.redact_everywhere([box.id])
    return session, box, messages


def test_pages_render_while_redact_everywhere_reads(
    qtbot: QtBot, gui: Gui, long_case: Path
) -> None:
    window = gui.window
    session, box, messages = _redact_everywhere(qtbot, gui, long_case)
    controller = window.findings
    page_arrives_while(qtbot, gui, controller.everywhere_running)
    qtbot.waitUntil(lambda: not controller.everywhere_running(), timeout=60_000)
    boxes = session.redactions()
    assert sorted(b.page_index for b in boxes) == list(range(PAGES))  # one on every page
    assert {(b.grounds, b.note) for b in boxes} == {(("5.1.2e",), "Naam.")}
    assert f"{PAGES - 1} boxes proposed" in messages[-1]
    # One undo step takes them all back.
    window.edits.undo_stack.undo()
    assert [b.id for b in session.redactions()] == [box.id]


def test_redact_everywhere_stops_when_asked_and_writes_nothing(
    qtbot: QtBot, gui: Gui, long_case: Path, pages_read: list[int]
) -> None:
    window = gui.window
    session, box, messages = _redact_everywhere(qtbot, gui, long_case)
    controller = window.findings
    qtbot.waitUntil(lambda: pages_read[0] > 0, timeout=5000)
    dialog = controller.everywhere_dialog
    assert dialog is not None
    [stop] = dialog.findChildren(QPushButton)
    assert stop.text() == "Stop"
    stop.click()
    qtbot.waitUntil(lambda: not controller.everywhere_running(), timeout=3000)
    assert window.worker.wait_idle(3000)
    qtbot.wait(50)
    assert pages_read[0] < PAGES, "it read the whole case before stopping"
    assert [b.id for b in session.redactions()] == [box.id]  # no half-made set
    assert "stopped" in messages[-1] and "no boxes" in messages[-1]
    assert not window.edits.undo_stack.canUndo()


def test_closing_the_case_stops_redact_everywhere(
    qtbot: QtBot, gui: Gui, long_case: Path, case_path: Path, pages_read: list[int]
) -> None:
    window = gui.window
    open_case(qtbot, gui, long_case)
    controller = window.findings
    [box] = window.case.require().redactions()
    controller.redact_everywhere([box.id])
    qtbot.waitUntil(lambda: pages_read[0] > 0, timeout=5000)
    open_case(qtbot, gui, case_path)
    assert window.worker.wait_idle(3000)
    qtbot.wait(50)  # answers still queued are delivered, and dropped
    assert pages_read[0] < PAGES, "redact everywhere of the closed case went on"
    assert not controller.everywhere_running()
    with CaseSession.open(str(long_case), reviewer=REVIEWER) as session:
        assert [b.id for b in session.redactions()] == [box.id]  # nothing written
