"""The core's error sentences appear in the interface language; plural forms read right."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from redactor.core.errors import InputError
from redactor.core.geometry import Rect
from redactor.core.resources import resource_path
from redactor.gui.application import Gui
from redactor.gui.export_dialog import ExportDialog
from redactor.gui.messages import error_text
from tests.gui.conftest import REVIEWER, Messages
from tests.gui.driving import open_case
from tests.gui.test_panels import add_box

pytestmark = pytest.mark.gui


def _find(qtbot: QtBot, gui: Gui, pattern: str, regex: bool = False) -> None:
    panel = gui.window.find_panel
    panel.regex.setChecked(regex)
    panel.pattern.setText(pattern)
    panel.search()
    qtbot.waitUntil(panel.wait_idle, timeout=10_000)


def test_a_bad_regex_is_refused_in_dutch_in_a_dutch_window(
    qtbot: QtBot, gui: Gui, case_path: Path, messages: Messages
) -> None:
    open_case(qtbot, gui, case_path)
    gui.languages.apply("nl")
    _find(qtbot, gui, "(jan", regex=True)
    [(title, text)] = messages.shown
    assert title == "Dat kan niet"
    assert text.startswith("De reguliere expressie '(jan' is ongeldig: "), text
    gui.languages.apply("en")
    _find(qtbot, gui, "(jan", regex=True)
    assert messages.texts()[1].startswith("The regular expression '(jan' is not valid: ")


def test_a_file_that_is_not_a_pdf_is_refused_in_dutch(
    qtbot: QtBot, gui: Gui, case_path: Path, tmp_path: Path, messages: Messages
) -> None:
    bad = tmp_path / "notitie.pdf"
    bad.write_text("Dit is gewone tekst, geen PDF.", encoding="utf-8")
    open_case(qtbot, gui, case_path)
    gui.languages.apply("nl")
    gui.window.add_documents([bad])
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=15_000)
    assert messages.texts() == ["notitie.pdf is geen PDF-bestand: de %PDF-kop ontbreekt."]
    gui.languages.apply("en")


def _export_in_dutch(
    qtbot: QtBot, gui: Gui, case_path: Path, out: Path, timeout: int
) -> ExportDialog:
    """Open the case with the interface in Dutch, export it to `out`, wait for the end."""
    open_case(qtbot, gui, case_path)
    gui.languages.apply("nl")
    window = gui.window
    dialog = ExportDialog(window.case.require(), window.worker, out, window.render_options, window)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=timeout)
    return dialog


def test_a_blocked_export_names_every_item_in_dutch(
    qtbot: QtBot, gui: Gui, case_path: Path, tmp_path: Path
) -> None:
    """A sentence built from phrases (item descriptions inside the four-eyes rule)."""
    add_box(case_path, REVIEWER, 1, 0, Rect(36, 36, 150, 52))
    dialog = _export_in_dutch(qtbot, gui, case_path, tmp_path / "out", timeout=30_000)
    text = dialog.status.text()
    assert text.startswith("Vier-ogenregel: exporteren is geblokkeerd door openstaande punten"), (
        text
    )
    assert "vak R1 (" in text and ", pagina 1) is voorgesteld, maar nog niet goedgekeurd" in text
    assert "is niet bevestigd" in text
    assert "page" not in text and "proposed" not in text  # no English left
    gui.languages.apply("en")


def test_error_text_in_english_is_the_cli_sentence(gui: Gui) -> None:
    from redactor.detect.search import compile_pattern

    gui.languages.apply("en")
    with pytest.raises(InputError) as err:
        compile_pattern("x" * 100_000, True, False, False)
    assert error_text(err.value) == str(err.value)
    assert str(err.value).startswith("The search text is longer than ")
    gui.languages.apply("nl")
    assert error_text(err.value).startswith("De zoektekst is langer dan ")
    assert error_text(ValueError("a bug")) == "a bug"
    gui.languages.apply("en")


def test_plural_forms_read_right_in_both_languages(qtbot: QtBot, gui: Gui, case_path: Path) -> None:
    open_case(qtbot, gui, case_path)
    status = gui.window.find_panel.status
    gui.languages.apply("en")
    _find(qtbot, gui, "Pagina 1:")
    assert status.text().startswith("1 match · "), status.text()
    _find(qtbot, gui, "Kastanjelaan")
    assert status.text().startswith("3 matches · "), status.text()
    assert "(es)" not in status.text() and "(s)" not in status.text()
    gui.languages.apply("nl")
    _find(qtbot, gui, "Pagina 1:")
    assert status.text().startswith("1 vondst · "), status.text()
    _find(qtbot, gui, "Kastanjelaan")
    assert status.text().startswith("3 vondsten · "), status.text()
    gui.languages.apply("en")
    tr = QCoreApplication.translate
    assert tr("MainWindow", "%n box(es)", None, 1) == "1 box"
    assert tr("MainWindow", "%n box(es)", None, 2) == "2 boxes"


def _plural_sources() -> tuple[set[str], list[str]]:
    """Sources of tr() calls with a count, and texts that spell a plural as "(s)" without one."""
    numerus, hacks = set(), []
    for path in (Path(__file__).resolve().parents[2] / "redactor" / "gui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if (
                node.func.attr != "tr"
                or not node.args
                or not isinstance(node.args[0], ast.Constant)
            ):
                continue
            text = str(node.args[0].value)
            if len(node.args) >= 3:
                numerus.add(text)
            elif re.search(r"\((e?s|en)\)", text):
                hacks.append(f"{path.name}:{node.lineno}: {text}")
    return numerus, hacks


def _finished_numerus(language: str) -> set[str]:
    root = ET.fromstring(resource_path("translations", f"redactor_{language}.ts").read_bytes())
    done = set()
    for message in root.iter("message"):
        node = message.find("translation")
        forms = [] if node is None else [f.text for f in node.iter("numerusform")]
        if node is not None and node.get("type") is None and len(forms) == 2 and all(forms):
            done.add(message.findtext("source") or "")
    return done


def test_every_count_has_english_and_dutch_plural_forms() -> None:
    numerus, hacks = _plural_sources()
    assert len(numerus) > 20
    assert not hacks, "give these a count (tr(text, '', n)) and plural forms:\n" + "\n".join(hacks)
    for language in ("en", "nl"):
        missing = sorted(numerus - _finished_numerus(language))
        assert not missing, f"no {language} plural forms (run pyside6-lupdate):\n" + "\n".join(
            missing
        )


def _cells(item: QTreeWidgetItem | None) -> list[str]:
    """The three columns of one row of the verification report."""
    assert item is not None
    return [item.text(c) for c in range(3)]


def test_the_verification_report_reads_in_dutch(
    qtbot: QtBot, gui: Gui, case_path: Path, tmp_path: Path
) -> None:
    """The export's report: check names, details and statuses in the interface language
    (the manifest keeps the identifiers and the English details)."""
    from redactor.app.session import CaseSession
    from tests.gui.conftest import SECOND

    add_box(case_path, REVIEWER, 1, 0, Rect(36, 36, 150, 52))
    with CaseSession.open(str(case_path), reviewer=SECOND) as other:
        other.approve([r.ref for r in other.awaiting_review()])
        other.confirm_pages([(p.document_id, p.page_index) for p in other.unconfirmed_pages()])
    dialog = _export_in_dutch(qtbot, gui, case_path, tmp_path / "out", timeout=60_000)
    assert dialog.result is not None and dialog.result.passed, dialog.status.text()
    rows = []
    for i in range(dialog.report.topLevelItemCount()):
        top = dialog.report.topLevelItem(i)
        assert top is not None
        rows.append(_cells(top))
        rows += [_cells(top.child(k)) for k in range(top.childCount())]
    texts = {cell for row in rows for cell in row}
    assert "Geen tekst onder vakken (pagina 1)" in texts
    assert "Niets onder de vakken (pagina 1)" in texts
    assert {"geslaagd", "geëxporteerd"} <= texts  # the check's result; the document's status
    assert "zonder de vakken is elk vakgebied één kleur" in texts
    english = re.compile(r"\b(no_text_in_boxes|every box|removed term|exported|passed)\b")
    assert not [t for t in texts if english.search(t)], texts
    gui.languages.apply("en")
