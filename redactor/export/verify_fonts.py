"""Font data that names characters no text shows: the gate's check on font metadata.

A font keeps, besides its glyph programs, lists of what it can show: /ToUnicode (code ->
characters), /Widths or /W (a width per code), /Encoding /Differences (code -> glyph name),
/CharSet and /CIDSet. After a redaction, an entry for a character that no remaining text
shows can only come from the removed text (the engine keeps each font's data for the codes
its content shows: redactor.pdf.fontdata). This check reads every font in the file with
pikepdf and pdfminer's CMap and encoding tables (no MuPDF) and compares the characters the
data names with the characters extracted from the pages, compared as the text search
compares them (NFKC, case-folded): a character shown anywhere is not reported.

Codes whose character cannot be told (no ToUnicode entry, no known glyph name) are not
judged; CharSet and CIDSet are always reported (the engine removes them).
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pikepdf
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.encodingdb import EncodingDB, name2unicode
from pikepdf import Array, Dictionary, Name

log = logging.getLogger(__name__)

# Not judged: separators, control and format characters (not text), and accents on their
# own (marks, modifier symbols and letters): extractors join an accent drawn as its own
# glyph to its letter ("e" + "ˆ" is extracted as "ê"), so a shown accent looks unshown.
IGNORED_CATEGORIES = ("Z", "C", "M")
IGNORED_KINDS = ("Sk", "Lm")
SYMBOLIC = 4  # FontDescriptor /Flags bit 3: glyph names say nothing of characters


@dataclass(frozen=True)
class FontFinding:
    font: str  # the font's name as the file gives it (BaseFont), not text from a page
    what: str  # which data: "ToUnicode", "widths", "glyph names", "CharSet", "CIDSet"
    count: int  # how many codes (or 1 for a list)


def unshown_font_data(pdf: pikepdf.Pdf, shown: set[str]) -> list[FontFinding]:
    """Findings for every font whose data names a character outside `shown` (normalised
    characters, see module doc)."""
    findings: list[FontFinding] = []
    for font in _fonts(pdf):
        try:
            findings += _check_font(font, shown)
        except Exception as exc:  # a font the check cannot read is reported, never skipped
            log.info("font data could not be read: %r", exc)
            findings.append(FontFinding(_name(font), "unreadable data", 1))
    return findings


def _fonts(pdf: pikepdf.Pdf) -> Iterator[Dictionary]:
    for obj in pdf.objects:
        if (
            isinstance(obj, Dictionary)
            and obj.get("/Type") == Name.Font
            and (
                obj.get("/Subtype") != Name.CIDFontType0
                and obj.get("/Subtype") != Name.CIDFontType2
            )
        ):
            yield obj  # descendants are checked with their Type0 font


def _name(font: Dictionary) -> str:
    base = font.get("/BaseFont")
    return str(base)[1:] if isinstance(base, Name) else f"font {font.objgen[0]}"


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _unshown(text: str | None, shown: set[str]) -> bool:
    if not text:
        return False
    return any(
        c not in shown
        and unicodedata.category(c)[0] not in IGNORED_CATEGORIES
        and unicodedata.category(c) not in IGNORED_KINDS
        for c in _normal(text)
    )


def _check_font(font: Dictionary, shown: set[str]) -> list[FontFinding]:
    name = _name(font)
    out: list[FontFinding] = []
    to_unicode = _to_unicode(font)
    bad = sum(1 for text in to_unicode.values() if _unshown(text, shown))
    if bad:
        out.append(FontFinding(name, "ToUnicode", bad))
    if font.get("/Subtype") == Name.Type0:
        descendants = font.get("/DescendantFonts")
        descendant = descendants[0] if isinstance(descendants, Array) and len(descendants) else None
        if isinstance(descendant, Dictionary):
            encoding = font.get("/Encoding")
            if encoding in (Name("/Identity-H"), Name("/Identity-V")):
                bad = sum(
                    1
                    for cid in _w_cids(descendant.get("/W"))
                    if _unshown(to_unicode.get(cid), shown)
                )
                if bad:
                    out.append(FontFinding(name, "widths", bad))
            out += _descriptor_lists(name, descendant.get("/FontDescriptor"))
        return out
    chars = _simple_chars(font, to_unicode)
    widths = font.get("/Widths")
    if isinstance(widths, Array):
        first = int(font.get("/FirstChar", 0))
        bad = sum(
            1
            for i, w in enumerate(widths)
            if float(w) != 0 and _unshown(chars.get(first + i), shown)
        )
        if bad:
            out.append(FontFinding(name, "widths", bad))
    differences = _differences(font)
    bad = sum(
        1 for code, glyph in differences if _unshown(chars.get(code) or _glyph_char(glyph), shown)
    )
    if bad:
        out.append(FontFinding(name, "glyph names", bad))
    out += _descriptor_lists(name, font.get("/FontDescriptor"))
    return out


def _to_unicode(font: Dictionary) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return {}
    cmap = FileUnicodeMap()
    CMapParser(cmap, io.BytesIO(stream.read_bytes())).run()
    return {int(k): str(v) for k, v in cmap.cid2unichr.items()}


def _simple_chars(font: Dictionary, to_unicode: dict[int, str]) -> dict[int, str]:
    """Code -> character of a simple font, where the file says it: ToUnicode, else an
    explicit encoding (a named one, a BaseEncoding, or Differences glyph names). A font's
    built-in encoding and symbolic fonts are not guessed at: their codes are not judged."""
    encoding = font.get("/Encoding")
    descriptor = font.get("/FontDescriptor")
    flags = int(descriptor.get("/Flags", 0)) if isinstance(descriptor, Dictionary) else 0
    symbolic = bool(flags & SYMBOLIC) or font.get("/Subtype") == Name.Type3
    base: str | None = None
    if isinstance(encoding, Name):
        base = str(encoding)[1:]
    elif isinstance(encoding, Dictionary) and isinstance(encoding.get("/BaseEncoding"), Name):
        base = str(encoding.BaseEncoding)[1:]
    chars: dict[int, str] = {}
    if base is not None and not symbolic:
        try:
            chars.update(EncodingDB.get_encoding(base))
        except Exception:
            chars = {}
    if not symbolic:
        for code, glyph in _differences(font):
            char = _glyph_char(glyph)
            if char:
                chars[code] = char
    chars.update(to_unicode)
    return chars


def _differences(font: Dictionary) -> list[tuple[int, Name]]:
    encoding = font.get("/Encoding")
    array = encoding.get("/Differences") if isinstance(encoding, Dictionary) else None
    pairs: list[tuple[int, Name]] = []
    code = 0
    for item in array if isinstance(array, Array) else ():
        if isinstance(item, Name):
            pairs.append((code, item))
            code += 1
        else:
            code = int(item)
    return pairs


def _glyph_char(glyph: Name) -> str | None:
    try:
        return str(name2unicode(str(glyph)[1:]))
    except Exception:
        return None


def _w_cids(array: Any) -> Iterator[int]:
    """CIDs given a width by a /W array."""
    items = list(array) if isinstance(array, Array) else []
    i = 0
    while i < len(items):
        first = int(items[i])
        if i + 1 < len(items) and isinstance(items[i + 1], Array):
            yield from range(first, first + len(items[i + 1]))
            i += 2
        else:
            last = int(items[i + 1]) if i + 1 < len(items) else first
            yield from range(first, min(last, first + 65535) + 1)
            i += 3


def _descriptor_lists(name: str, descriptor: Any) -> list[FontFinding]:
    if not isinstance(descriptor, Dictionary):
        return []
    return [FontFinding(name, key[1:], 1) for key in ("/CharSet", "/CIDSet") if key in descriptor]
