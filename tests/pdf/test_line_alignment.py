"""Right-aligned, centred and justified lines must not reveal the width under a box.

On a left-aligned line only the text after a removal was placed by the removed width; on a
right-aligned line the text before it was, on a centred line both, and on a justified line
every gap between words (Bland et al., "Story Beyond the Eye", PoPETs 2023). The heart of
it: two sources that differ only in the width of the removed word, redacted under the same
box, must give every remaining character of that line the same position, read back with
pdfminer.six (not MuPDF). The control (alignment ignored, every line treated as
left-aligned, as before) must fail that, so that the test can fail.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pikepdf
import pymupdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer

from redactor.core.export_model import RenderOptions
from redactor.core.geometry import Rect
from redactor.pdf import glyphs as glyphs_module
from redactor.pdf.glyphs import (
    CENTRE,
    JUSTIFIED,
    LEFT,
    RIGHT,
    UNKNOWN,
    Alignment,
    BoxTuple,
    Glyph,
    LinePart,
    PageLines,
    _lines,
    landed,
    plan,
)
from redactor.pdf.redact import redact_document
from redactor.pdf.textpos import _glyphs
from tests.adversarial import builders as B

# --- synthetic lines: glyphs 5 pt wide (spaces too), 10 pt type ------------------------------

SIZE = 10.0


def glyph(x: float, char: str, baseline: float, width: float = 5.0) -> Glyph:
    return Glyph(
        gid=1,
        uni=ord(char),
        origin=(x, baseline),
        bbox=(x, baseline - 0.78 * SIZE, x + width, baseline + 0.22 * SIZE),
        direction=(1.0, 0.0),
        size=SIZE,
        space=5.0,
    )


def text(chunks: list[tuple[str, float]], x: float, baseline: float) -> list[Glyph]:
    """Glyphs for (characters, glyph width) chunks laid out from x."""
    out = []
    for chars, width in chunks:
        for c in chars:
            out.append(glyph(x, c, baseline, width))
            x += width
    return out


def width(chunks: list[tuple[str, float]]) -> float:
    return sum(len(chars) * w for chars, w in chunks)


def justified(words: list[tuple[str, float]], start: float, end: float, baseline: float):
    """Words (each followed by a space glyph but the last) spread from start to end."""
    inked = sum(len(w) * gw for w, gw in words) + 5.0 * (len(words) - 1)
    extra = (end - start - inked) / (len(words) - 1)
    out: list[Glyph] = []
    x = start
    for n, (word, gw) in enumerate(words):
        out += text([(word, gw)], x, baseline)
        x += len(word) * gw
        if n < len(words) - 1:
            out.append(glyph(x, " ", baseline))
            x += 5.0 + extra
    return out


NAME_WIDTHS = (5.0, 5.4)  # the same four removed glyphs, 1.6 pt wider in total


def visible(glyph_list: list[Glyph], boxes: list[BoxTuple], baseline: float = 100.0):
    """(char, final x) of every glyph that stays on the line at `baseline`, in line order."""
    actions = plan(glyph_list, boxes, page_lines=PageLines.of_glyphs(glyph_list))
    return sorted(
        (round(g.origin[0] + a.shift[0], 6), chr(g.uni))
        for g, a in zip(glyph_list, actions, strict=True)
        if not a.drop and g.origin[1] == baseline
    )


def test_right_aligned_the_text_before_moves_to_the_box() -> None:
    others = [text([("xxxxxxxx", 5)], 160, 112), text([("yyyyyy", 5)], 170, 124)]
    results = []
    for w in NAME_WIDTHS:
        chunks = [("abc ", 5), ("ZZZZ", w), (" de", 5)]
        line = text(chunks, 200 - width(chunks), 100)
        box = (185 - 4 * max(NAME_WIDTHS) - 1, 90.0, 186.0, 104.0)
        results.append(visible(line + [g for o in others for g in o], [box]))
    assert results[0] == results[1]
    near = 185 - 4 * max(NAME_WIDTHS) - 1
    # 'c' ends at the near edge minus the original one-space gap; " de" stays.
    assert results[0] == [
        (near - 20, "a"),
        (near - 15, "b"),
        (near - 10, "c"),
        (190.0, "d"),
        (195.0, "e"),
    ]


def test_centred_both_sides_move_to_the_box() -> None:
    others = [text([("xxxxxxxx", 5)], 130, 112), text([("yyyyyy", 5)], 135, 124)]
    results = []
    for w in NAME_WIDTHS:
        chunks = [("abc ", 5), ("ZZZZ", w), (" de", 5)]
        line = text(chunks, 150 - width(chunks) / 2, 100)
        starts = [150 - (35 + 4 * v) / 2 + 20 for v in NAME_WIDTHS]
        box = (
            min(starts) - 1,
            90.0,
            max(s + 4 * v for s, v in zip(starts, NAME_WIDTHS, strict=True)) + 1,
            104.0,
        )
        results.append((visible(line + [g for o in others for g in o], [box]), box))
    assert results[0][0] == results[1][0]
    out, box = results[0]
    assert [x for x, _ in out] == pytest.approx(
        [
            box[0] - 20,
            box[0] - 15,
            box[0] - 10,  # 'c' ends one space before the box
            box[2] + 5,  # 'd' starts one space after it
            box[2] + 10,
        ]
    )


def _filler(start: float, end: float, baseline: float) -> list[Glyph]:
    """A justified line of four-glyph words from start to end."""
    count = int((end - start + 5) // 25)
    return justified([("wxyz", 5.0)] * count, start, end, baseline)


def _justified_page(w: float, names: int = 1) -> tuple[list[Glyph], list[float], float]:
    """A justified paragraph (100..end) whose first line holds `names` removed words of
    glyph width w; the names' starts and the right margin."""
    words = [("aaa", 5.0), ("bb", 5.0), ("ZZZZ", w), ("cccc", 5.0)]
    if names == 2:
        words += [("YYYY", w), ("ee", 5.0)]
    words.append(("d", 5.0))
    end = 200.0 if names == 1 else 250.0  # gaps of 2 to 3.5 pt: no column gap
    line = justified(words, 100, end, 100)
    starts = [g.origin[0] for g in line if chr(g.uni) in "ZY"][::4]
    page = (
        line + _filler(100, end, 112) + _filler(100, end, 124) + text([("last line", 5)], 100, 136)
    )
    return page, starts, end


