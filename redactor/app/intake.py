"""Importing one PDF into a case: validate it with the PDF engine, then store it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.core.errors import InputError, PdfError
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
            raise PdfError(f"{path.name} is larger than 1 GiB; split it before adding it.")
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a PDF file.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read: permission denied.") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}.") from None


def import_one(session: CaseSession, path: Path) -> Document:
    data = read_source(path)
    info = inspect_pdf(data, path.name)
    with session.store.write(session.reviewer) as w:
        doc = w.add_document(
            file_name=path.name,
            data=data,
            sha256=info.sha256,
            page_sizes=[(p.width, p.height, p.rotation) for p in info.pages],
        )
    log.info("imported %s as document %d (%d pages)", path.name, doc.id, doc.page_count)
    return doc
