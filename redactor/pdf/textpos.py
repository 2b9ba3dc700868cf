"""Rewrite the text of a page with boxes so that every remaining run is placed absolutely.

Why: MuPDF's redaction keeps the removed run's advance as one number in the content stream
(a TJ adjustment or a Td offset), and in MuPDF 1.28 it even drops one glyph's advance, shifting
the rest of the line. Here, before MuPDF redacts, we

1. mark every text-showing operator (page and its private forms) with a unique fill/stroke
   colour in a throw-away copy, let MuPDF trace the glyphs, and so learn where each glyph of
   each operator is (no font metrics of our own: MuPDF is the renderer that counts);
2. decide per glyph: removed, kept, kept-but-isolated, and how far the text after a removed
   run must move (redactor.pdf.glyphs);
3. re-emit each operator as runs, each run starting with an absolute Tm. Within a run (glyphs
   that keep their places relative to each other) the operator's own spacing and numbers
   come back as TJ numbers at zero character and word spacing (_Runs). Removed glyphs are
   simply not emitted and no run spans one, so no number in the stream carries their width.

Every failure (an encoding we cannot split, a glyph count that does not match the trace)
raises ContentError; the caller then rasterises the page instead.
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from typing import Any

import pikepdf
import pymupdf
from pikepdf import Array, Dictionary, String

from redactor.pdf.content import (
    IDENTITY,
    MAX_FORM_DEPTH,
    TEXT_POSITION,
    TEXT_SHOW,
    ContentError,
    FontCodes,
    Matrix,
    Tracker,
    apply,
    as_matrix,
    form_resources,
    instr,
    is_form,
    mat_inv,
    mat_mul,
    number,
    op_name,
    parse,
    resource,
    shown_strings,
    string_bytes,
    unparse,
)
from redactor.pdf.glyphs import (
    Action,
    BoxTuple,
    Glyph,
    PageLines,
    Run,
    landed,
    on_axis,
    overlaps,
    plan,
    select_runs,
)

log = logging.getLogger(__name__)

# Points: MuPDF traces in single precision; a glyph this close to where the previous one's
# advance ends continues its run (see _follows).
FOLLOW_TOLERANCE = 1e-3
_BASE = 254  # marker colour components use 1..254 (never 0 or 255, the common colours)


def marker_colour(marker: int) -> tuple[float, float, float]:
    digits = (marker // (_BASE * _BASE), (marker // _BASE) % _BASE, marker % _BASE)
    return tuple((d + 1) / 255.0 for d in digits)  # type: ignore[return-value]


def marker_of(colour: Sequence[float]) -> int | None:
    if len(colour) != 3:
        return None
    digits = []
    for component in colour:
        value = component * 255.0
        nearest = round(value)
        if abs(value - nearest) > 1e-3 or not 1 <= nearest <= _BASE:
            return None
        digits.append(nearest - 1)
    return (digits[0] * _BASE + digits[1]) * _BASE + digits[2]


@dataclass
class StreamWork:
    """One content stream (the page's, or a private form's) and the forms it draws.

    `instructions` is let go once the marked copy is written (None) and parsed again from
    the restored original for the rewrite: a document's pages are marked all at once, and
    holding every page's parsed operators until then made memory grow with the pages."""

    holder: pikepdf.Object
    is_page: bool
    instructions: list[Any] | None
    resources: Dictionary | None
    markers: dict[int, int] = field(default_factory=dict)  # instruction index -> marker
    children: dict[int, StreamWork] = field(default_factory=dict)  # Do index -> form
    original: Any = None  # the page's /Contents object, or the form's decoded bytes

    def parsed(self) -> list[Any]:
        if self.instructions is None:
            self.instructions = parse(self.holder)
            shows = [i for i, item in enumerate(self.instructions) if op_name(item) in TEXT_SHOW]
            if shows != sorted(self.markers):
                raise ContentError("the content changed between marking and rewriting")
        return self.instructions


