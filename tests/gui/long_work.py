"""Shared by the tests of long work in the window (tests/gui/test_long_*.py): a long case with
one name boxed on its first page, and "the page the reviewer turns to arrives while the work
still runs"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from redactor.app import findings
from redactor.app.session import CaseSession
from redactor.detect.search import find_text
from redactor.gui.application import Gui
from redactor.gui.page_renderer import PageKey
from tests.gui.conftest import REVIEWER
from tests.helpers import make_text_pdf


def long_case(folder: Path, name: str, pages: list[str], boxed: str, whole_word: bool) -> Path:
    """A case (`name`.redactor) of one document with these pages; the first occurrence of
    `boxed` on its first page is redacted under 5.1.2e."""
    make_text_pdf(folder / f"{name}.pdf", pages)
    path = folder / f"{name}.redactor"
    with CaseSession.create(str(path), reviewer=REVIEWER) as session:
        session.add_documents([folder / f"{name}.pdf"])
        reading = findings.page_texts(session, 1)
        first = find_text([next(reading)], boxed, False, False, whole_word)[0]
        reading.close()
        session.add_redaction(1, 0, first.rects[0], ["5.1.2e"], "Naam.")
    return path


def page_arrives_while(
    qtbot: QtBot, gui: Gui, running: Callable[[], bool], target: int = 200
) -> None:
    """Turn to `target` while `running()`: the page must be painted before the work ends."""
    window = gui.window
    view = window.view
    running_when_painted: list[bool] = []

    def arrived(key: PageKey) -> None:
        if key.page_index == target and key.variant == "":
            running_when_painted.append(running())

    window.renderer.pageReady.connect(arrived)
    qtbot.wait(100)  # the work is reading pages
    assert running()
    view.go_to_page(target)  # the reviewer pages on meanwhile

    def painted() -> bool:
        view.viewport().repaint()  # offscreen, nothing paints by itself
        return bool(running_when_painted)

    qtbot.waitUntil(painted, timeout=15_000)
    assert running_when_painted[0], "the page waited for the work to end"
