"""Find text or a regular expression in the document or the whole case, then redact matches.

The search runs on the worker (page words: the stored OCR words of a scanned page, else the
PDF's text layer) in short slices of pages (a paged CaseJob), so the pages the reviewer turns to
render in between, with progress and a Stop. A search of a case closed meanwhile is stopped,
and a search started again replaces the one under way: neither reports.
"Redact selected" / "Redact all" ask for the ground once and create proposed boxes (one undo
step), which then follow the normal review. Matches already under a box are marked and skipped.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redactor.core.errors import RedactorError
from redactor.core.geometry import Rect
from redactor.core.model import Redaction
from redactor.core.text import Match, PageText
from redactor.detect.search import compile_pattern, find_text
from redactor.gui.case_controller import CaseController
from redactor.gui.case_job import CaseJob
from redactor.gui.messages import show_user_error
from redactor.gui.render_worker import Worker

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
COVER_SLACK = 0.5  # points: a match this close inside a box counts as covered
# Above thumbnails, below the view's pages and words.
SEARCH_PRIORITY = 3
Flags = tuple[bool, bool, bool]  # regular expression, match case, whole words


@dataclass(frozen=True)
class Hit:
    document_id: int
    document_name: str
    match: Match
    covered: bool


def is_covered(match: Match, boxes: list[Redaction]) -> bool:
    def inside(r: Rect) -> bool:
        return any(
            b.page_index == match.page_index
            and b.rect.x0 - COVER_SLACK <= r.x0
            and b.rect.y0 - COVER_SLACK <= r.y0
            and r.x1 <= b.rect.x1 + COVER_SLACK
            and r.y1 <= b.rect.y1 + COVER_SLACK
            for b in boxes
        )

    return all(inside(r) for r in match.rects)


class HitsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "▮ " if hit.covered else ""
            return f"{mark}{hit.document_name} p.{hit.match.page_index + 1}: {hit.match.text}"
        if role == Qt.ItemDataRole.ToolTipRole and hit.covered:
            return self.tr("Already under a box")
        if role == Qt.ItemDataRole.UserRole:
            return hit
        return None


class FindPanel(QWidget):
    jumpRequested = Signal(int, int, object)  # document id, page index, Rect

    def __init__(
        self,
        case: CaseController,
        worker: Worker,
        words: Callable[[int, int], PageText],
        redact: Callable[[list[Hit]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.worker = worker
        self._words = words  # (document id, page index) -> the page's words; worker thread
        self._redact = redact
        self._job: CaseJob | None = None  # the search under way
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pattern = QLineEdit()
        self.pattern.setClearButtonEnabled(True)
        self.pattern.returnPressed.connect(self.search)
        layout.addWidget(self.pattern)
        options = QHBoxLayout()
        self.regex = QCheckBox()
        self.case_sensitive = QCheckBox()
        self.whole_word = QCheckBox()
        for box in (self.regex, self.case_sensitive, self.whole_word):
            options.addWidget(box)
        layout.addLayout(options)
        scope_row = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItems(["", ""])
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self._find_clicked)
        scope_row.addWidget(self.scope, 1)
        scope_row.addWidget(self.find_button)
        layout.addLayout(scope_row)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.model = HitsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.activated.connect(self._jump)
        self.results.clicked.connect(self._jump)
        layout.addWidget(self.results, 1)
        buttons = QHBoxLayout()
        self.redact_selected = QPushButton()
        self.redact_all = QPushButton()
        self.redact_selected.clicked.connect(lambda: self._redact_hits(selected_only=True))
        self.redact_all.clicked.connect(lambda: self._redact_hits(selected_only=False))
        buttons.addWidget(self.redact_selected)
        buttons.addWidget(self.redact_all)
        layout.addLayout(buttons)
        case.closed.connect(self._case_closed)
        self.retranslate()

    def retranslate(self) -> None:
        self.pattern.setPlaceholderText(self.tr("Text or regular expression…"))
        self.regex.setText(self.tr("Regular expression"))
        self.case_sensitive.setText(self.tr("Match case"))
        self.whole_word.setText(self.tr("Whole words"))
        self.scope.setItemText(0, self.tr("This document"))
        self.scope.setItemText(1, self.tr("The whole case"))
        self._update_find_button()
        self.redact_selected.setText(self.tr("Redact selected…"))
        self.redact_all.setText(self.tr("Redact all…"))
        self.redact_all.setToolTip(self.tr("Propose a box over every match not yet redacted"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_pattern(self) -> None:
        self.pattern.setFocus()
        self.pattern.selectAll()

    # -- searching ------------------------------------------------------------------------------

    def search(self) -> None:
        """Search the document or the case (a search under way is replaced)."""
        session = self.case.session
        if session is None:
            return
        self.stop()
        whole_case = self.scope.currentIndex() == 1
        if whole_case:
            documents = [
                (p.document.id, p.document.file_name, p.document.page_count)
                for p in self.case.progress
            ]
        elif self.case.document is not None:
            doc = self.case.document
            documents = [(doc.id, doc.file_name, doc.page_count)]
        else:
            return
        pattern = self.pattern.text()
        flags: Flags = (
            self.regex.isChecked(),
            self.case_sensitive.isChecked(),
            self.whole_word.isChecked(),
        )
        try:
            compile_pattern(pattern, *flags)  # a bad pattern is said before any page is read
        except RedactorError as exc:
            self.status.setText("")
            show_user_error(self, exc)
            return
        pages = {doc_id: count for doc_id, _name, count in documents}
        job = CaseJob(
            self.worker,
            functools.partial(self._search_pages, pattern, flags, pages),
            [(doc_id, name) for doc_id, name, _count in documents],
            self,
            priority=SEARCH_PRIORITY,
            paged=True,
        )
        # Only the search under way reports: one replaced, or of a case closed, is dropped.
        job.stepped.connect(lambda _d, _n: self._stepped(job))
        job.finished.connect(lambda: self._finished(job))
        job.failed.connect(lambda exc: self._failed(job, exc))
        self._job = job
        self.progress.setRange(0, max(sum(pages.values()), 1))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Searching…"))
        job.start()
        self._update_find_button()

    def stop(self) -> None:
        """Stop the search under way after the page being read; it reports nothing."""
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            self.progress.hide()
            self.status.setText(self.tr("Search stopped."))
            self._update_find_button()

    def searching(self) -> bool:
        return self._job is not None

    def _find_clicked(self) -> None:
        if self._job is not None:
            self.stop()
        else:
            self.search()

    def _search_pages(
        self, pattern: str, flags: Flags, pages: dict[int, int], document_id: int
    ) -> Iterator[list[Match]]:
        """A document's matches, page by page. On the worker thread."""
        for page in range(pages[document_id]):
            yield find_text([self._words(document_id, page)], pattern, *flags)

    def _stepped(self, job: CaseJob) -> None:
        if job is self._job:
            self.progress.setValue(len(job.items()))

    def _finished(self, job: CaseJob) -> None:
        if job is not self._job:
            return
        self._job = None
        self._update_find_button()
        found = [
            (doc_id, name, match)
            for (doc_id, name), pages in zip(job.documents, job.results, strict=False)
            for matches in pages
            for match in matches
        ]
        self._found(found)

    def _found(self, found: list[tuple[int, str, Match]]) -> None:
        self.progress.hide()
        session = self.case.session
        if session is None:
            return
        boxes: dict[int, list[Redaction]] = {}
        hits = []
        for doc_id, name, match in found:
            if doc_id not in boxes:
                boxes[doc_id] = session.redactions(doc_id)
            hits.append(Hit(doc_id, name, match, is_covered(match, boxes[doc_id])))
        self.model.set_hits(hits)
        open_hits = sum(1 for h in hits if not h.covered)
        self.status.setText(
            self.tr("%n match(es)", "", len(hits))
            + " · "
            + self.tr("%n not yet redacted", "", open_hits)
        )

    def _failed(self, job: CaseJob, exc: BaseException) -> None:
        if job is not self._job:
            return
        self._job = None
        self._update_find_button()
        self.progress.hide()
        self.status.setText("")
        if not isinstance(exc, RedactorError):
            raise exc
        show_user_error(self, exc)

    def _case_closed(self) -> None:
        self.stop()  # stops between two pages; whatever it still answers is dropped
        self.model.set_hits([])
        self.status.setText("")

    def _update_find_button(self) -> None:
        if self._job is not None:
            self.find_button.setText(self.tr("Stop"))
            self.find_button.setToolTip(self.tr("Stop searching"))
        else:
            self.find_button.setText(self.tr("Find"))
            self.find_button.setToolTip("")

    def wait_idle(self) -> bool:
        return self._job is None

    # -- results --------------------------------------------------------------------------------

    def _jump(self, index: QModelIndex) -> None:
        hit = index.data(Qt.ItemDataRole.UserRole)
        if hit is not None:
            self.jumpRequested.emit(hit.document_id, hit.match.page_index, hit.match.rects[0])

    def _redact_hits(self, *, selected_only: bool) -> None:
        if selected_only:
            rows = sorted({i.row() for i in self.results.selectedIndexes()})
            hits = [self.model.hits[r] for r in rows]
        else:
            hits = list(self.model.hits)
        hits = [h for h in hits if not h.covered]
        if hits and self._redact(hits):
            self._found([(h.document_id, h.document_name, h.match) for h in self.model.hits])
