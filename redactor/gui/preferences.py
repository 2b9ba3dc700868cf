"""The preferences dialog: who you are, the interface language, box colours, defaults."""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from redactor.core.errors import InputError
from redactor.core.reviewer import resolve_reviewer, validate_reviewer
from redactor.gui.messages import error_text
from redactor.gui.settings import (
    FOUR_EYES_DEFAULT,
    HIGH_CONTRAST,
    LANGUAGE,
    REVIEWER,
    SNAP_TO_TEXT,
    SOURCE_CACHE_MB,
    Settings,
)

log = logging.getLogger(__name__)

MIN_CACHE_MB, MAX_CACHE_MB = 0, 1024 * 1024  # 0: off


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.reviewer = QLineEdit(settings.get(REVIEWER))
        with contextlib.suppress(InputError):
            self.reviewer.setPlaceholderText(resolve_reviewer(None))
        form.addRow(self.tr("Your name:"), self.reviewer)
        hint = QLabel(
            self.tr(
                "Recorded with every decision. On a PostgreSQL case your database role is used."
            )
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "system")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        index = self.language.findData(settings.get(LANGUAGE))
        self.language.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("Language:"), self.language)
        self.high_contrast = QCheckBox(self.tr("High-contrast box colours"))
        self.high_contrast.setChecked(settings.get(HIGH_CONTRAST))
        form.addRow("", self.high_contrast)
        self.snap = QCheckBox(self.tr("Snap drawn boxes to the words they cover"))
        self.snap.setChecked(settings.get(SNAP_TO_TEXT))
        form.addRow("", self.snap)
        self.four_eyes = QCheckBox(self.tr("New cases use four-eyes review"))
        self.four_eyes.setChecked(settings.get(FOUR_EYES_DEFAULT))
        form.addRow("", self.four_eyes)
        self.cache_mb = QSpinBox()
        self.cache_mb.setRange(MIN_CACHE_MB, MAX_CACHE_MB)
        self.cache_mb.setSingleStep(512)
        self.cache_mb.setSuffix(" MB")
        self.cache_mb.setSpecialValueText(self.tr("Off: no copies (slower first page)"))
        self.cache_mb.setValue(settings.get(SOURCE_CACHE_MB))
        self.cache_mb.setToolTip(
            self.tr(
                "Copies of the cases' PDFs are kept in your cache folder so that pages open "
                "quickly; the least recently used go first when this size is reached. Set it "
                "to 0 to keep no copies outside the cases."
            )
        )
        form.addRow(self.tr("Copies for fast viewing, at most:"), self.cache_mb)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        name = self.reviewer.text().strip()
        if name:
            try:
                name = validate_reviewer(name)
            except InputError as exc:
                self.error.setText(error_text(exc))
                return
        self.settings.set(REVIEWER, name)
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(HIGH_CONTRAST, self.high_contrast.isChecked())
        self.settings.set(SNAP_TO_TEXT, self.snap.isChecked())
        self.settings.set(FOUR_EYES_DEFAULT, self.four_eyes.isChecked())
        self.settings.set(SOURCE_CACHE_MB, self.cache_mb.value())
        self.settings.sync()
        super().accept()
