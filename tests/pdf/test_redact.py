"""redact_document as its callers use it: options, errors, and what every output must be."""

from __future__ import annotations

import io

import pikepdf
import pytest

from redactor.core.errors import ExportError, PasswordRequired, PdfError
from redactor.core.export_model import (
    BoxSpec,
    BoxStyle,
    LegendEntry,
    OutputMode,
    RenderOptions,
    WithheldPageSpec,
)
from redactor.core.geometry import Rect
from redactor.export.verify import verify_redacted
from redactor.pdf.redact import redact_document
from tests.adversarial import inspect
from tests.adversarial.builders import SECRET, SECRET_BOX, box, build
from tests.helpers import encrypt_pdf

LEGEND = (LegendEntry("5.1.2e", "Eerbiediging van de persoonlijke levenssfeer", "Privacy"),)


@pytest.fixture(scope="module")
def source() -> bytes:
    return build("normal_text").pdf


def _info(data: bytes) -> dict[str, str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {k: str(v) for k, v in pdf.docinfo.items()}


def _file_id(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return bytes(pdf.trailer.ID[0]) + bytes(pdf.trailer.ID[1])


def test_output_is_one_clean_revision_with_a_fresh_id(source: bytes) -> None:
    boxes = [box(0, SECRET_BOX)]
    first = redact_document(source, boxes, [], RenderOptions()).pdf
    second = redact_document(source, boxes, [], RenderOptions()).pdf
    assert inspect.eof_count(first) == 1
    assert _info(first) == {"/Producer": "Redactor"}
    ids = {_file_id(source), _file_id(first), _file_id(second)}
    assert len(ids) == 3, "every export gets a new document ID"


def test_a_legend_page_is_appended(source: bytes) -> None:
    options = RenderOptions(legend=LEGEND, language="nl")
    out = redact_document(source, [box(0, SECRET_BOX)], [], options)
    with pikepdf.open(io.BytesIO(out.pdf)) as pdf:
        assert len(pdf.pages) == 2
    assert "persoonlijke levenssfeer" in inspect.pdftotext(out.pdf, page=1)
    assert verify_redacted(out.pdf, [box(0, SECRET_BOX)], [], out.removed_terms, options, 1).passed


def test_a_withheld_page_keeps_its_size_and_says_why() -> None:
    case = build("withheld_page")
    out = redact_document(case.pdf, [], case.withheld, RenderOptions(language="en"))
    text = inspect.pdftotext(out.pdf, page=1)
    assert "Page withheld" in text and "5.1.1c; 5.1.2e" in text
    assert SECRET not in inspect.pdfminer_text(out.pdf)
    with pikepdf.open(io.BytesIO(case.pdf)) as src, pikepdf.open(io.BytesIO(out.pdf)) as dst:
        assert [float(v) for v in dst.pages[1].mediabox] == [
            float(v) for v in src.pages[1].mediabox
        ]
    assert "twee" in out.removed_terms


def test_image_mode_keeps_only_the_labels_as_text(source: bytes) -> None:
    options = RenderOptions(mode=OutputMode.IMAGE, image_dpi=72)
    out = redact_document(source, [box(0, SECRET_BOX)], [], options)
    assert out.rasterized_pages == (0,)
    assert inspect.squash(inspect.pdfminer_text(out.pdf)) == inspect.squash("5.1.2e")


def test_white_boxes_have_a_border_and_black_codes(source: bytes) -> None:
    options = RenderOptions(style=BoxStyle.WHITE)
    out = redact_document(source, [box(0, SECRET_BOX, "5.1.2e", "5.1.2a")], [], options)
    page = inspect.render(out.pdf, dpi=144)[0]
    r = SECRET_BOX
    assert inspect.pixel(page, r.x0 + 0.3, (r.y0 + r.y1) / 2, dpi=144) < (80, 80, 80)  # border
    assert inspect.pixel(page, r.x0 + 3, r.y0 + 3, dpi=144) > (220, 220, 220)  # white fill
    assert "5.1.2e; 5.1.2a" in inspect.pdftotext(out.pdf)


def test_overlapping_boxes_and_a_box_too_small_for_its_label(source: bytes) -> None:
    r = SECRET_BOX
    boxes = [
        box(0, r),
        box(0, Rect(r.x0 + 20, r.y0 - 2, r.x1 + 10, r.y1 + 2), "5.1.2a"),
        box(0, Rect(10, 10, 14, 14)),
    ]
    out = redact_document(source, boxes, [], RenderOptions())
    report = verify_redacted(out.pdf, boxes, [], out.removed_terms, RenderOptions(), 1)
    assert report.passed, report.failures()


def test_an_encrypted_source_is_decrypted_or_refused(source: bytes) -> None:
    open_one = encrypt_pdf(source, "")
    out = redact_document(open_one, [box(0, SECRET_BOX)], [], RenderOptions())
    with pikepdf.open(io.BytesIO(out.pdf)) as pdf:
        assert not pdf.is_encrypted
    with pytest.raises(PasswordRequired):
        redact_document(encrypt_pdf(source, "geheim"), [], [], RenderOptions())


@pytest.mark.parametrize(
    ("boxes", "withheld", "options", "message"),
    [
        ([BoxSpec(3, Rect(1, 1, 20, 20), ("x",))], [], RenderOptions(), "page 4"),
        ([BoxSpec(0, Rect(1, 1, 1.2, 20), ("x",))], [], RenderOptions(), "zero size"),
        ([BoxSpec(0, Rect(300, 200, 900, 250), ("x",))], [], RenderOptions(), "outside the page"),
        ([], [WithheldPageSpec(7, ("x",))], RenderOptions(), "withheld"),
        ([], [], RenderOptions(image_dpi=5), "resolution"),
        ([], [], RenderOptions(language="de"), "language"),
    ],
)
def test_bad_requests_get_a_sentence(
    source: bytes,
    boxes: list[BoxSpec],
    withheld: list[WithheldPageSpec],
    options: RenderOptions,
    message: str,
) -> None:
    with pytest.raises(ExportError, match=message):
        redact_document(source, boxes, withheld, options)


@pytest.mark.parametrize("data", [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj <<"])
def test_broken_input_is_a_pdf_error(data: bytes) -> None:
    with pytest.raises(PdfError):
        redact_document(data, [], [], RenderOptions())


def test_a_document_without_boxes_is_still_cleaned() -> None:
    case = build("metadata")  # the secret is in the info, the XMP and (unboxed) on the page
    out = redact_document(case.pdf, [], [], RenderOptions())
    assert _info(out.pdf) == {"/Producer": "Redactor"}
    with pikepdf.open(io.BytesIO(out.pdf)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                assert "/Metadata" not in obj
            if isinstance(obj, pikepdf.Stream):
                assert b"xpacket" not in obj.read_bytes()
    assert SECRET in inspect.pdftotext(out.pdf)  # nobody boxed it: it stays on the page
    assert out.removed_terms == ()


def test_pages_traced_across_several_openings_of_the_marked_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The marked copy is reopened every TRACE_PAGES pages (MuPDF's object cache must not
    grow with the document): with a reopening every two pages, each of five pages still
    loses exactly its boxed word, keeps the rest in place, and the gate passes."""
    from redactor.pdf import redact
    from tests.adversarial import builders as B

    monkeypatch.setattr(redact, "TRACE_PAGES", 2)
    pdf = B.new_pdf()
    for _ in range(5):
        B.add_page(pdf, B.text_line(B.BASE_X, B.BASE_Y, B.line_text()) + B.visible_line())
    boxes = [box(i, SECRET_BOX) for i in range(5)]
    out = redact_document(B.save(pdf), boxes, [], RenderOptions())
    assert out.rasterized_pages == ()
    for page in range(5):
        text = inspect.pdftotext(out.pdf, page=page)
        assert SECRET not in text and "tekst die blijft" in text
    report = verify_redacted(out.pdf, boxes, [], out.removed_terms, RenderOptions(), 5)
    assert report.passed, report.failures()


def test_a_glyph_straddling_a_box_edge_goes_with_mupdf_text_removal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """MuPDF's text removal is skipped on a rewritten page only when no glyph that stays
    comes near a box. A box that cuts through a glyph (its centre outside, so the glyph
    stays in the plan) keeps the removal on, and MuPDF drops that glyph: no ink of it is
    left in the box. A box clear of its neighbours skips it."""
    import pymupdf

    from redactor.pdf import redact as redact_module

    doc = pymupdf.open()
    page = doc.new_page(width=420, height=200)
    page.insert_text((50, 100), "Openbaar MWMWMW Openbaar", fontsize=20)
    page.insert_text((50, 160), "Openbaar QXQXQX Openbaar", fontsize=20)
    words = page.get_text("words")
    mw = next(w for w in words if w[4] == "MWMWMW")
    qx = next(w for w in words if w[4] == "QXQXQX")
    data = doc.tobytes()
    # Over the first M..M, and into the right third of the last W: its centre stays out.
    raw = page.get_text("rawdict")  # the characters' own boxes
    chars = [
        c
        for b in raw["blocks"]
        for line in b["lines"]
        for s in line["spans"]
        for c in s["chars"]
        if c["bbox"][1] < 110
    ]
    w_box = [c["bbox"] for c in chars if c["c"] == "W"][-1]
    cut = Rect(mw[0] - 1, mw[1], w_box[0] + (w_box[2] - w_box[0]) * 0.3, mw[3])
    clear = Rect(*qx[:4])  # the word's own box: its neighbours are a space away
    modes = _text_modes_of_mupdf_redaction(monkeypatch)
    out = redact_document(data, [box(0, cut)], [], RenderOptions())
    assert modes == [redact_module.TEXT_REMOVE]
    first_line = inspect.pdftotext(out.pdf, page=0).splitlines()[0]
    assert "Openbaar" in first_line and "W" not in first_line  # the straddling W went too
    report = verify_redacted(out.pdf, [box(0, cut)], [], out.removed_terms, RenderOptions(), 1)
    assert report.passed, report.failures()
    modes.clear()
    out = redact_document(data, [box(0, clear)], [], RenderOptions())
    assert modes == []  # no glyph left near the box, and nothing else drawn: MuPDF not run
    report = verify_redacted(out.pdf, [box(0, clear)], [], out.removed_terms, RenderOptions(), 1)
    assert report.passed, report.failures()
    assert "QXQXQX" not in inspect.pdftotext(out.pdf, page=0)


@pytest.mark.parametrize(
    ("line_y", "mupdf_runs"),
    [(None, False), (120.0, False), (100.0, True)],
    ids=["text only", "a rule 20 pt below the box", "a rule through the box"],
)
def test_mupdf_redaction_runs_only_where_something_besides_text_meets_a_box(
    monkeypatch: pytest.MonkeyPatch, line_y: float | None, mupdf_runs: bool
) -> None:
    """With no glyph left near a box, MuPDF's redaction is needed only for line art and
    images near it; where there is some, it runs and removes what the box covers."""
    import pymupdf

    from redactor.pdf import redact as redact_module

    doc = pymupdf.open()
    page = doc.new_page(width=420, height=200)
    page.insert_text((50, 100), "Openbaar QXQXQX Openbaar", fontsize=20)
    if line_y is not None:  # a red rule across the page
        page.draw_line((20, line_y - 6), (400, line_y - 6), color=(1, 0, 0), width=2)
    qx = next(w for w in page.get_text("words") if w[4] == "QXQXQX")
    data = doc.tobytes()
    modes = _text_modes_of_mupdf_redaction(monkeypatch)
    target = box(0, Rect(*qx[:4]))
    out = redact_document(data, [target], [], RenderOptions())
    assert modes == ([redact_module.TEXT_NONE] if mupdf_runs else [])
    report = verify_redacted(out.pdf, [target], [], out.removed_terms, RenderOptions(), 1)
    assert report.passed, report.failures()
    bare = inspect.render(out.pdf, without_stamps=True)[0]
    red = (255, 0, 0)
    inside = bare.crop((int(qx[0]) + 2, int(qx[1]) + 2, int(qx[2]) - 2, int(qx[3]) - 2))
    assert not inspect.has_colour(inside, red)  # MuPDF removed the rule touching the box
    if line_y is not None and not mupdf_runs:  # a rule away from the box stays
        assert inspect.has_colour(bare.crop((20, int(line_y) - 9, 45, int(line_y) - 3)), red)


def _text_modes_of_mupdf_redaction(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets the text option of every apply_redactions call from now on."""
    import pymupdf

    modes: list[int] = []
    original = pymupdf.Page.apply_redactions

    def spy(self: pymupdf.Page, *args: object, **kwargs: object) -> object:
        text = kwargs.get("text", -1)
        modes.append(text if isinstance(text, int) else -1)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pymupdf.Page, "apply_redactions", spy)
    return modes
