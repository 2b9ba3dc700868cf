"""Turning what the finding tools found into proposed boxes, all or nothing.

The GUI makes each of these one undo step, so a half-done action must not stay behind: the
functions below call the findings functions (each its own transaction) and, if a later call is
refused, delete the boxes the earlier calls made before passing the error on.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from redactor.app.batch import delete_redactions
from redactor.app.findings import (
    CaseMatch,
    CaseSuggestion,
    accept_suggestions,
    propose_boxes,
    redact_everywhere_all,
)
from redactor.app.session import CaseSession
from redactor.core.errors import RedactorError
from redactor.core.geometry import Rect
from redactor.core.model import Redaction
from redactor.core.text import VISIBLE_ELSEWHERE, Finding, Match, Occurrence

log = logging.getLogger(__name__)

# Redact everywhere writes all its boxes in one transaction (see findings.EverywhereSearch).
__all__ = ["Acceptance", "accept", "redact_everywhere_all", "redact_visible"]


@dataclass(frozen=True)
class Acceptance:
    """Suggestions to accept together: with their own suggested grounds (`codes` None) or with
    the grounds the reviewer chose; `note` is the motivation the boxes get."""

    items: tuple[CaseSuggestion, ...]
    codes: tuple[str, ...] | None = None
    note: str = ""


def accept(session: CaseSession, acceptances: Sequence[Acceptance]) -> list[Redaction]:
    """Proposed boxes over the accepted suggestions (all or nothing)."""
    steps: list[Callable[[], list[Redaction]]] = []
    for a in acceptances:
        if not a.items:
            continue
        if a.codes is None or len(a.codes) == 1:
            ground = a.codes[0] if a.codes else None
            steps.append(functools.partial(accept_suggestions, session, a.items, ground, a.note))
        else:
            matches = [_match(cs) for cs in a.items]
            steps.append(functools.partial(propose_boxes, session, matches, a.codes, a.note))
    return _all_or_nothing(session, steps)


def redact_visible(session: CaseSession, findings: Sequence[Finding]) -> list[Redaction]:
    """Propose boxes over the visible occurrences of VISIBLE_ELSEWHERE findings, with the
    grounds and note of a box over a redacted occurrence of the same term (all or nothing)."""
    groups: dict[tuple[tuple[str, ...], str], list[CaseMatch]] = {}
    for finding in findings:
        if finding.kind != VISIBLE_ELSEWHERE:
            continue
        visible = [o for o in finding.occurrences if not o.redacted]
        redacted = [o for o in finding.occurrences if o.redacted]
        if not visible or not redacted:
            continue
        grounds, note = _grounds_of(session, redacted)
        if not grounds:
            continue
        groups.setdefault((grounds, note), []).extend(
            CaseMatch(o.document_id, Match(o.page_index, o.text, o.rects)) for o in visible
        )
    steps = [
        functools.partial(propose_boxes, session, matches, grounds, note)
        for (grounds, note), matches in groups.items()
    ]
    return _all_or_nothing(session, steps)


def _match(cs: CaseSuggestion) -> CaseMatch:
    s = cs.suggestion
    return CaseMatch(cs.document_id, Match(s.page_index, s.text, s.rects, s.start, s.end))


def _grounds_of(
    session: CaseSession, redacted: Sequence[Occurrence]
) -> tuple[tuple[str, ...], str]:
    """The grounds most of the redacted occurrences have, and the note of a box with them."""
    codes = Counter(o.codes for o in redacted if o.codes).most_common(1)
    wanted = codes[0][0] if codes else ()
    for o in redacted:
        if wanted and o.codes != wanted:
            continue
        box = _box_over(session, o)
        if box is not None and (not wanted or set(wanted) <= set(box.grounds)):
            return box.grounds, box.note
    return wanted, ""


def _box_over(session: CaseSession, occurrence: Occurrence) -> Redaction | None:
    """The box covering most of the occurrence."""
    best: tuple[float, Redaction] | None = None
    for red in session.redactions(occurrence.document_id):
        if red.page_index != occurrence.page_index:
            continue
        share = sum(_overlap(r, red.rect) for r in occurrence.rects)
        if share > 0 and (best is None or share > best[0]):
            best = (share, red)
    return best[1] if best else None


def _overlap(a: Rect, b: Rect) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _all_or_nothing(
    session: CaseSession, steps: Sequence[Callable[[], list[Redaction]]]
) -> list[Redaction]:
    created: list[Redaction] = []
    try:
        for step in steps:
            created += step()
    except RedactorError:
        if created:
            try:
                delete_redactions(session, [(r.id, r.version) for r in created])
            except RedactorError:
                log.exception("could not take back %d boxes of a refused action", len(created))
        raise
    return created
