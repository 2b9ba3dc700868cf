"""Adversarial PDFs: one builder per channel through which redacted content can leak.

Every builder returns a `Case`: the source PDF, the boxes a reviewer drew (displayed points),
the secrets that must be gone from every layer of the exported file, and the text that must
survive outside the boxes. Files are built from raw objects with pikepdf where the construct
matters (patterns, soft masks, Type3, optional content, incremental updates) and with PyMuPDF
where its API is the natural author (annotations, widgets, attachments).

The secret is positioned by arithmetic on the standard Helvetica widths, never by asking the
code under test where it is.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

import pikepdf
import pymupdf
from pikepdf import Array, Dictionary, Name, String

from redactor.core.export_model import BoxSpec, WithheldPageSpec
from redactor.core.geometry import Rect

SECRET = "GEHEIM4711"  # never appears in a box label, a legend or any visible text
VISIBLE = "Openbaar"  # text outside every box; must stay extractable in text mode
PAGE_W, PAGE_H = 400.0, 300.0
FONT_SIZE = 12.0
GREEN = (0, 255, 0)  # the colour of secret pixels in image channels
RED = (255, 0, 0)  # the colour of public pixels in image channels


@dataclass(frozen=True)
class PixelProbe:
    """The output rendered (with boxes) must show `rgb` (+- tol) at displayed point (x, y)."""

    page_index: int
    x: float
    y: float
    rgb: tuple[int, int, int]
    tol: int = 40
    expect_equal: bool = True  # False: the pixel must NOT be this colour


@dataclass(frozen=True)
class Case:
    name: str
    pdf: bytes
    boxes: tuple[BoxSpec, ...]
    secrets: tuple[str, ...] = (SECRET,)
    visible: tuple[str, ...] = (VISIBLE,)
    withheld: tuple[WithheldPageSpec, ...] = ()
    probes: tuple[PixelProbe, ...] = ()
    # A colour that only the secret's pixels have: it must not occur in any image of the
    # output, nor (rendered without the boxes) inside a box.
    secret_rgb: tuple[int, int, int] | None = None
    # Pages (0-based) whose secret_rgb must still be there (a reused image, uncovered).
    keep_rgb_pages: tuple[int, ...] = ()
    notes: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return pymupdf.get_text_length(text, fontname="helv", fontsize=size)


def word_box(
    x: float, baseline_top: float, before: str, word: str, size: float = FONT_SIZE
) -> Rect:
    """The displayed box over `word` in a line starting at x with `before` in front of it.

    `baseline_top` is the baseline's distance from the top of the (unrotated, uncropped) page.
    """
    x0 = x + text_width(before, size)
    x1 = x0 + text_width(word, size)
    return Rect(x0 - 1.0, baseline_top - size * 0.8, x1 + 1.0, baseline_top + size * 0.25)


def line_text(before: str = VISIBLE + " ", word: str = SECRET, after: str = " " + VISIBLE) -> str:
    return before + word + after


# --- low-level pikepdf construction --------------------------------------------------------


def new_pdf() -> pikepdf.Pdf:
    return pikepdf.new()


def helvetica(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type1,
            BaseFont=Name.Helvetica,
            Encoding=Name.WinAnsiEncoding,
        )
    )


def add_page(
    pdf: pikepdf.Pdf,
    content: bytes,
    resources: Dictionary | None = None,
    size: tuple[float, float] = (PAGE_W, PAGE_H),
    **extra: object,
) -> pikepdf.Dictionary:
    res = resources if resources is not None else Dictionary()
    if "/Font" not in res:
        res.Font = Dictionary(F1=helvetica(pdf))
    page = Dictionary(
        Type=Name.Page,
        MediaBox=Array([0, 0, size[0], size[1]]),
        Contents=pdf.make_stream(content),
        Resources=res,
    )
    for key, value in extra.items():
        page[Name("/" + key)] = value
    pdf.pages.append(pikepdf.Page(page))
    return pdf.pages[-1].obj


def form_xobject(
    pdf: pikepdf.Pdf, content: bytes, bbox: list[float], resources: Dictionary | None = None
) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, content)
    stream.Type = Name.XObject
    stream.Subtype = Name.Form
    stream.BBox = Array(bbox)
    stream.Resources = (
        resources if resources is not None else Dictionary(Font=Dictionary(F1=helvetica(pdf)))
    )
    return pdf.make_indirect(stream)


def rgb_image(
    pdf: pikepdf.Pdf, width: int, height: int, pixel: Callable[[int, int], tuple[int, int, int]]
) -> pikepdf.Stream:
    raw = bytes(c for y in range(height) for x in range(width) for c in pixel(x, y))
    stream = pikepdf.Stream(pdf, zlib.compress(raw))
    stream.Type = Name.XObject
    stream.Subtype = Name.Image
    stream.Width = width
    stream.Height = height
    stream.ColorSpace = Name.DeviceRGB
    stream.BitsPerComponent = 8
    stream.Filter = Name.FlateDecode
    return pdf.make_indirect(stream)


def save(pdf: pikepdf.Pdf, **kwargs: object) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def text_line(
    x: float, baseline_top: float, text: str, extra_ops: bytes = b"", font: bytes = b"/F1"
) -> bytes:
    """A BT..ET block showing `text` (WinAnsi) at displayed baseline `baseline_top`."""
    y = PAGE_H - baseline_top
    literal = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
    return (
        b"BT "
        + font
        + b" %g Tf %g %g Td " % (FONT_SIZE, x, y)
        + extra_ops
        + b"("
        + literal
        + b") Tj ET\n"
    )


def visible_line(baseline_top: float = 260.0) -> bytes:
    return text_line(50, baseline_top, VISIBLE + " tekst die blijft")


def box(page: int, rect: Rect, *codes: str) -> BoxSpec:
    return BoxSpec(page_index=page, rect=rect, codes=codes or ("5.1.2e",))


# --- the channels ------------------------------------------------------------------------


BASE_X, BASE_Y = 50.0, 100.0  # where the secret's line starts (displayed)
SECRET_BOX = word_box(BASE_X, BASE_Y, VISIBLE + " ", SECRET)


def normal_text() -> Case:
    pdf = new_pdf()
    add_page(pdf, text_line(BASE_X, BASE_Y, line_text()) + visible_line())
    return Case("normal_text", save(pdf), (box(0, SECRET_BOX),))


def tj_kerned_text() -> Case:
    """The secret inside one TJ array with kerning numbers around and inside it."""
    pdf = new_pdf()
    y = PAGE_H - BASE_Y
    content = (
        b"BT /F1 12 Tf %g %g Td [(Openbaar ) -20 (GEHE) 15 (IM4711) -10 ( Openbaar)] TJ ET\n"
        % (BASE_X, y)
    ) + visible_line()
    add_page(pdf, content)
    x0 = BASE_X + text_width(VISIBLE + " ") + 20 * FONT_SIZE / 1000
    x1 = x0 + text_width(SECRET) - 15 * FONT_SIZE / 1000
    rect = Rect(x0 - 1, BASE_Y - 10, x1 + 1, BASE_Y + 3)
    return Case("tj_kerned_text", save(pdf), (box(0, rect),))


def invisible_ocr_text() -> Case:
    """A scan with an invisible (render mode 3) OCR layer, as OCR software writes it."""
    pdf = new_pdf()
    img = rgb_image(pdf, 8, 6, lambda x, y: (230, 230, 230))
    content = (
        b"q 400 0 0 300 0 0 cm /Im1 Do Q\n"
        + text_line(BASE_X, BASE_Y, line_text(), extra_ops=b"3 Tr ")
        + text_line(50, 260, VISIBLE + " ocr", extra_ops=b"3 Tr ")
    )
    add_page(pdf, content, Dictionary(XObject=Dictionary(Im1=img)))
    return Case("invisible_ocr_text", save(pdf), (box(0, SECRET_BOX),))


def white_text() -> Case:
    pdf = new_pdf()
    content = text_line(BASE_X, BASE_Y, line_text(), extra_ops=b"1 1 1 rg ") + visible_line()
    add_page(pdf, content)
    return Case("white_text", save(pdf), (box(0, SECRET_BOX),))


def clipped_text() -> Case:
    """Text clipped away (invisible on screen) and text used as a clip (render mode 7)."""
    pdf = new_pdf()
    content = (
        b"q 0 0 5 5 re W n "
        + text_line(BASE_X, BASE_Y, line_text())
        + b"Q\n"
        + b"q "
        + text_line(BASE_X, 140, SECRET, extra_ops=b"7 Tr ")
        + b"0 0 1 rg 0 0 400 300 re f Q\n"
        + visible_line()
    )
    add_page(pdf, content)
    boxes = (box(0, SECRET_BOX), box(0, word_box(BASE_X, 140, "", SECRET)))
    return Case("clipped_text", save(pdf), boxes, notes="render mode 7 and clipped-away text")


def form_xobject_text() -> Case:
    pdf = new_pdf()
    form = form_xobject(
        pdf, b"BT /F1 12 Tf 0 5 Td (" + line_text().encode() + b") Tj ET", [0, 0, 300, 20]
    )
    y = PAGE_H - BASE_Y - 5
    content = b"q 1 0 0 1 %g %g cm /Fm1 Do Q\n" % (BASE_X, y) + visible_line()
    add_page(pdf, content, Dictionary(XObject=Dictionary(Fm1=form)))
    return Case("form_xobject_text", save(pdf), (box(0, SECRET_BOX),))


def form_reused_text() -> Case:
    """One form XObject (with the secret) drawn on two pages; only page 1 has a box.

    The secret on page 2 is outside any box, so it is legitimately still there: the check is
    that page 1's box removed it there and page 2 still shows it."""
    pdf = new_pdf()
    form = form_xobject(
        pdf, b"BT /F1 12 Tf 0 5 Td (" + line_text().encode() + b") Tj ET", [0, 0, 300, 20]
    )
    y = PAGE_H - BASE_Y - 5
    content = b"q 1 0 0 1 %g %g cm /Fm1 Do Q\n" % (BASE_X, y) + visible_line()
    add_page(pdf, content, Dictionary(XObject=Dictionary(Fm1=form)))
    add_page(pdf, content, Dictionary(XObject=Dictionary(Fm1=form)))
    return Case(
        "form_reused_text",
        save(pdf),
        (box(0, SECRET_BOX),),
        secrets=(),
        extra={"page2_keeps": SECRET},
    )


