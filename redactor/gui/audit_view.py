"""The audit trail: every event of the case, filterable by reviewer, document and action, with
the chain check one click away.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
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

from redactor.core.model import AuditEvent
from redactor.gui.case_controller import CaseController
from redactor.gui.messages import user_action

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 7
EVENT_ROLE = Qt.ItemDataRole.UserRole


def describe_change(event: AuditEvent) -> str:
    """What changed, compactly: 'grounds: 5.1.2e → 5.1.1e; x0: 10 → 20'."""
    before, after = event.before or {}, event.after or {}
    if not before:
        return ", ".join(
            f"{k}: {_short(v)}" for k, v in after.items() if k not in ("id", "version")
        )[:200]
    if not after:
        return ""
    parts = [
        f"{k}: {_short(before.get(k))} → {_short(after.get(k))}"
        for k in sorted(set(before) | set(after))
        if before.get(k) != after.get(k) and k not in ("version", "updated_at", "reviewed_at")
    ]
    return "; ".join(parts)[:300]


def _short(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_short(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[AuditEvent] = []
        self._names: dict[int, str] = {}

    def set_events(self, events: Sequence[AuditEvent], names: dict[int, str]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._names = dict(names)
        self.endResetModel()

    def events(self) -> list[AuditEvent]:
        return list(self._events)

    def document_name(self, document_id: int | None) -> str:
        return "" if document_id is None else self._names.get(document_id, str(document_id))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < COLUMNS:
            return None
        return [
            self.tr("#"),
            self.tr("Time (UTC)"),
            self.tr("Reviewer"),
            self.tr("Action"),
            self.tr("Item"),
            self.tr("Document"),
            self.tr("Change"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == EVENT_ROLE:
            return event
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                event.seq,
                event.at.replace("T", " ")[:19],
                event.reviewer,
                event.action,
                event.target,
                self.document_name(event.document_id),
                describe_change(event),
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COLUMNS - 1:
            return describe_change(event)
        return None


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reviewer: str | None = None
        self.document: int | None = None
        self.action: str | None = None

    def set_filter(self, reviewer: str | None, document: int | None, action: str | None) -> None:
        self.beginFilterChange()
        self.reviewer, self.document, self.action = reviewer, document, action
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        event = model.data(model.index(row, 0, parent), EVENT_ROLE)
        if event is None:
            return False
        return (
            (self.reviewer is None or event.reviewer == self.reviewer)
            and (self.document is None or event.document_id == self.document)
            and (self.action is None or event.action == self.action)
        )


class AuditView(QWidget):
    def __init__(self, case: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.model = AuditModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        self.reviewer = QComboBox()
        self.document = QComboBox()
        self.action = QComboBox()
        for combo in (self.reviewer, self.document, self.action):
            combo.currentIndexChanged.connect(self._apply)
            filters.addWidget(combo, 1)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        filters.addWidget(self.verify_button)
        layout.addLayout(filters)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        case.refreshed.connect(self.refresh)
        case.closed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.verify_button.setText(self.tr("Verify the chain"))
        self.verify_button.setToolTip(
            self.tr("Check that no event was edited, removed, inserted or reordered")
        )
        self.model.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        if not self.isVisible() and self.model.rowCount():
            return  # re-read when shown (the trail of a big case is long)
        session = self.case.session
        events = session.audit_events() if session is not None else []
        names = {p.document.id: p.document.file_name for p in self.case.progress}
        self.model.set_events(events, names)
        self._fill(self.reviewer, self.tr("All reviewers"), sorted({e.reviewer for e in events}))
        docs = sorted({e.document_id for e in events if e.document_id is not None})
        self._fill(
            self.document, self.tr("All documents"), docs, lambda d: self.model.document_name(d)
        )
        self._fill(self.action, self.tr("All actions"), sorted({e.action for e in events}))
        self.table.scrollToBottom()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def _fill(
        self, combo: QComboBox, everything: str, values: Sequence[Any], label: Any = str
    ) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(label(value), value)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)
        self._apply()

    def _apply(self, *_: object) -> None:
        self.proxy.set_filter(
            self.reviewer.currentData(), self.document.currentData(), self.action.currentData()
        )
        self.status.setText(
            self.tr("{0} of {1} events").format(self.proxy.rowCount(), self.model.rowCount())
        )

    def verify(self) -> None:
        with user_action(self):
            result = self.case.require().verify_audit()
            if result.ok:
                self.status.setText(
                    self.tr("The audit trail is intact: {0} events checked.").format(result.events)
                )
            else:
                first = result.problems[0]
                self.status.setText(self.tr("The audit trail is broken: {0}").format(first))
