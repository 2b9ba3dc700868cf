"""One page in the page view: its rendered image (or a placeholder), and page-level marks.

The item's coordinates are the page's displayed PDF points; the view's transform scales them
to the screen. Painting asks the view for the image (which requests a render when needed), so
only pages actually on screen are ever rendered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QTransform
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
        # A thin shadow (right and bottom edges only) so pages stand apart from the background.
        r, d = self._rect, 2 / scale
        painter.fillRect(QRectF(r.right(), r.top() + d, d, r.height()), QColor(0, 0, 0, 60))
        painter.fillRect(QRectF(r.left() + d, r.bottom(), r.width() - d, d), QColor(0, 0, 0, 60))
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
        elif not self._draw_unscaled(painter, image):
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(self._rect, image)
        if self.decision is not None and not self.preview:
            self._paint_decision(painter, scale)
        painter.setPen(QPen(QColor(120, 120, 120), 1 / scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)

    def _draw_unscaled(self, painter: QPainter, image: QImage) -> bool:
        """Blit the image pixel for pixel when it was rendered for this zoom (the usual case).

        Drawing through the view's scaling transform would resample every pixel on every paint,
        which costs more than rendering the page did.
        """
        transform = painter.worldTransform()
        if transform.type().value > QTransform.TransformationType.TxScale.value:
            return False
        target = transform.mapRect(self._rect)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        if (
            abs(target.width() * ratio - image.width()) > 1.5
            or abs(target.height() * ratio - image.height()) > 1.5
        ):
            return False
        if image.devicePixelRatio() != ratio:
            image.setDevicePixelRatio(ratio)
        painter.save()
        painter.resetTransform()
        painter.drawImage(
            QPointF(round(target.left() * ratio) / ratio, round(target.top() * ratio) / ratio),
            image,
        )
        painter.restore()
        return True

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
