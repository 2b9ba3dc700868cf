"""Starting the GUI (lazily: the CLI must work without a display or Qt plugins)."""

from __future__ import annotations

import click

from redactor.cli.context import CliContext
from redactor.cli.errors import user_errors
from redactor.cli.group import cli

pass_ctx = click.make_pass_decorator(CliContext)


def launch_gui(obj: CliContext, case: str | None, *, smoke_test: bool = False) -> None:
    from redactor.gui.application import run

    raise SystemExit(run(case=case, reviewer=obj.reviewer_option, smoke_test=smoke_test))


@cli.command()
@click.argument("case", required=False)
@click.option(
    "--smoke-test",
    is_flag=True,
    hidden=True,
    help="Open the window, then quit (for packaging tests).",
)
@pass_ctx
@user_errors
def gui(obj: CliContext, case: str | None, smoke_test: bool) -> None:
    """Open the review window (optionally on CASE)."""
    launch_gui(obj, case, smoke_test=smoke_test)


@cli.command()
@click.option("--no-gui", is_flag=True, help="Only build the sample case and print where it is.")
@pass_ctx
@user_errors
def demo(obj: CliContext, no_gui: bool) -> None:
    """Build a sample case from generated Dutch government documents and open it."""
    from redactor.app.demo import build_demo_case

    location = build_demo_case(reviewer=obj.reviewer)
    click.echo(f"Sample case: {location}")
    if not no_gui:
        launch_gui(obj, str(location))
