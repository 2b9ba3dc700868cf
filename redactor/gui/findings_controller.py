"""Turns what the finding tools found into stored, undoable edits, and reads scanned pages.

- Accepting suggestions: boxes with each suggestion's ground; where that ground needs a written
  motivation (or a detector has no ground in this catalog) the ground picker asks once per
  ground. One undo step.
- "Redact the visible ones" of consistency findings: boxes with the grounds and note of the
  redacted occurrence. One undo step.
- "Redact everywhere" from the selected boxes: the case is read on the worker a page at a time
  (a paged CaseJob, pages render in between), with a Stop; the boxes are then written in one
  transaction and made one undo step, so a stop (or closing the case) leaves no half-made set.
  The status bar says how many boxes it proposed.
- OCR of scanned pages: on the worker, one page per task (a paged CaseJob), so the pages the
  reviewer turns to render in between; each page is stored as soon as it is read, and a cancel
  stops after the page being read, keeping what was read. Afterwards snapping, double-click
  and find use the stored OCR words.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from redactor.app.finding_actions import Acceptance, accept, redact_visible
from redactor.app.findings import CaseSuggestion, EverywhereSearch, ocr_pages
from redactor.app.session import CaseSession
from redactor.core.errors import RedactorError
from redactor.core.model import Redaction
from redactor.core.text import Finding
from redactor.gui.case_controller import CaseController
from redactor.gui.case_job import CaseJob
from redactor.gui.edit_controller import EditController
from redactor.gui.messages import show_message, show_user_error
from redactor.gui.render_worker import Worker

log = logging.getLogger(__name__)

STATUS_MS = 10_000


class FindingsController(QObject):
    statusMessage = Signal(str)

    def __init__(
        self,
        case: CaseController,
        edits: EditController,
        worker: Worker,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.case = case
        self.edits = edits
        self.worker = worker
        self.window = window
        self.everywhere_job: CaseJob | None = None  # reading the case, then writing
        self.everywhere_dialog: QProgressDialog | None = None
        self.ocr_job: CaseJob | None = None
        case.closed.connect(self._case_closed)

    def _case_closed(self) -> None:
        if self.everywhere_job is not None:
            self.everywhere_job.cancel()  # stops after the page being read; nothing is written
        self.everywhere_job = None
        if self.everywhere_dialog is not None:
            self.everywhere_dialog.close()
        if self.ocr_job is not None:
            self.ocr_job.cancel()  # stops after the page being read; nothing is reported
        self.ocr_job = None

    # -- suggestions ----------------------------------------------------------------------------

    def accept_suggestions(self, items: Sequence[CaseSuggestion]) -> bool:
        """Proposed boxes over the suggestions (one undo step). False if nothing was made."""
        session = self.case.require()
        acceptances = self._acceptances(session, items)
        if acceptances is None:
            return False
        text = self.tr("Accept %n suggestion(s)", "", len(items))
        return self.edits.run_created(text, lambda: accept(session, acceptances))

    def _acceptances(
        self, session: CaseSession, items: Sequence[CaseSuggestion]
    ) -> list[Acceptance] | None:
        by_ground: dict[str | None, list[CaseSuggestion]] = {}
        for item in items:
            by_ground.setdefault(item.suggestion.ground, []).append(item)
        acceptances = []
        for ground, found in _in_order(by_ground):
            known = session.catalog.get(ground) if ground else None
            if known is not None and not known.requires_motivation:
                acceptances.append(Acceptance(tuple(found), None, ""))
                continue
            # The ground asks for a motivation (or there is none): the reviewer gives it once.
            choice = self.edits.choose_grounds(
                (ground,) if ground else (),
                "",
                self.tr("Ground and motivation for %n suggestion(s)", "", len(found)),
            )
            if choice is None:
                return None
            acceptances.append(Acceptance(tuple(found), choice.codes, choice.note))
        return acceptances

    # -- consistency ----------------------------------------------------------------------------

    def redact_visible(self, findings: Sequence[Finding]) -> bool:
        session = self.case.require()
        chosen = list(findings)
        text = self.tr("Redact the visible occurrences of %n term(s)", "", len(chosen))
        made: list[Redaction] = []

        def create() -> list[Redaction]:
            made.extend(redact_visible(session, chosen))
            return made

        if not self.edits.run_created(text, create):
            return False
        self.statusMessage.emit(self.tr("%n box(es) proposed.", "", len(made)))
        return True

    # -- redact everywhere ----------------------------------------------------------------------

    def redact_everywhere(self, redaction_ids: Sequence[int]) -> None:
        """Propose boxes over every other occurrence of the boxes' words.

        The case is read on the worker a few pages per task (a paged CaseJob) while a progress
        window offers Stop; the boxes are then written in one transaction (one more task) and
        made one undo step. Stopped, or the case closed, before that: nothing is written."""
        session = self.case.require()
        ids = list(redaction_ids)
        if not ids or self.everywhere_job is not None:
            return
        listed = [p.document for p in self.case.progress]
        if not listed:
            return
        search = EverywhereSearch(session, ids)
        job = CaseJob(
            self.worker, search.pages, [(d.id, d.file_name) for d in listed], self, paged=True
        )
        self.everywhere_job = job
        total = max(sum(d.page_count for d in listed), 1)
        before = [sum(d.page_count for d in listed[:i]) for i in range(len(listed))]
        # Not modal: the reviewer goes on paging (and reviewing) while the case is read.
        dialog = QProgressDialog(
            self.tr("Looking for other occurrences in the whole case…"),
            self.tr("Stop"),
            0,
            total,
            self.window,
        )
        dialog.setWindowTitle(self.tr("Redact everywhere"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)
        self.everywhere_dialog = dialog

        def stepped(document: int, pages: int) -> None:
            if not job.cancelled:  # the last step is the write, not the bar's end
                dialog.setValue(min(before[document] + pages, total - 1))

        def finished() -> None:
            dialog.close()
            if session is self.case.session and job is self.everywhere_job:
                self._everywhere_read(session, job, search)

        def failed(exc: BaseException) -> None:
            dialog.close()
            if session is self.case.session and job is self.everywhere_job:
                self._everywhere_failed(session, exc)

        def stop() -> None:
            if job.running:  # closing the dialog at the end also says "canceled"
                job.cancel()

        job.stepped.connect(stepped)
        job.finished.connect(finished)
        job.failed.connect(failed)
        dialog.canceled.connect(stop)
        self.statusMessage.emit(self.tr("Looking for other occurrences in the whole case…"))
        job.start()

    def everywhere_running(self) -> bool:
        return self.everywhere_job is not None

    def stop_everywhere(self) -> None:
        """Stop reading after the page being read: no box is proposed."""
        if self.everywhere_job is not None and self.everywhere_job.running:
            self.everywhere_job.cancel()

    def _everywhere_read(
        self, session: CaseSession, job: CaseJob, search: EverywhereSearch
    ) -> None:
        if job.cancelled:
            self.everywhere_job = None
            self.statusMessage.emit(self.tr("Redact everywhere stopped: no boxes were proposed."))
            return
        # Every box in one transaction, on the worker (thousands of boxes take a while).
        self.worker.submit(
            search.propose,
            done=lambda created: self._everywhere_done(session, job, created),
            failed=lambda exc: self._everywhere_failed(session, exc, job),
        )

    def _everywhere_done(
        self, session: CaseSession, job: CaseJob, created: list[Redaction]
    ) -> None:
        if session is not self.case.session or job is not self.everywhere_job:
            return  # another case by now
        self.everywhere_job = None
        self.edits.push_created(self.tr("Redact everywhere"), created)
        if created:
            documents = len({r.document_id for r in created})
            text = self.tr("Redact everywhere: %n box(es) proposed", "", len(created))
            text += " " + self.tr("in %n document(s).", "", documents)
        else:
            text = self.tr("Redact everywhere: no other unredacted occurrences found.")
        self.statusMessage.emit(text)

    def _everywhere_failed(
        self, session: CaseSession, exc: BaseException, job: CaseJob | None = None
    ) -> None:
        if session is not self.case.session or (job is not None and job is not self.everywhere_job):
            return
        self.everywhere_job = None
        self.statusMessage.emit("")
        if not isinstance(exc, RedactorError):
            raise exc
        show_user_error(self.window, exc)

    # -- OCR ------------------------------------------------------------------------------------

    def read_scanned(self, whole_case: bool) -> None:
        """OCR the pages without text of the current document or of the whole case."""
        session = self.case.require()
        if self.ocr_job is not None and self.ocr_job.running:
            return
        if whole_case:
            listed = [p.document for p in self.case.progress]
        elif self.case.document is not None:
            listed = [self.case.document]
        else:
            return
        if not listed:
            return
        documents = [(d.id, d.file_name) for d in listed]
        # Pages before each document's first: the bar counts pages.
        before = [sum(d.page_count for d in listed[:i]) for i in range(len(listed))]
        dialog = QProgressDialog(
            self.tr("Reading scanned pages…"),
            self.tr("Cancel"),
            0,
            max(sum(d.page_count for d in listed), 1),
            self.window,
        )
        dialog.setWindowTitle(self.tr("Read scanned pages (OCR)"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        job = CaseJob(
            self.worker, functools.partial(ocr_pages, session), documents, self, paged=True
        )
        self.ocr_job = job

        def progressed(done: int, total: int, name: str) -> None:
            if name:
                dialog.setLabelText(
                    self.tr("Reading the scanned pages of {0} ({1} of {2})…").format(
                        name, done + 1, total
                    )
                )

        def stepped(document: int, pages: int) -> None:
            if not job.cancelled:
                dialog.setValue(before[document] + pages)

        def finished() -> None:
            dialog.close()
            if session is self.case.session:
                self._ocr_done(job)

        def failed(exc: BaseException) -> None:
            dialog.close()
            if session is self.case.session:
                self._ocr_done(job, exc)

        def cancel() -> None:
            if not job.running:  # closing the dialog at the end also says "canceled"
                return
            job.cancel()
            self.statusMessage.emit(self.tr("OCR stops after the page being read…"))

        job.progressed.connect(progressed)
        job.stepped.connect(stepped)
        job.finished.connect(finished)
        job.failed.connect(failed)
        dialog.canceled.connect(cancel)
        job.start()

    def _ocr_done(self, job: CaseJob, exc: BaseException | None = None) -> None:
        if self.ocr_job is job:
            self.ocr_job = None
        pages = sum(1 for page in job.items() if page is not None)
        started = len(job.results) + (1 if job.current else 0)
        read = [doc_id for doc_id, _ in job.documents[:started]]
        if pages:
            self.edits.forget_words(read)
            self.case.refresh()
        if exc is not None:
            if not isinstance(exc, RedactorError):
                raise exc
            show_user_error(self.window, exc)
            return
        title = self.tr("Read scanned pages (OCR)")
        if job.cancelled:
            text = self.tr("OCR stopped: %n scanned page(s) read and kept.", "", pages)
            text += " " + self.tr(
                "The pages not read yet are as they were; reading again goes on from there."
            )
        elif pages:
            text = self.tr(
                "%n scanned page(s) read. Find, suggestions and snapping to text now use the "
                "recognised words.",
                "",
                pages,
            )
        else:
            text = self.tr("No page needed reading: every page has text or was read before.")
        show_message(self.window, title, text)


def _in_order(
    groups: dict[str | None, list[CaseSuggestion]],
) -> list[tuple[str | None, list[CaseSuggestion]]]:
    """Grounds in a stable order (no ground last), so the picker asks in the same order."""
    return sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
