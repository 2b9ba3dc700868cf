"""The records that go with a release: the inventory list and the audit log.

Inventory (`inventarislijst.xlsx` and `.csv`): one row per document with the columns Dutch
publication platforms import. The CSV is what Dutch Excel opens by double-click: UTF-8 with a
byte-order mark (without it Excel reads UTF-8 as Windows-1252) and `;` as the separator (Dutch
Excel's list separator, because the comma is the decimal sign). The ground codes inside a cell
are also separated by `;`; the csv module quotes such cells, so they stay one field.

Audit log (`audit-log.jsonl` and `audit-log.csv`): the JSONL holds one canonical JSON object
per line (sorted keys, no spaces, UTF-8), so the file can be re-hashed and compared; the CSV is
a readable copy with a Dutch/English header.

Text that came from under a box must not reach these records. `refuse_removed_text` checks
the strings that will be written against the terms the redaction removed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.core.errors import ExportError

if TYPE_CHECKING:
    from redactor.export.jobs import AuditEntry

log = logging.getLogger(__name__)

INVENTORY_XLSX = "inventarislijst.xlsx"
INVENTORY_CSV = "inventarislijst.csv"
AUDIT_JSONL = "audit-log.jsonl"
AUDIT_CSV = "audit-log.csv"
RECORD_NAMES = (INVENTORY_XLSX, INVENTORY_CSV, AUDIT_JSONL, AUDIT_CSV)

INVENTORY_COLUMNS = (
    "ID",
    "Document",
    "Datum",
    "Beoordeling",
    "Beoordelingsgrond",
    "Toelichting",
    "Pagina's",
    "Aantal redacties",
    "Geweigerde pagina's",
)
AUDIT_COLUMNS = (
    "Volgnummer / Seq",
    "Tijdstip (UTC) / Time (UTC)",
    "Beoordelaar / Reviewer",
    "Actie / Action",
    "Onderwerp / Target",
    "Voor / Before",
    "Na / After",
    "Hash",
)
CSV_DELIMITER = ";"
GROUND_SEPARATOR = ";"
# Only terms this long are checked: shorter ones ("de", "nr", "12") appear everywhere.
MIN_TERM_LENGTH = 4
# A cell starting with one of these is a formula to Excel (CSV injection); see _csv_text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters that XML 1.0, and so openpyxl, cannot store.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|T)")


@dataclass(frozen=True)
class InventoryRow:
    id: str
    document: str
    date: str | None  # ISO date or None
    judgement: str
    grounds: tuple[str, ...]
    note: str
    pages: int
    redactions: int
    withheld_pages: tuple[int, ...]  # 0-based page indexes; shown 1-based


def page_ranges(indexes: Iterable[int]) -> str:
    """0-based page indexes as 1-based ranges the way people write them: "2, 5-7"."""
    parts: list[str] = []
    run: list[int] = []
    for n in sorted({i + 1 for i in indexes}):
        if run and n != run[-1] + 1:
            parts.append(_run_text(run))
            run = []
        run.append(n)
    if run:
        parts.append(_run_text(run))
    return ", ".join(parts)


def _run_text(run: list[int]) -> str:
    return str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}"


def _inventory_values(row: InventoryRow) -> list[object]:
    return [
        row.id,
        row.document,
        row.date or "",
        row.judgement,
        GROUND_SEPARATOR.join(row.grounds),
        row.note,
        row.pages,
        row.redactions,
        page_ranges(row.withheld_pages),
    ]


def write_inventory(rows: Sequence[InventoryRow], xlsx_path: Path, csv_path: Path) -> None:
    """Write the inventory list as an Excel workbook and as a CSV with the same rows."""
    _write_inventory_xlsx(rows, xlsx_path)
    _write_csv(csv_path, INVENTORY_COLUMNS, (_inventory_values(r) for r in rows))
    log.info("Wrote the inventory of %d documents", len(rows))


def _write_inventory_xlsx(rows: Sequence[InventoryRow], path: Path) -> None:
    # Imported here: the worker processes import this package and never need openpyxl.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.properties.creator = "Redactor"
    ws = wb.active
    ws.title = "Inventarislijst"
    ws.append(list(INVENTORY_COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(_inventory_values(row), start=1):
            cell = ws.cell(row=r, column=c)
            if c == 1 and isinstance(value, str) and value.isdigit():
                cell.value = int(value)  # a numeric ID, so Excel does not flag "number as text"
            elif c == 3 and value and (day := _iso_date(str(value))) is not None:
                cell.value = day
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str):
                cell.value = _ILLEGAL_XML.sub("", value)
                # openpyxl turns a string starting with "=" into a formula; a note is text.
                cell.data_type = "s"
            else:
                cell.value = value
    ws.freeze_panes = "A2"
    widths = (6, 40, 12, 16, 20, 50, 9, 16, 20)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    wb.save(path)


def _iso_date(text: str) -> dt.date | None:
    if not _ISO_DAY.match(text):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _csv_text(value: object) -> str:
    # A leading apostrophe keeps Excel from running a cell such as "=HYPERLINK(...)" as a
    # formula (OWASP "CSV injection"); Excel shows the text without it.
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_text(v) for v in row])


def canonical_json(value: object) -> str:
    """One line of JSON with sorted keys and no spaces: the same data gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def audit_entry_dict(entry: AuditEntry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "reviewer": entry.reviewer,
        "action": entry.action,
        "target": entry.target,
        "before": None if entry.before is None else dict(entry.before),
        "after": None if entry.after is None else dict(entry.after),
        "hash": entry.hash,
    }


