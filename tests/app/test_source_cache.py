"""The per-user source cache: atomic, private, verified, bounded; and the session's use of it."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path

import pytest

from redactor.app.session import CaseSession
from redactor.app.source_cache import SourceCache
from tests.helpers import make_text_pdf


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pdf(text: str) -> bytes:
    return make_text_pdf(None, [text])


def test_store_then_lookup_gives_the_file_in_a_private_folder(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "sources")
    data = pdf("Eerste")
    path = cache.store(sha(data), data)
    assert path is not None and path.read_bytes() == data
    assert path.name == f"{sha(data)}.pdf"
    assert cache.lookup(sha(data), len(data)) == path
    assert [p.name for p in cache.folder.iterdir()] == [path.name]  # no temporary file left
    if sys.platform != "win32":
        assert stat.S_IMODE(cache.folder.stat().st_mode) == 0o700


def test_an_existing_folder_is_made_private(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    folder = tmp_path / "sources"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    data = pdf("x")
    SourceCache(folder).store(sha(data), data)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_data_is_never_kept_under_another_hash(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "sources")
    with pytest.raises(ValueError):
        cache.store(sha(b"other"), pdf("x"))
    with pytest.raises(ValueError):
        cache.path_for("../../etc/passwd")
    assert not cache.folder.exists() or not any(cache.folder.iterdir())


def test_a_file_of_the_wrong_size_is_not_used_and_is_dropped(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "sources")
    data = pdf("Eerste")
    path = cache.store(sha(data), data)
    assert path is not None
    path.write_bytes(data[:-100])  # truncated
    assert cache.lookup(sha(data), len(data)) is None
    assert not path.exists()


@pytest.mark.allow_warnings
def test_verify_detects_a_changed_file_of_the_same_size(tmp_path: Path) -> None:
    data = pdf("Eerste")
    first = SourceCache(tmp_path / "sources")
    path = first.store(sha(data), data)
    assert path is not None
    tampered = bytearray(data)
    tampered[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(tampered))
    # A new process (another session) has not verified it: the size matches, the hash does not.
    cache = SourceCache(tmp_path / "sources")
    assert cache.lookup(sha(data), len(data)) == path
    assert not cache.is_verified(sha(data))
    assert cache.verify(sha(data)) is False
    assert not path.exists()
    assert cache.verify(sha(data)) is False  # missing: not verified either


def test_verify_accepts_the_true_file_once(tmp_path: Path) -> None:
    data = pdf("Eerste")
    SourceCache(tmp_path / "sources").store(sha(data), data)
    cache = SourceCache(tmp_path / "sources")
    assert cache.verify(sha(data)) is True
    assert cache.is_verified(sha(data))


def test_the_bound_evicts_the_least_recently_used(tmp_path: Path) -> None:
    sources = [pdf(f"Document {n}") for n in range(3)]
    size = max(len(d) for d in sources)
    cache = SourceCache(tmp_path / "sources", max_bytes=2 * size + size // 2)  # room for two
    paths = []
    for age, data in enumerate(sources):
        path = cache.store(sha(data), data)
        assert path is not None
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # oldest first, on any clock
        paths.append(path)
    # Three files over a two-file bound: the least recently used is gone, the newest kept.
    assert not paths[0].exists() and paths[1].exists() and paths[2].exists()
    # Using the older one makes it recent: the next store evicts the other.
    assert cache.lookup(sha(sources[1]), len(sources[1])) == paths[1]
    extra = pdf("Document 3")
    assert cache.store(sha(extra), extra) is not None
    assert paths[1].exists() and not paths[2].exists()
    total = sum(p.stat().st_size for p in cache.folder.iterdir())
    assert total <= cache.max_bytes


def test_the_file_just_written_is_kept_even_alone_over_the_bound(tmp_path: Path) -> None:
    data = pdf("Groot")
    cache = SourceCache(tmp_path / "sources", max_bytes=10)
    path = cache.store(sha(data), data)
    assert path is not None and path.exists()


def test_a_disk_that_refuses_means_not_cached(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = SourceCache(blocker / "sources")
    data = pdf("x")
    assert cache.store(sha(data), data) is None
    assert cache.lookup(sha(data), len(data)) is None


# -- the session ----------------------------------------------------------------------------------


def test_import_writes_the_cache_and_viewing_opens_it_by_path(tmp_path: Path) -> None:
    source = tmp_path / "brief.pdf"
    data = make_text_pdf(source, ["Pagina 1", "Pagina 2"])
    cache = SourceCache(tmp_path / "sources")
    case = str(tmp_path / "zaak.redactor")
    with CaseSession.create(case, reviewer="anna", sources=cache) as session:
        (doc,) = session.add_documents([source])
        assert cache.path_for(doc.sha256).read_bytes() == data
        assert session.view_source(doc.id) == cache.path_for(doc.sha256)
        assert session.cached_source(doc) == cache.path_for(doc.sha256)
        assert session.verify_cached_source(doc.id)


def test_a_case_imported_without_the_cache_fills_it_on_first_view(tmp_path: Path) -> None:
    source = tmp_path / "brief.pdf"
    data = make_text_pdf(source, ["Pagina 1"])
    case = str(tmp_path / "zaak.redactor")
    with CaseSession.create(case, reviewer="anna") as session:  # the CLI: no cache
        (doc,) = session.add_documents([source])
        assert session.view_source(doc.id) == data
    cache = SourceCache(tmp_path / "sources")
    with CaseSession.open(case, reviewer="anna", sources=cache) as session:
        assert session.cached_source(doc) is None
        path = session.view_source(doc.id)
        assert isinstance(path, Path) and path.read_bytes() == data
        assert session.cached_source(doc) == path


@pytest.mark.allow_warnings
def test_a_tampered_cached_copy_fails_verification_and_is_rewritten(tmp_path: Path) -> None:
    source = tmp_path / "brief.pdf"
    data = make_text_pdf(source, ["Pagina 1"])
    case = str(tmp_path / "zaak.redactor")
    with CaseSession.create(
        case, reviewer="anna", sources=SourceCache(tmp_path / "sources")
    ) as session:
        (doc,) = session.add_documents([source])
    path = SourceCache(tmp_path / "sources").path_for(doc.sha256)
    path.write_bytes(bytes(reversed(data)))  # same size, other content
    with CaseSession.open(
        case, reviewer="anna", sources=SourceCache(tmp_path / "sources")
    ) as session:
        assert session.view_source(doc.id) == path  # the size matches: used, unverified
        assert session.verify_cached_source(doc.id) is False
        assert not path.exists()
        again = session.view_source(doc.id)
        assert isinstance(again, Path) and again.read_bytes() == data
        assert session.verify_cached_source(doc.id) is True


def test_a_limit_of_zero_keeps_no_copies(tmp_path: Path) -> None:
    data = b"%PDF-1.7 not really, but bytes with a hash"
    sha = hashlib.sha256(data).hexdigest()
    cache = SourceCache(tmp_path / "sources", max_bytes=1024 * 1024)
    assert cache.store(sha, data) is not None
    assert cache.set_limit(0) == [sha]  # switched off: what was kept goes at once
    assert not cache.enabled
    assert cache.store(sha, data) is None and cache.lookup(sha, len(data)) is None
    assert not list((tmp_path / "sources").glob("*.pdf"))
