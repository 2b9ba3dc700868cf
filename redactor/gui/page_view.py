"""The page view: every page of one document stacked for continuous scrolling, with its boxes.

Scene coordinates are PDF points (each page item sits at its offset in the stack); the view's
transform is the zoom in screen pixels per point. A mouse position therefore becomes a
displayed-page point with one mapping (viewport -> scene -> page item), the one conversion
the architecture asks for. Gestures become signals; the controller stores them.

Mouse: drag on a page draws a box; click selects a box (Ctrl+click adds/removes); drag a
selected box moves the selection; drag a handle resizes; Shift+drag selects by rectangle;
double-click on text makes a box around the word (Shift: the line); middle-drag pans; right-click
on a box selects it and asks for the box menu (`boxMenuRequested`).
Highlights mark places that are not boxes (a suggestion, a consistency finding) until replaced.
Keys: Delete removes the selection, arrows nudge it (Shift: 10 pt), Esc cancels.

Page items are made when a page comes near the window (or gets a box or a highlight), not for
every page of the document: opening a 1,000-page document lays out 1,000 offsets, not 1,000
scene items, and the pages scrolled past are dropped again. The geometry (`_tops`, `_page_pos`)
covers every page, so navigation and hit tests never need an item.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Iterable, Sequence
from enum import Enum, auto

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from redactor.core.geometry import Rect
from redactor.core.model import PageDecision, PageInfo, Redaction
from redactor.gui.box_item import NORMAL, BoxColours, BoxItem, from_qrect
from redactor.gui.page_item import PageItem
from redactor.gui.page_renderer import PageKey, PageRenderer, Producer, zoom_key

log = logging.getLogger(__name__)

GAP = 12.0  # points between pages
MIN_ZOOM = 0.1
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25
MIN_BOX_PX = 3.0  # a drag shorter than this (screen pixels) is a click, not a box
NUDGE = 1.0
NUDGE_BIG = 10.0
HIGHLIGHT = QColor("#aa00ff")  # unlike every box colour, in both palettes
HIGHLIGHT_PAD = 1.5  # points around the highlighted words
# Page items kept beyond those near the window before the farthest are dropped (pages with
# boxes or highlights are always kept: their items carry them).
SPARE_ITEMS = 24

# (page index) -> (cache variant, producer) of the export preview of that page.
PreviewSource = Callable[[int], tuple[str, Producer]]


class _Mode(Enum):
    NONE = auto()
    DRAW = auto()
    MOVE = auto()
    RESIZE = auto()
    RUBBER = auto()
    PAN = auto()


class FitMode(Enum):
    NONE = auto()
    WIDTH = auto()
    PAGE = auto()


class PageView(QGraphicsView):
    currentPageChanged = Signal(int)
    zoomChanged = Signal(float)
    boxDrawn = Signal(int, object)  # page index, Rect (displayed points)
    wordBoxRequested = Signal(int, object, bool)  # page index, QPointF (points), whole line
    boxesMoved = Signal(object)  # list[tuple[int, Rect]]: redaction id, new rect
    boxResized = Signal(int, object)  # redaction id, Rect
    editRequested = Signal(int)  # redaction id (double-click on a box)
    deleteRequested = Signal()
    selectionChanged = Signal()
    boxMenuRequested = Signal(QPoint)  # global position; the box under the mouse is selected
    # The first page image of a document (at the current zoom) was painted: work that should
    # not delay it can start (document id).
    documentPainted = Signal(int)

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor("#5f6368"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.document_id: int | None = None
        self._infos: list[PageInfo] = []  # every page of the document
        self._tops: list[float] = []  # scene y of each page's top, for bisecting
        self._width = 0.0  # the widest page: narrower ones are centred on it
        self._items: dict[int, PageItem] = {}  # page index -> item, only pages near the window
        self._decisions: dict[int, tuple[PageDecision, str]] = {}
        self._painted_first = True  # documentPainted was emitted for the document shown
        self._boxes: dict[int, BoxItem] = {}
        self._colours = NORMAL
        self._scale = 1.0
        self._fit = FitMode.WIDTH
        self._current = 0
        # The page the user went to by number or key: it stays "current" while it is visible,
        # even when zoomed out so far that a later page sits in the middle of the window.
        self._pinned: int | None = None
        self._preview: PreviewSource | None = None
        self._mode = _Mode.NONE
        self._press_scene = QPointF()
        self._press_view = QPoint()
        self._drag_page: PageItem | None = None
        self._temp: QGraphicsRectItem | None = None
        self._moving: list[tuple[BoxItem, QRectF]] = []
        self._resizing: tuple[BoxItem, str, QRectF] | None = None
        self._highlights: list[QGraphicsRectItem] = []
        self._highlighted: tuple[int, tuple[Rect, ...]] | None = None
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(0)
        self._visible_timer.timeout.connect(self._update_visible)
        self.renderer.pageReady.connect(self._page_ready)
        self.renderer.pageFailed.connect(self._page_ready)
        self.verticalScrollBar().valueChanged.connect(self._schedule_visible)
        self.horizontalScrollBar().valueChanged.connect(self._schedule_visible)
        self.scene().selectionChanged.connect(self.selectionChanged)
        self._warm_up()

    def _warm_up(self) -> None:
        """Pay one-time costs now, while the window is built, not while the first page of the
        first case waits: PySide sets up dozens of types the first time it hands out the
        viewport (4 ms), and more the first time a page's painting resolves its overloads."""
        self.viewport()
        image = QImage(8, 8, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            PageItem(PageInfo(0, 0, 8.0, 8.0, 0), lambda _item: None).paint(
                painter, QStyleOptionGraphicsItem()
            )
        finally:
            painter.end()

    # -- content ----------------------------------------------------------------------------

    def set_document(self, document_id: int | None, pages: Sequence[PageInfo]) -> None:
        # Forget the items before the scene deletes them: clearing emits selectionChanged.
        self._items = {}
        self._decisions = {}
        self._boxes = {}
        self._moving = []
        self._resizing = None
        self._temp = None
        self._drag_page = None
        self._highlights = []
        self._highlighted = None
        self.scene().clear()
        self._mode = _Mode.NONE
        self.document_id = document_id
        self._painted_first = document_id is None
        self._infos = list(pages)
        self._width = width = max((p.width for p in self._infos), default=0.0)
        tops = []
        y = GAP
        for page in self._infos:
            tops.append(y)
            y += page.height + GAP
        self._tops = tops
        self.scene().setSceneRect(QRectF(-GAP, 0, width + 2 * GAP, y))
        # Show or hide the scroll bars for the new height now rather than in a queued layout:
        # fitting the width to a viewport that then narrows would render every page twice.
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))
        self._current = 0
        self._apply_fit()
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._ensure_items(self.visible_pages())
        self._schedule_visible()

    def page_count(self) -> int:
        return len(self._infos)

    def page_item(self, page_index: int) -> PageItem:
        """The page's item, made now if the page has none (it is far from the window)."""
        item = self._items.get(page_index)
        if item is None:
            info = self._infos[page_index]
            item = PageItem(info, self._image_for)
            item.setPos(self._page_pos(page_index))
            item.preview = self._preview is not None
            decision = self._decisions.get(page_index)
            if decision is not None:
                item.set_decision(*decision)
            self.scene().addItem(item)
            self._items[page_index] = item
        return item

    def page_rect(self, page_index: int) -> QRectF:
        """Where the page is in the scene (points), whether or not it has an item."""
        info = self._infos[page_index]
        return QRectF(self._page_pos(page_index), QSizeF(info.width, info.height))

    def _page_pos(self, page_index: int) -> QPointF:
        return QPointF((self._width - self._infos[page_index].width) / 2, self._tops[page_index])

    def _ensure_items(self, pages: range) -> None:
        for index in pages:
            if index not in self._items:
                self.page_item(index)

    def _drop_far_items(self, keep: range) -> None:
        """Drop the items of pages far from the window once there are more than a few spare:
        scrolling through a document keeps a bounded number of items in the scene."""
        if len(self._items) <= len(keep) + SPARE_ITEMS:
            return
        for index in sorted(self._items, key=lambda i: -abs(i - (keep.start + keep.stop) / 2)):
            if len(self._items) <= len(keep) + SPARE_ITEMS // 2:
                break
            item = self._items[index]
            if index in keep or item is self._drag_page or item.childItems():
                continue
            del self._items[index]
            self.scene().removeItem(item)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Every page in the window has its item before the scene is drawn, however the window
        # got there (scrolling, zooming, resizing): a missing item would leave a hole.
        if self._infos:
            self._ensure_items(self.visible_pages())
        super().paintEvent(event)

    def set_redactions(self, redactions: Iterable[Redaction]) -> None:
        """Show these boxes (the document's current ones), keeping the selection by id."""
        selected = {b.redaction_id for b in self.selected_boxes()}
        wanted = {r.id: r for r in redactions if 0 <= r.page_index < len(self._infos)}
        for red_id in list(self._boxes):
            if red_id not in wanted:
                item = self._boxes.pop(red_id)
                self.scene().removeItem(item)
        for red_id, red in wanted.items():
            existing = self._boxes.get(red_id)
            if existing is None:
                item = BoxItem(red, self._colours, self.page_item(red.page_index))
                self._boxes[red_id] = item
            elif (item := existing).redaction != red:
                item.set_redaction(red)
            elif self._mode not in (_Mode.MOVE, _Mode.RESIZE):
                item.reset_rect()
            item.setVisible(self._preview is None)
            item.setSelected(red_id in selected)

    def set_decisions(
        self, decisions: Iterable[PageDecision], text_for: Callable[[PageDecision], str]
    ) -> None:
        self._decisions = {d.page_index: (d, text_for(d)) for d in decisions}
        for index, item in self._items.items():
            decision, text = self._decisions.get(index, (None, ""))
            if decision != item.decision or text != item.decision_text:
                item.set_decision(decision, text)

    def set_colours(self, colours: BoxColours) -> None:
        self._colours = colours
        for item in self._boxes.values():
            item.set_colours(colours)

    def box_items(self, page_index: int | None = None) -> list[BoxItem]:
        return [
            b
            for b in self._boxes.values()
            if page_index is None or b.redaction.page_index == page_index
        ]

    def box_item(self, redaction_id: int) -> BoxItem | None:
        return self._boxes.get(redaction_id)

    def selected_boxes(self) -> list[BoxItem]:
        return [b for b in self._boxes.values() if b.isSelected()]

    def select_boxes(self, ids: Iterable[int]) -> None:
        chosen = set(ids)
        for red_id, item in self._boxes.items():
            item.setSelected(red_id in chosen)

    def select_all_on_page(self) -> None:
        self.select_boxes(b.redaction_id for b in self.box_items(self._current))

    # -- highlights -------------------------------------------------------------------------

    def set_highlights(self, page_index: int, rects: Sequence[Rect]) -> None:
        """Mark places on a page that are not boxes (replacing the previous marks)."""
        self.clear_highlights()
        if not 0 <= page_index < len(self._infos) or not rects:
            return
        page = self.page_item(page_index)
        pen = QPen(HIGHLIGHT, 2)
        pen.setCosmetic(True)  # 2 screen pixels at any zoom
        fill = QColor(HIGHLIGHT)
        fill.setAlpha(45)
        for r in rects:
            item = QGraphicsRectItem(
                QRectF(r.x0, r.y0, r.width, r.height).adjusted(
                    -HIGHLIGHT_PAD, -HIGHLIGHT_PAD, HIGHLIGHT_PAD, HIGHLIGHT_PAD
                ),
                page,
            )
            item.setPen(pen)
            item.setBrush(fill)
            item.setZValue(15)  # over boxes: a finding may be about a redacted place
            self._highlights.append(item)
        self._highlighted = (page_index, tuple(rects))

    def clear_highlights(self) -> None:
        for item in self._highlights:
            self.scene().removeItem(item)
        self._highlights = []
        self._highlighted = None

    def highlighted(self) -> tuple[int, tuple[Rect, ...]] | None:
        """The highlighted page and rectangles, if any."""
        return self._highlighted

    # -- the export preview ----------------------------------------------------------------

    def set_preview(self, source: PreviewSource | None) -> None:
        """Show every page as the export renders it (`source`), or the page itself (None)."""
        self._preview = source
        for page in self._items.values():
            page.preview = source is not None
            page.update()
        for box in self._boxes.values():
            box.setVisible(source is None)
        self._schedule_visible()

    def preview_enabled(self) -> bool:
        return self._preview is not None

    def refresh_preview(self) -> None:
        """The boxes changed: visible pages ask for their new preview."""
        if self._preview is not None:
            self.viewport().update()
            self._schedule_visible()

    # -- rendering --------------------------------------------------------------------------

    def render_zoom(self) -> float:
        return zoom_key(self._scale * self.devicePixelRatioF())

    def _key_for(self, page_index: int) -> tuple[PageKey, Producer | None]:
        assert self.document_id is not None
        variant, producer = "", None
        if self._preview is not None:
            variant, producer = self._preview(page_index)
        return PageKey(self.document_id, page_index, self.render_zoom(), variant), producer

    def _image_for(self, item: PageItem) -> QImage | None:
        if self.document_id is None:
            return None
        key, producer = self._key_for(item.page_index)
        image = self.renderer.image(key)
        if image is not None:
            if not self._painted_first:
                self._painted_first = True
                self.documentPainted.emit(key.document_id)
            return image
        self.renderer.request(key, priority=10, producer=producer)
        return self.renderer.any_image(key.document_id, key.page_index, key.variant)

    def _page_ready(self, key: PageKey, *_: object) -> None:
        if key.document_id == self.document_id:
            item = self._items.get(key.page_index)
            if item is not None:
                item.update()

    def visible_pages(self) -> range:
        if not self._infos:
            return range(0)
        area = self.mapToScene(self.viewport().rect()).boundingRect()
        first = max(0, bisect.bisect_right(self._tops, area.top()) - 1)
        last = max(first, bisect.bisect_right(self._tops, area.bottom()) - 1)
        return range(first, min(last, len(self._infos) - 1) + 1)

    def _schedule_visible(self, *_: object) -> None:
        self._visible_timer.start()

    def _update_visible(self) -> None:
        if self.document_id is None or not self._infos:
            return
        visible = self.visible_pages()
        near = range(max(0, visible.start - 1), min(len(self._infos), visible.stop + 1))
        self._ensure_items(near)
        self._drop_far_items(near)
        keys = {}
        for index in near:
            keys[index] = self._key_for(index)
        self.renderer.set_wanted(key for key, _ in keys.values())
        # Prefetch the neighbours of what is on screen, after the visible pages.
        for index, (key, producer) in keys.items():
            if index not in visible:
                self.renderer.request(key, priority=1, producer=producer)
        self._track_current(visible)

    def _track_current(self, visible: range) -> None:
        area = self.mapToScene(self.viewport().rect()).boundingRect()
        # The page under a line a third down the window is the one being read.
        probe = area.top() + area.height() / 3
        index = max(0, bisect.bisect_right(self._tops, probe) - 1)
        index = min(index, len(self._infos) - 1)
        bar = self.verticalScrollBar()
        if visible and bar.maximum() > 0 and bar.value() >= bar.maximum():
            index = visible.stop - 1  # scrolled to the end: the last page is the current one
        if self._pinned is not None:
            if self._pinned in visible:
                index = self._pinned
            else:
                self._pinned = None
        if index != self._current:
            self._current = index
            self.currentPageChanged.emit(index)

    # -- zoom -------------------------------------------------------------------------------

    def zoom(self) -> float:
        """Screen pixels per point."""
        return self._scale

    def fit_mode(self) -> FitMode:
        return self._fit

    def set_zoom(
        self, scale: float, anchor: QPoint | None = None, *, keep_fit: bool = False
    ) -> None:
        scale = min(MAX_ZOOM, max(MIN_ZOOM, scale))
        if not keep_fit:
            self._fit = FitMode.NONE
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        scene_point = self.mapToScene(anchor)
        self._scale = scale
        self.setTransform(QTransform.fromScale(scale, scale))
        moved = self.mapFromScene(scene_point) - anchor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())
        self.zoomChanged.emit(scale)
        self._schedule_visible()

    def zoom_in(self) -> None:
        self.set_zoom(self._scale * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._scale / ZOOM_STEP)

    def fit_width(self) -> None:
        self._fit = FitMode.WIDTH
        self._apply_fit()

    def fit_page(self) -> None:
        self._fit = FitMode.PAGE
        self._apply_fit()

    def _apply_fit(self) -> None:
        if not self._infos or self._fit is FitMode.NONE:
            return
        page = self._infos[min(self._current, len(self._infos) - 1)]
        view = self.viewport().rect()
        by_width = (view.width() - 2 * GAP) / max(page.width, 1.0)
        scale = by_width
        if self._fit is FitMode.PAGE:
            scale = min(by_width, (view.height() - 2 * GAP) / max(page.height, 1.0))
        current = self._current
        self.set_zoom(scale, keep_fit=True)
        self.go_to_page(current)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._apply_fit()
        self._schedule_visible()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self._scale * (ZOOM_STEP**steps), event.position().toPoint())
            event.accept()
            return
        self._pinned = None
        super().wheelEvent(event)

    # -- navigation -------------------------------------------------------------------------

    def current_page(self) -> int:
        return self._current

    def go_to_page(self, page_index: int, focus: Rect | None = None) -> None:
        """Scroll so the page's top (or `focus`, a rectangle on it) is in view."""
        if not self._infos:
            return
        page_index = min(max(0, page_index), len(self._infos) - 1)
        pos = self._page_pos(page_index)
        if focus is not None:
            target = QRectF(focus.x0, focus.y0, focus.width, focus.height).translated(pos)
            self.centerOn(target.center())
        else:
            top = self.mapFromScene(QPointF(pos.x(), pos.y() - GAP / 2))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + top.y())
        self._pinned = page_index
        if page_index != self._current:
            self._current = page_index
            self.currentPageChanged.emit(page_index)
        self._schedule_visible()

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._current - 1)

    def first_page(self) -> None:
        self.go_to_page(0)

    def last_page(self) -> None:
        self.go_to_page(len(self._infos) - 1)

    def page_point_to_viewport(self, page_index: int, x: float, y: float) -> QPoint:
        """Where displayed point (x, y) of a page is in the viewport (tests, tooltips)."""
        return self.mapFromScene(self._page_pos(page_index) + QPointF(x, y))

    # -- mouse ------------------------------------------------------------------------------

    def _page_at(self, scene_point: QPointF) -> PageItem | None:
        index = bisect.bisect_right(self._tops, scene_point.y()) - 1
        if 0 <= index < len(self._infos) and self.page_rect(index).contains(scene_point):
            return self.page_item(index)
        return None

    def _box_at(self, page: PageItem, point: QPointF) -> BoxItem | None:
        candidates = [b for b in self.box_items(page.page_index) if b.contains_point(point)]
        if not candidates:
            return None
        # The smallest box wins: a small box drawn inside a large one stays reachable.
        return min(candidates, key=lambda b: b.rect().width() * b.rect().height())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._mode = _Mode.PAN
            self._press_view = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton or self._preview is not None:
            super().mousePressEvent(event)
            return
        scene_point = self.mapToScene(pos)
        page = self._page_at(scene_point)
        if page is None:
            self.scene().clearSelection()
            return
        local = page.mapFromScene(scene_point)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._press_scene = scene_point
        self._press_view = pos
        self._drag_page = page
        for box in self.box_items(page.page_index):
            handle = box.handle_at(local, self._scale)
            if handle is not None and not ctrl:
                self._mode = _Mode.RESIZE
                self._resizing = (box, handle, box.rect())
                return
        hit = self._box_at(page, local)
        if hit is not None:
            box = hit
            if ctrl:
                box.setSelected(not box.isSelected())
                self._mode = _Mode.NONE
                return
            if not box.isSelected():
                self.scene().clearSelection()
                box.setSelected(True)
            self._mode = _Mode.MOVE
            self._moving = [
                (b, b.rect()) for b in self.box_items(page.page_index) if b.isSelected()
            ]
            return
        if not ctrl:
            self.scene().clearSelection()
        self._mode = _Mode.RUBBER if shift else _Mode.DRAW
        self._temp = QGraphicsRectItem(QRectF(local, local), page)
        pen = QPen(QColor("#1565c0") if shift else QColor("#e08a00"), 0)
        pen.setStyle(Qt.PenStyle.DashLine)
        self._temp.setPen(pen)
        self._temp.setBrush(QColor(21, 101, 192, 30) if shift else QColor(224, 138, 0, 50))
        self._temp.setZValue(20)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._mode is _Mode.PAN:
            delta = pos - self._press_view
            self._press_view = pos
            self._pinned = None
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self._mode is _Mode.NONE or self._drag_page is None:
            self._update_cursor(pos)
            super().mouseMoveEvent(event)
            return
        page = self._drag_page
        local = page.mapFromScene(self.mapToScene(pos))
        bounds = page.page_rect()
        local = QPointF(
            min(max(local.x(), 0.0), bounds.width()), min(max(local.y(), 0.0), bounds.height())
        )
        start = page.mapFromScene(self._press_scene)
        if self._mode in (_Mode.DRAW, _Mode.RUBBER) and self._temp is not None:
            self._temp.setRect(QRectF(start, local).normalized())
        elif self._mode is _Mode.MOVE:
            dx, dy = local.x() - start.x(), local.y() - start.y()
            dx, dy = _clamp_move([r for _, r in self._moving], dx, dy, bounds)
            for box, original in self._moving:
                box.set_rect(original.translated(dx, dy))
        elif self._mode is _Mode.RESIZE and self._resizing is not None:
            box, handle, original = self._resizing
            box.set_rect(_resized(original, handle, local))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        mode, self._mode = self._mode, _Mode.NONE
        pos = event.position().toPoint()
        moved_px = (pos - self._press_view).manhattanLength()
        page = self._drag_page
        self._drag_page = None
        if mode is _Mode.PAN:
            self.viewport().unsetCursor()
            return
        if mode in (_Mode.DRAW, _Mode.RUBBER) and self._temp is not None and page is not None:
            rect = self._temp.rect()
            self.scene().removeItem(self._temp)
            self._temp = None
            too_small = (
                rect.width() * self._scale < MIN_BOX_PX or rect.height() * self._scale < MIN_BOX_PX
            )
            if mode is _Mode.RUBBER:
                for box in self.box_items(page.page_index):
                    if box.rect().intersects(rect):
                        box.setSelected(True)
            elif not too_small:
                self.boxDrawn.emit(page.page_index, from_qrect(rect))
            return
        if mode is _Mode.MOVE:
            moving, self._moving = self._moving, []
            if moved_px > 0 and any(box.rect() != original for box, original in moving):
                self.boxesMoved.emit(
                    [(box.redaction_id, from_qrect(box.rect())) for box, _ in moving]
                )
            return
        if mode is _Mode.RESIZE and self._resizing is not None:
            box, _, original = self._resizing
            self._resizing = None
            if box.rect() != original:
                self.boxResized.emit(box.redaction_id, from_qrect(box.rect()))
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._preview is not None:
            return
        scene_point = self.mapToScene(event.position().toPoint())
        page = self._page_at(scene_point)
        if page is None:
            return
        local = page.mapFromScene(scene_point)
        box = self._box_at(page, local)
        if box is not None:
            self.editRequested.emit(box.redaction_id)
            return
        whole_line = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.wordBoxRequested.emit(page.page_index, local, whole_line)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._preview is not None or self._mode is not _Mode.NONE:
            return
        scene_point = self.mapToScene(event.pos())
        page = self._page_at(scene_point)
        box = self._box_at(page, page.mapFromScene(scene_point)) if page is not None else None
        if box is None:
            super().contextMenuEvent(event)
            return
        if not box.isSelected():
            self.scene().clearSelection()
            box.setSelected(True)
        event.accept()
        self.boxMenuRequested.emit(event.globalPos())

    def _update_cursor(self, pos: QPoint) -> None:
        scene_point = self.mapToScene(pos)
        page = self._page_at(scene_point)
        cursor = Qt.CursorShape.ArrowCursor
        if page is not None and self._preview is None:
            local = page.mapFromScene(scene_point)
            cursor = Qt.CursorShape.CrossCursor
            for box in self.box_items(page.page_index):
                handle = box.handle_at(local, self._scale)
                if handle is not None:
                    cursor = _HANDLE_CURSORS[handle]
                    break
            else:
                if self._box_at(page, local) is not None:
                    cursor = Qt.CursorShape.SizeAllCursor
        self.viewport().setCursor(cursor)

    # -- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_boxes():
            self.deleteRequested.emit()
            return
        if key == Qt.Key.Key_Escape:
            self._cancel_gesture()
            return
        arrows: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and self.selected_boxes():
            step = NUDGE_BIG if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE
            self._nudge(arrows[key][0] * step, arrows[key][1] * step)
            return
        self._pinned = None
        super().keyPressEvent(event)

    def _nudge(self, dx: float, dy: float) -> None:
        moved = []
        for box in self.selected_boxes():
            page = box.parentItem()
            assert isinstance(page, PageItem)
            ddx, ddy = _clamp_move([box.rect()], dx, dy, page.page_rect())
            if ddx or ddy:
                moved.append((box.redaction_id, from_qrect(box.rect().translated(ddx, ddy))))
        if moved:
            self.boxesMoved.emit(moved)

    def _cancel_gesture(self) -> None:
        if self._temp is not None:
            self.scene().removeItem(self._temp)
            self._temp = None
        for box, original in self._moving:
            box.set_rect(original)
        self._moving = []
        if self._resizing is not None:
            self._resizing[0].set_rect(self._resizing[2])
            self._resizing = None
        if self._mode is _Mode.NONE:
            self.scene().clearSelection()
        self._mode = _Mode.NONE

    def event(self, event: QEvent) -> bool:
        # Delete, Backspace and the arrows belong to the view when boxes are selected, even if
        # a window action uses the same key.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Escape)
            and (self.selected_boxes() or self._mode is not _Mode.NONE)
        ):
            event.accept()
            return True
        return super().event(event)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self._preview is not None:
            painter.save()
            painter.resetTransform()
            painter.setPen(QColor("#ffd600"))
            painter.fillRect(QRectF(8, 8, 150, 24), QColor(0, 0, 0, 170))
            painter.drawText(
                QRectF(8, 8, 150, 24), Qt.AlignmentFlag.AlignCenter, self.tr("As exported")
            )
            painter.restore()


_HANDLE_CURSORS = {
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
    "t": Qt.CursorShape.SizeVerCursor,
    "b": Qt.CursorShape.SizeVerCursor,
    "l": Qt.CursorShape.SizeHorCursor,
    "r": Qt.CursorShape.SizeHorCursor,
}


def _clamp_move(rects: list[QRectF], dx: float, dy: float, bounds: QRectF) -> tuple[float, float]:
    """Limit a move so that every rectangle stays on the page."""
    for r in rects:
        dx = min(max(dx, bounds.left() - r.left()), bounds.right() - r.right())
        dy = min(max(dy, bounds.top() - r.top()), bounds.bottom() - r.bottom())
    return dx, dy


def _resized(original: QRectF, handle: str, point: QPointF) -> QRectF:
    left, top, right, bottom = original.left(), original.top(), original.right(), original.bottom()
    if "l" in handle:
        left = point.x()
    if "r" in handle:
        right = point.x()
    if "t" in handle:
        top = point.y()
    if "b" in handle:
        bottom = point.y()
    return QRectF(QPointF(left, top), QPointF(right, bottom)).normalized()
