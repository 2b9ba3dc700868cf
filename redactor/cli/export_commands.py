"""Export and audit from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from redactor.cli.context import CliContext
from redactor.cli.errors import user_errors
from redactor.cli.group import cli
from redactor.cli.output import print_json, stdout
from redactor.core.export_model import BoxStyle, OutputMode, RenderOptions
from redactor.export.delivery import MANIFEST_NAME
from redactor.export.jobs import ExportProgress

pass_ctx = click.make_pass_decorator(CliContext)


@cli.command()
@click.argument("case")
@click.argument("outdir", type=click.Path(path_type=Path))
@click.option(
    "--mode",
    type=click.Choice([m.value for m in OutputMode]),
    default="text",
    show_default=True,
    help="text keeps text outside boxes selectable; image renders every page to pixels.",
)
@click.option(
    "--dpi",
    type=click.IntRange(72, 600),
    default=200,
    show_default=True,
    help="Resolution for --mode image and for pages that must be rasterised.",
)
@click.option(
    "--style",
    type=click.Choice([s.value for s in BoxStyle]),
    default="black",
    show_default=True,
    help="black boxes with white codes, or white boxes with a border.",
)
@click.option(
    "--legend", is_flag=True, help="Append a page listing the grounds used with their labels."
)
@click.option(
    "--language",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of withheld-page notices and the legend.",
)
@click.option("--overwrite", is_flag=True, help="Replace an earlier export in OUTDIR.")
@pass_ctx
@user_errors
def export(
    obj: CliContext,
    case: str,
    outdir: Path,
    mode: str,
    dpi: int,
    style: str,
    legend: bool,
    language: str,
    overwrite: bool,
) -> None:
    """Write the redacted PDFs, inventory list, audit log and manifest to OUTDIR."""
    from redactor.app.export import export as run_export

    render = RenderOptions(
        style=BoxStyle(style), mode=OutputMode(mode), image_dpi=dpi, language=language
    )
    with (
        obj.session(case) as session,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=stdout(),
            transient=True,
            disable=not sys.stdout.isatty(),
        ) as bar,
    ):
        task = bar.add_task("Exporting", total=None)

        def report(p: ExportProgress) -> None:
            bar.update(task, completed=p.done, total=p.total, description=f"{p.stage} {p.current}")

        result = run_export(
            session, outdir, render, overwrite=overwrite, progress=report, with_legend=legend
        )
    console = stdout()
    for doc in result.documents:
        # The delivered name: masked where the source's name held a redacted term.
        shown = (
            doc.output_path.name if doc.output_path is not None else f"document {doc.inventory_id}"
        )
        console.print(f"{doc.status}: {shown}")
    console.print(f"Export verified and written to {result.outdir} (manifest: {MANIFEST_NAME}).")


@cli.command()
@click.argument("case")
@click.option("--verify", is_flag=True, help="Check the hash chain and replay it against the case.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@user_errors
def audit(obj: CliContext, case: str, verify: bool, as_json: bool) -> None:
    """Print the case's audit trail, or verify it."""
    with obj.session(case) as session:
        if verify:
            result = session.verify_audit()
            if as_json:
                print_json(
                    {
                        "ok": result.ok,
                        "events": result.events,
                        "head_hash": result.head_hash,
                        "problems": [{"seq": p.seq, "message": p.message} for p in result.problems],
                    }
                )
            elif result.ok:
                stdout().print(
                    f"Audit trail intact: {result.events} events, chain and state agree; "
                    f"last event hash {result.head_hash}."
                )
            if not result.ok:
                first = result.problems[0]
                where = f"event {first.seq}" if first.seq is not None else "the case state"
                click.echo(f"redactor: audit trail broken at {where}: {first.message}.", err=True)
                sys.exit(7)
            return
        events = session.audit_events()
    if as_json:
        print_json(
            [
                {
                    "seq": e.seq,
                    "at": e.at,
                    "reviewer": e.reviewer,
                    "db_role": e.db_role,
                    "action": e.action,
                    "target": e.target,
                    "document_id": e.document_id,
                    "before": e.before,
                    "after": e.after,
                    "hash": e.hash,
                }
                for e in events
            ]
        )
        return
    console = stdout()
    for e in events:
        console.print(f"{e.seq:>5}  {e.at}  {e.reviewer:<16} {e.action:<22} {e.target}")
