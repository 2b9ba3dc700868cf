"""What Redactor draws: boxes with their ground codes, withheld-page notices, the legend page.

All drawing is done in displayed page space (points, origin top-left, as the reviewer saw the
page): the stream starts with one `cm` that maps displayed space to the page's user space, so
rotation and CropBox need no special cases below. Each page's drawing is one content stream
of its own, wrapped in `/RdxStamp BMC ... EMC`, appended last: the verification gate removes
exactly that stream to look at what lies under the boxes.

Text is set in the standard Helvetica (WinAnsi). Widths come from MuPDF's copy of the
standard metrics.
"""

from __future__ import annotations

import functools
import logging
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import pymupdf

from redactor.core.export_model import STAMP_TAG, BoxStyle, LegendEntry, box_label
from redactor.core.geometry import Rect

log = logging.getLogger(__name__)

FONT_NAME = "RdxHelv"
LABEL_MAX_SIZE = 10.0
LABEL_MIN_SIZE = 4.0
LABEL_PAD = 2.0  # inside the box, around the label (more than the border's width)
BORDER = 1.0  # white style: black border width, drawn inside the box
# Helvetica's descender (AFM): the label's extent is [baseline - 0.793 size, baseline + 0.207 size]
# as pdfminer measures it; the label is centred on that extent.
DESCENT = 0.207

WITHHELD_TITLE = {"nl": "Pagina volledig geweigerd", "en": "Page withheld"}
WITHHELD_GROUNDS = {"nl": "Weigeringsgrond(en): ", "en": "Ground(s): "}
LEGEND_TITLE = {"nl": "Legenda weigeringsgronden", "en": "Legend of grounds"}


def text_width(text: str, size: float) -> float:
    return _unit_width(text) * size


@functools.lru_cache(maxsize=4096)
def _unit_width(text: str) -> float:
    # Cached: the same few labels are measured for every box of a case, and each MuPDF call
    # costs more than the rest of laying out the label.
    return pymupdf.get_text_length(text, fontname="helv", fontsize=1.0)


def pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi; characters outside it become '?'."""
    data = text.encode("cp1252", errors="replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _n(value: float) -> bytes:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").encode()


@dataclass(frozen=True)
class LabelLayout:
    size: float
    x: float
    baseline: float
    text: str


def layout_label(rect: Rect, text: str) -> LabelLayout | None:
    """The label centred in the box: as large as fits up to 10 pt; None below 4 pt."""
    if not text:
        return None
    avail_w = rect.width - 2 * LABEL_PAD
    avail_h = rect.height - 2 * LABEL_PAD
    unit = text_width(text, 1.0)
    if avail_w <= 0 or avail_h <= 0 or unit <= 0:
        return None
    size = min(LABEL_MAX_SIZE, avail_h, avail_w / unit)
    if size < LABEL_MIN_SIZE:
        return None
    x = rect.x0 + (rect.width - unit * size) / 2
    cy = (rect.y0 + rect.y1) / 2
    baseline = cy + (0.5 - DESCENT) * size
    return LabelLayout(size, x, baseline, text)


def _text(layout: LabelLayout, gray: float) -> bytes:
    return b"BT /%s %s Tf %s g 1 0 0 -1 %s %s Tm %s Tj ET\n" % (
        FONT_NAME.encode(),
        _n(layout.size),
        _n(gray),
        _n(layout.x),
        _n(layout.baseline),
        pdf_string(layout.text),
    )


def box_ops(rect: Rect, codes: Sequence[str], style: BoxStyle) -> bytes:
    x, y, w, h = _n(rect.x0), _n(rect.y0), _n(rect.width), _n(rect.height)
    if style is BoxStyle.WHITE:
        out = b"1 g %s %s %s %s re f\n" % (x, y, w, h)
        inset = BORDER / 2
        out += b"0 G %s w %s %s %s %s re S\n" % (
            _n(BORDER),
            _n(rect.x0 + inset),
            _n(rect.y0 + inset),
            _n(max(rect.width - BORDER, 0)),
            _n(max(rect.height - BORDER, 0)),
        )
        text_gray = 0.0
    else:
        out = b"0 g %s %s %s %s re f\n" % (x, y, w, h)
        text_gray = 1.0
    layout = layout_label(rect, box_label(tuple(codes)))
    if layout is not None:
        out += _text(layout, text_gray)
    return out


def page_stamp(
    displayed_to_user: tuple[float, float, float, float, float, float],
    boxes: Sequence[tuple[Rect, Sequence[str]]],
    style: BoxStyle,
    extra: bytes = b"",
) -> bytes:
    """The stamp stream of one page: its boxes (in order) and any extra displayed-space drawing."""
    body = b"".join(box_ops(rect, codes, style) for rect, codes in boxes) + extra
    matrix = b" ".join(_n(v) for v in displayed_to_user)
    return STAMP_TAG + b"\nq " + matrix + b" cm\n" + body + b"Q\nEMC\n"


def _fit(text: str, size: float, width: float) -> float:
    unit = text_width(text, 1.0)
    return min(size, width / unit) if unit > 0 else size


def withheld_notice(
    width: float, height: float, codes: Sequence[str], language: str
) -> tuple[bytes, str]:
    """Displayed-space drawing for a withheld page, and the text it shows."""
    lang = language if language in WITHHELD_TITLE else "nl"
    title = WITHHELD_TITLE[lang]
    grounds = WITHHELD_GROUNDS[lang] + (box_label(tuple(codes)) or "-")
    margin = min(36.0, width * 0.08)
    t_size = _fit(title, 20.0, width - 2 * margin)
    g_size = _fit(grounds, 12.0, width - 2 * margin)
    cy = height / 2
    out = b""
    for text, size, baseline in ((title, t_size, cy - 4), (grounds, g_size, cy + 4 + g_size)):
        x = (width - text_width(text, size)) / 2
        out += _text(LabelLayout(size, x, baseline, text), 0.0)
    return out, f"{title}\n{grounds}"


def legend_page(
    width: float, height: float, entries: Sequence[LegendEntry], language: str
) -> tuple[bytes, str]:
    """Displayed-space drawing for the legend page, and the text it shows."""
    lang = language if language in LEGEND_TITLE else "nl"
    margin = min(50.0, width * 0.08)
    usable = width - 2 * margin
    rows = [(e.code, e.label_nl if lang == "nl" else e.label_en) for e in entries]
    title = LEGEND_TITLE[lang]
    size = 10.0
    while True:
        code_w = max((text_width(code, size) for code, _ in rows), default=0.0) + size
        chars = max(int((usable - code_w) / (size * 0.5)), 10)
        lines = [(code, textwrap.wrap(label, chars) or [""]) for code, label in rows]
        needed = margin + 24 + sum(len(wrapped) for _, wrapped in lines) * size * 1.3
        if needed <= height - margin or size <= 5:
            break
        size -= 0.5
    out = _text(LabelLayout(_fit(title, 14.0, usable), margin, margin + 14, title), 0.0)
    y = margin + 24 + size
    text = [title]
    for code, wrapped in lines:
        out += _text(LabelLayout(size, margin, y, code), 0.0)
        for part in wrapped:
            out += _text(LabelLayout(size, margin + code_w, y, part), 0.0)
            y += size * 1.3
        text.append(code + " " + " ".join(wrapped))
    return out, "\n".join(text)
