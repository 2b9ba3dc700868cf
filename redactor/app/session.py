"""An open case for one acting reviewer: the use cases shared by the CLI and the GUI.

This is the only place that combines the store with the PDF engine and the export. Front ends
call these methods and show the sentences of the errors they raise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from redactor.app.source_cache import SourceCache
from redactor.core.errors import InputError, NotFound, RuleViolation
from redactor.core.geometry import Rect
from redactor.core.grounds import Catalog, load_catalog
from redactor.core.model import (
    AuditEvent,
    CaseInfo,
    Document,
    DocumentProgress,
    Judgement,
    PageDecision,
    PageDecisionKind,
    PageInfo,
    Redaction,
    ReviewItem,
    ReviewStatus,
)
from redactor.core.reviewer import validate_reviewer
from redactor.store.case_store import AuditVerification, CaseStore
from redactor.store.writer import CaseWriter

log = logging.getLogger(__name__)

# Progress of long work: (done, total, what is being worked on now).
ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class ItemRef:
    kind: str  # "R" (box) or "P" (page decision)
    id: int
    # The version the reviewer looked at: approving it fails if it changed since (R12@3).
    version: int | None = None

    def __str__(self) -> str:
        suffix = f"@{self.version}" if self.version is not None else ""
        return f"{self.kind}{self.id}{suffix}"


def parse_item_ref(text: str) -> ItemRef:
    """'R12' or '12' is box 12; 'P3' is page decision 3; 'R12@3' is box 12 as of version 3."""
    clean = text.strip().upper()
    kind = "R"
    version: int | None = None
    if clean[:1] in ("R", "P"):
        kind, clean = clean[0], clean[1:]
    if "@" in clean:
        clean, _, ver = clean.partition("@")
        if not ver.isdigit():
            clean = ""
        else:
            version = int(ver)
    if not clean.isdigit():
        raise InputError(
            "'{text}' is not an item id; boxes are R<number>, page decisions P<number>, "
            "optionally with @<version>.",
            text=text,
        )
    return ItemRef(kind, int(clean), version)


class CaseSession:
    """A case opened by one reviewer. Cheap to create; close it when done."""

    def __init__(
        self, store: CaseStore, reviewer: str, *, sources: SourceCache | None = None
    ) -> None:
        self.store = store
        self.reviewer = self._effective_reviewer(store, validate_reviewer(reviewer))
        # Where the review window keeps copies of the sources to open by path (None: nowhere).
        self.sources = sources

    @staticmethod
    def _effective_reviewer(store: CaseStore, reviewer: str) -> str:
        # On PostgreSQL each reviewer connects as their own role: the role is the identity,
        # so a typed name cannot impersonate someone else.
        role = store.db_role()
        if role is None:
            return reviewer
        return role

    # -- lifecycle ------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        location: str,
        *,
        reviewer: str,
        title: str = "",
        catalog: str | Path = "woo",
        four_eyes: bool = False,
        sources: SourceCache | None = None,
    ) -> CaseSession:
        cat = load_catalog(catalog)
        name = validate_reviewer(reviewer)
        store = CaseStore.create(
            location,
            title=title or _default_title(location),
            catalog=cat,
            four_eyes=four_eyes,
            reviewer=name,
        )
        return cls(store, name, sources=sources)

    @classmethod
    def open(
        cls, location: str, *, reviewer: str, sources: SourceCache | None = None
    ) -> CaseSession:
        return cls(CaseStore.open(location), reviewer, sources=sources)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> CaseSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading --------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        return self.store.catalog

    def info(self) -> CaseInfo:
        return self.store.info()

    def change_counter(self) -> int:
        """Grows with every change anyone commits to the case; poll it to refresh views."""
        return self.store.head_seq()

    def documents(self) -> list[Document]:
        return self.store.documents()

    def document(self, ref: str | int) -> Document:
        return self.store.find_document(ref)

    def pages(self, document_id: int) -> list[PageInfo]:
        return self.store.pages(document_id)

    def page(self, document_id: int, page_number: int) -> PageInfo:
        """A page by its 1-based number, with a clear error when out of range."""
        doc = self.store.document(document_id)
        if not 1 <= page_number <= doc.page_count:
            raise InputError(
                "{name} has {count} page(s); there is no page {page}.",
                name=doc.file_name,
                count=doc.page_count,
                page=page_number,
            )
        return self.store.pages(document_id)[page_number - 1]

    def source(self, document_id: int) -> bytes:
        return self.store.source(document_id)

    # -- the source cache (viewing only; the export reads the database) -------------------------

    def cached_source(self, document: Document) -> Path | None:
        """The cached copy of a document's source, if there is one of the right size (cheap)."""
        if self.sources is None:
            return None
        return self.sources.lookup(document.sha256, document.size)

    def view_source(self, document_id: int) -> Path | bytes:
        """The source to render from: the cached file, else the database's bytes, which are
        then kept in the cache (once, on the caller's thread) for the next time."""
        if self.sources is None:
            return self.store.source(document_id)
        document = self.store.document(document_id)
        path = self.sources.lookup(document.sha256, document.size)
        if path is not None:
            return path
        data = self.store.source(document_id)
        try:
            path = self.sources.store(document.sha256, data)
        except ValueError:
            # The stored bytes are not what the case says they are: show them (the export's
            # own check refuses them), but never keep them under the wrong name.
            log.warning("the source of document %d does not match its SHA-256", document_id)
            return data
        return path if path is not None else data

    def verify_cached_source(self, document_id: int) -> bool:
        """Whether the cached copy `view_source` gave is the document. False: it was not, or it
        is gone (it is deleted; render again, which re-writes it from the database)."""
        if self.sources is None:
            return True
        sha256 = self.store.document(document_id).sha256
        return self.sources.is_verified(sha256) or self.sources.verify(sha256)

    def remember_source(self, sha256: str, data: bytes) -> None:
        """Keep an imported source in the cache (a failure only costs speed later)."""
        if self.sources is not None:
            self.sources.store(sha256, data)

    def redactions(
        self, document_id: int | None = None, page_index: int | None = None
    ) -> list[Redaction]:
        return self.store.redactions(document_id, page_index)

    def page_decisions(self, document_id: int | None = None) -> list[PageDecision]:
        return self.store.page_decisions(document_id)

    def item(self, ref: ItemRef | str) -> ReviewItem:
        item_ref = parse_item_ref(ref) if isinstance(ref, str) else ref
        if item_ref.kind == "R":
            return self.store.redaction(item_ref.id)
        return self.store.page_decision(item_ref.id)

    def progress(self) -> list[DocumentProgress]:
        """Per document: boxes, withheld pages, what awaits review, pages reviewed/confirmed."""
        reds = self.store.redactions()
        decs = self.store.page_decisions()
        pages_by_doc: dict[int, list[PageInfo]] = {}
        for page in self.store.all_pages():
            pages_by_doc.setdefault(page.document_id, []).append(page)
        result = []
        for doc in self.store.documents():
            items: list[ReviewItem] = [r for r in reds if r.document_id == doc.id]
            items += [d for d in decs if d.document_id == doc.id]
            doc_pages = pages_by_doc.get(doc.id, [])
            result.append(
                DocumentProgress(
                    document=doc,
                    boxes=sum(1 for r in reds if r.document_id == doc.id),
                    withheld_pages=sum(
                        1
                        for d in decs
                        if d.document_id == doc.id and d.kind is PageDecisionKind.WITHHELD
                    ),
                    pending=sum(1 for i in items if i.status is ReviewStatus.PROPOSED),
                    rejected=sum(1 for i in items if i.status is ReviewStatus.REJECTED),
                    pages_reviewed=sum(1 for p in doc_pages if p.reviewed_by),
                    pages_confirmed=sum(1 for p in doc_pages if p.confirmed_by),
                )
            )
        return result

    def audit_events(self) -> list[AuditEvent]:
        return self.store.audit_events()

    def verify_audit(self) -> AuditVerification:
        return self.store.verify_audit()

    # -- documents ------------------------------------------------------------------------------

    def add_documents(
        self, paths: Iterable[Path], progress: ProgressCallback | None = None
    ) -> list[Document]:
        """Import PDFs, each in its own transaction. A folder adds every PDF in it.

        Every file is checked first (a usable PDF, not already in the case, not twice in the
        batch): one bad file raises its error and nothing is imported. Progress counts the
        checks and then the imports (total = 2 x the number of files).
        """
        from redactor.app.intake import CheckedFile, check_importable, import_checked

        files = expand_pdf_paths(paths)
        total = 2 * len(files)
        seen: dict[str, Path] = {}
        checked: list[CheckedFile] = []
        for done, path in enumerate(files):
            if progress:
                progress(done, total, path.name)
            checked.append(check_importable(self, path, seen))
        added: list[Document] = []
        for done, item in enumerate(checked, start=len(files)):
            if progress:
                progress(done, total, item.path.name)
            added.append(import_checked(self, item))
        if progress:
            progress(total, total, "")
        return added

    def set_judgement(
        self,
        document_id: int,
        judgement: Judgement | None,
        note: str | None = None,
        document_date: str | None = None,
        expected_version: int | None = None,
    ) -> Document:
        with self.store.write(self.reviewer) as w:
            return w.set_judgement(document_id, judgement, note, document_date, expected_version)

    # -- boxes ----------------------------------------------------------------------------------

    def add_redaction(
        self, document_id: int, page_index: int, rect: Rect, grounds: Sequence[str], note: str = ""
    ) -> Redaction:
        with self.store.write(self.reviewer) as w:
            return w.add_redaction(document_id, page_index, rect, grounds, note)

    def add_redactions(
        self,
        document_id: int,
        boxes: Sequence[tuple[int, Rect]],
        grounds: Sequence[str],
        note: str = "",
    ) -> list[Redaction]:
        """Several boxes in one transaction (find-and-redact, accepted suggestions)."""
        with self.store.write(self.reviewer) as w:
            return [w.add_redaction(document_id, page, rect, grounds, note) for page, rect in boxes]

    def update_redaction(
        self,
        redaction_id: int,
        expected_version: int | None,
        *,
        rect: Rect | None = None,
        grounds: Sequence[str] | None = None,
        note: str | None = None,
    ) -> Redaction:
        with self.store.write(self.reviewer) as w:
            return w.update_redaction(
                redaction_id, expected_version, rect=rect, grounds=grounds, note=note
            )

    def delete_redaction(self, redaction_id: int, expected_version: int | None) -> Redaction:
        with self.store.write(self.reviewer) as w:
            return w.delete_redaction(redaction_id, expected_version)

    # -- pages ----------------------------------------------------------------------------------

    def withhold_page(
        self, document_id: int, page_index: int, grounds: Sequence[str], note: str = ""
    ) -> PageDecision:
        with self.store.write(self.reviewer) as w:
            return w.set_page_decision(
                document_id, page_index, PageDecisionKind.WITHHELD, grounds, note
            )

    def mark_out_of_scope(self, document_id: int, page_index: int, note: str = "") -> PageDecision:
        with self.store.write(self.reviewer) as w:
            return w.set_page_decision(
                document_id, page_index, PageDecisionKind.OUT_OF_SCOPE, (), note
            )

    def remove_page_decision(self, decision_id: int, expected_version: int | None) -> PageDecision:
        with self.store.write(self.reviewer) as w:
            return w.remove_page_decision(decision_id, expected_version)

    def mark_page_reviewed(
        self, document_id: int, page_index: int, reviewed: bool = True
    ) -> PageInfo:
        with self.store.write(self.reviewer) as w:
            return w.mark_page_reviewed(document_id, page_index, reviewed)

    def confirm_pages(self, pages: Iterable[tuple[int, int]]) -> list[PageInfo]:
        """Confirm pages as reviewed (second reviewer), all in one transaction."""
        with self.store.write(self.reviewer) as w:
            return [w.confirm_page(doc, page) for doc, page in pages]

    # -- review ---------------------------------------------------------------------------------

    def approve(self, refs: Iterable[ItemRef | str]) -> list[ReviewItem]:
        """Approve items, all or none: one refused item leaves every item as it was."""
        parsed = [parse_item_ref(r) if isinstance(r, str) else r for r in refs]
        with self.store.write(self.reviewer) as w:
            return [
                w.review(self._locked_item(w, ref), approve=True, expected_version=ref.version)
                for ref in parsed
            ]

    def reject(self, ref: ItemRef | str, reason: str) -> ReviewItem:
        item_ref = parse_item_ref(ref) if isinstance(ref, str) else ref
        with self.store.write(self.reviewer) as w:
            return w.review(
                self._locked_item(w, item_ref),
                approve=False,
                reason=reason,
                expected_version=item_ref.version,
            )

    @staticmethod
    def _locked_item(w: CaseWriter, ref: ItemRef | str) -> ReviewItem:
        """The item as it is inside the write transaction (not a stale copy)."""
        item_ref = parse_item_ref(ref) if isinstance(ref, str) else ref
        return w.redaction(item_ref.id) if item_ref.kind == "R" else w.page_decision(item_ref.id)

    def awaiting_review(self) -> list[ReviewItem]:
        """Items this reviewer may approve or reject now (not their own in four-eyes mode)."""
        four_eyes = self.info().four_eyes
        items: list[ReviewItem] = [*self.store.redactions(), *self.store.page_decisions()]
        return [
            i
            for i in items
            if i.status is ReviewStatus.PROPOSED
            and not (four_eyes and self.reviewer in i.contributors)
        ]

    def unconfirmed_pages(self) -> list[PageInfo]:
        return [p for p in self.store.all_pages() if p.confirmed_by is None]

    def confirmable_pages(self) -> list[PageInfo]:
        """Unconfirmed pages this reviewer may confirm (in four-eyes mode: not their own work)."""
        pages = self.unconfirmed_pages()
        if not self.info().four_eyes:
            return pages
        workers = self.store.page_contributors()
        return [
            p
            for p in pages
            if p.reviewed_by != self.reviewer
            and self.reviewer not in workers.get((p.document_id, p.page_index), set())
        ]

    def set_four_eyes(self, enabled: bool) -> None:
        with self.store.write(self.reviewer) as w:
            w.set_four_eyes(enabled)

    def require_exportable(self) -> None:
        """Refuse when a four-eyes case still has unapproved items or unconfirmed pages."""
        from redactor.core.rules import export_blockers

        info = self.info()
        items: list[ReviewItem] = [*self.store.redactions(), *self.store.page_decisions()]
        pages = [(p.document_id, p.page_index, p.confirmed_by) for p in self.store.all_pages()]
        blockers = export_blockers(
            four_eyes=info.four_eyes,
            items=items,
            pages=pages,
            page_contributors=self.store.page_contributors() if info.four_eyes else {},
            names={d.id: d.file_name for d in self.store.documents()},
        )
        if blockers:
            raise RuleViolation(
                "Four-eyes rule: export is blocked by {count} open item(s): {items}."
                if len(blockers) <= 5
                else "Four-eyes rule: export is blocked by {count} open item(s): {items} "
                "and {more} more.",
                count=len(blockers),
                items=[b.message for b in blockers[:5]],
                more=len(blockers) - 5,
            )


def expand_pdf_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder stands for every PDF directly in it, sorted by name."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")
            if not found:
                raise InputError("The folder {path} holds no PDF files.", path=path)
            result.extend(found)
        elif path.exists():
            result.append(path)
        else:
            raise NotFound("{path} does not exist.", path=path)
    return result


def _default_title(location: str) -> str:
    if "://" in location:
        return location.rsplit("/", 1)[-1] or "Redactor case"
    return Path(location).stem
