"""Pixel checks with poppler's pdftoppm: the boxes as drawn, and what lies under them.

Two renders of every page with boxes:

* as delivered: each box interior must be its fill colour everywhere except where its own
  label (or another box's label or border) is drawn; the label areas come from pdfminer's
  character boxes, so text hidden in the label's band would still be caught elsewhere;
* without Redactor's stamp stream: each box interior must be one uniform colour. This is
  what a reader who deletes the boxes would see; anything left under a box shows up here.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from PIL import Image, ImageDraw

from redactor.core.export_model import STAMP_TAG, BoxStyle
from redactor.core.geometry import Rect

log = logging.getLogger(__name__)

TIMEOUT = 300  # seconds pdftoppm may take for one page
MARGIN_PX = 2  # ignored along each box edge (anti-aliasing)
FILL_TOLERANCE = 40
UNIFORM_TOLERANCE = 24
BORDER_PT = 1.0  # white style: the border's width (drawn inside the box)
MIN_DPI, MAX_DPI = 72, 300
MIN_INTERIOR_PX = 8
PIPE_BYTES = 1024 * 1024
CHUNK_PAGES = 256  # at most this many source pages per pair of pdftoppm runs
# Up to this many pages, both copies come from one pdftoppm run, all with anti-aliasing:
# starting a second run (8 to 12 ms of CPU) costs more than smoothing the stamped copies
# (about 2 ms a page of dense text). Most documents of a case are this short.
ONE_RUN_PAGES = 4
LABEL_BLEED_PX = 2.5  # anti-aliasing of label glyphs beyond their character boxes
BARE_RIM_PT = 2.0
BARE_RIM_SHARE = 0.15
FORM_DEPTH = 12  # nested forms the font-hiding rewrite follows (deeper ones it leaves alone)


@dataclass(frozen=True)
class PageBoxes:
    index: int
    size: tuple[float, float]  # displayed
    boxes: tuple[Rect, ...]  # displayed, clipped to the page
    labels: tuple[Rect, ...]  # displayed areas of all labels on the page


class RenderError(Exception):
    pass


def pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def choose_dpi(pages: Sequence[PageBoxes]) -> int:
    sides = [min(r.width, r.height) for p in pages for r in p.boxes]
    if not sides:
        return MIN_DPI
    wanted = 72.0 * (MIN_INTERIOR_PX + 2 * MARGIN_PX) / max(min(sides), 0.5)
    return int(min(MAX_DPI, max(MIN_DPI, math.ceil(wanted))))


def render(
    data: bytes, pages: Sequence[PageBoxes], dpi: int, chunk: int = CHUNK_PAGES
) -> Iterator[tuple[PageBoxes, Image.Image, Image.Image]]:
    """(page, as delivered, without stamps) for every page, in order; RenderError on failure
    (subprocess.TimeoutExpired when pdftoppm stalls).

    The two copies of every page go into one PDF. Two pdftoppm processes, one for each copy,
    render `chunk` pages at a time and write the images to a pipe, not to files (writing,
    reading back and deleting a full-page image per copy cost more CPU than rendering it);
    the pages are handed out one at a time, so memory holds two images whatever the number
    of pages (each image is a full page at `dpi`)."""
    tool = pdftoppm()
    if tool is None:
        raise RenderError("pdftoppm is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pages.pdf"
        with pikepdf.open(io.BytesIO(data)) as src, pikepdf.new() as out:
            for page in pages:
                for stamped in (True, False):
                    out.pages.append(src.pages[page.index])
                    copy = out.pages[-1]
                    if not stamped:
                        if not _remove_stamps(copy):
                            raise RenderError(
                                f"page {page.index + 1} has boxes but no stamp stream"
                            )
                        _hide_substituted_text(out, copy)
            out.save(path)
        # Each pdftoppm run costs a fixed start-up (about 12 ms of CPU): few, long runs.
        for first in range(0, len(pages), chunk):
            group = pages[first : first + chunk]
            start, count = 2 * first + 1, 2 * len(group)
            if len(group) <= ONE_RUN_PAGES:
                with _Stream(tool, path, Path(tmp), dpi, start, count, "all") as both:
                    for page in group:
                        yield page, both.image(), both.image()
                    both.finish()
                continue
            with (
                _Stream(tool, path, Path(tmp), dpi, start, count, "odd") as with_stamps,
                _Stream(tool, path, Path(tmp), dpi, start, count, "even") as without,
            ):
                for page in group:
                    yield page, with_stamps.image(), without.image()
                with_stamps.finish()
                without.finish()


class _Stream:
    """One pdftoppm run over the odd or even pages (or all pages) of first..first+count-1
    (1-based) of `path`, read image by image from its standard output (binary PPM, one
    after another).

    The stamped copies (odd) are rendered without anti-aliasing, which costs a third of the
    time: their check is that each box is its fill colour away from its edges and labels,
    and a solid fill renders the same either way. The copies without stamps (even) keep it:
    a faint trace of something small left under a box shows up only as grey. A run over all
    pages keeps it for both.

    Each image must arrive within TIMEOUT seconds of the previous one (a stalled pdftoppm is
    killed); after the last expected image the output must end and the exit code be 0."""

    def __init__(
        self, tool: str, path: Path, tmp: Path, dpi: int, first: int, count: int, parity: str
    ) -> None:
        last = first + count - 1
        self.expected = sum(
            1
            for n in range(first, last + 1)
            if parity == "all" or n % 2 == (1 if parity == "odd" else 0)
        )
        self.delivered = 0
        self.pixels = bytearray()  # one page's samples, reused from page to page
        smoothing = ["-aa", "no", "-aaVector", "no"] if parity == "odd" else []
        which = {"odd": ["-o"], "even": ["-e"], "all": []}[parity]
        self.command = [
            tool,
            "-r",
            str(dpi),
            *which,
            *smoothing,
            "-f",
            str(first),
            "-l",
            str(last),
            str(path),
        ]
        # stderr goes to a file: a pipe nobody reads could fill up and stall pdftoppm.
        self.errors = tmp / f"p{first}{parity}.err"
        with self.errors.open("wb") as err:
            # Unbuffered: each read takes what has arrived, straight into the image buffer.
            self.process = subprocess.Popen(
                self.command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=err,
                bufsize=0,
            )
        assert isinstance(self.process.stdout, io.RawIOBase)  # bufsize=0: a FileIO
        self.out: io.RawIOBase = self.process.stdout
        _grow_pipe(self.out)
        # A watchdog thread kills a pdftoppm that keeps the next image waiting too long
        # (portable: Windows cannot select() on a pipe).
        self.deadline: float = time.monotonic() + TIMEOUT
        self.timed_out: bool = False
        self.closed: bool = False
        self.watch: threading.Condition = threading.Condition()
        self.watchdog: threading.Thread = threading.Thread(target=self._watch, daemon=True)
        self.watchdog.start()

    def __enter__(self) -> _Stream:
        return self

    def __exit__(self, *exc: object) -> None:
        with self.watch:
            self.closed = True
            self.watch.notify()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.out.close()
        self.watchdog.join()

    def _watch(self) -> None:
        with self.watch:
            while not self.closed:
                remaining = self.deadline - time.monotonic()
                if remaining <= 0:
                    self.timed_out = True
                    self.process.kill()
                    return
                self.watch.wait(remaining)

    def _restart_clock(self) -> None:
        with self.watch:
            self.deadline = time.monotonic() + TIMEOUT

    def image(self) -> Image.Image:
        """The next page's image (RGB)."""
        self._restart_clock()
        header = self._header()
        if header is None:
            raise self._failure(f"pdftoppm wrote {self.delivered} pages, expected {self.expected}")
        width, height = header
        size = width * height * 3
        if len(self.pixels) != size:
            self.pixels = bytearray(size)
        if not self._fill(memoryview(self.pixels)):
            raise self._failure(f"pdftoppm stopped within page image {self.delivered + 1}")
        self.delivered += 1
        return Image.frombytes("RGB", (width, height), self.pixels)  # a copy: pixels is reused

    def finish(self) -> None:
        """Check that the run ended as it should: no more output, exit code 0."""
        self._restart_clock()
        rest = bytearray(1)
        if self._fill(memoryview(rest)):
            raise RenderError(f"pdftoppm wrote more than the {self.expected} pages expected")
        code = self.process.wait()
        if code != 0:
            raise self._failure(None)

    def _failure(self, what: str | None) -> RenderError:
        code = self.process.wait()
        detail = self.errors.read_bytes().decode(errors="replace")[:200]
        if code != 0:
            return RenderError(f"pdftoppm failed ({code}): {detail}")
        return RenderError(what or f"pdftoppm failed: {detail}")

    def _header(self) -> tuple[int, int] | None:
        """Width and height from a binary PPM header ("P6", width, height, 255, one white
        space; pdftoppm writes no comments), or None at the end of the output."""
        tokens: list[bytes] = []
        token = bytearray()
        byte = bytearray(1)
        view = memoryview(byte)
        while len(tokens) < 4:
            if not self._fill(view):
                if not tokens and not token:
                    return None
                raise RenderError("pdftoppm's output ends inside an image header")
            if byte.isspace():
                if token:
                    tokens.append(bytes(token))
                    token.clear()
                continue
            token += byte
            if len(token) > 16:
                raise RenderError("pdftoppm wrote something that is not an image")
        magic, width, height, depth = tokens
        if magic != b"P6" or depth != b"255" or not (width.isdigit() and height.isdigit()):
            raise RenderError("pdftoppm wrote something that is not an RGB image")
        return int(width), int(height)

    def _fill(self, view: memoryview) -> bool:
        """Read exactly len(view) bytes; False at the end of the output (before any byte or
        part way). TimeoutExpired if the watchdog killed pdftoppm."""
        got = 0
        while got < len(view):
            n = self.out.readinto(view[got:])
            if not n:
                if self.timed_out:
                    raise subprocess.TimeoutExpired(self.command, TIMEOUT)
                return False
            got += n
        return True


