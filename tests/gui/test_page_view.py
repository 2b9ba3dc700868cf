"""The page view driven with the mouse and keyboard: boxes land where they were drawn, in PDF
points of the page as displayed, at any zoom and on rotated pages; edits are stored and undoable.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from redactor.app.session import CaseSession
from redactor.core.geometry import Rect
from redactor.core.model import Redaction
from redactor.gui.application import Gui
from redactor.gui.ground_picker import GroundPicker
from redactor.pdf import render as render_module
from redactor.pdf.text import page_text
from tests.gui.conftest import REVIEWER, SECOND, Messages
from tests.gui.driving import (
    click,
    drag,
    open_case,
    pick_ground_by_typing,
    press_shortcut,
    viewport_point,
    wait_rendered,
    when_modal,
)

pytestmark = pytest.mark.gui


def stored(path: Path) -> list[Redaction]:
    with CaseSession.open(str(path), reviewer=REVIEWER) as session:
        return session.redactions()


def approx_rect(rect: object, expected: tuple[float, float, float, float], tol: float) -> bool:
    values = rect.as_tuple()  # type: ignore[attr-defined]
    return all(abs(a - b) <= tol for a, b in zip(values, expected, strict=True))


def test_draw_box_at_zoom_stores_pdf_rectangle(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    view = gui.window.view
    view.set_zoom(2.0)
    view.go_to_page(1, focus=Rect(60, 40, 220, 70))
    wait_rendered(qtbot, view, 1)
    picked = pick_ground_by_typing(qtbot, "5.1.2e")
    drag(qtbot, view, 1, (60, 40), (220, 70))
    assert picked, "the ground picker did not open"
    boxes = stored(case_path)
    assert len(boxes) == 1
    box = boxes[0]
    assert (box.document_id, box.page_index, box.grounds) == (1, 1, ("5.1.2e",))
    # One screen pixel is half a point at 200 %: the stored rectangle is exact to that.
    assert approx_rect(box.rect, (60, 40, 220, 70), 0.5 + 1e-6), box.rect
    assert box.author == REVIEWER
    assert view.box_item(box.id) is not None


def test_draw_box_on_rotated_page_covers_the_word_shown_there(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    """On a page with /Rotate 90 the box drawn over a word (where the word is displayed) is
    stored in displayed coordinates, and the pixels under it are that word's."""
    open_case(qtbot, gui, case_path)
    gui.window.case.show_document(2)
    view = gui.window.view
    page_info = gui.window.case.pages[0]
    assert page_info.rotation == 90 and page_info.width > page_info.height  # landscape as shown
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        source = session.source(2)
    doc = pymupdf.open(stream=source, filetype="pdf")
    try:
        word = next(w for w in page_text(doc, 0).words if w.text == "Jansen")
    finally:
        doc.close()
    r = word.rect
    assert r.height > r.width  # the word runs down the page as displayed
    view.set_zoom(1.5)
    view.go_to_page(0, focus=r)
    wait_rendered(qtbot, view, 0)
    # Where the word is on screen, the rendered page has dark (text) pixels.
    image = view.viewport().grab().toImage()
    dark = 0
    for fx in (0.2, 0.4, 0.6, 0.8):
        for fy in (0.3, 0.5, 0.7):
            p = viewport_point(view, 0, r.x0 + fx * r.width, r.y0 + fy * r.height)
            assert image.rect().contains(p)
            dark += QColor(image.pixel(p)).lightness() < 160
    assert dark >= 2, "the word is not where the view shows it"
    pick_ground_by_typing(qtbot, "5.1.2e")
    drag(qtbot, view, 0, (r.x0 - 2, r.y0 - 2), (r.x1 + 2, r.y1 + 2))
    [box] = stored(case_path)
    assert box.document_id == 2
    assert approx_rect(box.rect, (r.x0 - 2, r.y0 - 2, r.x1 + 2, r.y1 + 2), 1 / 1.5 + 1e-6)
    assert box.rect.contains(word.rect)


