"""Driving the real window from tests: mouse gestures in page points, modal dialogs by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from redactor.core.geometry import Rect
from redactor.gui.application import Gui
from redactor.gui.ground_picker import GroundPicker
from redactor.gui.page_renderer import PageKey
from redactor.gui.page_view import PageView

W = TypeVar("W", bound=QWidget)


def open_case(qtbot: QtBot, gui: Gui, path: Path) -> None:
    assert gui.window.open_case(str(path))
    qtbot.waitUntil(lambda: gui.window.view.page_count() > 0, timeout=5000)
    # The panels are filled once the first page is painted (CaseController.finish_opening).
    qtbot.waitUntil(lambda: not gui.window.case.opening, timeout=5000)


def wait_rendered(qtbot: QtBot, view: PageView, page_index: int, variant: str = "") -> None:
    def ready() -> bool:
        assert view.document_id is not None
        view.viewport().repaint()
        key = PageKey(view.document_id, page_index, view.render_zoom(), variant)
        return view.renderer.image(key) is not None

    qtbot.waitUntil(ready, timeout=10_000)


def viewport_point(view: PageView, page_index: int, x: float, y: float) -> QPoint:
    return view.page_point_to_viewport(page_index, x, y)


def drag(
    qtbot: QtBot,
    view: PageView,
    page_index: int,
    start: tuple[float, float],
    end: tuple[float, float],
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press at `start`, move in steps, release at `end` (page points of `page_index`)."""
    viewport = view.viewport()
    p0 = viewport_point(view, page_index, *start)
    p1 = viewport_point(view, page_index, *end)
    if not (viewport.rect().contains(p0) and viewport.rect().contains(p1)):
        # Scroll as a user would before dragging: both ends in view.
        view.go_to_page(page_index, focus=Rect.normalized(*start, *end))
        p0 = viewport_point(view, page_index, *start)
        p1 = viewport_point(view, page_index, *end)
    assert viewport.rect().contains(p0) and viewport.rect().contains(p1), (p0, p1, viewport.rect())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, p0)
    for step in (0.25, 0.5, 0.75, 1.0):
        qtbot.mouseMove(
            viewport,
            QPoint(
                round(p0.x() + (p1.x() - p0.x()) * step), round(p0.y() + (p1.y() - p0.y()) * step)
            ),
        )
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, p1)


def click(
    qtbot: QtBot,
    view: PageView,
    page_index: int,
    point: tuple[float, float],
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        modifier,
        viewport_point(view, page_index, *point),
    )


def when_modal(
    qtbot: QtBot, kind: type[W], act: Callable[[W], None], timeout_ms: int = 5000
) -> list[W]:
    """Schedule `act(dialog)` for when a modal dialog of `kind` opens. Returns a list that holds
    the dialog once it was handled (assert on it after the action that opened it)."""
    handled: list[W] = []
    waited = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            handled.append(widget)
            act(widget)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return handled


def pick_ground_by_typing(qtbot: QtBot, text: str) -> list[QWidget]:
    """Answer the ground picker: type `text` (starting in the list, as a user would) and Enter."""

    def act(widget: QWidget) -> None:
        assert isinstance(widget, GroundPicker)
        qtbot.keyClick(widget.list, text[0])
        qtbot.keyClicks(widget.search, text[1:])
        qtbot.keyClick(widget.search, Qt.Key.Key_Return)

    return when_modal(qtbot, GroundPicker, act)


def press_shortcut(
    qtbot: QtBot,
    widget: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key press as the user makes it: window shortcuts need the window to be active (a
    closed modal dialog does not always give activation back on the offscreen platform)."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(widget, key, modifier)