def pattern_text() -> Case:
    """A tiling pattern whose cell shows the secret, filling a rectangle under the box."""
    pdf = new_pdf()
    tile = pikepdf.Stream(pdf, b"BT /F1 8 Tf 0 3 Td (" + SECRET.encode() + b") Tj ET")
    tile.Type = Name.Pattern
    tile.PatternType = 1
    tile.PaintType = 1
    tile.TilingType = 1
    tile.BBox = Array([0, 0, 60, 12])
    tile.XStep = 60
    tile.YStep = 12
    tile.Resources = Dictionary(Font=Dictionary(F1=helvetica(pdf)))
    tile = pdf.make_indirect(tile)
    rect = SECRET_BOX
    fill = b"q /Pattern cs /P1 scn %g %g %g %g re f Q\n" % (
        rect.x0 + 2,
        PAGE_H - rect.y1 + 2,
        rect.width - 4,
        rect.height - 4,
    )
    add_page(pdf, fill + visible_line(), Dictionary(Pattern=Dictionary(P1=tile)))
    return Case("pattern_text", save(pdf), (box(0, rect),))


def pattern_text_fill() -> Case:
    """Text under the box painted with a pattern whose cell also holds the secret."""
    pdf = new_pdf()
    tile = pikepdf.Stream(pdf, b"BT /F1 4 Tf 0 1 Td (" + SECRET.encode() + b") Tj ET")
    tile.Type = Name.Pattern
    tile.PatternType = 1
    tile.PaintType = 1
    tile.TilingType = 1
    tile.BBox = Array([0, 0, 30, 6])
    tile.XStep = 30
    tile.YStep = 6
    tile.Resources = Dictionary(Font=Dictionary(F1=helvetica(pdf)))
    tile = pdf.make_indirect(tile)
    content = text_line(BASE_X, BASE_Y, SECRET, extra_ops=b"/Pattern cs /P1 scn ") + visible_line()
    add_page(pdf, content, Dictionary(Pattern=Dictionary(P1=tile)))
    return Case("pattern_text_fill", save(pdf), (box(0, word_box(BASE_X, BASE_Y, "", SECRET)),))


