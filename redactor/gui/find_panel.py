"""Find text or a regular expression in the document or the whole case, then redact matches.

The search runs on the worker (page words: the stored OCR words of a scanned page, else the
PDF's text layer) with progress and cancel.
"Redact selected" / "Redact all" ask for the ground once and create proposed boxes (one undo
step), which then follow the normal review. Matches already under a box are marked and skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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
from redactor.gui.case_controller import CaseController
from redactor.gui.messages import show_user_error
from redactor.gui.render_worker import TaskContext, Worker

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
COVER_SLACK = 0.5  # points: a match this close inside a box counts as covered


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
        self._task: TaskContext | None = None
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
        self.find_button.clicked.connect(self.search)
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
        case.closed.connect(lambda: self.model.set_hits([]))
        self.retranslate()

    def retranslate(self) -> None:
        self.pattern.setPlaceholderText(self.tr("Text or regular expression…"))
        self.regex.setText(self.tr("Regular expression"))
        self.case_sensitive.setText(self.tr("Match case"))
        self.whole_word.setText(self.tr("Whole words"))
        self.scope.setItemText(0, self.tr("This document"))
        self.scope.setItemText(1, self.tr("The whole case"))
        self.find_button.setText(self.tr("Find"))
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
        session = self.case.session
        if session is None:
            return
        if self._task is not None:
            self._task.cancel()
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
        flags = (
            self.regex.isChecked(),
            self.case_sensitive.isChecked(),
            self.whole_word.isChecked(),
        )
        self.progress.setRange(0, sum(d[2] for d in documents))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Searching…"))
        self._task = self.worker.submit(
            self._search,
            documents,
            pattern,
            flags,
            context=True,
            done=self._found,
            failed=self._failed,
            progress=lambda d, _t, _s: self.progress.setValue(d),
            priority=3,
        )

    def _search(
        self,
        ctx: TaskContext,
        documents: list[tuple[int, str, int]],
        pattern: str,
        flags: tuple[bool, bool, bool],
    ) -> list[tuple[int, str, Match]]:
        """On the worker thread."""
        from redactor.detect.search import compile_pattern, find_text

        compile_pattern(pattern, *flags)  # a bad pattern fails before any page is read
        found: list[tuple[int, str, Match]] = []
        done = 0
        for doc_id, name, pages in documents:
            for page in range(pages):
                if ctx.cancelled():
                    return found
                words = self._words(doc_id, page)
                found += [(doc_id, name, m) for m in find_text([words], pattern, *flags)]
                done += 1
                if done % 10 == 0:
                    ctx.progress(done, 0, "")
        return found

    def _found(self, found: list[tuple[int, str, Match]]) -> None:
        self._task = None
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

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.status.setText("")
        if not isinstance(exc, RedactorError):
            raise exc
        show_user_error(self, exc)

    def wait_idle(self) -> bool:
        return self._task is None

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
