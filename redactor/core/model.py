"""The domain: what a case holds. Plain, immutable records; the store creates them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from redactor.core.geometry import Rect


class ReviewStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"


# Printed on a page that falls outside the request (Woo practice: "buiten reikwijdte").
OUT_OF_SCOPE_LABEL = "buiten reikwijdte"


class PageDecisionKind(StrEnum):
    WITHHELD = "withheld"  # the whole page is withheld on the given grounds
    OUT_OF_SCOPE = "out_of_scope"  # the page falls outside the request


class Judgement(StrEnum):
    """The document-level judgement of a Woo decision (the inventory's "Beoordeling")."""

    PUBLIC = "openbaar"
    PARTLY_PUBLIC = "deels openbaar"
    NOT_PUBLIC = "niet openbaar"
    ALREADY_PUBLIC = "reeds openbaar"
    DUPLICATE = "dubbel"
    OUT_OF_SCOPE = "buiten reikwijdte"

    @classmethod
    def parse(cls, text: str) -> Judgement:
        key = text.strip().lower().replace("_", " ").replace("-", " ")
        aliases = {
            "public": cls.PUBLIC,
            "partly public": cls.PARTLY_PUBLIC,
            "partially public": cls.PARTLY_PUBLIC,
            "not public": cls.NOT_PUBLIC,
            "already public": cls.ALREADY_PUBLIC,
            "duplicate": cls.DUPLICATE,
            "out of scope": cls.OUT_OF_SCOPE,
        }
        for member in cls:
            if member.value == key:
                return member
        if key in aliases:
            return aliases[key]
        from redactor.core.errors import InputError

        choices = ", ".join(m.value for m in cls)
        raise InputError(
            "Unknown judgement '{judgement}'; choose one of: {choices}.",
            judgement=text,
            choices=choices,
        )

    @property
    def releases_pdf(self) -> bool:
        """Whether the export writes a redacted PDF for a document with this judgement."""
        return self in (Judgement.PUBLIC, Judgement.PARTLY_PUBLIC)


@dataclass(frozen=True, slots=True)
class CaseInfo:
    uid: str
    title: str
    catalog_id: str
    four_eyes: bool
    created_at: str
    created_by: str
    location: str  # file path or URL with the password removed
    schema_revision: str


@dataclass(frozen=True, slots=True)
class PageInfo:
    document_id: int
    page_index: int  # 0-based; users see page_index + 1
    width: float  # displayed size in points
    height: float
    rotation: int
    reviewed_by: str | None = None  # the author marked the page as done
    confirmed_by: str | None = None  # the second reviewer confirmed it
    version: int = 1


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    file_name: str
    sha256: str
    size: int
    page_count: int
    imported_at: str
    imported_by: str
    judgement: Judgement | None = None
    judgement_note: str = ""
    document_date: str | None = None
    version: int = 1
    # MuPDF had to repair the file to read it: content may be missing; check the original.
    repaired: bool = False


@dataclass(frozen=True, slots=True)
class ReviewedDecision:
    """What boxes and page decisions share: grounds, motivation, authorship and review state."""

    id: int
    document_id: int
    page_index: int
    grounds: tuple[str, ...]
    note: str
    author: str
    created_at: str
    updated_by: str
    updated_at: str
    status: ReviewStatus
    reviewed_by: str | None
    reviewed_at: str | None
    reject_reason: str | None
    version: int

    @property
    def contributors(self) -> frozenset[str]:
        """Who shaped the current version: none of them may approve it in four-eyes mode."""
        return frozenset({self.author, self.updated_by})


@dataclass(frozen=True, slots=True)
class Redaction(ReviewedDecision):
    rect: Rect

    @property
    def ref(self) -> str:
        """The id users type: R<n>."""
        return f"R{self.id}"


@dataclass(frozen=True, slots=True)
class PageDecision(ReviewedDecision):
    kind: PageDecisionKind

    @property
    def ref(self) -> str:
        """The id users type: P<n>."""
        return f"P{self.id}"

    @property
    def codes_shown(self) -> tuple[str, ...]:
        """What the export prints on the replaced page: the grounds, or the out-of-scope label
        (such pages are not part of the release, so they are withheld too, marked as such)."""
        if self.kind is PageDecisionKind.WITHHELD:
            return self.grounds
        return (OUT_OF_SCOPE_LABEL,)


ReviewItem = Redaction | PageDecision


@dataclass(frozen=True, slots=True)
class AuditEvent:
    seq: int
    at: str
    reviewer: str
    db_role: str | None
    action: str
    target: str  # e.g. "R12", "P3", "D4", "D4/p7", "case"
    document_id: int | None
    before: dict[str, object] | None
    after: dict[str, object] | None
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class DocumentProgress:
    """Review progress of one document, for lists and the GUI's documents panel."""

    document: Document
    boxes: int
    withheld_pages: int
    pending: int  # items proposed, awaiting review
    rejected: int
    pages_reviewed: int
    pages_confirmed: int
    extra: dict[str, object] = field(default_factory=dict)
