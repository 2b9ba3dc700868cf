"""Creating a case: where it lives (a file or a database URL), its catalog, its review mode."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from redactor.core.grounds import builtin_catalog_ids

log = logging.getLogger(__name__)

SUFFIX = ".redactor"


class NewCaseDialog(QDialog):
    def __init__(self, folder: Path, four_eyes: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(560)
        self._folder = folder
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.location = QLineEdit(str(folder / f"case{SUFFIX}"))
        self.location.setToolTip(
            self.tr(
                "A file name (a SQLite case) or a PostgreSQL URL such as postgresql+psycopg://host/db"
            )
        )
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.location, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Case:"), row)
        self.catalog = QComboBox()
        for catalog_id in builtin_catalog_ids():
            self.catalog.addItem(catalog_id)
        index = self.catalog.findText("woo")
        if index >= 0:
            self.catalog.setCurrentIndex(index)
        form.addRow(self.tr("Ground catalog:"), self.catalog)
        self.four_eyes = QCheckBox(
            self.tr("Four-eyes review: a second reviewer approves every decision")
        )
        self.four_eyes.setChecked(four_eyes)
        form.addRow("", self.four_eyes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New case"), str(self._folder), self.tr("Redactor cases (*.redactor)")
        )
        if path:
            if not path.endswith(SUFFIX):
                path += SUFFIX
            self.location.setText(path)

    def case_location(self) -> str:
        text = self.location.text().strip()
        if "://" in text or not text:
            return text
        return text if text.endswith(SUFFIX) else text + SUFFIX
