"""The four-eyes review rules. The store and every front end (CLI, GUI, plan import) call
these; nothing else decides who may approve what.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass

from redactor.core.errors import RuleViolation
from redactor.core.model import PageDecisionKind, Redaction, ReviewItem, ReviewStatus

# Looks up whether a ground code requires a written motivation (weighing of interests).
NeedsMotivation = Callable[[str], bool]


def describe(item: ReviewItem, names: Mapping[int, str] | None = None) -> str:
    """'box R12 (letter.pdf, page 3)'; with the document id when its name is not given."""
    page = item.page_index + 1
    doc = (names or {}).get(item.document_id) or f"document {item.document_id}"
    if isinstance(item, Redaction):
        return f"box {item.ref} ({doc}, page {page})"
    what = "withheld page" if item.kind is PageDecisionKind.WITHHELD else "out-of-scope page"
    return f"{what} {item.ref} ({doc}, page {page})"


def check_review(
    item: ReviewItem,
    reviewer: str,
    *,
    four_eyes: bool,
    approve: bool,
    needs_motivation: NeedsMotivation,
    reason: str = "",
    names: Mapping[int, str] | None = None,
) -> None:
    """Raise RuleViolation unless `reviewer` may approve (or reject) `item` now."""
    if four_eyes and reviewer in item.contributors:
        verb = "approve" if approve else "reject"
        raise RuleViolation(
            f"Four-eyes rule: {reviewer} cannot {verb} {describe(item, names)} because they drew or "
            "changed it; another reviewer must review it."
        )
    if approve:
        missing = [g for g in item.grounds if needs_motivation(g)]
        if missing and not item.note.strip():
            raise RuleViolation(
                f"Motivation rule: {describe(item, names)} cannot be approved without a written "
                f"motivation, because ground {', '.join(missing)} requires weighing of interests."
            )
        if item.status is ReviewStatus.APPROVED:
            raise RuleViolation(f"{describe(item, names).capitalize()} is already approved.")
    elif not reason.strip():
        raise RuleViolation(f"Rejecting {describe(item, names)} needs a reason.")


def check_confirm_page(
    reviewer: str,
    *,
    four_eyes: bool,
    document_id: int,
    page_index: int,
    reviewed_by: str | None,
    page_contributors: Iterable[str],
) -> None:
    """In a four-eyes case the page is confirmed by someone other than who worked on it."""
    if not four_eyes:
        return
    workers = set(page_contributors)
    if reviewed_by:
        workers.add(reviewed_by)
    if reviewer in workers:
        raise RuleViolation(
            f"Four-eyes rule: {reviewer} cannot confirm page {page_index + 1} of document "
            f"{document_id} because they redacted or reviewed it; another reviewer must confirm it."
        )


@dataclass(frozen=True, slots=True)
class ExportBlocker:
    what: str  # a short description naming the item and where it is


def export_blockers(
    *,
    four_eyes: bool,
    items: Iterable[ReviewItem],
    pages: Iterable[tuple[int, int, str | None]],
    page_contributors: Mapping[tuple[int, int], Set[str]],
    names: Mapping[int, str] | None = None,
) -> list[ExportBlocker]:
    """Everything that stands between this case and an export, in a four-eyes case.

    The check is on the invariant, not on how the state came about: an item counts as
    approved only when its approver is not among its contributors, and a page as confirmed
    only when its confirmer never worked on it. So approvals given while the case was briefly
    switched to single-reviewer mode do not open the export.

    `pages` holds (document id, page index, confirmed_by) for every page.
    """
    if not four_eyes:
        return []
    blockers: list[ExportBlocker] = []
    for item in items:
        if item.status is not ReviewStatus.APPROVED:
            blockers.append(ExportBlocker(f"{describe(item, names)} is {item.status.value}"))
        elif item.reviewed_by is None or item.reviewed_by in item.contributors:
            blockers.append(
                ExportBlocker(
                    f"{describe(item, names)} was approved by its own author {item.reviewed_by}"
                )
            )
    for doc, page, confirmed_by in pages:
        where = f"page {page + 1} of " + ((names or {}).get(doc) or f"document {doc}")
        if confirmed_by is None:
            blockers.append(ExportBlocker(f"{where} is not confirmed"))
        elif confirmed_by in page_contributors.get((doc, page), set()):
            blockers.append(
                ExportBlocker(f"{where} was confirmed by {confirmed_by}, who worked on it")
            )
    return blockers
