"""The Pages panel looks clean: no stray squares over it, thumbnails of every page.

The stray squares were a tab bar of two empty tabs that Qt's dock layout left behind when the
audit and log docks were tabified and then hidden before the window was first shown: it stayed
drawn, frozen where the bottom dock area was laid out before the window got its size, over the
Pages panel, until the window was resized.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QMainWindow, QTabBar
from pytestqt.qtbot import QtBot

from redactor.gui.application import Gui, start
from redactor.gui.settings import Settings
from redactor.gui.thumbnails import FRAME_COLOUR
from redactor.pdf.render_service import RenderService
from tests.gui.conftest import REVIEWER
from tests.gui.driving import open_case

pytestmark = pytest.mark.gui


@pytest.fixture
def unresized(qtbot: QtBot, tmp_path: Path, render_service: RenderService) -> Iterator[Gui]:
    """The window as a reviewer gets it: at the size it starts with (the `gui` fixture resizes
    it, and a resize hides the stray bar)."""
    gui = start(
        REVIEWER,
        settings=Settings(tmp_path / "config"),
        show_dialogs=False,
        ask_reviewer=False,
        file_logging=False,
        render_service=render_service,
    )
    gui.crash.quit_on_crash = False
    yield gui
    crashes = list(gui.crash.crashes)
    gui.window.worker.shutdown()
    gui.stop()
    assert not crashes


def stray_tab_bars(window: QMainWindow) -> list[tuple[object, list[str]]]:
    """Tab bars drawn inside the window with a tab without a name (the dock layout parks the
    bars it does not use outside the window, where nothing is drawn)."""
    stray: list[tuple[object, list[str]]] = []
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or not bar.isVisible():
            continue
        if not bar.geometry().intersects(QRect(0, 0, window.width(), window.height())):
            continue
        texts = [bar.tabText(i) for i in range(bar.count())]
        if not texts or not all(texts):
            stray.append((bar.geometry().getRect(), texts))
    return stray


def test_no_stray_tab_bar_over_the_pages_panel(
    qtbot: QtBot, unresized: Gui, case_path: Path
) -> None:
    window = unresized.window
    qtbot.waitExposed(window)
    assert stray_tab_bars(window) == []
    open_case(qtbot, unresized, case_path)
    assert stray_tab_bars(window) == []
    # No tab bar at all over the Pages panel.
    pages = window.thumbnails_dock.geometry()
    for bar in window.findChildren(QTabBar):
        if bar.parent() is window and bar.isVisible():
            assert not bar.geometry().intersects(pages), bar.geometry()
    # The audit view and the log still open as two tabs, and leave nothing behind when closed.
    window.audit_dock.show()
    window.log_dock.show()
    qtbot.wait(20)
    assert window.tabifiedDockWidgets(window.audit_dock) == [window.log_dock]
    window.audit_dock.hide()
    window.log_dock.hide()
    qtbot.wait(20)
    assert stray_tab_bars(window) == []


def test_thumbnails_of_every_page_render_framed(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    window = gui.window
    open_case(qtbot, gui, case_path)
    model = window.thumbnails.model
    assert model.rowCount() == 3

    def rendered() -> bool:
        return all(window.renderer.image(model.key(row)) is not None for row in range(3))

    qtbot.waitUntil(rendered, timeout=10_000)
    # Each page has an edge on the list's white: a thin frame around the white page.
    icon = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    [size] = icon.availableSizes()
    image = icon.pixmap(size).toImage()
    middle = image.height() // 2
    assert image.pixelColor(0, middle) == FRAME_COLOUR
    assert image.pixelColor(image.width() - 1, middle) == FRAME_COLOUR
    assert image.pixelColor(2, middle) == QColor("white")  # the page's margin