class PageText:
    """The text operators of one page with boxes, from marking to rewriting."""

    def __init__(self, pdf: pikepdf.Pdf, page_index: int) -> None:
        self.pdf = pdf
        page = pdf.pages[page_index]
        resources = page.obj.get("/Resources")
        self.root = StreamWork(
            page.obj, True, parse(page), resources if isinstance(resources, Dictionary) else None
        )
        self.fonts: dict[Any, FontCodes] = {}
        self.by_marker: dict[int, tuple[StreamWork, int]] = {}
        self._collect(self.root, 0, set())

    def _collect(self, work: StreamWork, depth: int, seen: set[tuple[int, int]]) -> None:
        if depth > MAX_FORM_DEPTH:
            raise ContentError("form XObjects nested too deeply")
        for index, item in enumerate(work.parsed()):
            name = op_name(item)
            if name in TEXT_SHOW:
                marker = len(self.by_marker) + 1
                work.markers[index] = marker
                self.by_marker[marker] = (work, index)
            elif name == "Do" and item.operands:
                form = resource(work.resources, "XObject", item.operands[0])
                if not is_form(form) or not str(item.operands[0]).startswith("/RdxFm"):
                    continue  # forms without text were not copied and need no rewriting
                key = form.objgen  # type: ignore[union-attr]
                if key in seen:
                    raise ContentError("a private form drawn twice")
                seen.add(key)
                child = StreamWork(form, False, parse(form), form_resources(form, work.resources))  # type: ignore[arg-type]
                work.children[index] = child
                self._collect(child, depth + 1, seen)

    # --- marking for the trace ------------------------------------------------------------

    def write_marked(self) -> None:
        """Put the marked copy of every stream into the document (for tracing only); the
        originals are kept aside for write_original, the parsed operators let go."""
        for work in self._works():
            if work.is_page:
                work.original = work.holder.get("/Contents")
            else:
                work.original = work.holder.read_bytes()
            marked: list[Any] = []
            for index, item in enumerate(work.parsed()):
                name = op_name(item)
                if index in work.markers:
                    r, g, b = marker_colour(work.markers[index])
                    marked.append(instr([r, g, b], "rg"))
                    marked.append(instr([r, g, b], "RG"))
                if name == "Tr":
                    # Invisible and clip-only text is not traced with its colour: show it.
                    marked.append(instr([0], "Tr"))
                    continue
                marked.append(item)
            self._write(work, unparse(marked))
            work.instructions = None

    def write_original(self) -> None:
        for work in self._works():
            if work.original is None:
                continue
            if work.is_page:
                work.holder.Contents = work.original
            else:
                work.holder.write(work.original)

    def _works(self) -> list[StreamWork]:
        out: list[StreamWork] = []
        stack = [self.root]
        while stack:
            work = stack.pop()
            out.append(work)
            stack.extend(work.children.values())
        return out

    def _write(self, work: StreamWork, data: bytes) -> None:
        if work.is_page:
            work.holder.Contents = self.pdf.make_stream(data)
        else:
            work.holder.write(data)

    # --- rewriting --------------------------------------------------------------------------

    def rewrite(self, page_plan: PagePlan, page_matrix: Matrix) -> None:
        """Re-emit every text operator as absolutely placed runs (see the module doc); the
        operators that keep every glyph in place are re-emitted whole, at their first glyph."""
        for marker, (_work, index) in self.by_marker.items():
            if marker in page_plan.kept:
                continue
            glyphs = page_plan.glyphs.get(marker, ())
            if len(page_plan.actions.get(marker, ())) != len(glyphs):
                raise ContentError(f"no trace for text operator {index}")
        _Rewriter(self, page_plan, page_matrix).run(self.root, IDENTITY)


