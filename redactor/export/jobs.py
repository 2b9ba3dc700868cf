"""Plain data going into and out of an export. No storage, no PDF engine: the app layer fills
these from the case, the engine and the GUI read them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from redactor.core.errors import ExportError, InputError
from redactor.core.export_model import BoxSpec, RenderOptions, VerificationReport, WithheldPageSpec
from redactor.core.model import Judgement

DocumentStatus = Literal["exported", "listed-only", "failed"]


@dataclass(frozen=True)
class DocumentJob:
    """One document to export, with everything the worker process needs.

    `source` is the original PDF as imported; `source_sha256` the hash stored at import, which
    the export checks again so a file changed on disk is never published.
    """

    document_id: int
    file_name: str  # the original file name; the output gets it, made safe and unique
    source: bytes = field(repr=False)
    source_sha256: str
    boxes: tuple[BoxSpec, ...]
    withheld: tuple[WithheldPageSpec, ...]
    page_count: int
    judgement: str  # "openbaar", "deels openbaar", "niet openbaar", ... or "" if unset
    grounds: tuple[str, ...]  # every ground code used in this document, for the inventory
    note: str  # the inventory's "Toelichting"
    date: str | None  # document date, ISO, or None
    inventory_id: str  # "1", "2", ...

    @property
    def releases_pdf(self) -> bool:
        """Whether a PDF is written; otherwise the document is listed in the inventory only.

        A document without a judgement yet is exported: what the reviewer marked is redacted,
        and the app decides whether an unjudged document may be exported at all.
        """
        if not self.judgement.strip():
            return True
        try:
            return Judgement.parse(self.judgement).releases_pdf
        except InputError as err:
            raise ExportError("{name}: {reason}", name=self.file_name, reason=err) from err


# Documents are exported in parallel, one worker process per core, up to this many: each
# worker holds one document (its source, about 100 MiB of working memory besides), so the cap
# keeps a many-core machine from holding many large sources at once.
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    return max(1, min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1))


@dataclass(frozen=True)
class ExportSettings:
    render: RenderOptions
    exported_by: str
    case_title: str
    tool_version: str  # redactor.__version__
    overwrite: bool = False
    # None: one per CPU, at most MAX_DEFAULT_WORKERS. 0: no worker processes, everything in
    # this process (debugging).
    workers: int | None = None

    @property
    def worker_count(self) -> int:
        return default_workers() if self.workers is None else max(0, self.workers)


@dataclass(frozen=True)
class AuditEntry:
    """One event of the case's audit trail, as written to the audit log."""

    seq: int
    at: str  # ISO 8601, UTC
    reviewer: str
    action: str
    target: str
    before: Mapping[str, object] | None
    after: Mapping[str, object] | None
    hash: str


@dataclass(frozen=True)
class ExportProgress:
    """What the export is doing, for a progress bar.

    `total` is 0 when the number of documents is not known (jobs given as a generator without
    `total=`). `stage` is one of: "redacting" (sent to a worker), "verified" (back, passed),
    "failed", "listed" (inventory only), "records", "delivering", "done".
    """

    done: int
    total: int
    current: str
    stage: str


@dataclass(frozen=True)
class DocumentOutcome:
    inventory_id: str
    file_name: str  # the original file name
    # Where the PDF is delivered (its final, possibly masked, name); None when only listed or
    # when the export failed before the PDFs were named.
    output_path: Path | None
    output_sha256: str | None
    report: VerificationReport | None
    status: DocumentStatus
    document_id: int = 0
    source_sha256: str = ""
    judgement: str = ""
    page_count: int = 0
    box_count: int = 0
    withheld_pages: tuple[int, ...] = ()  # 0-based
    rasterized_pages: tuple[int, ...] = ()  # 0-based
    error: str | None = None  # the sentence, when the document failed


@dataclass(frozen=True)
class ExportResult:
    outdir: Path
    documents: tuple[DocumentOutcome, ...]
    passed: bool
    # The delivered manifest; None when the export failed and nothing was delivered.
    manifest_path: Path | None

    def failures(self) -> tuple[DocumentOutcome, ...]:
        return tuple(d for d in self.documents if d.status == "failed")