def _union_boxes(names: int) -> list[BoxTuple]:
    found = [_justified_page(w, names)[1] for w in NAME_WIDTHS]
    boxes = []
    for k in range(names):
        lo = min(starts[k] for starts in found) - 1
        hi = max(starts[k] + 4 * w for starts, w in zip(found, NAME_WIDTHS, strict=True)) + 1
        boxes.append((lo, 90.0, hi, 104.0))
    return boxes


def test_justified_each_stretch_is_set_again_between_its_anchors() -> None:
    boxes = _union_boxes(1)
    results = [visible(_justified_page(w)[0], boxes) for w in NAME_WIDTHS]
    assert results[0] == results[1]
    near, far = boxes[0][0], boxes[0][2]
    end = _justified_page(5.0)[2]
    xs = {c: x for x, c in results[0] if c != " "}  # the last of each letter
    # Margin..box: "aaa" on the margin, equal gaps after it and after "bb" (to the box).
    gap = (near - 100 - 25) / 2
    assert xs["a"] == 110.0 and xs["b"] == pytest.approx(100 + 15 + gap + 5)
    assert near - (xs["b"] + 5) == pytest.approx(gap)
    # Box..margin: equal gaps before "cccc" and between it and "d", which ends on the margin.
    gap = (end - far - 25) / 2
    assert min(x for x, c in results[0] if c == "c") == pytest.approx(far + gap)
    assert xs["d"] == pytest.approx(end - 5)
    # The spaces after "aaa" and "cccc" moved with them; the two beside the box went.
    spaces = [x for x, c in results[0] if c == " "]
    assert spaces == [115.0, pytest.approx(far + gap + 20)]


def test_justified_with_two_boxes_on_the_line() -> None:
    boxes = _union_boxes(2)
    results = [visible(_justified_page(w, 2)[0], boxes) for w in NAME_WIDTHS]
    assert results[0] == results[1]
    xs = [x for x, c in results[0] if c == "c"]
    # "cccc" alone between the two boxes: equal gaps on either side.
    assert xs[0] - boxes[0][2] == pytest.approx(boxes[1][0] - (xs[-1] + 5))
    # "ee" and "d" after the second box: "d" ends on the margin.
    assert max(x for x, c in results[0] if c == "d") == pytest.approx(245.0)


