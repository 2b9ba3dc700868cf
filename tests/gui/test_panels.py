"""The panels around the page view, driven through the real window: documents, page decisions,
the export preview, the review queue, find-and-redact, the audit view, export, thumbnails."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from redactor.app.session import CaseSession
from redactor.core.geometry import Rect
from redactor.core.model import PageDecisionKind, ReviewStatus
from redactor.gui.application import Gui
from redactor.gui.audit_view import AuditModel
from redactor.gui.documents_model import DocumentsModel
from redactor.gui.export_dialog import ExportDialog
from redactor.gui.ground_picker import GroundPicker
from redactor.gui.review_model import ReviewModel
from tests.gui.conftest import REVIEWER, SECOND, Messages
from tests.gui.driving import (
    open_case,
    pick_ground_by_typing,
    press_shortcut,
    viewport_point,
    wait_rendered,
    when_modal,
)

pytestmark = pytest.mark.gui


def add_box(
    path: Path,
    reviewer: str,
    doc: int,
    page: int,
    rect: Rect,
    ground: str = "5.1.1e",
    note: str = "",
) -> int:
    with CaseSession.open(str(path), reviewer=reviewer) as session:
        return session.add_redaction(doc, page, rect, [ground], note).id


def test_documents_model_is_a_valid_qt_model(
    qtmodeltester: object, gui: Gui, case_path: Path
) -> None:
    add_box(case_path, SECOND, 1, 0, Rect(10, 10, 50, 30))
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        model = DocumentsModel()
        model.set_rows(session.progress())
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        assert model.rowCount() == 2
        assert model.index(0, 2).data() == "1"  # one box
        assert model.index(0, 3).data() == "1"  # pending
        review = ReviewModel()
        review.set_items(session.awaiting_review(), {1: "brief.pdf"})
        qtmodeltester.check(review)  # type: ignore[attr-defined]
        audit = AuditModel()
        audit.set_events(session.audit_events(), {1: "brief.pdf"})
        qtmodeltester.check(audit)  # type: ignore[attr-defined]


def test_documents_panel_filters_and_opens_documents(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    open_case(qtbot, gui, case_path)
    panel = gui.window.documents
    assert panel.proxy.rowCount() == 2
    qtbot.keyClicks(panel.filter, "gedraaid")
    assert panel.proxy.rowCount() == 1
    panel.table.selectRow(0)
    assert (
        gui.window.case.document is not None
        and gui.window.case.document.file_name == "gedraaid.pdf"
    )
    assert gui.window.view.page_count() == 2


def test_page_decisions_and_reviewed_with_undo(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    window.view.go_to_page(1)
    pick_ground_by_typing(qtbot, "5.1.1c")
    window.window_actions["withhold_page"].trigger()
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        [decision] = session.page_decisions(1)
    assert (decision.page_index, decision.kind, decision.grounds) == (
        1,
        PageDecisionKind.WITHHELD,
        ("5.1.1c",),
    )
    assert window.view.page_item(1).decision is not None
    window.window_actions["out_of_scope"].trigger()
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        [decision] = session.page_decisions(1)
    assert decision.kind is PageDecisionKind.OUT_OF_SCOPE
    window.edits.undo_stack.undo()  # back to withheld
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        [decision] = session.page_decisions(1)
    assert decision.kind is PageDecisionKind.WITHHELD
    window.edits.undo_stack.undo()  # no decision
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        assert session.page_decisions(1) == []
    # Reviewed, next page (Ctrl+Return).
    press_shortcut(qtbot, window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_page() == 2
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        assert session.pages(1)[1].reviewed_by == REVIEWER


def test_as_exported_preview_shows_the_export_engine_output(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    """The preview is the real redaction of the page: black where the box is, codes inside,
    and the page is re-rendered when the boxes change."""
    open_case(qtbot, gui, case_path)
    window = gui.window
    view = window.view
    view.set_zoom(1.5)
    view.go_to_page(0, focus=Rect(30, 30, 200, 60))
    wait_rendered(qtbot, view, 0)
    box = Rect(36, 36, 150, 52)
    add_box(case_path, REVIEWER, 1, 0, box)
    window.case.refresh()
    window.window_actions["preview"].setChecked(True)
    assert view.box_items()[0].isVisible() is False

    def preview_ready() -> bool:
        view.viewport().repaint()
        variant, _ = window.preview_source(0)
        return view.renderer.image(view._key_for(0)[0]) is not None and variant.startswith(
            "preview:"
        )

    qtbot.waitUntil(preview_ready, timeout=15_000)
    image = view.viewport().grab().toImage()
    inside = viewport_point(view, 0, 40, 50)
    outside = viewport_point(view, 0, 300, 200)
    assert QColor(image.pixel(inside)).lightness() < 60, "the export draws a black box there"
    assert QColor(image.pixel(outside)).lightness() > 200
    first_variant = window.preview_source(0)[0]
    # Another box: a new preview (different cache variant), not the stale one.
    add_box(case_path, REVIEWER, 1, 0, Rect(300, 190, 400, 210))
    window.case.refresh()
    assert window.preview_source(0)[0] != first_variant
    qtbot.waitUntil(preview_ready, timeout=15_000)
    image = view.viewport().grab().toImage()
    assert QColor(image.pixel(viewport_point(view, 0, 350, 200))).lightness() < 60
    window.window_actions["preview"].setChecked(False)
    assert view.box_items()[0].isVisible()


def test_review_queue_approve_reject_next_and_jump(
    qtbot: QtBot, gui: Gui, case_path: Path, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add_box(case_path, SECOND, 1, 0, Rect(10, 10, 50, 30))
    second = add_box(case_path, SECOND, 1, 2, Rect(10, 100, 50, 130))
    third = add_box(
        case_path, SECOND, 2, 0, Rect(10, 10, 50, 30), ground="5.1.2e"
    )  # needs motivation
    mine = add_box(case_path, REVIEWER, 1, 1, Rect(10, 10, 50, 30))
    open_case(qtbot, gui, case_path)
    window = gui.window
    panel = window.review
    press_shortcut(
        qtbot,
        window.view,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert panel.queue.hasFocus()
    refs = [i.ref for i in panel.queue_model.items()]
    assert refs == [f"R{first}", f"R{second}", f"R{third}"]  # not my own box (four-eyes)
    assert f"R{mine}" not in refs
    # N selects the first item and jumps to its page, the box selected.
    qtbot.keyClick(panel.queue, Qt.Key.Key_N)
    current = panel.current_item()
    assert current is not None and current.ref == f"R{first}"
    assert [b.redaction_id for b in window.view.selected_boxes()] == [first]
    qtbot.keyClick(panel.queue, Qt.Key.Key_A)
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        assert session.item(f"R{first}").status is ReviewStatus.APPROVED
    # The next item is current now, and the view shows it (page 3).
    current = panel.current_item()
    assert current is not None and current.ref == f"R{second}"
    assert window.view.current_page() == 2
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *a, **k: ("Te ruim: alleen de naam.", True)),
    )
    qtbot.keyClick(panel.queue, Qt.Key.Key_R)
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        rejected = session.item(f"R{second}")
    assert (
        rejected.status is ReviewStatus.REJECTED
        and rejected.reject_reason == "Te ruim: alleen de naam."
    )
    # 5.1.2e without a motivation: the rule refuses, the sentence is shown.
    qtbot.keyClick(panel.queue, Qt.Key.Key_A)
    assert any("motivation" in text for text in messages.texts())
    assert window.case.document is not None and window.case.document.id == 2


def test_author_sees_rejection_with_reason_and_revises(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    box = add_box(case_path, REVIEWER, 1, 0, Rect(10, 10, 50, 30))
    with CaseSession.open(str(case_path), reviewer=SECOND) as other:
        other.reject(f"R{box}", "Dit is geen persoonsgegeven.")
    open_case(qtbot, gui, case_path)
    panel = gui.window.review
    assert [i.ref for i in panel.rejected_model.items()] == [f"R{box}"]
    assert panel.rejected_model.index(0, 5).data() == "Dit is geen persoonsgegeven."
    panel.rejected.selectRow(0)

    def answer(dialog: object) -> None:
        assert isinstance(dialog, GroundPicker)
        dialog.note.setPlainText("Wel: het is een naam.")
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    when_modal(qtbot, GroundPicker, answer)
    panel.revise_button.click()
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        revised = session.item(f"R{box}")
    assert revised.status is ReviewStatus.PROPOSED and revised.note == "Wel: het is een naam."
    assert panel.rejected_model.rowCount() == 0


def test_find_and_redact_all_matches(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    window = gui.window
    panel = window.find_panel
    press_shortcut(qtbot, window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.pattern.hasFocus()
    panel.scope.setCurrentIndex(1)  # the whole case
    qtbot.keyClicks(panel.pattern, "de vries")
    qtbot.keyClick(panel.pattern, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: panel.model.rowCount() == 3, timeout=10_000
    )  # one per page of brief.pdf
    pick_ground_by_typing(qtbot, "5.1.2e")
    panel.redact_all.click()
    boxes = [r for r in window.case.require().redactions() if r.document_id == 1]
    assert sorted(r.page_index for r in boxes) == [0, 1, 2]
    assert all(r.grounds == ("5.1.2e",) and r.status is ReviewStatus.PROPOSED for r in boxes)
    # The results now show them as redacted; redacting all again makes nothing new.
    assert all(h.covered for h in panel.model.hits)
    # One undo step removes all three.
    window.edits.undo_stack.undo()
    assert window.case.require().redactions() == []


def test_find_with_a_bad_regular_expression_says_so(
    qtbot: QtBot, gui: Gui, case_path: Path, messages: Messages
) -> None:
    open_case(qtbot, gui, case_path)
    panel = gui.window.find_panel
    panel.regex.setChecked(True)
    panel.pattern.setText("(unclosed")
    panel.search()
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=5000)
    assert "not valid" in messages.texts()[0]


def test_audit_view_filters_by_reviewer_document_and_action(
    qtbot: QtBot, gui: Gui, case_path: Path
) -> None:
    add_box(case_path, SECOND, 2, 0, Rect(10, 10, 50, 30))
    open_case(qtbot, gui, case_path)
    window = gui.window
    window.window_actions["audit"].trigger()
    view = window.audit
    total = view.model.rowCount()
    assert total >= 4  # case created, two imports, one box
    view.reviewer.setCurrentIndex(view.reviewer.findData(SECOND))
    assert view.proxy.rowCount() == 1
    view.reviewer.setCurrentIndex(0)
    view.document.setCurrentIndex(view.document.findData(2))
    actions = {view.proxy.index(r, 3).data() for r in range(view.proxy.rowCount())}
    assert "box-created" in actions
    view.action.setCurrentIndex(view.action.findData("box-created"))
    assert view.proxy.rowCount() == 1
    view.verify()
    assert "intact" in view.status.text()


def test_export_dialog_blocked_then_exports_with_report(
    qtbot: QtBot, gui: Gui, case_path: Path, tmp_path: Path
) -> None:
    add_box(case_path, REVIEWER, 1, 0, Rect(36, 36, 150, 52))
    open_case(qtbot, gui, case_path)
    window = gui.window
    session = window.case.require()
    dialog = ExportDialog(session, window.worker, tmp_path / "out", window.render_options, window)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=30_000)
    assert "Four-eyes" in dialog.status.text()  # blocked: nothing approved yet
    # The second reviewer approves and confirms everything; then the export runs.
    with CaseSession.open(str(case_path), reviewer=SECOND) as other:
        other.approve([r.ref for r in other.awaiting_review()])
        other.confirm_pages([(p.document_id, p.page_index) for p in other.unconfirmed_pages()])
    dialog.start()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=60_000)
    assert dialog.result is not None and dialog.result.passed, dialog.status.text()
    assert dialog.report.topLevelItemCount() == 2
    assert (tmp_path / "out").is_dir()


def test_thumbnails_render_and_navigate(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    panel = gui.window.thumbnails
    model = panel.model
    assert model.rowCount() == 3
    panel.list.viewport().repaint()
    qtbot.waitUntil(lambda: gui.window.renderer.image(model.key(0)) is not None, timeout=10_000)
    panel.pageChosen.emit(2)
    assert gui.window.view.current_page() == 2


def test_escape_leaves_grounds_unchanged(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    box = add_box(case_path, REVIEWER, 1, 0, Rect(36, 36, 150, 52))
    open_case(qtbot, gui, case_path)
    when_modal(qtbot, GroundPicker, lambda d: qtbot.keyClick(d.list, Qt.Key.Key_Escape))
    gui.window.edits.edit_boxes([box])
    assert gui.window.case.require().item(f"R{box}").grounds == ("5.1.1e",)


def test_second_reviewer_confirms_pages_by_keyboard(
    qtbot: QtBot, gui_factory: object, case_path: Path
) -> None:
    gui = gui_factory(SECOND)  # type: ignore[operator]
    open_case(qtbot, gui, case_path)
    window = gui.window
    assert "5 pages still to confirm" in window.review.summary.text()
    press_shortcut(
        qtbot,
        window.view,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.view.current_page() == 1
    with CaseSession.open(str(case_path), reviewer=REVIEWER) as session:
        assert session.pages(1)[0].confirmed_by == SECOND
    assert "4 pages still to confirm" in window.review.summary.text()


def test_add_documents_off_the_gui_thread_with_progress(
    qtbot: QtBot, gui: Gui, case_path: Path, tmp_path: Path
) -> None:
    from tests.helpers import make_text_pdf

    extra = [tmp_path / "extra1.pdf", tmp_path / "extra2.pdf"]
    for n, path in enumerate(extra):
        make_text_pdf(path, [f"Bijlage {n}", "tweede pagina"])
    open_case(qtbot, gui, case_path)
    gui.window.add_documents(extra)
    qtbot.waitUntil(lambda: gui.window.documents.model.rowCount() == 4, timeout=15_000)
    assert [r.document.file_name for r in gui.window.case.progress][-2:] == [
        "extra1.pdf",
        "extra2.pdf",
    ]


def test_a_broken_pdf_is_refused_with_its_sentence(
    qtbot: QtBot, gui: Gui, case_path: Path, tmp_path: Path, messages: Messages
) -> None:
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    open_case(qtbot, gui, case_path)
    gui.window.add_documents([bad])
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=15_000)
    assert "kapot.pdf" in messages.texts()[0]
    assert gui.window.documents.model.rowCount() == 2


def test_high_contrast_boxes(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    from redactor.gui.box_item import HIGH_CONTRAST, NORMAL

    add_box(case_path, REVIEWER, 1, 0, Rect(36, 36, 150, 52))
    open_case(qtbot, gui, case_path)
    [box] = gui.window.view.box_items()
    assert box.colours is NORMAL
    gui.window.window_actions["high_contrast"].setChecked(True)
    assert box.colours is HIGH_CONTRAST
    gui.window.window_actions["high_contrast"].setChecked(False)
    assert box.colours is NORMAL
