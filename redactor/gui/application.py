"""Starting the GUI: the QApplication, settings, language, logging, the crash handler, the window.

`run()` is what `redactor gui` and `redactor demo` call. With `smoke_test=True` it opens the
window (and the case), lets it live for about a second and returns 0, or the exit code of the
error that stopped it (packaging tests run the frozen app this way, headless).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog

from redactor import __version__
from redactor.app.user_dirs import log_dir
from redactor.core.errors import RedactorError
from redactor.core.resources import resource_path
from redactor.core.reviewer import resolve_reviewer, validate_reviewer
from redactor.gui.crash import CrashHandler
from redactor.gui.i18n import LanguageSwitcher, choose_language
from redactor.gui.log_handler import QtLogHandler
from redactor.gui.main_window import MainWindow
from redactor.gui.settings import LANGUAGE, REVIEWER, Settings
from redactor.pdf.render_service import RenderService

log = logging.getLogger(__name__)

SMOKE_TEST_MS = 1000
# The desktop entry's name (packaging/linux/nl.redactor.Redactor.desktop): Wayland compositors
# and GNOME match the window to its entry, and so to its icon, by it.
DESKTOP_FILE_NAME = "nl.redactor.Redactor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@dataclass
class Gui:
    """Everything `start()` set up; `stop()` takes it down again (tests start several)."""

    app: QApplication
    settings: Settings
    languages: LanguageSwitcher
    crash: CrashHandler
    window: MainWindow
    log_handler: logging.Handler | None
    render_service: RenderService | None = None
    owns_service: bool = False
    log_view_handler: QtLogHandler | None = None

    def stop(self) -> None:
        self.window.close()
        self.window.deleteLater()
        # Delete it now, not at the next turn of an event loop that may never come.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.crash.uninstall()
        qInstallMessageHandler(None)
        for handler in (self.log_handler, self.log_view_handler):
            if handler is not None:
                logging.getLogger("redactor").removeHandler(handler)
                handler.close()
        self.languages.apply("en")
        if self.owns_service and self.render_service is not None:
            self.render_service.close()


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Redactor")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Redactor")
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def app_icon() -> QIcon:
    """The application's icon in every size we ship (the window manager picks one)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"redactor-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


_qt_log = logging.getLogger("redactor.qt")


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to our log, not to stderr (a packaged app's stderr stays clean).

    Qt's warnings are about Qt's internals ("This plugin does not support ..."), not things a
    reviewer can act on: logged at INFO. Critical and fatal ones are logged as errors.
    """
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        _qt_log.error("%s", message)
    elif kind == QtMsgType.QtDebugMsg:
        _qt_log.debug("%s", message)
    else:
        _qt_log.info("%s", message)


def _file_logging() -> logging.Handler | None:
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "redactor.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # The level stays the command line's (-v): raising it here would also send INFO records to
    # the terminal through the CLI's stderr handler.
    logging.getLogger("redactor").addHandler(handler)
    return handler


def choose_reviewer(explicit: str | None, settings: Settings, *, ask: bool) -> str:
    """--as NAME, else the name in the preferences, else the OS user (asked once, first start)."""
    if explicit:
        return validate_reviewer(explicit)
    stored = settings.get(REVIEWER).strip()
    if stored:
        return validate_reviewer(stored)
    default = resolve_reviewer(None)
    if not ask:
        return default
    name, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("application", "Who are you?"),
        QCoreApplication.translate(
            "application",
            "Your name is recorded with every decision you make (you can change it later in the "
            "preferences):",
        ),
        text=default,
    )
    chosen = name.strip() if ok and name.strip() else default
    settings.set(REVIEWER, chosen)
    return validate_reviewer(chosen)


def start(
    reviewer: str | None = None,
    *,
    settings: Settings | None = None,
    show_dialogs: bool = True,
    ask_reviewer: bool = True,
    file_logging: bool = True,
    render_service: RenderService | None = None,
    render_process: bool = True,
) -> Gui:
    """Set everything up and show the main window (no case yet)."""
    app = application()
    settings = settings or Settings()
    handler = _file_logging() if file_logging else None
    # The in-app log view (Help > Log) shows what reaches the redactor loggers from now on.
    view_handler = QtLogHandler()
    logging.getLogger("redactor").addHandler(view_handler)
    crash = CrashHandler(
        log_dir(),
        Path(handler.baseFilename) if isinstance(handler, logging.FileHandler) else None,
        show_dialogs=show_dialogs,
    )
    crash.install()
    qInstallMessageHandler(_qt_message)
    languages = LanguageSwitcher(app)
    languages.apply(choose_language(settings.get(LANGUAGE)))
    name = choose_reviewer(reviewer, settings, ask=ask_reviewer and show_dialogs)
    # Pages render in a child process (started now, so it is ready when a case opens).
    owns = render_service is None and render_process
    service = RenderService() if owns else render_service
    window = MainWindow(
        settings,
        languages,
        name,
        render_service=service,
        log_handler=view_handler,
        log_file=Path(handler.baseFilename) if isinstance(handler, logging.FileHandler) else None,
    )
    window.setWindowIcon(app_icon())
    crash.dialog_parent = lambda: window
    window.show()
    return Gui(app, settings, languages, crash, window, handler, service, owns, view_handler)


def run(case: str | None = None, reviewer: str | None = None, smoke_test: bool = False) -> int:
    """Open the review window (on `case` if given) and run until it closes. Returns the exit code."""
    gui = start(reviewer, show_dialogs=not smoke_test, ask_reviewer=not smoke_test)
    try:
        if case:
            if smoke_test:
                try:
                    gui.window.case.open(case, gui.window.reviewer)
                except RedactorError as exc:
                    print(f"redactor: {exc}", file=sys.stderr)
                    return exc.exit_code
            else:
                gui.window.open_case(case)
        if smoke_test:
            # exit(), not quit(): quit() also marks the application as closing, which a
            # caller that goes on using Qt (the tests) would inherit.
            QTimer.singleShot(SMOKE_TEST_MS, lambda: gui.app.exit(0))
        code = gui.app.exec()
        if smoke_test and gui.crash.crashes:
            first = gui.crash.crashes[0]
            print(
                f"redactor: internal error ({first.__class__.__name__}: {first})", file=sys.stderr
            )
            return code or 70
        return code
    finally:
        gui.stop()
