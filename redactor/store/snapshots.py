"""Row <-> domain record conversion, and the snapshots that audit events carry.

A snapshot holds exactly the fields of a decision that the audit trail vouches for; replaying
the trail must reproduce the snapshot of every row in the tables.
"""

from __future__ import annotations

from typing import Any

from redactor.core.geometry import Rect
from redactor.core.model import (
    Document,
    Judgement,
    PageDecision,
    PageDecisionKind,
    PageInfo,
    Redaction,
    ReviewStatus,
)


def join_grounds(codes: tuple[str, ...] | list[str]) -> str:
    return ";".join(codes)


def split_grounds(text: str) -> tuple[str, ...]:
    return tuple(code for code in text.split(";") if code)


def document_from_row(row: Any) -> Document:
    return Document(
        id=row.id,
        file_name=row.file_name,
        sha256=row.sha256,
        size=row.size,
        page_count=row.page_count,
        imported_at=row.imported_at,
        imported_by=row.imported_by,
        judgement=Judgement(row.judgement) if row.judgement else None,
        judgement_note=row.judgement_note,
        document_date=row.document_date,
        version=row.version,
        repaired=bool(row.repaired),
    )


def page_from_row(row: Any) -> PageInfo:
    return PageInfo(
        document_id=row.document_id,
        page_index=row.page_index,
        width=row.width,
        height=row.height,
        rotation=row.rotation,
        reviewed_by=row.reviewed_by,
        confirmed_by=row.confirmed_by,
        version=row.version,
    )


def _review_fields(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "document_id": row.document_id,
        "page_index": row.page_index,
        "grounds": split_grounds(row.grounds),
        "note": row.note,
        "author": row.author,
        "created_at": row.created_at,
        "updated_by": row.updated_by,
        "updated_at": row.updated_at,
        "status": ReviewStatus(row.status),
        "reviewed_by": row.reviewed_by,
        "reviewed_at": row.reviewed_at,
        "reject_reason": row.reject_reason,
        "version": row.version,
    }


def redaction_from_row(row: Any) -> Redaction:
    return Redaction(**_review_fields(row), rect=Rect(row.x0, row.y0, row.x1, row.y1))


def page_decision_from_row(row: Any) -> PageDecision:
    return PageDecision(**_review_fields(row), kind=PageDecisionKind(row.kind))


def case_snapshot(row: Any) -> dict[str, Any]:
    return {"title": row.title, "four_eyes": bool(row.four_eyes), "catalog_id": row.catalog_id}


def document_snapshot(doc: Document) -> dict[str, Any]:
    return {
        "file_name": doc.file_name,
        "sha256": doc.sha256,
        "page_count": doc.page_count,
        "judgement": doc.judgement.value if doc.judgement else None,
        "judgement_note": doc.judgement_note,
        "document_date": doc.document_date,
        # Only when true: events written before revision 0002 have no such key.
        **({"repaired": True} if doc.repaired else {}),
    }


def page_snapshot(page: PageInfo) -> dict[str, Any]:
    return {"reviewed_by": page.reviewed_by, "confirmed_by": page.confirmed_by}


def _review_snapshot(item: Redaction | PageDecision) -> dict[str, Any]:
    return {
        "document_id": item.document_id,
        "page": item.page_index + 1,
        "grounds": list(item.grounds),
        "note": item.note,
        "author": item.author,
        "updated_by": item.updated_by,
        "status": item.status.value,
        "reviewed_by": item.reviewed_by,
        "reject_reason": item.reject_reason,
    }


def redaction_snapshot(red: Redaction) -> dict[str, Any]:
    return {**_review_snapshot(red), "rect": list(red.rect.as_tuple())}


def page_decision_snapshot(dec: PageDecision) -> dict[str, Any]:
    return {**_review_snapshot(dec), "kind": dec.kind.value}


def page_target(document_id: int, page_index: int) -> str:
    return f"D{document_id}/p{page_index + 1}"
