"""Independent looks at an exported PDF, for tests: none of this uses MuPDF or the gate.

pdfminer.six for text, pikepdf for every object (referenced or not, nested or not), poppler's
pdftotext and pdftoppm for a second extraction and for pixels.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path

import pikepdf
from pdfminer.high_level import extract_text
from PIL import Image, ImageChops

from redactor.core.export_model import STAMP_TAG
from tests.helpers import require_tool


def squash(text: str) -> str:
    """Case-folded, NFKC, without whitespace (pdfminer puts rotated text one char a line)."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def pdfminer_text(data: bytes, page: int | None = None) -> str:
    pages = None if page is None else [page]
    return extract_text(io.BytesIO(data), page_numbers=pages)


def pdftotext(data: bytes, page: int | None = None) -> str:
    tool = require_tool("pdftotext")
    args = [tool, "-q"]
    if page is not None:
        args += ["-f", str(page + 1), "-l", str(page + 1)]
    done = subprocess.run(
        [*args, "-", "-"], input=data, capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8", errors="replace")


def _nested(obj: object, depth: int = 0) -> Iterator[object]:
    yield obj
    if depth > 30:
        return
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for key, value in obj.items():
            yield pikepdf.Name(key)
            if not getattr(value, "is_indirect", False):
                yield from _nested(value, depth + 1)
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            if not getattr(value, "is_indirect", False):
                yield from _nested(value, depth + 1)


def object_hits(data: bytes, secret: str) -> list[str]:
    """Where the secret occurs: any string or name, any decoded stream (all objects in the
    cross-reference table, whether reachable or not), the raw file bytes."""
    hits: list[str] = []
    low = secret.casefold()
    needles = {secret.encode("latin-1").lower(), secret.encode("utf-16-be").lower()}
    if secret.encode("latin-1").lower() in data.lower():
        hits.append("raw file bytes")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            for item in _nested(obj):
                if isinstance(item, (pikepdf.String, pikepdf.Name)) and low in str(item).casefold():
                    hits.append(f"string/name in object {obj.objgen}")
            if isinstance(obj, pikepdf.Stream):
                try:
                    decoded = obj.read_bytes()
                except Exception:
                    decoded = obj.read_raw_bytes()
                if any(n in decoded.lower() for n in needles):
                    hits.append(f"stream {obj.objgen}")
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")  # most streams are not content
                        instructions = pikepdf.parse_content_stream(obj)
                    for instruction in instructions:
                        for operand in getattr(instruction, "operands", []):
                            parts = (
                                list(operand) if isinstance(operand, pikepdf.Array) else [operand]
                            )
                            shown = b"".join(
                                bytes(p) for p in parts if isinstance(p, pikepdf.String)
                            )
                            if any(n in shown.lower() for n in needles):
                                hits.append(f"shown string in stream {obj.objgen}")
                except Exception:
                    pass
    return hits


def page_images(data: bytes) -> Iterator[tuple[int, Image.Image]]:
    """(page index, decoded image) for every image XObject the pages use, through forms."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            for image in _images(page.obj.get("/Resources"), 0):
                try:
                    yield index, pikepdf.PdfImage(image).as_pil_image().convert("RGB")
                except Exception:
                    continue


def _images(resources: object, depth: int) -> Iterator[pikepdf.Stream]:
    if not isinstance(resources, pikepdf.Dictionary) or depth > 10:
        return
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    for _, xobj in xobjects.items():
        if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == pikepdf.Name.Image:
            yield xobj
        elif isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == pikepdf.Name.Form:
            yield from _images(xobj.get("/Resources"), depth + 1)


def has_colour(img: Image.Image, rgb: tuple[int, int, int], tol: int = 40) -> bool:
    """Whether any pixel is within `tol` of `rgb` in every channel."""
    lo = [max(0, c - tol) for c in rgb]
    hi = [min(255, c + tol) for c in rgb]
    masks = [
        band.point(lambda v, a=a, b=b: 255 if a <= v <= b else 0).convert("1")
        for band, a, b in zip(img.convert("RGB").split(), lo, hi, strict=True)
    ]
    both = ImageChops.logical_and(ImageChops.logical_and(masks[0], masks[1]), masks[2])
    return both.getbbox() is not None


def render(data: bytes, dpi: int = 72, without_stamps: bool = False) -> list[Image.Image]:
    """Every page as poppler renders it; optionally with Redactor's stamp stream removed."""
    tool = require_tool("pdftoppm")
    if without_stamps:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                contents = page.obj.get("/Contents")
                assert contents is not None  # every page the builders make has a content stream
                streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
                kept = [s for s in streams if not s.read_bytes().lstrip().startswith(STAMP_TAG)]
                page.obj.Contents = pikepdf.Array(kept)
            out = io.BytesIO()
            pdf.save(out)
            data = out.getvalue()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        subprocess.run(
            [tool, "-r", str(dpi), str(path), str(Path(tmp) / "p")],
            check=True,
            capture_output=True,
            timeout=120,
        )
        files = sorted(Path(tmp).glob("p-*.ppm"), key=lambda f: int(f.stem.rsplit("-", 1)[1]))
        images = []
        for file in files:
            with Image.open(file) as img:
                images.append(img.convert("RGB"))
    return images


def pixel(img: Image.Image, x: float, y: float, dpi: int = 72) -> tuple[int, int, int]:
    scale = dpi / 72.0
    return img.getpixel((int(x * scale), int(y * scale)))  # type: ignore[return-value]


def eof_count(data: bytes) -> int:
    return data.count(b"%%EOF")