class _Spacing:
    """The character and word spacing (Tc, Tw) in effect in an output stream.

    Tc and Tw operators are not copied where they stand: they are written just before an
    operator that is re-emitted whole and needs them. On a line with a removal the
    original values may encode the removed width (a justified line's word spacing is
    the line's slack spread over its spaces), so runs there are written with both at 0
    and placed glyph-exactly instead: each run by its Tm, its glyphs by TJ numbers worked
    out from their places (see _Runs)."""

    def __init__(self, tc: float = 0.0, tw: float = 0.0) -> None:
        self.tc, self.tw = tc, tw
        self.saved: list[tuple[float, float]] = []

    def ensure(self, tc: float, tw: float, out: list[Any]) -> None:
        if tc != self.tc:
            out.append(instr([_num(tc)], "Tc"))
            self.tc = tc
        if tw != self.tw:
            out.append(instr([_num(tw)], "Tw"))
            self.tw = tw

    def save(self) -> None:
        self.saved.append((self.tc, self.tw))

    def restore(self) -> None:
        if self.saved:
            self.tc, self.tw = self.saved.pop()


class _Rewriter:
    def __init__(self, text: PageText, page_plan: PagePlan, page_matrix: Matrix) -> None:
        self.text = text
        self.glyphs = page_plan.glyphs
        self.actions = page_plan.actions
        self.kept = page_plan.kept
        self.page_matrix = page_matrix

    def run(
        self,
        work: StreamWork,
        base_ctm: Matrix,
        spacing: _Spacing | None = None,
        inherited: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        """Rewrite one stream. A form starts with the spacing its caller had in effect in
        the output (`spacing`) and in the original (`inherited`)."""
        tracker = Tracker(base_ctm, work.resources, self.text.fonts)
        tracker.state.text.tc, tracker.state.text.tw = inherited
        spacing = spacing or _Spacing()
        out: list[Any] = []
        in_text = False
        for index, item in enumerate(work.parsed()):
            name = op_name(item)
            operands = list(item.operands) if name != "INLINE IMAGE" else []
            if name == "INLINE IMAGE":
                out.append(item)
                continue
            if name == "BT":
                in_text = True
            elif name == "ET":
                in_text = False
            if name in TEXT_SHOW:
                if not in_text:
                    raise ContentError("text shown outside a text object")
                marker = work.markers[index]
                if name == '"':
                    tracker.feed(operands, name)  # its Tw and Tc apply to itself
                if marker in self.kept:
                    text = tracker.state.text
                    spacing.ensure(text.tc, text.tw, out)
                    out.extend(self._whole(marker, operands, name, tracker))
                else:
                    spacing.ensure(0.0, 0.0, out)
                    out.extend(self._show(marker, operands, name, tracker))
                if name != '"':
                    tracker.feed(operands, name)
                continue
            tracker.feed(operands, name)
            if name in ("Tc", "Tw"):
                continue  # written where needed (_Spacing)
            if name == "q":
                spacing.save()
            elif name == "Q":
                spacing.restore()
            if in_text and name in TEXT_POSITION:
                continue  # every run gets its own absolute Tm instead
            if name == "Do" and index in work.children:
                child = work.children[index]
                matrix = child.holder.get("/Matrix")
                form_matrix = as_matrix(list(matrix)) if isinstance(matrix, Array) else IDENTITY
                # The form runs inside its own q/Q: its spacing changes end with it.
                text = tracker.state.text
                self.run(
                    child,
                    mat_mul(form_matrix, tracker.state.ctm),
                    _Spacing(spacing.tc, spacing.tw),
                    (text.tc, text.tw),
                )
            out.append(item)
        self.text._write(work, unparse(out))

    def _show(self, marker: int, operands: list[Any], op: str, tracker: Tracker) -> list[Any]:
        """An operator with a glyph that goes, is isolated or moves: its glyphs as runs, each
        placed by its own Tm and written with no character or word spacing, which may owe
        something to the removed width. Within a run key, a glyph continues the run where its
        place can be written exactly from the previous glyph's (_Runs)."""
        state = tracker.state.text
        if state.font is None:
            raise ContentError("text shown before a font was selected")
        font = state.font
        glyphs = self.glyphs.get(marker, [])
        actions = self.actions.get(marker, [])
        runs = _Runs(state.tc, state.tw, state.size, font.vertical)
        for value in shown_strings(operands, op):
            if isinstance(value, String):
                for code in font.split(string_bytes(value)):
                    runs.code(code)
            else:
                runs.number(number(value))
        if len(runs.codes) != len(glyphs):
            raise ContentError(
                f"a text operator shows {len(runs.codes)} codes but MuPDF traced "
                f"{len(glyphs)} glyphs"
            )
        placer = _Placer(tracker, self.page_matrix)  # the text state holds for all its runs
        out: list[Any] = []
        for first, run in runs.split(glyphs, actions):
            x, y = glyphs[first].origin
            dx, dy = actions[first].shift
            out.append(placer.tm((x + dx, y + dy)))
            out.append(_shown(run))
        return out

    def _whole(self, marker: int, operands: list[Any], op: str, tracker: Tracker) -> list[Any]:
        """An operator whose glyphs all stay where they are: itself, placed at its first
        glyph (its own numbers and the text state place the rest as before)."""
        state = tracker.state.text
        if state.font is None:
            raise ContentError("text shown before a font was selected")
        first, traced = self.kept[marker]
        values = shown_strings(operands, op)
        codes = [state.font.count(string_bytes(v)) if isinstance(v, String) else 0 for v in values]
        if sum(codes) != traced:
            raise ContentError(
                f"a text operator shows {sum(codes)} codes but MuPDF traced {traced} glyphs"
            )
        if first is None:
            return []
        # The Tm puts the text at the first glyph: what came before it in the operator (a
        # number, an empty string) has moved it there already.
        start = next(i for i, n in enumerate(codes) if n)
        # A '"' has its Tw and Tc (_Spacing).
        out: list[Any] = [_Placer(tracker, self.page_matrix).tm(first)]
        if start == len(values) - 1:
            out.append(instr([values[start]], "Tj"))
        else:
            out.append(instr([Array(values[start:])], "TJ"))
        return out


class _Placer:
    """Tm operators that put text at a point of the page, in the text state of one operator:
    what does not change from run to run (the linear part, the inverse of the device
    matrix, the rise) is worked out once, as an operator may be written glyph by glyph."""

    def __init__(self, tracker: Tracker, page_matrix: Matrix) -> None:
        a, b, c, d = tracker.tm_linear
        self.linear = [_num(a), _num(b), _num(c), _num(d)]
        self.inverse = mat_inv(mat_mul(tracker.state.ctm, page_matrix))
        rise = tracker.state.text.rise
        self.rise_c, self.rise_d = rise * c, rise * d

    def tm(self, target: tuple[float, float]) -> Any:
        """The Tm that puts the next glyph's origin at `target` (page space)."""
        ux, uy = apply(self.inverse, *target)
        return instr([*self.linear, _num(ux - self.rise_c), _num(uy - self.rise_d)], "Tm")


class _Runs:
    """An operator's codes and the runs they are written in.

    Glyphs in one run key keep their places relative to each other, so where the operator
    itself set two of them one after the other, the same numbers set them so again at zero
    character and word spacing: the TJ number between them (0 if none), less the character
    spacing and the word spacing after a space, as thousandths of the font size. That holds
    whatever the font's widths, which the traced boxes need not match. Across a glyph that
    goes, an isolated one or another key, a run ends. Vertical writing and text of size 0
    are not folded: a glyph stays in its run only where _follows finds it traced right
    after the previous one's advance (never in vertical writing)."""

    def __init__(self, tc: float, tw: float, size: float, vertical: bool) -> None:
        self.tc, self.tw, self.size = tc, tw, size
        self.foldable = size != 0.0 and not vertical
        self.codes: list[bytes] = []
        self.between: list[float] = []  # TJ numbers before each code, since the previous one
        self._pending = 0.0

    def code(self, code: bytes) -> None:
        self.codes.append(code)
        self.between.append(self._pending)
        self._pending = 0.0

    def number(self, value: float) -> None:
        self._pending += value

    def _adjustment(self, k: int) -> float:
        """The TJ number that sets code k after code k - 1 as the operator did."""
        spacing = self.tc + (self.tw if self.codes[k - 1] == b" " else 0.0)
        return self.between[k] - spacing * 1000.0 / self.size

    def split(
        self, glyphs: Sequence[Glyph], actions: Sequence[Action]
    ) -> list[tuple[int, list[bytes | float]]]:
        """(first glyph index, codes with the numbers between them) for every run."""
        runs: list[tuple[int, list[bytes | float]]] = []
        current: list[bytes | float] | None = None
        current_key: object = None
        for k, code in enumerate(self.codes):
            action = actions[k]
            if action.drop:
                current, current_key = None, None
                continue
            key = ("iso", k) if action.isolated else ("run", action.shift)
            if current is not None and key == current_key:
                if self.foldable:
                    adjustment = self._adjustment(k)
                    if adjustment:
                        current.append(adjustment)
                    current.append(code)
                    continue
                if _follows(glyphs[k - 1], glyphs[k]):
                    current.append(code)
                    continue
            current = [code]
            current_key = key
            runs.append((k, current))
        return runs


def _shown(run: list[bytes | float]) -> Any:
    """Tj for codes alone; TJ with the numbers between them where there are any."""
    codes = [item for item in run if isinstance(item, bytes)]
    if len(codes) == len(run):
        return instr([String(b"".join(codes))], "Tj")
    items: list[Any] = []
    pending: list[bytes] = []
    for item in run:
        if isinstance(item, bytes):
            pending.append(item)
        else:
            items += (String(b"".join(pending)), _num(item))
            pending = []
    items.append(String(b"".join(pending)))
    return instr([Array(items)], "TJ")


def _follows(previous: Glyph, glyph: Glyph) -> bool:
    """Whether `glyph` lies exactly one advance after `previous` along their common axis
    (where a Tj with no character or word spacing puts it). A glyph's traced box spans its
    advance along the line. Vertical writing and slanted lines: never (each glyph is placed
    on its own)."""
    if glyph.wmode or previous.wmode or glyph.direction != previous.direction:
        return False
    dx, dy = glyph.direction
    (px, py), (gx, gy) = previous.origin, glyph.origin
    if abs(dy) < 1e-6 and abs(abs(dx) - 1) < 1e-6:
        advance = dx * (previous.bbox[2] - previous.bbox[0])
        return abs(gx - px - advance) <= FOLLOW_TOLERANCE and abs(gy - py) <= FOLLOW_TOLERANCE
    if abs(dx) < 1e-6 and abs(abs(dy) - 1) < 1e-6:
        advance = dy * (previous.bbox[3] - previous.bbox[1])
        return abs(gy - py - advance) <= FOLLOW_TOLERANCE and abs(gx - px) <= FOLLOW_TOLERANCE
    return False


def _num(value: float) -> float | Decimal:
    """Enough digits that a long run at a tiny scale still lands within 0.01 pt.

    pikepdf writes a float with six decimals: at least seven significant digits from 1 up
    (a relative error under 5e-7: 0.0005 pt over a 1000-pt run). Smaller values need more
    than six decimals and go as Decimal, which costs ten times more to convert."""
    if abs(value) < 1e-9:
        return 0.0
    if abs(value) >= 1.0:
        return value
    return Decimal(f"{value:.10g}")


# --- the MuPDF side: trace a marked page --------------------------------------------------


@dataclass
class TracedPage:
    """A marked copy's trace: the spans of each marked operator, and the glyphs that carry
    no marker (pattern cells, Type3 procedures)."""

    spans: dict[int, list[dict[str, Any]]]
    foreign: list[Glyph]


def trace_marked(page: pymupdf.Page) -> TracedPage:
    spans: dict[int, list[dict[str, Any]]] = {}
    foreign: list[Glyph] = []
    for span in page.get_texttrace():
        marker = marker_of(span.get("color") or ()) if span.get("colorspace") == 3 else None
        if marker is None:
            foreign.extend(_glyphs(span))
        elif span.get("chars"):
            spans.setdefault(marker, []).append(span)
    return TracedPage(spans, foreign)


def _glyphs(span: dict[str, Any]) -> list[Glyph]:
    direction = tuple(span.get("dir") or (1.0, 0.0))
    size = float(span.get("size") or 0.0)
    space = float(span.get("spacewidth") or 0.0)
    wmode = int(span.get("wmode") or 0)
    out: list[Glyph] = []
    make = Glyph._make
    for ch in span.get("chars", ()):
        uni, gid, origin, bbox = ch[0], ch[1], ch[2], ch[3]
        # gid -1: the second and later characters of one glyph (a ligature's ToUnicode
        # maps one code to several characters); the code was counted with the first.
        if gid < 0:
            continue
        # MuPDF gives ints and tuples of floats already: no conversions per glyph.
        out.append(make((gid, uni, origin, bbox, direction, size, space, wmode)))
    return out


@dataclass
class PagePlan:
    """What becomes of a page's marked operators.

    `glyphs`/`actions`: the operators re-emitted glyph by glyph (some glyph goes, is isolated
    or moves); `kept`: the others, re-emitted whole (their first glyph's origin, or None for
    none, and how many glyphs MuPDF traced). `placed` and `kept_origins` feed the final check
    that every glyph landed where it was put."""

    glyphs: dict[int, list[Glyph]]
    actions: dict[int, list[Action]]
    placed: list[tuple[Glyph, Action]]
    kept: dict[int, tuple[tuple[float, float] | None, int]]
    kept_origins: array[float]


def plan_traced(traced: TracedPage, boxes: Sequence[BoxTuple]) -> PagePlan:
    """plan() for the operators near a box or on a line with one (glyphs.select_runs);
    every glyph of the other operators keeps its place, without a Glyph record each."""
    markers = sorted(traced.spans)
    runs: list[Run] = []
    owners: list[int] = []  # run index -> marker
    whole = True  # every run's glyphs share a baseline, as one operator's should
    for marker in markers:
        for span in traced.spans[marker]:
            run = _run(span)
            if run is None:
                whole = False
                run = Run(tuple(span["bbox"]), (0.0, 0.0), (0.0, 0.0), 0.0)
            runs.append(run)
            owners.append(marker)
    if whole:
        selected, run_lines = select_runs(runs, boxes)
        chosen = {owners[i] for i in selected}
        # How each line is aligned is read from every line of the page, planned or not.
        page_lines: PageLines | None = PageLines.of(runs, run_lines)
    else:  # not expected; then every glyph is planned, as over the whole page
        chosen, run_lines, page_lines = set(markers), [], None
    glyphs: dict[int, list[Glyph]] = {}
    flat: list[Glyph] = []
    span_range: dict[int, range] = {}  # run index -> its glyphs' indexes in flat
    kept: dict[int, tuple[tuple[float, float] | None, int]] = {}
    kept_origins: list[tuple[float, float]] = []
    r = 0
    for marker in markers:
        spans = traced.spans[marker]
        if marker in chosen:
            mine: list[Glyph] = []
            for span in spans:
                made = _glyphs(span)
                span_range[r] = range(len(flat) + len(mine), len(flat) + len(mine) + len(made))
                mine += made
                r += 1
            glyphs[marker] = mine
            flat += mine
        else:
            origins = [ch[2] for span in spans for ch in span["chars"] if ch[1] >= 0]
            kept[marker] = (origins[0] if origins else None, len(origins))
            kept_origins += origins
            r += len(spans)
    lines = None
    if whole:
        lines = [
            [i for run in line if run in span_range for i in span_range[run]] for line in run_lines
        ]
    flat_actions = plan(flat, boxes, lines, page_lines)
    actions: dict[int, list[Action]] = {}
    i = 0
    for marker, mine in glyphs.items():
        actions[marker] = flat_actions[i : i + len(mine)]
        i += len(mine)
    return PagePlan(
        glyphs,
        actions,
        list(zip(flat, flat_actions, strict=True)),
        kept,
        array("d", chain.from_iterable(kept_origins)),
    )


def operators(
    traced: TracedPage, page_plan: PagePlan
) -> Iterator[tuple[list[dict[str, Any]], list[Action] | None]]:
    """Each traced operator's spans in content order, with the actions of its glyphs, or
    None for an operator kept whole (for terms.trace_split)."""
    for marker in sorted(traced.spans):
        actions = None if marker in page_plan.kept else page_plan.actions[marker]
        yield traced.spans[marker], actions


def _run(span: dict[str, Any]) -> Run | None:
    """The span as a Run, or None if its glyphs do not share a baseline along an axis."""
    chars = span["chars"]
    direction = tuple(span.get("dir") or (1.0, 0.0))
    first, last = chars[0][2], chars[-1][2]
    if on_axis(direction):
        dx, dy = round(direction[0]), round(direction[1])
        if abs((-dy * first[0] + dx * first[1]) - (-dy * last[0] + dx * last[1])) > 1e-3:
            return None
    return Run(
        tuple(span["bbox"]),
        first,
        direction,
        float(span.get("size") or 0.0),
        int(span.get("wmode") or 0),
    )


def page_matrix(page: pymupdf.Page) -> Matrix:
    """PDF user space -> MuPDF's unrotated page space.

    PyMuPDF's transformation_matrix is wrong for a rotated page whose CropBox does not start
    at 0,0 (it uses the rotated size), so it is read with the rotation briefly set to 0."""
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)
    try:
        m = page.transformation_matrix
    finally:
        if rotation:
            page.set_rotation(rotation)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


