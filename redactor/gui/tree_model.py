"""A read-only tree model over plain nodes: the base of the suggestions and consistency lists.

Subclasses build a tree of `TreeNode`s from core lists (`set_root`) and say what each column
shows (`node_data`). Each index points at its node; the model keeps every node alive, and a
new tree replaces the old one with a model reset, so no index outlives its node.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
NODE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(eq=False)
class TreeNode:
    key: tuple[object, ...]  # stable across rebuilds: keeps selection and expansion
    payload: object = None
    children: list[TreeNode] = field(default_factory=list)
    parent: TreeNode | None = None
    row: int = 0

    def add(self, child: TreeNode) -> TreeNode:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    def walk(self) -> Iterator[TreeNode]:
        """This node and everything under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[TreeNode]:
        for node in self.walk():
            if not node.children and node.parent is not None:
                yield node


class TreeModel(QAbstractItemModel):
    columns = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = TreeNode(("root",))

    def set_root(self, root: TreeNode) -> None:
        self.beginResetModel()
        self.root = root
        self.endResetModel()

    def node(self, index: Index) -> TreeNode:
        if not index.isValid():
            return self.root
        node = index.internalPointer()
        assert isinstance(node, TreeNode)
        return node

    def index_of(self, node: TreeNode, column: int = 0) -> QModelIndex:
        if node is self.root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def find(self, key: tuple[object, ...]) -> TreeNode | None:
        return next((n for n in self.root.walk() if n.key == key), None)

    # -- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, child: Index | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        return self.index_of(self.node(child).parent or self.root)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == NODE_ROLE:
            return node
        return self.node_data(node, index.column(), role)

    def node_data(self, node: TreeNode, column: int, role: int) -> Any:
        raise NotImplementedError

    def retranslate(self) -> None:
        """The language changed: every header and label is asked for again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columns - 1)
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
