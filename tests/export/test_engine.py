"""export_case end to end: real PDFs through worker processes, checked with independent tools."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import subprocess
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pikepdf
import pymupdf
import pytest
from pdfminer.high_level import extract_text

from redactor import __version__
from redactor.core.errors import Cancelled, ExportError
from redactor.core.export_model import (
    BoxSpec,
    BoxStyle,
    LegendEntry,
    OutputMode,
    RenderOptions,
    WithheldPageSpec,
)
from redactor.core.geometry import Rect
from redactor.export.engine import ExportFailed, export_case
from redactor.export.jobs import (
    AuditEntry,
    DocumentJob,
    DocumentOutcome,
    ExportProgress,
    ExportResult,
    ExportSettings,
)
from tests.helpers import require_tool

SECRET = "Jansen-Bakkerstraat"  # the text every test hides
PAGES = [
    f"Betreft: het verzoek van {SECRET} over de subsidie.",
    "Tweede pagina: geheel geweigerd, vertrouwelijk advies.",
    "Derde pagina: openbaar deel van het besluit.",
]
RECORDS = {"inventarislijst.xlsx", "inventarislijst.csv", "audit-log.jsonl", "audit-log.csv"}
# The module-scoped export: (output folder, its result, every progress event).
Exported = tuple[Path, ExportResult, list[ExportProgress]]


def make_pdf(pages: list[str], image: bytes | None = None) -> bytes:
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), text, fontname="helv", fontsize=11)
        if image is not None:
            page.insert_image(pymupdf.Rect(72, 300, 472, 700), stream=image)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def word_rect(source: bytes, page_index: int, text: str) -> Rect:
    """Where `text` is on the page, as a reviewer would draw the box (displayed points)."""
    doc = pymupdf.open(stream=source, filetype="pdf")
    try:
        (hit,) = doc[page_index].search_for(text)
    finally:
        doc.close()
    return Rect(hit.x0 - 1, hit.y0 - 1, hit.x1 + 1, hit.y1 + 1)


def make_job(
    number: int,
    file_name: str,
    source: bytes,
    judgement: str = "deels openbaar",
    boxes: tuple[BoxSpec, ...] | None = None,
    withheld: tuple[WithheldPageSpec, ...] = (),
    sha256: str | None = None,
    note: str = "",
    page_count: int | None = None,
) -> DocumentJob:
    if page_count is None:
        with pymupdf.open(stream=source, filetype="pdf") as doc:
            page_count = doc.page_count
    if boxes is None:
        boxes = (BoxSpec(0, word_rect(source, 0, SECRET), ("5.1.2e",)),)
    return DocumentJob(
        document_id=number,
        file_name=file_name,
        source=source,
        source_sha256=sha256 or hashlib.sha256(source).hexdigest(),
        boxes=boxes,
        withheld=withheld,
        page_count=page_count,
        judgement=judgement,
        grounds=tuple(
            sorted({c for b in boxes for c in b.codes} | {c for w in withheld for c in w.codes})
        ),
        note=note,
        date="2024-02-29",
        inventory_id=str(number),
    )


def settings(**kw: object) -> ExportSettings:
    base: dict[str, object] = {
        "render": RenderOptions(style=BoxStyle.BLACK, mode=OutputMode.TEXT),
        "exported_by": "Piet de Vries",
        "case_title": "Woo-verzoek subsidies 2024",
        "tool_version": __version__,
    }
    base.update(kw)
    return ExportSettings(**base)  # type: ignore[arg-type]


def output_name(document: DocumentOutcome) -> str:
    """The name `document` was delivered under (the callers expect every one delivered)."""
    assert document.output_path is not None
    return document.output_path.name


AUDIT = (
    AuditEntry(
        1,
        "2024-03-01T09:00:00Z",
        "Piet de Vries",
        "document.import",
        "D1",
        None,
        {"file_name": "brief.pdf"},
        "1" * 64,
    ),
    AuditEntry(
        2,
        "2024-03-01T09:05:00Z",
        "Piet de Vries",
        "redaction.create",
        "R1",
        None,
        {"grounds": ["5.1.2e"], "note": "naam verzoeker"},
        "2" * 64,
    ),
)


def case_jobs() -> list[DocumentJob]:
    letter = make_pdf(PAGES)
    public = make_pdf(["Een openbaar persbericht zonder namen."])
    secret = make_pdf(["Intern memo, geheel niet openbaar."])
    return [
        make_job(1, "brief.pdf", letter, withheld=(WithheldPageSpec(1, ("5.1.2i",)),)),
        make_job(2, "persbericht.pdf", public, judgement="openbaar", boxes=()),
        make_job(3, "memo.pdf", secret, judgement="niet openbaar", boxes=()),
    ]


def assert_nothing_left(outdir: Path) -> None:
    """No manifest, no PDF, no staging folder: nothing that looks like (part of) an export."""
    left = sorted(p.name for p in outdir.iterdir()) if outdir.exists() else []
    assert left == [], left


def all_decoded_bytes(data: bytes) -> bytes:
    """Every object of the file, streams decoded, including objects nothing refers to."""
    chunks = [data]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    chunks.append(obj.read_bytes())
                except pikepdf.PdfError:
                    chunks.append(obj.read_raw_bytes())
            else:
                chunks.append(repr(obj).encode("utf-8", "replace"))
    # Flate streams the object walk could not decode: inflate whatever inflates.
    for start in range(len(data)):
        if data.startswith(b"stream", start):
            body = data[start + 6 : start + 6 + 2_000_000].lstrip(b"\r\n")
            with contextlib.suppress(zlib.error):
                chunks.append(zlib.decompressobj().decompress(body))
    return b"\n".join(chunks)


# --- a finished export ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    outdir = tmp_path_factory.mktemp("export") / "out"
    events: list[ExportProgress] = []
    jobs = case_jobs()
    events.append(ExportProgress(0, 0, jobs[0].source_sha256, "test: source hash of brief.pdf"))
    legend = (LegendEntry("5.1.2e", "Eerbiediging persoonlijke levenssfeer", "Personal privacy"),)
    result = export_case(
        jobs,
        AUDIT,
        outdir,
        settings(render=RenderOptions(style=BoxStyle.WHITE, mode=OutputMode.TEXT, legend=legend)),
        progress=events.append,
    )
    return outdir, result, events


def test_delivers_pdfs_records_and_manifest_only(exported: Exported) -> None:
    outdir, result, _ = exported
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        {"brief.pdf", "persbericht.pdf", "manifest.json"} | RECORDS
    )
    assert result.passed
    assert result.manifest_path == outdir / "manifest.json"
    assert [d.status for d in result.documents] == ["exported", "exported", "listed-only"]
    assert result.documents[2].output_path is None


def test_the_hidden_text_is_gone_for_independent_tools(exported: Exported) -> None:
    outdir, _, _ = exported
    data = (outdir / "brief.pdf").read_bytes()
    text = extract_text(io.BytesIO(data))
    assert "Jansen" not in text and "Bakkerstraat" not in text
    assert "over de subsidie" in text  # the rest stays searchable
    assert "vertrouwelijk advies" not in text  # the withheld page
    assert "Derde pagina" in text
    blob = all_decoded_bytes(data)
    assert b"Jansen" not in blob and b"Bakkerstraat" not in blob
    assert data.count(b"%%EOF") == 1


def test_manifest_describes_the_export(exported: Exported) -> None:
    outdir, result, events = exported
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tool"] == {"name": "Redactor", "version": __version__}
    assert manifest["exported_by"] == "Piet de Vries"
    assert manifest["case_title"] == "Woo-verzoek subsidies 2024"
    assert manifest["exported_at"].endswith("Z")
    assert manifest["passed"] is True
    assert manifest["settings"]["style"] == "white"
    assert manifest["settings"]["mode"] == "text"
    assert manifest["settings"]["image_dpi"] == 200
    assert manifest["settings"]["legend"] == [
        {
            "code": "5.1.2e",
            "label_nl": "Eerbiediging persoonlijke levenssfeer",
            "label_en": "Personal privacy",
        }
    ]
    docs = {d["file_name"]: d for d in manifest["documents"]}
    brief = docs["brief.pdf"]
    assert brief["output_file"] == "brief.pdf"
    assert brief["output_sha256"] == hashlib.sha256((outdir / "brief.pdf").read_bytes()).hexdigest()
    assert brief["source_sha256"] == events[0].current
    assert brief["page_count"] == 3
    assert brief["box_count"] == 1
    assert brief["withheld_page_indexes"] == [1]
    assert brief["status"] == "exported"
    assert brief["verification_passed"] is True
    assert brief["verification"] and all(c["passed"] for c in brief["verification"])
    assert {"name", "passed", "page_index", "detail"} <= set(brief["verification"][0])
    memo = docs["memo.pdf"]
    assert memo["status"] == "listed-only"
    assert memo["output_file"] is None and memo["output_sha256"] is None
    assert "niet openbaar" in memo["note"]
    assert memo["verification"] is None
    assert set(manifest["records"]) == RECORDS
    for name, digest in manifest["records"].items():
        assert hashlib.sha256((outdir / name).read_bytes()).hexdigest() == digest
    assert result.documents[0].output_sha256 == brief["output_sha256"]
    assert manifest["masked"] == {
        "marker": "[weggelakt]",
        "audit_entries": 0,
        "inventory_cells": 0,
        "file_names": 0,
        "manifest_fields": 0,
    }


def test_inventory_lists_every_document(exported: Exported) -> None:
    outdir, _, _ = exported
    ws = openpyxl.load_workbook(outdir / "inventarislijst.xlsx").active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][:8] == [
        "ID",
        "Document",
        "Datum",
        "Beoordeling",
        "Beoordelingsgrond",
        "Toelichting",
        "Pagina's",
        "Aantal redacties",
    ]
    assert [r[:2] + r[3:5] + r[6:] for r in rows[1:]] == [
        [1, "brief.pdf", "deels openbaar", "5.1.2e;5.1.2i", 3, 1, "2"],
        [2, "persbericht.pdf", "openbaar", None, 1, 0, None],
        [3, "memo.pdf", "niet openbaar", None, 1, 0, None],
    ]
    csv_text = (outdir / "inventarislijst.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[1].startswith(
        '1;brief.pdf;2024-02-29;deels openbaar;"5.1.2e;5.1.2i"'
    )


def test_audit_log_is_delivered(exported: Exported) -> None:
    outdir, _, _ = exported
    lines = (outdir / "audit-log.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [1, 2]


def test_progress_counts_every_document(exported: Exported) -> None:
    _, _, events = exported
    events = events[1:]  # the first is the fixture's note
    assert events[-1] == ExportProgress(3, 3, "", "done")
    finished = [e for e in events if e.stage in ("verified", "listed")]
    assert sorted(e.current for e in finished) == ["brief.pdf", "memo.pdf", "persbericht.pdf"]
    assert [e.done for e in events] == sorted(e.done for e in events)
    assert {e.total for e in events} == {3}
    assert [e.stage for e in events][-3:] == ["records", "delivering", "done"]


# --- the pool is fed lazily ----------------------------------------------------------------


def test_a_generator_is_consumed_with_a_bounded_number_in_flight(tmp_path: Path) -> None:
    source = make_pdf(PAGES[:1])
    pulled = 0
    finished = 0
    most_ahead = 0

    def jobs() -> Iterator[DocumentJob]:
        nonlocal pulled, most_ahead
        for n in range(1, 9):
            pulled += 1
            most_ahead = max(most_ahead, pulled - finished)
            yield make_job(n, f"doc{n}.pdf", source)

    def progress(event: ExportProgress) -> None:
        nonlocal finished
        if event.stage == "verified":
            finished += 1

    events: list[ExportProgress] = []

    def on_progress(event: ExportProgress) -> None:
        progress(event)
        events.append(event)

    result = export_case(
        jobs(),
        (),
        tmp_path / "out",
        settings(workers=2),
        on_progress,
        total=8,
    )
    assert result.passed and len(result.documents) == 8
    assert finished == 8
    assert most_ahead <= 2 * 2 + 1  # never more than 2 x workers sources held, plus the one pulled
    assert events[-1].total == 8


def test_unique_safe_names_and_in_process_mode(tmp_path: Path) -> None:
    source = make_pdf(PAGES[:1])
    jobs = [
        make_job(1, "Brief.pdf", source),
        make_job(2, "brief.PDF", source),
        make_job(3, "../../x/CON", source),
    ]
    result = export_case(jobs, (), tmp_path / "out", settings(workers=0))
    names = [output_name(d) for d in result.documents]
    assert names == ["Brief.pdf", "brief (2).pdf", "_CON.pdf"]
    assert all((tmp_path / "out" / n).is_file() for n in names)


# --- failures leave nothing that looks finished --------------------------------------------


def test_a_source_that_changed_is_refused(tmp_path: Path) -> None:
    jobs = case_jobs()
    bad = make_job(4, "gewijzigd.pdf", make_pdf(PAGES), sha256="0" * 64)
    with pytest.raises(
        ExportError, match=r"the source of gewijzigd\.pdf no longer matches its stored SHA-256"
    ):
        export_case([*jobs, bad], AUDIT, tmp_path / "out", settings())
    assert not (tmp_path / "out").exists()  # created by the export, removed again


def test_a_damaged_source_is_refused_by_name(tmp_path: Path) -> None:
    good = make_pdf(PAGES)
    damaged = good[:200] + b"\x00garbage" * 50
    box = BoxSpec(0, Rect(10, 10, 50, 50), ("5.1.2e",))
    job = make_job(1, "kapot.pdf", damaged, boxes=(box,), page_count=3)
    outdir = tmp_path / "out"
    outdir.mkdir()
    with pytest.raises(ExportError, match=r"kapot\.pdf"):
        export_case([make_job(2, "goed.pdf", good), job], AUDIT, outdir, settings())
    assert_nothing_left(outdir)


def test_cancel_removes_everything(tmp_path: Path) -> None:
    source = make_pdf(PAGES[:1])
    jobs = (make_job(n, f"doc{n}.pdf", source) for n in range(1, 7))
    seen: list[ExportProgress] = []
    outdir = tmp_path / "out"
    outdir.mkdir()
    with pytest.raises(Cancelled):
        export_case(
            jobs,
            (),
            outdir,
            settings(),
            seen.append,
            cancelled=lambda: any(e.stage == "verified" for e in seen),
        )
    assert_nothing_left(outdir)
    assert 1 <= sum(e.stage == "verified" for e in seen) < 6


# --- removed terms are masked in everything published -------------------------------------


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def published_texts(outdir: Path) -> list[tuple[str, str]]:
    """(where, text) for every name in the output folder and everything its files hold, read
    the way a reader's tools read them, and as raw bytes."""
    found: list[tuple[str, str]] = []
    for path in sorted(outdir.rglob("*")):
        where = str(path.relative_to(outdir))
        found.append((f"the name {where}", where))
        if not path.is_file():
            continue
        data = path.read_bytes()
        found.append((f"the bytes of {where}", data.decode("latin-1")))
        found.append((f"the UTF-8 of {where}", data.decode("utf-8", "replace")))
        if path.suffix == ".pdf":
            found.append((f"the text of {where}", extract_text(io.BytesIO(data))))
            found.append((f"the objects of {where}", all_decoded_bytes(data).decode("latin-1")))
        elif path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            cells = [str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r]
            found.append((f"the cells of {where}", "\n".join(cells)))
            with zipfile.ZipFile(path) as zf:
                for member in zf.namelist():
                    found.append((f"{member} in {where}", zf.read(member).decode("utf-8")))
        elif path.suffix == ".jsonl":
            for line in data.decode("utf-8").splitlines():
                found.append((f"a line of {where}", "\n".join(_json_strings(json.loads(line)))))
        elif path.suffix == ".json":
            found.append((f"the values of {where}", "\n".join(_json_strings(json.loads(data)))))
    return found


