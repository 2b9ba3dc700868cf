"""Error types. Each carries the one sentence the user sees (never a traceback).

Two families, as in qutebrowser's sql.py: `RedactorError` subclasses are problems of the
input or the environment that the user can act on; anything else escaping is a bug.

The sentence is an English template with named fields (see RedactorError), so that the GUI can
show it in Dutch without the core knowing Qt (resources/translations/README.md).
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from pathlib import PurePath

log = logging.getLogger(__name__)
Translate = Callable[[str], str]
# "Page 2 of a.pdf: unknown ground ...": a sentence said of a place (RedactorError.prefix).
LOCATED_TEMPLATE = "{where}: {reason:lower}"


class Message:
    """A phrase with named fields to put inside a sentence, translated along with it.

    `Message("box {ref} ({document}, page {page})", ref="R1", document="a.pdf", page=3)` as a
    parameter of an error (or of another Message) is shown in the user's language in the GUI.
    """

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params

    def text(self, translate: Translate | None = None) -> str:
        return render(self.template, self.params, translate)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (
            other.template,
            other.params,
        )

    def __hash__(self) -> int:
        return hash(self.template)

    def __reduce__(self) -> tuple[object, ...]:
        return (_message, (self.template, {k: _portable(v) for k, v in self.params.items()}))


def _message(template: str, params: dict[str, object]) -> Message:
    return Message(template, **params)


def render(template: str, params: dict[str, object], translate: Translate | None = None) -> str:
    """`template` filled with `params`, each translated by `translate` (None: English as written).

    Parameters that are Messages or RedactorErrors are rendered the same way, and lists or
    tuples of them joined with "; ". Without parameters the template is the text as written.
    """
    if translate is not None:
        translated = translate(template)
        if translated != template:
            try:
                return _fill(translated, params, translate)
            except (KeyError, IndexError, ValueError):
                # A translation with a broken field: the English sentence beats no sentence.
                log.warning("bad translation of %r: %r", template, translated)
    return _fill(template, params, translate)


def _fill(template: str, params: dict[str, object], translate: Translate | None) -> str:
    if not params:
        return template
    values = {k: _render_value(v, translate) for k, v in params.items()}
    return _FORMATTER.vformat(template, (), values)


class _Formatter(string.Formatter):
    """str.format plus one spec: "{reason:lower}" starts the value with a small letter, for a
    sentence quoted after a colon ("Page 1 of a.pdf: unknown ground ...")."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec == "lower":
            text = str(value)
            return text[:1].lower() + text[1:]
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def _render_value(value: object, translate: Translate | None) -> object:
    if isinstance(value, Message | RedactorError):
        return render(value.template, value.params, translate)
    if isinstance(value, list | tuple):
        return "; ".join(str(_render_value(v, translate)) for v in value)
    return value


class RedactorError(Exception):
    """A problem the user can understand and fix. `str(err)` is the sentence to show.

    The sentence is an English template with named fields, filled from keyword arguments:
    `InputError("The search text is longer than {limit} characters.", limit=500)`. The GUI
    translates `template` (Qt context "CoreMessages") and fills it with the same `params`
    (`text(translate)`), so the core needs no Qt and the CLI and the logs stay English.
    Parameters that are Messages or RedactorErrors (a reason wrapped in a wider sentence) are
    translated too.

    Without parameters the message is used as written (braces and all), so a plain sentence
    still works; only a literal template can be translated, though (tests/test_core_messages.py).
    """

    exit_code = 1

    def __init__(self, message: str, /, **params: object) -> None:
        self.template = message
        self.params: dict[str, object] = params
        self.message = render(message, params)
        super().__init__(self.message)

    def text(self, translate: Translate | None = None) -> str:
        """The sentence, with every template passed through `translate` (None: English)."""
        return render(self.template, self.params, translate)

    def __str__(self) -> str:
        return self.message

    def prefix(self, where: object) -> None:
        """Say where the problem is: "{where}: {sentence so far, from a small letter}"."""
        self.params = {"where": where, "reason": Message(self.template, **self.params)}
        self.template = LOCATED_TEMPLATE
        self.message = render(self.template, self.params)
        self.args = (self.message,)

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross into worker processes and back (export, rendering): pickle the template
        # and parameters, not only the English sentence, and whatever else a subclass keeps.
        extra = {
            k: v for k, v in self.__dict__.items() if k not in ("template", "params", "message")
        }
        params = {k: _portable(v) for k, v in self.params.items()}
        return (_restore, (type(self), self.template, params, extra))


def _portable(value: object) -> object:
    """A parameter that surely pickles: plain values and nested messages as they are, else text."""
    if value is None or isinstance(value, str | int | float | PurePath | Message | RedactorError):
        return value
    if isinstance(value, list | tuple):
        return [_portable(v) for v in value]
    return str(value)


def _restore(
    cls: type[RedactorError], template: str, params: dict[str, object], extra: dict[str, object]
) -> RedactorError:
    err = cls.__new__(cls)
    RedactorError.__init__(err, template, **params)
    err.__dict__.update(extra)
    return err


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
