"""manifest.json: what was exported, from what, how, by whom, and what the checks found.

Written last, and moved into place last: its presence marks a finished export. Page numbers in
it are 0-based indexes (named `..._page_indexes`), like the `page_index` of the checks.

It is published with the PDFs, so the case title and the documents' source file names are
masked like the records (a removed term becomes records.MASK_MARKER), and `masked` counts what
the export masked: audit entries, inventory cells, PDF file names and these manifest fields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from redactor.export.jobs import DocumentOutcome, ExportSettings
from redactor.export.records import MASK_MARKER, MaskCounts, TermMatcher

log = logging.getLogger(__name__)

TOOL_NAME = "Redactor"
MANIFEST_FORMAT = "redactor-export-manifest"
MANIFEST_VERSION = 1


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def settings_dict(settings: ExportSettings) -> dict[str, object]:
    render = settings.render
    return {
        "style": str(render.style),
        "mode": str(render.mode),
        "image_dpi": render.image_dpi,
        "language": render.language,
        "legend": [
            {"code": e.code, "label_nl": e.label_nl, "label_en": e.label_en} for e in render.legend
        ],
        "overwrite": settings.overwrite,
    }


def _report_json(outcome: DocumentOutcome) -> object:
    if outcome.report is None:
        return None
    data = outcome.report.to_json()
    # The report may give its JSON as text or as a structure; the manifest embeds a structure.
    return json.loads(data) if isinstance(data, str | bytes) else data


def document_dict(outcome: DocumentOutcome, file_name: str | None = None) -> dict[str, object]:
    """The manifest's entry for a document; `file_name` as published (default: the source's)."""
    return {
        "inventory_id": outcome.inventory_id,
        "document_id": outcome.document_id,
        "file_name": outcome.file_name if file_name is None else file_name,
        "judgement": outcome.judgement,
        "status": outcome.status,
        "source_sha256": outcome.source_sha256,
        "output_file": None if outcome.output_path is None else outcome.output_path.name,
        "output_sha256": outcome.output_sha256,
        "page_count": outcome.page_count,
        "box_count": outcome.box_count,
        "withheld_page_indexes": list(outcome.withheld_pages),
        "rasterized_page_indexes": list(outcome.rasterized_pages),
        "verification_passed": None if outcome.report is None else bool(outcome.report.passed),
        "verification": _report_json(outcome),
        "note": _status_note(outcome),
    }


def _status_note(outcome: DocumentOutcome) -> str | None:
    if outcome.status == "listed-only":
        return f"Judged '{outcome.judgement}': listed in the inventory only, no PDF is published."
    if outcome.status == "failed":
        return outcome.error
    return None


def build_manifest(
    settings: ExportSettings,
    outcomes: Sequence[DocumentOutcome],
    records: Mapping[str, str],
    exported_at: str,
    matcher: TermMatcher | None = None,
    masked: MaskCounts | None = None,
) -> dict[str, object]:
    """The manifest as a JSON-ready dict. `records` maps record file names to their SHA-256.

    `matcher` masks the case title and source file names; `masked` is what the records and
    file names had masked, to which the count of those manifest fields is added.
    """
    matcher = matcher if matcher is not None else TermMatcher(())
    masked = masked if masked is not None else MaskCounts()
    title, title_hits = matcher.mask(settings.case_title)
    names = [matcher.mask(o.file_name) for o in outcomes]
    exported = sum(1 for o in outcomes if o.status == "exported")
    listed = sum(1 for o in outcomes if o.status == "listed-only")
    return {
        "format": MANIFEST_FORMAT,
        "format_version": MANIFEST_VERSION,
        "tool": {"name": TOOL_NAME, "version": settings.tool_version},
        "case_title": title,
        "exported_by": settings.exported_by,
        "exported_at": exported_at,
        "settings": settings_dict(settings),
        "passed": all(o.status != "failed" for o in outcomes),
        "summary": {
            "documents": len(outcomes),
            "exported": exported,
            "listed_only": listed,
            "pages_exported": sum(o.page_count for o in outcomes if o.status == "exported"),
            "boxes": sum(o.box_count for o in outcomes if o.status == "exported"),
        },
        "documents": [document_dict(o, name) for o, (name, _) in zip(outcomes, names, strict=True)],
        "records": dict(sorted(records.items())),
        "masked": {
            "marker": MASK_MARKER,
            "audit_entries": masked.audit_entries,
            "inventory_cells": masked.inventory_cells,
            "file_names": masked.file_names,
            "manifest_fields": bool(title_hits) + sum(bool(hits) for _, hits in names),
        },
    }


def write_manifest(manifest: Mapping[str, object], path: Path) -> None:
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    log.info("Wrote %s", path)
