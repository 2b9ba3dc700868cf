"""Helpers shared by the test suite: missing-tool policy, the corpus, small PDF builders.

Import as `from tests.helpers import ...`. Nothing here runs at import time.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pikepdf
import pymupdf
import pytest

# Where the corpus lives relative to the repository: <X>/main is the repo, <X>/shared/corpus
# the corpus. REDACTOR_CORPUS overrides it (for checkouts laid out differently).
CORPUS_ENV = "REDACTOR_CORPUS"
REPO_ROOT = Path(__file__).resolve().parents[1]

A4 = (595.0, 842.0)  # width, height in points


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def skip_or_fail(reason: str) -> NoReturn:
    """Skip the test locally; fail it under CI=true, where nothing may be silently missing."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: a missing prerequisite is a failure)", pytrace=False)
    pytest.skip(reason)


def require_tool(name: str) -> str:
    """The full path of a command-line tool; skips (locally) or fails (CI) when it is missing."""
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"the tool {name!r} is not installed")
    return path


# --- the real-world corpus (see ../shared/corpus/README.md) ----------------------------------


def corpus_dir() -> Path:
    """Where the corpus should be; it may not exist (use require_corpus() in a test)."""
    override = os.environ.get(CORPUS_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return REPO_ROOT.parent / "shared" / "corpus"


def require_corpus() -> Path:
    """The corpus folder; skips (locally) or fails (CI) when it is not there."""
    root = corpus_dir()
    if not (root / "MANIFEST.tsv").is_file():
        skip_or_fail(f"the PDF corpus is not at {root} (set {CORPUS_ENV} to its folder)")
    return root


@dataclass(frozen=True)
class CorpusFile:
    """One row of MANIFEST.tsv."""

    path: str  # relative to the corpus folder, e.g. "broken/qpdf__bad1.pdf"
    size: int
    pages: int  # PyMuPDF's page_count, -1 when PyMuPDF cannot open it
    sha256: str
    features: frozenset[str]

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def broken(self) -> bool:
        return self.path.startswith("broken/")

    @property
    def needs_password(self) -> bool:
        return "needs-password" in self.features

    @property
    def user_password(self) -> str | None:
        """From the `user-password=...` feature (the README's password table, machine-readable)."""
        for feature in self.features:
            if feature.startswith("user-password="):
                return feature.partition("=")[2]
        return None


def corpus_files() -> list[CorpusFile]:
    """Every row of the manifest, or [] when the corpus is absent."""
    manifest = corpus_dir() / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        CorpusFile(
            path=row["path"],
            size=int(row["bytes"]),
            pages=int(row["pages"]),
            sha256=row["sha256"],
            features=frozenset(f for f in row["features"].split(",") if f),
        )
        for row in rows
    ]


def corpus_params(files: list[CorpusFile]) -> list[object]:
    """pytest parameters (id = path) for `files`; one 'corpus-missing' entry when there are none,
    so that the test still runs and require_corpus() can skip or fail it."""
    if not files:
        return [pytest.param(None, id="corpus-missing")]
    return [pytest.param(f, id=f.path) for f in files]


# --- small PDF builders ----------------------------------------------------------------------


def make_text_pdf(
    path: Path | None,
    pages: list[str],
    rotation: int = 0,
    cropbox: tuple[float, float, float, float] | None = None,
    size: tuple[float, float] = A4,
) -> bytes:
    """A PDF with one page per string in `pages`, each showing its text (Helvetica, 11 pt).

    `cropbox` is written into /CropBox exactly as given, in PDF user space ([llx lly urx ury],
    y up, as in the file); the text is placed 36 pt inside the visible area. `rotation` sets
    /Rotate. Returns the bytes and, when `path` is given, writes them there too.
    """
    doc = pymupdf.open()
    try:
        for text in pages:
            page = doc.new_page(width=size[0], height=size[1])
            if cropbox is not None:
                doc.xref_set_key(page.xref, "CropBox", "[{:g} {:g} {:g} {:g}]".format(*cropbox))
            # MuPDF page coordinates start at the CropBox's top-left, so this is always visible.
            page.insert_text((36, 48), text, fontname="helv", fontsize=11)
            if rotation:
                page.set_rotation(rotation)
        data = doc.tobytes(garbage=3, deflate=True)
    finally:
        doc.close()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def make_image_pdf(path: Path | None, page_count: int = 1, size: tuple[float, float] = A4) -> bytes:
    """A 'scanned' PDF: every page is one grey image, with no text layer at all."""
    doc = pymupdf.open()
    try:
        pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 60, 80), False)
        pix.clear_with(200)
        for _ in range(page_count):
            page = doc.new_page(width=size[0], height=size[1])
            page.insert_image(page.rect, pixmap=pix)
        data = doc.tobytes(garbage=3, deflate=True)
    finally:
        doc.close()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def encrypt_pdf(data: bytes, user_password: str, owner_password: str | None = None) -> bytes:
    """`data` re-saved with AES-256 encryption (pikepdf). An empty user password gives a file
    that is encrypted but opens without one."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(
            out,
            encryption=pikepdf.Encryption(
                user=user_password, owner=owner_password or user_password + "-owner", R=6
            ),
        )
    return out.getvalue()
