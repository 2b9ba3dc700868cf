"""Four-eyes review from the command line: approve, reject, confirm, and what is left."""

from __future__ import annotations

import click
from rich.table import Table

from redactor.cli.context import CliContext
from redactor.cli.errors import user_errors
from redactor.cli.group import cli
from redactor.cli.output import print_json, stdout
from redactor.core.errors import InputError
from redactor.core.model import ReviewItem, ReviewStatus

pass_ctx = click.make_pass_decorator(CliContext)


@cli.command()
@click.argument("case")
@click.argument("ids", nargs=-1)
@click.option("--all", "approve_all", is_flag=True, help="Approve everything you may approve.")
@pass_ctx
@user_errors
def approve(obj: CliContext, case: str, ids: tuple[str, ...], approve_all: bool) -> None:
    """Approve boxes (R12 or 12) and page decisions (P3), all or none.

    R12@3 approves box 12 only if it is still at version 3 (what you looked at).
    """
    if approve_all == bool(ids):
        raise InputError("Give item ids to approve, or --all (not both).")
    with obj.session(case) as session:
        refs = (
            [f"{i.ref}@{i.version}" for i in session.awaiting_review()]
            if approve_all
            else list(ids)
        )
        items = session.approve(refs)
    stdout().print(f"Approved {len(items)} item(s)." if items else "Nothing awaits your approval.")


@cli.command()
@click.argument("case")
@click.argument("item_id")
@click.option("--reason", required=True, help="Why the item is rejected (shown to its author).")
@pass_ctx
@user_errors
def reject(obj: CliContext, case: str, item_id: str, reason: str) -> None:
    """Reject a box or page decision, with a reason."""
    with obj.session(case) as session:
        item = session.reject(item_id, reason)
    stdout().print(f"Rejected {item.ref}.")


@cli.command()
@click.argument("case")
@click.argument("doc", required=False)
@click.argument("pages", nargs=-1, type=int)
@click.option(
    "--all",
    "confirm_all",
    is_flag=True,
    help="Confirm every unconfirmed page you may confirm (not your own work).",
)
@pass_ctx
@user_errors
def confirm(
    obj: CliContext, case: str, doc: str | None, pages: tuple[int, ...], confirm_all: bool
) -> None:
    """Confirm pages as reviewed (the second reviewer's check, also for pages without boxes)."""
    if confirm_all == (doc is not None):
        raise InputError("Give a document (and optionally page numbers), or --all.")
    with obj.session(case) as session:
        if confirm_all:
            targets = [(p.document_id, p.page_index) for p in session.confirmable_pages()]
        else:
            assert doc is not None
            document = session.document(doc)
            numbers = pages or tuple(range(1, document.page_count + 1))
            targets = [(document.id, session.page(document.id, n).page_index) for n in numbers]
        done = session.confirm_pages(targets)
    stdout().print(f"Confirmed {len(done)} page(s).")


@cli.command()
@click.argument("case")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@user_errors
def review(obj: CliContext, case: str, as_json: bool) -> None:
    """List what awaits approval and which pages are not yet confirmed."""
    with obj.session(case) as session:
        items: list[ReviewItem] = [*session.redactions(), *session.page_decisions()]
        open_items = [i for i in items if i.status is not ReviewStatus.APPROVED]
        unconfirmed = session.unconfirmed_pages()
        names = {d.id: d.file_name for d in session.documents()}
        reviewer = session.reviewer
        four_eyes = session.info().four_eyes
    if as_json:
        print_json(
            {
                "reviewer": reviewer,
                "four_eyes": four_eyes,
                "items": [
                    {
                        "id": i.ref,
                        "version": i.version,
                        "document_id": i.document_id,
                        "document": names.get(i.document_id),
                        "page": i.page_index + 1,
                        "status": i.status.value,
                        "grounds": list(i.grounds),
                        "author": i.author,
                        "note": i.note,
                        "reject_reason": i.reject_reason,
                        "you_may_review": not (four_eyes and reviewer in i.contributors),
                    }
                    for i in open_items
                ],
                "unconfirmed_pages": [
                    {
                        "document_id": p.document_id,
                        "document": names.get(p.document_id),
                        "page": p.page_index + 1,
                    }
                    for p in unconfirmed
                ],
            }
        )
        return
    console = stdout()
    if open_items:
        table = Table(title="Awaiting review")
        for col in ("ID", "Document", "Page", "Status", "Grounds", "Author", "Reason"):
            table.add_column(col)
        for i in open_items:
            table.add_row(
                i.ref,
                names.get(i.document_id, "?"),
                str(i.page_index + 1),
                i.status.value,
                "; ".join(i.grounds),
                i.author,
                i.reject_reason or "",
            )
        console.print(table)
    else:
        console.print("No box or page decision awaits review.")
    if unconfirmed:
        per_doc: dict[int, list[int]] = {}
        for p in unconfirmed:
            per_doc.setdefault(p.document_id, []).append(p.page_index + 1)
        for doc_id, numbers in per_doc.items():
            console.print(f"Unconfirmed pages in {names.get(doc_id)}: {_ranges(numbers)}")
    else:
        console.print("Every page is confirmed.")


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


@cli.command()
@click.argument("case")
@click.option(
    "--four-eyes/--single",
    "four_eyes",
    required=True,
    help="Four-eyes: every item needs a second reviewer. Single: one reviewer decides.",
)
@pass_ctx
@user_errors
def mode(obj: CliContext, case: str, four_eyes: bool) -> None:
    """Switch the case between four-eyes and single-reviewer mode (an audited decision).

    Approvals given in single-reviewer mode by an item's own author do not count once the
    case is four-eyes again: the export checks who approved, not only that it was approved.
    """
    with obj.session(case) as session:
        session.set_four_eyes(four_eyes)
    stdout().print(f"The case is now {'four-eyes' if four_eyes else 'single-reviewer'}.")
