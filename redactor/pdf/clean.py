"""The last pass: a clean file that carries nothing but the redacted pages.

Runs on MuPDF's redacted output with pikepdf (a second PDF writer: the full rewrite drops
every object that is not reachable, including earlier revisions, and writes one %%EOF):

* the catalog keeps only /Type, /Pages and /Lang: no outline, names (destinations, embedded
  files, JavaScript), AcroForm/XFA, actions, page labels, structure tree, metadata, optional
  content, private data, associated files;
* every page keeps only what drawing needs; MediaBox becomes the visible box;
* every dictionary in the file loses /Metadata, /PieceInfo, /Thumb, /OC, /AA, /JS, /AF,
  /OPI, /Alternates (alternate images are not redacted), /StructParent(s);
* marked-content properties are dropped from content streams (/ActualText, /Alt and /E can
  hold text from under a box): `/Tag <<...>> BDC` becomes `/Tag BMC`;
* the document info is replaced by Producer "Redactor", and the file gets a fresh random ID.

Box stamps, withheld notices and the legend page are added here too (redactor.pdf.stamp).
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from redactor.core.export_model import BoxStyle
from redactor.core.geometry import Rect
from redactor.pdf.content import ContentError, instr, op_name, parse, unparse
from redactor.pdf.fontdata import prune_fonts
from redactor.pdf.stamp import FONT_NAME, page_stamp

log = logging.getLogger(__name__)

CATALOG_KEEP = frozenset({"/Type", "/Pages", "/Lang"})
PAGES_KEEP = frozenset({"/Type", "/Kids", "/Count", "/Parent"})
PAGE_KEEP = frozenset(
    {"/Type", "/Parent", "/MediaBox", "/Contents", "/Resources", "/Rotate", "/UserUnit", "/Group"}
)
STRIP_EVERYWHERE = (
    "/Metadata",
    "/PieceInfo",
    "/Thumb",
    "/OC",
    "/AA",
    "/JS",
    "/AF",
    "/OPI",
    "/Alternates",
    "/StructParent",
    "/StructParents",
    "/LastModified",
    "/Ref",
    # Marked-content property lists: only BDC/DP operands use them, and those are stripped.
    "/Properties",
)
# XObjects keep only what drawing them needs: producers hide private data in the others
# (pdfTeX's /PTEX.InfoDict carries the embedded figure's author and title, for instance).
FORM_KEEP = frozenset(
    {
        "/Type",
        "/Subtype",
        "/FormType",
        "/BBox",
        "/Matrix",
        "/Resources",
        "/Group",
        "/Length",
        "/Filter",
        "/DecodeParms",
    }
)
IMAGE_KEEP = frozenset(
    {
        "/Type",
        "/Subtype",
        "/Width",
        "/Height",
        "/ColorSpace",
        "/BitsPerComponent",
        "/Intent",
        "/ImageMask",
        "/Mask",
        "/Decode",
        "/Interpolate",
        "/SMask",
        "/SMaskInData",
        "/Matte",
        "/Length",
        "/Filter",
        "/DecodeParms",
    }
)
PRODUCER = "Redactor"


@dataclass
class PageStamp:
    """What to draw on one page, in displayed space."""

    displayed_to_user: tuple[float, float, float, float, float, float]
    boxes: list[tuple[Rect, tuple[str, ...]]] = field(default_factory=list)
    extra: bytes = b""  # withheld notice


def finalize(
    data: bytes,
    stamps: dict[int, PageStamp],
    style: BoxStyle,
    legend: tuple[tuple[float, float], bytes] | None,
) -> bytes:
    """The cleaned, stamped file. `legend` is ((width, height), drawing) of an appended page."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _clean_catalog(pdf)
        prune_fonts(pdf)  # before the stamps: their font is ours and complete
        font = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type1,
                BaseFont=Name.Helvetica,
                Encoding=Name.WinAnsiEncoding,
            )
        )
        for index, page in enumerate(pdf.pages):
            _clean_page(pdf, page)
            stamp = stamps.get(index)
            if stamp is not None and (stamp.boxes or stamp.extra):
                _add_stream(
                    pdf,
                    page,
                    page_stamp(stamp.displayed_to_user, stamp.boxes, style, stamp.extra),
                    font,
                )
        if legend is not None:
            (width, height), drawing = legend
            pdf.add_blank_page(page_size=(width, height))
            page = pdf.pages[-1]
            page.obj.Resources = Dictionary()
            _add_stream(pdf, page, page_stamp((1, 0, 0, -1, 0, height), [], style, drawing), font)
        _strip_everywhere(pdf)
        pdf.docinfo = pdf.make_indirect(Dictionary(Producer=String(PRODUCER)))
        pdf.trailer.ID = Array([String(os.urandom(16)), String(os.urandom(16))])
        out = io.BytesIO()
        pdf.save(
            out,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            encryption=False,
            linearize=False,
            preserve_pdfa=False,
            fix_metadata_version=False,
            deterministic_id=False,
            static_id=False,
        )
    return out.getvalue()


def _clean_catalog(pdf: pikepdf.Pdf) -> None:
    root = pdf.Root
    for key in list(root.keys()):
        if key not in CATALOG_KEEP:
            del root[key]
    stack = [root.Pages]
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if not isinstance(node, Dictionary) or node.objgen in seen:
            continue
        seen.add(node.objgen)
        if node.get("/Type") == Name.Pages or "/Kids" in node:
            for key in list(node.keys()):
                if key not in PAGES_KEEP:
                    del node[key]
            stack.extend(list(node.get("/Kids", Array())))


