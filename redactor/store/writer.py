"""Every change to a case, each inside the caller's transaction together with its audit event.

A `CaseWriter` is bound to one open write transaction and one acting reviewer. The review rules
are checked here, against rows read inside that same transaction, so no front end can bypass
them and no concurrent writer can slip between the check and the change.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from redactor.core import rules
from redactor.core.errors import ConflictError, DuplicateDocument, InputError, Message, NotFound
from redactor.core.geometry import Rect, validate_rect
from redactor.core.grounds import Catalog
from redactor.core.model import (
    Document,
    Judgement,
    PageDecision,
    PageDecisionKind,
    PageInfo,
    Redaction,
    ReviewStatus,
)
from redactor.store import audit, snapshots
from redactor.store.clock import utc_now
from redactor.store.schema import (
    case_info,
    dismissals,
    document_sources,
    documents,
    page_decisions,
    page_words,
    pages,
    redactions,
)

log = logging.getLogger(__name__)

# Stored rectangles are rounded so that the audit snapshot and the row agree exactly.
RECT_DECIMALS = 3


class CaseWriter:
    def __init__(
        self, conn: Connection, reviewer: str, db_role: str | None, catalog: Catalog
    ) -> None:
        self.conn = conn
        self.reviewer = reviewer
        self.db_role = db_role
        self.catalog = catalog
        self.now = utc_now()

    # -- helpers ------------------------------------------------------------------------------

    def _event(
        self,
        action: str,
        target: str,
        *,
        document_id: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        audit.append_event(
            self.conn,
            at=self.now,
            reviewer=self.reviewer,
            db_role=self.db_role,
            action=action,
            target=target,
            document_id=document_id,
            before=before,
            after=after,
        )

    def four_eyes(self) -> bool:
        return bool(self.conn.execute(select(case_info.c.four_eyes)).scalar_one())

    def grounds(self, codes: Sequence[str], where: str | Message) -> tuple[str, ...]:
        """Normalise ground codes through the case's catalog; unknown ones are refused."""
        if not codes:
            raise InputError("{where}: give at least one ground.", where=where)
        resolved: list[str] = []
        for text in codes:
            try:
                code = self.catalog.resolve(text).code
            except InputError as exc:
                raise type(exc)("{where}: {reason:lower}", where=where, reason=exc) from None
            if code not in resolved:
                resolved.append(code)
        return tuple(resolved)

    def document(self, document_id: int) -> Document:
        row = self.conn.execute(
            select(documents).where(documents.c.id == document_id)
        ).one_or_none()
        if row is None:
            raise NotFound("There is no document {id} in this case.", id=document_id)
        return snapshots.document_from_row(row)

    def page(self, document_id: int, page_index: int) -> PageInfo:
        doc = self.document(document_id)
        row = self.conn.execute(
            select(pages).where(
                pages.c.document_id == document_id, pages.c.page_index == page_index
            )
        ).one_or_none()
        if row is None:
            raise InputError(
                "{name} has {count} page(s); there is no page {page}.",
                name=doc.file_name,
                count=doc.page_count,
                page=page_index + 1,
            )
        return snapshots.page_from_row(row)

    def redaction(self, redaction_id: int) -> Redaction:
        row = self.conn.execute(
            select(redactions).where(redactions.c.id == redaction_id)
        ).one_or_none()
        if row is None:
            raise NotFound("There is no box R{id} in this case.", id=redaction_id)
        return snapshots.redaction_from_row(row)

    def page_decision(self, decision_id: int) -> PageDecision:
        row = self.conn.execute(
            select(page_decisions).where(page_decisions.c.id == decision_id)
        ).one_or_none()
        if row is None:
            raise NotFound("There is no page decision P{id} in this case.", id=decision_id)
        return snapshots.page_decision_from_row(row)

    @staticmethod
    def _check_version(what: Message, current: int, expected: int | None) -> None:
        if expected is not None and current != expected:
            raise ConflictError(
                "{what} was changed by someone else since you loaded it; your change was not "
                "saved. Reload and try again.",
                what=what,
            )

    def _reset_page_confirmation(self, document_id: int, page_index: int) -> None:
        """A change on a confirmed page means the page must be confirmed again."""
        page = self.page(document_id, page_index)
        if page.confirmed_by is None:
            return
        self._set_page_fields(page, confirmed_by=None, confirmed_at=None, action="page-unconfirmed")

    def _set_page_fields(self, page: PageInfo, *, action: str, **values: Any) -> PageInfo:
        self.conn.execute(
            update(pages)
            .where(pages.c.document_id == page.document_id, pages.c.page_index == page.page_index)
            .values(**values, version=pages.c.version + 1)
        )
        after = self.page(page.document_id, page.page_index)
        self._event(
            action,
            snapshots.page_target(page.document_id, page.page_index),
            document_id=page.document_id,
            before=snapshots.page_snapshot(page),
            after=snapshots.page_snapshot(after),
        )
        return after

    # -- case ---------------------------------------------------------------------------------

    def set_four_eyes(self, enabled: bool) -> None:
        row = self.conn.execute(select(case_info)).one()
        if bool(row.four_eyes) == enabled:
            return
        before = snapshots.case_snapshot(row)
        self.conn.execute(
            update(case_info).values(four_eyes=enabled, version=case_info.c.version + 1)
        )
        after = snapshots.case_snapshot(self.conn.execute(select(case_info)).one())
        self._event("mode-changed", "case", before=before, after=after)

    # -- documents ----------------------------------------------------------------------------

    def add_document(
        self,
        *,
        file_name: str,
        data: bytes,
        sha256: str,
        page_sizes: Sequence[tuple[float, float, int]],
        repaired: bool = False,
    ) -> Document:
        existing = self.conn.execute(
            select(documents.c.id, documents.c.file_name).where(documents.c.sha256 == sha256)
        ).one_or_none()
        if existing is not None:
            raise DuplicateDocument(
                "{name} is already in the case as document {id} ({existing}, same SHA-256).",
                name=file_name,
                id=existing.id,
                existing=existing.file_name,
            )
        doc_id = self.conn.execute(
            insert(documents)
            .values(
                file_name=file_name,
                sha256=sha256,
                size=len(data),
                page_count=len(page_sizes),
                imported_at=self.now,
                imported_by=self.reviewer,
                judgement=None,
                judgement_note="",
                document_date=None,
                version=1,
                repaired=repaired,
            )
            .returning(documents.c.id)
        ).scalar_one()
        self.conn.execute(insert(document_sources).values(document_id=doc_id, data=data))
        self.conn.execute(
            insert(pages),
            [
                {
                    "document_id": doc_id,
                    "page_index": index,
                    "width": width,
                    "height": height,
                    "rotation": rotation,
                    "version": 1,
                }
                for index, (width, height, rotation) in enumerate(page_sizes)
            ],
        )
        doc = self.document(doc_id)
        self._event(
            "document-imported",
            f"D{doc_id}",
            document_id=doc_id,
            after=snapshots.document_snapshot(doc),
        )
        return doc

    def set_judgement(
        self,
        document_id: int,
        judgement: Judgement | None,
        note: str | None = None,
        document_date: str | None = None,
        expected_version: int | None = None,
    ) -> Document:
        doc = self.document(document_id)
        self._check_version(
            Message("Document {name}", name=doc.file_name), doc.version, expected_version
        )
        values: dict[str, Any] = {"judgement": judgement.value if judgement else None}
        if note is not None:
            values["judgement_note"] = note
        if document_date is not None:
            values["document_date"] = _iso_date(document_date, doc.file_name)
        self.conn.execute(
            update(documents)
            .where(documents.c.id == document_id)
            .values(**values, version=documents.c.version + 1)
        )
        after = self.document(document_id)
        self._event(
            "judgement-set",
            f"D{document_id}",
            document_id=document_id,
            before=snapshots.document_snapshot(doc),
            after=snapshots.document_snapshot(after),
        )
        return after

    # -- redactions ---------------------------------------------------------------------------

    def _valid_rect(self, page: PageInfo, rect: Rect, where: str | Message) -> Rect:
        clipped = validate_rect(rect, page.width, page.height, where)
        return Rect(*(round(v, RECT_DECIMALS) for v in clipped.as_tuple()))

    def add_redaction(
        self, document_id: int, page_index: int, rect: Rect, grounds: Sequence[str], note: str = ""
    ) -> Redaction:
        page = self.page(document_id, page_index)
        where = Message(
            "Page {page} of {name}", page=page_index + 1, name=self.document(document_id).file_name
        )
        rect = self._valid_rect(page, rect, where)
        codes = self.grounds(grounds, where)
        red_id = self.conn.execute(
            insert(redactions)
            .values(
                document_id=document_id,
                page_index=page_index,
                x0=rect.x0,
                y0=rect.y0,
                x1=rect.x1,
                y1=rect.y1,
                grounds=snapshots.join_grounds(codes),
                note=note,
                author=self.reviewer,
                created_at=self.now,
                updated_by=self.reviewer,
                updated_at=self.now,
                status=ReviewStatus.PROPOSED.value,
                version=1,
            )
            .returning(redactions.c.id)
        ).scalar_one()
        red = self.redaction(red_id)
        self._event(
            "box-created", red.ref, document_id=document_id, after=snapshots.redaction_snapshot(red)
        )
        self._reset_page_confirmation(document_id, page_index)
        return red

    def update_redaction(
        self,
        redaction_id: int,
        expected_version: int | None,
        *,
        rect: Rect | None = None,
        grounds: Sequence[str] | None = None,
        note: str | None = None,
    ) -> Redaction:
        red = self.redaction(redaction_id)
        self._check_version(Message("Box {ref}", ref=red.ref), red.version, expected_version)
        where = Message("Box {ref}", ref=red.ref)
        values: dict[str, Any] = {}
        actions: list[str] = []
        if rect is not None:
            page = self.page(red.document_id, red.page_index)
            new_rect = self._valid_rect(page, rect, where)
            if new_rect != red.rect:
                values.update(x0=new_rect.x0, y0=new_rect.y0, x1=new_rect.x1, y1=new_rect.y1)
                same_size = (
                    abs(new_rect.width - red.rect.width) < 1e-6
                    and abs(new_rect.height - red.rect.height) < 1e-6
                )
                actions.append("box-moved" if same_size else "box-resized")
        if grounds is not None:
            codes = self.grounds(grounds, where)
            if codes != red.grounds:
                values["grounds"] = snapshots.join_grounds(codes)
                actions.append("box-grounds-changed")
        if note is not None and note != red.note:
            values["note"] = note
            actions.append("box-note-changed")
        if not values:
            return red
        # Any change sends a reviewed box back for review (four-eyes).
        values.update(
            status=ReviewStatus.PROPOSED.value,
            reviewed_by=None,
            reviewed_at=None,
            reject_reason=None,
            updated_by=self.reviewer,
            updated_at=self.now,
        )
        result = self.conn.execute(
            update(redactions)
            .where(redactions.c.id == redaction_id, redactions.c.version == red.version)
            .values(**values, version=redactions.c.version + 1)
        )
        if result.rowcount != 1:
            raise ConflictError(
                "Box {ref} was changed by someone else; reload and try again.", ref=red.ref
            )
        after = self.redaction(redaction_id)
        action = actions[0] if len(actions) == 1 else "box-changed"
        self._event(
            action,
            red.ref,
            document_id=red.document_id,
            before=snapshots.redaction_snapshot(red),
            after=snapshots.redaction_snapshot(after),
        )
        self._reset_page_confirmation(red.document_id, red.page_index)
        return after

    def delete_redaction(self, redaction_id: int, expected_version: int | None) -> Redaction:
        red = self.redaction(redaction_id)
        self._check_version(Message("Box {ref}", ref=red.ref), red.version, expected_version)
        self._delete_item(red, redactions, "box-deleted", snapshots.redaction_snapshot(red))
        return red

    def _delete_item(
        self, item: Redaction | PageDecision, table: Table, action: str, before: dict[str, Any]
    ) -> None:
        """Remove a box or page decision, record it, and un-confirm its page."""
        self.conn.execute(delete(table).where(table.c.id == item.id))
        self._event(action, item.ref, document_id=item.document_id, before=before, after=None)
        self._reset_page_confirmation(item.document_id, item.page_index)

    # -- page decisions -----------------------------------------------------------------------

    def set_page_decision(
        self,
        document_id: int,
        page_index: int,
        kind: PageDecisionKind,
        grounds: Sequence[str],
        note: str = "",
    ) -> PageDecision:
        """Withhold a page or mark it out of scope; replaces an earlier decision on that page."""
        self.page(document_id, page_index)
        where = Message(
            "Page {page} of {name}", page=page_index + 1, name=self.document(document_id).file_name
        )
        if kind is PageDecisionKind.OUT_OF_SCOPE and not grounds:
            codes: tuple[str, ...] = ()
        else:
            codes = self.grounds(grounds, where)
        row = self.conn.execute(
            select(page_decisions).where(
                page_decisions.c.document_id == document_id,
                page_decisions.c.page_index == page_index,
            )
        ).one_or_none()
        common = {
            "kind": kind.value,
            "grounds": snapshots.join_grounds(codes),
            "note": note,
            "updated_by": self.reviewer,
            "updated_at": self.now,
            "status": ReviewStatus.PROPOSED.value,
            "reviewed_by": None,
            "reviewed_at": None,
            "reject_reason": None,
        }
        if row is None:
            dec_id = self.conn.execute(
                insert(page_decisions)
                .values(
                    document_id=document_id,
                    page_index=page_index,
                    author=self.reviewer,
                    created_at=self.now,
                    version=1,
                    **common,
                )
                .returning(page_decisions.c.id)
            ).scalar_one()
            dec = self.page_decision(dec_id)
            self._event(
                "page-decision-created",
                dec.ref,
                document_id=document_id,
                after=snapshots.page_decision_snapshot(dec),
            )
        else:
            before = snapshots.page_decision_from_row(row)
            if (
                before.kind is kind
                and before.grounds == codes
                and before.note == note
                and before.updated_by == self.reviewer
                and before.status is ReviewStatus.PROPOSED
            ):
                return before  # the same decision again: no change, no event, no new version
            self.conn.execute(
                update(page_decisions)
                .where(page_decisions.c.id == before.id)
                .values(**common, version=page_decisions.c.version + 1)
            )
            dec = self.page_decision(before.id)
            if snapshots.page_decision_snapshot(dec) == snapshots.page_decision_snapshot(before):
                return dec
            self._event(
                "page-decision-changed",
                dec.ref,
                document_id=document_id,
                before=snapshots.page_decision_snapshot(before),
                after=snapshots.page_decision_snapshot(dec),
            )
        self._reset_page_confirmation(document_id, page_index)
        return dec

    def remove_page_decision(self, decision_id: int, expected_version: int | None) -> PageDecision:
        dec = self.page_decision(decision_id)
        self._check_version(
            Message("Page decision {ref}", ref=dec.ref), dec.version, expected_version
        )
        self._delete_item(
            dec, page_decisions, "page-decision-removed", snapshots.page_decision_snapshot(dec)
        )
        return dec

    # -- review -------------------------------------------------------------------------------

    def review(
        self,
        item: Redaction | PageDecision,
        *,
        approve: bool,
        reason: str = "",
        expected_version: int | None = None,
    ) -> Redaction | PageDecision:
        names = {item.document_id: self.document(item.document_id).file_name}
        rules.check_review(
            item,
            self.reviewer,
            four_eyes=self.four_eyes(),
            approve=approve,
            needs_motivation=self._needs_motivation,
            reason=reason,
            names=names,
        )
        self._check_version(
            rules.item_phrase(item, names, capital=True), item.version, expected_version
        )
        table = redactions if isinstance(item, Redaction) else page_decisions
        values = {
            "status": (ReviewStatus.APPROVED if approve else ReviewStatus.REJECTED).value,
            "reviewed_by": self.reviewer,
            "reviewed_at": self.now,
            "reject_reason": None if approve else reason.strip(),
        }
        result = self.conn.execute(
            update(table)
            .where(table.c.id == item.id, table.c.version == item.version)
            .values(**values, version=table.c.version + 1)
        )
        if result.rowcount != 1:
            raise ConflictError(
                "{ref} was changed by someone else; reload and try again.", ref=item.ref
            )
        if isinstance(item, Redaction):
            after: Redaction | PageDecision = self.redaction(item.id)
            before_snap = snapshots.redaction_snapshot(item)
            after_snap = snapshots.redaction_snapshot(after)  # type: ignore[arg-type]
        else:
            after = self.page_decision(item.id)
            before_snap = snapshots.page_decision_snapshot(item)
            after_snap = snapshots.page_decision_snapshot(after)
        self._event(
            "approved" if approve else "rejected",
            item.ref,
            document_id=item.document_id,
            before=before_snap,
            after=after_snap,
        )
        return after

    def _needs_motivation(self, code: str) -> bool:
        ground = self.catalog.get(code)
        return bool(ground and ground.requires_motivation)

    def mark_page_reviewed(
        self, document_id: int, page_index: int, reviewed: bool = True
    ) -> PageInfo:
        page = self.page(document_id, page_index)
        if (page.reviewed_by is not None) == reviewed:
            return page
        return self._set_page_fields(
            page,
            reviewed_by=self.reviewer if reviewed else None,
            reviewed_at=self.now if reviewed else None,
            action="page-reviewed" if reviewed else "page-review-withdrawn",
        )

    def confirm_page(self, document_id: int, page_index: int) -> PageInfo:
        page = self.page(document_id, page_index)
        if page.confirmed_by is not None:
            return page
        rules.check_confirm_page(
            self.reviewer,
            four_eyes=self.four_eyes(),
            document_id=document_id,
            page_index=page_index,
            reviewed_by=page.reviewed_by,
            page_contributors=self._page_contributors(document_id, page_index),
        )
        return self._set_page_fields(
            page, confirmed_by=self.reviewer, confirmed_at=self.now, action="page-confirmed"
        )

    def _page_contributors(self, document_id: int, page_index: int) -> set[str]:
        """Everyone who ever worked on the page, according to the audit trail."""
        events = audit.load_events(self.conn, document_id)
        return audit.contributors_by_page(events).get((document_id, page_index), set())

    def record_export(self, details: dict[str, Any]) -> None:
        self._event("export", "case", after=details)

    # -- OCR words and suggestions --------------------------------------------------------------

    def store_page_words(
        self, document_id: int, page_index: int, source: str, words_json: str
    ) -> None:
        self.page(document_id, page_index)
        self.conn.execute(
            delete(page_words).where(
                page_words.c.document_id == document_id, page_words.c.page_index == page_index
            )
        )
        self.conn.execute(
            insert(page_words).values(
                document_id=document_id, page_index=page_index, source=source, words_json=words_json
            )
        )
        self._event(
            "ocr",
            snapshots.page_target(document_id, page_index),
            document_id=document_id,
            after={"source": source},
        )

    def dismiss_suggestion(
        self, key: str, detector: str, document_id: int, page_index: int
    ) -> None:
        if self.conn.execute(
            select(func.count()).select_from(dismissals).where(dismissals.c.key == key)
        ).scalar_one():
            return
        self.conn.execute(
            insert(dismissals).values(
                key=key,
                detector=detector,
                document_id=document_id,
                page_index=page_index,
                reviewer=self.reviewer,
                at=self.now,
            )
        )
        self._event(
            "suggestion-dismissed",
            snapshots.page_target(document_id, page_index),
            document_id=document_id,
            after={"detector": detector, "key": key},
        )


def _iso_date(text: str, file_name: str) -> str | None:
    """A document date as YYYY-MM-DD; empty clears it."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise InputError(
            "{name}: '{text}' is not a date; write it as YYYY-MM-DD.", name=file_name, text=text
        ) from None