def write_audit_log(
    entries: Sequence[AuditEntry],
    jsonl_path: Path,
    csv_path: Path,
    *,
    removed_terms: Mapping[str, Iterable[str]] | None = None,
    identities: Iterable[str] = (),
) -> None:
    """Write the audit log as JSONL and CSV; refuse first if it would show redacted text.

    `removed_terms` maps a document's file name to the terms its redaction removed.
    `identities` are the names of the people who worked on the case (reviewers, exporter): a
    value that is exactly such a name says who acted, it is not document text, so it is not
    checked (in Woo cases the reviewers' own names are often redacted in the documents).
    """
    if removed_terms:
        refuse_removed_text(
            "the audit log",
            _audit_strings(entries, identities),
            TermMatcher.from_documents(removed_terms),
        )
    with open(jsonl_path, "w", encoding="utf-8", newline="\n") as fh:
        for entry in entries:
            fh.write(canonical_json(audit_entry_dict(entry)) + "\n")
    _write_csv(
        csv_path,
        AUDIT_COLUMNS,
        (
            [
                e.seq,
                e.at,
                e.reviewer,
                e.action,
                e.target,
                "" if e.before is None else canonical_json(dict(e.before)),
                "" if e.after is None else canonical_json(dict(e.after)),
                e.hash,
            ]
            for e in entries
        ),
    )
    log.info("Wrote an audit log of %d entries", len(entries))


class TermMatcher:
    """Finds removed terms in text: case-insensitive, as whole words, any whitespace between words.

    Whole words, because a removed "2023" or "Bakker" should not refuse an export over
    "20231" or "Bakkerij"; the terms come from under the boxes, so they are untrusted text
    and are escaped, never used as patterns.
    """

    def __init__(self, terms: Mapping[str, str]) -> None:
        # terms: normalised term -> the document it was removed from
        self._where = {t.casefold(): doc for t, doc in terms.items()}
        self._pattern = None
        if terms:
            parts = sorted(
                (r"\s+".join(re.escape(w) for w in t.split()) for t in terms),
                key=len,
                reverse=True,
            )
            self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)

    @classmethod
    def from_documents(cls, removed: Mapping[str, Iterable[str]]) -> TermMatcher:
        terms: dict[str, str] = {}
        for doc, doc_terms in removed.items():
            for term in doc_terms:
                norm = " ".join(term.split())
                if len(norm) >= MIN_TERM_LENGTH:
                    terms.setdefault(norm, doc)
        return cls(terms)

    def __bool__(self) -> bool:
        return self._pattern is not None

    def find(self, text: str) -> tuple[str, str] | None:
        """The first removed term in `text` and the document it came from, or None."""
        if self._pattern is None:
            return None
        match = self._pattern.search(text)
        if match is None:
            return None
        found = " ".join(match.group(0).split())
        return found, self._where.get(found.casefold(), "a document")


def refuse_removed_text(
    record: str, strings: Iterable[tuple[str, str]], matcher: TermMatcher
) -> None:
    """Raise ExportError when one of `strings` ((where, text) pairs) holds a removed term."""
    if not matcher:
        return
    for where, text in strings:
        hit = matcher.find(text)
        if hit is not None:
            term, doc = hit
            raise ExportError(
                f"{record[0].upper()}{record[1:]} would show text that is redacted in {doc}: "
                f"'{term}' appears in {where}. Nothing was exported; remove that text there "
                "or stop redacting it."
            )


def _audit_strings(
    entries: Iterable[AuditEntry], identities: Iterable[str] = ()
) -> Iterator[tuple[str, str]]:
    # seq, at and hash are written by the program (a number, a timestamp, hex digits): they
    # cannot carry document text, and a redacted year or number would match them by chance.
    people = {" ".join(p.split()).casefold() for p in identities if p}
    for e in entries:
        where = f"entry {e.seq}"
        fields: list[tuple[str, str]] = [
            (f"{where} (reviewer)", e.reviewer),
            (f"{where} (action)", e.action),
            (f"{where} (target)", e.target),
        ]
        for label, mapping in (("before", e.before), ("after", e.after)):
            if mapping is not None:
                fields.extend(
                    (f"{where} ({path})", text) for path, text in _strings_in(mapping, label)
                )
        for place, text in fields:
            if " ".join(text.split()).casefold() not in people:
                yield place, text


def _strings_in(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings_in(item, f"{path}.{key}")
    elif isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(value):
            yield from _strings_in(item, f"{path}[{i}]")


def inventory_strings(rows: Iterable[InventoryRow]) -> Iterator[tuple[str, str]]:
    """The free text of the inventory, for `refuse_removed_text`."""
    for row in rows:
        yield f"the row of document {row.id} (Document)", row.document
        yield f"the row of document {row.id} (Toelichting)", row.note
