"""The inventory list and the audit log, read back with openpyxl, csv and json; masking."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

import openpyxl

from redactor.export.jobs import AuditEntry
from redactor.export.records import (
    AUDIT_COLUMNS,
    INVENTORY_COLUMNS,
    MASK_MARKER,
    InventoryRow,
    TermMatcher,
    page_ranges,
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
        assert write_inventory([], tmp_path / "i.xlsx", tmp_path / "i.csv") == 0
        assert _read_csv(tmp_path / "i.csv") == [list(INVENTORY_COLUMNS)]
        assert openpyxl.load_workbook(tmp_path / "i.xlsx").active.max_row == 1

    def test_masks_the_document_and_note_cells(self, tmp_path: Path) -> None:
        matcher = TermMatcher(["Jansen", "Bakker", "deels"])
        rows = [
            InventoryRow(
                "1", "Brief aan Jansen.pdf", None, "deels openbaar", ("5.1.2e",), "", 2, 1, ()
            ),
            InventoryRow(
                "2", "Bakkerij.pdf", None, "openbaar", (), "over JANSEN en Bakker", 1, 0, ()
            ),
            # A name already masked when the PDF was named: its cell counts as masked.
            InventoryRow("3", f"Nota {MASK_MARKER}.pdf", None, "", (), "", 1, 0, (), True),
        ]
        count = write_inventory(rows, tmp_path / "i.xlsx", tmp_path / "i.csv", matcher)
        assert count == 3
        csv_rows = _read_csv(tmp_path / "i.csv")
        xlsx_rows = [
            [c.value for c in r]
            for r in openpyxl.load_workbook(tmp_path / "i.xlsx").active.iter_rows()
        ]
        for table in (csv_rows, xlsx_rows):
            assert [r[1] for r in table[1:]] == [
                "Brief aan [weggelakt].pdf",
                "Bakkerij.pdf",  # a whole word only: the bakery is not the name
                "Nota [weggelakt].pdf",
            ]
            assert table[2][5] == "over [weggelakt] en [weggelakt]"
            assert table[1][3] == "deels openbaar"  # only the free text is masked
        assert "jansen" not in (tmp_path / "i.csv").read_text(encoding="utf-8-sig").casefold()

    def test_the_workbook_is_masked_after_dropping_control_characters(self, tmp_path: Path) -> None:
        # XML cannot hold U+0001; without it the workbook would read "Jansen".
        row = InventoryRow("1", "a.pdf", None, "", (), "Jan\x01sen", 1, 0, ())
        count = write_inventory(
            [row], tmp_path / "i.xlsx", tmp_path / "i.csv", TermMatcher(["Jansen"])
        )
        assert count == 1
        assert _read_csv(tmp_path / "i.csv")[1][5] == "Jan\x01sen"  # two words to any reader
        ws = openpyxl.load_workbook(tmp_path / "i.xlsx").active
        assert ws.cell(row=2, column=6).value == MASK_MARKER


class TestAuditLog:
    def test_jsonl_is_canonical_and_csv_readable(self, tmp_path: Path) -> None:
        entries = [
            _entry(1),
            _entry(2, action="redaction.approve", before={"b": 1, "a": "x"}, after=None),
        ]
        assert write_audit_log(entries, tmp_path / "a.jsonl", tmp_path / "a.csv") == 0
        lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2
        # An entry that was not masked has no "masked" field.
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
        assert rows[1][7:] == ["a" * 64, ""]

    def test_masks_a_note_holding_a_redacted_name(self, tmp_path: Path) -> None:
        entries = [
            _entry(1),
            _entry(
                2,
                target="Brief aan Jansen-de Wit.pdf",
                after={"note": "adres van mevr. JANSEN-de Wit", "grounds": []},
                hash="b" * 64,
            ),
        ]
        matcher = TermMatcher(["Jansen-de Wit", "Dorpsstraat 12", "de"])
        count = write_audit_log(entries, tmp_path / "a.jsonl", tmp_path / "a.csv", matcher=matcher)
        assert count == 1
        first, second = (
            json.loads(line) for line in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()
        )
        assert "masked" not in first
        assert second["masked"] is True
        assert second["after"] == {"note": "adres van mevr. [weggelakt]", "grounds": []}
        assert second["target"] == "Brief aan [weggelakt].pdf"
        assert second["hash"] == "b" * 64  # the trail's hash, kept: it says what was recorded
        assert second["reviewer"] == "Piet de Vries"  # "de" is too short to mask
        rows = _read_csv(tmp_path / "a.csv")
        assert [r[8] for r in rows[1:]] == ["", "ja / yes"]
        assert json.loads(rows[2][6])["note"] == "adres van mevr. [weggelakt]"
        for name in ("a.jsonl", "a.csv"):
            assert "jansen" not in (tmp_path / name).read_text("utf-8-sig").casefold()

    def test_masks_nested_values_and_across_line_breaks(self, tmp_path: Path) -> None:
        entries = [
            _entry(
                5,
                before={"items": [{"text": "Dorpsstraat\n 12, Urk"}, ("Dorpsstraat 12", 3)]},
            )
        ]
        matcher = TermMatcher(["Dorpsstraat 12"])
        write_audit_log(entries, tmp_path / "a.jsonl", tmp_path / "a.csv", matcher=matcher)
        (line,) = (tmp_path / "a.jsonl").read_text("utf-8").splitlines()
        assert json.loads(line)["before"] == {
            "items": [{"text": "[weggelakt], Urk"}, ["[weggelakt]", 3]]
        }
        assert "Dorpsstraat" not in (tmp_path / "a.csv").read_text("utf-8-sig")

    def test_short_terms_parts_of_words_and_program_fields_stay(self, tmp_path: Path) -> None:
        # "adres" is removed in one document; "adressen" is another word. Terms under four
        # characters are too common to mask; the timestamp, hash and seq are the program's.
        entries = [_entry(1, after={"note": "adressen", "grounds": ["5.1.2e"]}, hash="2024" * 16)]
        matcher = TermMatcher(["adres", "Urk", "2024", "aaaa", "10"])
        count = write_audit_log(entries, tmp_path / "a.jsonl", tmp_path / "a.csv", matcher=matcher)
        assert count == 0
        (line,) = (tmp_path / "a.jsonl").read_text("utf-8").splitlines()
        assert json.loads(line) == {
            "seq": 1,
            "at": "2024-03-05T10:00:00Z",
            "reviewer": "Piet de Vries",
            "action": "redaction.create",
            "target": "R1",
            "before": None,
            "after": {"note": "adressen", "grounds": ["5.1.2e"]},
            "hash": "2024" * 16,
        }

    def test_a_reviewers_own_name_is_not_document_text(self, tmp_path: Path) -> None:
        # Civil servants' names are redacted in Woo documents, and they are also the reviewers.
        entries = [
            _entry(1, after={"author": "Piet  de Vries", "note": "gesprek met Piet de Vries"})
        ]
        matcher = TermMatcher(["Piet de Vries"])
        count = write_audit_log(
            entries,
            tmp_path / "a.jsonl",
            tmp_path / "a.csv",
            matcher=matcher,
            identities={"Piet de Vries"},
        )
        assert count == 1
        (line,) = (tmp_path / "a.jsonl").read_text("utf-8").splitlines()
        entry = json.loads(line)
        assert entry["reviewer"] == "Piet de Vries"
        # The name as a value says who acted; inside free text it is still masked.
        assert entry["after"] == {"author": "Piet  de Vries", "note": "gesprek met [weggelakt]"}


class TestTermMatcher:
    def test_terms_are_text_not_patterns(self) -> None:
        matcher = TermMatcher(["a.b*c(", "[1234]"])
        assert matcher.find("a.b*c( here") == "a.b*c("
        assert matcher.find("axb*c(") is None
        assert matcher.find("id [1234]") == "[1234]"
        assert matcher.mask("axbbc( a.b*c( [1234]") == ("axbbc( [weggelakt] [weggelakt]", 2)

    def test_case_insensitive_whole_words(self) -> None:
        matcher = TermMatcher(["Bakker"])
        assert matcher.find("mevrouw bakker") == "bakker"
        assert matcher.find("de Bakkerij") is None
        assert matcher.find("Bakker's") == "Bakker"
        assert matcher.mask("de Bakkerij") == ("de Bakkerij", 0)
        assert matcher.mask("mevrouw bakker, BAKKER's bakkerij en Bakkerstraat") == (
            "mevrouw [weggelakt], [weggelakt]'s bakkerij en Bakkerstraat",
            2,
        )

    def test_an_underscore_separates_words(self) -> None:
        matcher = TermMatcher(["Bakker"])
        assert matcher.mask("Brief_aan_Bakker_2024.pdf") == ("Brief_aan_[weggelakt]_2024.pdf", 1)

    def test_any_whitespace_between_the_words_of_a_term(self) -> None:
        matcher = TermMatcher(["Jan  Smit", "Smit"])
        assert matcher.mask("Jan\n\tSmit en smit") == ("[weggelakt] en [weggelakt]", 2)
        assert matcher.mask("JanSmit") == ("JanSmit", 0)

    def test_short_terms_are_not_masked(self) -> None:
        matcher = TermMatcher(["de", "Urk", " "])
        assert not matcher
        assert matcher.mask("de man uit Urk") == ("de man uit Urk", 0)
        assert matcher.find("de man uit Urk") is None

    def test_what_a_masked_neighbour_hid_is_masked_too(self) -> None:
        # "(1234)" right after the word "Jansen" is not a whole word; once Jansen is the
        # marker it would stand alone, so it is masked as well.
        matcher = TermMatcher(["Jansen", "(1234)"])
        assert matcher.find("Jansen(1234)") == "Jansen"
        masked, count = matcher.mask("Jansen(1234)")
        assert (masked, count) == ("[weggelakt][weggelakt]", 2)
        assert not matcher.shows_term(masked)

    def test_the_marker_itself_is_no_term(self) -> None:
        matcher = TermMatcher(["weggelakt", "Jansen"])
        masked, count = matcher.mask("Jansen weggelakt")
        assert (masked, count) == ("[weggelakt] [weggelakt]", 2)
        assert not matcher.shows_term(masked)
        assert matcher.shows_term("Jansen [weggelakt]")

    def test_nothing_but_markers_shows_a_term_after_masking(self) -> None:
        terms = ["Jansen", "Jan Smit", "(1234)", "Dorpsstraat 12", "a.b", "Smit-Bakker"]
        matcher = TermMatcher(terms)
        pieces = [*terms, "jan", "smit", "12", " ", "\n", "-", "(", ")", ".", "_", "x", "ij"]
        rng = random.Random(20240305)
        for _ in range(2000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
            masked, count = matcher.mask(text)
            assert not matcher.shows_term(masked), (text, masked)
            assert masked.count(MASK_MARKER) == count
            assert (count == 0) == (masked == text)
