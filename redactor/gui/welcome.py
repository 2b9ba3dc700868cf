"""What the window shows before a case is open: new, open, the demo, and recent cases."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


class WelcomePage(QWidget):
    newCase = Signal()
    openCase = Signal()
    openDemo = Signal()
    openRecent = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.title.setFont(font)
        column.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        column.addWidget(self.subtitle)
        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        for button, signal in (
            (self.new_button, self.newCase),
            (self.open_button, self.openCase),
            (self.demo_button, self.openDemo),
        ):
            button.clicked.connect(signal)
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.recent_label = QLabel()
        column.addWidget(self.recent_label)
        self.recent = QListWidget()
        self.recent.setMaximumHeight(200)
        self.recent.itemActivated.connect(lambda item: self.openRecent.emit(item.text()))
        self.recent.itemDoubleClicked.connect(lambda item: self.openRecent.emit(item.text()))
        column.addWidget(self.recent)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()

    def set_recent(self, cases: list[str]) -> None:
        self.recent.clear()
        self.recent.addItems(cases)
        self.recent_label.setVisible(bool(cases))
        self.recent.setVisible(bool(cases))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Redactor"))
        self.subtitle.setText(
            self.tr(
                "Redact PDF documents for release, with four-eyes review and a tamper-evident audit trail."
            )
        )
        self.new_button.setText(self.tr("New case…"))
        self.open_button.setText(self.tr("Open case…"))
        self.demo_button.setText(self.tr("Try the demo case"))
        self.recent_label.setText(self.tr("Recent cases (Enter opens):"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