def test_without_the_page_a_line_is_left_aligned_as_before() -> None:
    """Without page_lines plan() keeps the left-aligned rule (the text after the removal
    moves), even on a right-aligned page."""
    page = (
        text([("abc ", 5), ("ZZZZ", 5), (" de", 5)], 145, 100)
        + text([("xxxxxxxx", 5)], 160, 112)
        + text([("yyyyyy", 5)], 170, 124)
    )
    box = (160.0, 90.0, 188.0, 104.0)
    lines = _lines(page, range(len(page)))
    before = plan(page, [box], lines)
    assert before == plan(page, [box])
    assert before[0].shift == (0.0, 0.0) and before[9].shift == (3.0, 0.0)  # 'd' moves
    aligned = plan(page, [box], lines, PageLines.of(page, lines))
    assert aligned == plan(page, [box], page_lines=PageLines.of_glyphs(page))
    assert aligned[0].shift == (-5.0, 0.0) and aligned[9].shift == (0.0, 0.0)


def test_a_line_that_nothing_aligns_is_anchored_to_the_box_on_both_sides() -> None:
    """A lone right-aligned line (its start and end shared by no other line): the text
    before the box ends a gap before it, the text after starts a gap after it, whatever the
    line's alignment was."""
    others = [text([("xxxxxxxx", 5)], 60, 130), text([("yyyyyy", 5)], 75, 142)]
    near, far = 185 - 4 * max(NAME_WIDTHS) - 1, 186.0
    results = []
    for w in NAME_WIDTHS:
        chunks = [("abc ", 5), ("ZZZZ", w), (" de", 5)]
        line = text(chunks, 200 - width(chunks), 100)
        page = line + [g for o in others for g in o]
        part = PageLines.of_glyphs(line).parts[(1, 0)][0]
        assert PageLines.of_glyphs(page).alignment((1, 0), part).kind == UNKNOWN
        results.append(visible(page, [(near, 90.0, far, 104.0)]))
    assert results[0] == results[1]
    assert results[0] == [
        (near - 20, "a"),
        (near - 15, "b"),
        (near - 10, "c"),  # ends one space before the box
        (far + 5, "d"),  # starts one space after it
        (far + 10, "e"),
    ]


def _stretched(line: list[Glyph]) -> bool:
    part = sorted(range(len(line)), key=lambda i: line[i].bbox[0])
    extents = {i: (g.bbox[0], g.bbox[2]) for i, g in enumerate(line)}
    return glyphs_module._stretched(line, part, extents)


def test_stretched_spacing_is_read_from_the_line_itself() -> None:
    words = [("aaa", 5.0), ("bb", 5.0), ("cccc", 5.0), ("d", 5.0)]
    natural = text([("aaa bb cccc d", 5)], 100, 100)
    assert not _stretched(natural)
    assert _stretched(justified(words, 100, 180, 100))  # wider gaps: justified
    assert _stretched(justified(words, 100, 163, 100))  # narrower (shrunk)
    # A double space, or kerning in some letter pairs, is not a stretch of the line.
    assert not _stretched(text([("aaa  bb cccc d", 5)], 100, 100))
    kerned = [g._replace(bbox=(g.bbox[0] - 0.3, *g.bbox[1:])) for g in natural]
    assert not _stretched(natural[:2] + kerned[2:3] + natural[3:])
    # Character spacing: every letter 0.2 pt from the next.
    spaced = [
        g._replace(origin=(g.origin[0] + 0.2 * n, g.origin[1]), bbox=landed(g, (0.2 * n, 0)))
        for n, g in enumerate(natural)
    ]
    assert _stretched(spaced)

    # Words apart without white space glyphs (TJ numbers): the font's space is the measure.
    def apart(gap: float) -> list[Glyph]:
        return (
            text([("aaa", 5)], 100, 100)
            + text([("bb", 5)], 115 + gap, 100)
            + text([("c", 5)], 125 + 2 * gap, 100)
        )

    assert not _stretched(apart(5.0))
    assert _stretched(apart(7.0))
    # One wide gap alone (a list label and its text) is no evidence.
    assert not _stretched(text([("a)", 5)], 100, 100) + text([("bbbb", 5)], 118, 100))


def test_a_stretched_line_without_an_end_margin_is_set_from_the_box() -> None:
    """The first line of a two-line justified paragraph: its start is the paragraph's
    margin, its end shared by no other line. Margin..box: equal gaps; box..end: the font's
    space between the words, from the box's far edge."""
    boxes = _union_boxes(1)
    near, far = boxes[0][0], boxes[0][2]
    results = []
    for w in NAME_WIDTHS:
        first = justified(
            [("aaa", 5.0), ("bb", 5.0), ("ZZZZ", w), ("cccc", 5.0), ("d", 5.0)], 100, 200, 100
        )
        page = first + text([("last", 5)], 100, 112)
        results.append(visible(page, boxes))
    assert results[0] == results[1]
    xs = {c: x for x, c in results[0] if c != " "}  # the last of each letter
    gap = (near - 100 - 25) / 2
    assert xs["a"] == 110.0 and xs["b"] == pytest.approx(100 + 15 + gap + 5)
    assert min(x for x, c in results[0] if c == "c") == pytest.approx(far + 5)
    assert xs["d"] == pytest.approx(far + 5 + 20 + 5)


