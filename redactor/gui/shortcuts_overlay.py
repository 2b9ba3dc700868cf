"""The help overlay: every keyboard shortcut and mouse gesture at a glance (F1 or ?).

Built from the window's actions, so it can never list a shortcut that does not exist.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from redactor.gui.actions import WindowActions

log = logging.getLogger(__name__)


class ShortcutsOverlay(QWidget):
    def __init__(self, actions: WindowActions, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.window_actions = actions
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setStyleSheet("background: transparent")
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setStyleSheet("color: white; background: transparent")
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll.setWidget(self.text)
        layout.addWidget(scroll)
        parent.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.text.setText(self.build_html())
        self.setGeometry(self._parent.rect())
        self.raise_()
        self.show()
        self.setFocus()

    def build_html(self) -> str:
        columns = []
        for group in self.window_actions.groups():
            rows = []
            for action in self.window_actions.in_group(group):
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                if keys:
                    name = action.text().replace("&", "").rstrip("…")
                    rows.append(
                        f"<tr><td style='padding-right:16px'><b>{html.escape(keys)}</b></td>"
                        f"<td>{html.escape(name)}</td></tr>"
                    )
            if rows:
                title = self.window_actions.group_title(group).replace("&", "")
                columns.append(f"<h3>{html.escape(title)}</h3><table>{''.join(rows)}</table>")
        gestures = [
            (self.tr("Drag on a page"), self.tr("Draw a box")),
            (self.tr("Click / Ctrl+click"), self.tr("Select a box / add to the selection")),
            (self.tr("Shift+drag"), self.tr("Select boxes in a rectangle")),
            (self.tr("Drag a box or a handle"), self.tr("Move or resize")),
            (self.tr("Double-click a word"), self.tr("Box around the word (Shift: the line)")),
            (self.tr("Double-click a box"), self.tr("Grounds and note")),
            (self.tr("Arrows / Shift+arrows"), self.tr("Nudge the selection 1 / 10 pt")),
            (self.tr("Ctrl+wheel"), self.tr("Zoom")),
            (self.tr("Middle-drag"), self.tr("Pan")),
            (self.tr("1–9 in the ground picker"), self.tr("Most used grounds")),
            (self.tr("A / R / N in the review queue"), self.tr("Approve / reject / next")),
        ]
        gesture_rows = "".join(
            f"<tr><td style='padding-right:16px'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
            for k, v in gestures
        )
        heading = html.escape(self.tr("Mouse and panels"))
        columns.append(f"<h3>{heading}</h3><table>{gesture_rows}</table>")
        half = (len(columns) + 1) // 2
        left, right = "".join(columns[:half]), "".join(columns[half:])
        title = html.escape(self.tr("Keyboard shortcuts (press any key to close)"))
        return (
            f"<h2>{title}</h2><table width='100%'><tr><td valign='top' width='50%'>{left}</td>"
            f"<td valign='top'>{right}</td></tr></table>"
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(20, 20, 20, 225))

    def keyPressEvent(self, event: object) -> None:
        self.hide()

    def mousePressEvent(self, event: object) -> None:
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parentWidget()
            and event.type() == QEvent.Type.Resize
            and self.isVisible()
        ):
            self.setGeometry(self._parent.rect())
        return False
