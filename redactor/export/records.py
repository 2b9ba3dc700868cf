"""The records that go with a release: the inventory list and the audit log.

Inventory (`inventarislijst.xlsx` and `.csv`): one row per document with the columns Dutch
publication platforms import. The CSV is what Dutch Excel opens by double-click: UTF-8 with a
byte-order mark (without it Excel reads UTF-8 as Windows-1252) and `;` as the separator (Dutch
Excel's list separator, because the comma is the decimal sign). The ground codes inside a cell
are also separated by `;`; the csv module quotes such cells, so they stay one field.

Audit log (`audit-log.jsonl` and `audit-log.csv`): the JSONL holds one canonical JSON object
per line (sorted keys, no spaces, UTF-8), so the file can be re-hashed and compared; the CSV is
a readable copy with a Dutch/English header.

Text that came from under a box must not reach these records, and neither may it block a
release: audit events are hash-chained and can never be edited, and a document's file name is
fixed at import. So every removed term (`TermMatcher`) in the free text of a record is replaced
by MASK_MARKER, "[weggelakt]" as Dutch bodies write it, after the last change the text goes
through (an inventory cell is masked once for the CSV and once more as openpyxl stores it).

Masked audit entries and their hashes: each entry keeps the `hash` the case's audit trail gave
it. That hash covers the event as it was recorded (including fields not published here), so it
is the same value the trail verifies against; but an entry whose text was masked no longer holds
the content the hash was computed over. Such an entry carries `"masked": true` in the JSONL (and
"ja / yes" in the CSV's Gemaskeerd / Masked column), so a reader knows why its content and hash
disagree. seq, at and hash are the program's own values and are never masked; neither is a value
that is exactly the name of someone who worked on the case (see `write_audit_log`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

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
    "Gemaskeerd / Masked",
)
AUDIT_MASKED_TEXT = "ja / yes"
# What stands in the records where a removed term stood.
MASK_MARKER = "[weggelakt]"
CSV_DELIMITER = ";"
GROUND_SEPARATOR = ";"
# Only terms this long are masked: shorter ones ("de", "nr", "12") appear everywhere.
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
    # `document` is the name of a PDF delivered under a masked name: the cell counts as masked.
    document_masked: bool = False


@dataclass(frozen=True)
class MaskCounts:
    """Where an export masked removed terms; counts only, never the terms."""

    audit_entries: int = 0  # entries published with "masked": true
    inventory_cells: int = 0  # Document and Toelichting cells that show the marker
    file_names: int = 0  # PDFs delivered under a masked name


class TermMatcher:
    """Finds and masks removed terms: case-insensitive, whole words, any whitespace between words.

    Whole words, because a removed "2023" or "Bakker" must not touch "20231" or "Bakkerij". A
    word ends at any character that is not a letter or digit, the underscore included: file
    names use it between words ("Brief_aan_Bakker.pdf"). The terms come from under the boxes,
    so they are untrusted text: escaped, never used as patterns.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        words = {" ".join(t.split()) for t in terms}
        parts = sorted(
            (
                r"\s+".join(re.escape(w) for w in t.split())
                for t in words
                if len(t) >= MIN_TERM_LENGTH
            ),
            key=lambda part: (-len(part), part),  # the longest first: "Jan Smit" before "Jan"
        )
        self._pattern = (
            re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])", re.IGNORECASE)
            if parts
            else None
        )

    def __bool__(self) -> bool:
        return self._pattern is not None

    def find(self, text: str) -> str | None:
        """The first removed term in `text` (its whitespace made single spaces), or None."""
        if self._pattern is None:
            return None
        match = self._pattern.search(text)
        return None if match is None else " ".join(match.group(0).split())

    def mask(self, text: str) -> tuple[str, int]:
        """`text` with every removed term replaced by MASK_MARKER, and how many were replaced.

        The pieces between the markers are searched again on their own: with a marker as its
        neighbour a piece can hold a term that its old neighbour hid (a term that begins with
        punctuation after a word that was masked). So outside the markers no term is left.
        """
        if self._pattern is None or not text:
            return text, 0
        out: list[str] = []
        count = 0
        todo: list[str | None] = [text]  # a stack, so the leftmost piece comes off first
        while todo:
            piece = todo.pop()
            if piece is None:
                out.append(MASK_MARKER)
                continue
            match = self._pattern.search(piece)
            if match is None:
                out.append(piece)
                continue
            count += 1
            todo += [piece[match.end() :], None, piece[: match.start()]]
        return "".join(out), count

    def shows_term(self, text: str) -> bool:
        """Whether `text` shows a removed term anywhere outside the markers `mask` put in."""
        return self.find(text.replace(MASK_MARKER, "\x00")) is not None


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


# The inventory columns that hold free text, which is masked: Document and Toelichting.
_DOCUMENT_COLUMN = 1
_NOTE_COLUMN = 5


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


