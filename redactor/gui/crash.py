"""The GUI's one crash path: an exception nobody handled ends in one dialog, then the app quits.

Installed once by the application as `sys.excepthook` and `threading.excepthook`. A
RedactorError (something the user can fix) that escapes is shown as a plain message and the
app goes on; anything else is a bug: it is logged, written to a crash file, shown with a
copyable traceback and the log's location, and the application quits, because carrying on in
an unknown state risks the case (every edit is already stored, so quitting loses nothing).
`show_dialogs=False` (tests) records the crash instead of opening a dialog.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from redactor.core.errors import RedactorError
from redactor.gui.messages import show_user_error

log = logging.getLogger(__name__)

INTERNAL_ERROR_EXIT = 70

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashDialog(QDialog):
    def __init__(
        self,
        summary: str,
        details: str,
        crash_file: Path | None,
        log_file: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redactor has stopped"))
        layout = QVBoxLayout(self)
        where = []
        if crash_file is not None:
            where.append(self.tr("Details were saved to {0}.").format(crash_file))
        if log_file is not None:
            where.append(self.tr("The log is {0}.").format(log_file))
        text = QLabel(
            self.tr(
                "An internal error occurred: {0}. Everything you did before this moment is "
                "saved in the case. Redactor will close; please report this, with the details "
                "below."
            ).format(summary)
            + "\n\n"
            + "\n".join(where)
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 450)


class CrashHandler(QObject):
    """Installs the exception hooks; turns exceptions into a message or the crash dialog."""

    _from_thread = Signal(object)

    def __init__(
        self,
        crash_dir: Path,
        log_file: Path | None = None,
        *,
        show_dialogs: bool = True,
        quit_on_crash: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.crash_dir = crash_dir
        self.log_file = log_file
        self.show_dialogs = show_dialogs
        self.quit_on_crash = quit_on_crash
        self.crashes: list[BaseException] = []
        self.user_errors: list[RedactorError] = []
        self.dialog_parent: Callable[[], QWidget | None] = lambda: None
        self._saved: tuple[object, object] | None = None
        self._crashed = False
        self._from_thread.connect(self._handle_thread, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._saved is not None:
            return
        self._saved = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._saved is None:
            return
        sys.excepthook, threading.excepthook = self._saved  # type: ignore[assignment]
        self._saved = None

    # -- hooks ------------------------------------------------------------------------------

    def _excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if threading.current_thread() is not threading.main_thread():
            self._from_thread.emit((exc_type, exc, tb))
            return
        self.handle(exc)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._from_thread.emit((args.exc_type, args.exc_value, args.exc_traceback))

    @Slot(object)
    def _handle_thread(self, info: ExcInfo) -> None:
        self.handle(info[1])

    # -- handling ---------------------------------------------------------------------------

    def handle(self, exc: BaseException) -> None:
        if isinstance(exc, RedactorError):
            self.user_errors.append(exc)
            log.info("user error reached the crash handler: %s", exc)
            if self.show_dialogs:
                show_user_error(self.dialog_parent(), exc)
            return
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        details = getattr(exc, "__traceback_text__", None) or "".join(
            traceback.format_exception(exc)
        )
        log.error("internal error: %s", details)
        self.crashes.append(exc)
        crash_file = self.write_crash_file(details)
        if self._crashed:  # a second error while the first dialog is open: logged only
            return
        self._crashed = True
        if self.show_dialogs:
            summary = f"{exc.__class__.__name__}: {exc}"
            CrashDialog(summary, details, crash_file, self.log_file, self.dialog_parent()).exec()
        if self.quit_on_crash:
            app = QApplication.instance()
            if app is not None:
                app.exit(INTERNAL_ERROR_EXIT)
        else:
            self._crashed = False

    def write_crash_file(self, details: str) -> Path | None:
        try:
            self.crash_dir.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            path = self.crash_dir / f"crash-{stamp}.log"
            path.write_text(details, encoding="utf-8")
            return path
        except OSError:
            log.exception("cannot write the crash file")
            return None
