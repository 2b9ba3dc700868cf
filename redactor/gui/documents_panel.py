"""The documents panel: every document with its progress, filterable and sortable."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redactor.core.model import DocumentProgress, Judgement
from redactor.gui.documents_model import DOCUMENT_ID_ROLE, NAME, SORT_ROLE, DocumentsModel

log = logging.getLogger(__name__)


class DocumentsPanel(QWidget):
    documentChosen = Signal(int)  # document id
    judgementChosen = Signal(int, object)  # document id, Judgement or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        layout.addWidget(self.filter)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # insertion order until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Narrow figure columns (their headers elide; the tooltips say what they are), so the
        # file name keeps most of the room.
        for column, width in ((1, 70), (2, 50), (3, 60), (4, 60), (5, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter documents…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_progress(self, rows: Sequence[DocumentProgress]) -> None:
        current = self.current_document()
        self.model.set_rows(rows)
        if current is not None and self.current_document() != current:
            self.select_document(current, emit=False)

    def current_document(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return int(index.data(DOCUMENT_ID_ROLE))

    def select_document(self, document_id: int, *, emit: bool = True) -> None:
        row = self.model.row_of(document_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.blockSignals(not emit)
        self.table.selectionModel().blockSignals(not emit)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        doc_id = int(index.data(DOCUMENT_ID_ROLE))
        menu = QMenu(self)
        menu.addSection(self.tr("Judgement"))
        for judgement in Judgement:
            action = menu.addAction(judgement.value)
            action.triggered.connect(
                lambda _c=False, j=judgement: self.judgementChosen.emit(doc_id, j)
            )
        menu.addSeparator()
        clear = menu.addAction(self.tr("No judgement yet"))
        clear.triggered.connect(lambda _c=False: self.judgementChosen.emit(doc_id, None))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.documentChosen.emit(int(current.data(DOCUMENT_ID_ROLE)))
