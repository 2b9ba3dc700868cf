"""The GUI's one worker pattern: run a function off the GUI thread, get its result back on it.

Every slow call (rendering, text extraction, the export preview, importing, exporting,
searching) goes through `Worker.submit`. The function runs on a thread of the worker's
QThreadPool; its result or exception comes back through a queued signal, so the callbacks
always run on the GUI thread (picard's `run_task`/`to_main`, napari's qthreading).

The pool has ONE thread by default: PyMuPDF must not be called from two threads at once, and
it holds the GIL while it renders, so a second thread would not be faster anyway.

Long work takes a `TaskContext` as its first argument (`context=True`): it reports progress
with `context.progress(done, total, text)` and checks `context.cancelled()` between steps.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
FailedCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int, str], None]


@dataclass
class TaskContext:
    """Handed to long work: a cancel flag and a way to report progress."""

    task_id: int
    _emit_progress: Callable[[int, int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._emit_progress(self.task_id, done, total, text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


@dataclass
class _Callbacks:
    done: DoneCallback | None
    failed: FailedCallback | None
    progress: ProgressCallback | None
    context: TaskContext
    runnable: QRunnable | None = None


class _Runnable(QRunnable):
    def __init__(
        self, worker: Worker, task_id: int, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> None:
        super().__init__()
        # The worker keeps the runnable until its result is delivered and drops it on the GUI
        # thread, so no Python object is ever freed by the pool on one of its threads.
        self.setAutoDelete(False)
        self._worker = worker
        self._task_id = task_id
        self._fn = fn
        self._args = args

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # delivered to the GUI thread, never lost in the pool
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._worker._finished.emit(self._task_id, False, exc)
        else:
            self._worker._finished.emit(self._task_id, True, result)


class Worker(QObject):
    """Runs functions on a private thread pool and calls back on the GUI thread."""

    # (task id, ok, result or exception); emitted from pool threads, received on the GUI thread.
    _finished = Signal(int, bool, object)
    _progressed = Signal(int, int, int, str)
    # A task whose failure nobody handles (no `failed` callback): the window shows it.
    unhandledError = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._ids = itertools.count(1)
        self._tasks: dict[int, _Callbacks] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: DoneCallback | None = None,
        failed: FailedCallback | None = None,
        progress: ProgressCallback | None = None,
        context: bool = False,
        priority: int = 0,
    ) -> TaskContext:
        """Run `fn(*args)` (or `fn(context, *args)`) off the GUI thread.

        Higher `priority` runs first among queued tasks (the visible page before thumbnails).
        Returns the task's context, whose `cancel()` asks long work to stop.
        """
        task_id = next(self._ids)
        ctx = TaskContext(task_id, self._progressed.emit)
        call_args = (ctx, *args) if context else args
        runnable = _Runnable(self, task_id, fn, call_args)
        self._tasks[task_id] = _Callbacks(done, failed, progress, ctx, runnable)
        if len(self._tasks) == 1:
            self.busyChanged.emit(True)
        self._pool.start(runnable, priority)
        return ctx

    def pending(self) -> int:
        return len(self._tasks)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown). Results still arrive as events."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Cancel what is running, drop what is queued, wait for the pool to stop."""
        for callbacks in self._tasks.values():
            callbacks.context.cancel()
        self._pool.clear()
        self._pool.waitForDone()
        self._tasks.clear()

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:
        callbacks = self._tasks.pop(task_id, None)
        if not self._tasks:
            self.busyChanged.emit(False)
        if callbacks is None:  # shut down meanwhile
            return
        if ok:
            if callbacks.done is not None:
                callbacks.done(payload)
            return
        assert isinstance(payload, BaseException)
        if callbacks.failed is not None:
            callbacks.failed(payload)
        else:
            self.unhandledError.emit(payload)

    @Slot(int, int, int, str)
    def _deliver_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        callbacks = self._tasks.get(task_id)
        if callbacks is not None and callbacks.progress is not None:
            callbacks.progress(done, total, text)
