"""The tamper-evident audit trail: an append-only, hash-chained list of events.

Each event's hash covers a canonical JSON serialisation of the event and its predecessor's
hash, so editing, deleting, inserting or reordering events breaks the chain. Events carry
full before/after snapshots of the decision they record, so the chain can also be replayed
and compared with the current tables: a decision changed in the database without its event
is found too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from redactor.core.model import AuditEvent
from redactor.store.schema import audit_events, audit_head

GENESIS = "0" * 64
# Actions that record something that happened rather than a decision stored in the tables.
FACT_ACTIONS = frozenset({"export", "suggestion-dismissed", "suggestion-accepted", "ocr"})


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(
    *,
    seq: int,
    at: str,
    reviewer: str,
    db_role: str | None,
    action: str,
    target: str,
    document_id: int | None,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    prev_hash: str,
) -> str:
    body = canonical_json(
        {
            "seq": seq,
            "at": at,
            "reviewer": reviewer,
            "db_role": db_role,
            "action": action,
            "target": target,
            "document_id": document_id,
            "before": before,
            "after": after,
            "prev": prev_hash,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def init_chain(conn: Connection) -> None:
    conn.execute(insert(audit_head).values(id=1, seq=0, hash=GENESIS))


def lock_head(conn: Connection) -> None:
    """Lock the chain head for the rest of the transaction (FOR UPDATE; a no-op on SQLite)."""
    conn.execute(select(audit_head.c.seq).where(audit_head.c.id == 1).with_for_update()).one()


def append_event(
    conn: Connection,
    *,
    at: str,
    reviewer: str,
    db_role: str | None,
    action: str,
    target: str,
    document_id: int | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (the change and its event commit together)."""
    # FOR UPDATE locks the head row on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises.
    head = conn.execute(select(audit_head).where(audit_head.c.id == 1).with_for_update()).one()
    seq = head.seq + 1
    before_d = dict(before) if before is not None else None
    after_d = dict(after) if after is not None else None
    digest = event_hash(
        seq=seq,
        at=at,
        reviewer=reviewer,
        db_role=db_role,
        action=action,
        target=target,
        document_id=document_id,
        before=before_d,
        after=after_d,
        prev_hash=head.hash,
    )
    conn.execute(
        insert(audit_events).values(
            seq=seq,
            at=at,
            reviewer=reviewer,
            db_role=db_role,
            action=action,
            target=target,
            document_id=document_id,
            before_json=canonical_json(before_d) if before_d is not None else None,
            after_json=canonical_json(after_d) if after_d is not None else None,
            prev_hash=head.hash,
            hash=digest,
        )
    )
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(seq=seq, hash=digest))
    return AuditEvent(
        seq,
        at,
        reviewer,
        db_role,
        action,
        target,
        document_id,
        before_d,
        after_d,
        head.hash,
        digest,
    )


def load_events(conn: Connection, document_id: int | None = None) -> list[AuditEvent]:
    query = select(audit_events).order_by(audit_events.c.seq)
    if document_id is not None:
        query = query.where(audit_events.c.document_id == document_id)
    return [_event(row) for row in conn.execute(query).all()]