# --- how a line's alignment is read -------------------------------------------------------


def _page(*lines: list[Glyph]) -> PageLines:
    flat = [g for line in lines for g in line]
    return PageLines.of(flat, _lines(flat, range(len(flat))))


def _kind(page: PageLines, line: list[Glyph]) -> str:
    flat = line
    part = PageLines.of(flat, _lines(flat, range(len(flat)))).parts[(1, 0)][0]
    return page.alignment((1, 0), part).kind


def test_alignment_is_read_from_the_neighbouring_lines() -> None:
    line = text([("abcdef", 5)], 100, 100)  # 100..130
    above = 88.0
    assert _kind(_page(text([("xx", 5)], 100, above)), line) == LEFT
    assert _kind(_page(text([("xxxx", 5)], 110, above)), line) == RIGHT
    assert _kind(_page(text([("xxxx", 5)], 105, above)), line) == CENTRE
    assert _kind(_page(text([("xxx", 5), (" ", 5), ("xx", 5)], 100, above)), line) == JUSTIFIED
    # A shared end on a line far away is chance (ragged right), not a margin...
    assert _kind(_page(text([("xxxx", 5)], 110, 400)), line) == UNKNOWN
    # ...unless enough lines of the page share it.
    far = [text([("xxxx", 5)], 110, 400 + 20 * k) for k in range(3)]
    assert _kind(_page(*far), line) == RIGHT


def test_justified_margins_come_from_the_other_lines() -> None:
    line = text([("abcdef", 5)], 100.2, 100)
    page = _page(text([("xxxxxx", 5)], 100, 88))
    alignment = page.alignment((1, 0), PageLines.of(line, [list(range(6))]).parts[(1, 0)][0])
    assert alignment == Alignment(JUSTIFIED, 100.0, 130.0)


def test_each_column_of_a_line_is_aligned_on_its_own() -> None:
    """A left column and a right-aligned column (a date at the right margin) on one line:
    the removal in the right column moves the text before it within that column only."""
    right_column = [text([("yyyyyy", 5)], 255, 88), text([("zzzz", 5)], 265, 112)]
    line = text([("Kenmerk", 5)], 100, 100) + text([("d ", 5), ("ZZZZ", 5), (" 24", 5)], 240, 100)
    box = (248.0, 90.0, 271.0, 104.0)  # over ZZZZ (250..270)
    page = line + [g for c in right_column for g in c]
    actions = plan(page, [box], page_lines=PageLines.of_glyphs(page))
    assert all(a.shift == (0.0, 0.0) for a in actions[:7])  # "Kenmerk" stays
    assert actions[7].shift == (-2.0, 0.0)  # 'd' ends a space before the box
    assert actions[14].shift == (0.0, 0.0) and not actions[14].drop  # "24" stays


# --- end to end: real PDFs, redacted, read back with pdfminer ----------------------------

# Helvetica 11 pt: 34.23, 35.46 and 36.06 pt wide. Under one box that covers each of them
# where it falls (the text around a name moves with its width), the box must not reach the
# neighbouring words: the widths may differ by less than a space.
NAMES = ("Bakker", "Jansen", "Kramer")
SECOND = ("Dekker", "Jacobs", "Vissers")  # 34.84, 34.85, 36.06 pt
PARAGRAPH = (
    "Het besluit is na overleg met {0} en {1} genomen, door de afdeling Juridische "
    "Zaken die namens de minister optrad en het dossier beheerde tot de laatste zitting "
    "van de commissie in het voorjaar."
)
AREA = pymupdf.Rect(72, 72, 372, 400)
ALIGNMENTS = {
    "right": pymupdf.TEXT_ALIGN_RIGHT,
    "centre": pymupdf.TEXT_ALIGN_CENTER,
    "justified": pymupdf.TEXT_ALIGN_JUSTIFY,
}
TOLERANCE = 0.001  # points: MuPDF's float32 positions differ by ~2e-5 between sources


def _source(name: str, align: int, second: str) -> tuple[bytes, list[tuple]]:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    assert page.insert_textbox(AREA, PARAGRAPH.format(name, second), fontsize=11, align=align) > 0
    words = page.get_text("words")
    # The sources must break the paragraph into the same lines: only widths may differ.
    lines = [round(w[1], 1) for w in words]  # each word's line (its top)
    assert lines == [round(w[1], 1) for w in _layout_reference(align)]
    return doc.tobytes(), [w[:4] for w in words if w[4] in (name, second)]


