"""Drawing boxes and page decisions from the command line, one by one or from a plan."""

from __future__ import annotations

from pathlib import Path

import click

from redactor.app.plan import apply_plan, load_plan
from redactor.cli.context import CliContext
from redactor.cli.errors import user_errors
from redactor.cli.group import cli
from redactor.cli.output import stdout
from redactor.core.geometry import Rect

pass_ctx = click.make_pass_decorator(CliContext)
GROUND_HELP = "A ground code from the case's catalog (repeat for several)."


@cli.command()
@click.argument("case")
@click.argument("doc")
@click.argument("page", type=int)
@click.argument("x0", type=float)
@click.argument("y0", type=float)
@click.argument("x1", type=float)
@click.argument("y1", type=float)
@click.option("--ground", "grounds", multiple=True, required=True, help=GROUND_HELP)
@click.option("--note", default="", help="Motivation for the redaction.")
@pass_ctx
@user_errors
def mark(
    obj: CliContext,
    case: str,
    doc: str,
    page: int,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    grounds: tuple[str, ...],
    note: str,
) -> None:
    """Draw a box on PAGE (1-based) of DOC (id or file name).

    Coordinates are PDF points from the top-left corner of the page as displayed.
    """
    with obj.session(case) as session:
        document = session.document(doc)
        session.page(document.id, page)
        red = session.add_redaction(
            document.id, page - 1, Rect.normalized(x0, y0, x1, y1), grounds, note
        )
    stdout().print(
        f"Box {red.ref} on page {page} of {document.file_name} ({'; '.join(red.grounds)}), proposed."
    )


@cli.command()
@click.argument("case")
@click.argument("doc")
@click.argument("page", type=int)
@click.option("--ground", "grounds", multiple=True, required=True, help=GROUND_HELP)
@click.option("--note", default="", help="Motivation.")
@pass_ctx
@user_errors
def withhold(
    obj: CliContext, case: str, doc: str, page: int, grounds: tuple[str, ...], note: str
) -> None:
    """Withhold a whole page of DOC on the given grounds."""
    with obj.session(case) as session:
        document = session.document(doc)
        session.page(document.id, page)
        dec = session.withhold_page(document.id, page - 1, grounds, note)
    stdout().print(
        f"Page {page} of {document.file_name} withheld ({'; '.join(dec.grounds)}) as {dec.ref}, proposed."
    )


@cli.command("out-of-scope")
@click.argument("case")
@click.argument("doc")
@click.argument("page", type=int)
@click.option("--note", default="", help="Why the page falls outside the request.")
@pass_ctx
@user_errors
def out_of_scope(obj: CliContext, case: str, doc: str, page: int, note: str) -> None:
    """Mark a page of DOC as outside the scope of the request."""
    with obj.session(case) as session:
        document = session.document(doc)
        session.page(document.id, page)
        dec = session.mark_out_of_scope(document.id, page - 1, note)
    stdout().print(
        f"Page {page} of {document.file_name} marked out of scope as {dec.ref}, proposed."
    )


@cli.command("import-plan")
@click.argument("case")
@click.argument("plan", type=click.Path(path_type=Path))
@pass_ctx
@user_errors
def import_plan(obj: CliContext, case: str, plan: Path) -> None:
    """Apply a JSON plan of redactions and withheld pages, all or nothing."""
    data = load_plan(plan)
    with obj.session(case) as session:
        result = apply_plan(session, data, source=plan.name)
    stdout().print(
        f"Plan applied: {result.redactions} box(es), {result.withheld_pages} withheld page(s)."
    )
