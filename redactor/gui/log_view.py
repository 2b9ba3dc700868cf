"""The in-app log: recent records of the application's loggers (Help > Log), to see what went
on and to copy it into a support request.

Fed by QtLogHandler; `LogModel` is a thin table over its entries, filtered by level.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redactor.gui.log_handler import CAPACITY, LogEntry, QtLogHandler

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 4
ENTRY_ROLE = Qt.ItemDataRole.UserRole
LEVELS = (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR)
_LEVEL_COLOURS = {logging.WARNING: QColor("#b26a00"), logging.ERROR: QColor("#c62828")}


def entry_text(entry: LogEntry) -> str:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(entry.created))
    text = f"{stamp} {entry.level_name} {entry.logger}: {entry.message}"
    return f"{text}\n{entry.details}" if entry.details else text


class LogModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, capacity: int = CAPACITY) -> None:
        super().__init__(parent)
        self._all: list[LogEntry] = []
        self._shown: list[LogEntry] = []
        self._capacity = capacity
        self.min_level = logging.DEBUG

    def set_entries(self, entries: list[LogEntry]) -> None:
        self.beginResetModel()
        self._all = list(entries)[-self._capacity :]
        self._shown = [e for e in self._all if e.level >= self.min_level]
        self.endResetModel()

    def set_min_level(self, level: int) -> None:
        self.min_level = level
        self.set_entries(self._all)

    def append(self, entry: LogEntry) -> None:
        self._all.append(entry)
        if len(self._all) > self._capacity:
            dropped = self._all.pop(0)
            if self._shown and self._shown[0] is dropped:
                self.beginRemoveRows(QModelIndex(), 0, 0)
                self._shown.pop(0)
                self.endRemoveRows()
        if entry.level >= self.min_level:
            row = len(self._shown)
            self.beginInsertRows(QModelIndex(), row, row)
            self._shown.append(entry)
            self.endInsertRows()

    def entries(self) -> list[LogEntry]:
        return list(self._shown)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < COLUMNS:
            return None
        return [self.tr("Time"), self.tr("Level"), self.tr("Logger"), self.tr("Message")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        entry = self._shown[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return time.strftime("%H:%M:%S", time.localtime(entry.created))
            if column == 1:
                return entry.level_name
            if column == 2:
                return entry.logger
            if column == 3:
                first = entry.message.splitlines()[0] if entry.message else ""
                return first + (" …" if entry.details or "\n" in entry.message else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry_text(entry)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            for level in (logging.ERROR, logging.WARNING):
                if entry.level >= level:
                    return _LEVEL_COLOURS[level]
        return None


class LogView(QWidget):
    def __init__(
        self, handler: QtLogHandler, log_file: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.handler = handler
        self.log_file = log_file
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.level = QComboBox()
        self.level.addItems(["", "", "", ""])
        self.level.setCurrentIndex(0)
        self.where = QLabel()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.level)
        row.addWidget(self.where, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        self.model = LogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Fixed start widths: sizing to the contents would follow the first few records only.
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("00:00:00", "CRITICAL", "redactor.detect.consistency")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        layout.addWidget(self.table, 1)
        self.model.set_entries(handler.entries())
        handler.recorded.connect(self._recorded)
        self.level.currentIndexChanged.connect(self._level_chosen)
        self.retranslate()

    def retranslate(self) -> None:
        for i, text in enumerate(
            (
                self.tr("Everything"),
                self.tr("Information and worse"),
                self.tr("Warnings and errors"),
                self.tr("Errors only"),
            )
        ):
            self.level.setItemText(i, text)
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the records shown, e.g. for a support request"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Empty this list (the log file keeps everything)"))
        if self.log_file is not None:
            self.where.setText(self.tr("Log file: {0}").format(self.log_file))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.scrollToBottom()  # the newest records are what one opens the log for

    def _level_chosen(self, index: int) -> None:
        self.model.set_min_level(LEVELS[max(index, 0)])

    def _recorded(self, entry: LogEntry) -> None:
        bar = self.table.verticalScrollBar()
        at_end = bar.value() >= bar.maximum()
        self.model.append(entry)
        if at_end:
            self.table.scrollToBottom()

    def copy(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        entries = self.model.entries()
        chosen = [entries[r] for r in rows] if rows else entries
        QGuiApplication.clipboard().setText("\n".join(entry_text(e) for e in chosen))

    def clear(self) -> None:
        self.handler.clear()
        self.model.set_entries([])
