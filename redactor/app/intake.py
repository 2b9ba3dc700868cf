"""Importing one PDF into a case: validate it with the PDF engine, then store it."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.core.document import PdfInfo
from redactor.core.errors import DuplicateDocument, InputError, PdfError
from redactor.core.model import Document
from redactor.pdf.intake import inspect_pdf

if TYPE_CHECKING:
    from redactor.app.session import CaseSession

log = logging.getLogger(__name__)

# Larger sources are refused rather than loaded whole into memory and the database.
MAX_SOURCE_BYTES = 1024 * 1024 * 1024


def read_source(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise PdfError(
                "{name} is larger than 1 GiB; split it before adding it.", name=path.name
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("{path} is a folder, not a PDF file.", path=path) from None
    except PermissionError:
        raise InputError("{path} cannot be read: permission denied.", path=path) from None
    except OSError as exc:
        raise InputError(
            "{path} cannot be read: {reason}.", path=path, reason=exc.strerror or exc
        ) from None


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A file that passed the checks: a usable PDF, not yet in the case."""

    path: Path
    info: PdfInfo


def check_importable(session: CaseSession, path: Path, seen: dict[str, Path]) -> CheckedFile:
    """Validate one file before anything is imported, so that one bad file in a batch leaves
    the case unchanged. `seen` maps the SHA-256 of files checked earlier in the batch."""
    info = inspect_pdf(read_source(path), path.name)
    existing = session.store.find_by_sha256(info.sha256)
    if existing is not None:
        raise DuplicateDocument(
            "{name} is already in the case as document {id} ({existing}, same SHA-256).",
            name=path.name,
            id=existing.id,
            existing=existing.file_name,
        )
    if info.sha256 in seen:
        raise DuplicateDocument(
            "{name} is the same file as {other} (same SHA-256); add it once.",
            name=path.name,
            other=seen[info.sha256].name,
        )
    seen[info.sha256] = path
    return CheckedFile(path, info)


def import_checked(session: CaseSession, checked: CheckedFile) -> Document:
    """Store a checked file; its bytes must still be the ones that were checked."""
    data = read_source(checked.path)
    if hashlib.sha256(data).hexdigest() != checked.info.sha256:
        raise InputError(
            "{name} changed while it was being added; add it again.", name=checked.path.name
        )
    return _store(session, checked.path, data, checked.info)


def import_one(session: CaseSession, path: Path) -> Document:
    data = read_source(path)
    return _store(session, path, data, inspect_pdf(data, path.name))


def _store(session: CaseSession, path: Path, data: bytes, info: PdfInfo) -> Document:
    with session.store.write(session.reviewer) as w:
        doc = w.add_document(
            file_name=path.name,
            data=data,
            sha256=info.sha256,
            page_sizes=[(p.width, p.height, p.rotation) for p in info.pages],
            repaired=info.repaired,
        )
    log.info("imported %s as document %d (%d pages)", path.name, doc.id, doc.page_count)
    if doc.repaired:
        log.info("%s was damaged and repaired while reading", path.name)
    session.remember_source(info.sha256, data)  # for the review window, after the commit
    return doc
