"""The interface language: Dutch or English, read from Qt Linguist .ts files at run time.

Why not compiled .qm files: convention 12 forbids committing generated files, and compiling at
start-up needs `lrelease`, which a frozen build does not carry. A .ts file is plain XML that
Qt Linguist edits; reading it takes a few milliseconds, so a QTranslator subclass answers
`translate()` from it directly and every build (source, wheel, frozen) behaves the same.
`pyside6-lupdate` still updates the .ts files from the sources (see resources/translations).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from redactor.core.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "nl")  # English is the source language: its file holds plural forms only
SYSTEM = "system"


def choose_language(preference: str, locale: QLocale | None = None) -> str:
    """'nl' or 'en': the preference, or for 'system' the system locale's language."""
    if preference in LANGUAGES:
        return preference
    name = (locale or QLocale.system()).name()  # e.g. "nl_NL"
    return "nl" if name.lower().startswith("nl") else "en"


class TsTranslator(QTranslator):
    """Translations read from a .ts file: (context, source) -> translation (plural forms)."""

    def __init__(
        self,
        messages: dict[tuple[str, str], tuple[str, ...]],
        language: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._messages = messages
        self._language = language

    @classmethod
    def from_ts(cls, text: str | bytes, parent: QObject | None = None) -> TsTranslator:
        root = ET.fromstring(text)
        language = (root.get("language") or "").split("_")[0]
        messages: dict[tuple[str, str], tuple[str, ...]] = {}
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if source is None or node is None:
                    continue
                # Unfinished or obsolete entries are skipped, as lrelease does by default.
                if node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = tuple(f.text or "" for f in node.iter("numerusform"))
                if not forms and node.text:
                    forms = (node.text,)
                if forms and all(forms):
                    messages[(name, source)] = forms
        return cls(messages, language, parent)

    def translate(
        self, context: str, source: str, disambiguation: Any = None, n: int = -1
    ) -> str | None:
        # None (a null QString) tells Qt "no translation here": it then asks the next
        # translator and finally shows the source text. An empty string would be taken as
        # the translation, and PySide's tr(), which after an unchanged text (a translation
        # equal to its source, like "Document") also asks under the names of the base
        # classes, would then show nothing.
        forms = self._messages.get((context, source))
        if not forms:
            return None
        # Dutch and English have two forms: one, and everything else (Qt replaces %n).
        return forms[0] if n == 1 or len(forms) == 1 else forms[1]

    def isEmpty(self) -> bool:
        return not self._messages

    def language(self) -> str:
        return self._language

    def __len__(self) -> int:
        return len(self._messages)


class LanguageSwitcher:
    """Installs the translators for one language on the application; switching replaces them.

    Installing or removing a translator makes Qt send a LanguageChange event to every widget;
    our widgets re-set their texts on it (their `retranslate()`).
    """

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.language = language if language in LANGUAGES else "en"
        # English has a file too, holding only the plural forms ("1 box", "2 boxes" for the
        # source text "%n box(es)").
        ours = load_translator(self.language, self._app)
        if ours is not None:
            self._installed.append(ours)
        if self.language == "en":
            self._install()
            return
        qt_own = QTranslator(self._app)  # Qt's own strings: "Cancel", "&Yes", file dialogs
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{self.language}", folder) or qt_own.load(
            f"qt_{self.language}", folder
        ):
            self._installed.append(qt_own)
        self._install()

    def _install(self) -> None:
        for translator in self._installed:
            self._app.installTranslator(translator)
        log.debug("interface language %s (%d translators)", self.language, len(self._installed))


def load_translator(language: str, parent: QObject | None = None) -> TsTranslator | None:
    ts = resource_path("translations", f"redactor_{language}.ts")
    if not ts.is_file():
        log.info("no translation file for %s", language)
        return None
    return TsTranslator.from_ts(ts.read_bytes(), parent)
