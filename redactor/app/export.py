"""Export a case: check the review rules, turn the case into plain export jobs, run the engine,
and record the export in the audit trail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from redactor import __version__
from redactor.app.session import CaseSession
from redactor.core.export_model import BoxSpec, LegendEntry, RenderOptions, WithheldPageSpec
from redactor.core.model import Judgement, ReviewItem
from redactor.export.engine import ExportFailed, export_case
from redactor.export.jobs import (
    AuditEntry,
    DocumentJob,
    ExportProgress,
    ExportResult,
    ExportSettings,
)

log = logging.getLogger(__name__)


def legend_for(session: CaseSession, codes: set[str]) -> tuple[LegendEntry, ...]:
    entries = []
    for code in sorted(codes):
        ground = session.catalog.get(code)
        if ground is not None:
            entries.append(LegendEntry(ground.code, ground.label_nl, ground.label_en))
    return tuple(entries)


def build_jobs(session: CaseSession) -> Iterator[DocumentJob]:
    """One job per document, loading each source only when the engine asks for it."""
    reds = session.redactions()
    decisions = session.page_decisions()
    for number, doc in enumerate(session.documents(), start=1):
        doc_reds = [r for r in reds if r.document_id == doc.id]
        doc_decs = [d for d in decisions if d.document_id == doc.id]
        boxes = tuple(BoxSpec(r.page_index, r.rect, r.grounds) for r in doc_reds)
        # Out-of-scope pages are not part of the release: withhold them, marked as such.
        withheld = tuple(WithheldPageSpec(d.page_index, d.codes_shown) for d in doc_decs)
        grounds: list[str] = []
        items: list[ReviewItem] = [*doc_reds, *doc_decs]
        for item in items:
            for code in item.grounds:
                if code not in grounds:
                    grounds.append(code)
        judgement = doc.judgement or _implied_judgement(boxes, withheld, doc.page_count)
        yield DocumentJob(
            document_id=doc.id,
            file_name=doc.file_name,
            source=session.source(doc.id),
            source_sha256=doc.sha256,
            boxes=boxes,
            withheld=withheld,
            page_count=doc.page_count,
            judgement=judgement.value,
            grounds=tuple(grounds),
            note=doc.judgement_note,
            date=doc.document_date,
            inventory_id=str(number),
        )


def _implied_judgement(
    boxes: tuple[BoxSpec, ...], withheld: tuple[WithheldPageSpec, ...], pages: int
) -> Judgement:
    if len(withheld) >= pages:
        return Judgement.NOT_PUBLIC
    if boxes or withheld:
        return Judgement.PARTLY_PUBLIC
    return Judgement.PUBLIC


def audit_entries(session: CaseSession) -> list[AuditEntry]:
    return [
        AuditEntry(
            seq=e.seq,
            at=e.at,
            reviewer=e.reviewer,
            action=e.action,
            target=e.target,
            before=e.before,
            after=e.after,
            hash=e.hash,
        )
        for e in session.audit_events()
    ]


def export(
    session: CaseSession,
    outdir: Path,
    render: RenderOptions,
    *,
    overwrite: bool = False,
    progress: Callable[[ExportProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    with_legend: bool = False,
) -> ExportResult:
    session.require_exportable()
    if with_legend:
        codes = {c for r in session.redactions() for c in r.grounds}
        codes |= {c for d in session.page_decisions() for c in d.grounds}
        render = RenderOptions(
            style=render.style,
            mode=render.mode,
            image_dpi=render.image_dpi,
            legend=legend_for(session, codes),
            language=render.language,
        )
    info = session.info()
    settings = ExportSettings(
        render=render,
        overwrite=overwrite,
        exported_by=session.reviewer,
        case_title=info.title,
        tool_version=__version__,
    )
    details: dict[str, object] = {
        "outdir": str(outdir),
        "mode": render.mode.value,
        "style": render.style.value,
    }
    try:
        result = export_case(
            build_jobs(session),
            audit_entries(session),
            outdir,
            settings,
            progress=progress,
            cancelled=cancelled,
            total=len(session.documents()),
        )
    except ExportFailed as exc:
        # A refused export is a fact worth keeping: which run failed, and on what.
        # Check names and pages only: a check's detail may quote the text it found.
        failed = [
            {"document": doc.file_name, "check": check.name, "page_index": check.page_index}
            for doc in exc.result.documents
            if doc.report is not None
            for check in doc.report.failures()
        ]
        _record(session, {**details, "passed": False, "failed_checks": failed})
        raise
    _record(session, {**details, "documents": len(result.documents), "passed": result.passed})
    return result


def _record(session: CaseSession, details: dict[str, object]) -> None:
    with session.store.write(session.reviewer) as w:
        w.record_export(details)
