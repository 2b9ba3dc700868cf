"""Creating a case, adding documents, listing them."""

from __future__ import annotations

from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from redactor.app.session import CaseSession, expand_pdf_paths
from redactor.cli.context import CliContext
from redactor.cli.errors import user_errors
from redactor.cli.group import cli
from redactor.cli.output import print_json, stdout
from redactor.core.model import Judgement

pass_ctx = click.make_pass_decorator(CliContext)


@cli.command()
@click.argument("case")
@click.option(
    "--four-eyes",
    is_flag=True,
    help="Every box and page decision needs a second reviewer's approval.",
)
@click.option(
    "--catalog",
    default="woo",
    show_default=True,
    help="Legal-ground catalog: woo, us-foia, uk-foia, eu-1049, gdpr, or a .toml file.",
)
@click.option("--title", default="", help="A title for the case (default: the file name).")
@pass_ctx
@user_errors
def new(obj: CliContext, case: str, four_eyes: bool, catalog: str, title: str) -> None:
    """Create a new case at CASE."""
    session = CaseSession.create(
        case, reviewer=obj.reviewer, title=title, catalog=catalog, four_eyes=four_eyes
    )
    with session:
        info = session.info()
    mode = "four-eyes" if info.four_eyes else "single-reviewer"
    stdout().print(
        f"Created case '{info.title}' at {info.location} ({mode}, catalog {info.catalog_id})."
    )


@cli.command()
@click.argument("case")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--ocr", "with_ocr", is_flag=True, help="Read scanned pages with Tesseract right away."
)
@pass_ctx
@user_errors
def add(obj: CliContext, case: str, files: tuple[Path, ...], with_ocr: bool) -> None:
    """Import PDF files (a folder adds every PDF in it)."""
    paths = expand_pdf_paths(files)
    with (
        obj.session(case) as session,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=stdout(),
            transient=True,
            disable=len(paths) < 2,
        ) as bar,
    ):
        task = bar.add_task("Importing", total=len(paths))

        def report(done: int, total: int, name: str) -> None:
            # add_documents checks every file first, then imports: total is twice the files.
            verb = "Checking" if done < total // 2 else "Importing"
            bar.update(task, completed=done, total=total, description=f"{verb} {name}")

        added = session.add_documents(paths, progress=report)
        console = stdout()
        for doc in added:
            console.print(f"Added document {doc.id}: {doc.file_name} ({doc.page_count} pages)")
            if doc.repaired:
                console.print(
                    f"  Warning: {doc.file_name} was damaged and had to be repaired to be read; "
                    "pages or content may be missing. Compare it with the original.",
                    style="yellow",
                    markup=False,
                )
        if with_ocr:
            from redactor.app.findings import run_ocr

            pages = run_ocr(session, [d.id for d in added])
            console.print(f"OCR read {pages} scanned page(s).")


@cli.command("list")
@click.argument("case")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@user_errors
def list_documents(obj: CliContext, case: str, as_json: bool) -> None:
    """List the documents with their judgement and review progress."""
    with obj.session(case) as session:
        rows = session.progress()
        info = session.info()
    if as_json:
        print_json(
            {
                "case": {
                    "title": info.title,
                    "four_eyes": info.four_eyes,
                    "catalog": info.catalog_id,
                },
                "documents": [
                    {
                        "id": p.document.id,
                        "file": p.document.file_name,
                        "pages": p.document.page_count,
                        "sha256": p.document.sha256,
                        "repaired": p.document.repaired,
                        "judgement": p.document.judgement.value if p.document.judgement else None,
                        "boxes": p.boxes,
                        "withheld_pages": p.withheld_pages,
                        "pending": p.pending,
                        "rejected": p.rejected,
                        "pages_reviewed": p.pages_reviewed,
                        "pages_confirmed": p.pages_confirmed,
                    }
                    for p in rows
                ],
            }
        )
        return
    table = Table(title=f"{info.title} ({'four-eyes' if info.four_eyes else 'single reviewer'})")
    for col in (
        "ID",
        "Document",
        "Pages",
        "Judgement",
        "Boxes",
        "Withheld",
        "Pending",
        "Confirmed",
    ):
        table.add_column(col)
    for p in rows:
        table.add_row(
            str(p.document.id),
            p.document.file_name,
            str(p.document.page_count),
            p.document.judgement.value if p.document.judgement else "-",
            str(p.boxes),
            str(p.withheld_pages),
            str(p.pending),
            f"{p.pages_confirmed}/{p.document.page_count}",
        )
    stdout().print(table)
    for p in rows:
        if p.document.repaired:
            stdout().print(
                f"{p.document.file_name} was damaged and repaired when it was added: "
                "pages or content may be missing; compare it with the original.",
                style="yellow",
                markup=False,
                soft_wrap=True,
            )


@cli.command()
@click.argument("case")
@click.argument("doc")
@click.argument("judgement")
@click.option("--note", default=None, help="Toelichting: the explanation in the inventory.")
@click.option("--date", "document_date", default=None, help="The document's date (YYYY-MM-DD).")
@pass_ctx
@user_errors
def judge(
    obj: CliContext,
    case: str,
    doc: str,
    judgement: str,
    note: str | None,
    document_date: str | None,
) -> None:
    """Set a document's judgement: openbaar, deels openbaar, niet openbaar, reeds openbaar, dubbel, buiten reikwijdte."""
    parsed = Judgement.parse(judgement)
    with obj.session(case) as session:
        document = session.document(doc)
        session.set_judgement(document.id, parsed, note, document_date)
    stdout().print(f"{document.file_name}: {parsed.value}")
