"""GUI test fixtures: offscreen Qt, settings and case files under tmp_path, no dangling threads.

Every test that opens the window gets a fresh settings folder, data folder and log folder in
tmp_path (never the user's), dialogs routed to lists instead of modal boxes, and fails if it
leaves a worker thread running or if the crash handler saw a bug.
"""

from __future__ import annotations

import os

# Before any Qt import: the GUI tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import traceback
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox

from redactor.app.session import CaseSession
from redactor.gui import render_worker
from redactor.gui.application import Gui, start
from redactor.gui.settings import Settings
from redactor.pdf.render_service import RenderService
from tests.helpers import make_text_pdf

REVIEWER = "anna"
SECOND = "bram"


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REDACTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REDACTOR_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("REDACTOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REDACTOR_REVIEWER", raising=False)


@pytest.fixture(autouse=True)
def _dangling_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a QThread or a worker thread running (napari's fixture)."""
    workers: weakref.WeakSet[render_worker.Worker] = weakref.WeakSet()
    threads: weakref.WeakKeyDictionary[QThread, str] = weakref.WeakKeyDictionary()
    original_init = render_worker.Worker.__init__
    original_start = QThread.start

    def init(self: render_worker.Worker, *args: object, **kwargs: object) -> None:
        original_init(self, *args, **kwargs)  # type: ignore[arg-type]
        workers.add(self)

    def thread_start(self: QThread, *args: QThread.Priority) -> None:
        threads[self] = "".join(traceback.format_stack(limit=6))
        original_start(self, *args)

    monkeypatch.setattr(render_worker.Worker, "__init__", init)
    monkeypatch.setattr(QThread, "start", thread_start)
    yield
    busy = []
    for worker in list(workers):
        try:
            if worker._pool.activeThreadCount() > 0 or worker.pending():
                busy.append(worker)
        except RuntimeError:  # the C++ object is gone: nothing can run
            continue
    running = [where for thread, where in list(threads.items()) if thread.isRunning()]
    if busy or running:
        for worker in busy:
            worker.shutdown()
        pytest.fail(
            f"the test left {len(busy)} worker(s) busy and {len(running)} QThread(s) running:\n"
            + "\n".join(running),
            pytrace=False,
        )


@dataclass
class Messages:
    """Message boxes the code tried to show: (title, text)."""

    shown: list[tuple[str, str]] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [text for _title, text in self.shown]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    box = Messages()

    def record(
        _parent: object, title: str, text: str, *args: object, **kwargs: object
    ) -> QMessageBox.StandardButton:
        box.shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return box


@pytest.fixture(scope="session")
def render_service() -> Iterator[RenderService]:
    """One render process for the session (starting one costs a few tenths of a second)."""
    service = RenderService()
    yield service
    service.close()


@pytest.fixture
def gui_factory(
    qtbot: object, tmp_path: Path, messages: Messages, render_service: RenderService
) -> Iterator[Callable[..., Gui]]:
    started: list[Gui] = []

    def make(reviewer: str = REVIEWER) -> Gui:
        settings = Settings(tmp_path / "config")
        gui = start(
            reviewer,
            settings=settings,
            show_dialogs=False,
            ask_reviewer=False,
            file_logging=False,
            render_service=render_service,
        )
        gui.crash.quit_on_crash = False
        gui.window.resize(1400, 950)
        started.append(gui)
        # Window shortcuts only fire in the active window.
        gui.window.activateWindow()
        qtbot.waitUntil(gui.window.isActiveWindow, timeout=2000)  # type: ignore[attr-defined]
        return gui

    yield make
    for gui in started:
        crashes = list(gui.crash.crashes)
        gui.window.worker.shutdown()
        gui.stop()
        if crashes:
            details = "".join(traceback.format_exception(crashes[0]))
            pytest.fail(f"the crash handler caught a bug:\n{details}", pytrace=False)


@pytest.fixture
def gui(gui_factory: Callable[..., Gui]) -> Gui:
    return gui_factory()


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    """A four-eyes case with a 3-page text document and a 2-page document rotated by 90°."""
    folder = tmp_path / "pdfs"
    folder.mkdir()
    pages = [
        f"Pagina {n}: Jan de Vries woont aan de Kastanjelaan 14 te Utrecht." for n in range(1, 4)
    ]
    make_text_pdf(folder / "brief.pdf", pages)
    make_text_pdf(
        folder / "gedraaid.pdf",
        ["Gedraaid: Piet Jansen belt 06-12345678.", "Tweede pagina."],
        rotation=90,
    )
    path = tmp_path / "zaak.redactor"
    with CaseSession.create(str(path), reviewer=REVIEWER, four_eyes=True) as session:
        session.add_documents([folder / "brief.pdf", folder / "gedraaid.pdf"])
    return path