def _layout_reference(align: int) -> list[tuple]:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_textbox(AREA, PARAGRAPH.format(*NAMES[:2]), fontsize=11, align=align)
    return page.get_text("words")


def _boxes(sources: list[tuple[bytes, list[tuple]]]) -> list[Rect]:
    """One box per removed word, over it in every source, 1 pt wider on each side."""
    boxes = []
    for k in range(len(sources[0][1])):
        found = [words[k] for _, words in sources]
        boxes.append(
            Rect(
                min(w[0] for w in found) - 1,
                min(w[1] for w in found),
                max(w[2] for w in found) + 1,
                max(w[3] for w in found),
            )
        )
    return boxes


def _line_chars(data: bytes, box: Rect) -> list[tuple[float, str]]:
    """(x, char) of every character pdfminer finds on the box's line outside the box (the
    box's own label is drawn inside it), in displayed page coordinates."""
    out = []
    for page in extract_pages(io.BytesIO(data)):
        for item in _walk(page):
            y = page.height - (item.y0 + item.y1) / 2
            x = (item.x0 + item.x1) / 2
            if box.y0 <= y <= box.y1 and not box.x0 <= x <= box.x1:
                out.append((item.x0, item.get_text()))
    return sorted(out)


def _walk(item: object) -> Iterator[LTChar]:
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _walk(child)


def _same(lines: list[list[tuple[float, str]]]) -> bool:
    first = lines[0]
    return all(
        len(line) == len(first)
        and all(
            c == fc and abs(x - fx) <= TOLERANCE
            for (x, c), (fx, fc) in zip(line, first, strict=True)
        )
        for line in lines[1:]
    )


def _redacted_lines(align: int, second: bool = False) -> list[list[list[tuple[float, str]]]]:
    """Per box: that line as each source leaves it (NAMES[i] under the box in source i)."""
    seconds = SECOND if second else ("Visser",) * len(NAMES)  # not removed: the same in each
    sources = [_source(name, align, other) for name, other in zip(NAMES, seconds, strict=True)]
    if not second:
        sources = [(data, words[:1]) for data, words in sources]
    boxes = _boxes(sources)
    lines: list[list[tuple[float, str]]] = []
    for data, _ in sources:
        out = redact_document(data, [B.box(0, r) for r in boxes], [], RenderOptions())
        for box in boxes:
            lines.append(_line_chars(out.pdf, box))
    # Per box: the sources' lines side by side.
    return [lines[k :: len(boxes)] for k in range(len(boxes))]


@pytest.mark.parametrize("align", list(ALIGNMENTS.values()), ids=list(ALIGNMENTS))
def test_two_widths_under_one_box_leave_the_line_the_same(align: int) -> None:
    (per_source,) = _redacted_lines(align)
    assert len(per_source[0]) > 20, "the rest of the line must still be there"
    text_left = "".join(c for _, c in per_source[0])
    assert text_left.startswith("Het besluit") and "Visser" in text_left  # text after the box
    assert _same(per_source), "the line's characters move with the width under the box"


def test_two_boxes_on_a_justified_line() -> None:
    """Two names on the same justified line ("de heer X en Y"), both removed."""
    groups = _redacted_lines(pymupdf.TEXT_ALIGN_JUSTIFY, second=True)
    for per_source in groups:
        assert _same(per_source)


def _old_rules(monkeypatch: pytest.MonkeyPatch, left: bool = False) -> None:
    """The rules before the line's own spacing was read (a line is justified only when both
    its ends are on margins) and, with `left`, before alignment was read at all."""
    monkeypatch.setattr(glyphs_module, "_stretched", lambda glyphs, part, extents: False)
    if left:
        monkeypatch.setattr(
            glyphs_module.PageLines, "alignment", lambda self, axis, part: Alignment(LEFT)
        )
    else:  # no evidence at all: left-aligned, as then
        read = glyphs_module.PageLines.alignment

        def alignment(self: PageLines, axis: tuple[int, int], part: LinePart) -> Alignment:
            found = read(self, axis, part)
            return Alignment(LEFT) if found.kind == UNKNOWN else found

        monkeypatch.setattr(glyphs_module.PageLines, "alignment", alignment)