def softmask_text() -> Case:
    """A soft mask whose group draws the secret: blue shows through in the secret's shape."""
    pdf = new_pdf()
    rect = SECRET_BOX
    group = form_xobject(
        pdf,
        b"0 g 0 0 400 300 re f 1 g BT /F1 12 Tf %g %g Td (%s) Tj ET"
        % (rect.x0 + 1, PAGE_H - rect.y1 + 4, SECRET.encode()),
        [0, 0, PAGE_W, PAGE_H],
    )
    group.Group = Dictionary(S=Name.Transparency, CS=Name.DeviceGray)
    gs = Dictionary(
        Type=Name.ExtGState, SMask=Dictionary(Type=Name.Mask, S=Name.Luminosity, G=group)
    )
    content = b"q /GS1 gs 0 0 1 rg %g %g %g %g re f Q\n" % (
        rect.x0 + 1,
        PAGE_H - rect.y1 + 1,
        rect.width - 2,
        rect.height - 2,
    )
    add_page(pdf, content + visible_line(), Dictionary(ExtGState=Dictionary(GS1=gs)))
    return Case("softmask_text", save(pdf), (box(0, rect),))


def softmask_outside_box() -> Case:
    """A soft-mask group holding the secret, masking a drawing that lies partly in the box."""
    pdf = new_pdf()
    rect = SECRET_BOX
    group = form_xobject(
        pdf,
        b"1 g BT /F1 12 Tf %g %g Td (%s) Tj ET"
        % (rect.x0 + 1, PAGE_H - rect.y1 + 4, SECRET.encode()),
        [0, 0, PAGE_W, PAGE_H],
    )
    group.Group = Dictionary(S=Name.Transparency, CS=Name.DeviceGray)
    gs = Dictionary(
        Type=Name.ExtGState, SMask=Dictionary(Type=Name.Mask, S=Name.Luminosity, G=group)
    )
    img = rgb_image(pdf, 4, 4, lambda x, y: (0, 0, 255))
    # An image (not line art) under the mask, much larger than the box: MuPDF blanks only the
    # image's pixels inside the box and keeps the soft mask with its text.
    content = b"q /GS1 gs 300 0 0 120 20 %g cm /Im1 Do Q\n" % (PAGE_H - rect.y1 - 40)
    add_page(
        pdf,
        content + visible_line(),
        Dictionary(ExtGState=Dictionary(GS1=gs), XObject=Dictionary(Im1=img)),
    )
    return Case("softmask_outside_box", save(pdf), (box(0, rect),))


def _type3_font(
    pdf: pikepdf.Pdf, procs: dict[str, bytes], bbox: list[float], with_helv: bool
) -> pikepdf.Object:
    names = sorted(procs)
    charprocs = Dictionary({"/" + n: pdf.make_stream(procs[n]) for n in names})
    first = 65
    widths = [600 if chr(first + i) in names else 0 for i in range(26)]
    font = Dictionary(
        Type=Name.Font,
        Subtype=Name.Type3,
        FontBBox=Array(bbox),
        FontMatrix=Array([0.001, 0, 0, 0.001, 0, 0]),
        CharProcs=charprocs,
        Encoding=Dictionary(
            Type=Name.Encoding,
            Differences=Array([first] + [Name("/" + chr(first + i)) for i in range(26)]),
        ),
        FirstChar=first,
        LastChar=first + 25,
        Widths=Array(widths),
    )
    if with_helv:
        font.Resources = Dictionary(Font=Dictionary(F1=helvetica(pdf)))
    return pdf.make_indirect(font)


