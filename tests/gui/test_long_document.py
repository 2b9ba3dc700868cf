"""The page view on a 1,000-page document: scene items only for pages near the window, yet every
page where its geometry says (navigation, painting and boxes far down the document), and the
first page rendered once, at the zoom it is shown at."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from redactor.app.session import CaseSession
from redactor.core.model import PageDecisionKind, Redaction
from redactor.gui.application import Gui
from redactor.gui.page_item import PageItem
from redactor.gui.page_renderer import PageKey
from redactor.gui.page_view import GAP, SPARE_ITEMS, PageView
from tests.gui.conftest import REVIEWER
from tests.gui.driving import drag, open_case, pick_ground_by_typing, viewport_point, wait_rendered

pytestmark = pytest.mark.gui

PAGES = 1000
SIZES = ((595.0, 842.0), (842.0, 595.0), (420.0, 595.0))  # page n has SIZES[n % 3]


def rotated(n: int) -> bool:
    return n % 7 == 6  # /Rotate 90: shown with width and height swapped


def displayed_size(n: int) -> tuple[float, float]:
    w, h = SIZES[n % 3]
    return (h, w) if rotated(n) else (w, h)


@pytest.fixture
def long_case(tmp_path: Path) -> Path:
    doc = pymupdf.open()
    try:
        for n in range(PAGES):
            w, h = SIZES[n % 3]
            page = doc.new_page(width=w, height=h)
            page.insert_text((40, 60), f"Pagina {n + 1} van het dossier", fontsize=14)
            if rotated(n):
                page.set_rotation(90)
        doc.save(tmp_path / "dossier.pdf")
    finally:
        doc.close()
    path = tmp_path / "lang.redactor"
    with CaseSession.create(str(path), reviewer=REVIEWER) as session:
        [document] = session.add_documents([tmp_path / "dossier.pdf"])
        session.withhold_page(document.id, 700, ["5.1.2e"])
    return path


def page_items(view: PageView) -> dict[int, PageItem]:
    return {i.page_index: i for i in view.scene().items() if isinstance(i, PageItem)}


def expected_rect(n: int) -> QRectF:
    """Where page n belongs, worked out independently: stacked with GAP between pages, each
    centred on the widest page."""
    widest = max(max(displayed_size(i)) for i in range(3 * 7))  # every size and rotation occurs
    top = GAP + sum(displayed_size(i)[1] + GAP for i in range(n))
    w, h = displayed_size(n)
    return QRectF((widest - w) / 2, top, w, h)


def stored(path: Path) -> list[Redaction]:
    with CaseSession.open(str(path), reviewer=REVIEWER) as session:
        return session.redactions()


def test_every_page_is_laid_out_but_few_have_items(qtbot: QtBot, gui: Gui, long_case: Path) -> None:
    open_case(qtbot, gui, long_case)
    view = gui.window.view
    assert view.page_count() == PAGES
    items = page_items(view)
    assert set(view.visible_pages()) <= set(items)
    assert len(items) <= 2 * len(view.visible_pages()) + 2, sorted(items)
    for n in (0, 1, 2, 6, 7, 500, 699, 899, 999):
        assert view.page_rect(n) == expected_rect(n), n
    assert view.scene().sceneRect().bottom() == pytest.approx(expected_rect(999).bottom() + GAP)


def test_page_900_scrolled_to_is_painted_and_takes_a_box(
    qtbot: QtBot, gui: Gui, long_case: Path
) -> None:
    open_case(qtbot, gui, long_case)
    view = gui.window.view
    # Dragging the scroll bar far down and painting at once, before any event is handled:
    # the page there is drawn (a white placeholder), not a hole.
    bar = view.verticalScrollBar()
    bar.setValue(view.mapFromScene(expected_rect(500).topLeft()).y() + bar.value())
    image = view.viewport().grab().toImage()
    w, h = displayed_size(500)
    assert QColor(image.pixel(viewport_point(view, 500, w / 2, h / 2))).lightness() > 240

    view.go_to_page(899)
    wait_rendered(qtbot, view, 899)
    assert 899 in view.visible_pages() and view.current_page() == 899
    item = page_items(view)[899]
    assert QRectF(item.pos(), item.page_rect().size()) == expected_rect(899)
    # The page is painted where it belongs: white paper, not the grey behind the pages.
    image = view.viewport().grab().toImage()
    w, h = displayed_size(899)
    assert QColor(image.pixel(viewport_point(view, 899, w / 2, h / 2))).lightness() > 240
    assert QColor(image.pixel(viewport_point(view, 899, -GAP / 2, h / 2))).lightness() < 120

    picked = pick_ground_by_typing(qtbot, "5.1.2e")
    drag(qtbot, view, 899, (100, 200), (300, 260))
    assert picked, "the ground picker did not open"
    [box] = stored(long_case)
    assert (box.page_index, box.grounds) == (899, ("5.1.2e",))
    tolerance = 1 / view.zoom() + 1e-6  # one screen pixel
    assert all(
        abs(a - b) <= tolerance
        for a, b in zip(box.rect.as_tuple(), (100, 200, 300, 260), strict=True)
    ), box.rect
    box_item = view.box_item(box.id)
    assert box_item is not None and box_item.parentItem() is view.page_item(899)

    # Paging back through the document keeps the number of items bounded; the page that
    # carries a box keeps its item (and the box).
    for n in range(899, -1, -37):
        view.go_to_page(n)
        qtbot.wait(1)
    view.go_to_page(0)
    qtbot.waitUntil(lambda: 0 in page_items(view), timeout=2000)
    qtbot.wait(20)
    items = page_items(view)
    assert len(items) <= len(view.visible_pages()) + 2 + SPARE_ITEMS, len(items)
    assert 899 in items and view.box_item(box.id) is not None


def test_a_far_page_made_later_shows_its_decision_and_the_preview_mode(
    qtbot: QtBot, gui: Gui, long_case: Path
) -> None:
    open_case(qtbot, gui, long_case)
    window, view = gui.window, gui.window.view
    assert 700 not in page_items(view)
    window.set_preview(True)
    view.go_to_page(700)
    qtbot.waitUntil(lambda: 700 in page_items(view), timeout=2000)
    item = page_items(view)[700]
    assert item.decision is not None and item.decision.kind is PageDecisionKind.WITHHELD
    assert "5.1.2e" in item.decision_text
    assert item.preview
    window.set_preview(False)
    assert not item.preview


def test_the_first_page_is_rendered_once_at_the_zoom_it_is_shown_at(
    qtbot: QtBot, gui: Gui, long_case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fitting the width before the scroll bar appears would render page 1 for a viewport
    that then narrows, and again for the narrower one, while the reviewer waits."""
    renderer = gui.window.renderer
    asked: list[PageKey] = []
    request = renderer.request

    def record(key: PageKey, **kwargs: object) -> bool:
        if kwargs.get("channel", "view") == "view":
            asked.append(key)
        return request(key, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(renderer, "request", record)
    open_case(qtbot, gui, long_case)
    view = gui.window.view
    wait_rendered(qtbot, view, 0)
    assert view.verticalScrollBar().isVisible()
    first = {key.zoom for key in asked if key.page_index == 0}
    assert first == {view.render_zoom()}, (first, view.render_zoom())
