"""The gate's fast paths find exactly what the straightforward ways found.

Each fast path (shown strings read from qpdf's re-serialisation, poppler's words read in
blocks, words tested against boxes through a vertical index, label runs looked up by their
first token, pdftoppm's images read from a pipe) is compared here with a plain reference
implementation, on inputs built to trip it up, and the gate is shown to still fail files
whose leftover only the careful path can see.
"""

from __future__ import annotations

import io
import random
import stat
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from redactor.core.export_model import BoxSpec, RenderOptions, box_label
from redactor.core.geometry import Rect
from redactor.export import verify, verify_objects, verify_render, verify_words
from redactor.export.verify import verify_redacted
from redactor.export.verify_text import SEPARATOR, haystack
from redactor.pdf.redact import redact_document
from tests.adversarial import builders as B
from tests.adversarial.builders import SECRET, SECRET_BOX, box
from tests.helpers import corpus_files, require_corpus, require_tool

OPTIONS = RenderOptions()

# --- shown strings --------------------------------------------------------------------


def _reference_strings(operand: Any) -> Iterator[bytes]:
    """The walk the gate used before its fast path: every operand, recursively."""
    if isinstance(operand, pikepdf.String):
        yield bytes(operand)
    elif isinstance(operand, Array):
        for item in operand:
            yield from _reference_strings(item)
    elif isinstance(operand, Dictionary):
        for _, value in operand.items():
            yield from _reference_strings(value)


def _reference_shown(stream: pikepdf.Stream) -> bytes:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            instructions = pikepdf.parse_content_stream(stream)
    except Exception:
        return b""
    parts = []
    for item in instructions:
        if isinstance(item, pikepdf.ContentStreamInlineImage):
            continue
        shown = b"".join(p for operand in item.operands for p in _reference_strings(operand))
        if shown:
            parts.append(shown)
    return verify_objects.SEPARATOR.join(parts)


SECRET_B = SECRET.encode()
STREAMS = {
    "plain split": b"BT /F1 9 Tf [(GEH) -20 (EIM) (4711)] TJ ET",
    "escaped parentheses": b"BT [(GE\\(H\\)EIM) 3 (4711)] TJ ET",
    "octal escapes": b"BT [(\\107\\105HEIM) (\\0634711)] TJ ET",
    "short octal and unknown escape": b"BT (G\\105\\q\\7HEIM) Tj ET",
    "line continuation": b"BT (GEHE\\\nIM4711) Tj ET",
    "balanced parentheses": b"BT (GE(HE)IM(4711)) Tj ET",
    "hex": b"BT [<4745484549> (M4711)] TJ ET",
    "hex with spaces and odd length": b"BT <47 45 48 45 49 4D 34 37 31 3> Tj ET",
    "raw newline and return": b"BT (GEHEIM\n4711\rX) Tj ET",
    "angle brackets in a string": b"BT [(GE<HE) (IM>47<<11)] TJ ET",
    "backslash backslash": b"BT (GEHEIM\\\\4711) Tj ET",
    "high bytes": b"BT (GEHEIM\xe9\xff4711) Tj ET",
    "control bytes": b"BT (\x01GE\x00HEIM\x1f) Tj ET",
    "two-byte codes": b"BT /F2 9 Tf <0047004500480045> Tj [<0049004d> 10 <0034>] TJ ET",
    "empty strings": b"BT () Tj [() -5 ()] TJ (GEHEIM) Tj ET",
    "nested arrays": b"BT [[(GEH)] [[(EIM)] 4] (4711)] TJ ET",
    "dictionary, keys unsorted": b"/Span <</Z (IM4711) /A (GEHE) /M [(x) (y)]>> BDC EMC",
    "nested dictionary": b"/P <</B <</Deep (GEHEIM)>> /A 1>> BDC (a) Tj EMC",
    "string to another operator": b"(GEHEIM) Tz (4711) 12 0 Td",
    "inline image with parentheses": (
        b"BI /W 2 /H 1 /BPC 8 /CS /G ID (\x28\x29) EI (GEHEIM) Tj [(47)(11)] TJ"
    ),
    "comment": b"BT (GEH) Tj % (EIM) Tj\n(EIM) Tj ET",
    "many lines": b"\n".join(b"BT (%d) Tj ET" % i for i in range(50)) + b" (GEHEIM) Tj",
    "not content at all": b"\x89PNG\r\n\x1a\n(GEHEIM) BT Tj",
    "unbalanced": b"BT (GEHEIM Tj ET",
    "name with escapes": b"/GE#28HEIM Tf (x) Tj /A#3C (y) Tj",
    "operands with strings and names": b"/Sp (GE) /Q (HEIM) 1 2 (4711) sc",
}


