"""Error types. Each carries the one sentence the user sees (never a traceback).

Two families, as in qutebrowser's sql.py: `RedactorError` subclasses are problems of the
input or the environment that the user can act on; anything else escaping is a bug.
"""

from __future__ import annotations


class RedactorError(Exception):
    """A problem the user can understand and fix. `str(err)` is the sentence to show."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(RedactorError):
    """Bad input: a file, a number, a code or an argument that cannot be used."""

    exit_code = 2


class PdfError(InputError):
    """A PDF that cannot be opened or used (not a PDF, corrupt, encrypted, empty)."""


class PasswordRequired(PdfError):
    """The PDF is encrypted and needs a password to open."""


class DuplicateDocument(InputError):
    """A document with the same SHA-256 is already in the case."""


class UnknownGround(InputError):
    """A ground code that the case's catalog does not know."""


class NotFound(InputError):
    """A document, page, redaction or other item that does not exist in the case."""


class RuleViolation(RedactorError):
    """A review rule refuses the action (four-eyes, motivation required, export blocked)."""

    exit_code = 3


class ConflictError(RedactorError):
    """Someone else changed the item since it was read (optimistic version check)."""

    exit_code = 4


class StoreError(RedactorError):
    """The case database cannot be used: unreachable, locked, read-only, not a case, too new."""

    exit_code = 5


class ExportError(RedactorError):
    """The export could not be written, or its output failed verification."""

    exit_code = 6


class Cancelled(RedactorError):
    """Long work was cancelled by the user."""

    exit_code = 130
