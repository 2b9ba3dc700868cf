"""The inventory list and the audit log, read back with openpyxl, csv and json."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from redactor.core.errors import ExportError
from redactor.export.jobs import AuditEntry
from redactor.export.records import (
    AUDIT_COLUMNS,
    INVENTORY_COLUMNS,
    InventoryRow,
    TermMatcher,
    inventory_strings,
    page_ranges,
    refuse_removed_text,
    write_audit_log,
    write_inventory,
)

ROWS = [
    InventoryRow(
        id="1",
        document="Besluit.pdf",
        date="2024-03-05",
        judgement="deels openbaar",
        grounds=("5.1.2e", "5.1.2i"),
        note="Namen; e-mailadressen",
        pages=12,
        redactions=7,
        withheld_pages=(1, 4, 5, 6),
    ),
    InventoryRow(
        id="2a",
        document="Bijlage “één”.pdf",
        date=None,
        judgement="niet openbaar",
        grounds=(),
        note='=HYPERLINK("http://x")\x0bmet stuurteken',
        pages=3,
        redactions=0,
        withheld_pages=(),
    ),
]


def _entry(seq: int, **kw: object) -> AuditEntry:
    base: dict[str, object] = {
        "seq": seq,
        "at": "2024-03-05T10:00:00Z",
        "reviewer": "Piet de Vries",
        "action": "redaction.create",
        "target": f"R{seq}",
        "before": None,
        "after": {"grounds": ["5.1.2e"], "note": "adres", "page_index": 2},
        "hash": "a" * 64,
    }
    base.update(kw)
    return AuditEntry(**base)  # type: ignore[arg-type]


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def test_page_ranges_are_one_based_and_compact() -> None:
    assert page_ranges([]) == ""
    assert page_ranges([0]) == "1"
    assert page_ranges([6, 1, 4, 5, 1, 9, 10]) == "2, 5-7, 10-11"


class TestInventory:
    def test_xlsx_has_the_columns_and_values(self, tmp_path: Path) -> None:
        write_inventory(ROWS, tmp_path / "i.xlsx", tmp_path / "i.csv")
        ws = openpyxl.load_workbook(tmp_path / "i.xlsx").active
        rows = [[c.value for c in r] for r in ws.iter_rows()]
        assert rows[0] == list(INVENTORY_COLUMNS)
        assert rows[1] == [
            1,
            "Besluit.pdf",
            dt.datetime(2024, 3, 5),
            "deels openbaar",
            "5.1.2e;5.1.2i",
            "Namen; e-mailadressen",
            12,
            7,
            "2, 5-7",
        ]
        # A note that looks like a formula stays text; a control character XML cannot hold is gone.
        assert rows[2][:6] == [
            "2a",
            "Bijlage “één”.pdf",
            None,
            "niet openbaar",
            None,
            '=HYPERLINK("http://x")met stuurteken',
        ]
        assert ws.cell(row=3, column=6).data_type == "s"
        assert len(rows) == 3

    def test_csv_is_excel_dutch_and_quotes_the_ground_list(self, tmp_path: Path) -> None:
        write_inventory(ROWS, tmp_path / "i.xlsx", tmp_path / "i.csv")
        rows = _read_csv(tmp_path / "i.csv")
        assert rows[0] == list(INVENTORY_COLUMNS)
        assert rows[1] == [
            "1",
            "Besluit.pdf",
            "2024-03-05",
            "deels openbaar",
            "5.1.2e;5.1.2i",
            "Namen; e-mailadressen",
            "12",
            "7",
            "2, 5-7",
        ]
        # Excel would run a cell starting with "=": the apostrophe makes it text.
        assert rows[2][5] == '\'=HYPERLINK("http://x")\x0bmet stuurteken'
        assert b'"5.1.2e;5.1.2i"' in (tmp_path / "i.csv").read_bytes()
        assert len(rows) == 3

    def test_empty_inventory_still_has_the_header(self, tmp_path: Path) -> None:
        write_inventory([], tmp_path / "i.xlsx", tmp_path / "i.csv")
        assert _read_csv(tmp_path / "i.csv") == [list(INVENTORY_COLUMNS)]
        assert openpyxl.load_workbook(tmp_path / "i.xlsx").active.max_row == 1


class TestAuditLog:
    def test_jsonl_is_canonical_and_csv_readable(self, tmp_path: Path) -> None:
        entries = [
            _entry(1),
            _entry(2, action="redaction.approve", before={"b": 1, "a": "x"}, after=None),
        ]
        write_audit_log(entries, tmp_path / "a.jsonl", tmp_path / "a.csv")
        lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2
        assert lines[1] == (
            '{"action":"redaction.approve","after":null,"at":"2024-03-05T10:00:00Z",'
            '"before":{"a":"x","b":1},"hash":"' + "a" * 64 + '","reviewer":"Piet de Vries",'
            '"seq":2,"target":"R2"}'
        )
        assert json.loads(lines[0])["after"] == {
            "grounds": ["5.1.2e"],
            "note": "adres",
            "page_index": 2,
        }
        rows = _read_csv(tmp_path / "a.csv")
        assert rows[0] == list(AUDIT_COLUMNS)
        assert rows[1][:5] == [
            "1",
            "2024-03-05T10:00:00Z",
            "Piet de Vries",
            "redaction.create",
            "R1",
        ]
        assert rows[1][5] == ""
        assert json.loads(rows[1][6])["note"] == "adres"

    def test_refuses_a_note_holding_a_redacted_name(self, tmp_path: Path) -> None:
        entries = [
            _entry(1),
            _entry(2, after={"note": "adres van mevr. JANSEN-de Wit", "grounds": []}),
        ]
        removed = {"Brief.pdf": ("Jansen-de Wit", "Dorpsstraat 12", "de")}
        with pytest.raises(ExportError) as caught:
            write_audit_log(
                entries, tmp_path / "a.jsonl", tmp_path / "a.csv", removed_terms=removed
            )
        message = str(caught.value)
        assert "redacted in Brief.pdf" in message
        assert "entry 2 (after.note)" in message
        assert not (tmp_path / "a.jsonl").exists()
        assert not (tmp_path / "a.csv").exists()

    def test_finds_terms_in_nested_values_and_across_line_breaks(self, tmp_path: Path) -> None:
        entries = [_entry(5, before={"items": [{"text": "Dorpsstraat\n 12, Urk"}]})]
        with pytest.raises(ExportError, match=r"entry 5 \(before.items\[0\].text\)"):
            write_audit_log(
                entries,
                tmp_path / "a.jsonl",
                tmp_path / "a.csv",
                removed_terms={"x.pdf": ["Dorpsstraat 12"]},
            )

    def test_short_terms_parts_of_words_and_program_fields_pass(self, tmp_path: Path) -> None:
        # "adres" is removed in one document; "adressen" is another word. Terms under four
        # characters are too common to check; the timestamp, hash and seq are the program's.
        entries = [_entry(1, after={"note": "adressen", "grounds": ["5.1.2e"]})]
        removed = {"x.pdf": ["adres", "Urk", "2024", "aaaa", "10"]}
        write_audit_log(entries, tmp_path / "a.jsonl", tmp_path / "a.csv", removed_terms=removed)
        assert (tmp_path / "a.jsonl").exists()

    def test_a_reviewers_own_name_is_not_document_text(self, tmp_path: Path) -> None:
        # Civil servants' names are redacted in Woo documents, and they are also the reviewers.
        entries = [_entry(1, after={"author": "Piet de Vries", "note": "ok"})]
        removed = {"x.pdf": ["Piet de Vries"]}
        write_audit_log(
            entries,
            tmp_path / "a.jsonl",
            tmp_path / "a.csv",
            removed_terms=removed,
            identities={"Piet de Vries"},
        )
        # ... but the same name inside free text is still refused.
        entries = [_entry(1, after={"note": "gesprek met Piet de Vries"})]
        with pytest.raises(ExportError, match=r"entry 1 \(after\.note\)"):
            write_audit_log(
                entries,
                tmp_path / "b.jsonl",
                tmp_path / "b.csv",
                removed_terms=removed,
                identities={"Piet de Vries"},
            )


class TestTermMatcher:
    def test_terms_are_text_not_patterns(self) -> None:
        matcher = TermMatcher.from_documents({"x.pdf": ["a.b*c(", "[1234]"]})
        assert matcher.find("a.b*c( here") == ("a.b*c(", "x.pdf")
        assert matcher.find("axb*c(") is None
        assert matcher.find("id [1234]") == ("[1234]", "x.pdf")

    def test_case_insensitive_whole_words(self) -> None:
        matcher = TermMatcher.from_documents({"x.pdf": ["Bakker"]})
        assert matcher.find("mevrouw bakker") == ("bakker", "x.pdf")
        assert matcher.find("de Bakkerij") is None
        assert matcher.find("Bakker's") == ("Bakker", "x.pdf")

    def test_inventory_free_text_is_checked(self) -> None:
        matcher = TermMatcher.from_documents({"x.pdf": ["Jansen"]})
        rows = [ROWS[0], InventoryRow("3", "Brief aan Jansen.pdf", None, "", (), "", 1, 0, ())]
        with pytest.raises(ExportError, match="the row of document 3 \\(Document\\)"):
            refuse_removed_text("the inventory list", inventory_strings(rows), matcher)
        refuse_removed_text("the inventory list", inventory_strings(ROWS), matcher)