def write_inventory(
    rows: Sequence[InventoryRow],
    xlsx_path: Path,
    csv_path: Path,
    matcher: TermMatcher | None = None,
) -> int:
    """Write the inventory list as an Excel workbook and as a CSV with the same rows.

    Removed terms in the Document and Toelichting cells are masked. Returns how many of those
    cells show the marker (a `document_masked` row's Document cell included).
    """
    matcher = matcher if matcher is not None else TermMatcher(())
    csv_rows: list[list[object]] = []
    xlsx_rows: list[list[object]] = []
    masked = 0
    for row in rows:
        values = _inventory_values(row)
        # XML 1.0 cannot hold some control characters; dropping them can join the letters on
        # either side into a term, so the workbook's text is masked after they are gone.
        cells = [_ILLEGAL_XML.sub("", v) if isinstance(v, str) else v for v in values]
        for column in (_DOCUMENT_COLUMN, _NOTE_COLUMN):
            values[column], in_csv = matcher.mask(str(values[column]))
            cells[column], in_xlsx = matcher.mask(str(cells[column]))
            document_masked = column == _DOCUMENT_COLUMN and row.document_masked
            masked += bool(in_csv or in_xlsx or document_masked)
        csv_rows.append(values)
        xlsx_rows.append(cells)
    _write_inventory_xlsx(xlsx_rows, xlsx_path)
    _write_csv(csv_path, INVENTORY_COLUMNS, csv_rows)
    log.info("Wrote the inventory of %d documents (%d cells masked)", len(rows), masked)
    return masked


def _write_inventory_xlsx(rows: Sequence[Sequence[object]], path: Path) -> None:
    """`rows` hold the cell values, their text already fit for XML."""
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
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            if c == 1 and isinstance(value, str) and value.isdigit():
                cell.value = int(value)  # a numeric ID, so Excel does not flag "number as text"
            elif c == 3 and value and (day := _iso_date(str(value))) is not None:
                cell.value = day
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str):
                cell.value = value
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


def audit_entry_dict(entry: AuditEntry, masked: bool = False) -> dict[str, object]:
    """The entry as published; `masked` adds `"masked": true` (see the module docstring)."""
    data: dict[str, object] = {
        "seq": entry.seq,
        "at": entry.at,
        "reviewer": entry.reviewer,
        "action": entry.action,
        "target": entry.target,
        "before": None if entry.before is None else dict(entry.before),
        "after": None if entry.after is None else dict(entry.after),
        "hash": entry.hash,
    }
    if masked:
        data["masked"] = True
    return data


def write_audit_log(
    entries: Sequence[AuditEntry],
    jsonl_path: Path,
    csv_path: Path,
    *,
    matcher: TermMatcher | None = None,
    identities: Iterable[str] = (),
) -> int:
    """Write the audit log as JSONL and CSV with removed terms masked; returns how many entries
    were masked.

    `identities` are the names of the people who worked on the case (reviewers, exporter): a
    value that is exactly such a name says who acted, it is not document text, so it is not
    masked (in Woo cases the reviewers' own names are often redacted in the documents). The
    keys of `before` and `after` are the program's field names and are not masked either.
    """
    people = {" ".join(p.split()).casefold() for p in identities if p}
    published = [_mask_entry(e, matcher, people) if matcher else (e, False) for e in entries]
    with open(jsonl_path, "w", encoding="utf-8", newline="\n") as fh:
        for entry, masked in published:
            fh.write(canonical_json(audit_entry_dict(entry, masked)) + "\n")
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
                AUDIT_MASKED_TEXT if masked else "",
            ]
            for e, masked in published
        ),
    )
    count = sum(masked for _, masked in published)
    log.info("Wrote an audit log of %d entries (%d masked)", len(entries), count)
    return count


def _mask_entry(
    entry: AuditEntry, matcher: TermMatcher, people: set[str]
) -> tuple[AuditEntry, bool]:
    # seq, at and hash are written by the program (a number, a timestamp, hex digits): they
    # cannot carry document text, and a redacted year or number would match them by chance.
    reviewer, n1 = _mask_text(entry.reviewer, matcher, people)
    action, n2 = _mask_text(entry.action, matcher, people)
    target, n3 = _mask_text(entry.target, matcher, people)
    before, n4 = _mask_mapping(entry.before, matcher, people)
    after, n5 = _mask_mapping(entry.after, matcher, people)
    if not n1 + n2 + n3 + n4 + n5:
        return entry, False
    return replace(
        entry, reviewer=reviewer, action=action, target=target, before=before, after=after
    ), True


def _mask_text(text: str, matcher: TermMatcher, people: set[str]) -> tuple[str, int]:
    if " ".join(text.split()).casefold() in people:
        return text, 0
    return matcher.mask(text)


def _mask_mapping(
    mapping: Mapping[str, object] | None, matcher: TermMatcher, people: set[str]
) -> tuple[dict[str, object] | None, int]:
    if mapping is None:
        return None, 0
    out: dict[str, object] = {}
    total = 0
    for key, item in mapping.items():
        out[key], n = _mask_value(item, matcher, people)
        total += n
    return out, total


def _mask_value(value: object, matcher: TermMatcher, people: set[str]) -> tuple[object, int]:
    if isinstance(value, str):
        return _mask_text(value, matcher, people)
    if isinstance(value, Mapping):
        return _mask_mapping(value, matcher, people)
    if isinstance(value, list | tuple):
        items = [_mask_value(item, matcher, people) for item in value]
        return [item for item, _ in items], sum(n for _, n in items)
    return value, 0
