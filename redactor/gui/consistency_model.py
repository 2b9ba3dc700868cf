"""The consistency report as a tree: each finding (a term redacted in one place and visible
in another, or redacted under different grounds), then the places the term occurs.

A thin adapter over the app layer's list of Finding.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from redactor.core.text import VISIBLE_ELSEWHERE, Finding, Occurrence
from redactor.gui.tree_model import TreeModel, TreeNode

log = logging.getLogger(__name__)

FINDING, OCCURRENCE = "finding", "occurrence"
# The document comes last: its long file name is what may be cut off in a narrow dock.
PAGE_COLUMN, STATUS_COLUMN, DOCUMENT_COLUMN = 1, 2, 3
VISIBLE_COLOUR = QColor("#c62828")


class ConsistencyModel(TreeModel):
    columns = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._names: dict[int, str] = {}

    def set_findings(self, findings: Sequence[Finding], document_names: dict[int, str]) -> None:
        self._findings = list(findings)
        self._names = dict(document_names)
        root = TreeNode(("root",))
        for finding in self._findings:
            node = root.add(TreeNode((FINDING, finding.kind, finding.term), finding))
            for o in finding.occurrences:
                first = o.rects[0] if o.rects else None
                where = (round(first.x0), round(first.y0)) if first else (0, 0)
                key = (OCCURRENCE, finding.kind, finding.term, o.document_id, o.page_index, where)
                node.add(TreeNode(key, o))
        self.set_root(root)

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def findings_of(self, nodes: Iterable[TreeNode]) -> list[Finding]:
        """The findings the nodes are (or belong to), each once, in the list's order."""
        chosen: list[Finding] = []
        for node in nodes:
            while node.parent is not None and not isinstance(node.payload, Finding):
                node = node.parent
            if isinstance(node.payload, Finding) and node.payload not in chosen:
                chosen.append(node.payload)
        return chosen

    # -- display --------------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columns:
            return None
        return [self.tr("Term"), self.tr("Page"), self.tr("Status"), self.tr("Document")][section]

    def node_data(self, node: TreeNode, column: int, role: int) -> Any:
        payload = node.payload
        if isinstance(payload, Finding):
            return self._finding_data(payload, column, role)
        if isinstance(payload, Occurrence):
            return self._occurrence_data(payload, column, role)
        return None

    def kind_text(self, finding: Finding) -> str:
        if finding.kind == VISIBLE_ELSEWHERE:
            visible = sum(1 for o in finding.occurrences if not o.redacted)
            return self.tr("visible in %n place(s)", "", visible)
        grounds = sorted({"; ".join(o.codes) for o in finding.occurrences})
        return self.tr("different grounds: {0}").format(" / ".join(grounds))

    def _finding_data(self, finding: Finding, column: int, role: int) -> Any:
        # A finding's row spans the columns (the view says so): term and kind in one text.
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{finding.term} — {self.kind_text(finding)}"
            return None
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if finding.kind == VISIBLE_ELSEWHERE:
                return self.tr(
                    "“{0}” is redacted in one place and visible in another: "
                    "“Redact the visible ones” proposes boxes there."
                ).format(finding.term)
            return self.tr("“{0}” is redacted under different grounds.").format(finding.term)
        return None

    def _occurrence_data(self, o: Occurrence, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return o.text.replace("\n", " ")
            if column == DOCUMENT_COLUMN:
                return self._names.get(o.document_id, str(o.document_id))
            if column == PAGE_COLUMN:
                return o.page_index + 1
            if o.redacted:
                return self.tr("redacted: {0}").format("; ".join(o.codes))
            return self.tr("visible")
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN and not o.redacted:
            return VISIBLE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._names.get(o.document_id, "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PAGE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
