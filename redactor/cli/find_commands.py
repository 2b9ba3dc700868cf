"""Finding what to redact: search, detector suggestions, consistency, OCR."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.table import Table

from redactor.cli.context import CliContext
from redactor.cli.errors import user_errors
from redactor.cli.group import cli
from redactor.cli.output import print_json, stdout
from redactor.core.errors import InputError
from redactor.core.geometry import Rect
from redactor.core.text import VISIBLE_ELSEWHERE

if TYPE_CHECKING:
    from redactor.app.findings import CaseSuggestion

pass_ctx = click.make_pass_decorator(CliContext)


def _rect_list(rects: tuple[Rect, ...]) -> list[list[float]]:
    return [[round(v, 2) for v in r.as_tuple()] for r in rects]


@cli.command()
@click.argument("case")
@click.argument("pattern")
@click.option("--regex", is_flag=True, help="PATTERN is a regular expression.")
@click.option("--case-sensitive", is_flag=True, help="Match upper and lower case exactly.")
@click.option("--whole-word", is_flag=True, help="Match whole words only.")
@click.option(
    "--doc", "docs", multiple=True, help="Search only this document (id or file name; repeatable)."
)
@click.option("--propose", is_flag=True, help="Create proposed boxes over every match.")
@click.option("--ground", "grounds", multiple=True, help="Ground(s) for --propose.")
@click.option("--note", default="", help="Motivation for --propose.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@user_errors
def find(
    obj: CliContext,
    case: str,
    pattern: str,
    regex: bool,
    case_sensitive: bool,
    whole_word: bool,
    docs: tuple[str, ...],
    propose: bool,
    grounds: tuple[str, ...],
    note: str,
    as_json: bool,
) -> None:
    """Find text (or a regular expression) across the case; optionally propose boxes."""
    from redactor.app import findings

    if propose and not grounds:
        raise InputError("--propose needs at least one --ground.")
    with obj.session(case) as session:
        ids = [session.document(d).id for d in docs] if docs else None
        matches = findings.find(
            session,
            pattern,
            regex=regex,
            case_sensitive=case_sensitive,
            whole_word=whole_word,
            document_ids=ids,
        )
        names = {d.id: d.file_name for d in session.documents()}
        created = findings.propose_boxes(session, matches, grounds, note) if propose else []
    if as_json:
        print_json(
            {
                "matches": [
                    {
                        "document_id": m.document_id,
                        "document": names[m.document_id],
                        "page": m.match.page_index + 1,
                        "text": m.match.text,
                        "rects": _rect_list(m.match.rects),
                    }
                    for m in matches
                ],
                "proposed": [r.ref for r in created],
            }
        )
        return
    console = stdout()
    for m in matches:
        console.print(f"{names[m.document_id]} p.{m.match.page_index + 1}: {m.match.text}")
    console.print(
        f"{len(matches)} match(es)." + (f" Proposed {len(created)} box(es)." if propose else "")
    )


@cli.command()
@click.argument("case")
@click.option(
    "--detector",
    "detectors",
    multiple=True,
    help="Only this detector (bsn, iban, account, email, phone, ip, address, plate, birthdate, name).",
)
@click.option(
    "--doc", "docs", multiple=True, help="Only this document (id or file name; repeatable)."
)
@click.option(
    "--accept",
    "accept_ids",
    multiple=True,
    help="Accept suggestion ID as a proposed box (or 'all').",
)
@click.option(
    "--dismiss",
    "dismiss_ids",
    multiple=True,
    help="Dismiss suggestion ID (or 'all'); it will not return.",
)
@click.option(
    "--ground", default=None, help="Ground for accepted suggestions (default: the detector's)."
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@user_errors
def suggest(
    obj: CliContext,
    case: str,
    detectors: tuple[str, ...],
    docs: tuple[str, ...],
    accept_ids: tuple[str, ...],
    dismiss_ids: tuple[str, ...],
    ground: str | None,
    as_json: bool,
) -> None:
    """List personal-data suggestions; accept or dismiss them by id."""
    from redactor.app import findings

    with obj.session(case) as session:
        ids = [session.document(d).id for d in docs] if docs else None
        found = findings.suggestions(session, detectors, ids)
        names = {d.id: d.file_name for d in session.documents()}
        accepted = (
            findings.accept_suggestions(session, _pick(found, accept_ids), ground)
            if accept_ids
            else []
        )
        dismissed = (
            findings.dismiss_suggestions(session, _pick(found, dismiss_ids)) if dismiss_ids else 0
        )
    if as_json:
        print_json(
            {
                "suggestions": [
                    {
                        "id": s.id,
                        "document_id": s.document_id,
                        "document": names[s.document_id],
                        "page": s.suggestion.page_index + 1,
                        "detector": s.suggestion.detector,
                        "text": s.suggestion.text,
                        "ground": s.suggestion.ground,
                        "confidence": s.suggestion.confidence,
                        "rects": _rect_list(s.suggestion.rects),
                    }
                    for s in found
                ],
                "accepted": [r.ref for r in accepted],
                "dismissed": dismissed,
            }
        )
        return
    table = Table(title="Suggestions")
    for col in ("ID", "Document", "Page", "Detector", "Text", "Ground"):
        table.add_column(col)
    for s in found:
        table.add_row(
            s.id,
            names[s.document_id],
            str(s.suggestion.page_index + 1),
            s.suggestion.detector,
            s.suggestion.text,
            s.suggestion.ground or "",
        )
    console = stdout()
    console.print(table)
    if accept_ids:
        console.print(f"Accepted as {len(accepted)} proposed box(es).")
    if dismiss_ids:
        console.print(f"Dismissed {dismissed} suggestion(s).")


def _pick(found: list[CaseSuggestion], wanted: tuple[str, ...]) -> list[CaseSuggestion]:
    if "all" in wanted:
        return list(found)
    by_id = {s.id: s for s in found}
    missing = [w for w in wanted if w not in by_id]
    if missing:
        raise InputError(
            f"No open suggestion has id {', '.join(missing)}; run 'redactor suggest' to list them."
        )
    return [by_id[w] for w in wanted]


@cli.command()
@click.argument("case")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@user_errors
def check(obj: CliContext, case: str, as_json: bool) -> None:
    """Consistency: terms redacted in one place but visible elsewhere, or under different grounds."""
    from redactor.app import findings

    with obj.session(case) as session:
        report = findings.consistency(session)
        names = {d.id: d.file_name for d in session.documents()}
    if as_json:
        print_json(
            [
                {
                    "kind": f.kind,
                    "term": f.term,
                    "occurrences": [
                        {
                            "document_id": o.document_id,
                            "document": names[o.document_id],
                            "page": o.page_index + 1,
                            "redacted": o.redacted,
                            "grounds": list(o.codes),
                            "rects": _rect_list(o.rects),
                        }
                        for o in f.occurrences
                    ],
                }
                for f in report
            ]
        )
    else:
        console = stdout()
        for f in report:
            places = ", ".join(
                f"{names[o.document_id]} p.{o.page_index + 1}"
                + (f" ({'; '.join(o.codes)})" if o.redacted else " (visible)")
                for o in f.occurrences
            )
            what = (
                "redacted but visible elsewhere"
                if f.kind == VISIBLE_ELSEWHERE
                else "redacted under different grounds"
            )
            console.print(f"'{f.term}' {what}: {places}")
        console.print(f"{len(report)} finding(s).")
    if report:
        raise SystemExit(1)


@cli.command()
@click.argument("case")
@click.argument("docs", nargs=-1)
@pass_ctx
@user_errors
def ocr(obj: CliContext, case: str, docs: tuple[str, ...]) -> None:
    """Read scanned pages with Tesseract (Dutch and English) and store their words in the case."""
    from redactor.app import findings

    with obj.session(case) as session:
        ids = [session.document(d).id for d in docs] if docs else None
        pages = findings.run_ocr(session, ids)
    stdout().print(f"OCR read {pages} scanned page(s).")
