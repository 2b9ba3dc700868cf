"""A case database: open or create it, read its records, and write through a CaseWriter."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from redactor.core.errors import NotFound, StoreError
from redactor.core.grounds import Catalog, parse_catalog
from redactor.core.model import (
    AuditEvent,
    CaseInfo,
    Document,
    PageDecision,
    PageInfo,
    Redaction,
)
from redactor.store import audit, snapshots
from redactor.store.clock import utc_now
from redactor.store.database import CaseDatabase
from redactor.store.location import CaseLocation, parse_location
from redactor.store.schema import (
    APPLICATION_ID,
    audit_head,
    case_info,
    dismissals,
    document_sources,
    documents,
    page_decisions,
    page_words,
    pages,
    redactions,
)
from redactor.store.writer import CaseWriter

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AuditVerification:
    events: int
    problems: tuple[audit.ChainProblem, ...]
    # The last event's hash: write it down outside the case (a decision letter, a ticket) and
    # a later rewrite of the whole chain by someone with database access shows as a mismatch.
    head_hash: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


# The columns of a PageInfo, in the order of its fields (only those: a page list is read
# whenever a document is shown).
_PAGE_INFO_COLUMNS = (
    pages.c.document_id,
    pages.c.page_index,
    pages.c.width,
    pages.c.height,
    pages.c.rotation,
    pages.c.reviewed_by,
    pages.c.confirmed_by,
    pages.c.version,
)


class CaseStore:
    """One case database. Reads return immutable records; writes go through `write()`."""

    def __init__(self, db: CaseDatabase) -> None:
        self.db = db
        self._catalog: Catalog | None = None
        # Every pooled connection logs in with the same credentials, so the role is asked once.
        self._role: str | None = None

    # -- opening --------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        location: str | CaseLocation,
        *,
        title: str,
        catalog: Catalog,
        four_eyes: bool,
        reviewer: str,
    ) -> CaseStore:
        loc = parse_location(location) if isinstance(location, str) else location
        db = CaseDatabase.connect(loc, create=True)
        try:
            if db.has_table("case_info"):
                raise StoreError("{where} already holds a Redactor case.", where=loc.display)
            if not loc.is_sqlite and db.has_table("alembic_version"):
                raise StoreError(
                    "The database {where} is not empty; use a new database.", where=loc.display
                )
            db.enable_wal()
            db.migrate()
            store = cls(db)
            with db.transaction() as conn:
                now = utc_now()
                role = store._db_role(conn)
                reviewer = role or reviewer  # on PostgreSQL the role is the identity
                conn.execute(
                    insert(case_info).values(
                        id=1,
                        application=APPLICATION_ID,
                        uid=uuid.uuid4().hex,
                        title=title,
                        catalog_id=catalog.id,
                        catalog_text=catalog.source_text,
                        four_eyes=four_eyes,
                        created_at=now,
                        created_by=reviewer,
                        version=1,
                    )
                )
                audit.init_chain(conn)
                row = conn.execute(select(case_info)).one()
                audit.append_event(
                    conn,
                    at=now,
                    reviewer=reviewer,
                    db_role=role,
                    action="case-created",
                    target="case",
                    after=snapshots.case_snapshot(row),
                )
        except BaseException:
            db.close()
            if loc.path is not None and loc.path.exists():
                _remove_sqlite(loc)
            raise
        return store

    @classmethod
    def open(cls, location: str | CaseLocation) -> CaseStore:
        loc = parse_location(location) if isinstance(location, str) else location
        db = CaseDatabase.connect(loc, create=False)
        try:
            # Recognise the case before writing anything (WAL mode, migrations) into the file.
            if not (db.has_table("case_info") and db.has_table("alembic_version")):
                raise StoreError("{where} is not a Redactor case.", where=loc.display)
            revision = db.check_revision()
            try:
                with db.read() as conn:
                    app = conn.execute(select(case_info.c.application)).scalar_one_or_none()
            except StoreError:
                app = None
            if app != APPLICATION_ID:
                raise StoreError("{where} is not a Redactor case.", where=loc.display)
            db.enable_wal()
            db.migrate(revision)
        except BaseException:
            db.close()
            raise
        return cls(db)

    def close(self) -> None:
        self.db.close()

    @property
    def location(self) -> CaseLocation:
        return self.db.location

    # -- identity -------------------------------------------------------------------------------

    def _db_role(self, conn: Connection) -> str | None:
        if self.location.is_sqlite:
            return None
        if self._role is None:
            self._role = str(conn.execute(text("SELECT current_user")).scalar_one())
        return self._role

    def db_role(self) -> str | None:
        """The database role this session connects as (PostgreSQL), else None."""
        with self.db.read() as conn:
            return self._db_role(conn)

    # -- writing --------------------------------------------------------------------------------

    @contextmanager
    def write(self, reviewer: str) -> Iterator[CaseWriter]:
        """One transaction: all changes made through the writer commit together, with events."""
        catalog = self.catalog  # read before the write lock is taken
        with self.db.transaction() as conn:
            # The chain head first: writers queue here on PostgreSQL (SQLite's BEGIN IMMEDIATE
            # already serialises), so no writer holds a row another needs while it waits for
            # the head (a deadlock), and the checks in CaseWriter see the latest committed rows.
            audit.lock_head(conn)
            yield CaseWriter(conn, reviewer, self._db_role(conn), catalog)

    # -- reading --------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            with self.db.read() as conn:
                row = conn.execute(select(case_info.c.catalog_id, case_info.c.catalog_text)).one()
            self._catalog = parse_catalog(
                row.catalog_text, f"the catalog stored in the case ({row.catalog_id})"
            )
        return self._catalog

    def info(self) -> CaseInfo:
        with self.db.read() as conn:
            row = conn.execute(select(case_info)).one()
        return CaseInfo(
            uid=row.uid,
            title=row.title,
            catalog_id=row.catalog_id,
            four_eyes=bool(row.four_eyes),
            created_at=row.created_at,
            created_by=row.created_by,
            location=self.location.display,
            schema_revision=self.db.revision() or "",
        )

    def head_seq(self) -> int:
        """A counter that grows with every committed change: poll it to see others' edits."""
        with self.db.read() as conn:
            return int(conn.execute(select(audit_head.c.seq)).scalar_one())

    def documents(self) -> list[Document]:
        with self.db.read() as conn:
            rows = conn.execute(select(documents).order_by(documents.c.id)).all()
        return [snapshots.document_from_row(r) for r in rows]

    def document(self, document_id: int) -> Document:
        with self.db.read() as conn:
            row = conn.execute(select(documents).where(documents.c.id == document_id)).one_or_none()
        if row is None:
            raise NotFound("There is no document {id} in this case.", id=document_id)
        return snapshots.document_from_row(row)

    def find_document(self, ref: str | int) -> Document:
        """A document by its id or by its original file name."""
        text_ref = str(ref).strip()
        if text_ref.isdigit():
            return self.document(int(text_ref))
        with self.db.read() as conn:
            rows = conn.execute(select(documents).where(documents.c.file_name == text_ref)).all()
        if not rows:
            raise NotFound(
                "There is no document '{name}' in this case (give its id or file name).",
                name=text_ref,
            )
        if len(rows) > 1:
            ids = ", ".join(str(r.id) for r in rows)
            raise NotFound(
                "Several documents are named '{name}' (ids {ids}); give the id.",
                name=text_ref,
                ids=ids,
            )
        return snapshots.document_from_row(rows[0])

    def find_by_sha256(self, sha256: str) -> Document | None:
        """The document with these exact source bytes, if the case holds it."""
        with self.db.read() as conn:
            row = conn.execute(select(documents).where(documents.c.sha256 == sha256)).one_or_none()
        return snapshots.document_from_row(row) if row is not None else None

    def source(self, document_id: int) -> bytes:
        with self.db.read() as conn:
            data = conn.execute(
                select(document_sources.c.data).where(document_sources.c.document_id == document_id)
            ).scalar_one_or_none()
        if data is None:
            raise NotFound("There is no document {id} in this case.", id=document_id)
        return bytes(data)

    def pages(self, document_id: int) -> list[PageInfo]:
        with self.db.read() as conn:
            rows = conn.execute(
                select(*_PAGE_INFO_COLUMNS)
                .where(pages.c.document_id == document_id)
                .order_by(pages.c.page_index)
            ).all()
        # By position: opening a 1,000-page document reads 1,000 rows before its first page
        # is painted, and looking columns up by name took most of that time.
        return [PageInfo(*row) for row in rows]

    def all_pages(self) -> list[PageInfo]:
        with self.db.read() as conn:
            rows = conn.execute(
                select(*_PAGE_INFO_COLUMNS).order_by(pages.c.document_id, pages.c.page_index)
            ).all()
        return [PageInfo(*row) for row in rows]

    def redactions(
        self, document_id: int | None = None, page_index: int | None = None
    ) -> list[Redaction]:
        query = select(redactions).order_by(
            redactions.c.document_id, redactions.c.page_index, redactions.c.id
        )
        if document_id is not None:
            query = query.where(redactions.c.document_id == document_id)
        if page_index is not None:
            query = query.where(redactions.c.page_index == page_index)
        with self.db.read() as conn:
            rows = conn.execute(query).all()
        return [snapshots.redaction_from_row(r) for r in rows]

    def redaction(self, redaction_id: int) -> Redaction:
        with self.db.read() as conn:
            row = conn.execute(
                select(redactions).where(redactions.c.id == redaction_id)
            ).one_or_none()
        if row is None:
            raise NotFound("There is no box R{id} in this case.", id=redaction_id)
        return snapshots.redaction_from_row(row)

    def page_decisions(self, document_id: int | None = None) -> list[PageDecision]:
        query = select(page_decisions).order_by(
            page_decisions.c.document_id, page_decisions.c.page_index
        )
        if document_id is not None:
            query = query.where(page_decisions.c.document_id == document_id)
        with self.db.read() as conn:
            rows = conn.execute(query).all()
        return [snapshots.page_decision_from_row(r) for r in rows]

    def page_decision(self, decision_id: int) -> PageDecision:
        with self.db.read() as conn:
            row = conn.execute(
                select(page_decisions).where(page_decisions.c.id == decision_id)
            ).one_or_none()
        if row is None:
            raise NotFound("There is no page decision P{id} in this case.", id=decision_id)
        return snapshots.page_decision_from_row(row)

    def page_words(self, document_id: int) -> dict[int, tuple[str, str]]:
        """Stored OCR words per page index: (source, words_json)."""
        with self.db.read() as conn:
            rows = conn.execute(
                select(page_words).where(page_words.c.document_id == document_id)
            ).all()
        return {r.page_index: (r.source, r.words_json) for r in rows}

    def dismissed_keys(self) -> set[str]:
        with self.db.read() as conn:
            return set(conn.execute(select(dismissals.c.key)).scalars())

    def counts(self) -> dict[str, int]:
        with self.db.read() as conn:
            return {
                "documents": conn.execute(select(func.count()).select_from(documents)).scalar_one(),
                "redactions": conn.execute(
                    select(func.count()).select_from(redactions)
                ).scalar_one(),
                "page_decisions": conn.execute(
                    select(func.count()).select_from(page_decisions)
                ).scalar_one(),
            }

    # -- audit ----------------------------------------------------------------------------------

    def page_contributors(self) -> dict[tuple[int, int], set[str]]:
        """Who ever worked on each page (from the audit trail), for the four-eyes checks."""
        with self.db.read() as conn:
            return audit.contributors_by_page(audit.load_events(conn))

    def audit_events(self) -> list[AuditEvent]:
        with self.db.read() as conn:
            return audit.load_events(conn)

    def verify_audit(self) -> AuditVerification:
        """Check the hash chain, then replay it against the current decisions."""
        with self.db.read() as conn:
            events = audit.load_events(conn)
            head = conn.execute(select(audit_head)).one_or_none()
            current = self._current_state(conn)
        if head is None:  # the row every write updates was deleted: nothing to anchor the end
            missing = audit.ChainProblem(None, "the record of the trail's last event was deleted")
            return AuditVerification(len(events), (missing,), "")
        problems = audit.check_chain(events, head.seq, head.hash)
        if not problems:
            replayed = {k: v for k, v in audit.replay(events).items() if not _blank_page(k, v)}
            problems = audit.compare_state(replayed, current, audit.last_event_seqs(events))
        return AuditVerification(len(events), tuple(problems), head.hash)

    def _current_state(self, conn: Connection) -> dict[str, dict[str, Any]]:
        state: dict[str, dict[str, Any]] = {
            "case": snapshots.case_snapshot(conn.execute(select(case_info)).one())
        }
        for row in conn.execute(select(documents)):
            state[f"D{row.id}"] = snapshots.document_snapshot(snapshots.document_from_row(row))
        for row in conn.execute(select(pages)):
            page = snapshots.page_from_row(row)
            target = snapshots.page_target(page.document_id, page.page_index)
            snap = snapshots.page_snapshot(page)
            if not _blank_page(target, snap):
                state[target] = snap
        for row in conn.execute(select(redactions)):
            red = snapshots.redaction_from_row(row)
            state[red.ref] = snapshots.redaction_snapshot(red)
        for row in conn.execute(select(page_decisions)):
            dec = snapshots.page_decision_from_row(row)
            state[dec.ref] = snapshots.page_decision_snapshot(dec)
        return state


def _blank_page(target: str, snap: dict[str, Any] | None) -> bool:
    """Pages nobody reviewed or confirmed have no events; treat them as absent on both sides."""
    return "/p" in target and snap is not None and all(v is None for v in snap.values())


def _remove_sqlite(loc: CaseLocation) -> None:
    assert loc.path is not None
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = loc.path.with_name(loc.path.name + suffix)
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("could not remove %s after a failed case creation", candidate)