@pytest.mark.parametrize("name", sorted(STREAMS))
def test_shown_strings_match_the_full_walk(name: str) -> None:
    with pikepdf.new() as pdf:
        stream = pdf.make_stream(STREAMS[name])
        assert verify_objects._shown_strings(stream) == _reference_shown(stream)


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b.replace(b"\\(", b"(").replace(b"\\)", b")"),  # parentheses unescaped
        lambda b: b.replace(b"\n", b" "),  # all instructions on one line
        lambda b: b.replace(b" ", b"\n"),  # an instruction over several lines
    ],
    ids=["unescaped", "one line", "split lines"],
)
def test_shown_strings_do_not_depend_on_how_qpdf_serialises(
    monkeypatch: pytest.MonkeyPatch, change: Any
) -> None:
    """The serialisation is only trusted where it is unambiguous: were qpdf to write it
    otherwise, the strings would still be those of the full walk."""
    unparse = pikepdf.unparse_content_stream
    monkeypatch.setattr(pikepdf, "unparse_content_stream", lambda i: change(unparse(i)))
    with pikepdf.new() as pdf:
        for content in STREAMS.values():
            stream = pdf.make_stream(content)
            assert verify_objects._shown_strings(stream) == _reference_shown(stream)


def test_the_fast_path_keeps_a_term_split_over_glyph_strings_together() -> None:
    """MuPDF writes one string per glyph: the glyphs of one TJ run together, and a second
    operator is kept apart by the separator."""
    with pikepdf.new() as pdf:
        glyphs = b"".join(b"(" + bytes([c]) + b")" for c in SECRET_B)
        stream = pdf.make_stream(b"BT [" + glyphs + b"] TJ (x) Tj ET")
        assert verify_objects._shown_strings(stream) == SECRET_B + verify_objects.SEPARATOR + b"x"


def test_random_streams_match_the_full_walk() -> None:
    """Random mixtures of the pieces above, many instructions per stream."""
    pieces = [
        b"(GE)",
        b"(H\\)E)",
        b"<494d>",
        b"(\\0634)",
        b"[(7) -3 (1) (1)]",
        b"<</K (v) /A [(w)]>>",
        b"/N",
        b"12",
        b"(a<b)",
        b"()",
        b"(x(y)z)",
        b"[[(q)]]",
    ]
    operators = [b"Tj", b"TJ", b"'", b"BDC", b"Td", b"sc"]
    rng = random.Random(4711)
    with pikepdf.new() as pdf:
        for _ in range(200):
            lines = [
                b" ".join(rng.choices(pieces, k=rng.randint(0, 4))) + b" " + rng.choice(operators)
                for _ in range(rng.randint(1, 12))
            ]
            stream = pdf.make_stream(b"\n".join(lines))
            assert verify_objects._shown_strings(stream) == _reference_shown(stream)


@pytest.mark.slow
def test_shown_strings_match_the_full_walk_on_the_corpus() -> None:
    root = require_corpus()
    compared = 0
    for entry in corpus_files():
        try:
            pdf = pikepdf.open(root / entry.path)
        except Exception:
            continue
        with pdf:
            for obj in pdf.objects:
                if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") == Name.Image:
                    continue
                try:
                    obj.read_bytes()
                except Exception:
                    continue
                assert verify_objects._shown_strings(obj) == _reference_shown(obj), (
                    entry.path,
                    obj.objgen,
                )
                compared += 1
    assert compared > 100


