"""Long work over several documents (suggestions, OCR, find, consistency) as short worker tasks.

The worker has one thread, and the page renderer uses it too: a task that runs for seconds makes
the reviewer wait for the page they turned to. So long work is cut into tasks: one per document,
or, for paged work, one per slice of pages. The renderer's requests run between two tasks, and
a cancel takes effect before the next one (between pages for paged work). It uses the GUI's one
worker pattern (`Worker.submit`); this only chains the tasks and collects their results.

Paged work: `step(document_id)` returns an iterator that does one page's work per item (OCR a
page, read its words). Each task advances it for at most `SLICE_SECONDS` (and at least one
item); the iterator stays open between tasks and is only ever advanced or closed on the worker.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from redactor.gui.render_worker import Worker

log = logging.getLogger(__name__)

# How long one task of paged work may hold the worker: a page the reviewer turns to waits at
# most this long (plus its own render). One item always runs, however long it takes (OCR).
SLICE_SECONDS = 0.05


class CaseJob(QObject):
    progressed = Signal(int, int, str)  # documents done, total, name of the one now read
    # Paged work, after each task: (index of the document in `documents`, items done in it).
    stepped = Signal(int, int)
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
        paged: bool = False,
    ) -> None:
        """`step(document_id)` runs on the worker thread, once per (document id, name).

        With `paged`, it returns an iterator; a document's result is the list of its items.
        """
        super().__init__(parent)
        self._worker = worker
        self._step = step
        self.documents = list(documents)
        self._priority = priority
        self._paged = paged
        self.results: list[Any] = []  # one per finished document
        # Paged: the items of the document under way (cut short if cancelled or failed).
        self.current: list[Any] = []
        self._iterator: Iterator[Any] | None = None  # touched on the worker thread only
        self._stop = threading.Event()  # read between items on the worker thread
        self.cancelled = False
        self.running = False

    def start(self) -> None:
        self.running = True
        self._next()

    def cancel(self) -> None:
        """Stop before the next document or, for paged work, the next page."""
        self.cancelled = True
        self._stop.set()

    def items(self) -> list[Any]:
        """Paged: every item so far, of the finished documents and of the one cut short."""
        return [item for result in self.results for item in result] + list(self.current)

    def _next(self) -> None:
        done = len(self.results)
        if self.cancelled or done >= len(self.documents):
            self._end()
            self.progressed.emit(done, len(self.documents), "")
            self.finished.emit()
            return
        doc_id, name = self.documents[done]
        self.progressed.emit(done, len(self.documents), name)
        if self._paged:
            self.current = []
            self._submit(self._first_slice, doc_id)
        else:
            self._submit(self._step, doc_id)

    def _submit(self, fn: Callable[..., Any], *args: Any) -> None:
        done = self._slice_done if self._paged else self._done
        self._worker.submit(fn, *args, done=done, failed=self._failed, priority=self._priority)

    def _done(self, result: object) -> None:
        self.results.append(result)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._end()
        self.failed.emit(exc)

    def _end(self) -> None:
        """Close an iterator cut short, on the worker (it may hold an open PDF)."""
        self.running = False
        iterator, self._iterator = self._iterator, None
        close = getattr(iterator, "close", None)
        if close is not None:
            self._worker.submit(close, priority=self._priority)

    # -- paged work (the worker thread runs the slices) -------------------------------------------

    def _first_slice(self, document_id: int) -> tuple[list[Any], bool]:
        self._iterator = iter(self._step(document_id))
        return self._slice()

    def _next_slice(self) -> tuple[list[Any], bool]:
        return self._slice()

    def _slice(self) -> tuple[list[Any], bool]:
        """Advance the document's iterator for a while: (items, whether the document is done)."""
        iterator = self._iterator
        assert iterator is not None
        items: list[Any] = []
        start = time.monotonic()
        for item in iterator:
            items.append(item)
            if self._stop.is_set() or time.monotonic() - start >= SLICE_SECONDS:
                return items, False
        self._iterator = None
        return items, True

    def _slice_done(self, answer: tuple[list[Any], bool]) -> None:
        items, finished = answer
        self.current.extend(items)
        self.stepped.emit(len(self.results), len(self.current))
        if finished:
            self.results.append(self.current)
            self.current = []
            self._next()
        elif self.cancelled:
            self._next()  # ends the job and closes the iterator
        else:
            self._submit(self._next_slice)
