"""A logging handler for the in-app log view: keeps the recent records and emits a Qt signal
for each new one (dangerzone's log window).

Records arrive from any thread (the worker's, the render process's reader); the signal is
emitted where the record was logged, and Qt queues it to the view on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

CAPACITY = 2000


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One record as the view shows it (the formatted text, not the record's arguments)."""

    created: float  # seconds since the epoch
    level: int
    level_name: str
    logger: str
    message: str
    details: str = ""  # the traceback, when the record carries one


class _Emitter(QObject):
    recorded = Signal(object)  # LogEntry


class QtLogHandler(logging.Handler):
    def __init__(self, capacity: int = CAPACITY, level: int = logging.NOTSET) -> None:
        super().__init__(level)
        self.emitter = _Emitter()
        self.recorded = self.emitter.recorded
        self._entries: deque[LogEntry] = deque(maxlen=capacity)
        self._entries_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            details = ""
            if record.exc_info:
                details = logging.Formatter().formatException(record.exc_info)
            entry = LogEntry(
                record.created,
                record.levelno,
                record.levelname,
                record.name,
                record.getMessage(),
                details,
            )
        except Exception:  # a bad format string must not break the code that logged it
            self.handleError(record)
            return
        with self._entries_lock:
            self._entries.append(entry)
        # RuntimeError: the Qt side is gone (shutting down); the entry is kept anyway.
        with contextlib.suppress(RuntimeError):
            self.recorded.emit(entry)

    def entries(self) -> list[LogEntry]:
        with self._entries_lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._entries_lock:
            self._entries.clear()
