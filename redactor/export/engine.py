"""The export pipeline: documents in worker processes, then records, manifest and delivery.

    jobs (lazily) -> worker: check source hash, redact, verify, return the removed terms
    -> parent: write to staging under a neutral name
    -> name the PDFs -> inventory + audit log -> manifest
    -> move everything into the output folder, manifest last.

Only when every document passed verification are the records written and the files moved; on
any failure or cancel the staging folder is removed and nothing looks like a finished export.

Nothing published may show a term that a box removed, from any document of the case: in the
PDFs' file names, the inventory's free text, the audit log and the manifest's case title and
source names every such term is masked (records.MASK_MARKER), and the manifest counts where.
The removed terms are known only when every worker has returned, so the PDFs wait in staging
under neutral names and get their final (safe, unique, masked) names after the last one, in
the case's order.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import logging
import logging.handlers
import multiprocessing
import multiprocessing.context
import multiprocessing.queues
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from pathlib import Path

from redactor.core.errors import Cancelled, ExportError, Message, RedactorError
from redactor.export import delivery, records
from redactor.export.jobs import (
    AuditEntry,
    DocumentJob,
    DocumentOutcome,
    ExportProgress,
    ExportResult,
    ExportSettings,
)
from redactor.export.manifest import build_manifest, sha256_file, utc_now, write_manifest
from redactor.export.worker import WorkerResult, init_worker, process_document

log = logging.getLogger(__name__)

ProgressCallback = Callable[[ExportProgress], None]
# How often the parent looks at the cancel flag while workers are busy.
POLL_SECONDS = 0.1


class ExportFailed(ExportError):
    """Documents failed verification. `result` holds every document's outcome and report."""

    def __init__(self, message: str, /, result: ExportResult, **params: object) -> None:
        super().__init__(message, **params)
        self.result = result


@dataclass
class _Pending:
    """What the parent keeps of a job while its worker runs: everything except the source."""

    index: int
    job_meta: DocumentJob  # the job with its source dropped


