"""OCR of scanned pages with Tesseract, through MuPDF's built-in OCR.

MuPDF carries the Tesseract engine itself; what it needs from the operating system is the
language data (`nld.traineddata`, `eng.traineddata`), which the OS's Tesseract packages
install. We find that folder ourselves rather than rely on PyMuPDF's lookup, which goes
through a shell and raises a bare RuntimeError that would reach the user as a crash.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

import pymupdf

from redactor.core.errors import InputError, Message, RedactorError
from redactor.core.text import SOURCE_OCR, PageText
from redactor.pdf.intake import open_document, quiet_mupdf
from redactor.pdf.words import WORD_FLAGS, to_page_text

log = logging.getLogger(__name__)

DEFAULT_LANGUAGES = "nld+eng"
DEFAULT_DPI = 300
MIN_DPI, MAX_DPI = 72, 600
_LANGUAGES_RE = re.compile(r"[A-Za-z0-9_]+(?:\+[A-Za-z0-9_]+)*")
_LIST_LANGS_RE = re.compile(r'List of available languages in "(.+?)"')
# Where the usual packages put the data. Debian keeps one folder per version: newest first.
_DEBIAN_ROOT = Path("/usr/share/tesseract-ocr")
_UNIX_DIRS = (
    "/usr/share/tesseract-ocr/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "/opt/local/share/tessdata",
)
_WINDOWS_DIRS = (
    r"C:\Program Files\Tesseract-OCR\tessdata",
    r"C:\Program Files (x86)\Tesseract-OCR\tessdata",
)
INSTALL_HINT = (
    "Install Tesseract with its Dutch and English language data (Debian/Ubuntu: "
    "'apt install tesseract-ocr tesseract-ocr-nld'; Windows: the Tesseract installer with "
    "Dutch selected), or set TESSDATA_PREFIX to the folder that holds the .traineddata files."
)


class OcrUnavailable(RedactorError):
    """Tesseract's language data cannot be found, so scanned pages cannot be read."""


class OcrFailed(RedactorError):
    """OCR of one page failed (the page, not the installation, is the problem)."""


def _languages(languages: str) -> list[str]:
    if not _LANGUAGES_RE.fullmatch(languages):
        raise InputError(
            "{languages!r} is not a list of OCR languages; write them like 'nld+eng'.",
            languages=languages,
        )
    return languages.split("+")


def _candidate_dirs() -> list[Path]:
    """Folders that may hold Tesseract language data, most specific first."""
    found: list[Path] = []
    env = os.environ.get("TESSDATA_PREFIX")
    if env:
        found.append(Path(env))
    exe = shutil.which("tesseract")
    if exe:
        try:
            out = subprocess.run(
                [exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
            )
            m = _LIST_LANGS_RE.search(out.stdout + out.stderr)
            if m:
                found.append(Path(m.group(1)))
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("cannot ask %s for its languages: %s", exe, exc)
        found.append(Path(exe).resolve().parent / "tessdata")  # the Windows installer's layout
    if sys.platform == "win32":
        found.extend(Path(d) for d in _WINDOWS_DIRS)
    else:
        if _DEBIAN_ROOT.is_dir():
            found.extend(sorted(_DEBIAN_ROOT.glob("*/tessdata"), reverse=True))
        found.extend(Path(d) for d in _UNIX_DIRS)
    return found


def find_tessdata(languages: str = DEFAULT_LANGUAGES) -> Path | None:
    """The first language-data folder that has every language in `languages`, or None."""
    wanted = _languages(languages)
    for folder in _candidate_dirs():
        if all((folder / f"{lang}.traineddata").is_file() for lang in wanted):
            return folder
    return None


def tesseract_available(languages: str = DEFAULT_LANGUAGES) -> bool:
    """Whether scanned pages can be OCR'd in `languages` on this machine."""
    return find_tessdata(languages) is not None


def require_tessdata(languages: str = DEFAULT_LANGUAGES) -> Path:
    """The language-data folder for `languages`, or OcrUnavailable with what to do."""
    folder = find_tessdata(languages)
    if folder is None:
        missing = "+".join(_languages(languages))
        raise OcrUnavailable(
            "Scanned pages cannot be read: Tesseract's language data for {languages} was not "
            "found. {hint}",
            languages=missing,
            hint=Message(INSTALL_HINT),
        )
    return folder


def ocr_page(
    doc: pymupdf.Document,
    page_index: int,
    languages: str = DEFAULT_LANGUAGES,
    dpi: int = DEFAULT_DPI,
    *,
    tessdata: Path | None = None,
) -> PageText:
    """OCR the whole page as displayed; words in displayed coordinates, source "ocr".

    The page is rendered at `dpi` and read by Tesseract; MuPDF maps the words back onto the
    page. Pass `tessdata` (from require_tessdata) when OCR'ing many pages, to look it up once.
    """
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise InputError(
            "The OCR resolution must be between {low} and {high} dpi, not {dpi}.",
            low=MIN_DPI,
            high=MAX_DPI,
            dpi=dpi,
        )
    folder = tessdata if tessdata is not None else require_tessdata(languages)
    page = doc.load_page(page_index)
    try:
        with quiet_mupdf(f"page {page_index + 1}"):
            textpage = page.get_textpage_ocr(
                flags=WORD_FLAGS, language=languages, dpi=dpi, full=True, tessdata=str(folder)
            )
            raw = page.get_text("words", textpage=textpage)
    except MemoryError as exc:
        raise OcrFailed(
            "Page {page} is too large to OCR at {dpi} dpi.", page=page_index + 1, dpi=dpi
        ) from exc
    except RuntimeError as exc:  # MuPDF reports Tesseract failures as RuntimeError
        log.info("OCR of page %d failed: %s", page_index + 1, exc)
        raise OcrFailed(
            "Tesseract could not read page {page}; its language data in {folder} "
            "may be damaged or of an incompatible version.",
            page=page_index + 1,
            folder=folder,
        ) from exc
    return to_page_text(page, raw, page_index, SOURCE_OCR)


def ocr_document(
    data: bytes,
    *,
    skip: Collection[int] = (),
    password: str | None = None,
    name: str = "The PDF",
    languages: str = DEFAULT_LANGUAGES,
    dpi: int = DEFAULT_DPI,
) -> Iterator[tuple[int, PageText | None]]:
    """Each page in order: (index, its OCR words) for a scanned page not in `skip`, else
    (index, None). One page at a time, so a caller can stop between pages and keep what it has.

    Raises OcrUnavailable before the first page when the language data is missing, PdfError /
    PasswordRequired for a file that cannot be opened, OcrFailed for a page Tesseract fails on.
    """
    # pdf.text imports this module: imported here, not at the top.
    from redactor.pdf.text import needs_ocr

    folder = require_tessdata(languages)
    doc = open_document(data, password, name=name)
    try:
        for index in range(doc.page_count):
            result = None
            if index not in skip:
                # Built inside the quiet block, yielded outside it: a suspended generator must
                # not leave MuPDF's messages switched off for everyone.
                with quiet_mupdf(name):
                    scanned = needs_ocr(doc.load_page(index))
                if scanned:
                    result = ocr_page(doc, index, languages, dpi, tessdata=folder)
            yield index, result
    finally:
        doc.close()
