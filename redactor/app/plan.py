"""Bulk redactions from a plan file (JSON), all or nothing.

Format: {"documents": [{"file": "letter.pdf", "redactions": [{"page": 1, "rect": [x0, y0, x1, y1],
"grounds": ["5.1.2e"], "note": "optional"}], "withhold_pages": [{"page": 3, "grounds": ["5.1.1c"]}]}]}
`file` is a document's original file name in the case; rectangles are in displayed page points.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redactor.app.session import CaseSession
from redactor.core.errors import InputError, Message, RedactorError
from redactor.core.geometry import Rect
from redactor.core.model import PageDecisionKind


@dataclass(frozen=True, slots=True)
class PlanResult:
    redactions: int
    withheld_pages: int


def load_plan(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            "The plan {path} cannot be read: {reason}.", path=path, reason=exc.strerror or exc
        ) from None
    except UnicodeDecodeError:
        raise InputError("The plan {path} is not UTF-8 text.", path=path) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            "The plan {path} is not valid JSON: {reason} at line {line}.",
            path=path,
            reason=exc.msg,
            line=exc.lineno,
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError('The plan {path} must be an object with a "documents" list.', path=path)
    return data


def apply_plan(
    session: CaseSession, plan: dict[str, Any], source: str | Message | None = None
) -> PlanResult:
    """Apply every entry in one transaction; the first bad entry rolls all of it back."""
    source = source or Message("the plan")
    by_name: dict[str, list[int]] = {}
    for doc in session.documents():
        by_name.setdefault(doc.file_name, []).append(doc.id)
    count_boxes = count_pages = 0
    with session.store.write(session.reviewer) as w:
        for d_index, entry in enumerate(plan["documents"], start=1):
            where: str | Message = Message(
                "{source}, document entry {index}", source=source, index=d_index
            )
            entry = _mapping(entry, where)
            name = entry.get("file")
            if not isinstance(name, str) or not name:
                raise InputError('{where}: "file" must be a document\'s file name.', where=where)
            ids = by_name.get(name)
            if not ids:
                raise InputError(
                    "{where}: there is no document named '{name}' in the case.",
                    where=where,
                    name=name,
                )
            if len(ids) > 1:
                raise InputError(
                    "{where}: several documents are named '{name}'; rename one first.",
                    where=where,
                    name=name,
                )
            doc_id = ids[0]
            where = Message("{source}, '{name}'", source=source, name=name)
            for r_index, red in enumerate(_list(entry, "redactions", where), start=1):
                spot = Message("{where}, redaction {index}", where=where, index=r_index)
                red = _mapping(red, spot)
                page = _page(red, spot)
                rect = _rect(red.get("rect"), spot)
                grounds = _grounds(red, spot)
                note = red.get("note", "")
                if not isinstance(note, str):
                    raise InputError('{where}: "note" must be text.', where=spot)
                with _located(spot):
                    w.add_redaction(doc_id, page - 1, rect, grounds, note)
                count_boxes += 1
            for p_index, wp in enumerate(_list(entry, "withhold_pages", where), start=1):
                spot = Message("{where}, withheld page {index}", where=where, index=p_index)
                wp = _mapping(wp, spot)
                page = _page(wp, spot)
                grounds = _grounds(wp, spot)
                note = wp.get("note", "")
                with _located(spot):
                    w.set_page_decision(
                        doc_id, page - 1, PageDecisionKind.WITHHELD, grounds, str(note)
                    )
                count_pages += 1
    return PlanResult(count_boxes, count_pages)


@contextmanager
def _located(spot: Message) -> Iterator[None]:
    """Prefix an error raised for one plan entry with where that entry is."""
    try:
        yield
    except RedactorError as exc:
        if not exc.message.startswith(str(spot)):
            exc.prefix(spot)
        raise


def _mapping(value: Any, where: str | Message) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError("{where}: must be a JSON object.", where=where)
    return value


def _list(entry: dict[str, Any], key: str, where: str | Message) -> list[Any]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise InputError('{where}: "{key}" must be a list.', where=where, key=key)
    return value


def _page(entry: dict[str, Any], where: Message) -> int:
    page = entry.get("page")
    if not isinstance(page, int) or isinstance(page, bool) or page < 1:
        raise InputError('{where}: "page" must be a page number starting at 1.', where=where)
    return page


def _rect(value: Any, where: Message) -> Rect:
    if (
        not isinstance(value, list)
        or len(value) != 4
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        or not all(math.isfinite(v) for v in value)
    ):
        raise InputError('{where}: "rect" must be four numbers [x0, y0, x1, y1].', where=where)
    return Rect.normalized(*(float(v) for v in value))


def _grounds(entry: dict[str, Any], where: Message) -> list[str]:
    grounds = entry.get("grounds")
    if not isinstance(grounds, list) or not grounds or not all(isinstance(g, str) for g in grounds):
        raise InputError(
            '{where}: "grounds" must be a non-empty list of ground codes.', where=where
        )
    return grounds