@dataclass
class _Run:
    outdir: Path
    settings: ExportSettings
    staging: delivery.Staging
    progress: ProgressCallback | None
    cancelled: Callable[[], bool] | None
    total: int
    outcomes: dict[int, DocumentOutcome] = field(default_factory=dict)
    removed: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # The documents whose PDF got a masked file name (by index).
    masked_names: set[int] = field(default_factory=set)
    done: int = 0

    def report(self, current: str, stage: str) -> None:
        if self.progress is not None:
            self.progress(ExportProgress(self.done, self.total, current, stage))

    def check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("The export was cancelled; nothing was exported.")

    # --- documents ----------------------------------------------------------------------

    def accept(self, index: int, job: DocumentJob) -> _Pending | None:
        """Record a listed-only document, or keep what the parent needs of one to redact."""
        if not job.releases_pdf:
            self.outcomes[index] = _outcome(job, None, None, None, "listed-only")
            self.done += 1
            self.report(job.file_name, "listed")
            return None
        meta = dataclasses.replace(job, source=b"")
        self.report(job.file_name, "redacting")
        return _Pending(index, meta)

    def finish(self, pending: _Pending, result: WorkerResult) -> None:
        job = pending.job_meta
        self.removed[pending.index] = result.removed_terms
        if result.pdf is None:
            self.outcomes[pending.index] = _outcome(
                job, None, None, result.report, "failed", result.rasterized_pages
            )
            self.done += 1
            self.report(job.file_name, "failed")
            return
        # Not under its own name yet: that may hold a term some document removed (named later).
        self.staging.write(_staged_name(pending.index), result.pdf, shown_as=job.file_name)
        self.outcomes[pending.index] = _outcome(
            job, None, result.sha256, result.report, "exported", result.rasterized_pages
        )
        self.done += 1
        self.report(job.file_name, "verified")

    def run_documents(self, jobs: Iterable[DocumentJob]) -> None:
        workers = self.settings.worker_count
        if workers == 0:
            for index, job in enumerate(jobs):
                self.check_cancel()
                pending = self.accept(index, job)
                if pending is not None:
                    self.finish(pending, process_document(index, job, self.settings.render))
            return
        ctx = multiprocessing.get_context("spawn")
        with _worker_logs(ctx) as (log_queue, level):
            pool = cf.ProcessPoolExecutor(
                max_workers=workers,
                mp_context=ctx,
                initializer=init_worker,
                initargs=(log_queue, level),
            )
            self._run_pool(pool, jobs, workers)

    def _run_pool(
        self, pool: cf.ProcessPoolExecutor, jobs: Iterable[DocumentJob], workers: int
    ) -> None:
        in_flight: dict[cf.Future[WorkerResult], _Pending] = {}
        # Bounded: the sources of at most this many documents are in memory at once.
        limit = 2 * workers
        try:
            for index, job in enumerate(jobs):
                self.check_cancel()
                pending = self.accept(index, job)
                if pending is None:
                    continue
                future = pool.submit(process_document, index, job, self.settings.render)
                in_flight[future] = pending
                del job  # the pool holds its own pickled copy until a worker takes it
                while len(in_flight) >= limit:
                    self._collect(in_flight, cf.FIRST_COMPLETED)
            while in_flight:
                self._collect(in_flight, cf.FIRST_COMPLETED)
        except BaseException:
            # Do not wait for documents still being redacted: their results are not wanted.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)

    def _collect(self, in_flight: dict[cf.Future[WorkerResult], _Pending], when: str) -> None:
        done, _ = cf.wait(in_flight, timeout=POLL_SECONDS, return_when=when)
        self.check_cancel()
        for future in done:
            pending = in_flight.pop(future)
            try:
                result = future.result()
            except cf.process.BrokenProcessPool as err:
                names = ", ".join(
                    sorted(
                        {pending.job_meta.file_name}
                        | {p.job_meta.file_name for p in in_flight.values()}
                    )
                )
                raise ExportError(
                    "The PDF engine stopped unexpectedly while exporting {names}; "
                    "nothing was exported.",
                    names=names,
                ) from err
            except RedactorError as err:
                if isinstance(err, ExportError) and pending.job_meta.file_name in str(err):
                    raise
                raise ExportError(
                    "{name}: {reason}", name=pending.job_meta.file_name, reason=err
                ) from err
            except Exception as err:
                err.add_note(f"while exporting {pending.job_meta.file_name}")
                raise
            self.finish(pending, result)

    # --- names and records --------------------------------------------------------------

    def ordered_outcomes(self) -> tuple[DocumentOutcome, ...]:
        return tuple(self.outcomes[i] for i in sorted(self.outcomes))

    def matcher(self) -> records.TermMatcher:
        """Every term any document's redaction removed: none may show in what is published."""
        return records.TermMatcher(t for terms in self.removed.values() for t in terms)

    def name_outputs(self, matcher: records.TermMatcher) -> tuple[DocumentOutcome, ...]:
        """Give each staged PDF its final name, in the case's order; the outcomes with it."""
        taken = {n.casefold() for n in (*records.RECORD_NAMES, delivery.MANIFEST_NAME)}
        names: dict[int, str] = {}
        for index in sorted(self.outcomes):
            outcome = self.outcomes[index]
            if outcome.status != "exported":
                continue
            fallback = f"document-{outcome.inventory_id or outcome.document_id}"
            names[index], masked = _output_name(outcome.file_name, fallback, matcher, taken)
            if masked:
                self.masked_names.add(index)
        # The final names, not the sources' names, are what would overwrite a file already there.
        delivery.refuse_existing(self.outdir, list(names.values()), self.settings.overwrite)
        for index, name in names.items():
            self.staging.rename(_staged_name(index), name)
            self.outcomes[index] = dataclasses.replace(
                self.outcomes[index], output_path=self.outdir / name
            )
        return self.ordered_outcomes()

    def write_records(
        self,
        outcomes: Sequence[DocumentOutcome],
        jobs_meta: Sequence[DocumentJob],
        audit: Sequence[AuditEntry],
        matcher: records.TermMatcher,
    ) -> tuple[dict[str, str], records.MaskCounts]:
        """Write the inventory and audit log into staging: their hashes, and what was masked."""
        rows = [
            _inventory_row(o, j, index in self.masked_names)
            for index, o, j in zip(sorted(self.outcomes), outcomes, jobs_meta, strict=True)
        ]
        self.report("", "records")
        xlsx = self.staging.file(records.INVENTORY_XLSX)
        csv_path = self.staging.file(records.INVENTORY_CSV)
        with delivery.writing(records.INVENTORY_XLSX, self.outdir):
            cells = records.write_inventory(rows, xlsx, csv_path, matcher)
        jsonl = self.staging.file(records.AUDIT_JSONL)
        audit_csv = self.staging.file(records.AUDIT_CSV)
        with delivery.writing(records.AUDIT_JSONL, self.outdir):
            entries = records.write_audit_log(
                audit,
                jsonl,
                audit_csv,
                matcher=matcher,
                identities=_identities(audit, self.settings),
            )
        hashes = {}
        for name in records.RECORD_NAMES:
            delivery.sync_file(self.staging.file(name))
            hashes[name] = sha256_file(self.staging.file(name))
        counts = records.MaskCounts(
            audit_entries=entries, inventory_cells=cells, file_names=len(self.masked_names)
        )
        if counts != records.MaskCounts():
            log.info(
                "Masked removed terms in %d audit entries, %d inventory cells and %d file names",
                counts.audit_entries,
                counts.inventory_cells,
                counts.file_names,
            )
        return hashes, counts