def test_escape_in_picker_draws_nothing(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    view = gui.window.view
    wait_rendered(qtbot, view, 0)
    when_modal(qtbot, GroundPicker, lambda d: qtbot.keyClick(d.list, Qt.Key.Key_Escape))
    drag(qtbot, view, 0, (50, 50), (150, 90))
    assert stored(case_path) == []


def _draw(
    qtbot: QtBot,
    gui: Gui,
    page: int,
    start: tuple[float, float],
    end: tuple[float, float],
    ground: str = "5.1.2e",
) -> Redaction:
    before = {r.id for r in gui.window.case.redactions}
    pick_ground_by_typing(qtbot, ground)
    drag(qtbot, gui.window.view, page, start, end)
    new = [r for r in gui.window.case.redactions if r.id not in before]
    assert len(new) == 1
    return new[0]


def test_move_resize_delete_with_undo_and_redo(
    qtbot: QtBot, gui: Gui, case_path: Path, messages: Messages
) -> None:
    open_case(qtbot, gui, case_path)
    view = gui.window.view
    view.set_zoom(1.0)
    view.go_to_page(0)
    wait_rendered(qtbot, view, 0)
    box = _draw(qtbot, gui, 0, (100, 100), (200, 140))
    stack = gui.window.edits.undo_stack

    # Move: drag the box by its middle 30 pt right and 20 pt down.
    drag(qtbot, view, 0, (150, 120), (180, 140))
    [moved] = stored(case_path)
    assert approx_rect(moved.rect, (130, 120, 230, 160), 1.01)
    assert moved.id == box.id and moved.version == box.version + 1

    # Resize: the box is selected; drag its bottom-right handle.
    drag(qtbot, view, 0, (moved.rect.x1, moved.rect.y1), (260, 200))
    [resized] = stored(case_path)
    assert approx_rect(resized.rect, (130, 120, 260, 200), 1.01)

    # Delete with the key.
    view.setFocus()
    press_shortcut(qtbot, view, Qt.Key.Key_Delete)
    assert stored(case_path) == []
    assert view.box_items() == []

    # Undo three times: back, smaller, then where it was drawn.
    stack.undo()
    [restored] = stored(case_path)
    assert approx_rect(restored.rect, resized.rect.as_tuple(), 1e-6)
    stack.undo()
    assert approx_rect(stored(case_path)[0].rect, moved.rect.as_tuple(), 1e-6)
    stack.undo()
    assert approx_rect(stored(case_path)[0].rect, box.rect.as_tuple(), 1e-6)
    stack.undo()  # the drawing itself
    assert stored(case_path) == []
    # Redo everything with the keyboard shortcut.
    for _ in range(4):
        qtbot.keyClick(
            gui.window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert stored(case_path) == []  # the last redo deleted it again
    assert stack.index() == 4, (stack.index(), stack.count(), messages.texts())
    stack.undo()
    assert stored(case_path), messages.texts()
    assert approx_rect(stored(case_path)[0].rect, resized.rect.as_tuple(), 1e-6)


def test_multi_select_and_move_together(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    view = gui.window.view
    view.set_zoom(1.0)
    wait_rendered(qtbot, view, 0)
    a = _draw(qtbot, gui, 0, (100, 100), (150, 120))
    b = _draw(qtbot, gui, 0, (100, 200), (150, 220))
    click(qtbot, view, 0, (120, 110))
    click(qtbot, view, 0, (120, 210), Qt.KeyboardModifier.ControlModifier)
    assert {i.redaction_id for i in view.selected_boxes()} == {a.id, b.id}
    drag(qtbot, view, 0, (120, 110), (120, 150))
    rects = {r.id: r.rect for r in stored(case_path)}
    assert approx_rect(rects[a.id], (100, 140, 150, 160), 1.01)
    assert approx_rect(rects[b.id], (100, 240, 150, 260), 1.01)
    gui.window.edits.undo_stack.undo()  # one step for the whole move
    rects = {r.id: r.rect for r in stored(case_path)}
    assert approx_rect(rects[a.id], a.rect.as_tuple(), 1e-6)
    assert approx_rect(rects[b.id], b.rect.as_tuple(), 1e-6)


def test_ground_picker_number_keys_pick_most_used(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    view = gui.window.view
    wait_rendered(qtbot, view, 0)
    _draw(qtbot, gui, 0, (50, 50), (100, 80), ground="5.1.1e")
    _draw(qtbot, gui, 0, (50, 150), (100, 180), ground="5.1.2e")
    _draw(qtbot, gui, 0, (50, 250), (100, 280), ground="5.1.2e")
    # 5.1.2e was used most: it is number 1; 5.1.1e number 2.
    when_modal(qtbot, GroundPicker, lambda d: qtbot.keyClick(d.list, "2"))
    drag(qtbot, view, 0, (200, 50), (260, 80))
    newest = max(stored(case_path), key=lambda r: r.id)
    assert newest.grounds == ("5.1.1e",)


def test_picker_shows_label_and_motivation_requirement(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    open_case(qtbot, gui, case_path)
    session = gui.window.case.session
    assert session is not None
    picker = GroundPicker(session.catalog, "nl")
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "5.1.2e")
    assert picker.selected_codes() == ["5.1.2e"]
    assert "persoonlijke levenssfeer" in picker.details.text().lower()
    assert "Motivation required" in picker.details.text()
    picker.search.clear()
    qtbot.keyClicks(picker.search, "5.1.1e")
    assert "Motivation required" not in picker.details.text()


def test_snap_to_text_makes_the_box_tight_around_words(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    window.window_actions["snap_to_text"].setChecked(True)
    view = window.view
    view.set_zoom(1.5)
    wait_rendered(qtbot, view, 0)
    qtbot.waitUntil(lambda: window.edits.words(0) is not None, timeout=5000)
    words = window.edits.words(0)
    assert words is not None
    jan = next(w for w in words.words if w.text == "Jan")
    vries = next(w for w in words.words if w.text == "Vries")
    # A sloppy drag across "Jan de Vries", a few points too large all round.
    pick_ground_by_typing(qtbot, "5.1.2e")
    drag(qtbot, view, 0, (jan.rect.x0 - 4, jan.rect.y0 - 5), (vries.rect.x1 + 3, vries.rect.y1 + 6))
    [box] = stored(case_path)
    assert approx_rect(box.rect, (jan.rect.x0, jan.rect.y0, vries.rect.x1, vries.rect.y1), 0.01)


def test_double_click_a_word_boxes_it(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    view = window.view
    wait_rendered(qtbot, view, 0)
    qtbot.waitUntil(lambda: window.edits.words(0) is not None, timeout=5000)
    words = window.edits.words(0)
    assert words is not None
    word = next(w for w in words.words if w.text == "Utrecht.")
    center = ((word.rect.x0 + word.rect.x1) / 2, (word.rect.y0 + word.rect.y1) / 2)
    pick_ground_by_typing(qtbot, "5.1.2e")
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(view, 0, *center)
    )
    [box] = stored(case_path)
    assert approx_rect(box.rect, word.rect.as_tuple(), 0.01)


def test_page_navigation_by_keys_and_number(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    view = window.view
    view.fit_page()
    view.setFocus()
    assert view.current_page() == 0
    press_shortcut(qtbot, view, Qt.Key.Key_PageDown)
    assert view.current_page() == 1
    assert window.page_spin.value() == 2
    press_shortcut(qtbot, view, Qt.Key.Key_End)
    assert view.current_page() == 2
    press_shortcut(qtbot, view, Qt.Key.Key_PageUp)
    assert view.current_page() == 1
    press_shortcut(qtbot, view, Qt.Key.Key_Home)
    assert view.current_page() == 0
    window.page_spin.setValue(2)
    assert view.current_page() == 1
    # The page is in view: its top is near the top of the window.
    top = view.page_point_to_viewport(1, 0, 0)
    assert 0 <= top.y() <= 20
    # Next document by shortcut.
    press_shortcut(qtbot, view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.case.document is not None and window.case.document.id == 2


def test_zoom_keys_and_fit(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    view = window.view
    view.fit_width()
    fit = view.zoom()
    page_px = view.page_point_to_viewport(0, 595, 0).x() - view.page_point_to_viewport(0, 0, 0).x()
    assert abs(page_px - (view.viewport().width() - 24)) <= 2
    window.window_actions["zoom_in"].trigger()
    assert view.zoom() == pytest.approx(fit * 1.25)
    press_shortcut(qtbot, view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(fit)
    window.window_actions["fit_page"].trigger()
    page_h = view.page_point_to_viewport(0, 0, 842).y() - view.page_point_to_viewport(0, 0, 0).y()
    assert page_h <= view.viewport().height()


def test_rendering_happens_in_the_render_process_called_off_the_gui_thread(
    qtbot: QtBot, gui: Gui, case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MuPDF holds the GIL while it renders, so pages render in a child process; the call to
    it waits on a worker thread, never on the GUI thread."""
    threads: list[threading.Thread] = []
    service = gui.window.renderer.service
    assert service is not None and service.pid is not None and service.pid != os.getpid()
    original = type(service).render

    def recording(self: object, *args: object, **kwargs: object) -> render_module.RenderedPage:
        threads.append(threading.current_thread())
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    def in_process(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("rendered in the GUI process")

    monkeypatch.setattr(type(service), "render", recording)
    monkeypatch.setattr("redactor.gui.page_renderer.render_page", in_process)
    open_case(qtbot, gui, case_path)
    wait_rendered(qtbot, gui.window.view, 0)
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_render_cache_stays_within_its_bound(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    renderer = gui.window.renderer
    renderer.max_bytes = 6 * 1024 * 1024  # one page at 150 % (4.5 MB), not two
    view = gui.window.view
    view.set_zoom(1.5)
    for page in range(3):
        view.go_to_page(page)
        wait_rendered(qtbot, view, page)
        assert renderer.cached_bytes() <= renderer.max_bytes


def test_another_reviewers_change_appears_without_reopening(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    open_case(qtbot, gui, case_path)
    view = gui.window.view
    assert view.box_items() == []
    with CaseSession.open(str(case_path), reviewer=SECOND) as other:
        other.add_redaction(1, 0, Rect(10, 10, 60, 30), ["5.1.2e"])
    qtbot.waitUntil(lambda: len(view.box_items()) == 1, timeout=5000)  # polled every 2 s


def test_stale_move_is_refused_with_a_message(
    qtbot: QtBot, gui: Gui, case_path: Path, messages: Messages
) -> None:
    open_case(qtbot, gui, case_path)
    view = gui.window.view
    view.set_zoom(1.0)
    wait_rendered(qtbot, view, 0)
    box = _draw(qtbot, gui, 0, (100, 100), (200, 140))
    gui.window.case.timer.stop()  # we want the stale copy
    with CaseSession.open(str(case_path), reviewer=SECOND) as other:
        other.update_redaction(box.id, box.version, rect=Rect(300, 300, 400, 340))
    drag(qtbot, view, 0, (150, 120), (150, 200))
    assert any("changed by someone else" in t for t in messages.texts())
    [now] = stored(case_path)
    assert approx_rect(now.rect, (300, 300, 400, 340), 1e-6)  # nothing overwritten