def _hides_something(pdf: pikepdf.Pdf, page: pikepdf.Page) -> bool:
    """Whether the full rewrite of _hide_substituted_text changes the page's instructions."""
    instructions = pikepdf.parse_content_stream(page)
    hidden = verify_render._hidden(instructions, page.obj.get("/Resources"), 0, set())
    return pikepdf.unparse_content_stream(hidden) != pikepdf.unparse_content_stream(instructions)


@pytest.mark.slow
def test_pages_with_only_embedded_fonts_are_left_alone_on_the_corpus() -> None:
    """The shortcut of _hide_substituted_text (every font embedded: not parsed) is taken
    only where the full rewrite would not change the page. Forms are left out of the
    comparison: _hidden writes them in place, so each file is opened afresh per page."""
    root = require_corpus()
    skipped = parsed = 0
    for entry in corpus_files():
        if not entry.path.endswith(".pdf") or entry.pages > 200:
            continue
        try:
            pdf = pikepdf.open(root / entry.path)
        except Exception:
            continue
        with pdf:
            for page in list(pdf.pages)[:3]:
                try:
                    changes = _hides_something(pdf, page)
                except Exception:
                    continue  # content pikepdf cannot parse: the gate fails such a page anyway
                if verify_render._only_embedded_fonts(page.obj.get("/Resources"), 0, set()):
                    assert not changes, (entry.path, page.index)
                    skipped += 1
                else:
                    parsed += 1
    assert skipped > 20 and parsed > 20  # both kinds of page were seen


def test_a_font_that_is_not_embedded_is_found_inside_a_nested_form() -> None:
    pdf = pikepdf.new()
    embedded = Dictionary(
        Type=Name.Font,
        Subtype=Name.TrueType,
        BaseFont=Name("/Emb"),
        FontDescriptor=Dictionary(Type=Name.FontDescriptor, FontFile2=pdf.make_stream(b"x")),
    )
    helvetica = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    inner = pdf.make_stream(
        b"BT /F2 9 Tf (x) Tj ET",
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=[0, 0, 10, 10],
        Resources=Dictionary(Font=Dictionary(F2=helvetica)),
    )
    outer = pdf.make_stream(
        b"/Inner Do",
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=[0, 0, 10, 10],
        Resources=Dictionary(XObject=Dictionary(Inner=inner)),
    )
    resources = Dictionary(Font=Dictionary(F1=embedded), XObject=Dictionary(Outer=outer))
    assert not verify_render._only_embedded_fonts(resources, 0, set())
    inner.Resources = Dictionary(Font=Dictionary(F2=embedded))
    assert verify_render._only_embedded_fonts(resources, 0, set())
    assert verify_render._only_embedded_fonts(None, 0, set())  # no resources: no text to hide


@pytest.fixture(scope="module")
def good() -> tuple[bytes, tuple[str, ...]]:
    out = redact_document(B.build("normal_text").pdf, [box(0, SECRET_BOX)], [], OPTIONS)
    return out.pdf, out.removed_terms


