"""The four-eyes review rules. The store and every front end (CLI, GUI, plan import) call
these; nothing else decides who may approve what.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass

from redactor.core.errors import Message, RuleViolation
from redactor.core.model import PageDecisionKind, Redaction, ReviewItem, ReviewStatus

# Looks up whether a ground code requires a written motivation (weighing of interests).
NeedsMotivation = Callable[[str], bool]


def describe(item: ReviewItem, names: Mapping[int, str] | None = None) -> str:
    """'box R12 (letter.pdf, page 3)'; with the document id when its name is not given."""
    return str(item_phrase(item, names))


def _document(document_id: int, names: Mapping[int, str] | None) -> str | Message:
    return (names or {}).get(document_id) or Message("document {id}", id=document_id)


def item_phrase(
    item: ReviewItem, names: Mapping[int, str] | None = None, *, capital: bool = False
) -> Message:
    """describe() as a translatable phrase; `capital` for the start of a sentence."""
    fields: dict[str, object] = {
        "ref": item.ref,
        "document": _document(item.document_id, names),
        "page": item.page_index + 1,
    }
    if isinstance(item, Redaction):
        if capital:
            return Message("Box {ref} ({document}, page {page})", **fields)
        return Message("box {ref} ({document}, page {page})", **fields)
    if item.kind is PageDecisionKind.WITHHELD:
        if capital:
            return Message("Withheld page {ref} ({document}, page {page})", **fields)
        return Message("withheld page {ref} ({document}, page {page})", **fields)
    if capital:
        return Message("Out-of-scope page {ref} ({document}, page {page})", **fields)
    return Message("out-of-scope page {ref} ({document}, page {page})", **fields)


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
        raise RuleViolation(
            "Four-eyes rule: {reviewer} cannot approve {item} because they drew or "
            "changed it; another reviewer must review it."
            if approve
            else "Four-eyes rule: {reviewer} cannot reject {item} because they drew or "
            "changed it; another reviewer must review it.",
            reviewer=reviewer,
            item=item_phrase(item, names),
        )
    if approve:
        missing = [g for g in item.grounds if needs_motivation(g)]
        if missing and not item.note.strip():
            raise RuleViolation(
                "Motivation rule: {item} cannot be approved without a written "
                "motivation, because ground {grounds} requires weighing of interests.",
                item=item_phrase(item, names),
                grounds=", ".join(missing),
            )
        if item.status is ReviewStatus.APPROVED:
            raise RuleViolation(
                "{item} is already approved.", item=item_phrase(item, names, capital=True)
            )
    elif not reason.strip():
        raise RuleViolation("Rejecting {item} needs a reason.", item=item_phrase(item, names))


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
            "Four-eyes rule: {reviewer} cannot confirm page {page} of document "
            "{document} because they redacted or reviewed it; another reviewer must confirm it.",
            reviewer=reviewer,
            page=page_index + 1,
            document=document_id,
        )


@dataclass(frozen=True, slots=True)
class ExportBlocker:
    message: Message  # a short description naming the item and where it is

    @property
    def what(self) -> str:
        return str(self.message)


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
        phrase = item_phrase(item, names)
        if item.status is ReviewStatus.PROPOSED:
            blockers.append(ExportBlocker(Message("{item} is proposed", item=phrase)))
        elif item.status is ReviewStatus.REJECTED:
            blockers.append(ExportBlocker(Message("{item} is rejected", item=phrase)))
        elif item.reviewed_by is None or item.reviewed_by in item.contributors:
            blockers.append(
                ExportBlocker(
                    Message(
                        "{item} was approved by its own author {reviewer}",
                        item=phrase,
                        reviewer=str(item.reviewed_by),
                    )
                )
            )
    for doc, page, confirmed_by in pages:
        where = {"page": page + 1, "document": _document(doc, names)}
        if confirmed_by is None:
            blockers.append(
                ExportBlocker(Message("page {page} of {document} is not confirmed", **where))
            )
        elif confirmed_by in page_contributors.get((doc, page), set()):
            blockers.append(
                ExportBlocker(
                    Message(
                        "page {page} of {document} was confirmed by {reviewer}, who worked on it",
                        reviewer=confirmed_by,
                        **where,
                    )
                )
            )
    return blockers
