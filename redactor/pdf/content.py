"""Content streams as instruction lists, with the bits of graphics state the rewriters need.

pikepdf parses and serialises; this module adds matrices, the text state and how a font
splits a shown string into character codes. Everything here reads untrusted data: any
surprise raises ContentError, which callers turn into the safe fallback (rasterising a page).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pikepdf
from pikepdf import Dictionary, Name

log = logging.getLogger(__name__)

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

TEXT_SHOW = frozenset({"Tj", "TJ", "'", '"'})
TEXT_POSITION = frozenset({"Td", "TD", "Tm", "T*"})
# Form XObjects nested deeper than this are refused (hostile files nest them in cycles).
MAX_FORM_DEPTH = 12


class ContentError(Exception):
    """A content stream or resource that the rewriters cannot handle safely."""


# --- matrices (PDF convention: row vectors, [x y 1] x M) -------------------------------------


def mat_mul(a: Matrix, b: Matrix) -> Matrix:
    """a then b."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def mat_inv(m: Matrix) -> Matrix:
    det = m[0] * m[3] - m[1] * m[2]
    if abs(det) < 1e-12:
        raise ContentError("a singular transformation matrix")
    a, b, c, d = m[3] / det, -m[1] / det, -m[2] / det, m[0] / det
    return (a, b, c, d, -(m[4] * a + m[5] * c), -(m[4] * b + m[5] * d))


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


def as_matrix(values: Sequence[Any]) -> Matrix:
    if len(values) != 6:
        raise ContentError("a matrix without six numbers")
    try:
        out = tuple(float(v) for v in values)
    except (TypeError, ValueError) as exc:
        raise ContentError("a matrix with a value that is not a number") from exc
    return out  # type: ignore[return-value]


# --- parsing ---------------------------------------------------------------------------------


def parse(obj: pikepdf.Object | pikepdf.Page) -> list[Any]:
    """The instructions of a page (all its content streams) or of one stream."""
    try:
        return list(pikepdf.parse_content_stream(obj))
    except Exception as exc:  # pikepdf raises PdfError and others on broken streams
        raise ContentError(f"unreadable content stream: {exc}") from exc


def unparse(instructions: Sequence[Any]) -> bytes:
    return pikepdf.unparse_content_stream(instructions)