# A kept glyph whose box, grown by this fraction of its size, touches a box is left for
# MuPDF's text removal to judge. MuPDF's own idea of a glyph's extent reaches higher than
# the traced box: it removes a glyph under a box up to 0.15 of the size above it (measured
# with the base-14 fonts at 20 pt).
TOUCH_MARGIN_PER_SIZE = 0.25


def touches_a_box(placed: Sequence[tuple[Glyph, Action]], boxes: Sequence[BoxTuple]) -> bool:
    """Whether a glyph that stays, where it is placed, comes near a box. Only isolated or
    moved glyphs can: the others lie further than ISOLATE_PER_SIZE from every box. White
    space is not counted: it has no ink to leave in a box (were a font to draw some, the
    render check after the redaction would find it)."""
    for glyph, action in placed:
        if action.drop or not (action.isolated or action.shift != (0.0, 0.0)) or glyph.is_space:
            continue
        grow = TOUCH_MARGIN_PER_SIZE * glyph.size
        bbox = landed(glyph, action.shift)
        if any(overlaps(bbox, box, grow) for box in boxes):
            return True
    return False


def placed_within(traced: TracedPage, page_plan: PagePlan, area: BoxTuple) -> bool:
    """Whether every glyph of the traced page, where the rewrite places it, lies within
    `area` (traced boxes: the marked copy shows every render mode, clip-only text too)."""
    x0, y0, x1, y1 = area

    def inside(b: Sequence[float]) -> bool:
        return x0 <= b[0] and y0 <= b[1] and b[2] <= x1 and b[3] <= y1

    for marker in page_plan.kept:
        if not all(inside(span["bbox"]) for span in traced.spans[marker]):
            return False
    for glyph, action in page_plan.placed:
        if not action.drop and not inside(landed(glyph, action.shift)):
            return False
    return all(inside(g.bbox) for g in traced.foreign)