def _event(row: Any) -> AuditEvent:
    return AuditEvent(
        seq=row.seq,
        at=row.at,
        reviewer=row.reviewer,
        db_role=row.db_role,
        action=row.action,
        target=row.target,
        document_id=row.document_id,
        before=json.loads(row.before_json) if row.before_json is not None else None,
        after=json.loads(row.after_json) if row.after_json is not None else None,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int | None  # the first event involved, None for state mismatches without an event
    message: str


def check_chain(events: Iterable[AuditEvent], head_seq: int, head_hash: str) -> list[ChainProblem]:
    """Problems with the chain itself: gaps, reordering, edited fields, a moved head."""
    problems: list[ChainProblem] = []
    prev = GENESIS
    expected_seq = 1
    last_seq = 0
    for ev in events:
        if ev.seq != expected_seq:
            problems.append(
                ChainProblem(
                    ev.seq,
                    f"event {ev.seq} follows event {expected_seq - 1}: "
                    f"event {expected_seq} is missing or the order was changed",
                )
            )
            return problems
        if ev.prev_hash != prev:
            problems.append(
                ChainProblem(
                    ev.seq,
                    f"event {ev.seq} does not link to the event before it "
                    "(an event was inserted, deleted or replaced)",
                )
            )
            return problems
        recomputed = event_hash(
            seq=ev.seq,
            at=ev.at,
            reviewer=ev.reviewer,
            db_role=ev.db_role,
            action=ev.action,
            target=ev.target,
            document_id=ev.document_id,
            before=ev.before,
            after=ev.after,
            prev_hash=ev.prev_hash,
        )
        if recomputed != ev.hash:
            problems.append(ChainProblem(ev.seq, f"event {ev.seq} was edited after it was written"))
            return problems
        prev = ev.hash
        last_seq = ev.seq
        expected_seq += 1
    if last_seq != head_seq or prev != head_hash:
        problems.append(
            ChainProblem(
                last_seq + 1 if last_seq < head_seq else last_seq,
                f"the trail ends at event {last_seq} but the case recorded {head_seq} events "
                "(events were removed from or added at the end, or the head was changed)",
            )
        )
    return problems


def replay(events: Iterable[AuditEvent]) -> dict[str, dict[str, Any] | None]:
    """The state of every audited target according to the trail: its last `after` snapshot."""
    state: dict[str, dict[str, Any] | None] = {}
    for ev in events:
        if ev.action in FACT_ACTIONS:
            continue  # these record facts, not decisions with state in the tables
        state[ev.target] = ev.after
    return state


def last_event_seqs(events: Iterable[AuditEvent]) -> dict[str, int]:
    """The seq of the last event that recorded each target (to name it in a mismatch)."""
    return {ev.target: ev.seq for ev in events if ev.action not in FACT_ACTIONS}


def compare_state(
    replayed: Mapping[str, Mapping[str, Any] | None],
    current: Mapping[str, Mapping[str, Any]],
    recorded_by: Mapping[str, int] | None = None,
) -> list[ChainProblem]:
    """Decisions whose current value differs from the trail's (changed without an event)."""
    problems: list[ChainProblem] = []
    for target in sorted(set(replayed) | set(current), key=_target_order):
        want = replayed.get(target)
        have = current.get(target)
        if want is None and have is None:
            continue
        seq = (recorded_by or {}).get(target)
        trail = f"the audit trail (event {seq})" if seq is not None else "the audit trail"
        if want is None:
            problems.append(
                ChainProblem(None, f"{target} exists in the case but no event created it")
            )
        elif have is None:
            problems.append(
                ChainProblem(
                    None, f"{target} was removed from the case without an event; {trail} has it"
                )
            )
        else:
            changed = sorted(k for k in set(want) | set(have) if want.get(k) != have.get(k))
            if changed:
                problems.append(
                    ChainProblem(
                        None,
                        f"{target} differs from {trail} in {', '.join(changed)} "
                        "(changed without an event)",
                    )
                )
    return problems


def _target_order(target: str) -> tuple[str, int, str]:
    digits = "".join(ch for ch in target.split("/")[0] if ch.isdigit())
    return (target[:1], int(digits) if digits else 0, target)


# Events that change what is redacted on a page: their reviewers worked on that page.
PAGE_WORK_ACTIONS = ("box-", "page-decision-", "page-review")


def contributors_by_page(events: Iterable[AuditEvent]) -> dict[tuple[int, int], set[str]]:
    """Who ever drew, changed, deleted or marked something on each (document, page index).

    Taken from the trail rather than from current rows, so that a reviewer who drew a box and
    deleted it again still counts as having worked on that page.
    """
    people: dict[tuple[int, int], set[str]] = {}
    for ev in events:
        if ev.document_id is None or not ev.action.startswith(PAGE_WORK_ACTIONS):
            continue
        page = _page_of(ev)
        if page is not None:
            people.setdefault((ev.document_id, page), set()).add(ev.reviewer)
    return people


def _page_of(ev: AuditEvent) -> int | None:
    """The 0-based page an event is about: from its snapshot, or its D<id>/p<n> target."""
    for snap in (ev.after, ev.before):
        page = snap.get("page") if snap else None
        if isinstance(page, int):
            return page - 1
    if "/p" in ev.target:
        number = ev.target.rsplit("/p", 1)[1]
        if number.isdigit():
            return int(number) - 1
    return None
