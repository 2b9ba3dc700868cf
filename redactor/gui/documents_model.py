"""A thin Qt table model over `CaseSession.progress()`: one row per document."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from redactor.core.model import DocumentProgress

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

NAME, PAGES, BOXES, PENDING, REJECTED, JUDGEMENT = range(6)
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentProgress] = []

    def set_rows(self, rows: Sequence[DocumentProgress]) -> None:
        rows = list(rows)
        same_documents = [r.document.id for r in rows] == [r.document.id for r in self._rows]
        if same_documents:
            # Keep the selection and the scroll position: only the figures changed.
            self._rows = rows
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[DocumentProgress]:
        return list(self._rows)

    def row_of(self, document_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.document.id == document_id:
                return i
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # -- the model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            names = [
                self.tr("Document"),
                self.tr("Reviewed"),
                self.tr("Boxes"),
                self.tr("Pending"),
                self.tr("Rejected"),
                self.tr("Judgement"),
            ]
            return names[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [
                self.tr("File name"),
                self.tr("Pages marked as reviewed / pages in the document"),
                self.tr("Redaction boxes (withheld pages in brackets)"),
                self.tr("Boxes and page decisions awaiting approval"),
                self.tr("Rejected boxes and page decisions"),
                self.tr("The document's judgement for the inventory"),
            ]
            return tips[section]
        return None

    def repaired_text(self) -> str:
        return self.tr(
            "This file was damaged and had to be repaired to be read: pages or content may be "
            "missing. Compare it with the original before deciding on it."
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        doc = row.document
        if role == DOCUMENT_ID_ROLE:
            return doc.id
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                doc.file_name,
                f"{row.pages_reviewed} / {doc.page_count}",
                f"{row.boxes} ({row.withheld_pages})" if row.withheld_pages else str(row.boxes),
                str(row.pending),
                str(row.rejected),
                doc.judgement.value if doc.judgement else "—",
            ][column]
        if role == SORT_ROLE:
            return [
                doc.file_name.casefold(),
                row.pages_reviewed / max(doc.page_count, 1),
                row.boxes + row.withheld_pages,
                row.pending,
                row.rejected,
                doc.judgement.value if doc.judgement else "",
            ][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            tip = self.tr("{0}: {1} pages, imported by {2}").format(
                doc.file_name, doc.page_count, doc.imported_by
            )
            if doc.repaired:
                tip += "\n" + self.repaired_text()
            return tip
        if role == Qt.ItemDataRole.DecorationRole and column == NAME and doc.repaired:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and PAGES <= column <= REJECTED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
