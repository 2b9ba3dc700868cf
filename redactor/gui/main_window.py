"""The main window: lays out the panels, owns the actions, and wires signals to controllers.

The window holds no case logic: CaseController keeps the case current, EditController turns
gestures into stored edits, and the panels show what those two publish.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from redactor import __version__
from redactor.app.preview import page_preview, render_preview
from redactor.app.source_cache import SourceCache, default_max_bytes
from redactor.core.errors import Cancelled, RedactorError
from redactor.core.export_model import RenderOptions
from redactor.core.geometry import Rect
from redactor.core.model import (
    Document,
    Judgement,
    PageDecision,
    PageDecisionKind,
    Redaction,
    ReviewItem,
)
from redactor.gui.actions import WindowActions
from redactor.gui.audit_view import AuditView
from redactor.gui.box_item import HIGH_CONTRAST, NORMAL
from redactor.gui.case_controller import CaseController
from redactor.gui.consistency_panel import ConsistencyPanel
from redactor.gui.documents_panel import DocumentsPanel
from redactor.gui.edit_controller import EditController
from redactor.gui.export_dialog import ExportDialog
from redactor.gui.find_panel import FindPanel, Hit
from redactor.gui.findings_controller import STATUS_MS, FindingsController
from redactor.gui.i18n import LanguageSwitcher, choose_language
from redactor.gui.log_handler import QtLogHandler
from redactor.gui.log_view import LogView
from redactor.gui.messages import show_message, show_user_error, user_action
from redactor.gui.new_case_dialog import NewCaseDialog
from redactor.gui.page_renderer import PageKey, PageRenderer, Producer
from redactor.gui.page_view import PageView
from redactor.gui.preferences import PreferencesDialog
from redactor.gui.render_worker import TaskContext, Worker
from redactor.gui.review_panel import ReviewPanel
from redactor.gui.settings import (
    FOUR_EYES_DEFAULT,
    LANGUAGE,
    LAST_FOLDER,
    RECENT_CASES,
    REVIEWER,
    SNAP_TO_TEXT,
    SOURCE_CACHE_MB,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from redactor.gui.settings import (
    HIGH_CONTRAST as HIGH_CONTRAST_SETTING,
)
from redactor.gui.shortcuts_overlay import ShortcutsOverlay
from redactor.gui.suggestions_panel import SuggestionsPanel
from redactor.gui.thumbnails import ThumbnailsPanel
from redactor.gui.welcome import WelcomePage
from redactor.pdf.render import DocumentCache, RenderedPage
from redactor.pdf.render_service import RenderService, Source

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        languages: LanguageSwitcher,
        reviewer: str,
        parent: QWidget | None = None,
        *,
        render_service: RenderService | None = None,
        log_handler: QtLogHandler | None = None,
        log_file: Path | None = None,
        source_cache: SourceCache | None = None,
    ) -> None:
        super().__init__(parent)
        # Sources are rendered from copies in this folder, opened by path (see source_cache).
        self.sources = (
            source_cache
            if source_cache is not None
            else SourceCache.default(settings.get(SOURCE_CACHE_MB))
        )
        # Documents rendered from a cached copy not yet verified in this session (worker thread
        # and GUI thread add; the worker's verification removes).
        self._from_cache: set[int] = set()
        self._verify_asked: set[int] = set()
        self.settings = settings
        self.languages = languages
        self.reviewer = reviewer
        # How the export draws boxes; the preview shows the same (the export dialog sets it).
        self.render_options = RenderOptions()
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.worker = Worker(self)
        self.renderer = PageRenderer(
            self.worker,
            self._load_source,
            service=render_service,
            verify_source=self._verify_source,
            parent=self,
        )
        self.case = CaseController(settings, self)
        self.case.sources = self.sources
        self.view = PageView(self.renderer)
        self.edits = EditController(
            self.case, self.view, self.worker, settings, self, lambda: self.languages.language
        )
        self.window_actions = WindowActions(self)
        self.welcome = WelcomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.view)
        self.setCentralWidget(self.stack)
        self.documents = DocumentsPanel()
        self.thumbnails = ThumbnailsPanel(self.renderer)
        self.review = ReviewPanel(self.case, self._record_review)
        self.find_panel = FindPanel(self.case, self.worker, self.edits.page_words, self.redact_hits)
        self.findings = FindingsController(self.case, self.edits, self.worker, self)
        self.suggestions = SuggestionsPanel(
            self.case, self.worker, self.findings.accept_suggestions
        )
        self.consistency = ConsistencyPanel(self.case, self.worker, self.findings.redact_visible)
        self.audit = AuditView(self.case)
        # Records logged before the window existed are in the handler; without one (a window
        # made on its own), the view starts empty and nothing feeds it.
        self.log_view = LogView(log_handler or QtLogHandler(), log_file)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.documents_dock = self._dock("documents", self.documents, left)
        self.thumbnails_dock = self._dock("pages", self.thumbnails, left)
        self.review_dock = self._dock("review", self.review, right)
        self.find_dock = self._dock("find", self.find_panel, right)
        self.suggestions_dock = self._dock("suggestions", self.suggestions, right)
        self.consistency_dock = self._dock("consistency", self.consistency, right)
        self.audit_dock = self._dock("audit", self.audit, bottom)
        self.log_dock = self._dock("log", self.log_view, bottom)
        # Hidden BEFORE they are tabified: tabified first, Qt's dock layout left their tab bar
        # (two empty tabs) drawn over the Pages panel until the window was resized.
        self.audit_dock.hide()
        self.log_dock.hide()
        for dock in (self.find_dock, self.suggestions_dock, self.consistency_dock):
            self.tabifyDockWidget(self.review_dock, dock)
        self.tabifyDockWidget(self.audit_dock, self.log_dock)
        self.review_dock.raise_()
        self.overlay = ShortcutsOverlay(self.window_actions, self)
        self.page_spin = QSpinBox()
        self.page_total = QLabel()
        self.zoom_label = QLabel()
        self.status_reviewer = QLabel()
        self.status_page = QLabel()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().addPermanentWidget(self.status_page)
        self.statusBar().addPermanentWidget(self.status_reviewer)
        self._connect()
        self._restore_state()
        self.retranslate()
        self._update_enabled()

    # -- construction ---------------------------------------------------------------------------

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        self._menus = {}
        for group in self.window_actions.groups():
            menu = self.menuBar().addMenu("")
            self._menus[group] = menu
            for action in self.window_actions.in_group(group):
                menu.addAction(action)
                self.addAction(action)  # shortcuts work even when the menu bar is hidden
            if group == "view":
                menu.addSeparator()
                for dock in (
                    self.documents_dock,
                    self.thumbnails_dock,
                    self.review_dock,
                    self.find_dock,
                    self.suggestions_dock,
                    self.consistency_dock,
                    self.audit_dock,
                    self.log_dock,
                ):
                    menu.addAction(dock.toggleViewAction())

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("main")
        bar.setObjectName("toolbar_main")
        bar.setMovable(False)
        a = self.window_actions
        for name in ("open_case", "add_documents", None, "undo", "redo", None, "zoom_out"):
            bar.addSeparator() if name is None else bar.addAction(a[name])
        bar.addWidget(self.zoom_label)
        for name in ("zoom_in", "fit_width", None, "previous_page"):
            bar.addSeparator() if name is None else bar.addAction(a[name])
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.page_total)
        for name in (
            "next_page",
            None,
            "snap_to_text",
            "preview",
            None,
            "withhold_page",
            "reviewed_next",
            "confirm_next",
            None,
            "export",
        ):
            bar.addSeparator() if name is None else bar.addAction(a[name])
        self.toolbar = bar

    def _connect(self) -> None:
        a, view, case, edits = self.window_actions, self.view, self.case, self.edits
        triggers: dict[str, Callable[[], object]] = {
            "new_case": self.new_case_dialog,
            "open_case": self.open_case_dialog,
            "open_demo": self.open_demo,
            "open_url": self.open_url_dialog,
            "add_documents": self.add_documents_dialog,
            "close_case": self.close_case,
            "quit": self.close,
            "undo": edits.undo_stack.undo,
            "redo": edits.undo_stack.redo,
            "edit_grounds": edits.edit_boxes,
            "delete_boxes": edits.delete_selected,
            "select_all": view.select_all_on_page,
            "zoom_in": view.zoom_in,
            "zoom_out": view.zoom_out,
            "fit_width": view.fit_width,
            "fit_page": view.fit_page,
            "next_page": view.next_page,
            "previous_page": view.previous_page,
            "first_page": view.first_page,
            "last_page": view.last_page,
            "go_to_page": self.go_to_page_dialog,
            "next_document": lambda: self.step_document(1),
            "previous_document": lambda: self.step_document(-1),
            "withhold_page": edits.withhold_page,
            "out_of_scope": edits.mark_out_of_scope,
            "clear_page_decision": edits.clear_page_decision,
            "toggle_reviewed": edits.toggle_reviewed,
            "reviewed_next": edits.reviewed_and_next,
            "confirm_next": edits.confirm_and_next,
            "about": self.about,
            "export": self.export_dialog,
            "preferences": self.preferences_dialog,
            "shortcuts": self.overlay.toggle,
            "review_queue": lambda: self._show_dock(self.review_dock, self.review.queue),
            "find": lambda: self._show_dock(self.find_dock, self.find_panel.pattern),
            "audit": lambda: self._show_dock(self.audit_dock, self.audit.table),
            "suggestions": self.show_suggestions,
            "consistency": self.show_consistency,
            "redact_everywhere": self.redact_everywhere,
            "ocr_document": lambda: self.findings.read_scanned(whole_case=False),
            "ocr_case": lambda: self.findings.read_scanned(whole_case=True),
            "log": lambda: self._show_dock(self.log_dock, self.log_view.table),
        }
        for name, slot in triggers.items():
            a[name].triggered.connect(lambda _checked=False, s=slot: self._guard(s))
        a["snap_to_text"].setChecked(self.settings.get(SNAP_TO_TEXT))
        a["snap_to_text"].toggled.connect(lambda on: self.settings.set(SNAP_TO_TEXT, on))
        a["preview"].toggled.connect(self.set_preview)
        a["high_contrast"].setChecked(self.settings.get(HIGH_CONTRAST_SETTING))
        a["high_contrast"].toggled.connect(self.set_high_contrast)
        self.set_high_contrast(a["high_contrast"].isChecked())
        edits.undo_stack.canUndoChanged.connect(lambda _x: self._update_enabled())
        edits.undo_stack.canRedoChanged.connect(lambda _x: self._update_enabled())
        self.welcome.newCase.connect(self.new_case_dialog)
        self.welcome.openCase.connect(self.open_case_dialog)
        self.welcome.openDemo.connect(self.open_demo)
        self.welcome.openRecent.connect(self.open_case)
        self.documents.judgementChosen.connect(self.set_judgement)
        self.documents.documentChosen.connect(
            lambda doc_id: self._guard(lambda: case.show_document(doc_id))
        )
        self.thumbnails.pageChosen.connect(view.go_to_page)
        self.page_spin.valueChanged.connect(lambda value: view.go_to_page(value - 1))
        view.currentPageChanged.connect(self._page_changed)
        view.zoomChanged.connect(
            lambda z: self.zoom_label.setText(f" {round(z * 100 * 72 / 96)} % ")
        )
        view.selectionChanged.connect(self._update_enabled)
        case.opened.connect(self._case_opened)
        case.closed.connect(self._case_closed)
        case.documentPending.connect(self._document_pending)
        case.documentShown.connect(self._document_shown)
        self.renderer.pageReady.connect(self._page_painted)
        self.renderer.pageFailed.connect(self._page_failed)
        view.documentPainted.connect(self._first_page_painted)
        self.renderer.sourceReplaced.connect(self._source_replaced)
        case.refreshed.connect(self._refreshed)
        case.pollFailed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.worker.unhandledError.connect(self._worker_error)
        self.review.jumpRequested.connect(self.show_item)
        self.review.reviseRequested.connect(
            lambda red_id: self._guard(lambda: edits.edit_boxes([red_id]))
        )
        self.find_panel.jumpRequested.connect(
            lambda doc, page, rect: self._guard(lambda: self.show_place(doc, page, rect))
        )
        for panel in (self.suggestions, self.consistency):
            panel.jumpRequested.connect(
                lambda doc, page, rects: self._guard(lambda: self.highlight_place(doc, page, rects))
            )
            panel.highlightCleared.connect(view.clear_highlights)

        self.findings.statusMessage.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_MS)
        )
        view.boxMenuRequested.connect(self.box_menu)

    def _guard(self, slot: Callable[[], object]) -> None:
        """Run an action; a RedactorError becomes its message (bugs go on to the crash path)."""
        with user_action(self):
            slot()

    def _worker_error(self, exc: BaseException) -> None:
        if isinstance(exc, RedactorError):
            show_user_error(self, exc)
        else:
            raise exc

    # -- translation ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.window_actions.retranslate()
        for group, menu in self._menus.items():
            menu.setTitle(self.window_actions.group_title(group))
        self.documents_dock.setWindowTitle(self.tr("Documents"))
        self.thumbnails_dock.setWindowTitle(self.tr("Pages"))
        self.review_dock.setWindowTitle(self.tr("Review"))
        self.find_dock.setWindowTitle(self.tr("Find"))
        self.suggestions_dock.setWindowTitle(self.tr("Suggestions"))
        self.consistency_dock.setWindowTitle(self.tr("Consistency"))
        self.audit_dock.setWindowTitle(self.tr("Audit trail"))
        self.log_dock.setWindowTitle(self.tr("Log"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.page_spin.setToolTip(self.tr("Page number (Ctrl+G)"))
        self.zoom_label.setToolTip(self.tr("Zoom"))
        self._update_title()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        session = self.case.session
        if session is None:
            self.setWindowTitle(self.tr("Redactor"))
            return
        info = self.case.info
        assert info is not None
        doc = f" — {self.case.document.file_name}" if self.case.document else ""
        self.setWindowTitle(f"{info.title}{doc} — Redactor")

    def _update_status(self) -> None:
        session = self.case.session
        if session is None:
            self.status_reviewer.setText(self.tr("Reviewer: {0}").format(self.reviewer))
            self.status_page.setText("")
            return
        four_eyes = self.case.info is not None and self.case.info.four_eyes
        mode = self.tr("four-eyes") if four_eyes else self.tr("single reviewer")
        self.status_reviewer.setText(self.tr("Reviewer: {0} ({1})").format(session.reviewer, mode))
        page = self.view.current_page()
        if self.case.document is None or page >= len(self.case.pages):
            self.status_page.setText("")
            return
        info = self.case.pages[page]
        parts = [self.tr("Page {0} of {1}").format(page + 1, len(self.case.pages))]
        boxes = len(self.case.boxes_on(page))
        if boxes:
            parts.append(self.tr("%n box(es)", "", boxes))
        decision = self.case.decision_on(page)
        if decision is not None:
            parts.append(self.decision_text(decision))
        if info.reviewed_by:
            parts.append(self.tr("reviewed by {0}").format(info.reviewed_by))
        if info.confirmed_by:
            parts.append(self.tr("confirmed by {0}").format(info.confirmed_by))
        self.status_page.setText(" · ".join(parts))

    def decision_text(self, decision: PageDecision) -> str:
        if decision.kind is PageDecisionKind.WITHHELD:
            return self.tr("Withheld: {0}").format("; ".join(decision.grounds))
        return self.tr("Out of scope")

    # -- the case -------------------------------------------------------------------------------

    def open_case(self, location: str) -> bool:
        with user_action(self):
            self.case.open(location, self.reviewer)
            return True
        return False

    def open_case_dialog(self) -> None:
        folder = self.settings.get(LAST_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open case"),
            folder,
            self.tr("Redactor cases (*.redactor);;All files (*)"),
        )
        if path:
            self.settings.set(LAST_FOLDER, str(Path(path).parent))
            self.open_case(path)

    def open_url_dialog(self) -> None:
        url, ok = QInputDialog.getText(
            self,
            self.tr("Open database case"),
            self.tr(
                "Database URL, e.g. postgresql+psycopg://host/dossier (your role is your name):"
            ),
        )
        if ok and url.strip():
            self.open_case(url.strip())

    def set_judgement(self, document_id: int, judgement: Judgement | None) -> None:
        with user_action(self):
            session = self.case.require()
            document = session.document(document_id)
            session.set_judgement(document_id, judgement, expected_version=document.version)
            self.case.refresh()

    def new_case_dialog(self) -> None:
        folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
        dialog = NewCaseDialog(folder, self.settings.get(FOUR_EYES_DEFAULT), self)
        if dialog.exec() != NewCaseDialog.DialogCode.Accepted:
            return
        location = dialog.case_location()
        with user_action(self):
            self.case.create(
                location,
                self.reviewer,
                four_eyes=dialog.four_eyes.isChecked(),
                catalog=dialog.catalog.currentText(),
            )
            self.settings.set(FOUR_EYES_DEFAULT, dialog.four_eyes.isChecked())
            if "://" not in location:
                self.settings.set(LAST_FOLDER, str(Path(location).parent))

    def open_demo(self) -> None:
        from redactor.app.demo import build_demo_case

        with user_action(self):
            self.open_case(str(build_demo_case(self.reviewer)))

    def close_case(self) -> None:
        self.worker.shutdown()
        self.case.close()

    def _case_opened(self) -> None:
        if self.case.info is not None:
            self.renderer.namespace = self.case.info.uid
        self.stack.setCurrentWidget(self.view)
        self._update_title()
        self._update_status()
        self._update_enabled()

    def _case_closed(self) -> None:
        self._from_cache.clear()
        self._verify_asked.clear()
        self.view.set_document(None, [])
        self.thumbnails.model.set_pages(None, [], [], [])
        self.documents.set_progress([])
        self.renderer.invalidate()
        self.renderer.close()
        self.welcome.set_recent(self.settings.get(RECENT_CASES))
        self.stack.setCurrentWidget(self.welcome)
        self._update_title()
        self._update_status()
        self._update_enabled()

    def _document_pending(self, document: Document) -> None:
        """Start the first page's render before the document's pages are even read: the
        render process opens the cached copy and interprets page 1 while this thread reads
        the page list and lays out the view."""
        session = self.case.session
        if self.case.info is not None:
            # Sent before `opened` when a case is opened: the render process tells cases apart.
            self.renderer.namespace = self.case.info.uid
        path = session.cached_source(document) if session is not None else None
        if path is not None:
            self._from_cache.add(document.id)
            self.renderer.prepare(document.id, path, 0)

    def _first_page_painted(self, _document_id: int) -> None:
        """The view painted a page of the shown document: the rest of a case being opened can
        be read now (after the paint, which runs first)."""
        if self.case.opening:
            QTimer.singleShot(0, self.case, self.case.finish_opening)

    def _page_failed(self, key: PageKey, *_: object) -> None:
        # A first page that cannot be rendered is painted as a placeholder: the rest of the
        # case is read all the same.
        if key.document_id == self.view.document_id and self.case.opening:
            QTimer.singleShot(0, self.case, self.case.finish_opening)
        self._page_painted(key)

    def _page_painted(self, key: PageKey, *_: object) -> None:
        """A page of the shown document arrived: the source it came from is verified (after,
        not before, the first image)."""
        if key.document_id != self.view.document_id:
            return
        if key.document_id not in self._verify_asked:
            self._verify_asked.add(key.document_id)
            self.renderer.verify_document(key.document_id)

    def _verify_source(self, document_id: int) -> bool:
        """On the worker thread: False when the cached copy a page came from was not the
        document (it is deleted by then; the next render reads the case and re-writes it)."""
        session = self.case.session
        if document_id not in self._from_cache or session is None:
            return True
        self._from_cache.discard(document_id)
        return session.verify_cached_source(document_id)

    def _source_replaced(self, document_id: int) -> None:
        case = self.case
        if document_id == self.view.document_id:
            self.view.viewport().update()
            self.thumbnails.model.set_pages(
                document_id, case.pages, case.redactions, case.decisions
            )
        self.edits.forget_words([document_id])

    def _document_shown(self, document_id: int) -> None:
        case = self.case
        self.view.set_document(document_id, case.pages)
        if not self.view.preview_enabled():
            # Ask now, not when the view first paints (after everything below and a layout).
            zoom = self.view.render_zoom()
            for index in self.view.visible_pages():
                self.renderer.request(PageKey(document_id, index, zoom), priority=10)
        self.view.set_redactions(case.redactions)
        self.view.set_decisions(case.decisions, self.decision_text)
        if not case.opening:
            # When a case is opened, the thumbnails (a list to lay out, pages to paint) come
            # with the rest of the case, once the first page is painted (`_refreshed`).
            self.thumbnails.model.set_pages(
                document_id, case.pages, case.redactions, case.decisions
            )
        self.documents.select_document(document_id, emit=False)
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, len(case.pages)))
        self.page_spin.setValue(1)
        self.page_spin.blockSignals(False)
        self.page_total.setText(f" / {len(case.pages)} ")
        self._update_title()
        self._update_status()
        self._update_enabled()

    def _refreshed(self) -> None:
        case = self.case
        self.documents.set_progress(case.progress)
        if case.document is not None and self.documents.current_document() != case.document.id:
            self.documents.select_document(case.document.id, emit=False)  # shown before listed
        if case.document is not None and self.view.document_id == case.document.id:
            if self.view.page_count() != len(case.pages):
                self._document_shown(case.document.id)
            self.view.set_redactions(case.redactions)
            self.view.set_decisions(case.decisions, self.decision_text)
            self.view.refresh_preview()
            self.thumbnails.model.set_pages(
                case.document.id, case.pages, case.redactions, case.decisions
            )
        elif case.document is None and self.view.document_id is not None:
            self.view.set_document(None, [])
        self._update_status()
        self._update_enabled()

    def _page_changed(self, page_index: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page_index + 1)
        self.page_spin.blockSignals(False)
        self.thumbnails.set_current(page_index)
        self._update_status()

    def _load_source(self, document_id: int) -> Source:
        """Called on the worker thread when a document is first rendered: the cached copy of
        its source (written from the case if missing) or, failing that, the case's bytes."""
        session = self.case.session
        if session is None:
            raise Cancelled(self.tr("The case was closed."))
        source = session.view_source(document_id)
        if isinstance(source, Path):
            self._from_cache.add(document_id)
        return source

    def step_document(self, step: int) -> None:
        docs = [p.document.id for p in self.case.progress]
        if not docs:
            return
        current = self.case.document.id if self.case.document else docs[0]
        index = docs.index(current) if current in docs else 0
        self.case.show_document(docs[(index + step) % len(docs)])

    def go_to_page_dialog(self) -> None:
        if not self.case.pages:
            return
        number, ok = QInputDialog.getInt(
            self,
            self.tr("Go to page"),
            self.tr("Page (1–{0}):").format(len(self.case.pages)),
            self.view.current_page() + 1,
            1,
            len(self.case.pages),
        )
        if ok:
            self.view.go_to_page(number - 1)

    def _show_dock(self, dock: QDockWidget, focus: QWidget) -> None:
        dock.show()
        dock.raise_()
        if focus is self.find_panel.pattern:
            self.find_panel.focus_pattern()
        else:
            focus.setFocus()

    def show_place(self, document_id: int, page_index: int, rect: Rect | None = None) -> None:
        """Show a page (and a rectangle on it) of any document."""
        if self.case.document is None or self.case.document.id != document_id:
            self.case.show_document(document_id)
        self.view.go_to_page(page_index, focus=rect)

    def highlight_place(self, document_id: int, page_index: int, rects: tuple[Rect, ...]) -> None:
        """Show a place that is not a box (a suggestion, a finding), marked on its page."""
        self.show_place(document_id, page_index, rects[0] if rects else None)
        self.view.set_highlights(page_index, rects)

    def show_suggestions(self) -> None:
        self.suggestions_dock.show()
        self.suggestions_dock.raise_()
        self.suggestions.focus_list()

    def show_consistency(self) -> None:
        self.consistency_dock.show()
        self.consistency_dock.raise_()
        self.consistency.focus_list()
        if not self.consistency.model.findings() and not self.consistency.checking():
            self.consistency.check()

    def redact_everywhere(self) -> None:
        ids = [b.redaction_id for b in self.view.selected_boxes()]
        self.findings.redact_everywhere(ids)

    def box_menu(self, where: QPoint) -> None:
        """The menu of the selected boxes (right-click on a box)."""
        self.box_menu_for().exec(where)

    def box_menu_for(self) -> QMenu:
        menu = QMenu(self)
        a = self.window_actions
        for name in ("edit_grounds", "redact_everywhere", None, "delete_boxes"):
            menu.addSeparator() if name is None else menu.addAction(a[name])
        return menu

    def show_item(self, item: ReviewItem) -> None:
        with user_action(self):
            rect = item.rect if isinstance(item, Redaction) else None
            self.show_place(item.document_id, item.page_index, rect)
            if isinstance(item, Redaction):
                self.view.select_boxes([item.id])

    def _record_review(self, item: ReviewItem) -> None:
        if isinstance(item, Redaction):
            self.edits.registry.record(item)

    def redact_hits(self, hits: list[Hit]) -> bool:
        """Propose boxes over find results (one undo step), with one choice of ground."""
        choice = self.edits.choose_grounds(title=self.tr("Ground for the matches"))
        if choice is None:
            return False
        by_document: dict[int, list[tuple[int, Rect]]] = {}
        for hit in hits:
            by_document.setdefault(hit.document_id, []).extend(
                (hit.match.page_index, r) for r in hit.match.rects
            )
        stack = self.edits.undo_stack
        stack.beginMacro(self.tr("Redact %n match(es)", "", len(hits)))
        try:
            ok = all(
                self.edits.add_boxes(boxes, document_id=doc, choice=choice)
                for doc, boxes in by_document.items()
            )
        finally:
            stack.endMacro()
        return ok

    def export_dialog(self) -> None:
        session = self.case.require()
        folder = (
            Path(self.settings.get(LAST_FOLDER) or Path.home())
            / f"{(self.case.info.title if self.case.info else 'case')} export"
        )
        dialog = ExportDialog(session, self.worker, folder, self.render_options, self)
        dialog.exec()
        self.render_options = dialog.options()
        if self.view.preview_enabled():
            self.set_preview(True)
        self.case.refresh()

    def preferences_dialog(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        self.languages.apply(choose_language(self.settings.get(LANGUAGE)))
        self.sources.set_limit(default_max_bytes(self.settings.get(SOURCE_CACHE_MB)))
        self.window_actions["high_contrast"].setChecked(self.settings.get(HIGH_CONTRAST_SETTING))
        self.window_actions["snap_to_text"].setChecked(self.settings.get(SNAP_TO_TEXT))
        name = self.settings.get(REVIEWER).strip()
        if name and name != self.reviewer:
            self.reviewer = name
            if (
                self.case.session is not None
            ):  # the reviewer is fixed per session: reopen as the new one
                self.open_case(self.case.location)
            self._update_status()

    # -- documents ------------------------------------------------------------------------------

    def add_documents_dialog(self) -> None:
        self.case.require()
        folder = self.settings.get(LAST_FOLDER) or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add documents"), folder, self.tr("PDF files (*.pdf)")
        )
        if paths:
            self.settings.set(LAST_FOLDER, str(Path(paths[0]).parent))
            self.add_documents([Path(p) for p in paths])

    def add_documents(self, paths: list[Path]) -> None:
        """Import PDFs off the GUI thread, with a progress dialog that can cancel between files."""
        session = self.case.require()
        dialog = QProgressDialog(
            self.tr("Adding documents…"), self.tr("Cancel"), 0, len(paths), self
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def work(ctx: TaskContext) -> list[str]:
            def progress(done: int, total: int, name: str) -> None:
                if ctx.cancelled():
                    raise Cancelled(
                        "Adding documents was cancelled; the files added so far stay in the case."
                    )
                ctx.progress(done, total, name)

            added = session.add_documents(paths, progress=progress)
            return [d.file_name for d in added if d.repaired]

        def finished(repaired: object) -> None:
            dialog.close()
            self.case.refresh()
            if self.case.document is None and self.case.progress:
                self.case.show_document(self.case.progress[0].document.id)
            if isinstance(repaired, list) and repaired:
                show_message(
                    self,
                    self.tr("Damaged files repaired"),
                    self.tr(
                        "These files were damaged and had to be repaired to be read; pages or "
                        "content may be missing. Compare them with the originals:\n{0}"
                    ).format("\n".join(repaired)),
                )

        def failed(exc: BaseException) -> None:
            dialog.close()
            self.case.refresh()
            if isinstance(exc, RedactorError):
                if not isinstance(exc, Cancelled):
                    show_user_error(self, exc)
                return
            raise exc

        def progress(done: int, total: int, name: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Adding {0}…").format(name) if name else self.tr("Done."))

        task = self.worker.submit(
            work, context=True, done=finished, failed=failed, progress=progress
        )
        dialog.canceled.connect(task.cancel)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        cases = [p for p in paths if p.suffix == ".redactor"]
        pdfs = [p for p in paths if p.suffix.lower() == ".pdf" or p.is_dir()]
        event.acceptProposedAction()
        if cases:
            self.open_case(str(cases[0]))
        elif pdfs:
            self._guard(lambda: self.add_documents(pdfs))

    # -- view options ---------------------------------------------------------------------------

    def set_preview(self, enabled: bool) -> None:
        self.view.set_preview(self.preview_source if enabled else None)

    def preview_source(self, page_index: int) -> tuple[str, Producer]:
        """The export preview of a page: its cache variant and how the worker renders it."""
        document = self.case.document
        assert document is not None
        preview = page_preview(
            document.id,
            page_index,
            self.case.boxes_on(page_index),
            self.case.decision_on(page_index),
            self.render_options,
        )
        zoom = self.view.render_zoom()
        doc_id = document.id
        service = self.renderer.service

        def produce(docs: DocumentCache) -> RenderedPage:
            load = functools.partial(self._load_source, doc_id)
            if service is not None:
                key = self.renderer.service_key(doc_id)
                return service.render_redacted(
                    key,
                    load,
                    preview.page_index,
                    preview.boxes,
                    preview.withheld,
                    preview.options,
                    zoom,
                )
            return render_preview(docs, load, preview, zoom)

        return f"preview:{preview.digest}", produce

    def set_high_contrast(self, enabled: bool) -> None:
        self.settings.set(HIGH_CONTRAST_SETTING, enabled)
        self.view.set_colours(HIGH_CONTRAST if enabled else NORMAL)

    def _update_enabled(self) -> None:
        has_case = self.case.session is not None
        has_doc = has_case and self.case.document is not None
        selected = bool(self.view.selected_boxes())
        a = self.window_actions
        for name in (
            "add_documents",
            "export",
            "close_case",
            "review_queue",
            "find",
            "audit",
            "suggestions",
            "consistency",
            "ocr_case",
        ):
            a[name].setEnabled(has_case)
        for name in (
            "zoom_in",
            "zoom_out",
            "fit_width",
            "fit_page",
            "next_page",
            "previous_page",
            "first_page",
            "last_page",
            "go_to_page",
            "next_document",
            "previous_document",
            "withhold_page",
            "out_of_scope",
            "clear_page_decision",
            "toggle_reviewed",
            "reviewed_next",
            "confirm_next",
            "preview",
            "select_all",
            "ocr_document",
        ):
            a[name].setEnabled(has_doc)
        a["delete_boxes"].setEnabled(selected)
        a["edit_grounds"].setEnabled(selected)
        a["redact_everywhere"].setEnabled(selected)
        a["undo"].setEnabled(self.edits.undo_stack.canUndo())
        a["redo"].setEnabled(self.edits.undo_stack.canRedo())
        self.page_spin.setEnabled(has_doc)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Redactor"),
            self.tr(
                "Redactor {0}\nRedact PDF documents for release (Woo, FOIA, GDPR).\n"
                "Licence: AGPL-3.0-or-later."
            ).format(__version__),
        )

    def info(self, title: str, text: str) -> None:
        show_message(self, title, text)

    # -- window state ---------------------------------------------------------------------------

    def _restore_state(self) -> None:
        self.resize(1400, 900)
        self.resizeDocks(
            [self.documents_dock, self.review_dock], [470, 380], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [self.documents_dock, self.thumbnails_dock], [300, 500], Qt.Orientation.Vertical
        )
        geometry = self.settings.get(WINDOW_GEOMETRY)
        state = self.settings.get(WINDOW_STATE)
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode()))
        self.welcome.set_recent(self.settings.get(RECENT_CASES))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().toBase64().data()).decode())
        self.settings.set(WINDOW_STATE, bytes(self.saveState().toBase64().data()).decode())
        self.settings.sync()
        self.worker.shutdown()
        self.case.close()
        self.renderer.close()
        super().closeEvent(event)

    def show_soon(self, slot: Callable[[], None]) -> None:
        QTimer.singleShot(0, slot)