def type3_glyphs() -> Case:
    """Type3 text: (a) the secret spelt in Type3 glyphs; (b) a glyph whose procedure draws the
    secret far from the glyph's nominal box, into the reviewer's box."""
    pdf = new_pdf()
    procs = {c: b"600 0 0 0 500 700 d1 50 0 450 700 re f" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    spelled = _type3_font(pdf, procs, [0, 0, 600, 700], with_helv=False)
    rect_b = word_box(BASE_X, 180, "", "QQQQ")
    # Glyph Z draws the secret 80 pt to the right of its own origin (glyph space is 1000/em).
    dx = (rect_b.x0 + 1 - 10) * 1000 / FONT_SIZE
    sneaky_procs = {"Z": b"600 0 d0 BT /F1 1000 Tf %g 0 Td (%s) Tj ET" % (dx, SECRET.encode())}
    sneaky = _type3_font(pdf, sneaky_procs, [0, 0, 600, 700], with_helv=True)
    y_a = PAGE_H - BASE_Y
    y_b = PAGE_H - 180
    content = (
        b"BT /T3 12 Tf %g %g Td (%s) Tj ET\n"
        % (BASE_X, y_a, SECRET.upper().replace("4711", "XYZW").encode())
        + b"BT /T3Z 12 Tf 10 %g Td (Z) Tj ET\n" % y_b
        + visible_line()
    )
    res = Dictionary(Font=Dictionary(F1=helvetica(pdf), T3=spelled, T3Z=sneaky))
    add_page(pdf, content, res)
    rect_a = word_box(BASE_X, BASE_Y, "", "GEHEIMXYZW")
    rect_a = Rect(BASE_X - 1, rect_a.y0, BASE_X + 10 * 600 * FONT_SIZE / 1000 + 1, rect_a.y1)
    rect_b = Rect(rect_b.x0, rect_b.y0, rect_b.x0 + text_width(SECRET) + 4, rect_b.y1)
    return Case(
        "type3_glyphs",
        save(pdf),
        (box(0, rect_a), box(0, rect_b)),
        secrets=(SECRET,),
        notes="glyph Z's procedure paints outside its nominal box",
    )


def partial_image() -> Case:
    """An image: red on the left (public), green on the right (secret, under the box)."""
    pdf = new_pdf()
    img = rgb_image(pdf, 40, 20, lambda x, y: GREEN if x >= 20 else RED)
    # Displayed placement: x 50..250, y 100..200.
    content = b"q 200 0 0 100 50 100 cm /Im1 Do Q\n" + visible_line()
    add_page(pdf, content, Dictionary(XObject=Dictionary(Im1=img)))
    rect = Rect(148, 98, 252, 202)
    probes = (
        PixelProbe(0, 80, 150, RED),
        PixelProbe(0, 140, 120, RED),
        PixelProbe(0, 200, 150, (0, 0, 0)),
    )
    return Case(
        "partial_image", save(pdf), (box(0, rect),), secrets=(), probes=probes, secret_rgb=GREEN
    )


def reused_image() -> Case:
    """One image XObject on two pages; covered on page 1 only."""
    pdf = new_pdf()
    img = rgb_image(pdf, 40, 20, lambda x, y: GREEN if x >= 20 else RED)
    content = b"q 200 0 0 100 50 100 cm /Im1 Do Q\n" + visible_line()
    add_page(pdf, content, Dictionary(XObject=Dictionary(Im1=img)))
    add_page(pdf, content, Dictionary(XObject=Dictionary(Im1=img)))
    rect = Rect(148, 98, 252, 202)
    probes = (
        PixelProbe(0, 80, 150, RED),
        PixelProbe(1, 80, 150, RED),
        PixelProbe(1, 200, 150, GREEN),
    )
    return Case(
        "reused_image",
        save(pdf),
        (box(0, rect),),
        secrets=(),
        probes=probes,
        secret_rgb=GREEN,
        keep_rgb_pages=(1,),
    )


def inline_image() -> Case:
    pdf = new_pdf()
    raw = b"".join(bytes(GREEN if x >= 2 else RED) for y in range(2) for x in range(4))
    content = (
        b"q 200 0 0 100 50 100 cm BI /W 4 /H 2 /CS /RGB /BPC 8 ID "
        + raw
        + b"\nEI Q\n"
        + visible_line()
    )
    add_page(pdf, content)
    rect = Rect(148, 98, 252, 202)
    probes = (PixelProbe(0, 80, 150, RED),)
    return Case(
        "inline_image", save(pdf), (box(0, rect),), secrets=(), probes=probes, secret_rgb=GREEN
    )


def image_mask() -> Case:
    """A stencil mask (1-bit) painted green; the right half lies under the box."""
    pdf = new_pdf()
    bits = bytes([0b00000000] * 8)  # all 0 = paint everywhere (Decode default [0 1]: 0 paints)
    stream = pikepdf.Stream(pdf, bits)
    stream.Type = Name.XObject
    stream.Subtype = Name.Image
    stream.Width = 8
    stream.Height = 8
    stream.ImageMask = True
    stream.BitsPerComponent = 1
    mask = pdf.make_indirect(stream)
    content = b"q 0 1 0 rg 200 0 0 100 50 100 cm /Im1 Do Q\n" + visible_line()
    add_page(pdf, content, Dictionary(XObject=Dictionary(Im1=mask)))
    rect = Rect(148, 98, 252, 202)
    probes = (PixelProbe(0, 80, 150, GREEN),)
    return Case(
        "image_mask", save(pdf), (box(0, rect),), secrets=(), probes=probes, secret_rgb=GREEN
    )


def vector_touching() -> Case:
    """A green path reaching into the box (its shape is the secret) and a red one outside."""
    pdf = new_pdf()
    rect = Rect(150, 100, 250, 200)
    content = (
        b"q 0 1 0 RG 4 w 60 150 m 200 150 l 200 120 l S Q\n"  # from outside into the box
        b"q 0 1 0 rg 180 120 40 30 re f Q\n"  # wholly inside the box
        b"q 1 0 0 rg 60 230 60 40 re f Q\n"  # outside, displayed y 30..70
    ) + visible_line()
    add_page(pdf, content)
    probes = (PixelProbe(0, 90, 50, RED),)
    return Case(
        "vector_touching", save(pdf), (box(0, rect),), secrets=(), probes=probes, secret_rgb=GREEN
    )


def shading_in_box() -> Case:
    """An axial shading (green to green-ish) clipped to a region inside the box."""
    pdf = new_pdf()
    shading = Dictionary(
        ShadingType=2,
        ColorSpace=Name.DeviceRGB,
        Coords=Array([0, 0, 400, 0]),
        Function=Dictionary(
            FunctionType=2, Domain=Array([0, 1]), C0=Array([0, 1, 0]), C1=Array([0, 1, 0]), N=1
        ),
        Extend=Array([True, True]),
    )
    rect = Rect(150, 100, 250, 200)
    content = b"q 170 120 60 60 re W n /Sh1 sh Q\n" + visible_line()
    add_page(pdf, content, Dictionary(Shading=Dictionary(Sh1=shading)))
    return Case("shading_in_box", save(pdf), (box(0, rect),), secrets=(), secret_rgb=GREEN)


def annotation_kinds() -> Case:
    """Every common annotation kind carrying the secret, plus an unapplied Redact annotation
    over public text (it must vanish without being applied)."""
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    page.insert_text((BASE_X, BASE_Y), line_text(), fontname="helv", fontsize=FONT_SIZE)
    page.insert_text((50, 260), VISIBLE + " tekst die blijft", fontname="helv", fontsize=FONT_SIZE)
    r = pymupdf.Rect(SECRET_BOX.as_tuple())
    note = page.add_text_annot((300, 30), SECRET)
    note.set_info(title=SECRET, subject=SECRET)
    note.update()
    ft = page.add_freetext_annot(
        pymupdf.Rect(r.x0, r.y0 + 30, r.x1 + 40, r.y1 + 34), SECRET, fontsize=10
    )
    ft.update()
    hl = page.add_highlight_annot(r)
    hl.set_info(content=SECRET)
    hl.update()
    sq = page.add_rect_annot(pymupdf.Rect(20, 200, 60, 230))
    sq.set_info(content=SECRET)
    sq.update()
    st = page.add_stamp_annot(pymupdf.Rect(300, 150, 390, 190), stamp=0)
    st.set_info(content=SECRET)
    st.update()
    page.add_file_annot((350, 60), SECRET.encode() + b" in een bijlage", "geheim.txt", desc=SECRET)
    page.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(50, 250, 150, 265),
            "uri": "https://example.org/" + SECRET,
        }
    )
    red = page.add_redact_annot(pymupdf.Rect(45, 245, 110, 265), text=SECRET)
    red.update()
    data = doc.tobytes()
    doc.close()
    ft_box = Rect(r.x0, r.y0 + 30, r.x1 + 40, r.y1 + 34)
    return Case("annotations", data, (box(0, SECRET_BOX), box(0, ft_box)))


