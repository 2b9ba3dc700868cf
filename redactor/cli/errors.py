"""The CLI's one error path: a user's problem is one sentence on stderr; a bug is one sentence
pointing at a log file that holds the traceback. Never a traceback on the terminal.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from redactor.app.user_dirs import log_dir
from redactor.core.errors import RedactorError

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])
INTERNAL_ERROR_EXIT = 70  # EX_SOFTWARE


def write_crash_report(exc: BaseException) -> Path | None:
    """Write the traceback to a file the user can send us; None if even that fails."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = folder / f"crash-{stamp}.log"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        return path
    except OSError:
        return None


def fail(message: str, code: int) -> None:
    click.echo(f"redactor: {message}", err=True)
    sys.exit(code)


def user_errors(func: F) -> F:
    """Turn RedactorError into its sentence and any other exception into a crash report."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RedactorError as exc:
            fail(str(exc), exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            fail("interrupted; every change made before this moment is saved.", 130)
        except BrokenPipeError:
            # The reader of our output went away (`redactor audit CASE | head`): not an error.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except MemoryError:
            fail("out of memory; close other programs or export fewer documents at a time.", 1)
        except Exception as exc:  # the bug path: no traceback on the terminal
            # The traceback goes to the crash file only: the terminal gets one sentence.
            where = write_crash_report(exc)
            hint = f"; details are in {where}" if where else ""
            fail(
                f"internal error ({exc.__class__.__name__}){hint}. The case was not changed by "
                "the failed step. Please report this.",
                INTERNAL_ERROR_EXIT,
            )
        return None

    return wrapper  # type: ignore[return-value]
