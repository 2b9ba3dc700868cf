"""The verification gate passes a correct export and fails every kind of leaky file.

Each leaky file starts from a correct export and adds one defect with pikepdf, so that a
failing check can only come from that defect.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from redactor.core.export_model import STAMP_TAG, RenderOptions, VerificationReport
from redactor.export import verify_render
from redactor.export.verify import verify_redacted
from redactor.pdf.redact import redact_document
from tests.adversarial import builders as B
from tests.adversarial.builders import SECRET, SECRET_BOX, box
from tests.helpers import require_tool

OPTIONS = RenderOptions()
BOXES = [box(0, SECRET_BOX)]


@pytest.fixture(scope="module")
def good() -> tuple[bytes, tuple[str, ...]]:
    out = redact_document(B.build("normal_text").pdf, BOXES, [], OPTIONS)
    return out.pdf, out.removed_terms


def _check(
    data: bytes, terms: tuple[str, ...] = (SECRET,), page_count: int = 1
) -> VerificationReport:
    report = verify_redacted(data, BOXES, [], terms, OPTIONS, page_count)
    for check in report.checks:
        assert SECRET.casefold() not in check.detail.casefold(), (
            "a check's detail quotes removed text"
        )
    return report


def _failed(report: VerificationReport) -> set[str]:
    return {c.name for c in report.failures()}


def _edit(data: bytes, change: Callable[[pikepdf.Pdf], None]) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False)  # leave our XMP as written
    return out.getvalue()


def test_a_correct_export_passes(good: tuple[bytes, tuple[str, ...]]) -> None:
    require_tool("pdftoppm")
    data, terms = good
    report = _check(data, terms)
    assert report.passed, report.failures()
    names = {c.name for c in report.checks}
    assert {
        "no_text_in_boxes",
        "removed_terms_absent",
        "box_render",
        "nothing_under_boxes",
        "single_revision",
    } <= names


def _stamp(rect: B.Rect) -> bytes:
    return STAMP_TAG + b"\nq 1 0 0 -1 0 %g cm 0 g %g %g %g %g re f Q EMC\n" % (
        B.PAGE_H,
        rect.x0,
        rect.y0,
        rect.width,
        rect.height,
    )


def test_a_box_drawn_over_text_that_is_still_there_fails() -> None:
    """The classic failed redaction: a black rectangle on top of the text."""
    source = B.build("normal_text").pdf

    def overlay(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        page.obj.Contents = Array([page.obj.Contents, pdf.make_stream(_stamp(SECRET_BOX))])

    report = _check(_edit(source, overlay))
    assert {"no_text_in_boxes", "removed_terms_absent"} <= _failed(report)


def test_invisible_text_left_under_a_box_fails() -> None:
    pdf = B.new_pdf()
    B.add_page(
        pdf, B.text_line(B.BASE_X, B.BASE_Y, B.line_text(), extra_ops=b"3 Tr ") + _stamp(SECRET_BOX)
    )
    assert "no_text_in_boxes" in _failed(_check(B.save(pdf)))


def test_an_extra_revision_fails(good: tuple[bytes, tuple[str, ...]]) -> None:
    data, terms = good
    with pikepdf.open(io.BytesIO(data)) as pdf:
        size = int(pdf.trailer.Size)
    leaky = B.append_revision(data, {size: b"<< /Note (" + SECRET.encode() + b") >>"})
    failed = _failed(_check(leaky, terms))
    assert "single_revision" in failed


@pytest.mark.parametrize(
    ("defect", "check"),
    [
        ("annotation", "no_annotations"),
        ("form", "no_form_fields"),
        ("script", "no_scripts_or_actions"),
        ("attachment", "no_embedded_files"),
        ("outline", "no_navigation_or_structure"),
        ("pieceinfo", "no_private_data"),
        ("ocg", "no_optional_content"),
        ("xmp", "no_source_metadata"),
        ("info", "no_source_metadata"),
    ],
)
def test_each_kind_of_leftover_structure_fails(
    good: tuple[bytes, tuple[str, ...]], defect: str, check: str
) -> None:
    data, terms = good

    def add(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0].obj
        secret = String(SECRET)
        if defect == "annotation":
            page.Annots = Array(
                [
                    pdf.make_indirect(
                        Dictionary(
                            Type=Name.Annot,
                            Subtype=Name.Text,
                            Rect=Array([0, 0, 9, 9]),
                            Contents=secret,
                        )
                    )
                ]
            )
        elif defect == "form":
            field = pdf.make_indirect(Dictionary(FT=Name.Tx, T=String("naam"), V=secret))
            pdf.Root.AcroForm = Dictionary(Fields=Array([field]))
        elif defect == "script":
            pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=secret)
        elif defect == "attachment":
            ef = pdf.make_stream(SECRET.encode())
            ef.Type = Name.EmbeddedFile
            spec = Dictionary(Type=Name.Filespec, F=String("a.txt"), EF=Dictionary(F=ef))
            pdf.Root.Names = Dictionary(EmbeddedFiles=Dictionary(Names=Array([String("a"), spec])))
        elif defect == "outline":
            item = pdf.make_indirect(Dictionary(Title=secret, Dest=Array([page, Name.Fit])))
            pdf.Root.Outlines = pdf.make_indirect(
                Dictionary(Type=Name.Outlines, First=item, Last=item, Count=1)
            )
        elif defect == "pieceinfo":
            page.PieceInfo = Dictionary(App=Dictionary(Private=secret))
        elif defect == "ocg":
            group = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=secret))
            pdf.Root.OCProperties = Dictionary(
                OCGs=Array([group]), D=Dictionary(OFF=Array([group]))
            )
        elif defect == "xmp":
            pdf.Root.Metadata = pdf.make_stream(
                b"<x:xmpmeta><dc:title>" + SECRET.encode() + b"</dc:title></x:xmpmeta>"
            )
        elif defect == "info":
            pdf.docinfo = pdf.make_indirect(Dictionary(Producer=String("Redactor"), Author=secret))

    failed = _failed(_check(_edit(data, add), terms))
    assert check in failed
    assert "removed_terms_absent" in failed


def test_a_removed_term_in_a_marked_content_property_fails(
    good: tuple[bytes, tuple[str, ...]],
) -> None:
    data, terms = good

    def actual_text(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        extra = pdf.make_stream(b"/Span <</ActualText (" + SECRET.encode() + b")>> BDC EMC")
        page.obj.Contents = Array([extra, *list(page.obj.Contents)])

    assert "removed_terms_absent" in _failed(_check(_edit(data, actual_text), terms))


def test_the_wrong_page_count_fails(good: tuple[bytes, tuple[str, ...]]) -> None:
    data, terms = good
    assert "page_count" in _failed(_check(data, terms, page_count=2))


def test_pixels_left_under_a_box_fail(good: tuple[bytes, tuple[str, ...]]) -> None:
    require_tool("pdftoppm")
    data, terms = good

    def paint_under(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        r = SECRET_BOX
        under = pdf.make_stream(
            b"q 0 1 0 rg %g %g %g %g re f Q" % (r.x0 + 3, B.PAGE_H - r.y1 + 3, 20, r.height - 6)
        )
        streams = list(page.obj.Contents)
        page.obj.Contents = Array([*streams[:-1], under, streams[-1]])

    failed = _failed(_check(_edit(data, paint_under), terms))
    assert failed == {"nothing_under_boxes"}


def test_a_box_that_is_not_solid_fails(good: tuple[bytes, tuple[str, ...]]) -> None:
    require_tool("pdftoppm")
    data, terms = good

    def paint_over(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        r = SECRET_BOX
        over = pdf.make_stream(b"q 1 1 1 rg %g %g 8 4 re f Q" % (r.x0 + 4, B.PAGE_H - r.y1 + 3))
        page.obj.Contents = Array([*list(page.obj.Contents), over])

    assert "box_render" in _failed(_check(_edit(data, paint_over), terms))


def test_missing_stamps_fail_the_render_check(good: tuple[bytes, tuple[str, ...]]) -> None:
    require_tool("pdftoppm")
    data, terms = good

    def drop_stamp(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        page.obj.Contents = Array(list(page.obj.Contents)[:-1])

    assert "box_render" in _failed(_check(_edit(data, drop_stamp), terms))


def test_without_pdftoppm_the_render_checks_say_they_were_skipped(
    good: tuple[bytes, tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify_render, "pdftoppm", lambda: None)
    data, terms = good
    report = _check(data, terms)
    (render,) = [c for c in report.checks if c.name == "box_render"]
    assert "skipped" in render.detail


def test_a_file_that_is_not_a_pdf_fails_closed() -> None:
    report = _check(b"%PDF-1.7 nonsense")
    assert not report.passed


def test_short_terms_and_terms_still_visible_elsewhere_do_not_fail(
    good: tuple[bytes, tuple[str, ...]],
) -> None:
    data, _ = good
    report = _check(data, ("de", "Redactor"[:3]))
    assert report.passed or _failed(report) == {"box_render", "nothing_under_boxes"}


@pytest.mark.parametrize("one_run", [0, 4], ids=["two runs", "one run"])
def test_renders_come_back_in_order_across_chunks(
    monkeypatch: pytest.MonkeyPatch, one_run: int
) -> None:
    """Five pages in chunks of two: every page once, in order, stamped and bare apart, from
    one pdftoppm run per chunk or two (odd and even pages)."""
    require_tool("pdftoppm")
    monkeypatch.setattr(verify_render, "ONE_RUN_PAGES", one_run)
    pdf = B.new_pdf()
    for _ in range(5):
        B.add_page(pdf, B.text_line(B.BASE_X, B.BASE_Y, B.line_text()) + B.visible_line())
    boxes = [box(i, SECRET_BOX) for i in range(5)]
    out = redact_document(B.save(pdf), boxes, [], OPTIONS)
    pages = [
        verify_render.PageBoxes(index=i, size=(B.PAGE_W, B.PAGE_H), boxes=(SECRET_BOX,), labels=())
        for i in (0, 2, 3, 4)
    ]
    dpi = 72
    seen = []
    for page, stamped, bare in verify_render.render(out.pdf, pages, dpi, chunk=2):
        seen.append(page.index)
        centre = (round((SECRET_BOX.x0 + SECRET_BOX.x1) / 2), round(SECRET_BOX.y1 - 2))
        assert stamped.getpixel(centre) == (0, 0, 0)  # the box, drawn
        assert bare.getpixel(centre) == (255, 255, 255)  # without it: nothing underneath
    assert seen == [0, 2, 3, 4]


# Small things left under a box, painted into a correct export just before its stamps: the
# render of the copy without stamps must see each of them.
def _tiny_remnants() -> dict[str, bytes]:
    r = SECRET_BOX
    x, y = r.x0 + r.width / 2, B.PAGE_H - (r.y0 + r.y1) / 2  # the box's centre, PDF space
    return {
        "hairline": b"q 0 0 0 RG 0.2 w %g %g m %g %g l S Q" % (x - 8, y, x + 8, y),
        "speck": b"q 0.2 0.2 0.2 rg %g %g 0.6 0.6 re f Q" % (x, y),
        "blue dot": b"q 0 0 1 rg %g %g 1.5 1.5 re f Q" % (x, y),
        "image pixel": b"q 1.2 0 0 1.2 %g %g cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x20 EI Q" % (x, y),
    }


@pytest.mark.parametrize("one_run", [0, 4], ids=["two runs", "one run"])
@pytest.mark.parametrize("remnant", list(_tiny_remnants()))
def test_small_remnants_under_a_box_fail_the_render_check(
    good: tuple[bytes, tuple[str, ...]], remnant: str, monkeypatch: pytest.MonkeyPatch, one_run: int
) -> None:
    require_tool("pdftoppm")
    monkeypatch.setattr(verify_render, "ONE_RUN_PAGES", one_run)
    data, terms = good
    content = _tiny_remnants()[remnant]

    def paint_under(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        under = pdf.make_stream(content)
        streams = list(page.obj.Contents)
        page.obj.Contents = Array([*streams[:-1], under, streams[-1]])

    assert "nothing_under_boxes" in _failed(_check(_edit(data, paint_under), terms))