def expected_origins(
    placed: Sequence[tuple[Glyph, Action]], foreign: Sequence[Glyph]
) -> array[float]:
    """Where every glyph the rewritten page shows should be traced, flat (x, y, x, y, ...):
    a page's worth is kept until the final check, and a float array is a fraction of the size
    of tuples. The origins of the glyphs placed (moved as planned), then of the foreign ones.

    Glyphs are matched by position only (subsetting the fonts renumbers glyph ids), and a
    position may be matched more than once: text in fill-and-stroke mode is traced twice."""
    flat: list[float] = []
    for glyph, action in placed:
        if not action.drop:
            x, y = glyph.origin
            dx, dy = action.shift
            flat += (x + dx, y + dy)
    for glyph in foreign:
        flat += glyph.origin
    return array("d", flat)


def check_origins(
    actual: Iterable[tuple[int, tuple[float, float]]], origins: array[float], tol: float = 0.05
) -> str | None:
    """None if every (unicode, origin) of `actual` lies within `tol` of an expected origin
    (see expected_origins); else why not."""
    scale = 1.0 / tol
    grid = _grid(origins, scale)
    return _check_misses(
        [(u, o) for u, o in actual if (round(o[0] * scale), round(o[1] * scale)) not in grid],
        origins,
        tol,
    )


