"""The `redactor` command group and its global options."""

from __future__ import annotations

import logging

import click

from redactor import __version__
from redactor.cli.context import CliContext

REVIEWER_HELP = (
    "Act as this reviewer (default: $REDACTOR_REVIEWER, else your operating-system user name). "
    "On a PostgreSQL case your database role is your identity."
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--as", "reviewer", metavar="NAME", help=REVIEWER_HELP)
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
@click.version_option(__version__, prog_name="redactor")
@click.pass_context
def cli(ctx: click.Context, reviewer: str | None, verbose: int) -> None:
    """Redactor: redact PDFs for release (Woo, FOIA, GDPR) with four-eyes review.

    CASE is a case file (SQLite, e.g. dossier.redactor) or a database URL
    (postgresql+psycopg://user@host/db). Without a command, the GUI opens.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = CliContext(reviewer_option=reviewer)
    if ctx.invoked_subcommand is None:
        from redactor.cli.gui_commands import launch_gui

        launch_gui(ctx.obj, None)