def _with_stray_stream(data: bytes, content: bytes) -> bytes:
    """The file with a stream that holds `content` under a private key of page 1 (no
    /Subtype and not the page's contents: pdfminer does not render it, poppler does not
    show it, so only the shown-strings search of the object walk can see its text)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.pages[0].obj["/Stray"] = pdf.make_stream(content)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False)
    return out.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"BT [(\\107)(E)(H)(E)(I)(M)(4)(7)(1)(1)] TJ ET",  # octal: the raw bytes lack the term
        b"BT [(GEH) -250 <45494d> (4711)] TJ ET",  # literal and hex mixed
        b"BT [(GE\\(H) (EIM4711)] TJ ET",  # an escaped parenthesis breaks the raw bytes
        b"BT [(GEHE) -30 (IM47) (11)] TJ ET",  # the plain case the fast path reads itself
    ],
)
def test_a_removed_term_split_in_a_stray_content_stream_fails(
    good: tuple[bytes, tuple[str, ...]], content: bytes
) -> None:
    data, terms = good
    if b"\\(" in content:
        terms = (*terms, "GE(HEIM4711")
    report = verify_redacted(
        _with_stray_stream(data, content), [box(0, SECRET_BOX)], [], terms, OPTIONS, 1
    )
    assert "removed_terms_absent" in {c.name for c in report.failures()}


# --- poppler's words ------------------------------------------------------------------

BBOX_HTML = """<!DOCTYPE html>
<html><head><title></title></head><body>
<doc>
  <page width="{w}" height="{h}">
    <word xMin="{a}" yMin="{a}" xMax="{b}" yMax="{b}">eerste</word>
    <word xMin="{b}" yMin="{b}" xMax="{a}" yMax="{a}">omgekeerd</word>
    <word xMin="{a}" yMin="{a}" xMax="{b}" yMax="{b}">A&amp;B&lt;c&gt; &#233;</word>
    <word xMin="{a}" yMin="{a}" xMax="{b}" yMax="{b}">x</word><word xMin="1" yMin="1" xMax="2" yMax="2">y</word>
  </page>
  <page width="{w}" height="{h}">
  </page>
  <page width="{w}" height="{h}">
    <word xMin="{a}" yMin="{a}" xMax="{b}" yMax="{b}">laatste</word>
  </page>
