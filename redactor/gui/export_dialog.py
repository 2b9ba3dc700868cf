"""Export from the GUI: choose where and how, watch the progress (cancellable), then read the
verification report of every document.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redactor.app.session import CaseSession
from redactor.core.errors import Cancelled, RedactorError
from redactor.core.export_model import BoxStyle, OutputMode, RenderOptions
from redactor.gui.messages import error_text, message_text
from redactor.gui.render_worker import TaskContext, Worker

log = logging.getLogger(__name__)


def run_export(
    ctx: TaskContext,
    session: CaseSession,
    outdir: Path,
    options: RenderOptions,
    overwrite: bool,
    legend: bool,
) -> Any:
    """On the worker thread: the app layer's export, with progress and cancel."""
    from redactor.app.export import export

    def progress(p: Any) -> None:
        ctx.progress(p.done, p.total, f"{p.stage}: {p.current}" if p.current else p.stage)

    return export(
        session,
        outdir,
        options,
        overwrite=overwrite,
        progress=progress,
        cancelled=ctx.cancelled,
        with_legend=legend,
    )


class ExportDialog(QDialog):
    def __init__(
        self,
        session: CaseSession,
        worker: Worker,
        folder: Path,
        options: RenderOptions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = worker
        self.result: Any = None
        self._task: TaskContext | None = None
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumSize(640, 480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(str(folder))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Output folder:"), row)
        self.box_style = QComboBox()
        self.box_style.addItem(self.tr("Black boxes, white codes"), BoxStyle.BLACK)
        self.box_style.addItem(self.tr("White boxes with a border, black codes"), BoxStyle.WHITE)
        self.box_style.setCurrentIndex(0 if options.style is BoxStyle.BLACK else 1)
        form.addRow(self.tr("Boxes:"), self.box_style)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Text stays searchable"), OutputMode.TEXT)
        self.mode.addItem(self.tr("Pages as images (no text layer)"), OutputMode.IMAGE)
        self.mode.setCurrentIndex(0 if options.mode is OutputMode.TEXT else 1)
        form.addRow(self.tr("Output:"), self.mode)
        self.legend = QCheckBox(self.tr("Add a page explaining the ground codes"))
        form.addRow("", self.legend)
        self.overwrite = QCheckBox(self.tr("Replace an earlier export in this folder"))
        form.addRow("", self.overwrite)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.report = QTreeWidget()
        self.report.setHeaderLabels(
            [self.tr("Document / check"), self.tr("Result"), self.tr("Detail")]
        )
        self.report.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.report.hide()
        layout.addWidget(self.report, 1)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button = self.buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.start_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self._close_or_cancel)
        layout.addWidget(self.buttons)

    def options(self) -> RenderOptions:
        # Qt hands enum data back as plain strings.
        return RenderOptions(
            style=BoxStyle(self.box_style.currentData()), mode=OutputMode(self.mode.currentData())
        )

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), self.folder.text())
        if path:
            self.folder.setText(path)

    def start(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.status.setText(self.tr("Choose an output folder."))
            return
        self.start_button.setEnabled(False)
        self.report.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Exporting…"))
        self.close_button.setText(self.tr("Cancel"))
        self._task = self.worker.submit(
            run_export,
            self.session,
            Path(text),
            self.options(),
            self.overwrite.isChecked(),
            self.legend.isChecked(),
            context=True,
            done=self._done,
            failed=self._failed,
            progress=self._progress,
        )

    def _progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status.setText(text)

    def _finish(self) -> None:
        self._task = None
        self.progress.hide()
        self.start_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))

    def _done(self, result: Any) -> None:
        self._finish()
        self.result = result
        self.status.setText(
            self.tr(
                "Exported and verified: %n document(s) in {0}.", "", len(result.documents)
            ).format(result.outdir)
        )
        self._show_report(result)
        self.open_button.show()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Export cancelled; nothing was written."))
            return
        if not isinstance(exc, RedactorError):
            raise exc
        self.status.setText(error_text(exc))
        result = getattr(exc, "result", None)
        if result is not None:
            self.result = result
            self._show_report(result)

    def _show_report(self, result: Any) -> None:
        self.report.clear()
        ok_text, bad_text = self.tr("passed"), self.tr("FAILED")
        titles, statuses = self._check_titles(), self._status_texts()
        for outcome in result.documents:
            report = outcome.report
            passed = outcome.status != "failed" and (report is None or report.passed)
            top = QTreeWidgetItem(
                [
                    outcome.file_name,
                    ok_text if passed else bad_text,
                    outcome.error or statuses.get(outcome.status, outcome.status),
                ]
            )
            for check in report.checks if report is not None else ():
                title = titles.get(check.name, check.name)
                if check.page_index is not None:
                    title = self.tr("{0} (page {1})").format(title, check.page_index + 1)
                detail = message_text(check.message) if check.message else check.detail
                top.addChild(
                    QTreeWidgetItem([title, ok_text if check.passed else bad_text, detail])
                )
            self.report.addTopLevelItem(top)
            top.setExpanded(not passed)
        self.report.show()

    def _status_texts(self) -> dict[str, str]:
        return {  # redactor.export.jobs.DocumentStatus
            "exported": self.tr("exported"),
            "failed": self.tr("failed"),
            "listed-only": self.tr("listed only (not released)"),
        }

    def _check_titles(self) -> dict[str, str]:
        """The verification checks' names for people (the manifest keeps the identifiers)."""
        return {
            "verification_completed": self.tr("Verification completed"),
            "single_revision": self.tr("One revision only"),
            "opens": self.tr("File opens"),
            "not_encrypted": self.tr("Not encrypted"),
            "page_count": self.tr("Number of pages"),
            "no_annotations": self.tr("No annotations"),
            "no_form_fields": self.tr("No form fields"),
            "no_scripts_or_actions": self.tr("No scripts or actions"),
            "no_embedded_files": self.tr("No embedded files"),
            "no_navigation_or_structure": self.tr("No bookmarks, destinations or structure"),
            "no_private_data": self.tr("No private application data"),
            "no_optional_content": self.tr("No hidden layers"),
            "no_source_metadata": self.tr("No metadata from the source"),
            "withheld_page_empty": self.tr("Withheld page empty"),
            "no_text_in_boxes": self.tr("No text under boxes"),
            "removed_terms_absent": self.tr("Removed words nowhere in the file"),
            "no_font_data_of_removed_text": self.tr("No font data of removed text"),
            "box_render": self.tr("Boxes drawn solid"),
            "nothing_under_boxes": self.tr("Nothing under the boxes"),
        }

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.outdir)))

    def _close_or_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.accept()

    def reject(self) -> None:  # Esc while exporting cancels instead of closing
        self._close_or_cancel()
