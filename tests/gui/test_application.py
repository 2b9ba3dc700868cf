"""Starting the application, translations and the language switch, the crash path, the demo."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from pytestqt.qtbot import QtBot

from redactor.app.demo import build_demo_case
from redactor.app.session import CaseSession
from redactor.core.errors import InputError
from redactor.core.resources import resource_path
from redactor.gui.application import Gui, run
from redactor.gui.i18n import TsTranslator, choose_language
from redactor.gui.settings import LANGUAGE, REVIEWER
from tests.gui.conftest import REVIEWER as ANNA
from tests.gui.driving import open_case

pytestmark = pytest.mark.gui

GUI_SOURCES = Path(__file__).resolve().parents[2] / "redactor" / "gui"


def _smoke(case: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`redactor gui CASE --smoke-test` in its own process, as the packaging test runs it."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "REDACTOR_CONFIG_DIR": str(tmp_path / "config"),
        "REDACTOR_LOG_DIR": str(tmp_path / "logs"),
        "REDACTOR_DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "redactor", "--as", ANNA, "gui", str(case), "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_smoke_test_run_opens_the_case_and_returns_zero(case_path: Path, tmp_path: Path) -> None:
    result = _smoke(case_path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # Qt's own messages go to the log, not the terminal


def test_smoke_test_run_reports_an_unusable_case(tmp_path: Path) -> None:
    result = _smoke(tmp_path / "missing.redactor", tmp_path)
    assert result.returncode != 0
    assert "There is no case" in result.stderr


def test_run_in_process_smoke_test(case_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """run() itself, in this process (the function the CLI calls), without opening dialogs."""
    import redactor.gui.application as application

    monkeypatch.setattr(application, "SMOKE_TEST_MS", 200)
    assert run(str(case_path), ANNA, smoke_test=True) == 0


def test_demo_case_is_fresh_each_time_and_opens(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    first = build_demo_case(ANNA, tmp_path / "demo")
    second = build_demo_case(ANNA, tmp_path / "demo")
    assert first != second and not first.exists() and second.exists()
    with CaseSession.open(str(second), reviewer=ANNA) as session:
        names = [d.file_name for d in session.documents()]
        assert len(names) == 3 and any("scan" in n for n in names)
        assert len(session.awaiting_review()) >= 10  # the colleague's boxes await this reviewer
    open_case(qtbot, gui, second)
    assert gui.window.view.box_items()


def test_dutch_translation_is_complete_and_valid() -> None:
    """Every string the GUI passes to tr()/translate() has a finished Dutch translation."""
    ts = resource_path("translations", "redactor_nl.ts").read_bytes()
    root = ET.fromstring(ts)
    translated = {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
        if (t := m.find("translation")) is not None and t.get("type") is None
    }
    used: set[tuple[object, object]] = set()
    for path in GUI_SOURCES.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes: dict[int, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for child in ast.walk(node):
                    classes.setdefault(id(child), node.name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            args = node.args
            if node.func.attr == "tr" and args and isinstance(args[0], ast.Constant):
                used.add((classes.get(id(node)), args[0].value))
            elif (
                node.func.attr == "translate"
                and len(args) >= 2
                and isinstance(context := args[0], ast.Constant)
                and isinstance(source := args[1], ast.Constant)
            ):
                used.add((context.value, source.value))
    assert len(used) > 200
    missing = sorted(str(u) for u in used - translated)
    assert not missing, "untranslated (run pyside6-lupdate, then translate):\n" + "\n".join(missing)


def test_ts_translator_plural_and_fallback() -> None:
    ts = resource_path("translations", "redactor_nl.ts").read_bytes()
    translator = TsTranslator.from_ts(ts)
    assert translator.language() == "nl"
    assert translator.translate("MainWindow", "%n box(es)", None, 1) == "%n vak"
    assert translator.translate("MainWindow", "%n box(es)", None, 3) == "%n vakken"
    assert translator.translate("MainWindow", "no such text") is None


def test_untranslated_and_unchanged_texts_show_in_dutch(gui: Gui) -> None:
    """A text without a Dutch entry, or whose Dutch is the same ("Document"), is shown as is
    (they used to come out empty in subclasses of Qt classes)."""
    from redactor.gui.audit_view import AuditModel

    gui.languages.apply("nl")
    model = AuditModel()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)]
    assert headers[1] == "Tijd (UTC)" and headers[5] == "Document" and all(headers)
    assert QCoreApplication.translate("NoSuchContext", "Hello") == "Hello"


def test_choose_language() -> None:
    from PySide6.QtCore import QLocale

    assert choose_language("nl") == "nl"
    assert choose_language("system", QLocale("nl_BE")) == "nl"
    assert choose_language("system", QLocale("de_DE")) == "en"


def test_switching_the_language_retranslates_the_open_window(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    assert window.window_actions["export"].text() == "&Export…"
    assert (
        window.documents.model.headerData(
            0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal
        )
        == "Document"
    )
    gui.settings.set(LANGUAGE, "nl")
    gui.languages.apply("nl")
    qtbot.waitUntil(lambda: window.window_actions["export"].text() == "&Exporteren…", timeout=3000)
    assert window.review.approve_button.text() == "&Goedkeuren (A)"
    assert window.find_panel.find_button.text() == "Zoeken"
    assert "Pagina 1 van 3" in window.status_page.text()
    assert window.review_dock.windowTitle() == "Beoordeling"
    assert QCoreApplication.translate("messages", "Not allowed") == "Niet toegestaan"
    gui.languages.apply("en")
    qtbot.waitUntil(lambda: window.window_actions["export"].text() == "&Export…", timeout=3000)


def test_preferences_dialog_switches_language_and_reviewer(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    from redactor.gui.preferences import PreferencesDialog
    from tests.gui.driving import when_modal

    def answer(dialog: object) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("nl"))
        dialog.reviewer.setText("Bram de Boer")
        dialog.accept()

    when_modal(qtbot, PreferencesDialog, answer)
    window.window_actions["preferences"].trigger()
    assert gui.settings.get(LANGUAGE) == "nl" and gui.settings.get(REVIEWER) == "Bram de Boer"
    qtbot.waitUntil(lambda: window.window_actions["export"].text() == "&Exporteren…", timeout=3000)
    session = window.case.session
    assert session is not None and session.reviewer == "Bram de Boer"  # the case reopened as Bram
    gui.languages.apply("en")


@pytest.mark.allow_warnings
def test_a_bug_goes_to_the_crash_handler_with_a_crash_file(
    qtbot: QtBot, gui: Gui, tmp_path: Path
) -> None:
    def boom() -> None:
        raise ZeroDivisionError("a bug")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(gui.crash.crashes), timeout=3000)
    assert isinstance(gui.crash.crashes[0], ZeroDivisionError)
    files = list((tmp_path / "logs").glob("crash-*.log"))
    assert files and "ZeroDivisionError" in files[0].read_text()
    gui.crash.crashes.clear()  # expected here; the fixture fails tests with unexpected crashes


@pytest.mark.allow_warnings
def test_a_bug_in_a_worker_task_reaches_the_crash_handler(qtbot: QtBot, gui: Gui) -> None:
    def bad() -> None:
        raise KeyError("in the worker")

    gui.window.worker.submit(bad)
    qtbot.waitUntil(lambda: bool(gui.crash.crashes), timeout=3000)
    assert isinstance(gui.crash.crashes[0], KeyError)
    gui.crash.crashes.clear()


def test_a_user_error_is_a_message_not_a_crash(qtbot: QtBot, gui: Gui) -> None:
    def fixable() -> None:
        raise InputError("That file is not a PDF.")

    QTimer.singleShot(0, fixable)
    qtbot.waitUntil(lambda: bool(gui.crash.user_errors), timeout=3000)
    assert not gui.crash.crashes


def test_crash_handler_is_installed_once_and_restored(gui: Gui) -> None:
    assert sys.excepthook == gui.crash._excepthook
    gui.crash.install()  # a second install changes nothing
    gui.crash.uninstall()
    assert sys.excepthook != gui.crash._excepthook
    gui.crash.install()


def test_the_source_cache_limit_is_a_preference_applied_at_once(
    qtbot: QtBot, gui: Gui, case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lowered in the preferences, the limit evicts copies beyond it without a restart; 0
    switches the copies off (pages then come from the case). The environment variable, when
    set, still wins."""
    from redactor.app.source_cache import CACHE_LIMIT_ENV, default_max_bytes
    from redactor.gui.preferences import PreferencesDialog
    from redactor.gui.settings import SOURCE_CACHE_MB
    from tests.gui.driving import when_modal

    monkeypatch.delenv(CACHE_LIMIT_ENV, raising=False)
    open_case(qtbot, gui, case_path)
    window = gui.window
    cache = window.sources
    stored = list(cache.folder.glob("*.pdf"))
    assert stored, "opening the case should have cached its sources"
    # A big file that has not been used for a while: first to go when the limit drops.
    old = cache.folder / ("0" * 64 + ".pdf")
    with old.open("wb") as fh:
        fh.truncate(300 * 1024 * 1024)
    os.utime(old, (1, 1))

    def set_limit(mb: int) -> None:
        def answer(dialog: object) -> None:
            assert isinstance(dialog, PreferencesDialog)
            dialog.cache_mb.setValue(mb)
            dialog.accept()

        when_modal(qtbot, PreferencesDialog, answer)
        window.window_actions["preferences"].trigger()
        assert gui.settings.get(SOURCE_CACHE_MB) == mb

    set_limit(256)
    assert cache.max_bytes == 256 * 1024 * 1024
    assert not old.exists()
    assert all(p.exists() for p in stored)  # recently used, small: kept
    set_limit(0)
    assert not cache.enabled and not list(cache.folder.glob("*.pdf"))
    # With the copies off, another document still opens and renders, from the case.
    other = window.case.progress[-1].document.id
    window.case.show_document(other)
    qtbot.waitUntil(lambda: window.renderer.any_image(other, 0) is not None, timeout=10_000)
    assert not list(cache.folder.glob("*.pdf"))
    monkeypatch.setenv(CACHE_LIMIT_ENV, "1000")
    assert default_max_bytes(0) == 1000 * 1024 * 1024
