"""A redaction box on a page: coloured by review status, labelled with its ground codes.

Box items only paint and answer "which handle is here"; the page view turns mouse gestures
into moves and resizes, and the controller stores them through the session. Coordinates are
the parent page item's: displayed PDF points.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from redactor.core.geometry import Rect
from redactor.core.model import Redaction, ReviewStatus

log = logging.getLogger(__name__)

# Handle size in screen pixels (constant whatever the zoom).
HANDLE_PX = 8.0
HANDLES = ("tl", "t", "tr", "r", "br", "b", "bl", "l")


@dataclass(frozen=True)
class BoxColours:
    proposed: QColor
    approved: QColor
    rejected: QColor
    selected: QColor
    fill_alpha: int
    border_px: float
    label_fg: QColor
    label_bg: QColor

    def for_status(self, status: ReviewStatus) -> QColor:
        return {
            ReviewStatus.PROPOSED: self.proposed,
            ReviewStatus.APPROVED: self.approved,
            ReviewStatus.REJECTED: self.rejected,
        }[status]


NORMAL = BoxColours(
    proposed=QColor("#e08a00"),
    approved=QColor("#1e8c3a"),
    rejected=QColor("#c62828"),
    selected=QColor("#1565c0"),
    fill_alpha=70,
    border_px=2.0,
    label_fg=QColor("white"),
    label_bg=QColor(30, 30, 30, 170),
)
# Saturated colours on a dark fill, thick borders: readable for low vision and on any page.
HIGH_CONTRAST = BoxColours(
    proposed=QColor("#ffd600"),
    approved=QColor("#00e676"),
    rejected=QColor("#ff1744"),
    selected=QColor("#00b0ff"),
    fill_alpha=150,
    border_px=3.5,
    label_fg=QColor("#ffff00"),
    label_bg=QColor("black"),
)


def to_qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x0, rect.y0, rect.width, rect.height)


def from_qrect(rect: QRectF) -> Rect:
    r = rect.normalized()
    return Rect(r.left(), r.top(), r.right(), r.bottom())


class BoxItem(QGraphicsItem):
    def __init__(
        self, redaction: Redaction, colours: BoxColours, parent: QGraphicsItem | None = None
    ) -> None:
        super().__init__(parent)
        self.redaction = redaction
        self.colours = colours
        self._rect = to_qrect(redaction.rect)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(10)
        self.setAcceptHoverEvents(True)
        self._hovered = False
        self._update_tooltip()

    # -- data -------------------------------------------------------------------------------

    @property
    def redaction_id(self) -> int:
        return self.redaction.id

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def set_rect(self, rect: QRectF) -> None:
        """Show the box at `rect` (while dragging); the stored box changes only on release."""
        self.prepareGeometryChange()
        self._rect = rect.normalized()

    def reset_rect(self) -> None:
        self.set_rect(to_qrect(self.redaction.rect))

    def set_redaction(self, redaction: Redaction) -> None:
        self.redaction = redaction
        self.set_rect(to_qrect(redaction.rect))
        self._update_tooltip()
        self.update()

    def set_colours(self, colours: BoxColours) -> None:
        self.colours = colours
        self.update()

    def hoverEnterEvent(self, event: object) -> None:
        # The label hides while the pointer is on the box, so the text under it can be read.
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event: object) -> None:
        self._hovered = False
        self.update()

    def label(self) -> str:
        return "; ".join(self.redaction.grounds)

    def _update_tooltip(self) -> None:
        red = self.redaction
        lines = [f"{red.ref}: {self.label()}", f"{red.status.value} · {red.author}"]
        if red.reject_reason:
            lines.append(f"✗ {red.reject_reason}")
        if red.note:
            lines.append(red.note)
        self.setToolTip("\n".join(lines))

    # -- geometry ---------------------------------------------------------------------------

    def _margin(self) -> float:
        # Room for handles and the label in any zoom down to 25 %.
        return HANDLE_PX * 4

    def boundingRect(self) -> QRectF:
        m = self._margin()
        return self._rect.adjusted(-m, -m - 20, m, m)

    def handle_rects(self, scale: float) -> dict[str, QRectF]:
        """The resize handles, `scale` = screen pixels per point."""
        size = HANDLE_PX / max(scale, 1e-6)
        r = self._rect
        cx, cy = r.center().x(), r.center().y()
        points = {
            "tl": QPointF(r.left(), r.top()),
            "t": QPointF(cx, r.top()),
            "tr": QPointF(r.right(), r.top()),
            "r": QPointF(r.right(), cy),
            "br": QPointF(r.right(), r.bottom()),
            "b": QPointF(cx, r.bottom()),
            "bl": QPointF(r.left(), r.bottom()),
            "l": QPointF(r.left(), cy),
        }
        return {
            name: QRectF(p.x() - size / 2, p.y() - size / 2, size, size)
            for name, p in points.items()
        }

    def handle_at(self, pos: QPointF, scale: float) -> str | None:
        """The handle under `pos` (item coordinates), when the box is selected."""
        if not self.isSelected():
            return None
        grow = 2.0 / max(scale, 1e-6)  # a little slack: handles are small
        for name, rect in self.handle_rects(scale).items():
            if rect.adjusted(-grow, -grow, grow, grow).contains(pos):
                return name
        return None

    def contains_point(self, pos: QPointF) -> bool:
        return self._rect.contains(pos)

    # -- painting ---------------------------------------------------------------------------

    def _paint_label(self, painter: QPainter, text: str, scale: float) -> None:
        """The ground codes, in screen pixels so they stay readable at any zoom.

        Inside the box at its right end when the box is wide enough (a label above it would
        cover the line of text above); above the box otherwise. Hovering hides it.
        """
        colours = self.colours
        font = QFont(painter.font())
        font.setPixelSize(10)
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 6
        height = float(min(metrics.height(), max(self._rect.height() * scale - 2, 9)))
        box_w, box_h = self._rect.width() * scale, self._rect.height() * scale
        painter.translate(self._rect.topLeft())
        painter.scale(1 / scale, 1 / scale)
        if box_w >= width + 2 and box_h >= 9:
            x, y = box_w - width - 1, (box_h - height) / 2
        else:
            x, y = 0.0, -height - 1
        painter.fillRect(QRectF(x, y, width, height), colours.label_bg)
        painter.setPen(colours.label_fg)
        painter.drawText(QRectF(x, y, width, height), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scale = painter.worldTransform().m11() or 1.0
        colours = self.colours
        status_colour = colours.for_status(self.redaction.status)
        fill = QColor(status_colour)
        fill.setAlpha(colours.fill_alpha)
        painter.setBrush(QBrush(fill))
        pen = QPen(colours.selected if self.isSelected() else status_colour)
        pen.setWidthF(colours.border_px / scale)
        if self.redaction.status is ReviewStatus.REJECTED:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(self._rect)

        text = self.label()
        if text and not self._hovered:
            self._paint_label(painter, text, scale)

        if self.isSelected():
            painter.setPen(QPen(colours.selected, 1 / scale))
            painter.setBrush(QBrush(QColor("white")))
            for rect in self.handle_rects(scale).values():
                painter.drawRect(rect)
