"""A per-user folder of source PDFs, one file per source named by its SHA-256, for viewing.

The case database is the truth; this is a copy kept so the review window can open a source
by path (MuPDF then reads only the pages it shows) instead of reading the whole blob out of
the database and piping it to the render process. Nothing here is trusted: a file is used
only when its size matches, and the window has `verify` hash it after the first page is
painted; a file that does not match is deleted and re-written from the database.

The folder is private (0700), written atomically (a temporary file renamed into place, so a
reader sees the whole file or none), and bounded: beyond `max_bytes` the least recently used
files are deleted. Every failure of the disk degrades to "not cached" (the caller reads the
database), never to an error the reviewer sees. The export never reads this folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
import threading
import time
from pathlib import Path

from redactor.app.user_dirs import user_dir

log = logging.getLogger(__name__)

CACHE_DIR_ENV = "REDACTOR_CACHE_DIR"  # overrides the folder (tests, portable installs)
CACHE_LIMIT_ENV = "REDACTOR_SOURCE_CACHE_MB"  # overrides the size limit, in megabytes
DEFAULT_MAX_BYTES = 4 * 1024**3
SUFFIX = ".pdf"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 4 * 1024 * 1024


def default_folder() -> Path:
    return user_dir("cache", CACHE_DIR_ENV) / "sources"


def default_max_bytes(preferred_mb: int | None = None) -> int:
    """The size limit: $REDACTOR_SOURCE_CACHE_MB, else the user's preference, else 4 GiB."""
    text = os.environ.get(CACHE_LIMIT_ENV, "").strip()
    if text.isdigit():
        return int(text) * 1024 * 1024
    if preferred_mb is not None:
        return max(0, preferred_mb) * 1024 * 1024  # 0: no copies at all
    return DEFAULT_MAX_BYTES


class SourceCache:
    """Source PDFs by SHA-256 in one private folder; safe to share between threads."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        # Hashes whose file this process has verified: not re-hashed on every open.
        self._verified: set[str] = set()

    @classmethod
    def default(cls, preferred_mb: int | None = None) -> SourceCache:
        """The user's cache folder (or $REDACTOR_CACHE_DIR), limited as default_max_bytes says."""
        return cls(default_folder(), default_max_bytes(preferred_mb))

    def set_limit(self, max_bytes: int) -> list[str]:
        """A new size limit, applied at once (least recently used files go first)."""
        self.max_bytes = max_bytes
        return self.evict()

    # -- reading ------------------------------------------------------------------------------

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 in hex: {sha256!r}")
        return self.folder / f"{sha256}{SUFFIX}"

    @property
    def enabled(self) -> bool:
        """A limit of 0 switches the cache off: sources are then read from the case only
        (organisations may not allow copies of unredacted documents outside the case)."""
        return self.max_bytes > 0

    def lookup(self, sha256: str, size: int) -> Path | None:
        """The cached file of this source if it is there with the right size (marked as used)."""
        if not self.enabled:
            return None
        path = self.path_for(sha256)
        try:
            if path.stat().st_size != size:
                log.info("cached source %s has the wrong size; dropping it", sha256[:12])
                self.discard(sha256)
                return None
            os.utime(path)  # the modification time orders eviction: most recently used last
        except OSError:
            return None
        return path

    def is_verified(self, sha256: str) -> bool:
        return sha256 in self._verified

    def verify(self, sha256: str) -> bool:
        """Hash the cached file; a missing, unreadable or different file is deleted (False)."""
        path = self.path_for(sha256)
        digest = hashlib.sha256()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(_CHUNK):
                    digest.update(chunk)
        except OSError as exc:
            log.info("cached source %s cannot be read (%s); dropping it", sha256[:12], exc)
            self.discard(sha256)
            return False
        if digest.hexdigest() != sha256:
            log.warning("cached source %s does not match its SHA-256; dropping it", sha256[:12])
            self.discard(sha256)
            return False
        self._verified.add(sha256)
        return True

    # -- writing ------------------------------------------------------------------------------

    def store(self, sha256: str, data: bytes) -> Path | None:
        """Keep `data` as the source with this SHA-256; None when the disk refuses.

        The bytes are hashed first: a file is never kept under a name its content does not have.
        """
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("the data does not have the SHA-256 it is stored under")
        if not self.enabled:
            return None
        path = self.path_for(sha256)
        try:
            self._make_folder()
            fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".incoming-", suffix=SUFFIX)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                # No fsync: a file torn by a power cut fails the size check or verify() and is
                # re-written from the database; the database is the copy that must survive.
                os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError as exc:
            log.info("cannot keep source %s in %s: %s", sha256[:12], self.folder, exc)
            return None
        self._verified.add(sha256)  # hashed just now, written by us
        self.evict(keep=sha256)
        return path

    def discard(self, sha256: str) -> None:
        self._verified.discard(sha256)
        with contextlib.suppress(OSError):  # gone already, or open elsewhere on Windows
            self.path_for(sha256).unlink()

    def evict(self, keep: str | None = None) -> list[str]:
        """Delete least recently used files until the folder fits `max_bytes`; returns them.

        `keep` (the file just written or in use) is never deleted, even alone over the limit.
        Leftover temporary files of a crashed writer go too.
        """
        removed: list[str] = []
        with self._lock:
            try:
                entries = list(os.scandir(self.folder))
            except OSError:
                return removed
            files: list[tuple[float, int, str, str]] = []
            for entry in entries:
                try:
                    info = entry.stat()
                except OSError:
                    continue
                name = entry.name
                if name.startswith(".incoming-"):
                    # Another process may be writing it right now: only stale ones go.
                    if _age(info.st_mtime) > 3600:
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                    continue
                sha = name.removesuffix(SUFFIX)
                if not name.endswith(SUFFIX) or not _SHA256.fullmatch(sha):
                    continue
                files.append((info.st_mtime, info.st_size, sha, entry.path))
            total = sum(size for _, size, _, _ in files)
            for _mtime, size, sha, path in sorted(files):
                if total <= self.max_bytes:
                    break
                if sha == keep:
                    continue
                try:
                    os.unlink(path)
                except OSError:
                    continue  # open in another program (Windows): try again next time
                self._verified.discard(sha)
                total -= size
                removed.append(sha)
        if removed:
            log.info("source cache over its limit: removed %d file(s)", len(removed))
        return removed

    def _make_folder(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkdir's mode is masked by the umask and ignored for an existing folder: set it.
        with contextlib.suppress(OSError):
            if self.folder.stat().st_mode & 0o077:
                os.chmod(self.folder, 0o700)


def _age(mtime: float) -> float:
    return time.time() - mtime