def form_fields() -> Case:
    """AcroForm text fields: one value (the secret) inside a box, one value outside."""
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    page.insert_text((50, 260), VISIBLE + " tekst die blijft", fontname="helv", fontsize=FONT_SIZE)
    inside = pymupdf.Widget()
    # In pymupdf at run time, missing from its type stubs (redactor/pdf/redact.py does the same).
    inside.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT  # type: ignore[attr-defined]
    inside.field_name = "naam"
    inside.field_value = SECRET
    inside.rect = pymupdf.Rect(50, 80, 200, 100)
    inside.text_fontsize = 11
    page.add_widget(inside)
    outside = pymupdf.Widget()
    outside.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT  # type: ignore[attr-defined]
    outside.field_name = "plaats"
    outside.field_value = "Zichtbaarveld"
    outside.rect = pymupdf.Rect(50, 150, 200, 170)
    outside.text_fontsize = 11
    page.add_widget(outside)
    data = doc.tobytes()
    doc.close()
    return Case(
        "form_fields",
        data,
        (box(0, Rect(45, 75, 205, 105)),),
        visible=(VISIBLE, "Zichtbaarveld"),
    )


def _catalog_case(name: str, mutate: Callable[[pikepdf.Pdf], None], boxes: bool = True) -> Case:
    pdf = new_pdf()
    add_page(pdf, text_line(BASE_X, BASE_Y, line_text()) + visible_line())
    mutate(pdf)
    return Case(name, save(pdf), (box(0, SECRET_BOX),) if boxes else ())


def xfa() -> Case:
    def mutate(pdf: pikepdf.Pdf) -> None:
        xml = pdf.make_stream(
            b"<xdp:xdp><field name='naam'><value>" + SECRET.encode() + b"</value></field></xdp:xdp>"
        )
        pdf.Root.AcroForm = Dictionary(
            Fields=Array(), XFA=Array([String("form"), xml]), NeedAppearances=True
        )

    return _catalog_case("xfa", mutate)


def javascript() -> Case:
    def mutate(pdf: pikepdf.Pdf) -> None:
        js = Dictionary(S=Name.JavaScript, JS=String(f"app.alert('{SECRET}');"))
        pdf.Root.OpenAction = pdf.make_indirect(js)
        names = Dictionary(
            JavaScript=Dictionary(
                Names=Array(
                    [
                        String("doc"),
                        pdf.make_indirect(
                            Dictionary(
                                S=Name.JavaScript,
                                JS=pdf.make_stream(f"var x = '{SECRET}';".encode()),
                            )
                        ),
                    ]
                )
            )
        )
        pdf.Root.Names = names
        pdf.Root.AA = Dictionary(WC=Dictionary(S=Name.JavaScript, JS=String(SECRET)))
        pdf.pages[0].obj.AA = Dictionary(O=Dictionary(S=Name.JavaScript, JS=String(SECRET)))

    return _catalog_case("javascript", mutate)


