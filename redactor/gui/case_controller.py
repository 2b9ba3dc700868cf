"""The open case behind the window: the session, the document on screen, and keeping every view
current, including changes other reviewers make (polled every two seconds).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from redactor.app.session import CaseSession
from redactor.app.source_cache import SourceCache
from redactor.core.errors import RedactorError
from redactor.core.model import (
    CaseInfo,
    Document,
    DocumentProgress,
    PageDecision,
    PageInfo,
    Redaction,
)
from redactor.gui.messages import error_text
from redactor.gui.settings import Settings

log = logging.getLogger(__name__)

POLL_MS = 2000
# Opening a case reads the rest of it (progress, panels) once the first page is painted, or
# after this long if the page is slow (see `finish_opening`).
FINISH_OPENING_MS = 300


class CaseController(QObject):
    opened = Signal()
    closed = Signal()
    # The Document about to be shown, before its pages are read: slow work for it (the first
    # page's render) can start now. When a case is opened, it comes before `opened`.
    documentPending = Signal(object)
    documentShown = Signal(int)  # document id
    # Boxes, decisions or progress changed (ours or another reviewer's): views re-read.
    refreshed = Signal()
    pollFailed = Signal(str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.session: CaseSession | None = None
        self.location = ""  # as the user gave it (may hold a password: never shown or logged)
        self.document: Document | None = None
        self.pages: list[PageInfo] = []
        self.redactions: list[Redaction] = []
        self.decisions: list[PageDecision] = []
        self.progress: list[DocumentProgress] = []
        self.info: CaseInfo | None = None  # re-read on every refresh (the mode can change)
        self._by_page: dict[int, list[Redaction]] = {}
        self._decision_by_page: dict[int, PageDecision] = {}
        self._seen_counter = -1
        self._poll_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        # Copies of the sources for the render process (None: sessions read the database).
        self.sources: SourceCache | None = None
        # True from opening a case until the rest of it is read (`finish_opening`).
        self.opening = False
        self._finish_timer = QTimer(self)
        self._finish_timer.setSingleShot(True)
        self._finish_timer.setInterval(FINISH_OPENING_MS)
        self._finish_timer.timeout.connect(self.finish_opening)

    # -- lifecycle ------------------------------------------------------------------------------

    def open(self, location: str, reviewer: str) -> None:
        """Open a case (raises RedactorError with the sentence to show)."""
        session = CaseSession.open(location, reviewer=reviewer, sources=self.sources)
        self._take(session, location)

    def create(
        self, location: str, reviewer: str, *, four_eyes: bool, catalog: str = "woo"
    ) -> None:
        session = CaseSession.create(
            location,
            reviewer=reviewer,
            four_eyes=four_eyes,
            catalog=catalog,
            sources=self.sources,
        )
        self._take(session, location)

    def _take(self, session: CaseSession, location: str) -> None:
        self.close()
        self.session = session
        self.location = location
        # The first document first: its first page starts rendering (in the render process,
        # `documentPending`) before the window switches to the page view and lays it out;
        # progress, the panels and the recent-cases list come after it is painted.
        self._seen_counter = session.change_counter()
        self.info = session.info()
        self.opening = True
        docs = session.documents()
        if docs:
            self.documentPending.emit(docs[0])
        self.opened.emit()
        if docs:
            self._show(docs[0], pending=False)
            self._finish_timer.start()
        else:
            self.finish_opening()

    def finish_opening(self) -> None:
        """Read the rest of a case just opened (the window calls it once the first page is
        painted; a timer does if that takes long). Does nothing when there is nothing left."""
        self._finish_timer.stop()
        if not self.opening or self.session is None:
            return
        self.opening = False
        location = self.location
        # Settings are written to disk from the event loop: not before the first paint.
        self.settings.add_recent_case(
            location if "://" in location else str(Path(location).resolve())
        )
        self.refresh()
        self.timer.start()

    def close(self) -> None:
        if self.session is None:
            return
        self.opening = False
        self._finish_timer.stop()
        self.timer.stop()
        session, self.session = self.session, None
        session.close()
        self.document = None
        self.pages, self.redactions, self.decisions, self.progress = [], [], [], []
        self.info = None
        self._by_page, self._decision_by_page = {}, {}
        self.closed.emit()

    def require(self) -> CaseSession:
        if self.session is None:
            raise RedactorError(self.tr("Open or create a case first."))
        return self.session

    # -- the document on screen ---------------------------------------------------------------

    def show_document(self, document_id: int) -> None:
        self._show(self.require().store.document(document_id))

    def _show(self, document: Document, *, pending: bool = True) -> None:
        session = self.require()
        self.document = document
        if pending:
            self.documentPending.emit(document)
        self.pages = session.pages(document.id)
        self._read_document()
        self.documentShown.emit(document.id)

    def _read_document(self) -> None:
        session = self.require()
        if self.document is None:
            self.redactions, self.decisions = [], []
        else:
            doc_id = self.document.id
            self.redactions = session.redactions(doc_id)
            self.decisions = session.page_decisions(doc_id)
        by_page: dict[int, list[Redaction]] = defaultdict(list)
        for red in self.redactions:
            by_page[red.page_index].append(red)
        self._by_page = dict(by_page)
        self._decision_by_page = {d.page_index: d for d in self.decisions}

    def boxes_on(self, page_index: int) -> list[Redaction]:
        return list(self._by_page.get(page_index, ()))

    def decision_on(self, page_index: int) -> PageDecision | None:
        return self._decision_by_page.get(page_index)

    def redaction(self, redaction_id: int) -> Redaction | None:
        return next((r for r in self.redactions if r.id == redaction_id), None)

    # -- keeping current ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read what the views show (after our own edit, or when the case changed)."""
        session = self.require()
        self._seen_counter = session.change_counter()
        self.info = session.info()
        self.progress = session.progress()
        if self.document is not None:
            ids = {p.document.id for p in self.progress}
            if self.document.id not in ids:  # removed meanwhile
                self.document = None
                self.pages = []
            else:
                self.document = session.store.document(self.document.id)
                self.pages = session.pages(self.document.id)
        self._read_document()
        self.refreshed.emit()

    def poll(self) -> None:
        """Refresh if anyone changed the case since we last looked."""
        if self.session is None:
            return
        try:
            counter = self.session.change_counter()
        except RedactorError as exc:
            # A shared folder or a database server gone for a moment: say so once, keep trying.
            if self._poll_error != str(exc):
                self._poll_error = str(exc)
                self.pollFailed.emit(error_text(exc))
            return
        self._poll_error = None
        if counter != self._seen_counter:
            log.debug("case changed (%s -> %s); refreshing", self._seen_counter, counter)
            self.refresh()