</doc>
</body></html>
"""


def _fake_pdftotext(monkeypatch: pytest.MonkeyPatch, html: str) -> None:
    def run(options: list[str], data: bytes, target: Path | None = None) -> bytes:
        assert target is not None
        target.write_text(html, encoding="utf-8")
        return b""

    monkeypatch.setattr(verify_words, "_run", run)


def _words(unbounded: bytes = b"") -> list[tuple[tuple[float, float], list[tuple[str, Rect]]]]:
    return [
        (p.size, [(w.text, w.rect) for w in p.words]) for p in verify_words.page_words(unbounded)
    ]


def test_page_words_reads_pages_words_entities_and_corners(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = verify_words.MARGIN
    html = BBOX_HTML.format(w=2 * m + 100, h=2 * m + 200, a=m + 10, b=m + 30)
    _fake_pdftotext(monkeypatch, html)
    square = Rect(10, 10, 30, 30)
    assert _words() == [
        (
            (100.0, 200.0),
            [
                ("eerste", square),
                ("omgekeerd", square),  # poppler's corners in either order: normalised
                ("A&B<c> é", square),
                # two words on one line: the first up to the line's last </word>, as before
                ('x</word><word xMin="1" yMin="1" xMax="2" yMax="2">y', square),
            ],
        ),
        ((100.0, 200.0), []),
        ((100.0, 200.0), [("laatste", square)]),
    ]


@pytest.mark.parametrize("block", [1, 7, 64, 1000])
def test_page_words_gives_the_same_words_whatever_the_block_size(
    monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    m = verify_words.MARGIN
    html = BBOX_HTML.format(w=2 * m + 100, h=2 * m + 200, a=m + 10, b=m + 30)
    _fake_pdftotext(monkeypatch, html)
    whole = _words()
    monkeypatch.setattr(verify_words, "READ_CHARS", block)
    assert _words() == whole


def test_a_word_before_any_page_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pdftotext(
        monkeypatch, '<doc>\n<word xMin="1" yMin="1" xMax="2" yMax="2">los</word>\n</doc>\n'
    )
    with pytest.raises(verify_words.PopplerError):
        _words()


def test_page_words_of_real_pdftotext_output_match_a_line_by_line_reading() -> None:
    """Against the line-by-line reading the gate used before (one regex per line)."""
    import html
    import re

    require_tool("pdftotext")
    unbounded = verify_words.unbounded_copy(B.build("rotated_90_cropped").pdf)
    tool = verify_words.pdftotext()
    assert tool is not None
    out = subprocess.run(
        [tool, "-q", "-bbox", "-", "-"], input=unbounded, capture_output=True, check=True
    ).stdout.decode()
    word = re.compile(
        r'<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">(.*)</word>'
    )
    expected = []
    for line in out.splitlines():
        found = word.search(line)
        if found:
            x0, y0, x1, y1 = (float(found.group(i)) - verify_words.MARGIN for i in range(1, 5))
            expected.append((html.unescape(found.group(5)), Rect.normalized(x0, y0, x1, y1)))
    (page,) = _words(unbounded)
    assert page[1] == expected
    assert expected


# --- words against boxes, labels ------------------------------------------------------


def _brute_word_in_boxes(
    words: list[verify_words.Word], shrunk: list[Rect], labels: set[int]
) -> bool:
    return any(
        i not in labels and any(w.rect.intersects(r) for r in shrunk) for i, w in enumerate(words)
    )


def test_words_against_boxes_agree_with_testing_every_pair() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        words = []
        for _ in range(rng.randint(0, 30)):
            x, y = rng.uniform(0, 600), rng.uniform(0, 800)
            w, h = rng.choice([0.0, 1.0, 5.0, 40.0]), rng.choice([0.0, 2.0, 10.0, 300.0])
            words.append(verify_words.Word("w", x, y, x + w, y + h))
        shrunk = []
        for _ in range(rng.randint(0, 6)):
            x, y = rng.uniform(0, 600), rng.uniform(0, 800)
            # zero-size and inverted boxes too (a box under 0.5 pt, shrunk by 0.25 per side)
            shrunk.append(Rect(x, y, x + rng.uniform(-1, 80), y + rng.uniform(-1, 30)))
        labels = {i for i in range(len(words)) if rng.random() < 0.2}
        assert verify._word_in_boxes(words, shrunk, labels) == _brute_word_in_boxes(
            words, shrunk, labels
        )


def _reference_label_runs(
    items: list[Any], boxes: list[BoxSpec], tokens_of: Any, slack: float
) -> set[int]:
    """The label search as it was: every start position of every box."""
    taken: set[int] = set()
    texts = [item.text for item in items]
    for b in boxes:
        tokens = tokens_of(box_label(b.codes))
        n = len(tokens)
        if not n:
            continue
        cx, cy = (b.rect.x0 + b.rect.x1) / 2, (b.rect.y0 + b.rect.y1) / 2
        best: tuple[float, int] | None = None
        for start in range(len(items) - n + 1):
            if texts[start] != tokens[0] or texts[start : start + n] != tokens:
                continue
            run = range(start, start + n)
            if any(i in taken for i in run) or not all(
                verify._centre_within(items[i].rect, b.rect) for i in run
            ):
                continue
            x0 = min(items[i].rect.x0 for i in run)
            x1 = max(items[i].rect.x1 for i in run)
            y0 = min(items[i].rect.y0 for i in run)
            y1 = max(items[i].rect.y1 for i in run)
            off_x, off_y = abs((x0 + x1) / 2 - cx), abs((y0 + y1) / 2 - cy)
            if off_x <= verify.LABEL_CENTRE and off_y <= max(
                verify.LABEL_CENTRE, slack * (y1 - y0)
            ):
                distance = max(off_x, off_y)
                if best is None or distance < best[0]:
                    best = (distance, start)
        if best is not None:
            taken.update(range(best[1], best[1] + n))
    return taken


def test_label_runs_agree_with_scanning_every_position() -> None:
    rng = random.Random(5)
    codes = [("5.1.2e",), ("5.1.2e", "5.2.1"), ()]
    for _ in range(500):
        boxes = []
        for _ in range(rng.randint(1, 5)):
            x, y = rng.choice([100.0, 101.0, 300.0]), rng.choice([100.0, 100.5, 400.0])
            boxes.append(BoxSpec(0, Rect(x, y, x + 60, y + 14), rng.choice(codes)))
        words = []
        for _ in range(rng.randint(0, 25)):
            text = rng.choice(["5.1.2e", "5.2.1", "5.1.2e;", "woord"])
            x, y = (
                rng.choice([100.0, 110.0, 112.0, 300.0, 320.0]),
                rng.choice([100.0, 103.0, 400.0]),
            )
            words.append(verify_words.Word(text, x, y, x + 36, y + 8))
        assert verify._label_runs(words, boxes, str.split, 0.15) == _reference_label_runs(
            words, boxes, str.split, 0.15
        )


@pytest.mark.parametrize(
    "texts",
    [
        ["Jan", "de", "Vries", "GEHEIM4711"],
        ["", " ", "a b", "x"],
        ["Straße", "ﬁle", "Ǆ", "e\u0301", "\u00a8", "①"],
        ["GEHEIM", "4711"],
    ],
)
def test_the_words_haystack_finds_what_the_per_word_haystack_found(texts: list[str]) -> None:
    slow = SEPARATOR.join(haystack(t) for t in texts)
    fast = verify._words_haystack(texts)
    assert set(fast) == set(slow)  # the characters the font check is given
    for term in ["geheim4711", "vries", "strasse", "file", "dž", "é", "4711", "geheim", "a"]:
        assert (term in fast) == (term in slow)


# --- renders through a pipe -----------------------------------------------------------

FAKE_PDFTOPPM = """#!{python}
import sys, time
args = sys.argv[1:]
first, last = int(args[args.index("-f") + 1]), int(args[args.index("-l") + 1])
parity = 1 if "-o" in args else 0 if "-e" in args else None
pages = [n for n in range(first, last + 1) if parity is None or n % 2 == parity]
mode = {mode!r}
out = sys.stdout.buffer
image = b"P6\\n4 3\\n255\\n" + bytes([255]) * 36
if mode == "short":
    pages = pages[:-1]