class _Reinject(logging.Handler):
    """Hands a record from a worker to the logger of the same name in this process."""

    def emit(self, record: logging.LogRecord) -> None:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


@contextlib.contextmanager
def _worker_logs(
    ctx: multiprocessing.context.BaseContext,
) -> Iterator[tuple[multiprocessing.queues.Queue[logging.LogRecord], int]]:
    """A queue the workers log into, and a thread here that replays what arrives."""
    log_queue: multiprocessing.queues.Queue[logging.LogRecord] = ctx.Queue()
    listener = logging.handlers.QueueListener(log_queue, _Reinject())
    listener.start()
    try:
        yield log_queue, logging.getLogger("redactor").getEffectiveLevel()
    finally:
        listener.stop()
        log_queue.close()
        log_queue.join_thread()


def _staged_name(index: int) -> str:
    # Never a final name: those end in ".pdf" or are the records' names.
    return f"document-{index}.staged"


def _output_name(
    file_name: str, fallback: str, matcher: records.TermMatcher, taken: set[str]
) -> tuple[str, bool]:
    """The delivered name of a PDF: safe, not in `taken` (then added), no removed term in it.

    Masked after it is made safe (normalising, replacing characters and shortening can all
    change which words it holds) and made safe again (the marker may need the name shortened).
    Whether it was masked comes with it.
    """
    masked, count = matcher.mask(delivery.safe_file_name(file_name, set(), fallback))
    name = delivery.safe_file_name(masked, taken, fallback)
    if matcher.shows_term(name):
        # Shortening a long name to the length limit cut a word down to a removed term.
        taken.discard(name.casefold())
        name = delivery.safe_file_name(matcher.mask(fallback)[0], taken, fallback)
        count += 1
    return name, count > 0


def _identities(audit: Sequence[AuditEntry], settings: ExportSettings) -> set[str]:
    return {e.reviewer for e in audit} | {settings.exported_by}


def _outcome(
    job: DocumentJob,
    output: Path | None,
    sha256: str | None,
    report: object,
    status: str,
    rasterized: tuple[int, ...] = (),
) -> DocumentOutcome:
    return DocumentOutcome(
        inventory_id=job.inventory_id,
        file_name=job.file_name,
        output_path=output,
        output_sha256=sha256,
        report=report,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        document_id=job.document_id,
        source_sha256=job.source_sha256,
        judgement=job.judgement,
        page_count=job.page_count,
        box_count=len(job.boxes),
        withheld_pages=tuple(sorted({w.page_index for w in job.withheld})),
        rasterized_pages=tuple(sorted(rasterized)),
    )


def _inventory_row(
    outcome: DocumentOutcome, job: DocumentJob, name_masked: bool
) -> records.InventoryRow:
    return records.InventoryRow(
        id=job.inventory_id,
        document=outcome.output_path.name if outcome.output_path is not None else job.file_name,
        date=job.date,
        judgement=job.judgement,
        grounds=job.grounds,
        note=job.note,
        pages=job.page_count,
        redactions=len(job.boxes),
        withheld_pages=outcome.withheld_pages,
        document_masked=name_masked,
    )