def embedded_file() -> Case:
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    page.insert_text((BASE_X, BASE_Y), line_text(), fontname="helv", fontsize=FONT_SIZE)
    page.insert_text((50, 260), VISIBLE + " tekst die blijft", fontname="helv", fontsize=FONT_SIZE)
    doc.embfile_add(
        SECRET, SECRET.encode() + b" staat in de bijlage", filename=SECRET + ".txt", desc=SECRET
    )
    data = doc.tobytes()
    doc.close()
    # Also an associated file (/AF, PDF/A-3 style) on the catalog.
    with pikepdf.open(io.BytesIO(data)) as pdf:
        ef = pdf.make_stream(SECRET.encode())
        ef.Type = Name.EmbeddedFile
        spec = pdf.make_indirect(
            Dictionary(
                Type=Name.Filespec,
                F=String("af.txt"),
                UF=String("af.txt"),
                EF=Dictionary(F=ef),
                Desc=String(SECRET),
            )
        )
        pdf.Root.AF = Array([spec])
        data = save(pdf)
    return Case("embedded_file", data, (box(0, SECRET_BOX),))


def bookmarks() -> Case:
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    page.insert_text((BASE_X, BASE_Y), line_text(), fontname="helv", fontsize=FONT_SIZE)
    page.insert_text((50, 260), VISIBLE + " tekst die blijft", fontname="helv", fontsize=FONT_SIZE)
    doc.set_toc([[1, "Hoofdstuk", 1], [2, SECRET, 1]])
    data = doc.tobytes()
    doc.close()
    return Case("bookmarks", data, (box(0, SECRET_BOX),))


def named_destinations() -> Case:
    def mutate(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0].obj
        dest = Array([page, Name.XYZ, 0, 0, 0])
        pdf.Root.Names = Dictionary(Dests=Dictionary(Names=Array([String(SECRET), dest])))
        pdf.Root.Dests = Dictionary({"/" + SECRET: dest})

    return _catalog_case("named_destinations", mutate)


def page_labels() -> Case:
    def mutate(pdf: pikepdf.Pdf) -> None:
        pdf.Root.PageLabels = Dictionary(
            Nums=Array([0, Dictionary(S=Name.D, P=String(SECRET + "-"))])
        )

    return _catalog_case("page_labels", mutate)


