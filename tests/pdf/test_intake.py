"""Opening and validating source PDFs: good files described correctly, bad ones refused cleanly."""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

import pymupdf
import pytest

from redactor.core.errors import PasswordRequired, PdfError
from redactor.pdf import intake
from redactor.pdf.intake import inspect_pdf, open_document
from tests.helpers import encrypt_pdf, make_image_pdf, make_text_pdf, require_corpus


def raw_pdf(*objects: str) -> bytes:
    """A PDF written by hand (object 1 is the catalog), with a correct xref table, so that
    structural defects can be built that no PDF library would write."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


CATALOG = "<< /Type /Catalog /Pages 2 0 R >>"


# --- good files ------------------------------------------------------------------------------


def test_describes_a_text_pdf() -> None:
    data = make_text_pdf(None, ["first page", "second page", "third"])
    info = inspect_pdf(data, "letter.pdf")
    assert info.page_count == 3
    assert [p.page_index for p in info.pages] == [0, 1, 2]
    assert all((p.width, p.height, p.rotation) == (595.0, 842.0, 0) for p in info.pages)
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.has_text is True
    assert info.encrypted is False
    assert info.repaired is False


@pytest.mark.parametrize(
    ("rotation", "expected"),
    [(0, (300.0, 400.0)), (90, (400.0, 300.0)), (180, (300.0, 400.0)), (270, (400.0, 300.0))],
)
def test_page_size_is_the_displayed_size(rotation: int, expected: tuple[float, float]) -> None:
    # A4 MediaBox, CropBox 300 x 400 pt: the displayed size is the CropBox, turned by /Rotate.
    data = make_text_pdf(None, ["x"], rotation=rotation, cropbox=(10, 20, 310, 420))
    (page,) = inspect_pdf(data, "turned.pdf").pages
    assert (page.width, page.height) == pytest.approx(expected)
    assert page.rotation == rotation


def test_negative_rotation_is_normalised() -> None:
    doc = pymupdf.open(stream=make_text_pdf(None, ["x"]))
    doc.xref_set_key(doc[0].xref, "Rotate", "-90")
    (page,) = inspect_pdf(doc.tobytes(), "minus.pdf").pages
    assert (page.rotation, page.width, page.height) == (270, 842.0, 595.0)


def test_scan_without_text_layer_has_no_text() -> None:
    info = inspect_pdf(make_image_pdf(None, page_count=2), "scan.pdf")
    assert info.page_count == 2
    assert info.has_text is False


def test_text_on_a_later_page_is_found() -> None:
    doc = pymupdf.open(stream=make_image_pdf(None, page_count=3))
    doc[2].insert_text((50, 50), "late text")
    assert inspect_pdf(doc.tobytes(), "mixed.pdf").has_text is True


def test_text_probe_gives_up_at_its_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "TEXT_PROBE_SECONDS", -1.0)
    assert inspect_pdf(make_text_pdf(None, ["text"]), "slow.pdf").has_text is False


def test_producer_is_cleaned() -> None:
    doc = pymupdf.open(stream=make_text_pdf(None, ["x"]))
    doc.set_metadata({"producer": "  Evil\tWriter\r\n 1.0  "})
    assert inspect_pdf(doc.tobytes(), "p.pdf").producer == "Evil Writer 1.0"
    assert inspect_pdf(make_text_pdf(None, ["x"]), "p.pdf").producer is None


def test_header_after_leading_junk_is_accepted() -> None:
    data = b"x" * 500 + make_text_pdf(None, ["junk first"])
    assert inspect_pdf(data, "junk.pdf").page_count == 1


def test_source_bytes_are_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "source.pdf"
    make_text_pdf(path, ["keep me"])
    data = path.read_bytes()
    before = hashlib.sha256(data).hexdigest()
    info = inspect_pdf(data, "source.pdf")
    assert hashlib.sha256(data).hexdigest() == before == info.sha256
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# --- bad files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"", "is an empty file", id="empty"),
        pytest.param(b"Dear reviewer,\nthis is plain text.\n", "is not a PDF file", id="text"),
        pytest.param(b"PK\x03\x04" + bytes(200), "is not a PDF file", id="zip"),
        pytest.param(b"x" * 1100 + b"%PDF-1.4\n", "is not a PDF file", id="header-too-late"),
        pytest.param(b"%PDF-1.7\n", "is damaged or truncated", id="header-only"),
        pytest.param(
            raw_pdf(CATALOG, "<< /Type /Pages /Kids [] /Count 0 >>"), "no pages", id="no-pages"
        ),
    ],
)
def test_refuses_with_one_sentence_naming_the_file(data: bytes, expected: str) -> None:
    with pytest.raises(PdfError) as caught:
        inspect_pdf(data, "bijlage 3.pdf")
    message = str(caught.value)
    assert not isinstance(caught.value, PasswordRequired)
    assert expected in message
    assert message.startswith("bijlage 3.pdf ")
    assert message.endswith(".") and "\n" not in message


PAGE_TREE_LOOP = raw_pdf(
    CATALOG,
    "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",  # the tree contains itself
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
)


def test_page_tree_loop_is_refused() -> None:
    with pytest.raises(PdfError, match=r"^loop\.pdf is damaged: page 2 of 2 cannot be read\.$"):
        inspect_pdf(PAGE_TREE_LOOP, "loop.pdf")


def test_too_many_pages_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "MAX_PAGES", 2)
    with pytest.raises(PdfError, match="has 3 pages, more than the 2"):
        inspect_pdf(make_text_pdf(None, ["a", "b", "c"]), "big.pdf")


def test_missing_page_object_is_refused() -> None:
    # MuPDF would show a blank Letter-size page in place of the missing object 9.
    data = raw_pdf(
        CATALOG,
        "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    )
    with pytest.raises(
        PdfError, match=r"^gap\.pdf is damaged or truncated: page 2 of 2 is missing"
    ):
        inspect_pdf(data, "gap.pdf")


def test_truncated_generated_pdf() -> None:
    data = make_text_pdf(None, ["a", "b"])
    # Cut before the second page's object: refused rather than shown as an invented blank page.
    with pytest.raises(
        PdfError, match=r"^cut\.pdf is damaged or truncated: page 2 of 2 is missing"
    ):
        inspect_pdf(data[: len(data) * 3 // 10], "cut.pdf")
    # Cut after all page objects (only the xref and trailer lost): repaired and flagged.
    info = inspect_pdf(data[: len(data) * 9 // 10], "cut.pdf")
    assert (info.page_count, info.repaired, info.has_text) == (2, True, True)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("corpus_file", "outcome"),
    [
        # Linearized: the first half holds only the first page's objects and no usable xref.
        ("realworld/nl-kamerbrief-draagmoederschap-2011.pdf", "refused"),
        # All page objects are in the first half; MuPDF rebuilds the xref from them.
        ("realworld/nl-besluitenlijst-raadsvergadering-2015-06-29.pdf", "repaired"),
    ],
)
def test_real_document_cut_in_half(tmp_path: Path, corpus_file: str, outcome: str) -> None:
    copy = tmp_path / Path(corpus_file).name
    shutil.copyfile(require_corpus() / corpus_file, copy)
    data = copy.read_bytes()
    half = data[: len(data) // 2]
    if outcome == "refused":
        with pytest.raises(PdfError, match=f"^{copy.name} is damaged or truncated"):
            inspect_pdf(half, copy.name)
    else:
        info = inspect_pdf(half, copy.name)
        assert info.repaired is True
        assert info.page_count <= inspect_pdf(data, copy.name).page_count
    assert inspect_pdf(data, copy.name).repaired is False  # the intact original is fine


def test_repaired_file_is_flagged_and_mupdf_stays_quiet(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    data = make_text_pdf(None, ["xref gone"])
    broken = data.replace(b"startxref", b"startxxxx")  # MuPDF must rebuild the xref
    display_errors = pymupdf.TOOLS.mupdf_display_errors()
    with caplog.at_level(logging.INFO, logger="redactor.pdf.intake"):
        info = inspect_pdf(broken, "damaged.pdf")
    assert info.repaired is True
    assert info.has_text is True
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")  # PyMuPDF prints to stdout by default
    assert any("MuPDF on damaged.pdf" in r.getMessage() for r in caplog.records)
    assert pymupdf.TOOLS.mupdf_display_errors() == display_errors


def test_refused_file_is_quiet_too(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    # Left alone, PyMuPDF prints "MuPDF error: format error: cycle in page tree" here.
    with caplog.at_level(logging.INFO, logger="redactor.pdf.intake"), pytest.raises(PdfError):
        inspect_pdf(PAGE_TREE_LOOP, "loop.pdf")
    assert capfd.readouterr() == ("", "")
    assert "cycle in page tree" in caplog.text


# --- passwords -------------------------------------------------------------------------------


@pytest.fixture
def locked_pdf() -> bytes:
    return encrypt_pdf(make_text_pdf(None, ["secret", "more"]), "geheim", "eigenaar")


def test_password_protected_needs_the_password(locked_pdf: bytes) -> None:
    with pytest.raises(PasswordRequired, match=r"^locked\.pdf is protected with a password"):
        inspect_pdf(locked_pdf, "locked.pdf")


def test_wrong_password_is_refused(locked_pdf: bytes) -> None:
    with pytest.raises(PasswordRequired, match=r"password given for locked\.pdf is not correct"):
        inspect_pdf(locked_pdf, "locked.pdf", password="raden")


@pytest.mark.parametrize("password", ["geheim", "eigenaar"])
def test_right_password_opens(locked_pdf: bytes, password: str) -> None:
    info = inspect_pdf(locked_pdf, "locked.pdf", password=password)
    assert (info.page_count, info.encrypted, info.has_text) == (2, True, True)
    assert info.sha256 == hashlib.sha256(locked_pdf).hexdigest()  # of the encrypted source


def test_empty_user_password_opens_without_one() -> None:
    data = encrypt_pdf(make_text_pdf(None, ["restricted"]), "", "owner")
    info = inspect_pdf(data, "restricted.pdf")
    assert (info.page_count, info.encrypted) == (1, True)


def test_password_for_unencrypted_file_is_ignored() -> None:
    info = inspect_pdf(make_text_pdf(None, ["open"]), "open.pdf", password="unused")
    assert info.encrypted is False


# --- open_document ---------------------------------------------------------------------------


def test_open_document_gives_an_open_document(locked_pdf: bytes) -> None:
    doc = open_document(locked_pdf, "geheim", name="locked.pdf")
    try:
        assert doc.page_count == 2
        assert doc[1].get_text().strip() == "more"
    finally:
        doc.close()


def test_open_document_maps_errors(locked_pdf: bytes) -> None:
    with pytest.raises(PasswordRequired, match=r"^The PDF is protected"):
        open_document(locked_pdf)
    with pytest.raises(PdfError, match=r"^memo\.pdf is not a PDF file"):
        open_document(b"GIF89a", name="memo.pdf")
