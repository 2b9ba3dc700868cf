"""Every window action in one place: its shortcut, text and tooltip (translated), and its group
in the menus and the shortcuts overlay. The window connects them; nothing else creates them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

log = logging.getLogger(__name__)

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class _Spec:
    name: str
    group: str  # "file", "edit", "view", "go", "page", "review", "tools", "help"
    keys: tuple[QKeySequence | Key | str, ...] = ()
    checkable: bool = False


_SPECS: tuple[_Spec, ...] = (
    _Spec("new_case", "file", (Key.New,)),
    _Spec("open_case", "file", (Key.Open,)),
    _Spec("open_url", "file"),
    _Spec("open_demo", "file"),
    _Spec("add_documents", "file", ("Ctrl+Shift+A",)),
    _Spec("export", "file", ("Ctrl+E",)),
    _Spec("close_case", "file", (Key.Close,)),
    _Spec("quit", "file", (Key.Quit, "Ctrl+Q")),
    _Spec("undo", "edit", (Key.Undo,)),
    _Spec("redo", "edit", ("Ctrl+Shift+Z", "Ctrl+Y")),
    _Spec("edit_grounds", "edit", ("G",)),
    _Spec("delete_boxes", "edit", (Key.Delete,)),
    # Ctrl+E is the export's.
    _Spec("redact_everywhere", "edit", ("Ctrl+Shift+E",)),
    _Spec("select_all", "edit", (Key.SelectAll,)),
    _Spec("snap_to_text", "edit", ("Ctrl+T",), checkable=True),
    _Spec("preferences", "edit", ("Ctrl+,",)),
    _Spec("zoom_in", "view", (Key.ZoomIn, "Ctrl+=")),
    _Spec("zoom_out", "view", (Key.ZoomOut,)),
    _Spec("fit_width", "view", ("Ctrl+2",)),
    _Spec("fit_page", "view", ("Ctrl+0",)),
    _Spec("preview", "view", ("Ctrl+Shift+P",), checkable=True),
    _Spec("high_contrast", "view", ("Ctrl+Shift+H",), checkable=True),
    _Spec("next_page", "go", ("PgDown",)),
    _Spec("previous_page", "go", ("PgUp",)),
    _Spec("first_page", "go", ("Home",)),
    _Spec("last_page", "go", ("End",)),
    _Spec("go_to_page", "go", ("Ctrl+G",)),
    _Spec("next_document", "go", ("Ctrl+PgDown",)),
    _Spec("previous_document", "go", ("Ctrl+PgUp",)),
    _Spec("withhold_page", "page", ("Ctrl+Shift+W",)),
    _Spec("out_of_scope", "page", ("Ctrl+Shift+O",)),
    _Spec("clear_page_decision", "page", ("Ctrl+Shift+Backspace",)),
    _Spec("toggle_reviewed", "page", ("Ctrl+R",)),
    _Spec("reviewed_next", "page", ("Ctrl+Return",)),
    _Spec("confirm_next", "page", ("Ctrl+Shift+Return",)),
    _Spec("review_queue", "review", ("Ctrl+Shift+R",)),
    _Spec("find", "tools", (Key.Find,)),
    _Spec("suggestions", "tools", ("Ctrl+Shift+S",)),
    _Spec("consistency", "tools", ("Ctrl+Shift+K",)),
    _Spec("ocr_document", "tools"),
    _Spec("ocr_case", "tools"),
    _Spec("audit", "tools", ("Ctrl+Shift+L",)),
    _Spec("shortcuts", "help", ("F1", "?")),
    _Spec("log", "help"),
    _Spec("about", "help"),
)


class WindowActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        self._groups: dict[str, str] = {}
        for spec in _SPECS:
            action = QAction(parent)
            action.setObjectName(spec.name)
            keys = [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in spec.keys]
            keys = [k for k in keys if not k.isEmpty()]
            if keys:
                action.setShortcuts(keys)
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            self._actions[spec.name] = action
            self._groups[spec.name] = spec.group
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def in_group(self, group: str) -> list[QAction]:
        return [a for n, a in self._actions.items() if self._groups[n] == group]

    def group_title(self, group: str) -> str:
        return {
            "file": self.tr("&Case"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "go": self.tr("&Go"),
            "page": self.tr("&Page"),
            "review": self.tr("&Review"),
            "tools": self.tr("&Tools"),
            "help": self.tr("&Help"),
        }[group]

    def groups(self) -> list[str]:
        seen: list[str] = []
        for group in self._groups.values():
            if group not in seen:
                seen.append(group)
        return seen

    def retranslate(self) -> None:
        texts = {
            "new_case": (self.tr("&New case…"), self.tr("Create a new case file")),
            "open_case": (self.tr("&Open case…"), self.tr("Open a case file or a database URL")),
            "open_url": (
                self.tr("Open &database case…"),
                self.tr("Open a case on a PostgreSQL server by its URL"),
            ),
            "open_demo": (
                self.tr("Open the &demo case"),
                self.tr("Build a sample case and open it"),
            ),
            "add_documents": (self.tr("&Add documents…"), self.tr("Add PDF files to the case")),
            "export": (self.tr("&Export…"), self.tr("Write the redacted documents and records")),
            "close_case": (self.tr("&Close case"), self.tr("Close the case (everything is saved)")),
            "quit": (self.tr("&Quit"), self.tr("Quit Redactor (everything is saved)")),
            "undo": (self.tr("&Undo"), self.tr("Undo the last edit")),
            "redo": (self.tr("&Redo"), self.tr("Redo the edit")),
            "edit_grounds": (
                self.tr("&Grounds and note…"),
                self.tr("Change the grounds and note of the selected boxes"),
            ),
            "delete_boxes": (self.tr("&Delete boxes"), self.tr("Delete the selected boxes")),
            "redact_everywhere": (
                self.tr("Redact &everywhere"),
                self.tr("Propose boxes over every other occurrence of the selected boxes' words"),
            ),
            "select_all": (
                self.tr("Select all boxes on the page"),
                self.tr("Select every box on this page"),
            ),
            "snap_to_text": (
                self.tr("&Snap to text"),
                self.tr("Make drawn boxes tight around the words they cover"),
            ),
            "preferences": (self.tr("&Preferences…"), self.tr("Your name, the language, colours")),
            "zoom_in": (self.tr("Zoom &in"), self.tr("Zoom in (Ctrl+wheel)")),
            "zoom_out": (self.tr("Zoom &out"), self.tr("Zoom out (Ctrl+wheel)")),
            "fit_width": (self.tr("Fit &width"), self.tr("Zoom so the page fills the width")),
            "fit_page": (self.tr("Fit &page"), self.tr("Zoom so the whole page is visible")),
            "preview": (
                self.tr("As e&xported"),
                self.tr("Show the pages exactly as the export writes them"),
            ),
            "high_contrast": (
                self.tr("&High-contrast boxes"),
                self.tr("Saturated box colours with thick borders"),
            ),
            "next_page": (self.tr("&Next page"), self.tr("Go to the next page")),
            "previous_page": (self.tr("&Previous page"), self.tr("Go to the previous page")),
            "first_page": (self.tr("&First page"), self.tr("Go to the first page")),
            "last_page": (self.tr("&Last page"), self.tr("Go to the last page")),
            "go_to_page": (self.tr("&Go to page…"), self.tr("Go to a page by number")),
            "next_document": (self.tr("Next &document"), self.tr("Open the next document")),
            "previous_document": (
                self.tr("Previous d&ocument"),
                self.tr("Open the previous document"),
            ),
            "withhold_page": (
                self.tr("&Withhold page…"),
                self.tr("Withhold the whole page on grounds"),
            ),
            "out_of_scope": (
                self.tr("Mark page &out of scope"),
                self.tr("The page falls outside the request"),
            ),
            "clear_page_decision": (
                self.tr("&Clear page decision"),
                self.tr("Remove the page's withhold or out-of-scope decision"),
            ),
            "toggle_reviewed": (
                self.tr("Page &reviewed"),
                self.tr("Mark or unmark this page as reviewed"),
            ),
            "reviewed_next": (
                self.tr("Reviewed, &next page"),
                self.tr("Mark this page as reviewed and go to the next"),
            ),
            "confirm_next": (
                self.tr("&Confirm page, next"),
                self.tr("As second reviewer, confirm this page as reviewed and go to the next"),
            ),
            "review_queue": (
                self.tr("Review &queue"),
                self.tr("What awaits your approval, and rejections"),
            ),
            "find": (self.tr("&Find…"), self.tr("Find text or a pattern and redact the matches")),
            "suggestions": (
                self.tr("&Suggestions"),
                self.tr("Personal data the detectors found, to accept or dismiss"),
            ),
            "consistency": (
                self.tr("&Consistency"),
                self.tr(
                    "Terms redacted in one place but visible or differently grounded in another"
                ),
            ),
            "ocr_document": (
                self.tr("Read scanned pages (&OCR): this document"),
                self.tr("Recognise the text of this document's pages that have none"),
            ),
            "ocr_case": (
                self.tr("Read scanned pages (OCR): the &whole case"),
                self.tr("Recognise the text of every page in the case that has none"),
            ),
            "audit": (self.tr("&Audit trail"), self.tr("The case history, filterable")),
            "shortcuts": (self.tr("&Keyboard shortcuts"), self.tr("Every shortcut at a glance")),
            "log": (self.tr("&Log"), self.tr("What the application recorded, e.g. for support")),
            "about": (self.tr("&About Redactor"), self.tr("Version and licence")),
        }
        # Short labels for the toolbar (the menus show the full text).
        short = {
            "open_case": self.tr("Open"),
            "add_documents": self.tr("Add PDFs"),
            "undo": self.tr("Undo"),
            "redo": self.tr("Redo"),
            "zoom_out": "−",
            "zoom_in": "+",
            "fit_width": self.tr("Fit width"),
            "previous_page": "◀",
            "next_page": "▶",
            "snap_to_text": self.tr("Snap to text"),
            "preview": self.tr("As exported"),
            "withhold_page": self.tr("Withhold page"),
            "reviewed_next": self.tr("Reviewed ▶"),
            "confirm_next": self.tr("Confirm ▶"),
            "export": self.tr("Export"),
        }
        for name, (text, tip) in texts.items():
            action = self._actions[name]
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
            if name in short:
                action.setIconText(short[name])
