"""Review mode (four-eyes): the queue of what awaits this reviewer's approval, across documents,
and the rejections of this reviewer's own work with their reasons.

Keys while the panel has focus: A approves, R rejects (asks the reason), N goes to the next
item, Enter shows the item on its page. The rules themselves are the core's: a refusal
(approving your own box, a missing motivation) is shown with its sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redactor.core.model import AuditEvent, Redaction, ReviewItem, ReviewStatus
from redactor.gui.case_controller import CaseController
from redactor.gui.messages import user_action
from redactor.gui.review_model import ITEM_ROLE, ReviewModel

log = logging.getLogger(__name__)

# Audit actions that change an item after it was reviewed.
_CHANGES = (
    "box-moved",
    "box-resized",
    "box-grounds-changed",
    "box-note-changed",
    "box-changed",
    "page-decision-changed",
)


def changed_since_approval(events: list[AuditEvent], reviewer: str) -> set[str]:
    """Items (refs) that `reviewer` approved and that someone changed afterwards."""
    approved: set[str] = set()
    changed: set[str] = set()
    for event in events:
        if event.action == "approved" and event.reviewer == reviewer:
            approved.add(event.target)
            changed.discard(event.target)
        elif event.action in _CHANGES and event.target in approved:
            changed.add(event.target)
    return changed


class ReviewPanel(QWidget):
    jumpRequested = Signal(object)  # the ReviewItem to show on its page
    reviseRequested = Signal(int)  # redaction id: the author answers a rejection

    def __init__(
        self,
        case: CaseController,
        record: Callable[[ReviewItem], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case = case
        self._record = record  # lets the undo registry know the new versions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        queue_page = QWidget()
        queue_layout = QVBoxLayout(queue_page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        queue_layout.addWidget(self.summary)
        self.changed_only = QCheckBox()
        self.changed_only.toggled.connect(lambda _on: self.refresh())
        queue_layout.addWidget(self.changed_only)
        self.queue_model = ReviewModel(self)
        self.queue = self._table(self.queue_model)
        queue_layout.addWidget(self.queue)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton()
        self.reject_button = QPushButton()
        self.next_button = QPushButton()
        self.approve_button.clicked.connect(self.approve_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.next_button.clicked.connect(self.next_item)
        for button in (self.approve_button, self.reject_button, self.next_button):
            buttons.addWidget(button)
        queue_layout.addLayout(buttons)
        self.tabs.addTab(queue_page, "")

        rejected_page = QWidget()
        rejected_layout = QVBoxLayout(rejected_page)
        self.rejected_model = ReviewModel(self)
        self.rejected_model.show_reason = True
        self.rejected = self._table(self.rejected_model)
        rejected_layout.addWidget(self.rejected)
        self.revise_button = QPushButton()
        self.revise_button.clicked.connect(self.revise_current)
        rejected_layout.addWidget(self.revise_button)
        self.tabs.addTab(rejected_page, "")

        for key, slot in (
            ("A", self.approve_current),
            ("R", self.reject_current),
            ("N", self.next_item),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        case.refreshed.connect(self.refresh)
        case.closed.connect(self.refresh)
        self.retranslate()

    def _table(self, model: ReviewModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 150)
        table.horizontalHeader().setStretchLastSection(True)
        table.activated.connect(lambda index, t=table: self._jump(t, index))
        table.doubleClicked.connect(lambda index, t=table: self._jump(t, index))
        table.selectionModel().currentRowChanged.connect(
            lambda current, _prev, t=table: self._jump(t, current)
        )
        return table

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Awaiting my approval"))
        self.tabs.setTabText(1, self.tr("Rejected (mine)"))
        self.changed_only.setText(self.tr("Only what changed since I approved it"))
        self.approve_button.setText(self.tr("&Approve (A)"))
        self.reject_button.setText(self.tr("&Reject… (R)"))
        self.next_button.setText(self.tr("&Next (N)"))
        self.revise_button.setText(self.tr("Revise the box…"))
        self.approve_button.setToolTip(self.tr("Approve the selected item (A)"))
        self.reject_button.setToolTip(self.tr("Reject the selected item with a reason (R)"))
        self.next_button.setToolTip(self.tr("Go to the next item (N)"))
        self.revise_button.setToolTip(
            self.tr("Change the box's grounds or note; it goes back for review")
        )
        self.queue_model.retranslate()
        self.rejected_model.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content --------------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.case.session
        if session is None:
            self.queue_model.set_items([], {})
            self.rejected_model.set_items([], {})
            self.summary.setText("")
            return
        current = self._current_ref(self.queue)
        names = {p.document.id: p.document.file_name for p in self.case.progress}
        waiting = session.awaiting_review()
        if self.changed_only.isChecked():
            changed = changed_since_approval(session.audit_events(), session.reviewer)
            waiting = [i for i in waiting if i.ref in changed]
        items: list[ReviewItem] = [*session.redactions(), *session.page_decisions()]
        mine = [
            i
            for i in items
            if i.status is ReviewStatus.REJECTED and session.reviewer in i.contributors
        ]
        self.queue_model.set_items(waiting, names)
        self.rejected_model.set_items(mine, names)
        four_eyes = self.case.info is not None and self.case.info.four_eyes
        summary = self.tr("%n item(s) await your approval.", "", len(waiting))
        if four_eyes:
            unconfirmed = len(session.unconfirmed_pages())
            if unconfirmed:
                summary += " " + self.tr(
                    "%n page(s) still to confirm (Ctrl+Shift+Enter).", "", unconfirmed
                )
        else:
            summary += " " + self.tr("(Single-reviewer case: you may approve your own work.)")
        self.summary.setText(summary)
        self.tabs.setTabText(1, self.tr("Rejected (mine)") + (f" ({len(mine)})" if mine else ""))
        if current is not None:
            self._select(self.queue, self.queue_model, current)

    def _current_ref(self, table: QTableView) -> str | None:
        index = table.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        return item.ref if item is not None else None

    def _select(self, table: QTableView, model: ReviewModel, ref: str) -> None:
        row = model.row_of(ref)
        if row is not None:
            table.selectionModel().blockSignals(True)
            table.selectRow(row)
            table.selectionModel().blockSignals(False)

    def current_item(self) -> ReviewItem | None:
        index = self.queue.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def _jump(self, table: QTableView, index: QModelIndex) -> None:
        if index.isValid():
            self.jumpRequested.emit(index.data(ITEM_ROLE))

    # -- actions --------------------------------------------------------------------------------

    def next_item(self) -> None:
        rows = self.queue_model.rowCount()
        if not rows:
            return
        row = self.queue.currentIndex().row()
        if not self.queue.selectionModel().hasSelection():
            # Focus alone makes a row current without choosing it: N then takes that row.
            self.queue.selectRow(max(row, 0))
        else:
            self.queue.selectRow((row + 1) % rows)
        self.queue.setFocus()

    def approve_current(self) -> None:
        item = self.current_item()
        if item is None:
            self.next_item()
            return
        row = self.queue.currentIndex().row()
        with user_action(self):
            for reviewed in self.case.require().approve([item.ref]):
                self._record(reviewed)
            self.case.refresh()
            self._after_review(row)

    def reject_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Reject {0}").format(item.ref),
            self.tr("Why? The author sees this reason:"),
        )
        if not ok:
            return
        row = self.queue.currentIndex().row()
        with user_action(self):
            self._record(self.case.require().reject(item.ref, reason))
            self.case.refresh()
            self._after_review(row)

    def _after_review(self, row: int) -> None:
        """Keep going: the item that took the reviewed one's place is the next to look at."""
        rows = self.queue_model.rowCount()
        if rows:
            self.queue.selectRow(min(row, rows - 1))
            self.queue.setFocus()

    def revise_current(self) -> None:
        index = self.rejected.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if isinstance(item, Redaction):
            self.jumpRequested.emit(item)
            self.reviseRequested.emit(item.id)