def assert_nowhere(outdir: Path, *words: str) -> None:
    for where, text in published_texts(outdir):
        for word in words:
            assert word.casefold() not in text.casefold(), f"{word!r} in {where}"


def test_removed_terms_in_names_notes_audit_and_title_are_masked(tmp_path: Path) -> None:
    # Every place a removed term can reach the release, all in one case: a file name (of the
    # document that removed it, and of one listed only), an inventory note, the audit trail
    # (a note, and the import of the file), and the case title.
    letter = make_pdf([f"Aan {SECRET}, over de subsidie.", "Met vriendelijke groet."])
    jobs = [
        *case_jobs()[:2],
        make_job(4, f"Brief aan {SECRET}.pdf", letter),
        make_job(5, f"Notitie {SECRET}.pdf", make_pdf(["Notitie."]), "niet openbaar", ()),
    ]
    jobs[1] = make_job(
        2, "persbericht.pdf", make_pdf(["Persbericht."]), "openbaar", (), note=f"over {SECRET}"
    )
    audit = (
        *AUDIT,
        AuditEntry(
            3,
            "2024-03-01T09:06:00Z",
            "Piet de Vries",
            "redaction.update",
            "R1",
            {"note": "naam verzoeker"},
            {"note": f"adres: {SECRET}"},
            "3" * 64,
        ),
        AuditEntry(
            4,
            "2024-03-01T09:07:00Z",
            "Piet de Vries",
            "document.import",
            "D4",
            None,
            {"file_name": f"Brief aan {SECRET}.pdf"},
            "4" * 64,
        ),
    )
    outdir = tmp_path / "out"
    result = export_case(
        jobs, audit, outdir, settings(case_title=f"Woo-verzoek {SECRET}", workers=2)
    )

    assert result.passed
    masked_name = "Brief aan [weggelakt].pdf"
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        {"brief.pdf", "persbericht.pdf", masked_name, "manifest.json"} | RECORDS
    )
    assert result.documents[2].output_path == outdir / masked_name
    assert result.documents[2].file_name == f"Brief aan {SECRET}.pdf"  # for the reviewer
    assert_nowhere(outdir, SECRET, "Jansen", "Bakkerstraat")

    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["case_title"] == "Woo-verzoek [weggelakt]"
    docs = manifest["documents"]
    assert [d["file_name"] for d in docs] == [
        "brief.pdf",
        "persbericht.pdf",
        masked_name,
        "Notitie [weggelakt].pdf",
    ]
    assert docs[2]["output_file"] == masked_name
    assert (
        docs[2]["output_sha256"] == hashlib.sha256((outdir / masked_name).read_bytes()).hexdigest()
    )
    assert manifest["masked"] == {
        "marker": "[weggelakt]",
        "audit_entries": 2,
        "inventory_cells": 3,  # two Document cells, one Toelichting
        "file_names": 1,
        "manifest_fields": 3,  # the case title and two source names
    }

    ws = openpyxl.load_workbook(outdir / "inventarislijst.xlsx").active
    rows = [[c.value for c in r] for r in ws.iter_rows()][1:]
    assert [r[1] for r in rows] == [
        "brief.pdf",
        "persbericht.pdf",
        masked_name,
        "Notitie [weggelakt].pdf",
    ]
    assert rows[1][5] == "over [weggelakt]"
    csv_rows = (outdir / "inventarislijst.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv_rows[3].startswith(f"4;{masked_name};") and "over [weggelakt]" in csv_rows[2]

    entries = [json.loads(x) for x in (outdir / "audit-log.jsonl").read_text("utf-8").splitlines()]
    assert [e.get("masked", False) for e in entries] == [False, False, True, True]
    assert entries[2]["after"] == {"note": "adres: [weggelakt]"}
    assert entries[3]["after"] == {"file_name": masked_name}
    assert [e["hash"] for e in entries] == [a.hash for a in audit]  # never rewritten
    audit_csv = (outdir / "audit-log.csv").read_text(encoding="utf-8-sig").splitlines()
    assert audit_csv[0].endswith(";Hash;Gemaskeerd / Masked")
    assert [line.endswith(";ja / yes") for line in audit_csv[1:]] == [False, False, True, True]

    text = extract_text(io.BytesIO((outdir / masked_name).read_bytes()))
    assert "over de subsidie" in text and "vriendelijke groet" in text


def test_a_term_removed_in_one_document_masks_another_documents_name(tmp_path: Path) -> None:
    # The inventory and the names use every document's removed terms; whole words only.
    source = make_pdf(["Gesprek met Pietersen over de Bakkerij."])
    box = (BoxSpec(0, word_rect(source, 0, "Pietersen"), ("5.1.2e",)),)
    plain = make_pdf(["Een verslag."])
    jobs = [
        make_job(1, "Gespreksverslag.pdf", source, boxes=box),
        make_job(2, "Verslag Pietersen.pdf", plain, "openbaar", ()),
        make_job(3, "Pietersenweg 3.pdf", plain, "openbaar", ()),
        make_job(4, "verslag_pietersen.pdf", plain, "openbaar", ()),
    ]
    result = export_case(jobs, (), tmp_path / "out", settings(workers=0))
    assert [output_name(d) for d in result.documents] == [
        "Gespreksverslag.pdf",
        "Verslag [weggelakt].pdf",
        "Pietersenweg 3.pdf",  # another word
        "verslag_[weggelakt].pdf",
    ]
    assert result.manifest_path is not None
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["masked"]["file_names"] == 2
    assert manifest["masked"]["inventory_cells"] == 2


def test_masked_names_stay_unique_in_the_cases_order(tmp_path: Path) -> None:
    letter = make_pdf([f"Aan {SECRET}, over de subsidie."])
    jobs = [
        make_job(1, f"Brief aan {SECRET}.pdf", letter),
        make_job(2, "Brief aan [weggelakt].PDF", letter),  # named like the marker already
        make_job(3, f"brief aan {SECRET.upper()}.pdf", letter),
    ]
    result = export_case(jobs, (), tmp_path / "out", settings(workers=2))
    names = [output_name(d) for d in result.documents]
    assert names == [
        "Brief aan [weggelakt].pdf",
        "Brief aan [weggelakt] (2).pdf",
        "brief aan [weggelakt] (3).pdf",
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        {*names, "manifest.json"} | RECORDS
    )
    assert result.manifest_path is not None
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert [d["output_file"] for d in manifest["documents"]] == names
    assert manifest["masked"]["file_names"] == 2


def test_a_name_cut_down_to_a_removed_term_gets_a_neutral_name(tmp_path: Path) -> None:
    # Names are cut to 200 bytes. Masking "Jansen12" makes this one 3 bytes longer, and cutting
    # those off would leave "... Pietersen": a removed term, so the neutral name is used.
    source = make_pdf(["Jansen12 sprak met Pietersen."])
    boxes = tuple(
        BoxSpec(0, word_rect(source, 0, word), ("5.1.2e",)) for word in ("Jansen12", "Pietersen")
    )
    name = "Jansen12 " + "x" * 178 + " Pietersenweg.pdf"
    result = export_case(
        [make_job(7, name, source, boxes=boxes)], (), tmp_path / "out", settings(workers=0)
    )
    assert output_name(result.documents[0]) == "document-7.pdf"
    assert result.manifest_path is not None
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["masked"]["file_names"] == 1
    assert_nowhere(tmp_path / "out", "Jansen12")  # "Pietersenweg" is another word


def test_a_masked_name_already_there_is_refused_unless_overwriting(tmp_path: Path) -> None:
    letter = make_pdf([f"Aan {SECRET}, over de subsidie."])
    outdir = tmp_path / "out"
    outdir.mkdir()
    # Someone else's file under the masked name; and one under the source's own name, which
    # the export never writes and so does not refuse.
    (outdir / "Brief aan [weggelakt].pdf").write_bytes(b"someone else's file")
    (outdir / f"Brief aan {SECRET}.pdf").write_bytes(b"another file")
    jobs = [make_job(1, f"Brief aan {SECRET}.pdf", letter)]
    with pytest.raises(
        ExportError, match=r"already holds an export \(Brief aan \[weggelakt\]\.pdf\)"
    ):
        export_case(jobs, (), outdir, settings())
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        ["Brief aan [weggelakt].pdf", f"Brief aan {SECRET}.pdf"]
    )
    assert (outdir / "Brief aan [weggelakt].pdf").read_bytes() == b"someone else's file"

    export_case(jobs, (), outdir, settings(overwrite=True))
    data = (outdir / "Brief aan [weggelakt].pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert (outdir / f"Brief aan {SECRET}.pdf").read_bytes() == b"another file"


# --- overwrite rules -----------------------------------------------------------------------


def test_an_earlier_export_is_kept_unless_overwriting(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    first = export_case(case_jobs(), AUDIT, outdir, settings())
    before = {p.name: p.read_bytes() for p in outdir.iterdir()}
    with pytest.raises(ExportError, match="already holds an export"):
        export_case(case_jobs(), AUDIT, outdir, settings())
    assert {p.name: p.read_bytes() for p in outdir.iterdir()} == before

    jobs = case_jobs()[:1]  # the case lost two documents since
    second = export_case(jobs, AUDIT, outdir, settings(overwrite=True))
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        {"brief.pdf", "manifest.json"} | RECORDS
    )
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    assert [d["file_name"] for d in manifest["documents"]] == ["brief.pdf"]
    assert second.documents[0].output_sha256 != first.documents[0].output_sha256  # fresh file ID


def test_a_pdf_name_already_there_is_refused(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "persbericht.pdf").write_bytes(b"someone else's file")
    with pytest.raises(ExportError, match=r"already holds an export \(persbericht.pdf\)"):
        export_case(case_jobs(), AUDIT, outdir, settings())
    assert sorted(p.name for p in outdir.iterdir()) == ["persbericht.pdf"]
    assert (outdir / "persbericht.pdf").read_bytes() == b"someone else's file"


# --- the environment -----------------------------------------------------------------------


def test_a_read_only_folder_is_refused(read_only_dir: Path) -> None:
    with pytest.raises(ExportError, match="cannot be written to"):
        export_case(case_jobs(), AUDIT, read_only_dir, settings())


def test_a_full_disk_stops_the_export_cleanly(small_disk: Callable[[int], Path]) -> None:
    outdir = small_disk(200)
    # A photo of noise does not compress: the redacted file is bigger than the disk.
    photo = pymupdf.Pixmap(pymupdf.csRGB, 400, 400, os.urandom(400 * 400 * 3), False).tobytes("png")
    source = make_pdf(PAGES[:1], image=photo)
    assert len(source) > 250_000
    with pytest.raises(ExportError) as caught:
        export_case([make_job(1, "foto.pdf", source)], (), outdir, settings())
    assert str(caught.value) == "The disk is full while writing foto.pdf; nothing was exported."
    assert_nothing_left(outdir)


def test_a_document_failing_the_gate_is_not_delivered(tmp_path: Path) -> None:
    # The case says the press release has two pages; the file has one. Nothing is wrong with
    # the redaction itself: the gate compares the result against the case and refuses it.
    jobs = case_jobs()
    jobs[1] = make_job(2, "persbericht.pdf", jobs[1].source, "openbaar", (), page_count=2)
    outdir = tmp_path / "out"
    outdir.mkdir()
    events: list[ExportProgress] = []
    with pytest.raises(ExportFailed) as caught:
        export_case(jobs, AUDIT, outdir, settings(), events.append)
    assert str(caught.value) == (
        "persbericht.pdf: check 'page_count' failed: 1 pages, expected 2. Nothing was exported."
    )
    assert caught.value.exit_code == ExportError.exit_code
    result = caught.value.result
    assert not result.passed and result.manifest_path is None
    assert [d.status for d in result.documents] == ["exported", "failed", "listed-only"]
    failed = result.documents[1]
    assert failed.output_sha256 is None
    assert failed.report is not None
    assert [c.name for c in failed.report.failures()] == ["page_count"]
    first = result.documents[0].report
    assert first is not None and first.passed  # the others were still checked
    assert "failed" in [e.stage for e in events]
    assert_nothing_left(outdir)


def test_poppler_finds_nothing_either(exported: Exported) -> None:
    outdir, _, _ = exported
    tool = require_tool("pdftotext")
    done = subprocess.run(
        [tool, "-q", str(outdir / "brief.pdf"), "-"], capture_output=True, check=True
    )
    text = done.stdout.decode("utf-8")
    assert "Jansen" not in text and "Bakkerstraat" not in text
    assert "over de subsidie" in text


def test_image_mode_lists_the_rasterised_pages(tmp_path: Path) -> None:
    render = RenderOptions(style=BoxStyle.BLACK, mode=OutputMode.IMAGE, image_dpi=72)
    result = export_case(case_jobs()[:1], AUDIT, tmp_path / "out", settings(render=render))
    assert result.manifest_path is not None
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    (brief,) = manifest["documents"]
    assert brief["rasterized_page_indexes"] == [0, 2]  # the withheld page is a notice
    assert manifest["settings"]["mode"] == "image" and manifest["settings"]["image_dpi"] == 72
    text = extract_text(io.BytesIO((tmp_path / "out" / "brief.pdf").read_bytes()))
    assert "subsidie" not in text  # pixels only


@pytest.mark.parametrize(
    ("judgement", "releases"),
    [
        ("openbaar", True),
        ("deels openbaar", True),
        ("", True),  # not judged yet: what was marked is redacted; the app decides if allowed
        ("niet openbaar", False),
        ("reeds openbaar", False),
        ("dubbel", False),
        ("buiten reikwijdte", False),
    ],
)
def test_which_judgements_write_a_pdf(judgement: str, releases: bool) -> None:
    job = make_job(1, "a.pdf", make_pdf(["x"]), judgement=judgement, boxes=())
    assert job.releases_pdf is releases


def test_an_unknown_judgement_is_refused_by_name(tmp_path: Path) -> None:
    job = make_job(1, "a.pdf", make_pdf(["x"]), judgement="misschien", boxes=())
    with pytest.raises(ExportError, match=r"^a\.pdf: Unknown judgement 'misschien'"):
        export_case([job], (), tmp_path / "out", settings())
    assert not (tmp_path / "out").exists()


def test_worker_log_records_reach_this_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="redactor")
    export_case(case_jobs()[:1], (), tmp_path / "out", settings(workers=1))
    from_workers = [
        r for r in caplog.records if r.name == "redactor.export.worker" and r.process != os.getpid()
    ]
    assert [r.getMessage() for r in from_workers] == ["brief.pdf: verified"]


def _collector_settings() -> tuple[tuple[int, int, int], int]:
    import gc

    return gc.get_threshold(), gc.get_freeze_count()


def test_export_workers_run_with_the_tuned_garbage_collector() -> None:
    """Workers freeze what they imported and collect less often (a sixth of the engine's
    time went to re-examining long-lived objects)."""
    import concurrent.futures as cf
    import multiprocessing

    from redactor.export import worker

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    with cf.ProcessPoolExecutor(
        1, mp_context=ctx, initializer=worker.init_worker, initargs=(queue, 20)
    ) as pool:
        thresholds, frozen = pool.submit(_collector_settings).result(timeout=60)
    assert thresholds == worker.GC_THRESHOLDS
    assert frozen > 1000
