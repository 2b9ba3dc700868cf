"""Long work over several documents (suggestions, OCR) as one worker task per document.

Going document by document keeps the window responsive and the work cancellable: the pages
the reviewer looks at render between two documents (the worker has one thread), and a
cancel takes effect before the next document starts. It uses the GUI's one worker pattern
(`Worker.submit`); this only chains the tasks and collects their results.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from redactor.gui.render_worker import Worker

log = logging.getLogger(__name__)


class CaseJob(QObject):
    progressed = Signal(int, int, str)  # documents done, total, name of the one now read
    finished = Signal()  # results in `results`; `cancelled` says whether it stopped early
    failed = Signal(object)  # the exception (the documents before it are in `results`)

    def __init__(
        self,
        worker: Worker,
        step: Callable[[int], Any],
        documents: Sequence[tuple[int, str]],
        parent: QObject | None = None,
        *,
        priority: int = 0,
    ) -> None:
        """`step(document_id)` runs on the worker thread, once per (document id, name)."""
        super().__init__(parent)
        self._worker = worker
        self._step = step
        self.documents = list(documents)
        self._priority = priority
        self.results: list[Any] = []
        self.cancelled = False
        self.running = False

    def start(self) -> None:
        self.running = True
        self._next()

    def cancel(self) -> None:
        """Stop before the next document (the one being read is finished)."""
        self.cancelled = True

    def _next(self) -> None:
        done = len(self.results)
        if self.cancelled or done >= len(self.documents):
            self.running = False
            self.progressed.emit(done, len(self.documents), "")
            self.finished.emit()
            return
        doc_id, name = self.documents[done]
        self.progressed.emit(done, len(self.documents), name)
        self._worker.submit(
            self._step, doc_id, done=self._done, failed=self._failed, priority=self._priority
        )

    def _done(self, result: object) -> None:
        self.results.append(result)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.failed.emit(exc)
