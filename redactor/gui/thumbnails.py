"""Page thumbnails of the document on screen: click to go to a page; marks show page state.

The list asks for a thumbnail only when it paints that row, so only visible rows are ever
rendered; the renderer's "thumbnails" channel drops requests that scrolled away.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from redactor.core.model import PageDecision, PageDecisionKind, PageInfo, Redaction
from redactor.gui.page_renderer import PageKey, PageRenderer, zoom_key

log = logging.getLogger(__name__)

THUMB_WIDTH = 120
MAX_ICONS = 300  # about 20 MB of thumbnails
# A thin frame: a white page on the list's white background otherwise has no edge.
FRAME_COLOUR = QColor("#9e9e9e")
Index = QModelIndex | QPersistentModelIndex


class ThumbnailsModel(QAbstractListModel):
    def __init__(self, renderer: PageRenderer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.document_id: int | None = None
        self._pages: list[PageInfo] = []
        self._boxes: dict[int, int] = {}
        self._decisions: dict[int, PageDecision] = {}
        self._placeholder: dict[tuple[int, int], QIcon] = {}
        self._icons: dict[PageKey, QIcon] = {}
        renderer.pageReady.connect(self._ready)

    def set_pages(
        self,
        document_id: int | None,
        pages: list[PageInfo],
        redactions: list[Redaction],
        decisions: list[PageDecision],
    ) -> None:
        boxes: dict[int, int] = {}
        for red in redactions:
            boxes[red.page_index] = boxes.get(red.page_index, 0) + 1
        decision_map = {d.page_index: d for d in decisions}
        if document_id == self.document_id and len(pages) == len(self._pages):
            self._pages, self._boxes, self._decisions = list(pages), boxes, decision_map
            if pages:
                self.dataChanged.emit(self.index(0), self.index(len(pages) - 1))
            return
        self.beginResetModel()
        self._icons.clear()
        self.document_id = document_id
        self._pages, self._boxes, self._decisions = list(pages), boxes, decision_map
        self.endResetModel()

    def key(self, row: int) -> PageKey:
        page = self._pages[row]
        assert self.document_id is not None
        return PageKey(self.document_id, row, zoom_key(THUMB_WIDTH / max(page.width, 1.0)))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pages):
            return None
        row = index.row()
        page = self._pages[row]
        if role == Qt.ItemDataRole.DisplayRole:
            marks = []
            if page.reviewed_by:
                marks.append("✓")
            decision = self._decisions.get(row)
            if decision is not None:
                marks.append("⊘" if decision.kind is PageDecisionKind.WITHHELD else "∅")
            if self._boxes.get(row):
                marks.append(f"▮{self._boxes[row]}")
            return f"{row + 1} " + " ".join(marks)
        if role == Qt.ItemDataRole.DecorationRole:
            # Only the panel requests thumbnails (for the rows in sight): a list view asks for
            # every row's icon when it lays out, and that must not render 1,000 pages.
            key = self.key(row)
            icon = self._icons.get(key)
            if icon is None:
                image = self.renderer.image(key)
                if image is None:
                    return self._blank(page)
                # Converted once: views ask for the icon on every paint.
                icon = self._icons[key] = QIcon(framed(QPixmap.fromImage(image)))
                while len(self._icons) > MAX_ICONS:
                    self._icons.pop(next(iter(self._icons)))
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [self.tr("Page {0}").format(row + 1)]
            if page.reviewed_by:
                tips.append(self.tr("reviewed by {0}").format(page.reviewed_by))
            if page.confirmed_by:
                tips.append(self.tr("confirmed by {0}").format(page.confirmed_by))
            if self._boxes.get(row):
                tips.append(self.tr("%n box(es)", "", self._boxes[row]))
            return "\n".join(tips)
        return None

    def _blank(self, page: PageInfo) -> QIcon:
        size = (THUMB_WIDTH, int(THUMB_WIDTH * page.height / max(page.width, 1.0)))
        icon = self._placeholder.get(size)
        if icon is None:
            pixmap = QPixmap(*size)
            pixmap.fill(QColor("white"))
            icon = self._placeholder[size] = QIcon(framed(pixmap))
        return icon

    def _ready(self, key: PageKey) -> None:
        in_range = 0 <= key.page_index < len(self._pages)
        if key.document_id == self.document_id and in_range and key == self.key(key.page_index):
            index = self.index(key.page_index)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def framed(pixmap: QPixmap) -> QPixmap:
    """The page with a one-pixel frame drawn over its outermost pixels."""
    painter = QPainter(pixmap)
    try:
        painter.setPen(FRAME_COLOUR)
        painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    finally:
        painter.end()
    return pixmap


class ThumbnailsPanel(QWidget):
    pageChosen = Signal(int)

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ThumbnailsModel(renderer, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        # Uniform: the list lays out from one row's size, not by asking every row (a 1,000-page
        # document took 60 ms before its first page could be painted); the grid is fixed anyway.
        self.list.setUniformItemSizes(True)
        self.list.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.42)))
        self.list.setGridSize(QSize(THUMB_WIDTH + 16, int(THUMB_WIDTH * 1.42) + 24))
        self.list.setSpacing(4)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.clicked.connect(lambda index: self.pageChosen.emit(index.row()))
        self.list.activated.connect(lambda index: self.pageChosen.emit(index.row()))
        self._wanted_timer = QTimer(self)
        self._wanted_timer.setSingleShot(True)
        self._wanted_timer.setInterval(50)
        self._wanted_timer.timeout.connect(self._update_wanted)
        self.list.verticalScrollBar().valueChanged.connect(lambda _v: self._wanted_timer.start())
        self.model.modelReset.connect(self._wanted_timer.start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._wanted_timer.start()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self._wanted_timer.start()

    def set_current(self, page_index: int) -> None:
        index = self.model.index(page_index)
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def _update_wanted(self) -> None:
        """Request the thumbnails in sight; those that scrolled away unrendered are dropped."""
        rows = self.model.rowCount()
        if not rows or not self.isVisible():
            return
        top = self.list.indexAt(self.list.viewport().rect().topLeft())
        bottom = self.list.indexAt(self.list.viewport().rect().bottomLeft())
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else min(rows - 1, first + 20)
        keys = [self.model.key(r) for r in range(max(0, first - 2), min(rows, last + 3))]
        renderer = self.model.renderer
        renderer.set_wanted(keys, channel="thumbnails")
        for key in keys:
            renderer.request(key, channel="thumbnails")
