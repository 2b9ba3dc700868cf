"""Safe delivery of an export: a staging folder inside the output folder, then atomic renames.

Everything is first written into a hidden staging folder on the same file system as the output
folder, so that moving it into place is a rename (`os.replace`), never a copy. The manifest is
moved last: a folder with `manifest.json` is a finished export, a folder without one is not.
When anything fails before the manifest is in place, the files already moved are taken back
(and, when overwriting, the previous export's files are put back), so a failed export never
leaves something that looks finished, and a document that failed never appears under its name.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from redactor.core.errors import ExportError, Message

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
STAGING_PREFIX = ".redactor-export-staging-"
# Leaves room for " (999)" and stays under the 255-byte limit of common file systems.
MAX_NAME_BYTES = 200

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
# Characters Windows refuses in file names, plus the path separators of every platform.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CLOCK$"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]
}


def safe_file_name(name: str, taken: set[str], fallback: str, suffix: str = ".pdf") -> str:
    """A file name that is safe on Windows, macOS and Linux, ends in `suffix` and is not taken.

    `taken` holds the case-folded names already used in the folder (Windows and macOS compare
    names without case); the chosen name is added to it. The name comes from the source
    document, so it is untrusted: any directory part is dropped, never followed.
    """
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    base = _FORBIDDEN.sub("_", base).strip().strip(".").strip()
    stem = base[: -len(suffix)] if base.lower().endswith(suffix) else base
    stem = stem.rstrip(". ")
    if not stem:
        stem = fallback
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    stem = _truncate_utf8(stem, MAX_NAME_BYTES)
    candidate = stem + suffix
    counter = 2
    while candidate.casefold() in taken:
        candidate = f"{stem} ({counter}){suffix}"
        counter += 1
    taken.add(candidate.casefold())
    return candidate


def _truncate_utf8(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore").rstrip(". ")


@contextlib.contextmanager
def writing(file_name: str, folder: Path) -> Iterator[None]:
    """Turn an OSError while writing `file_name` into the sentence the user sees."""
    try:
        yield
    except OSError as err:
        if err.errno in _DISK_FULL:
            raise ExportError(
                "The disk is full while writing {name}; nothing was exported.", name=file_name
            ) from err
        raise ExportError(
            "Could not write {name} in {folder}: {reason}; nothing was exported.",
            name=file_name,
            folder=folder,
            reason=err.strerror or err,
        ) from err


def write_file(path: Path, data: bytes, shown_as: str | None = None) -> None:
    """Write `data` and force it to disk, so a crash after the rename cannot leave an empty file.

    `shown_as` names the file in an error (default: its own name)."""
    with writing(shown_as or path.name, path.parent), open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def sync_file(path: Path) -> None:
    """fsync a file written by a library (openpyxl, csv) before it is renamed into place."""
    with writing(path.name, path.parent):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sync_dir(path: Path) -> None:
    # Makes the renames themselves durable on POSIX; Windows cannot open a folder this way.
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def prepare_outdir(outdir: Path) -> bool:
    """Make sure `outdir` is a folder; create it if missing. Returns whether it was created."""
    if outdir.exists() and not outdir.is_dir():
        raise ExportError("The output folder {folder} is a file, not a folder.", folder=outdir)
    if outdir.is_dir():
        return False
    try:
        outdir.mkdir(parents=True)
    except OSError as err:
        raise ExportError(
            "The output folder {folder} cannot be created: {reason}.",
            folder=outdir,
            reason=err.strerror or err,
        ) from err
    return True


def existing_export(outdir: Path, names: Iterable[str]) -> list[str]:
    """The names of `names` (plus the manifest) that already exist in `outdir`."""
    return [n for n in (MANIFEST_NAME, *names) if os.path.lexists(outdir / n)]


def refuse_existing(outdir: Path, names: Iterable[str], overwrite: bool) -> None:
    """Refuse when `outdir` already holds an export or any of the names, unless overwriting."""
    found = existing_export(outdir, names)
    for name in found:
        if (outdir / name).is_dir():
            raise ExportError(
                "The output folder {folder} holds a folder named {name}, which the export "
                "needs as a file name; move it away first.",
                folder=outdir,
                name=name,
            )
    if found and not overwrite:
        listed: str | Message = ", ".join(found)
        if len(found) > 3:
            listed = Message(
                "{names} and {more} more", names=", ".join(found[:3]), more=len(found) - 3
            )
        raise ExportError(
            "The output folder {folder} already holds an export ({listed}); choose an empty "
            "folder or allow overwriting.",
            folder=outdir,
            listed=listed,
        )


def previous_export_files(outdir: Path) -> set[str]:
    """File names that the manifest already in `outdir` says belong to that export.

    The manifest may be damaged or hand-edited: only plain names of regular files directly in
    `outdir` are taken, so a crafted manifest cannot make an overwrite delete anything else.
    """
    path = outdir / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    names: set[str] = set()
    if not isinstance(data, dict):
        return names
    for doc in data.get("documents") or []:
        if isinstance(doc, dict) and isinstance(doc.get("output_file"), str):
            names.add(doc["output_file"])
    records = data.get("records")
    if isinstance(records, dict):
        names.update(k for k in records if isinstance(k, str))
    return {
        n
        for n in names
        if n
        and n == Path(n).name
        and n not in (".", "..")
        and not n.startswith(STAGING_PREFIX)
        and (outdir / n).is_file()
        and not (outdir / n).is_symlink()
    }


class Staging:
    """A hidden folder inside the output folder that holds the export until it is complete."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        try:
            self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=outdir))
        except OSError as err:
            if err.errno in _DISK_FULL:
                raise ExportError(
                    "The disk holding {folder} is full; nothing was exported.", folder=outdir
                ) from err
            raise ExportError(
                "The output folder {folder} cannot be written to ({reason}); "
                "choose a folder you can write to.",
                folder=outdir,
                reason=err.strerror or err,
            ) from err
        # Set when putting a previous export back failed: its files are still in staging.
        self._keep = False

    def file(self, name: str) -> Path:
        """The staging path for the final name `name` (for writers that take a path)."""
        return self.path / name

    def write(self, name: str, data: bytes, shown_as: str | None = None) -> Path:
        path = self.file(name)
        write_file(path, data, shown_as)
        return path

    def rename(self, name: str, new_name: str) -> None:
        """Give a file in staging another name in staging (its final one)."""
        with writing(new_name, self.outdir):
            os.replace(self.file(name), self.file(new_name))

    def discard(self) -> None:
        if self._keep:
            log.error("Keeping %s: it holds files of the previous export", self.path)
            return
        shutil.rmtree(self.path, ignore_errors=True)
        if self.path.exists():  # pragma: no cover - only on a file system that refuses deletes
            log.warning("Could not remove the staging folder %s", self.path)

    def deliver(self, names: Sequence[str], overwrite: bool) -> None:
        """Move `names` (all in staging) and then the manifest into the output folder.

        With `overwrite`, the files of the export already there (those its manifest names, and
        any file the new export replaces) are first moved aside into staging, so that a failure
        halfway can put them back.
        """
        final = [n for n in names if n != MANIFEST_NAME]
        for name in (*final, MANIFEST_NAME):
            if not self.file(name).is_file():
                raise ExportError(
                    "Internal error: {name} was not written before delivery.", name=name
                )
        refuse_existing(self.outdir, final, overwrite)
        previous = previous_export_files(self.outdir) if overwrite else set()
        replaced = {n for n in (*final, MANIFEST_NAME) if (self.outdir / n).is_file()}
        aside_dir = self.path / ".previous"
        aside: list[str] = []
        moved: list[str] = []
        try:
            if previous or replaced:
                aside_dir.mkdir()
                # The old manifest goes first: from here the folder no longer looks finished.
                for name in sorted(previous | replaced, key=lambda n: n != MANIFEST_NAME):
                    os.replace(self.outdir / name, aside_dir / name)
                    aside.append(name)
            for name in final:
                os.replace(self.file(name), self.outdir / name)
                moved.append(name)
            _sync_dir(self.outdir)
            os.replace(self.file(MANIFEST_NAME), self.outdir / MANIFEST_NAME)
            _sync_dir(self.outdir)
        except OSError as err:
            self._roll_back(moved, aside, aside_dir)
            raise ExportError(
                "Could not move the export into {folder}: {reason}; "
                "nothing was exported and the previous export was kept."
                if aside
                else "Could not move the export into {folder}: {reason}; nothing was exported.",
                folder=self.outdir,
                reason=err.strerror or err,
            ) from err
        self.discard()
        log.info("Delivered %d files into %s", len(final) + 1, self.outdir)

    def _roll_back(self, moved: list[str], aside: list[str], aside_dir: Path) -> None:
        for name in moved:
            with contextlib.suppress(OSError):
                os.replace(self.outdir / name, self.file(name))
        for name in aside:
            try:
                os.replace(aside_dir / name, self.outdir / name)
            except OSError:  # pragma: no cover - the folder changed under us
                self._keep = True
                log.error("Could not put back %s from %s", name, aside_dir)
