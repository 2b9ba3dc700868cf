"""Render resources/icons/redactor.svg into the PNG sizes and the Windows .ico.

    python packaging/make_icons.py          # write resources/icons/redactor-<size>.png and .ico
    python packaging/make_icons.py --check  # exit 1 if the committed files are stale

The PNGs and the .ico are committed (small binary assets), so neither the application nor
the build needs Qt's SVG renderer to have an icon.
"""

from __future__ import annotations

import argparse
import logging
import os
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from project_info import ICO_SIZES, ICON_SIZES, REPO, icon_png

log = logging.getLogger(__name__)

SVG = REPO / "resources" / "icons" / "redactor.svg"
ICO = REPO / "resources" / "icons" / "redactor.ico"


def _qt():  # type: ignore[no-untyped-def]
    """Import Qt lazily; a QGuiApplication must exist before painting (offscreen is enough)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtGui, QtSvg

    if QtGui.QGuiApplication.instance() is None:
        _qt.app = QtGui.QGuiApplication([])  # type: ignore[attr-defined]  # keep it alive
    return QtCore, QtGui, QtSvg


def render(size: int, svg: Path = SVG):  # type: ignore[no-untyped-def]
    """The SVG drawn into a transparent size x size ARGB image."""
    QtCore, QtGui, QtSvg = _qt()
    renderer = QtSvg.QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG for Qt")
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QtCore.QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    QtCore, _, _ = _qt()
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    return bytes(buffer.data())


def _dib(image) -> bytes:  # type: ignore[no-untyped-def]
    """A 32-bit BMP icon entry (BITMAPINFOHEADER, bottom-up BGRA rows, then the AND mask).

    Sizes below 256 are stored as BMP rather than PNG because older resource compilers and
    some Windows shell paths only understand BMP entries."""
    _, QtGui, _ = _qt()
    image = image.convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    w, h = image.width(), image.height()
    stride = image.bytesPerLine()
    raw = bytes(image.constBits())  # BGRA on little-endian machines, which Windows icons are
    rows = [raw[y * stride : y * stride + w * 4] for y in range(h)]
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, w * h * 4, 0, 0, 0, 0)
    mask_stride = ((w + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x in range(w):
            if row[x * 4 + 3] == 0:  # fully transparent pixel: set in the AND mask
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + b"".join(reversed(rows)) + bytes(mask)


def ico_bytes(images: dict[int, object]) -> bytes:
    sizes = sorted(images)
    blobs = [png_bytes(images[s]) if s >= 256 else _dib(images[s]) for s in sizes]
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for size, blob in zip(sizes, blobs, strict=True):
        dim = size % 256  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return out + b"".join(blobs)


def _max_pixel_difference(a, b) -> int:  # type: ignore[no-untyped-def]
    """Largest channel difference; tolerant of encoder or rasteriser changes across Qt versions."""
    _, QtGui, _ = _qt()
    a = a.convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    if a.size() != b.size():
        return 255
    return max(abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True))


def check(tolerance: int = 48) -> list[str]:
    """Names of the generated files that are missing or no longer match the SVG."""
    _, QtGui, _ = _qt()
    stale = []
    for size in ICON_SIZES:
        path = icon_png(size)
        committed = QtGui.QImage(str(path))
        if committed.isNull() or _max_pixel_difference(render(size), committed) > tolerance:
            stale.append(path.name)
    icons = read_ico(ICO) if ICO.exists() else {}
    if sorted(icons) != sorted(ICO_SIZES) or any(
        _max_pixel_difference(render(size), image) > tolerance for size, image in icons.items()
    ):
        stale.append(ICO.name)
    return stale


def read_ico(path: Path) -> dict[int, object]:
    """Every image in an .ico by size, decoded by Qt's own ico reader (an independent check)."""
    QtCore, QtGui, _ = _qt()
    reader = QtGui.QImageReader(str(path), QtCore.QByteArray(b"ico"))
    images: dict[int, object] = {}
    for _ in range(reader.imageCount()):
        image = reader.read()
        if image.isNull():
            raise RuntimeError(f"{path}: {reader.errorString()}")
        images[image.width()] = image
        reader.jumpToNextImage()
    return images


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only verify the committed files")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.check:
        stale = check()
        for name in stale:
            log.error("stale or missing: resources/icons/%s (run packaging/make_icons.py)", name)
        return 1 if stale else 0
    images = {size: render(size) for size in ICON_SIZES}
    for size, image in images.items():
        icon_png(size).write_bytes(png_bytes(image))
    ICO.write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    log.info("wrote %d PNGs and %s", len(images), ICO.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
