"""The `redactor` command line: a thin layer that parses arguments, calls redactor.app, prints.

It is a public interface for scripts; see the README for the commands and exit codes.
"""

from __future__ import annotations

import sys

from redactor.cli import (
    case_commands,
    edit_commands,
    export_commands,
    find_commands,
    gui_commands,
    review_commands,
)
from redactor.cli.group import cli

__all__ = [
    "case_commands",
    "cli",
    "edit_commands",
    "export_commands",
    "find_commands",
    "gui_commands",
    "main",
    "review_commands",
]


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="redactor")


def gui_main() -> None:
    """Entry point of the windowed launcher (no console on Windows)."""
    main(["gui", *sys.argv[1:]])
