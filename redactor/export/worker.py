"""The part of an export that runs in a worker process: one document, redacted and verified.

Kept apart from engine.py so that a spawned worker imports only what it needs (core, pdf and
the verifier), not openpyxl or the records code.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import logging.handlers
import multiprocessing.queues
from dataclasses import dataclass

from redactor.core.errors import ExportError, RedactorError
from redactor.core.export_model import RenderOptions, VerificationReport
from redactor.export.jobs import DocumentJob
from redactor.export.verify import verify_redacted
from redactor.pdf.redact import redact_document

log = logging.getLogger(__name__)


def init_worker(log_queue: multiprocessing.queues.Queue[logging.LogRecord], level: int) -> None:
    """Runs once in each new worker: send the redactor.* log records to the parent process.

    A spawned process starts with no logging set up; without this its warnings would go to
    stderr, past the GUI's log view and the test suite's warning check.
    """
    # A worker left running after a cancel must be able to exit even if nobody reads the queue.
    log_queue.cancel_join_thread()
    logger = logging.getLogger("redactor")
    logger.handlers[:] = [logging.handlers.QueueHandler(log_queue)]
    logger.setLevel(level)
    logger.propagate = False
    tune_garbage_collection()


# A worker allocates millions of short-lived objects per document (operators, glyphs,
# pdfminer's layout objects) while everything imported stays alive: with Python's default
# thresholds the collector keeps re-examining the imported modules (about a sixth of the
# engine's time). Frozen, they are left out; a larger first threshold collects less often.
GC_THRESHOLDS = (20_000, 50, 100)


def tune_garbage_collection() -> None:
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


@dataclass(frozen=True)
class WorkerResult:
    index: int
    pdf: bytes | None  # None when verification failed: failed bytes never leave the worker
    sha256: str | None
    report: VerificationReport
    removed_terms: tuple[str, ...]
    rasterized_pages: tuple[int, ...]


def check_source(job: DocumentJob) -> None:
    """Refuse a source whose bytes no longer match the SHA-256 stored at import."""
    actual = hashlib.sha256(job.source).hexdigest()
    if actual != job.source_sha256.strip().lower():
        raise ExportError(
            "Cannot export: the source of {name} no longer matches its stored SHA-256 "
            "(stored {stored}…, now {actual}…); it was changed or damaged "
            "after import. Nothing was exported.",
            name=job.file_name,
            stored=job.source_sha256[:12],
            actual=actual[:12],
        )


def process_document(index: int, job: DocumentJob, options: RenderOptions) -> WorkerResult:
    """Redact, then verify independently. Runs in a worker process (or inline when workers=0)."""
    check_source(job)
    try:
        redacted = redact_document(job.source, job.boxes, job.withheld, options)
        report = verify_redacted(
            redacted.pdf, job.boxes, job.withheld, redacted.removed_terms, options, job.page_count
        )
    except RedactorError as err:
        # The engine's sentences speak of "the PDF" or "page 3": say which document.
        raise ExportError(
            "{name} could not be exported: {reason}", name=job.file_name, reason=err
        ) from err
    passed = bool(report.passed)
    log.debug("%s: %s", job.file_name, "verified" if passed else "FAILED verification")
    return WorkerResult(
        index=index,
        pdf=redacted.pdf if passed else None,
        sha256=hashlib.sha256(redacted.pdf).hexdigest() if passed else None,
        report=report,
        removed_terms=tuple(redacted.removed_terms),
        rasterized_pages=tuple(redacted.rasterized_pages),
    )
