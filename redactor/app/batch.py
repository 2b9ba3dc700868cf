"""Edits of several boxes at once, all or nothing: moving a multi-selection, deleting it, and
restoring deleted boxes (what undo does). Each call is one transaction with its audit events.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from redactor.app.session import CaseSession
from redactor.core.geometry import Rect
from redactor.core.model import Redaction

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BoxChange:
    """A change to one box; None leaves that part as it is."""

    redaction_id: int
    expected_version: int | None
    rect: Rect | None = None
    grounds: tuple[str, ...] | None = None
    note: str | None = None


def update_redactions(session: CaseSession, changes: Sequence[BoxChange]) -> list[Redaction]:
    with session.store.write(session.reviewer) as w:
        return [
            w.update_redaction(
                c.redaction_id, c.expected_version, rect=c.rect, grounds=c.grounds, note=c.note
            )
            for c in changes
        ]


def delete_redactions(
    session: CaseSession, boxes: Sequence[tuple[int, int | None]]
) -> list[Redaction]:
    """Delete boxes given as (id, expected version)."""
    with session.store.write(session.reviewer) as w:
        return [w.delete_redaction(red_id, version) for red_id, version in boxes]


def restore_redactions(session: CaseSession, boxes: Sequence[Redaction]) -> list[Redaction]:
    """Draw deleted boxes again where they were, with their grounds and note (new ids).

    The restored boxes are proposals by the acting reviewer: a restore is a new decision and
    goes through review like any other (the audit trail shows the delete and the re-creation).
    """
    with session.store.write(session.reviewer) as w:
        return [
            w.add_redaction(b.document_id, b.page_index, b.rect, b.grounds, b.note) for b in boxes
        ]
