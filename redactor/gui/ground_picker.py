"""Choosing the ground(s) of a box: a searchable list, most-used grounds on top with number keys.

Opens when a box is drawn. Keyboard: 1-9 pick a most-used ground at once; typing searches;
Up/Down move; Ctrl+click or Space adds a second ground; Enter confirms; Esc cancels (the box
is not made). The ground's label and whether it needs a written motivation are shown, with a
field for the note/motivation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from redactor.core.grounds import Catalog, Ground

log = logging.getLogger(__name__)

MAX_NUMBERED = 9
_CODE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class GroundChoice:
    codes: tuple[str, ...]
    note: str


def most_used(catalog: Catalog, use: dict[str, int], recent: list[str]) -> list[Ground]:
    """Up to nine grounds: by how often they were chosen, then how recently."""
    known = {g.code: g for g in catalog}
    order = {code: i for i, code in enumerate(recent)}
    codes = [c for c in known if use.get(c, 0) > 0 or c in order]
    codes.sort(key=lambda c: (-use.get(c, 0), order.get(c, len(order))))
    return [known[c] for c in codes[:MAX_NUMBERED]]


class GroundPicker(QDialog):
    def __init__(
        self,
        catalog: Catalog,
        language: str,
        *,
        use: dict[str, int] | None = None,
        recent: list[str] | None = None,
        codes: tuple[str, ...] = (),
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.language = language
        self._top = most_used(catalog, use or {}, recent or [])
        self.setWindowTitle(self.tr("Choose ground"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code or description…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.installEventFilter(self)
        self.list.itemSelectionChanged.connect(self._show_details)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setMinimumHeight(40)
        layout.addWidget(self.details)
        self.note_label = QLabel(self.tr("Note / motivation:"))
        layout.addWidget(self.note_label)
        self.note = QPlainTextEdit(note)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill()
        if codes:
            # Only the given grounds: _fill made the first ground current, which selects it.
            self.list.clearSelection()
            self.select_codes(codes)
        self.list.setFocus()

    # -- content ----------------------------------------------------------------------------

    def _describe(self, ground: Ground) -> str:
        text = f"{ground.code}  —  {ground.label(self.language)}"
        if ground.legacy:
            text += "  " + self.tr("(old law)")
        return text

    def _fill(self) -> None:
        selected = set(self.selected_codes())
        query = self.search.text().strip()
        self.list.clear()
        matches = [g for g in self.catalog if _matches(self.catalog, g, query, self.language)]
        top = [g for g in self._top if g in matches] if not query else []
        if top:
            self._header(self.tr("Most used (press 1–9)"))
            for number, ground in enumerate(top, start=1):
                self._add(ground, f"{number}   ")
            self._header(self.tr("All grounds"))
        for ground in matches:
            if ground not in top:
                self._add(ground, "")
        first = next(
            (
                self.list.item(i)
                for i in range(self.list.count())
                if self.list.item(i).data(_CODE_ROLE)
            ),
            None,
        )
        if selected:
            self.select_codes(tuple(selected))
        if not self.list.selectedItems() and first is not None:
            self.list.setCurrentItem(first)
        self._show_details()

    def _header(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.list.addItem(item)

    def _add(self, ground: Ground, prefix: str) -> None:
        item = QListWidgetItem(prefix + self._describe(ground))
        item.setData(_CODE_ROLE, ground.code)
        if ground.requires_motivation:
            item.setToolTip(self.tr("Requires a written motivation (weighing of interests)"))
        self.list.addItem(item)

    def _show_details(self) -> None:
        grounds = [self.catalog.resolve(c) for c in self.selected_codes()]
        if not grounds:
            self.details.setText(self.tr("No ground selected."))
            return
        lines = [f"<b>{g.code}</b>: {g.label(self.language)}" for g in grounds]
        if any(g.requires_motivation for g in grounds):
            lines.append(
                "<span style='color:#c62828'><b>"
                + self.tr("Motivation required: explain the weighing of interests below.")
                + "</b></span>"
            )
        self.details.setText("<br>".join(lines))

    # -- selection --------------------------------------------------------------------------

    def selected_codes(self) -> list[str]:
        return [
            item.data(_CODE_ROLE) for item in self.list.selectedItems() if item.data(_CODE_ROLE)
        ]

    def select_codes(self, codes: tuple[str, ...]) -> None:
        wanted = set(codes)
        first = True
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_CODE_ROLE) in wanted:
                if first:  # the arrows go on from here
                    self.list.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)
                    first = False
                item.setSelected(True)
                self.list.scrollToItem(item)

    def pick_number(self, number: int) -> bool:
        """Choose the n-th most used ground and accept. False if there is no such ground."""
        if not 1 <= number <= len(self._top) or self.search.text().strip():
            return False
        self.list.clearSelection()
        self.select_codes((self._top[number - 1].code,))
        self.accept()
        return True

    def choice(self) -> GroundChoice:
        return GroundChoice(tuple(self.selected_codes()), self.note.toPlainText().strip())

    def accept(self) -> None:
        if not self.selected_codes():
            self.details.setText(self.tr("Choose at least one ground."))
            return
        super().accept()

    # -- keyboard ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, text = event.key(), event.text()
        if watched is self.list:
            if text.isdigit() and text != "0" and self.pick_number(int(text)):
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if text and text.isprintable() and not text.isspace():
                self.search.setFocus()
                self.search.insert(text)
                return True
        elif watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.list.setFocus()
                self.list.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(watched, event)


def _matches(catalog: Catalog, ground: Ground, query: str, language: str) -> bool:
    if not query:
        return True
    if catalog.get(query) is ground:
        return True
    low = query.casefold()
    haystack = " ".join((ground.code, ground.label_nl, ground.label_en, *ground.aliases)).casefold()
    return all(part in haystack for part in low.split())