def instr(operands: Sequence[Any], operator: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(list(operands), pikepdf.Operator(operator))


def op_name(item: Any) -> str:
    return str(item.operator)


def number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise ContentError("an operand that should be a number is not") from exc


# --- resources -------------------------------------------------------------------------------


def resource(resources: Dictionary | None, category: str, name: Any) -> pikepdf.Object | None:
    """resources[/category][name], or None."""
    if resources is None:
        return None
    try:
        group = resources.get("/" + category)
        if not isinstance(group, Dictionary):
            return None
        return group.get(str(name))
    except Exception:  # a dangling or malformed reference is "not there"
        return None


def is_form(xobject: Any) -> bool:
    return isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == Name.Form


def form_resources(form: pikepdf.Stream, inherited: Dictionary | None) -> Dictionary | None:
    res = form.get("/Resources")
    return res if isinstance(res, Dictionary) else inherited


# --- fonts: how a string splits into character codes -----------------------------------------


@dataclass(frozen=True)
class FontCodes:
    """How one font turns shown bytes into character codes (one glyph each)."""

    widths: tuple[int, ...] = (1,)  # code byte lengths allowed, for fixed-width encodings
    ranges: tuple[tuple[bytes, bytes], ...] = ()  # codespace ranges, for CMaps read from the file
    trie: dict[int, Any] | None = None  # pdfminer's code-to-CID trie, for predefined CMaps
    vertical: bool = False
    type3: bool = False

    def split(self, data: bytes) -> list[bytes]:
        if self.trie is not None:
            return _split_trie(self.trie, data)
        if self.ranges:
            return _split_ranges(self.ranges, data)
        width = self.widths[0]
        if len(data) % width:
            raise ContentError("a string whose length does not fit its font's encoding")
        return [data[i : i + width] for i in range(0, len(data), width)]

    def count(self, data: bytes) -> int:
        """len(self.split(data)), without the list for fixed-width encodings."""
        if self.trie is None and not self.ranges:
            if len(data) % self.widths[0]:
                raise ContentError("a string whose length does not fit its font's encoding")
            return len(data) // self.widths[0]
        return len(self.split(data))


SIMPLE = FontCodes()


def _split_ranges(ranges: tuple[tuple[bytes, bytes], ...], data: bytes) -> list[bytes]:
    codes: list[bytes] = []
    i = 0
    while i < len(data):
        for n in (1, 2, 3, 4):
            chunk = data[i : i + n]
            if len(chunk) == n and any(
                len(lo) == n and all(lo[k] <= chunk[k] <= hi[k] for k in range(n))
                for lo, hi in ranges
            ):
                codes.append(chunk)
                i += n
                break
        else:
            raise ContentError("a string with a code outside its font's codespace")
    return codes


def _split_trie(trie: dict[int, Any], data: bytes) -> list[bytes]:
    codes: list[bytes] = []
    i = 0
    while i < len(data):
        node: Any = trie
        j = i
        while isinstance(node, dict):
            if j >= len(data) or data[j] not in node:
                raise ContentError("a string with a code its CMap does not know")
            node = node[data[j]]
            j += 1
        codes.append(data[i:j])
        i = j
    return codes


_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")


def font_codes(font: Any) -> FontCodes:
    """How `font` (a font dictionary from the file) splits strings, or ContentError."""
    if not isinstance(font, Dictionary):
        raise ContentError("a font resource that is not a dictionary")
    subtype = font.get("/Subtype")
    if subtype == Name.Type3:
        return FontCodes(type3=True)
    if subtype != Name.Type0:
        return SIMPLE
    encoding = font.get("/Encoding")
    if isinstance(encoding, Name):
        name = str(encoding)[1:]
        vertical = name.endswith("-V")
        if name in ("Identity-H", "Identity-V"):
            return FontCodes(widths=(2,), vertical=vertical)
        return FontCodes(trie=_predefined_trie(name), vertical=vertical)
    if isinstance(encoding, pikepdf.Stream):
        try:
            data = encoding.read_bytes()
        except Exception as exc:
            raise ContentError("an unreadable CMap stream") from exc
        ranges: list[tuple[bytes, bytes]] = []
        for block in _CODESPACE.findall(data):
            hexes = [
                bytes.fromhex(h.decode().replace(" ", "").replace("\n", ""))
                for h in _HEX.findall(block)
            ]
            ranges += [(hexes[k], hexes[k + 1]) for k in range(0, len(hexes) - 1, 2)]
        if not ranges:
            use = encoding.get("/UseCMap")
            if isinstance(use, Name):
                return replace(font_codes(Dictionary(Subtype=Name.Type0, Encoding=use)))
            raise ContentError("a CMap without codespace ranges")
        wmode = encoding.get("/WMode")
        return FontCodes(ranges=tuple(ranges), vertical=bool(wmode == 1))
    raise ContentError("a composite font without a usable encoding")


def _predefined_trie(name: str) -> dict[int, Any]:
    from pdfminer.cmapdb import CMapDB  # only for CJK fonts with a predefined CMap

    try:
        cmap = CMapDB.get_cmap(name)
    except Exception as exc:
        raise ContentError(f"the predefined CMap {name} is unknown") from exc
    trie = getattr(cmap, "code2cid", None)
    if not isinstance(trie, dict) or not trie:
        raise ContentError(f"the predefined CMap {name} is unknown")
    return trie


# --- the walker --------------------------------------------------------------------------


@dataclass
class TextState:
    font: FontCodes | None = None
    size: float = 0.0
    tc: float = 0.0
    tw: float = 0.0
    th: float = 1.0
    rise: float = 0.0
    mode: int = 0


@dataclass
class State:
    ctm: Matrix = IDENTITY
    text: TextState = field(default_factory=TextState)


class Tracker:
    """The graphics state along one stream: CTM, text state and the text matrix's linear part."""

    def __init__(self, base_ctm: Matrix, resources: Dictionary | None, fonts: dict[Any, FontCodes]):
        self.state = State(ctm=base_ctm)
        self.stack: list[State] = []
        self.resources = resources
        self.tm_linear: tuple[float, float, float, float] = (1.0, 0.0, 0.0, 1.0)
        self.fonts = fonts  # cache by font objgen

    def font_for(self, name: Any) -> FontCodes:
        font = resource(self.resources, "Font", name)
        if font is None:
            raise ContentError(f"the font {name} is not in the resources")
        key = font.objgen if font.is_indirect else id(font)
        if key not in self.fonts:
            self.fonts[key] = font_codes(font)
        return self.fonts[key]

    def feed(self, operands: Sequence[Any], op: str) -> None:
        st = self.state
        if op == "q":
            self.stack.append(State(st.ctm, replace(st.text)))
        elif op == "Q":
            if self.stack:
                self.state = self.stack.pop()
        elif op == "cm":
            st.ctm = mat_mul(as_matrix(operands), st.ctm)
        elif op == "BT":
            self.tm_linear = (1.0, 0.0, 0.0, 1.0)
        elif op == "Tm":
            m = as_matrix(operands)
            self.tm_linear = m[:4]
        elif op == "Tf" and len(operands) == 2:
            st.text.font = self.font_for(operands[0])
            st.text.size = number(operands[1])
        elif op == "Tc" and operands:
            st.text.tc = number(operands[0])
        elif op == "Tw" and operands:
            st.text.tw = number(operands[0])
        elif op == "Tz" and operands:
            st.text.th = number(operands[0]) / 100.0
        elif op == "Ts" and operands:
            st.text.rise = number(operands[0])
        elif op == "Tr" and operands:
            st.text.mode = int(number(operands[0]))
        elif op == '"' and len(operands) == 3:
            st.text.tw = number(operands[0])
            st.text.tc = number(operands[1])


def shown_strings(operands: Sequence[Any], op: str) -> list[Any]:
    """The operands of a show operator as a flat list of pikepdf Strings and numbers."""
    if op == "TJ":
        if not operands or not isinstance(operands[0], pikepdf.Array):
            raise ContentError("a TJ operator without an array")
        return list(operands[0])
    if op in ("Tj", "'"):
        return [operands[0]] if operands else []
    if op == '"':
        return [operands[2]] if len(operands) == 3 else []
    raise ContentError(f"{op} does not show text")


def string_bytes(value: Any) -> bytes:
    if isinstance(value, pikepdf.String):
        return bytes(value)
    raise ContentError("a shown value that is not a string")


def iter_forms(
    instructions: Sequence[Any], resources: Dictionary | None
) -> Iterator[tuple[int, Any, pikepdf.Stream]]:
    """(index, name, form) for every Do of a form XObject in `instructions`."""
    for index, item in enumerate(instructions):
        if op_name(item) == "Do" and item.operands:
            xobj = resource(resources, "XObject", item.operands[0])
            if is_form(xobj):
                yield index, item.operands[0], xobj  # type: ignore[misc]