def _first_failure(outcomes: Sequence[DocumentOutcome]) -> Message:
    """What failed, for the export's error: the first failed document, page and check.
    Check names and details are the manifest's, in English."""
    failed = [o for o in outcomes if o.status == "failed"]
    first = failed[0]
    checks = list(first.report.failures()) if first.report is not None else []
    if not checks:
        head = Message("{name}: verification failed.", name=first.file_name)
    else:
        check = checks[0]
        others: object = (
            Message(" (and {count} more failed checks).", count=len(checks) - 1)
            if len(checks) > 1
            else "."
        )
        detail = check.detail.rstrip(".")
        if check.page_index is None:
            head = Message(
                "{name}: check '{check}' failed: {detail}{others}",
                name=first.file_name,
                check=check.name,
                detail=detail,
                others=others,
            )
        else:
            head = Message(
                "{name}: page {page}, check '{check}' failed: {detail}{others}",
                name=first.file_name,
                page=check.page_index + 1,
                check=check.name,
                detail=detail,
                others=others,
            )
    more: object = (
        Message(" {failed} of {total} documents failed.", failed=len(failed), total=len(outcomes))
        if len(failed) > 1
        else ""
    )
    return Message("{head}{more}", head=head, more=more)


def _metas(jobs: Iterator[DocumentJob], keep: list[DocumentJob]) -> Iterator[DocumentJob]:
    """Pass jobs through, keeping each one's metadata (without the source) for the records."""
    for job in jobs:
        keep.append(dataclasses.replace(job, source=b""))
        yield job


def export_case(
    jobs: Iterable[DocumentJob],
    audit: Sequence[AuditEntry],
    outdir: Path,
    settings: ExportSettings,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    total: int | None = None,
) -> ExportResult:
    """Export every job into `outdir`; see the module docstring.

    `jobs` may be a generator: it is consumed lazily, with at most 2 x workers sources in memory.
    `total` is the number of jobs for progress when `jobs` has no len(). Raises ExportError
    (ExportFailed when documents failed verification; its `result` has every report),
    Cancelled when `cancelled()` turned true.
    """
    outdir = Path(outdir)
    if total is None:
        total = len(jobs) if isinstance(jobs, Sized) else 0
    created = delivery.prepare_outdir(outdir)
    try:
        delivery.refuse_existing(outdir, records.RECORD_NAMES, settings.overwrite)
        staging = delivery.Staging(outdir)
    except BaseException:
        _remove_if_empty(outdir, created)
        raise
    run = _Run(outdir, settings, staging, progress, cancelled, total)
    try:
        metas: list[DocumentJob] = []
        run.run_documents(_metas(iter(jobs), metas))
        outcomes = run.ordered_outcomes()
        if any(o.status == "failed" for o in outcomes):
            result = ExportResult(outdir, outcomes, passed=False, manifest_path=None)
            raise ExportFailed(
                "{failure} Nothing was exported.", result=result, failure=_first_failure(outcomes)
            )
        run.check_cancel()
        matcher = run.matcher()
        outcomes = run.name_outputs(matcher)
        hashes, masked = run.write_records(outcomes, metas, audit, matcher)
        manifest = build_manifest(settings, outcomes, hashes, utc_now(), matcher, masked)
        manifest_file = staging.file(delivery.MANIFEST_NAME)
        with delivery.writing(delivery.MANIFEST_NAME, outdir):
            write_manifest(manifest, manifest_file)
        delivery.sync_file(manifest_file)
        run.check_cancel()
        run.report("", "delivering")
        names = [o.output_path.name for o in outcomes if o.status == "exported" and o.output_path]
        staging.deliver([*names, *records.RECORD_NAMES], settings.overwrite)
    except BaseException:
        staging.discard()
        _remove_if_empty(outdir, created)
        raise
    run.report("", "done")
    log.info("Exported %d documents into %s", sum(o.status == "exported" for o in outcomes), outdir)
    return ExportResult(
        outdir, outcomes, passed=True, manifest_path=outdir / delivery.MANIFEST_NAME
    )


def _remove_if_empty(outdir: Path, created: bool) -> None:
    if created:
        with contextlib.suppress(OSError):
            outdir.rmdir()
