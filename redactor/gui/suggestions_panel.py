"""Suggestions: what the personal-data detectors found, for the reviewer to accept or dismiss.

The detectors run on the worker a few pages per task (a paged CaseJob), over the page words
(stored OCR words for scanned pages), so the pages the reviewer turns to render in between;
Stop ends the run after the page being read, and closing the case stops it (a run of a case
closed, or replaced by a new run, reports nothing). The list groups by detector and by term; selecting a
group means all of it. Enter accepts (proposed boxes with the suggested ground, one undo step,
then the normal review), Delete dismisses (remembered and audited; not undoable), the arrows
move and the page view follows with the suggestion highlighted.

The list is the last run's result kept current: a suggestion disappears when a box covers it
or someone dismisses it, and comes back when that box is undone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from redactor.app.findings import (
    CaseSuggestion,
    dismiss_suggestions,
    still_open,
    suggestion_pages,
    suggestion_passes,
)
from redactor.core.errors import RedactorError
from redactor.detect.detectors import DETECTOR_NAMES
from redactor.gui.case_controller import CaseController
from redactor.gui.case_job import CaseJob
from redactor.gui.keyed_tree import KeyedTreeView
from redactor.gui.messages import show_user_error, user_action
from redactor.gui.render_worker import Worker
from redactor.gui.suggestions_model import (
    DETECTOR,
    DOCUMENT_COLUMN,
    PAGE_COLUMN,
    SUGGESTION,
    TERM,
    Group,
    SuggestionsModel,
)
from redactor.gui.tree_model import NODE_ROLE, TreeNode

log = logging.getLogger(__name__)

# Dismissing more than this many at once asks first (a dismissal cannot be undone).
CONFIRM_DISMISS = 1
DOCUMENT_WIDTH = 120  # pixels; long file names are cut off (the tooltip has them whole)


class SuggestionsPanel(QWidget):
    jumpRequested = Signal(int, int, object)  # document id, page index, tuple[Rect, ...]
    highlightCleared = Signal()

    def __init__(
        self,
        case: CaseController,
        worker: Worker,
        accept: Callable[[list[CaseSuggestion]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.worker = worker
        self._accept = accept
        self._found: list[CaseSuggestion] = []  # the last run, minus what was dismissed
        self._job: CaseJob | None = None
        self._expanded: dict[tuple[object, ...], bool] = {}  # the reviewer's choices
        self._restoring = False  # re-selecting after the list changed: no jump
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItems(["", ""])
        self.detectors_button = QToolButton()
        self.detectors_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.detectors_menu = QMenu(self)
        self.detector_actions: dict[str, QAction] = {}
        for name in DETECTOR_NAMES:
            action = self.detectors_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(True)
            self.detector_actions[name] = action
        self.detectors_button.setMenu(self.detectors_menu)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run)
        row.addWidget(self.scope, 1)
        row.addWidget(self.detectors_button)
        row.addWidget(self.run_button)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = SuggestionsModel(self)
        self.tree = KeyedTreeView()
        self.tree.setModel(self.model)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PAGE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DOCUMENT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DOCUMENT_COLUMN, DOCUMENT_WIDTH)
        self.tree.acceptRequested.connect(self.accept_selected)
        self.tree.dismissRequested.connect(self.dismiss_selected)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda index: self._show(index))
        self.tree.expanded.connect(lambda i: self._remember_expansion(i, True))
        self.tree.collapsed.connect(lambda i: self._remember_expansion(i, False))
        self.tree.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton()
        self.dismiss_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout.addLayout(buttons)
        case.refreshed.connect(self.refresh)
        case.closed.connect(self._case_closed)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.scope.setItemText(0, self.tr("This document"))
        self.scope.setItemText(1, self.tr("The whole case"))
        self.detectors_button.setText(self.tr("Detectors"))
        self.detectors_button.setToolTip(self.tr("Which kinds of personal data to look for"))
        for name, action in self.detector_actions.items():
            action.setText(self.model.detector_label(name))
        self.accept_button.setText(self.tr("Accept (Enter)"))
        self.accept_button.setToolTip(
            self.tr(
                "Propose boxes over the selected suggestions with their suggested ground "
                "(one undo step); they then go through review. A selected group accepts all "
                "of it."
            )
        )
        self.dismiss_button.setText(self.tr("Dismiss (Del)"))
        self.dismiss_button.setToolTip(
            self.tr(
                "Hide the selected suggestions for good. A dismissal is recorded in the audit "
                "trail and cannot be undone."
            )
        )
        self.model.retranslate()
        self._update_run_button()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_list(self) -> None:
        self.tree.setFocus()
        if not self.tree.currentIndex().isValid() and self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    # -- running the detectors ------------------------------------------------------------------

    def detectors(self) -> list[str]:
        return [name for name, action in self.detector_actions.items() if action.isChecked()]

    def running(self) -> bool:
        return self._job is not None and self._job.running

    def run(self) -> None:
        """Run the detectors over the document or the case (or stop the run under way)."""
        if self._job is not None and self._job.running:
            self._job.cancel()
            self.run_button.setEnabled(False)
            return
        session = self.case.session
        if session is None:
            return
        detectors = tuple(self.detectors())
        if not detectors:
            self.status.setText(self.tr("Choose at least one detector."))
            return
        if self.scope.currentIndex() == 1:
            listed = [p.document for p in self.case.progress]
        elif self.case.document is not None:
            listed = [self.case.document]
        else:
            return
        documents = [(d.id, d.file_name) for d in listed]
        try:
            passes = suggestion_passes(session, detectors)
        except RedactorError as exc:
            show_user_error(self, exc)
            return
        # The bar counts steps: `passes` per page; before[i]: the steps before document i.
        before = [passes * sum(d.page_count for d in listed[:i]) for i in range(len(listed))]

        def step(document_id: int) -> Iterator[list[CaseSuggestion]]:
            return suggestion_pages(session, detectors, document_id)  # on the worker

        job = CaseJob(self.worker, step, documents, self, paged=True)
        # A job of a case closed meanwhile (or of an earlier run) reports to nobody.
        job.progressed.connect(lambda d, t, n: self._progressed(job, d, t, n))
        job.stepped.connect(lambda d, n: self._stepped(job, before[d] + n))
        job.finished.connect(lambda: self._finished(job))
        job.failed.connect(lambda exc: self._failed(job, exc))
        self._job = job
        self._found = []
        self._show_items([])
        self.progress.setRange(0, max(passes * sum(d.page_count for d in listed), 1))
        self.progress.setValue(0)
        self.progress.show()
        job.start()
        self._update_run_button()

    def _progressed(self, job: CaseJob, _done: int, _total: int, name: str) -> None:
        if job is not self._job:
            return
        if name:
            self.status.setText(self.tr("Reading {0}…").format(name))

    def _stepped(self, job: CaseJob, steps: int) -> None:
        if job is not self._job or job.cancelled:
            return
        self.progress.setValue(steps)
        found = _flat(job)
        if len(found) != len(self._found):  # show what the pages read so far hold
            self._found = found
            self.refresh()

    def _finished(self, job: CaseJob) -> None:
        if job is not self._job:
            return
        self._found = _flat(job)  # stopped: the pages read before it stopped
        self.progress.hide()
        self._update_run_button()
        self.refresh()
        self._update_status()
        self._update_buttons()
        if job.cancelled:
            self.status.setText(
                self.tr("Stopped after {0} of {1} documents.").format(
                    len(job.results), len(job.documents)
                )
                + " "
                + self.status.text()
            )

    def _failed(self, job: CaseJob, exc: BaseException) -> None:
        if job is not self._job:
            return
        self.progress.hide()
        self._update_run_button()
        self._update_status()
        if not isinstance(exc, RedactorError):
            raise exc
        show_user_error(self, exc)

    def _update_run_button(self) -> None:
        running = self.running()
        self.run_button.setEnabled(True)
        self.run_button.setText(self.tr("Stop") if running else self.tr("Find suggestions"))
        self.run_button.setToolTip(
            self.tr("Stop after the page being read")
            if running
            else self.tr("Run the detectors over the chosen documents")
        )

    def _case_closed(self) -> None:
        if self._job is not None:
            self._job.cancel()  # stops after the page being read; it reports nothing
        self._job = None
        self._found = []
        self._expanded.clear()
        self._show_items([])
        self.progress.hide()
        self._update_run_button()

    # -- the list -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the last run's suggestions that are still open (not boxed, not dismissed)."""
        session = self.case.session
        if session is None:
            return
        with user_action(self):
            items = still_open(session, self._found)
            if [i.digest for i in items] != [i.digest for i in self.model.items()]:
                self._show_items(items)

    def _show_items(self, items: Sequence[CaseSuggestion]) -> None:
        current = self.tree.currentIndex()
        current_key = current.data(NODE_ROLE).key if current.isValid() else None
        position = self._position(current) if current.isValid() else None
        selected = {n.key for n in self.tree.selected_nodes()} if current.isValid() else set()
        names = {p.document.id: p.document.file_name for p in self.case.progress}
        self.model.set_items(items, names)
        # One document: its name on every row says nothing.
        self.tree.setColumnHidden(DOCUMENT_COLUMN, len({i.document_id for i in items}) <= 1)
        for node in self.model.root.walk():
            if node.children and node is not self.model.root:
                default = node.key[0] == DETECTOR
                index = self.model.index_of(node)
                self.tree.setExpanded(index, self._expanded.get(node.key, default))
                if node.key[0] == DETECTOR:  # the detector's label and ground, in full
                    self.tree.setFirstColumnSpanned(index.row(), index.parent(), True)
        self._restore(current_key, position, selected)
        self._update_status()
        self._update_buttons()

    def _position(self, index: QModelIndex) -> list[int]:
        rows: list[int] = []
        while index.isValid():
            rows.insert(0, index.row())
            index = index.parent()
        return rows

    def _restore(
        self,
        key: tuple[object, ...] | None,
        position: list[int] | None,
        selected: set[tuple[object, ...]],
    ) -> None:
        """Select what was selected; if it is gone (accepted, dismissed), what took its place,
        so that Enter, Enter, Enter works through the list."""
        if key is None:
            return
        node = self.model.find(key)
        selection = self.tree.selectionModel()
        if node is not None:
            index = self.model.index_of(node)
        else:
            index = self._nearest(position or [])
            selected = set()
        if not index.isValid():
            self.highlightCleared.emit()
            return
        self._restoring = True  # the page view stays where it is...
        try:
            self.tree.setCurrentIndex(index)
            for other in selected - {key}:
                found = self.model.find(other)
                if found is not None:
                    selection.select(
                        self.model.index_of(found),
                        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                    )
        finally:
            self._restoring = False
        if node is None:  # ...unless it showed what is gone: then it shows the next one
            self._show(index)

    def _nearest(self, position: list[int]) -> QModelIndex:
        """The row at `position`, or the closest one above it that still exists."""
        parent = QModelIndex()
        for depth, row in enumerate(position):
            count = self.model.rowCount(parent)
            if count == 0:
                return parent
            index = self.model.index(min(row, count - 1), 0, parent)
            if row >= count or depth == len(position) - 1:
                return index
            if not self.tree.isExpanded(index):
                return index
            parent = index
        return parent

    def _remember_expansion(self, index: QModelIndex, expanded: bool) -> None:
        node = index.data(NODE_ROLE)
        if node is not None:
            self._expanded[node.key] = expanded

    def _update_status(self) -> None:
        if self.running():
            return
        count = len(self.model.items())
        if self._job is None:
            self.status.setText(
                self.tr("Find suggestions to let the detectors look for personal data.")
            )
            return
        documents = len({i.document_id for i in self.model.items()})
        text = self.tr("%n suggestion(s)", "", count)
        if count:
            text += " " + self.tr("in %n document(s)", "", documents)
        self.status.setText(text)

    def _update_buttons(self) -> None:
        has = bool(self.model.items())
        self.accept_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    # -- following the selection ----------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self._show(current)

    def _show(self, index: QModelIndex) -> None:
        node: TreeNode | None = index.data(NODE_ROLE) if index.isValid() else None
        if node is None or node.key[0] == DETECTOR:
            return
        if node.key[0] == TERM and isinstance(node.payload, Group):
            first = node.payload.items[0]
            rects = tuple(
                r
                for i in node.payload.items
                if (i.document_id, i.suggestion.page_index)
                == (first.document_id, first.suggestion.page_index)
                for r in i.suggestion.rects
            )
        elif isinstance(node.payload, CaseSuggestion):
            first = node.payload
            rects = first.suggestion.rects
        else:
            return
        self.jumpRequested.emit(first.document_id, first.suggestion.page_index, rects)

    # -- accepting and dismissing ---------------------------------------------------------------

    def selected_items(self) -> list[CaseSuggestion]:
        return self.model.items_under(self.tree.selected_nodes())

    def accept_selected(self) -> None:
        self.accept(self.selected_items())

    def dismiss_selected(self) -> None:
        self.dismiss(self.selected_items())

    def accept(self, items: list[CaseSuggestion]) -> None:
        if items and self._accept(items):
            self.tree.setFocus()  # back from the ground picker: Enter goes on

    def dismiss(self, items: list[CaseSuggestion]) -> None:
        session = self.case.session
        if session is None or not items:
            return
        if len(items) > CONFIRM_DISMISS:
            answer = QMessageBox.question(
                self,
                self.tr("Dismiss suggestions"),
                self.tr(
                    "Dismiss %n suggestion(s)? They will not be suggested again; this is "
                    "recorded in the audit trail and cannot be undone.",
                    "",
                    len(items),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        with user_action(self):
            dismiss_suggestions(session, items)
            gone = {i.digest for i in items}
            self._found = [s for s in self._found if s.digest not in gone]
            self.case.refresh()  # the audit trail changed; refresh() also redraws this list
        self.tree.setFocus()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        node: TreeNode | None = index.data(NODE_ROLE) if index.isValid() else None
        if node is None:
            return
        if not self.tree.selectionModel().isSelected(index):
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Accept"), self.accept_selected)
        item = _first(node)
        if item is not None:
            s = item.suggestion
            term = self.model.of_term(s.detector, s.value)
            kind = self.model.of_detector(s.detector)
            label = self.model.detector_label(s.detector)
            if node.key[0] == SUGGESTION and len(term) > 1:
                menu.addAction(
                    self.tr("Accept every “{0}” ({1})").format(s.text, len(term)),
                    lambda: self.accept(term),
                )
            menu.addAction(
                self.tr("Accept all: {0} ({1})").format(label, len(kind)),
                lambda: self.accept(kind),
            )
            menu.addSeparator()
            menu.addAction(self.tr("Dismiss"), self.dismiss_selected)
            if node.key[0] == SUGGESTION and len(term) > 1:
                menu.addAction(
                    self.tr("Dismiss every “{0}” ({1})").format(s.text, len(term)),
                    lambda: self.dismiss(term),
                )
            menu.addAction(
                self.tr("Dismiss all: {0} ({1})").format(label, len(kind)),
                lambda: self.dismiss(kind),
            )
        menu.exec(self.tree.viewport().mapToGlobal(pos))


def _first(node: TreeNode) -> CaseSuggestion | None:
    if isinstance(node.payload, CaseSuggestion):
        return node.payload
    if isinstance(node.payload, Group) and node.payload.items:
        return node.payload.items[0]
    return None


def _flat(job: CaseJob) -> list[CaseSuggestion]:
    """The suggestions of the pages a paged run has read so far (one list per item)."""
    return [s for found in job.items() for s in found]
