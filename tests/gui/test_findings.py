"""Finding what to redact, driven through the real window: the suggestions panel (accept in
bulk with undo, dismiss for good), the consistency panel and its fix, redact everywhere, OCR
of a scanned page then snapping to its words, the log view, and the desktop identity."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from redactor.app import findings
from redactor.app.session import CaseSession
from redactor.core.geometry import Rect
from redactor.core.model import Redaction, ReviewStatus
from redactor.core.text import VISIBLE_ELSEWHERE, Occurrence
from redactor.gui.application import DESKTOP_FILE_NAME, Gui
from redactor.gui.consistency_model import ConsistencyModel
from redactor.gui.ground_picker import GroundPicker
from redactor.gui.log_view import LogModel
from redactor.gui.suggestions_model import SuggestionsModel
from redactor.gui.suggestions_panel import SuggestionsPanel
from redactor.gui.tree_model import NODE_ROLE
from tests.gui.conftest import REVIEWER, Messages
from tests.gui.driving import (
    drag,
    open_case,
    pick_ground_by_typing,
    press_shortcut,
    viewport_point,
    wait_rendered,
    when_modal,
)
from tests.helpers import make_text_pdf, require_tool

pytestmark = pytest.mark.gui

VALID_BSN = "111222333"  # passes the eleven-test
INVALID_BSN = "123456789"  # fails it
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def mail_case(tmp_path: Path) -> Path:
    """A four-eyes case: one e-mail of three pages with a valid BSN twice, an invalid one, and
    a name on pages 1 and 2."""
    make_text_pdf(
        tmp_path / "mail.pdf",
        [
            f"Van: Jan Jansen. BSN {VALID_BSN}. Kenmerk {INVALID_BSN}.",
            f"Overleg met Jan Jansen over BSN {VALID_BSN}.",
            "Geen persoonsgegevens op deze pagina.",
        ],
    )
    path = tmp_path / "mail.redactor"
    with CaseSession.create(str(path), reviewer=REVIEWER, four_eyes=True) as session:
        session.add_documents([tmp_path / "mail.pdf"])
    return path


def boxes(gui: Gui) -> list[Redaction]:
    return gui.window.case.require().redactions()


def run_suggestions(qtbot: QtBot, gui: Gui, detectors: tuple[str, ...] = ()) -> SuggestionsPanel:
    window = gui.window
    press_shortcut(qtbot, window.view, Qt.Key.Key_S, CTRL_SHIFT)
    panel = window.suggestions
    assert window.suggestions_dock.isVisible()
    panel.scope.setCurrentIndex(1)  # the whole case
    for name, action in panel.detector_actions.items():
        action.setChecked(not detectors or name in detectors)
    panel.run_button.click()
    qtbot.waitUntil(lambda: panel._job is not None and not panel.running(), timeout=20_000)
    return panel


def leaf_texts(model: SuggestionsModel) -> list[str]:
    return [item.suggestion.text for item in model.items()]


def select_node(panel: SuggestionsPanel, key: tuple[object, ...]) -> None:
    node = panel.model.find(key)
    assert node is not None, key
    panel.tree.setCurrentIndex(panel.model.index_of(node))
    panel.tree.setFocus()


def test_suggestions_list_a_valid_bsn_and_not_an_invalid_one(
    qtbot: QtBot, gui: Gui, mail_case: Path
) -> None:
    open_case(qtbot, gui, mail_case)
    panel = run_suggestions(qtbot, gui)
    texts = leaf_texts(panel.model)
    assert texts.count(VALID_BSN) == 2 and INVALID_BSN not in texts
    assert "Jan Jansen" in texts
    # Grouped by detector, then by term: the BSN occurs twice, so it has a term row.
    bsn = panel.model.find(("detector", "bsn"))
    assert bsn is not None
    [term] = bsn.children
    assert term.key == ("term", "bsn", VALID_BSN) and len(term.children) == 2
    assert "5.1.1e" in panel.model.index_of(bsn).data()  # the detector's suggested ground
    assert panel.status.text().startswith(f"{len(texts)} suggestion")
    # Arrows move; the page view follows with the suggestion highlighted on its page.
    select_node(panel, ("detector", "bsn"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Right)  # the term row is collapsed at first
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    current = panel.tree.currentIndex().data(NODE_ROLE).payload
    assert current.suggestion.text == VALID_BSN and current.suggestion.page_index == 1
    assert gui.window.view.current_page() == 1
    assert gui.window.view.highlighted() == (1, current.suggestion.rects)
    assert panel.tree.hasFocus()  # the jump leaves the keyboard in the list


def test_suggestions_model_is_a_valid_qt_model(qtmodeltester: object, mail_case: Path) -> None:
    with CaseSession.open(str(mail_case), reviewer=REVIEWER) as session:
        found = findings.suggestions(session)
    model = SuggestionsModel()
    model.set_items(found, {1: "mail.pdf"})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() >= 2


def test_accept_all_of_a_detector_is_one_undo_step(qtbot: QtBot, gui: Gui, mail_case: Path) -> None:
    open_case(qtbot, gui, mail_case)
    panel = run_suggestions(qtbot, gui)
    select_node(panel, ("detector", "bsn"))
    # 5.1.1e (an absolute ground) needs no motivation: Enter accepts at once.
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    made = boxes(gui)
    assert len(made) == 2 and {r.page_index for r in made} == {0, 1}
    assert all(r.grounds == ("5.1.1e",) and r.status is ReviewStatus.PROPOSED for r in made)
    assert VALID_BSN not in leaf_texts(panel.model)  # under a box now
    assert panel.tree.hasFocus() and panel.tree.currentIndex().isValid()  # on to the next
    window = gui.window
    assert window.edits.undo_stack.count() == 1
    window.edits.undo_stack.undo()
    assert boxes(gui) == []
    assert leaf_texts(panel.model).count(VALID_BSN) == 2  # back in the list
    window.edits.undo_stack.redo()
    assert len(boxes(gui)) == 2


def test_accepting_a_name_asks_for_the_motivation_its_ground_needs(
    qtbot: QtBot, gui: Gui, mail_case: Path
) -> None:
    open_case(qtbot, gui, mail_case)
    panel = run_suggestions(qtbot, gui, ("name",))
    select_node(panel, ("detector", "name"))

    preselected: list[list[str]] = []

    def answer(widget: object) -> None:
        assert isinstance(widget, GroundPicker)
        preselected.append(widget.selected_codes())
        widget.note.setPlainText("Naam van een burger; privacy weegt zwaarder.")
        widget.accept()

    handled = when_modal(qtbot, GroundPicker, answer)
    panel.accept_button.click()
    assert handled
    assert preselected == [["5.1.2e"]]  # the suggested ground, chosen already
    made = boxes(gui)
    assert made and all(r.grounds == ("5.1.2e",) for r in made)
    assert all(r.note.startswith("Naam van een burger") for r in made)


def test_dismissed_suggestion_is_gone_and_stays_gone_after_reopening(
    qtbot: QtBot, gui: Gui, mail_case: Path
) -> None:
    open_case(qtbot, gui, mail_case)
    panel = run_suggestions(qtbot, gui, ("bsn",))
    term = panel.model.find(("term", "bsn", VALID_BSN))
    assert term is not None
    first = term.children[0].payload
    assert isinstance(first, findings.CaseSuggestion)
    panel.tree.expand(panel.model.index_of(term))
    select_node(panel, term.children[0].key)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    remaining = panel.model.items()
    assert first not in remaining and len(remaining) == 1
    assert boxes(gui) == []  # a dismissal makes no box
    assert "cannot be undone" in panel.dismiss_button.toolTip()
    events = gui.window.case.require().audit_events()
    assert events[-1].action == "suggestion-dismissed"
    gui.window.close_case()
    open_case(qtbot, gui, mail_case)
    panel = run_suggestions(qtbot, gui, ("bsn",))
    again = panel.model.items()
    assert len(again) == 1 and first.digest not in {s.digest for s in again}


def test_consistency_shows_a_term_visible_elsewhere_and_redacts_it(
    qtbot: QtBot, gui: Gui, mail_case: Path
) -> None:
    with CaseSession.open(str(mail_case), reviewer=REVIEWER) as session:
        first = findings.find(session, "Jan Jansen")[0]
        assert first.match.page_index == 0
        session.add_redaction(1, 0, first.match.rects[0], ["5.1.2e"], "Naam van een burger.")
    open_case(qtbot, gui, mail_case)
    window = gui.window
    panel = window.consistency
    press_shortcut(qtbot, window.view, Qt.Key.Key_K, CTRL_SHIFT)
    qtbot.waitUntil(lambda: not panel.checking() and bool(panel.model.findings()), timeout=20_000)
    [finding] = [f for f in panel.model.findings() if f.kind == VISIBLE_ELSEWHERE]
    assert finding.term.startswith("Jan Jansen")  # as the words read ("Jansen." here)
    visible = [o for o in finding.occurrences if not o.redacted]
    assert [(o.page_index, o.redacted) for o in visible] == [(1, False)]
    node = panel.model.find(("finding", VISIBLE_ELSEWHERE, finding.term))
    assert node is not None
    # Jumping to the visible place shows it highlighted on page 2.
    place = next(
        c for c in node.children if isinstance(c.payload, Occurrence) and not c.payload.redacted
    )
    panel.tree.setCurrentIndex(panel.model.index_of(place))
    assert window.view.current_page() == 1
    assert window.view.highlighted() == (1, visible[0].rects)
    panel.tree.setCurrentIndex(panel.model.index_of(node))
    panel.redact_button.click()
    made = [r for r in boxes(gui) if r.page_index == 1]
    assert len(made) == 1
    assert made[0].grounds == ("5.1.2e",) and made[0].note == "Naam van een burger."
    assert made[0].status is ReviewStatus.PROPOSED
    # The check runs again after the fix: nothing visible remains.
    qtbot.waitUntil(lambda: not panel.checking(), timeout=20_000)
    assert not [f for f in panel.model.findings() if f.kind == VISIBLE_ELSEWHERE]
    assert "Consistent" in panel.status.text()
    window.edits.undo_stack.undo()
    assert [r.page_index for r in boxes(gui)] == [0]


def test_consistency_model_is_a_valid_qt_model(qtmodeltester: object, mail_case: Path) -> None:
    with CaseSession.open(str(mail_case), reviewer=REVIEWER) as session:
        first = findings.find(session, "Jan Jansen")[0]
        session.add_redaction(1, 0, first.match.rects[0], ["5.1.2e"], "naam")
        report = findings.consistency(session)
    model = ConsistencyModel()
    model.set_findings(report, {1: "mail.pdf"})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 2


def test_redact_everywhere_from_a_box(qtbot: QtBot, gui: Gui, mail_case: Path) -> None:
    with CaseSession.open(str(mail_case), reviewer=REVIEWER) as session:
        first = findings.find(session, "Jan Jansen")[0]
        box = session.add_redaction(1, 0, first.match.rects[0], ["5.1.2e"], "Naam.")
    open_case(qtbot, gui, mail_case)
    window = gui.window
    view = window.view
    assert not window.window_actions["redact_everywhere"].isEnabled()
    # A right-click on the box selects it and asks for the box menu, which offers the action.
    view.boxMenuRequested.disconnect(window.box_menu)  # exec() would wait for a click
    wait_rendered(qtbot, view, 0)
    r = box.rect
    where = viewport_point(view, 0, (r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2)
    with qtbot.waitSignal(view.boxMenuRequested, timeout=2000):
        QApplication.sendEvent(
            view.viewport(),
            QContextMenuEvent(
                QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where)
            ),
        )
    assert [b.redaction_id for b in view.selected_boxes()] == [box.id]
    assert window.window_actions["redact_everywhere"].isEnabled()
    assert window.window_actions["redact_everywhere"] in window.box_menu_for().actions()
    press_shortcut(qtbot, view, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(boxes(gui)) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: not window.findings.everywhere_running(), timeout=5000)
    new = next(r for r in boxes(gui) if r.id != box.id)
    assert new.page_index == 1 and new.grounds == ("5.1.2e",) and new.note == "Naam."
    assert "1 box proposed" in window.statusBar().currentMessage()
    window.edits.undo_stack.undo()
    assert [r.id for r in boxes(gui)] == [box.id]


def _scanned_pdf(path: Path, text: str) -> None:
    """Text rendered to pixels: an image-only page, like a scanned print-out."""
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    page.insert_text((72, 120), text, fontsize=20, fontname="helv")
    pix = page.get_pixmap(dpi=200)
    out = pymupdf.open()
    scan = out.new_page(width=595, height=842)
    scan.insert_image(scan.rect, pixmap=pix)
    out.save(path)


def test_ocr_then_snap_to_a_recognised_word(
    qtbot: QtBot, gui: Gui, tmp_path: Path, messages: Messages
) -> None:
    require_tool("tesseract")
    _scanned_pdf(tmp_path / "scan.pdf", "Geachte heer Pietersen, uw aanvraag")
    path = tmp_path / "scan.redactor"
    with CaseSession.create(str(path), reviewer=REVIEWER) as session:
        session.add_documents([tmp_path / "scan.pdf"])
    open_case(qtbot, gui, path)
    window = gui.window
    view = window.view
    view.set_zoom(1.5)
    wait_rendered(qtbot, view, 0)
    qtbot.waitUntil(lambda: window.edits.words(0) is not None, timeout=5000)
    assert window.edits.words(0).words == ()  # type: ignore[union-attr]  # no text layer
    window.window_actions["ocr_document"].trigger()
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=60_000)
    assert "1 scanned page read" in messages.texts()[0]

    def recognised() -> bool:
        words = window.edits.words(0)
        return words is not None and bool(words.words)

    qtbot.waitUntil(recognised, timeout=5000)  # the page's words are read again, now OCR's
    words = window.edits.words(0)
    assert words is not None and words.source == "ocr"
    word = next(w for w in words.words if w.text.startswith("Pietersen"))
    # Where it was drawn: x from 72 pt, baseline at 120 pt, 20 pt type.
    assert 60 < word.rect.x0 < 260 and 95 < word.rect.y0 < 125
    window.window_actions["snap_to_text"].setChecked(True)
    pick_ground_by_typing(qtbot, "5.1.2e")
    r = word.rect
    drag(qtbot, view, 0, (r.x0 - 5, r.y0 - 6), (r.x1 + 4, r.y1 + 5))
    [box] = boxes(gui)
    assert all(abs(a - b) < 0.01 for a, b in zip(box.rect.as_tuple(), r.as_tuple(), strict=True))
    # The find panel searches the recognised words too.
    panel = window.find_panel
    panel.pattern.setText("aanvraag")
    panel.search()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)


def test_ocr_without_tesseract_says_what_to_install(
    qtbot: QtBot, gui: Gui, tmp_path: Path, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redactor.pdf import ocr

    monkeypatch.setattr(ocr, "_candidate_dirs", lambda: [])  # a machine without Tesseract
    _scanned_pdf(tmp_path / "scan.pdf", "Geachte heer Pietersen")
    path = tmp_path / "scan.redactor"
    with CaseSession.create(str(path), reviewer=REVIEWER) as session:
        session.add_documents([tmp_path / "scan.pdf"])
    open_case(qtbot, gui, path)
    gui.window.window_actions["ocr_case"].trigger()
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=10_000)
    assert "Scanned pages cannot be read" in messages.texts()[0]
    assert "Install Tesseract" in messages.texts()[0]
    assert gui.window.findings.ocr_job is None


def test_log_view_shows_records_of_redactor_loggers(
    qtbot: QtBot, gui: Gui, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="redactor")
    window = gui.window
    logging.getLogger("redactor.gui.test").info("a record for the log view")
    worker = threading.Thread(
        target=lambda: logging.getLogger("redactor.app.test").info("from another thread")
    )
    worker.start()
    worker.join()
    window.window_actions["log"].trigger()
    assert window.log_dock.isVisible()
    model = window.log_view.model

    def shown() -> set[tuple[str, str]]:
        return {(e.logger, e.message) for e in model.entries()}

    assert ("redactor.gui.test", "a record for the log view") in shown()  # logged before
    # Logged on another thread: it arrives through the handler's queued signal.
    qtbot.waitUntil(lambda: ("redactor.app.test", "from another thread") in shown(), timeout=5000)
    row = next(i for i, e in enumerate(model.entries()) if e.message == "a record for the log view")
    assert (
        model.index(row, 1).data() == "INFO" and model.index(row, 2).data() == "redactor.gui.test"
    )
    window.log_view.level.setCurrentIndex(2)  # warnings and errors only
    assert model.rowCount() == 0


def test_log_model_is_a_valid_qt_model(qtmodeltester: object) -> None:
    from redactor.gui.log_handler import LogEntry

    model = LogModel(capacity=3)
    for n in range(5):
        model.append(LogEntry(0.0, logging.INFO, "INFO", "redactor.x", f"message {n}"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [e.message for e in model.entries()] == ["message 2", "message 3", "message 4"]
    assert model.rowCount(QModelIndex()) == 3


def test_desktop_file_name_and_window_icon(gui: Gui) -> None:
    assert QGuiApplication.desktopFileName() == DESKTOP_FILE_NAME
    icon = gui.window.windowIcon()
    assert not icon.isNull() and len(icon.availableSizes()) >= 4


def test_the_ground_picker_preselects_only_the_grounds_it_is_given(
    qtbot: QtBot, gui: Gui, mail_case: Path
) -> None:
    """Enter in the picker of a box's grounds keeps them (it used to add the first ground)."""
    with CaseSession.open(str(mail_case), reviewer=REVIEWER) as session:
        box = session.add_redaction(1, 0, Rect(30, 30, 90, 50), ["5.1.2e"], "Naam.")
    open_case(qtbot, gui, mail_case)
    window = gui.window
    window.view.select_boxes([box.id])
    seen: list[list[str]] = []

    def answer(widget: object) -> None:
        assert isinstance(widget, GroundPicker)
        seen.append(widget.selected_codes())
        qtbot.keyClick(widget.list, Qt.Key.Key_Return)

    when_modal(qtbot, GroundPicker, answer)
    window.window_actions["edit_grounds"].trigger()
    assert seen == [["5.1.2e"]]
    assert [r.grounds for r in boxes(gui)] == [("5.1.2e",)]
    assert window.edits.undo_stack.count() == 0  # nothing changed, nothing to undo


def test_results_of_a_case_closed_meanwhile_are_dropped(
    qtbot: QtBot, gui: Gui, mail_case: Path, case_path: Path
) -> None:
    with CaseSession.open(str(mail_case), reviewer=REVIEWER) as session:
        first = findings.find(session, "Jan Jansen")[0]
        session.add_redaction(1, 0, first.match.rects[0], ["5.1.2e"], "naam")
    open_case(qtbot, gui, mail_case)
    window = gui.window
    panel = window.suggestions
    panel.scope.setCurrentIndex(1)
    panel.run_button.click()
    window.consistency.check()
    open_case(qtbot, gui, case_path)  # before the worker's answers arrive
    window.worker.wait_idle(10_000)
    qtbot.wait(100)  # the queued answers are delivered (and dropped)
    assert panel.model.items() == [] and not panel.running()
    assert window.consistency.model.findings() == []
    assert not window.consistency.checking()
