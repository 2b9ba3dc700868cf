"""A damaged file that had to be repaired: the window says so when it is added, and marks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from redactor.gui.application import Gui
from tests.app.test_repaired_import import _damaged_pdf, _intact_pdf
from tests.gui.conftest import Messages
from tests.gui.driving import open_case

pytestmark = pytest.mark.gui


def test_adding_a_repaired_file_warns_and_the_list_marks_it(
    qtbot: QtBot, gui: Gui, case_path: Path, tmp_path: Path, messages: Messages
) -> None:
    open_case(qtbot, gui, case_path)
    gui.languages.apply("nl")
    gui.window.add_documents([_damaged_pdf(tmp_path), _intact_pdf(tmp_path)])
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=15_000)
    ((title, text),) = messages.shown
    assert title == "Beschadigde bestanden hersteld"
    assert "beschadigd.pdf" in text and "heel.pdf" not in text
    model = gui.window.documents.model

    def rows() -> dict[str, int]:
        return {model.index(r, 0).data(): r for r in range(model.rowCount())}

    qtbot.waitUntil(lambda: {"beschadigd.pdf", "heel.pdf"} <= set(rows()), timeout=10_000)
    rows_now = rows()
    damaged = model.index(rows_now["beschadigd.pdf"], 0)
    intact = model.index(rows_now["heel.pdf"], 0)
    assert damaged.data(Qt.ItemDataRole.DecorationRole) is not None
    assert intact.data(Qt.ItemDataRole.DecorationRole) is None
    assert "vergelijk" in damaged.data(Qt.ItemDataRole.ToolTipRole).lower()
    gui.languages.apply("en")