@pytest.mark.parametrize("align", list(ALIGNMENTS.values()), ids=list(ALIGNMENTS))
def test_control_the_left_aligned_rule_alone_leaks(
    align: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every line taken as left-aligned (the rule before alignment was read), the same
    measurement tells the names apart: the test above can fail."""
    _old_rules(monkeypatch, left=True)
    (per_source,) = _redacted_lines(align)
    assert not _same(per_source)


def _page_operators(data: bytes) -> list[tuple[str, list[str]]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            (str(i.operator), [str(o) for o in i.operands])
            for i in pikepdf.parse_content_stream(pdf.pages[0])
        ]


@pytest.mark.parametrize("align", list(ALIGNMENTS.values()), ids=list(ALIGNMENTS))
def test_nothing_in_the_content_stream_depends_on_the_width_under_the_box(align: int) -> None:
    """Positions are not the only channel: a justified line's word spacing (Tw), character
    spacing (Tc) or numbers between codes carry its slack, and so the removed width. With
    a different name under the same box, the page's operators and operands are the same."""
    sources = [(data, words[:1]) for data, words in (_source(n, align, "Visser") for n in NAMES)]
    boxes = [B.box(0, r) for r in _boxes(sources)]
    pages = [
        _page_operators(redact_document(data, boxes, [], RenderOptions()).pdf)
        for data, _ in sources
    ]
    assert len(pages[0]) > 20
    _assert_same_operators(pages)


def _assert_same_operators(pages: list[list[tuple[str, list[str]]]]) -> None:
    for other in pages[1:]:
        assert len(other) == len(pages[0])
        for (op, operands), (op0, operands0) in zip(other, pages[0], strict=True):
            assert op == op0 and len(operands) == len(operands0)
            for a, b in zip(operands, operands0, strict=True):
                assert a == b or abs(_number(a) - _number(b)) <= TOLERANCE, (op, a, b)


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("nan")  # not a number, and not equal: fails the comparison


def _justified_by(name: str, spacing: str) -> bytes:
    """Four lines justified to 300 pt the way typesetters do it: by numbers between the
    words in a TJ array ("tj"), by word spacing ("tw") or by character spacing ("tc"). The
    second line holds `name`, so its spacing depends on the name's width."""
    font = pymupdf.Font("helv")
    size, width, x0, top = 10.0, 300.0, 72.0, 700.0
    space = font.text_length(" ", size)
    paragraph = (  # full lines: gaps of 3 to 5 pt, like a real paragraph's
        "Het besluit is na overleg met de afdeling genomen en vastgesteld",
        f"door de heer {name} van het ministerie van Binnenlandse Zaken",
        "die namens de minister optrad in de vergadering van vandaag",
        "en het dossier beheerde tot aan het einde van de korte termijn",
    )
    lines = [line.split() for line in paragraph]
    body = [b"BT /F1 10 Tf"]
    for n, words in enumerate(lines):
        slack = width - sum(font.text_length(w, size) for w in words)
        body.append(b"1 0 0 1 %.4f %.4f Tm" % (x0, top - 14 * n))
        body.append(_spread(words, spacing, slack, space, size))
    body.append(b"ET")
    return _helvetica_page(body)


def _spread(words: list[str], spacing: str, slack: float, space: float, size: float) -> bytes:
    """The operator that shows `words` with `slack` points between them in all: by numbers
    in a TJ array ("tj"), by word spacing ("tw") or by character spacing ("tc")."""
    gaps = len(words) - 1
    text = " ".join(words).encode()
    if spacing == "tj":
        number = -slack / gaps / size * 1000  # thousandths of the size; negative: apart
        items = b" ".join(b"(%s) %.4f" % (w.encode(), number) for w in words[:-1])
        return b"0 Tc 0 Tw [%s (%s)] TJ" % (items, words[-1].encode())
    if spacing == "tw":
        return b"0 Tc %.5f Tw (%s) Tj" % ((slack - gaps * space) / gaps, text)
    # After every character but the last: the last one's ink ends at the margin.
    tc = (slack - gaps * space) / (len(text) - 1)
    return b"%.5f Tc 0 Tw (%s) Tj" % (tc, text)


def _helvetica_page(body: list[bytes]) -> bytes:
    """One A4 page with `body` as its content and Helvetica as /F1."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    helvetica = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helvetica))
    page.Contents = pdf.make_stream(b"\n".join(body))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize("spacing", ["tj", "tw", "tc"])
def test_justified_by_numbers_or_spacing_operators(spacing: str) -> None:
    """The line with the removed name was justified with spacing that counts its width;
    the output's operators are the same whichever name was under the box."""
    names = ("Bakker", "Jansen")  # 34.2 and 36.1 pt
    sources = [_justified_by(name, spacing) for name in names]
    found = []
    for data, name in zip(sources, names, strict=True):
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            found += [w[:4] for w in doc[0].get_text("words") if w[4] == name]
    assert len(found) == 2
    box = Rect(
        min(w[0] for w in found) - 1,
        min(w[1] for w in found),
        max(w[2] for w in found) + 1,
        max(w[3] for w in found),
    )
    pages = [
        _page_operators(redact_document(data, [B.box(0, box)], [], RenderOptions()).pdf)
        for data in sources
    ]
    _assert_same_operators(pages)


# --- lines whose alignment the other lines do not tell --------------------------------------
#
# Each source differs from the other only in the name (Bakker 34.2 pt or Jansen 36.1 pt at
# 10 pt, 37.6 or 39.0 at 11 pt); the same box covers it in both. The kept text of the page
# must come out the same, operator for operator; the old rules (alignment read from the
# other lines only, no evidence meaning left-aligned) must not, so that each test can fail.

TWO_NAMES = ("Bakker", "Jansen")


def _exported(sources: list[bytes], names: tuple[str, ...] = TWO_NAMES) -> list[bytes]:
    """Each source redacted with one box over its name (the union of where it falls in
    every source, 1 pt wider on each side)."""
    found = []
    for data, name in zip(sources, names, strict=True):
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            words = [w[:4] for w in doc[0].get_text("words") if w[4] == name]
        assert len(words) == 1
        found += words
    box = Rect(
        min(w[0] for w in found) - 1,
        min(w[1] for w in found),
        max(w[2] for w in found) + 1,
        max(w[3] for w in found),
    )
    return [redact_document(data, [B.box(0, box)], [], RenderOptions()).pdf for data in sources]


def _reading(data: bytes, name: str) -> tuple[str, bool]:
    """(the alignment the page's other lines give the part of the line holding `name`,
    whether its spacing reads as stretched): which gap a source exercises."""
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        traced = [g for span in doc[0].get_texttrace() for g in _glyphs(span)]
        (word,) = [w for w in doc[0].get_text("words") if w[4] == name]
    axis = (1, 0)
    for line in _lines(traced, range(len(traced))):
        for part in glyphs_module._parts(traced, line, axis):
            extents = {i: glyphs_module._extent(traced[i].bbox, axis) for i in part}
            if any(abs(extents[i][0] - word[0]) < 0.01 for i in part):
                found = LinePart(
                    glyphs_module._across(traced[part[0]].origin, axis),
                    min(e[0] for e in extents.values()),
                    max(e[1] for e in extents.values()),
                    max(traced[i].size for i in part),
                )
                alignment = PageLines.of_glyphs(traced).alignment(axis, found)
                return alignment.kind, glyphs_module._stretched(traced, part, extents)
    raise AssertionError(f"{name} not found")


def _same_page(outputs: list[bytes]) -> bool:
    pages = [_page_operators(data) for data in outputs]
    try:
        _assert_same_operators(pages)
    except AssertionError:
        return False
    return True


BODY = (  # a ragged-right letter body: no line ends near the right margin (523)
    "Geachte heer, mevrouw,",
    "Op 3 februari 2025 heeft u een verzoek ingediend op grond van de",
    "Wet open overheid. Met deze brief beslis ik op uw verzoek.",
    "De stukken die onder het verzoek vallen, vindt u in de bijlage.",
    "Hoogachtend,",
)


def _letter(name: str) -> bytes:
    """A letter whose only right-aligned line (at 523 pt) holds the name; the body is set
    ragged right from 72 pt."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = pymupdf.Font("helv")
    line = f"Behandeld door {name} van Juridische Zaken"
    page.insert_text((523 - font.text_length(line, 11), 150), line, fontsize=11)
    for n, body in enumerate(BODY):
        page.insert_text((72, 220 + 16 * n), body, fontsize=11)
    return doc.tobytes()


def test_a_lone_right_aligned_line_is_anchored_to_the_box_on_both_sides() -> None:
    """Gap 1: no other line ends where it ends, so nothing tells it is right-aligned. Taken
    as left-aligned, its start (the margin minus its width) would keep the removed width."""
    sources = [_letter(name) for name in TWO_NAMES]
    assert _reading(sources[0], TWO_NAMES[0]) == (UNKNOWN, False)
    outputs = _exported(sources)
    assert _same_page(outputs)
    with pymupdf.open(stream=outputs[0], filetype="pdf") as doc:
        kept = doc[0].get_text()
    assert "Behandeld door" in kept and "van Juridische Zaken" in kept
    assert "Bakker" not in kept


def test_control_a_lone_right_aligned_line_taken_as_left_aligned_leaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _old_rules(monkeypatch)
    assert not _same_page(_exported([_letter(name) for name in TWO_NAMES]))


def _paragraph(lines: list[str], spacing: str, indent: float = 0.0) -> bytes:
    """A paragraph of 10 pt Helvetica, 300 pt wide from 72 pt, 14 pt apart, every line but
    the last justified the way typesetters do it: by numbers between the words in a TJ
    array ("tj"), by word spacing ("tw") or by character spacing ("tc"); the first line
    indented by `indent`. A centred heading above it, 60 pt higher."""
    font = pymupdf.Font("helv")
    size, x0, top = 10.0, 72.0, 700.0
    space = font.text_length(" ", size)
    body = [b"BT /F1 14 Tf 1 0 0 1 250 760 Tm (Besluit) Tj /F1 10 Tf"]
    for n, line in enumerate(lines):
        words = line.split()
        start = x0 + (indent if n == 0 else 0.0)
        width = x0 + 300 - start
        gaps = len(words) - 1
        slack = width - sum(font.text_length(w, size) for w in words)
        if n == len(lines) - 1:  # the last line: natural spacing
            slack, spacing_here = gaps * space, "tw"
        else:
            spacing_here = spacing
            assert gaps * space < slack < gaps * space * 3, "a real justified line"
        body.append(b"1 0 0 1 %.4f %.4f Tm" % (start, top - 14 * n))
        body.append(_spread(words, spacing_here, slack, space, size))
    body.append(b"ET")
    return _helvetica_page(body)


def _indented(name: str, spacing: str) -> bytes:
    """Gap 2: the name on the indented first line of a justified paragraph."""
    return _paragraph(
        [
            f"Het verzoek van de heer {name} is op 3 februari ontvangen",
            "door de afdeling van het ministerie van Binnenlandse Zaken",
            "die namens de minister optrad in de vergadering van vandaag",
            "en het dossier beheerde tot aan het einde van de korte termijn",
            "van de commissie.",
        ],
        spacing,
        indent=18.0,
    )


def _two_lines(name: str, spacing: str) -> bytes:
    """Gap 3: the name on the first line of a two-line justified paragraph (under a heading
    that starts on the same margin); "textbox": as PyMuPDF justifies (Tw)."""
    if spacing == "textbox":
        doc = pymupdf.open()
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), "Besluit op uw verzoek", fontsize=14)
        paragraph = (
            f"Het verzoek van de heer {name} is op 3 februari ontvangen door de afdeling "
            "Juridische Zaken."
        )
        area = pymupdf.Rect(72, 150, 372, 200)
        assert page.insert_textbox(area, paragraph, fontsize=11, align=pymupdf.TEXT_ALIGN_JUSTIFY)
        assert len({round(w[1]) for w in page.get_text("words")}) == 3  # heading, two lines
        return doc.tobytes()
    return _paragraph(
        [f"door de heer {name} van het ministerie van Binnenlandse Zaken", "en de commissie."],
        spacing,
    )


SPACINGS = ["tj", "tw", "tc"]


@pytest.mark.parametrize("spacing", SPACINGS)
def test_an_indented_first_line_is_justified_from_its_spacing(spacing: str) -> None:
    """Gap 2: its end is on the paragraph's margin, its start on none (the indent): read as
    right-aligned, its stretched gaps (after the box) would keep the removed width."""
    sources = [_indented(name, spacing) for name in TWO_NAMES]
    assert _reading(sources[0], TWO_NAMES[0]) == (RIGHT, True)
    assert _same_page(_exported(sources))


@pytest.mark.parametrize("spacing", [*SPACINGS, "textbox"])
def test_the_first_of_two_justified_lines_is_justified_from_its_spacing(spacing: str) -> None:
    """Gap 3: its start is on the margin (the second line shares it), its end on none (no
    other line reaches it): read as left-aligned, its stretched gaps would keep the width."""
    sources = [_two_lines(name, spacing) for name in TWO_NAMES]
    assert _reading(sources[0], TWO_NAMES[0]) == (LEFT, True)
    assert _same_page(_exported(sources))


@pytest.mark.parametrize(
    ("build", "spacing"),
    [(_indented, s) for s in SPACINGS] + [(_two_lines, s) for s in [*SPACINGS, "textbox"]],
)
def test_control_justified_lines_read_by_their_margins_alone_leak(
    build: Callable[[str, str], bytes], spacing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_rules(monkeypatch)
    assert not _same_page(_exported([build(name, spacing) for name in TWO_NAMES]))
