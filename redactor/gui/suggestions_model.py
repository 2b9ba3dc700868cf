"""The suggestions list as a tree: detector, then term (when it occurs more than once), then
each occurrence with its document, page and suggested ground.

A thin adapter over the app layer's list of CaseSuggestion; selecting a group means every
suggestion under it (`items_under`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from redactor.app.findings import CaseSuggestion
from redactor.detect.detectors import DETECTOR_NAMES
from redactor.gui.tree_model import TreeModel, TreeNode

log = logging.getLogger(__name__)

LOW_CONFIDENCE = 0.6  # shown greyed: likely a role mailbox, a private address...
DETECTOR, TERM, SUGGESTION = "detector", "term", "suggestion"
# The document comes last: its long file name is what may be cut off in a narrow dock. The
# suggested ground is the detector's (one per detector and catalog): its row shows it.
PAGE_COLUMN, DOCUMENT_COLUMN = 1, 2


@dataclass(frozen=True)
class Group:
    """A detector's suggestions, or one term's (`value` set)."""

    detector: str
    value: str | None
    items: tuple[CaseSuggestion, ...]


class SuggestionsModel(TreeModel):
    columns = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CaseSuggestion] = []
        self._names: dict[int, str] = {}

    def detector_label(self, name: str) -> str:
        return {
            "bsn": self.tr("Citizen service number (BSN)"),
            "iban": self.tr("IBAN"),
            "account": self.tr("Account number"),
            "email": self.tr("E-mail address"),
            "phone": self.tr("Phone number"),
            "ip": self.tr("IP address"),
            "address": self.tr("Postcode and house number"),
            "plate": self.tr("Licence plate"),
            "birthdate": self.tr("Date of birth"),
            "name": self.tr("Person name"),
        }.get(name, name)

    # -- content --------------------------------------------------------------------------------

    def set_items(self, items: Sequence[CaseSuggestion], document_names: dict[int, str]) -> None:
        self._items = list(items)
        self._names = dict(document_names)
        order = {item.digest: i for i, item in enumerate(self._items)}
        detectors: dict[str, dict[str, list[CaseSuggestion]]] = {}
        for item in self._items:
            s = item.suggestion
            detectors.setdefault(s.detector, {}).setdefault(s.value, []).append(item)
        rank = {name: i for i, name in enumerate(DETECTOR_NAMES)}
        root = TreeNode(("root",))
        for detector in sorted(detectors, key=lambda d: (rank.get(d, len(rank)), d)):
            terms = detectors[detector]
            everything = tuple(i for found in terms.values() for i in found)
            group = root.add(TreeNode((DETECTOR, detector), Group(detector, None, everything)))
            for value, found in sorted(
                terms.items(),
                key=lambda kv: (kv[1][0].suggestion.text.casefold(), order[kv[1][0].digest]),
            ):
                parent = group
                if len(found) > 1:
                    parent = group.add(
                        TreeNode((TERM, detector, value), Group(detector, value, tuple(found)))
                    )
                for item in found:
                    parent.add(TreeNode((SUGGESTION, item.digest), item))
        self.set_root(root)

    def items(self) -> list[CaseSuggestion]:
        return list(self._items)

    def items_under(self, nodes: Iterable[TreeNode]) -> list[CaseSuggestion]:
        """Every suggestion under the given nodes (a group means all of it), each once."""
        seen: dict[str, CaseSuggestion] = {}
        for node in nodes:
            for item in _items(node):
                seen.setdefault(item.digest, item)
        return list(seen.values())

    def of_detector(self, detector: str) -> list[CaseSuggestion]:
        return [i for i in self._items if i.suggestion.detector == detector]

    def of_term(self, detector: str, value: str) -> list[CaseSuggestion]:
        return [
            i
            for i in self._items
            if i.suggestion.detector == detector and i.suggestion.value == value
        ]

    # -- display --------------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columns:
            return None
        return [self.tr("Suggestion"), self.tr("Page"), self.tr("Document")][section]

    def node_data(self, node: TreeNode, column: int, role: int) -> Any:
        kind = str(node.key[0])
        items = _items(node)
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == SUGGESTION:
                return self._leaf_text(items[0], column)
            if column == 0:
                if isinstance(node.payload, Group) and kind == DETECTOR:
                    return self.tr("{0} ({1}) · ground {2}").format(
                        self.detector_label(node.payload.detector),
                        len(items),
                        self.ground_text(items),
                    )
                return f"{items[0].suggestion.text}  ×{len(items)}"
            if column == PAGE_COLUMN and kind == TERM:
                return _pages(items)
            if column == DOCUMENT_COLUMN and kind == TERM:
                documents = {i.document_id for i in items}
                if len(documents) == 1:
                    return self._names.get(items[0].document_id, "")
                return self.tr("%n document(s)", "", len(documents))
            return None
        if role == Qt.ItemDataRole.FontRole and kind == DETECTOR:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and kind == SUGGESTION:
            if items[0].suggestion.confidence < LOW_CONFIDENCE:
                return QColor("#808080")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(kind, items)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PAGE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _leaf_text(self, item: CaseSuggestion, column: int) -> str | int:
        s = item.suggestion
        if column == 0:
            return s.text.replace("\n", " ")
        if column == PAGE_COLUMN:
            return s.page_index + 1
        return self._names.get(item.document_id, str(item.document_id))

    def ground_text(self, items: Sequence[CaseSuggestion]) -> str:
        """The suggested ground of these suggestions ("—" for none, several joined)."""
        grounds = sorted({i.suggestion.ground or "—" for i in items})
        return " / ".join(grounds)

    def _tooltip(self, kind: str, items: Sequence[CaseSuggestion]) -> str:
        if kind == DETECTOR:
            return self.tr("Enter accepts all %n suggestion(s) of this kind", "", len(items))
        if kind == TERM:
            return self.tr("Enter accepts all %n occurrence(s) of this term", "", len(items))
        s = items[0].suggestion
        lines = [
            f"{self.detector_label(s.detector)}: {s.text}",
            self.tr("{0}, page {1}").format(
                self._names.get(items[0].document_id, ""), s.page_index + 1
            ),
            self.tr("Suggested ground: {0}").format(s.ground or "—"),
        ]
        if s.confidence < LOW_CONFIDENCE:
            lines.append(self.tr("Low confidence: check before accepting"))
        return "\n".join(lines)


def _items(node: TreeNode) -> tuple[CaseSuggestion, ...]:
    if isinstance(node.payload, Group):
        return node.payload.items
    if isinstance(node.payload, CaseSuggestion):
        return (node.payload,)
    return tuple(i for child in node.children for i in _items(child))


def _pages(items: Sequence[CaseSuggestion]) -> str:
    """The pages a term occurs on, when they are of one document ("1, 3, 7…")."""
    if len({i.document_id for i in items}) != 1:
        return ""
    pages = sorted({i.suggestion.page_index + 1 for i in items})
    shown = ", ".join(str(p) for p in pages[:3])
    return shown + ("…" if len(pages) > 3 else "")
