"""Showing a problem the user can fix: the error's own sentence in a message box.

`user_action` wraps a GUI action: a RedactorError becomes that message; anything else goes on
to the crash handler (by not being caught). `error_text` gives the sentence in the interface
language: every place in the GUI that shows a core error goes through it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from redactor.core.errors import ConflictError, Message, RedactorError, RuleViolation
from redactor.gui.core_messages import CONTEXT

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """The error's sentence in the interface language (the core writes English templates;
    their Dutch is in the "CoreMessages" context of the .ts file)."""
    if not isinstance(exc, RedactorError):
        return str(exc)
    return exc.text(lambda template: QCoreApplication.translate(CONTEXT, template))


def message_text(message: Message) -> str:
    """A phrase from the core (e.g. a verification check's detail) in the interface language."""
    return message.text(lambda template: QCoreApplication.translate(CONTEXT, template))


def title_for(exc: RedactorError) -> str:
    if isinstance(exc, ConflictError):
        return QCoreApplication.translate("messages", "Changed by someone else")
    if isinstance(exc, RuleViolation):
        return QCoreApplication.translate("messages", "Not allowed")
    return QCoreApplication.translate("messages", "Cannot do that")


def show_user_error(parent: QWidget | None, exc: RedactorError) -> None:
    log.info("shown to the user: %s", exc)
    QMessageBox.warning(parent, title_for(exc), error_text(exc))


def show_message(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


@contextmanager
def user_action(parent: QWidget | None) -> Iterator[None]:
    """Show a RedactorError raised inside as a message; let bugs through to the crash path."""
    try:
        yield
    except RedactorError as exc:
        show_user_error(parent, exc)
