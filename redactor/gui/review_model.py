"""A thin table model over review items (boxes and page decisions) for the review panel."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from redactor.core.model import PageDecision, PageDecisionKind, Redaction, ReviewItem

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 6


class ReviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ReviewItem] = []
        self._names: dict[int, str] = {}
        self.show_reason = False  # the rejected list shows the reason instead of the note

    def set_items(self, items: Sequence[ReviewItem], document_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda i: (i.document_id, i.page_index, i.ref))
        self._names = dict(document_names)
        self.endResetModel()

    def items(self) -> list[ReviewItem]:
        return list(self._items)

    def item(self, row: int) -> ReviewItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, ref: str) -> int | None:
        return next((i for i, item in enumerate(self._items) if item.ref == ref), None)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < COLUMNS:
            return None
        last = self.tr("Reason") if self.show_reason else self.tr("Note")
        return [
            self.tr("Item"),
            self.tr("Document"),
            self.tr("Page"),
            self.tr("Grounds"),
            self.tr("By"),
            last,
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.ref
            if column == 1:
                return self._names.get(item.document_id, str(item.document_id))
            if column == 2:
                return item.page_index + 1
            if column == 3:
                return _what(item)
            if column == 4:
                return item.updated_by if item.updated_by != item.author else item.author
            if column == 5:
                text = (item.reject_reason or "") if self.show_reason else item.note
                return text.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{item.ref}: {_what(item)}"]
            if item.note:
                lines.append(item.note)
            if item.reject_reason:
                lines.append("✗ " + item.reject_reason)
            return "\n".join(lines)
        return None


def _what(item: ReviewItem) -> str:
    codes = "; ".join(item.grounds)
    if isinstance(item, Redaction):
        return codes
    assert isinstance(item, PageDecision)
    if item.kind is PageDecisionKind.WITHHELD:
        return f"⊘ {codes}"
    return "∅"
