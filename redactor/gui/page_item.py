"""One page in the page view: its rendered image (or a placeholder), and page-level marks.

The item's coordinates are the page's displayed PDF points; the view's transform scales them
to the screen. Painting asks the view for the image (which requests a render when needed), so
only pages actually on screen are ever rendered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from redactor.core.model import PageDecision, PageDecisionKind, PageInfo

log = logging.getLogger(__name__)

ImageProvider = Callable[["PageItem"], QImage | None]


class PageItem(QGraphicsItem):
    def __init__(self, page: PageInfo, provider: ImageProvider) -> None:
        super().__init__()
        self.page = page
        self._provider = provider
        self._rect = QRectF(0, 0, page.width, page.height)
        self.decision: PageDecision | None = None
        self.decision_text = ""
        self.preview = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    @property
    def page_index(self) -> int:
        return self.page.page_index

    def page_rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 4, 4)

    def set_decision(self, decision: PageDecision | None, text: str = "") -> None:
        """Mark the page withheld / out of scope; `text` is shown across it."""
        self.decision = decision
        self.decision_text = text
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scale = painter.worldTransform().m11() or 1.0
        # A thin shadow so pages stand apart on the grey background.
        painter.fillRect(self._rect.translated(2 / scale, 2 / scale), QColor(0, 0, 0, 60))
        image = self._provider(self)
        if image is None:
            painter.fillRect(self._rect, QColor("white"))
            painter.setPen(QColor(150, 150, 150))
            painter.save()
            painter.translate(self._rect.center())
            painter.scale(1 / scale, 1 / scale)
            font = QFont(painter.font())
            font.setPixelSize(14)
            painter.setFont(font)
            painter.drawText(
                QRectF(-100, -10, 200, 20), Qt.AlignmentFlag.AlignCenter, str(self.page_index + 1)
            )
            painter.restore()
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(self._rect, image)
        if self.decision is not None and not self.preview:
            self._paint_decision(painter, scale)
        painter.setPen(QPen(QColor(120, 120, 120), 1 / scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)

    def _paint_decision(self, painter: QPainter, scale: float) -> None:
        decision = self.decision
        assert decision is not None
        withheld = decision.kind is PageDecisionKind.WITHHELD
        colour = QColor("#c62828") if withheld else QColor("#546e7a")
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.fillRect(self._rect, QBrush(fill))
        painter.fillRect(
            self._rect,
            QBrush(
                QColor(colour.red(), colour.green(), colour.blue(), 60), Qt.BrushStyle.BDiagPattern
            ),
        )
        text = self.decision_text
        painter.save()
        painter.translate(self._rect.center())
        painter.scale(1 / scale, 1 / scale)
        font = QFont(painter.font())
        font.setPixelSize(22)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(-300, -20, 600, 40), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