def _grow_pipe(pipe: io.RawIOBase) -> None:
    """Linux: a larger pipe buffer means fewer, larger reads (elsewhere nothing to do)."""
    try:
        import fcntl
    except ImportError:  # Windows
        return
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _remove_stamps(page: pikepdf.Page) -> bool:
    contents = page.obj.get("/Contents")
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    kept = []
    removed = False
    for stream in streams:
        if isinstance(stream, pikepdf.Stream) and stream.read_bytes().lstrip().startswith(
            STAMP_TAG
        ):
            removed = True
            continue
        kept.append(stream)
    page.obj.Contents = pikepdf.Array(kept)
    return removed


TEXT_SHOW = frozenset({"Tj", "TJ", "'", '"'})


def _embedded(font: object) -> bool:
    """Whether a font carries its own glyphs (an embedded program, or Type3 procedures)."""
    if not isinstance(font, pikepdf.Dictionary):
        return False
    if font.get("/Subtype") == pikepdf.Name.Type3:
        return True
    if font.get("/Subtype") == pikepdf.Name.Type0:
        descendants = font.get("/DescendantFonts")
        font = (
            descendants[0] if isinstance(descendants, pikepdf.Array) and len(descendants) else None
        )
        if not isinstance(font, pikepdf.Dictionary):
            return False
    descriptor = font.get("/FontDescriptor")
    return isinstance(descriptor, pikepdf.Dictionary) and any(
        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def _hide_substituted_text(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """Draw text in non-embedded fonts invisibly (render mode 3) for the bare render.

    poppler substitutes its own fonts for them, with other glyph shapes and widths than the
    renderer that did the redaction, so kept text next to a box can reach into it. Text can
    not hide anything from this check anyway: pdfminer checks it by position."""
    resources = page.obj.get("/Resources")
    if _only_embedded_fonts(resources, 0, set()):
        return  # nothing to hide (most real documents): the content is not parsed at all
    instructions = pikepdf.parse_content_stream(page)
    page.obj.Contents = pdf.make_stream(
        pikepdf.unparse_content_stream(_hidden(instructions, resources, 0, set()))
    )


def _only_embedded_fonts(resources: object, depth: int, seen: set[Any]) -> bool:
    """Whether every font in `resources` and in those of the forms they hold (at any depth
    _hidden follows) is embedded: then _hidden would change nothing."""
    if not isinstance(resources, pikepdf.Dictionary):
        return True
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary) and not all(
        _embedded(font) for _, font in fonts.items()
    ):
        return False
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return True
    for _, form in xobjects.items():
        if not (isinstance(form, pikepdf.Stream) and form.get("/Subtype") == pikepdf.Name.Form):
            continue
        if form.objgen in seen:
            continue
        if depth >= FORM_DEPTH:
            return False  # deeper than _hidden goes: let it decide
        seen.add(form.objgen)
        if not _only_embedded_fonts(form.get("/Resources"), depth + 1, seen):
            return False
    return True


def _hidden(instructions: list[Any], resources: object, depth: int, seen: set[Any]) -> list[Any]:
    out: list[Any] = []
    stack: list[tuple[bool, int]] = []
    embedded, mode = True, 0
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    for item in instructions:
        op = str(item.operator)
        if op == "q":
            stack.append((embedded, mode))
        elif op == "Q" and stack:
            embedded, mode = stack.pop()
        elif op == "Tf" and item.operands:
            font = (
                fonts.get(str(item.operands[0])) if isinstance(fonts, pikepdf.Dictionary) else None
            )
            embedded = _embedded(font)
        elif op == "Tr" and item.operands:
            mode = int(item.operands[0])
        elif (
            op == "Do"
            and item.operands
            and isinstance(xobjects, pikepdf.Dictionary)
            and depth < FORM_DEPTH
        ):
            form = xobjects.get(str(item.operands[0]))
            if (
                isinstance(form, pikepdf.Stream)
                and form.get("/Subtype") == pikepdf.Name.Form
                and form.objgen not in seen
            ):
                seen.add(form.objgen)
                nested = form.get("/Resources", resources)
                form.write(
                    pikepdf.unparse_content_stream(
                        _hidden(pikepdf.parse_content_stream(form), nested, depth + 1, seen)
                    )
                )
        if op in TEXT_SHOW and not embedded:
            out += [pikepdf.ContentStreamInstruction([3], pikepdf.Operator("Tr")), item]
            out.append(pikepdf.ContentStreamInstruction([mode], pikepdf.Operator("Tr")))
            continue
        out.append(item)
    return out


def _px(rect: Rect, scale: float, shrink: float) -> tuple[int, int, int, int]:
    return (
        math.ceil(rect.x0 * scale + shrink),
        math.ceil(rect.y0 * scale + shrink),
        math.floor(rect.x1 * scale - shrink),
        math.floor(rect.y1 * scale - shrink),
    )


def _border_strips(rect: Rect) -> list[Rect]:
    b = BORDER_PT + 0.5
    return [
        Rect(rect.x0, rect.y0, rect.x1, rect.y0 + b),
        Rect(rect.x0, rect.y1 - b, rect.x1, rect.y1),
        Rect(rect.x0, rect.y0, rect.x0 + b, rect.y1),
        Rect(rect.x1 - b, rect.y0, rect.x1, rect.y1),
    ]


def check_stamped(img: Image.Image, page: PageBoxes, dpi: int, style: BoxStyle) -> list[int]:
    """Indexes of boxes whose interior (outside label and border areas) is not the fill colour."""
    scale = dpi / 72.0
    fill = 255 if style is BoxStyle.WHITE else 0
    masks = list(page.labels)
    if style is BoxStyle.WHITE:
        for rect in page.boxes:
            masks += _border_strips(rect)
    masked = [_px(mask, scale, -LABEL_BLEED_PX) for mask in masks]
    bad = []
    for index, rect in enumerate(page.boxes):
        x0, y0, x1, y1 = _px(rect, scale, MARGIN_PX)
        if x1 <= x0 or y1 <= y0:
            continue
        region = img.crop((x0, y0, x1, y1))
        draw = ImageDraw.Draw(region)
        for mx0, my0, mx1, my1 in masked:
            # Only the masks that reach this region (rectangle() includes both corners).
            if mx0 < x1 and x0 <= mx1 and my0 < y1 and y0 <= my1:
                draw.rectangle((mx0 - x0, my0 - y0, mx1 - x0, my1 - y0), fill=(fill, fill, fill))
        extrema: Any = region.getextrema()  # RGB: one (min, max) pair per band
        if any(lo < fill - FILL_TOLERANCE or hi > fill + FILL_TOLERANCE for lo, hi in extrema):
            bad.append(index)
    return bad


def check_bare(img: Image.Image, page: PageBoxes, dpi: int) -> list[int]:
    """Indexes of boxes whose interior, with the stamps removed, is not one colour.

    The interior is shrunk a little more here (up to 2 pt, at most 15% of the box's smaller
    side): a glyph kept next to a box may overhang into it, more so when poppler substitutes
    a wider font than the renderer that did the redaction. Removed text would sit in the
    middle of its box, not in that rim."""
    scale = dpi / 72.0
    bad = []
    for index, rect in enumerate(page.boxes):
        rim = min(BARE_RIM_PT, BARE_RIM_SHARE * min(rect.width, rect.height)) * scale
        x0, y0, x1, y1 = _px(rect, scale, MARGIN_PX + rim)
        if x1 <= x0 or y1 <= y0:
            continue
        extrema: Any = img.crop((x0, y0, x1, y1)).getextrema()
        if any(hi - lo > UNIFORM_TOLERANCE for lo, hi in extrema):
            bad.append(index)
    return bad