def metadata() -> Case:
    def mutate(pdf: pikepdf.Pdf) -> None:
        pdf.docinfo = pdf.make_indirect(
            Dictionary(Title=String(SECRET), Author=String(SECRET), Keywords=String(SECRET))
        )
        xmp = (
            '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
            + SECRET
            + '</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        )
        stream = pdf.make_stream(xmp.encode())
        stream.Type = Name.Metadata
        stream.Subtype = Name.XML
        pdf.Root.Metadata = stream
        pdf.pages[0].obj.Metadata = pdf.make_stream(xmp.encode())

    return _catalog_case("metadata", mutate)


def piece_info() -> Case:
    def mutate(pdf: pikepdf.Pdf) -> None:
        private = Dictionary(LastModified=String("D:20200101000000"), Private=String(SECRET))
        pdf.pages[0].obj.PieceInfo = Dictionary(Redactor=private)
        pdf.Root.PieceInfo = Dictionary(App=Dictionary(Private=pdf.make_stream(SECRET.encode())))
        thumb = rgb_image(pdf, 2, 2, lambda x, y: GREEN)
        pdf.pages[0].obj.Thumb = thumb
        pdf.pages[0].obj.SpiderInfo = String(SECRET)

    return _catalog_case("piece_info", mutate)


def structure_tree() -> Case:
    """Tagged content: ActualText and Alt carry the secret, in the content stream and the tree."""
    pdf = new_pdf()
    y = PAGE_H - BASE_Y
    content = (
        b"/Span <</MCID 0 /ActualText (%s)>> BDC BT /F1 12 Tf %g %g Td (%s) Tj ET EMC\n"
        % (SECRET.encode(), BASE_X, y, line_text().encode())
    ) + visible_line()
    page = add_page(pdf, content, StructParents=0)
    elem = pdf.make_indirect(
        Dictionary(
            Type=Name.StructElem,
            S=Name.P,
            P=Name.Null,
            Pg=page,
            K=0,
            Alt=String(SECRET),
            ActualText=String(SECRET),
        )
    )
    root = pdf.make_indirect(
        Dictionary(
            Type=Name.StructTreeRoot,
            K=Array([elem]),
            ParentTree=Dictionary(Nums=Array([0, Array([elem])])),
        )
    )
    elem.P = root
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    return Case("structure_tree", save(pdf), (box(0, SECRET_BOX),))


def append_revision(data: bytes, objects: dict[int, bytes], info: bytes | None = None) -> bytes:
    """`data` plus an incremental update that redefines the given objects (number -> body)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        size = int(pdf.trailer.Size)
        root = pdf.Root.objgen[0]
    prev = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for num, body in sorted(objects.items()):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for num, off in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n \n" % (num, off)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d " % (size, root, prev)
    if info:
        out += info
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _stream_body(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def incremental_update() -> Case:
    """The first revision shows the secret; an incremental update replaced the page text.

    The secret is in no box (the current revision does not show it), yet it must not survive
    in the exported file."""
    first = normal_text().pdf
    with pikepdf.open(io.BytesIO(first)) as pdf:
        contents = pdf.pages[0].obj.Contents.objgen[0]
    text = b"BT /F1 12 Tf 50 40 Td (" + VISIBLE.encode() + b" tekst die blijft) Tj ET"
    data = append_revision(first, {contents: _stream_body(text)})
    assert data.count(b"%%EOF") == 2
    return Case("incremental_update", data, (box(0, Rect(300, 250, 350, 280)),))


def incremental_with_box() -> Case:
    """Two revisions, both showing the secret (an unchanged page); the box is on the current one."""
    first = normal_text().pdf
    with pikepdf.open(io.BytesIO(first)) as pdf:
        contents = pdf.pages[0].obj.Contents.objgen[0]
        old = pdf.pages[0].obj.Contents.read_bytes()
    data = append_revision(first, {contents: _stream_body(old + b"\n% tweede revisie\n")})
    return Case("incremental_with_box", data, (box(0, SECRET_BOX),))


def _display_point(
    x: float, y_top: float, rotation: int, crop: tuple[float, float, float, float]
) -> tuple[float, float]:
    """A point given in unrotated top-left coordinates of the CropBox, as displayed."""
    w = crop[2] - crop[0]
    h = crop[3] - crop[1]
    if rotation == 0:
        return x, y_top
    if rotation == 90:
        return h - y_top, x
    if rotation == 180:
        return w - x, h - y_top
    return y_top, w - x


def _display_rect(r: Rect, rotation: int, crop: tuple[float, float, float, float]) -> Rect:
    a = _display_point(r.x0, r.y0, rotation, crop)
    b = _display_point(r.x1, r.y1, rotation, crop)
    return Rect.normalized(a[0], a[1], b[0], b[1])


def rotated_page(
    rotation: int, crop: tuple[float, float, float, float] | None = None, art: bool = False
) -> Case:
    """A page with /Rotate and/or a CropBox not at 0,0; the box is drawn in displayed space.

    The crop box is given in user space; text sits 60 pt right and 80 pt below its top-left.
    With `art`, a green square lies under the box (it must go) and a red one away from it
    (it must stay): line art is found near a box in the same space as the box."""
    crop = crop or (0.0, 0.0, PAGE_W, PAGE_H)
    pdf = new_pdf()
    x = crop[0] + 60
    y_user = crop[3] - 80
    # With `art`, the secret alone on its line: no glyph left near the box, so that only the
    # art decides whether MuPDF's redaction runs.
    before = "" if art else VISIBLE + " "
    line = SECRET if art else line_text()
    content = b"BT /F1 12 Tf %g %g Td (%s) Tj ET\n" % (x, y_user, line.encode())
    unrot = word_box(60, 80, before, SECRET)
    if art:
        cx, cy = (unrot.x0 + unrot.x1) / 2, (unrot.y0 + unrot.y1) / 2
        content += b"q 0 1 0 rg %g %g 6 6 re f Q\n" % (crop[0] + cx - 3, crop[3] - cy - 3)
        content += b"q 1 0 0 rg %g %g 10 10 re f Q\n" % (crop[0] + 200, crop[3] - 160)
    content += b"BT /F1 12 Tf %g %g Td (%s) Tj ET\n" % (
        crop[0] + 60,
        crop[1] + 40,
        (VISIBLE + " onderaan").encode(),
    )
    # Outside the visible area: a secret that nobody saw (must not survive either).
    content += b"BT /F1 12 Tf %g %g Td (%s) Tj ET\n" % (
        crop[0] - 150,
        crop[1] - 100,
        SECRET.encode(),
    )
    media = [crop[0] - 200, crop[1] - 200, crop[2] + 100, crop[3] + 100]
    add_page(pdf, content, size=(0, 0), Rotate=rotation, CropBox=Array(list(crop)))
    pdf.pages[-1].obj.MediaBox = Array(media)
    rect = _display_rect(unrot, rotation, crop)
    centre = ((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2)
    # Just outside the box, left and right of it in displayed space (white page).
    probes = (
        PixelProbe(0, centre[0], centre[1], (0, 0, 0)),
        PixelProbe(0, rect.x0 - 3, centre[1], (0, 0, 0), tol=60, expect_equal=False),
        PixelProbe(0, rect.x1 + 3, centre[1], (0, 0, 0), tol=60, expect_equal=False),
        PixelProbe(0, centre[0], rect.y0 - 3, (0, 0, 0), tol=60, expect_equal=False),
        PixelProbe(0, centre[0], rect.y1 + 3, (0, 0, 0), tol=60, expect_equal=False),
    )
    name = f"rotated_{rotation}" + ("_cropped" if crop[0] or crop[1] else "")
    if not art:
        return Case(name, save(pdf), (box(0, rect),), probes=probes, extra={"display_rect": rect})
    red = _display_point(205, 155, rotation, crop)
    return Case(
        name + "_art",
        save(pdf),
        (box(0, rect),),
        probes=(*probes, PixelProbe(0, red[0], red[1], RED)),
        secret_rgb=GREEN,
        extra={"display_rect": rect},
    )


def hidden_ocg() -> Case:
    """An optional-content layer switched off: its text was never seen by the reviewer."""
    pdf = new_pdf()
    hidden = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Verborgen " + SECRET)))
    shown = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Zichtbaar")))
    pdf.Root.OCProperties = Dictionary(
        OCGs=Array([hidden, shown]),
        D=Dictionary(Order=Array([hidden, shown]), OFF=Array([hidden]), Name=String(SECRET)),
    )
    form = form_xobject(
        pdf, b"BT /F1 12 Tf 0 5 Td (" + SECRET.encode() + b" in vorm) Tj ET", [0, 0, 300, 20]
    )
    form.OC = hidden
    content = (
        b"/OC /oc1 BDC " + text_line(BASE_X, 200, SECRET + " in laag") + b"EMC\n"
        b"/OC /oc2 BDC " + text_line(BASE_X, 220, VISIBLE + " in laag") + b"EMC\n"
        b"q 1 0 0 1 50 150 cm /Fm1 Do Q\n" + text_line(BASE_X, BASE_Y, line_text()) + visible_line()
    )
    res = Dictionary(Properties=Dictionary(oc1=hidden, oc2=shown), XObject=Dictionary(Fm1=form))
    add_page(pdf, content, res)
    return Case(
        "hidden_ocg", save(pdf), (box(0, SECRET_BOX),), visible=(VISIBLE, VISIBLE + " in laag")
    )


def withheld_page() -> Case:
    pdf = new_pdf()
    add_page(pdf, text_line(BASE_X, BASE_Y, VISIBLE + " eerste pagina") + visible_line())
    img = rgb_image(pdf, 4, 4, lambda x, y: GREEN)
    add_page(
        pdf,
        text_line(BASE_X, BASE_Y, SECRET + " op pagina twee")
        + b"q 100 0 0 50 50 50 cm /Im1 Do Q\n",
        Dictionary(XObject=Dictionary(Im1=img)),
    )
    return Case(
        "withheld_page",
        save(pdf),
        (),
        withheld=(WithheldPageSpec(page_index=1, codes=("5.1.1c", "5.1.2e")),),
        secret_rgb=GREEN,
    )


def spaces_inside_box() -> Case:
    """A three-word name under one box: the spaces inside it must go too (word lengths)."""
    pdf = new_pdf()
    name = "Jan GEHEIM4711 Vries"
    add_page(pdf, text_line(BASE_X, BASE_Y, VISIBLE + " " + name + " " + VISIBLE) + visible_line())
    return Case(
        "spaces_inside_box", save(pdf), (box(0, word_box(BASE_X, BASE_Y, VISIBLE + " ", name)),)
    )


CASE_BUILDERS: dict[str, Callable[[], Case]] = {
    "normal_text": normal_text,
    "tj_kerned_text": tj_kerned_text,
    "invisible_ocr_text": invisible_ocr_text,
    "white_text": white_text,
    "clipped_text": clipped_text,
    "form_xobject_text": form_xobject_text,
    "form_reused_text": form_reused_text,
    "pattern_text": pattern_text,
    "pattern_text_fill": pattern_text_fill,
    "softmask_text": softmask_text,
    "softmask_outside_box": softmask_outside_box,
    "type3_glyphs": type3_glyphs,
    "partial_image": partial_image,
    "reused_image": reused_image,
    "inline_image": inline_image,
    "image_mask": image_mask,
    "vector_touching": vector_touching,
    "shading_in_box": shading_in_box,
    "annotations": annotation_kinds,
    "form_fields": form_fields,
    "xfa": xfa,
    "javascript": javascript,
    "embedded_file": embedded_file,
    "bookmarks": bookmarks,
    "named_destinations": named_destinations,
    "page_labels": page_labels,
    "metadata": metadata,
    "piece_info": piece_info,
    "structure_tree": structure_tree,
    "incremental_update": incremental_update,
    "incremental_with_box": incremental_with_box,
    "rotated_90": lambda: rotated_page(90),
    "rotated_180": lambda: rotated_page(180),
    "rotated_270": lambda: rotated_page(270),
    "cropbox_offset": lambda: rotated_page(0, (37.0, 53.0, 337.0, 283.0)),
    "rotated_90_cropped": lambda: rotated_page(90, (37.0, 53.0, 337.0, 283.0)),
    "rotated_270_cropped_art": lambda: rotated_page(270, (37.0, 53.0, 337.0, 283.0), art=True),
    "hidden_ocg": hidden_ocg,
    "withheld_page": withheld_page,
    "spaces_inside_box": spaces_inside_box,
}


def build(name: str) -> Case:
    return CASE_BUILDERS[name]()


def image_in_shared_form() -> Case:
    """An image inside a form XObject, the form drawn on two pages; boxed on page 1 only."""
    pdf = new_pdf()
    img = rgb_image(pdf, 40, 20, lambda x, y: GREEN if x >= 20 else RED)
    form = form_xobject(
        pdf,
        b"q 200 0 0 100 0 0 cm /Im1 Do Q",
        [0, 0, 200, 100],
        Dictionary(XObject=Dictionary(Im1=img)),
    )
    content = b"q 1 0 0 1 50 100 cm /Fm1 Do Q\n" + visible_line()
    add_page(pdf, content, Dictionary(XObject=Dictionary(Fm1=form)))
    add_page(pdf, content, Dictionary(XObject=Dictionary(Fm1=form)))
    probes = (PixelProbe(0, 80, 150, RED), PixelProbe(1, 200, 150, GREEN))
    return Case(
        "image_in_shared_form",
        save(pdf),
        (box(0, Rect(148, 98, 252, 202)),),
        secrets=(),
        probes=probes,
        secret_rgb=GREEN,
        keep_rgb_pages=(1,),
    )


def clip_text_outside_page() -> Case:
    """Text in clip mode (render mode 7) outside the visible page: nobody saw it."""
    pdf = new_pdf()
    content = text_line(BASE_X, BASE_Y, VISIBLE + " regel") + visible_line()
    content += b"BT 7 Tr /F1 12 Tf -300 -50 Td (" + SECRET.encode() + b" buiten) Tj ET\n"
    add_page(pdf, content)
    return Case("clip_text_outside_page", save(pdf), (box(0, Rect(300, 250, 350, 280)),))


CASE_BUILDERS["image_in_shared_form"] = image_in_shared_form
CASE_BUILDERS["clip_text_outside_page"] = clip_text_outside_page