def check_page(page: pymupdf.Page, origins: array[float], tol: float = 0.05) -> str | None:
    """check_origins for every glyph MuPDF traces on the page, in one pass over the trace
    (every glyph of the page goes through here; the further characters of a ligature,
    gid -1, were placed with their glyph)."""
    # Most glyphs are traced exactly where they were expected (an operator kept whole is
    # traced as before): a set of the expected points answers those at once.
    exact = set(zip(origins[0::2], origins[1::2], strict=True))
    others = [
        (ch[0], ch[2])
        for span in page.get_texttrace()
        for ch in span["chars"]
        if ch[1] >= 0 and ch[2] not in exact
    ]
    return check_origins(others, origins, tol) if others else None


def _grid(origins: array[float], scale: float) -> set[tuple[int, int]]:
    # Nearly every glyph is traced within a hair of where it was placed (the Tm is written
    # with ten digits). Positions on a grid of the tolerance: a glyph in the same grid cell
    # as an expected point is less than the tolerance from it, so a set answers those; one
    # that misses (next to a cell boundary, or really misplaced) is looked up with the
    # tolerance in the 1-pt cells around it (_check_misses).
    return {
        (round(x * scale), round(y * scale))
        for x, y in zip(origins[0::2], origins[1::2], strict=True)
    }


def _check_misses(
    misses: Sequence[tuple[int, tuple[float, float]]], origins: array[float], tol: float
) -> str | None:
    if not misses:
        return None
    pool: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for ex, ey in zip(origins[0::2], origins[1::2], strict=True):
        pool.setdefault((round(ex), round(ey)), []).append((ex, ey))
    for uni, (x, y) in misses:
        if not any(
            abs(ex - x) <= tol and abs(ey - y) <= tol
            for cell in _cells(x, y)
            for ex, ey in pool.get(cell, ())
        ):
            return f"a glyph (U+{uni:04X}) at {x:.2f},{y:.2f} is not where it was placed"
    return None


def _cells(x: float, y: float) -> list[tuple[int, int]]:
    cx, cy = round(x), round(y)
    return [(cx + dx, cy + dy) for dx in (0, -1, 1) for dy in (0, -1, 1)]


__all__ = [
    "PagePlan",
    "PageText",
    "TracedPage",
    "check_origins",
    "check_page",
    "expected_origins",
    "marker_colour",
    "marker_of",
    "operators",
    "page_matrix",
    "placed_within",
    "plan_traced",
    "touches_a_box",
    "trace_marked",
]
