"""Consistency: terms redacted in one place but visible in another, or redacted under different
grounds, with a jump to every place and "Redact the visible ones".

The check reads every page of the case (stored OCR words for scanned pages), so it runs on the
worker when asked for, and again after a fix made here; other edits leave the list as it was
until the reviewer checks again. It reads the pages in short slices (a paged CaseJob), so the
pages the reviewer turns to render in between; it can be stopped between two pages, and a check
of a case closed meanwhile is stopped and its answer dropped.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from redactor.app.findings import check_pages, consistency_check
from redactor.app.session import CaseSession
from redactor.core.errors import RedactorError
from redactor.core.text import VISIBLE_ELSEWHERE, Finding, Occurrence
from redactor.detect.consistency import ConsistencyCheck
from redactor.gui.case_controller import CaseController
from redactor.gui.case_job import CaseJob
from redactor.gui.consistency_model import (
    DOCUMENT_COLUMN,
    PAGE_COLUMN,
    STATUS_COLUMN,
    ConsistencyModel,
)
from redactor.gui.messages import show_user_error
from redactor.gui.render_worker import Worker
from redactor.gui.tree_model import NODE_ROLE, TreeNode

log = logging.getLogger(__name__)

DOCUMENT_WIDTH = 120  # pixels; long file names are cut off (the tooltip has them whole)
# Below the view's pages and words: what the reviewer looks at goes first.
CHECK_PRIORITY = -5


class ConsistencyPanel(QWidget):
    jumpRequested = Signal(int, int, object)  # document id, page index, tuple[Rect, ...]
    highlightCleared = Signal()

    def __init__(
        self,
        case: CaseController,
        worker: Worker,
        redact_visible: Callable[[list[Finding]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.worker = worker
        self._redact_visible = redact_visible
        self._job: CaseJob | None = None  # the check under way (or the last one)
        self._checking = False
        self._checked = False
        self._stopped = False  # the last check was stopped before the end
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self._check_clicked)
        row.addWidget(self.status, 1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.model = ConsistencyModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (PAGE_COLUMN, STATUS_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DOCUMENT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DOCUMENT_COLUMN, DOCUMENT_WIDTH)
        self.tree.selectionModel().currentChanged.connect(lambda index, _prev: self._show(index))
        self.tree.activated.connect(self._show)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.tree, 1)
        self.redact_button = QPushButton()
        self.redact_button.clicked.connect(self.redact_selected)
        layout.addWidget(self.redact_button)
        case.closed.connect(self._case_closed)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self._update_check_button()
        self.redact_button.setText(self.tr("Redact the visible ones"))
        self.redact_button.setToolTip(
            self.tr(
                "Propose boxes over the visible occurrences of the selected terms, with the "
                "grounds and note of the redacted one (one undo step)"
            )
        )
        self.model.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_list(self) -> None:
        self.tree.setFocus()

    # -- checking -------------------------------------------------------------------------------

    def check(self) -> None:
        """Check the whole case again (a check under way is stopped and started afresh)."""
        session = self.case.session
        if session is None:
            return
        self._stop_job()
        try:
            listed = session.documents()
            check = consistency_check(session)  # the boxes as they are now
        except RedactorError as exc:  # the database went away, say
            show_user_error(self, exc)
            return
        documents = [(d.id, d.file_name) for d in listed]
        pages = sum(d.page_count for d in listed)
        job = CaseJob(
            self.worker,
            functools.partial(check_pages, session, check),
            documents,
            self,
            priority=CHECK_PRIORITY,
            paged=True,
        )
        # A job of a case closed meanwhile, or of a check started again, reports to nobody.
        job.stepped.connect(lambda _d, _n: self._stepped(job))
        job.finished.connect(lambda: self._read(job, session, check))
        job.failed.connect(lambda exc: self._failed(job, exc))
        self._job = job
        self._checking = True
        self._stopped = False
        self.progress.setRange(0, max(pages, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Checking every page of the case…"))
        self._update_check_button()
        job.start()

    def stop(self) -> None:
        """Stop the check under way after the page being read; the list stays as it was."""
        if self._job is not None and self._job.running:
            self._job.cancel()
            self.check_button.setEnabled(False)  # until it has stopped

    def _check_clicked(self) -> None:
        if self._checking:
            self.stop()
        else:
            self.check()

    def checking(self) -> bool:
        return self._checking

    def _stop_job(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.cancel()

    def _stepped(self, job: CaseJob) -> None:
        if job is self._job:
            self.progress.setValue(len(job.items()))

    def _read(self, job: CaseJob, session: CaseSession, check: ConsistencyCheck) -> None:
        """Every page read (or the check stopped): look the terms up, on the worker too."""
        if job is not self._job:
            return
        if job.cancelled:
            self._end_check()
            self._stopped = True
            self._update_status()
            return
        self.worker.submit(
            check.findings,
            done=lambda findings: self._checked_done(job, session, findings),
            failed=lambda exc: self._failed(job, exc),
            priority=CHECK_PRIORITY,
        )

    def _end_check(self) -> None:
        self._checking = False
        self.progress.hide()
        self._update_check_button()

    def _checked_done(self, job: CaseJob, session: CaseSession, findings: list[Finding]) -> None:
        if job is not self._job or session is not self.case.session:  # another check or case
            return
        self._end_check()
        self._checked = True
        current = self.tree.currentIndex()
        key = current.data(NODE_ROLE).key if current.isValid() else None
        names = {d.id: d.file_name for d in session.documents()}
        self.model.set_findings(findings, names)
        self.tree.expandAll()
        for row in range(self.model.rowCount()):  # the term and what is wrong, in full
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        documents = {o.document_id for f in findings for o in f.occurrences}
        self.tree.setColumnHidden(DOCUMENT_COLUMN, len(documents) <= 1)
        node = self.model.find(key) if key is not None else None
        if node is not None:
            self.tree.setCurrentIndex(self.model.index_of(node))
        elif key is not None:  # what was shown is fixed: its mark on the page goes
            self.highlightCleared.emit()
        self._update_status()
        self._update_buttons()

    def _failed(self, job: CaseJob, exc: BaseException) -> None:
        if job is not self._job:
            return
        self._end_check()
        self._update_status()
        if not isinstance(exc, RedactorError):
            raise exc
        show_user_error(self, exc)

    def _case_closed(self) -> None:
        self._stop_job()  # stops between two pages; whatever it still answers is dropped
        self._checking = False
        self._checked = False
        self._stopped = False
        self.progress.hide()
        self._update_check_button()
        self.model.set_findings([], {})
        self._update_status()
        self._update_buttons()

    def _update_check_button(self) -> None:
        self.check_button.setEnabled(True)
        if self._checking:
            self.check_button.setText(self.tr("Stop"))
            self.check_button.setToolTip(self.tr("Stop checking; the list stays as it was"))
            return
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(
            self.tr(
                "Look for terms redacted in one place but visible or differently grounded in another"
            )
        )

    def _update_status(self) -> None:
        if self._checking:
            return
        stopped = self.tr("Check stopped; the list is from the last complete check.")
        if not self._checked:
            self.status.setText(stopped if self._stopped else self.tr("Not checked yet."))
            return
        findings = self.model.findings()
        if not findings:
            text = self.tr("Consistent: every redacted term is redacted everywhere.")
        else:
            text = self.tr("%n finding(s)", "", len(findings))
        self.status.setText(f"{stopped} {text}" if self._stopped else text)

    def _update_buttons(self) -> None:
        self.redact_button.setEnabled(
            any(f.kind == VISIBLE_ELSEWHERE for f in self.model.findings())
        )

    # -- the list -------------------------------------------------------------------------------

    def _show(self, index: QModelIndex) -> None:
        node: TreeNode | None = index.data(NODE_ROLE) if index.isValid() else None
        if node is None:
            return
        if isinstance(node.payload, Finding):
            # The first visible place is what needs looking at.
            place = next(
                (o for o in node.payload.occurrences if not o.redacted),
                node.payload.occurrences[0] if node.payload.occurrences else None,
            )
        else:
            place = node.payload if isinstance(node.payload, Occurrence) else None
        if place is not None:
            self.jumpRequested.emit(place.document_id, place.page_index, place.rects)

    def selected_findings(self) -> list[Finding]:
        rows = self.tree.selectionModel().selectedRows(0)
        if not rows and self.tree.currentIndex().isValid():
            rows = [self.tree.currentIndex().siblingAtColumn(0)]
        return self.model.findings_of(index.data(NODE_ROLE) for index in rows)

    def redact_selected(self) -> None:
        findings = [f for f in self.selected_findings() if f.kind == VISIBLE_ELSEWHERE]
        if not findings:
            findings = [f for f in self.model.findings() if f.kind == VISIBLE_ELSEWHERE]
            if len(findings) != 1:  # several: the reviewer chooses which
                self.status.setText(self.tr("Select the terms to redact first."))
                return
        if self._redact_visible(findings):
            self.check()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():
            return
        if not self.tree.selectionModel().isSelected(index):
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Show on the page"), lambda: self._show(index))
        redact = menu.addAction(self.tr("Redact the visible ones"), self.redact_selected)
        redact.setEnabled(any(f.kind == VISIBLE_ELSEWHERE for f in self.selected_findings()))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