if mode == "extra":
    pages = pages + [0]
for i, _ in enumerate(pages):
    if mode == "garbage":
        out.write(b"not an image at all")
        break
    if mode == "stall" and i == 1:
        out.flush()
        time.sleep(30)
    if mode == "cut" and i == 1:
        out.write(image[:20])
        break
    out.write(image)
out.flush()
sys.stderr.write("fake pdftoppm\\n")
sys.exit(3 if mode == "fail" else 0)
"""


def _fake_pdftoppm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    tool = tmp_path / f"pdftoppm-{mode}"
    tool.write_text(FAKE_PDFTOPPM.format(python=sys.executable, mode=mode))
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(verify_render, "pdftoppm", lambda: str(tool))


def _three_pages() -> tuple[bytes, list[verify_render.PageBoxes]]:
    pdf = B.new_pdf()
    for _ in range(3):
        B.add_page(pdf, B.text_line(B.BASE_X, B.BASE_Y, B.line_text()))
    boxes = [box(i, SECRET_BOX) for i in range(3)]
    out = redact_document(B.save(pdf), boxes, [], OPTIONS)
    pages = [
        verify_render.PageBoxes(index=i, size=(B.PAGE_W, B.PAGE_H), boxes=(SECRET_BOX,), labels=())
        for i in range(3)
    ]
    return out.pdf, pages


@pytest.mark.parametrize("one_run", [0, 4], ids=["two runs", "one run"])
def test_the_fake_pdftoppm_is_read_page_by_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_run: int
) -> None:
    _fake_pdftoppm(tmp_path, monkeypatch, "ok")
    monkeypatch.setattr(verify_render, "ONE_RUN_PAGES", one_run)
    data, pages = _three_pages()
    got = [(p.index, s.size, b.size) for p, s, b in verify_render.render(data, pages, 72, chunk=2)]
    assert got == [(0, (4, 3), (4, 3)), (1, (4, 3), (4, 3)), (2, (4, 3), (4, 3))]


@pytest.mark.parametrize(
    ("mode", "error"),
    [
        ("fail", r"failed \(3\): fake pdftoppm"),
        ("short", "expected"),
        ("extra", "more than"),
        ("garbage", "not"),
        ("cut", "stopped within"),
    ],
)
@pytest.mark.parametrize("one_run", [0, 4], ids=["two runs", "one run"])
def test_a_pdftoppm_that_misbehaves_is_a_render_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, error: str, one_run: int
) -> None:
    _fake_pdftoppm(tmp_path, monkeypatch, mode)
    monkeypatch.setattr(verify_render, "ONE_RUN_PAGES", one_run)
    data, pages = _three_pages()
    with pytest.raises(verify_render.RenderError, match=error):
        list(verify_render.render(data, pages, 72, chunk=2))


def test_a_stalled_pdftoppm_is_killed_after_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_pdftoppm(tmp_path, monkeypatch, "stall")
    monkeypatch.setattr(verify_render, "TIMEOUT", 0.5)
    data, pages = _three_pages()
    with pytest.raises(subprocess.TimeoutExpired):
        list(verify_render.render(data, pages, 72))


def test_a_failing_pdftoppm_fails_the_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, good: tuple[bytes, tuple[str, ...]]
) -> None:
    _fake_pdftoppm(tmp_path, monkeypatch, "fail")
    data, terms = good
    report = verify_redacted(data, [box(0, SECRET_BOX)], [], terms, OPTIONS, 1)
    assert any(
        c.name == "box_render" and not c.passed and "failed (3)" in c.detail for c in report.checks
    )
    assert not report.passed


def test_real_renders_stream_every_page_in_order_in_one_run() -> None:
    """The default chunk holds a whole document: every page once, stamped and bare apart."""
    require_tool("pdftoppm")
    data, pages = _three_pages()
    seen = []
    centre = (round((SECRET_BOX.x0 + SECRET_BOX.x1) / 2), round(SECRET_BOX.y1 - 2))
    for page, stamped, bare in verify_render.render(data, pages, 72):
        seen.append(page.index)
        assert stamped.size == bare.size == (round(B.PAGE_W), round(B.PAGE_H))
        assert stamped.getpixel(centre) == (0, 0, 0)
        assert bare.getpixel(centre) == (255, 255, 255)
    assert seen == [0, 1, 2]


def test_glyphs_shown_one_per_operator_do_not_spell_a_term_across_separators() -> None:
    """A table set one glyph per operator shows 2, 0, 1 and 5 in a row. With a zero byte
    between operators that read as "2015" in UTF-16 and failed a correct file; shown in
    one operator, the term is found."""
    for content, found in (
        (b"BT /F1 9 Tf (x) Tj (2) Tj (0) Tj (1) Tj (5) Tj ET", False),
        (b"BT /F1 9 Tf [(2) (0) -20 (1) (5)] TJ ET", True),
    ):
        with pikepdf.new() as pdf:
            pdf.add_blank_page()
            pdf.pages[0].Contents = pdf.make_stream(content)
            hits = verify_objects.walk(pdf, ["2015"]).stream_hits
        assert bool(hits) is found, content


def _with_stray_streams() -> bytes:
    """A page drawing a form, plus a form and a tiling pattern that nothing draws."""
    from tests.adversarial import builders as B

    pdf = B.new_pdf()
    font = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=B.helvetica(pdf)))

    def drawing(text: bytes, **keys: object) -> pikepdf.Stream:
        stream = pdf.make_stream(b"BT /F1 12 Tf 10 10 Td (" + text + b") Tj ET")
        stream.Resources = font
        for key, value in keys.items():
            stream["/" + key] = value
        return stream

    form = dict(Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 200, 50])
    drawn = drawing(b"Getekend", **form)
    stray = [
        drawing(b"Verdwaald", **form),
        drawing(b"Patroon", PatternType=1, PaintType=1, TilingType=1, BBox=[0, 0, 200, 50]),
        drawing(b"Nergens", XStep=200, YStep=50),  # neither a form nor a pattern: not rendered
    ]
    pdf.Root.Stray = pdf.make_indirect(pikepdf.Array(stray))  # kept in the file, never drawn
    resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=drawn))
    B.add_page(pdf, b"q /Fm1 Do Q", resources)
    return B.save(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def test_pdfminer_renders_the_drawing_streams_pikepdf_found_and_only_when_both_agree() -> None:
    from redactor.export.verify_text import TextReader

    data = _with_stray_streams()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found = verify_objects.walk(pdf)
    assert len(found.drawing_streams) == 3
    everything = sorted(TextReader(data).stream_texts())
    assert sorted(t for _, t in everything) == ["getekend", "patroon", "verdwaald"]
    fast = TextReader(data).stream_texts(
        found.object_numbers, found.drawing_streams, found.scalar_objects
    )
    assert sorted(fast) == everything
    # pikepdf saw other objects than pdfminer: its list is not trusted, every object is read.
    partial = {next(iter(found.drawing_streams))}
    other = sorted(TextReader(data).stream_texts(found.object_numbers - {1}, partial))
    assert other == everything
    unnumbered = found.scalar_objects + 1  # one object more than pdfminer sees
    other = sorted(TextReader(data).stream_texts(found.object_numbers, partial, unnumbered))
    assert other == everything
    counted = found.scalar_objects
    trusted = sorted(TextReader(data).stream_texts(found.object_numbers, partial, counted))
    assert len(trusted) == 1  # (the check above would pass without the comparison)


@pytest.mark.corpus
def test_objects_pikepdf_hands_out_without_a_number_are_counted() -> None:
    """pikepdf gives some objects as a bare int (no object number): they are counted, so
    the two readers still agree on a real export, and the result is the full scan's."""
    from redactor.core.export_model import BoxSpec, RenderOptions
    from redactor.core.geometry import Rect
    from redactor.export.verify_text import TextReader
    from redactor.pdf.redact import redact_document
    from tests.helpers import require_corpus

    source = (require_corpus() / "realworld" / "pdfminer__dmca.pdf").read_bytes()
    box = BoxSpec(0, Rect(100, 100, 200, 120), ("5.1.2e",))
    data = redact_document(source, [box], [], RenderOptions()).pdf
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found = verify_objects.walk(pdf)
    assert found.scalar_objects >= 1
    every = {i for x in TextReader(data).document.xrefs for i in x.get_objids()}
    assert len(every) == len(found.object_numbers) + found.scalar_objects
    fast = TextReader(data).stream_texts(
        found.object_numbers, found.drawing_streams, found.scalar_objects
    )
    assert sorted(fast) == sorted(TextReader(data).stream_texts())


def test_check_stamped_masks_the_labels_that_reach_a_box() -> None:
    """check_stamped draws only the label areas that reach a box's region: a label of
    another box that reaches into it is still masked, and the same pixels without that
    label are a failure."""
    from PIL import Image, ImageDraw

    from redactor.core.export_model import BoxStyle

    boxes = (Rect(100, 100, 200, 140), Rect(100, 160, 200, 200))
    # A white label belonging to the second box that pokes 4 pt into the first one.
    label = Rect(120, 134, 180, 175)
    img = Image.new("RGB", (300, 300), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for rect in boxes:
        draw.rectangle((rect.x0, rect.y0, rect.x1 - 1, rect.y1 - 1), fill=(0, 0, 0))
    draw.rectangle((label.x0, label.y0, label.x1, label.y1), fill=(255, 255, 255))
    with_label = verify_render.PageBoxes(0, (300, 300), boxes, labels=(label,))
    without = verify_render.PageBoxes(0, (300, 300), boxes, labels=())
    assert verify_render.check_stamped(img, with_label, 72, BoxStyle.BLACK) == []
    assert verify_render.check_stamped(img, without, 72, BoxStyle.BLACK) == [0, 1]