def _visible_box(page: pikepdf.Page) -> Array:
    media = [float(v) for v in page.mediabox]
    crop = [float(v) for v in page.cropbox]
    mx0, mx1 = sorted((media[0], media[2]))
    my0, my1 = sorted((media[1], media[3]))
    cx0, cx1 = sorted((crop[0], crop[2]))
    cy0, cy1 = sorted((crop[1], crop[3]))
    x0, y0, x1, y1 = max(mx0, cx0), max(my0, cy0), min(mx1, cx1), min(my1, cy1)
    if x1 <= x0 or y1 <= y0:
        x0, y0, x1, y1 = mx0, my0, mx1, my1
    return Array([x0, y0, x1, y1])


def _clean_page(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    obj = page.obj
    box = _visible_box(page)
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    for key in list(obj.keys()):
        if key not in PAGE_KEEP:
            del obj[key]
    obj.MediaBox = box
    if rotate:
        obj.Rotate = rotate
    elif "/Rotate" in obj:
        del obj["/Rotate"]
    try:
        page.remove_unreferenced_resources()
    except Exception as exc:  # a content stream qpdf cannot tokenise: leave the resources
        log.info("unused resources could not be pruned: %s", exc)
    _strip_marked_content(pdf, page)


def _strip_marked_content(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """BDC -> BMC and DP -> MP in the page's stream and every form it can reach."""
    streams: list[pikepdf.Object | None] = [None]  # None: the page's own content
    resources = page.obj.get("/Resources")
    _collect_forms(resources, streams, set(), 0)  # type: ignore[arg-type]
    for entry in streams:
        is_page = entry is None
        holder = page.obj if entry is None else entry
        try:
            raw = b"".join(s.read_bytes() for s in _streams_of(holder, is_page))
        except Exception:
            continue
        if b"BDC" not in raw and b"DP" not in raw:
            continue
        try:
            instructions = parse(page if is_page else holder)
        except ContentError as exc:
            log.info("marked content could not be stripped from a stream: %s", exc)
            continue
        changed = False
        for i, item in enumerate(instructions):
            name = op_name(item)
            if name == "BDC" and item.operands:
                instructions[i] = instr([item.operands[0]], "BMC")
                changed = True
            elif name == "DP" and item.operands:
                instructions[i] = instr([item.operands[0]], "MP")
                changed = True
        if changed:
            data = unparse(instructions)
            if is_page:
                page.obj.Contents = pdf.make_stream(data)
            else:
                holder.write(data)


def _streams_of(holder: pikepdf.Object, is_page: bool) -> Sequence[pikepdf.Stream]:
    if not is_page:
        return [holder]  # type: ignore[list-item]
    contents = holder.get("/Contents")
    if isinstance(contents, pikepdf.Stream):
        return [contents]
    if isinstance(contents, Array):
        return [c for c in contents if isinstance(c, pikepdf.Stream)]
    return []


def _collect_forms(
    resources: object, into: list[pikepdf.Object], seen: set[tuple[int, int]], depth: int
) -> None:
    if not isinstance(resources, Dictionary) or depth > 12:
        return
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, Dictionary):
        return
    for _, xobj in xobjects.items():
        if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == Name.Form:
            if xobj.objgen in seen:
                continue
            seen.add(xobj.objgen)
            into.append(xobj)
            _collect_forms(xobj.get("/Resources"), into, seen, depth + 1)


def _add_stream(pdf: pikepdf.Pdf, page: pikepdf.Page, data: bytes, font: pikepdf.Object) -> None:
    """Append a content stream to the page, with our label font in a private resource dict."""
    obj = page.obj
    old = obj.get("/Resources")
    resources = Dictionary()
    if isinstance(old, Dictionary):
        for key, value in old.items():
            resources[key] = value
    fonts = Dictionary()
    old_fonts = resources.get("/Font")
    if isinstance(old_fonts, Dictionary):
        for key, value in old_fonts.items():
            fonts[key] = value
    fonts[Name("/" + FONT_NAME)] = font
    resources.Font = fonts
    obj.Resources = resources
    # Wrap the existing content in q/Q so an unbalanced source cannot distort the stamps.
    existing = list(_streams_of(obj, True))
    parts = [pdf.make_stream(b"q\n"), *existing, pdf.make_stream(b"\nQ\n"), pdf.make_stream(data)]
    obj.Contents = Array(parts)


def _strip_everywhere(pdf: pikepdf.Pdf) -> None:
    """Remove STRIP_EVERYWHERE keys from every dictionary, indirect or nested directly."""
    for obj in pdf.objects:
        _strip(obj, 0)


def _strip(obj: object, depth: int) -> None:
    if depth > 32:
        return
    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") in (Name.Form, Name.Image):
        keep = FORM_KEEP if obj.get("/Subtype") == Name.Form else IMAGE_KEEP
        for key in list(obj.keys()):
            if key not in keep:
                del obj[key]
    if isinstance(obj, (Dictionary, pikepdf.Stream)):
        for key in STRIP_EVERYWHERE:
            if key in obj:
                del obj[key]
        for _, value in obj.items():
            if isinstance(value, (Dictionary, Array)) and not value.is_indirect:
                _strip(value, depth + 1)
    elif isinstance(obj, Array):
        for value in obj:
            if isinstance(value, (Dictionary, Array)) and not value.is_indirect:
                _strip(value, depth + 1)
