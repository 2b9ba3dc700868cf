"""A tree list driven by the keyboard: Enter accepts, Delete dismisses, arrows move.

Enter and Delete belong to the list while it has the focus, even when a window action uses
the same key (Delete deletes boxes in the page view): the list claims them before Qt looks for
a shortcut, so neither is ambiguous.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from redactor.gui.tree_model import NODE_ROLE, TreeNode

log = logging.getLogger(__name__)

_ACCEPT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DISMISS_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class KeyedTreeView(QTreeView):
    acceptRequested = Signal()
    dismissRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _claimed(self, event: QKeyEvent) -> bool:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        return plain and event.key() in (*_ACCEPT_KEYS, *_DISMISS_KEYS)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._claimed(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._claimed(event):
            if event.key() in _ACCEPT_KEYS:
                self.acceptRequested.emit()
            else:
                self.dismissRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def selected_nodes(self) -> list[TreeNode]:
        """The selected rows' nodes, or the current row's when nothing is selected."""
        rows = self.selectionModel().selectedRows(0)
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().siblingAtColumn(0)]
        return [index.data(NODE_ROLE) for index in rows]
