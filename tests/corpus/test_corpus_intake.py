"""Every file of the real-world corpus (../shared/corpus) is imported or refused cleanly.

realworld/: opens with the manifest's page count (or needs its password); broken/: either
opens or raises PdfError, in a child process under a time and memory limit, because these
files are built to hang or exhaust naive readers.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from redactor.core.errors import PasswordRequired
from redactor.pdf.intake import inspect_pdf
from tests.helpers import REPO_ROOT, CorpusFile, corpus_files, corpus_params, require_corpus

pytestmark = [pytest.mark.corpus, pytest.mark.timeout(60)]

FILES = corpus_files()
REALWORLD = [f for f in FILES if not f.broken]
OPENS = [f for f in REALWORLD if not f.needs_password]
LOCKED = [f for f in REALWORLD if f.needs_password]
BROKEN = [f for f in FILES if f.broken]

CHILD_SECONDS = 30
CHILD_MEMORY = 2 * 1024**3  # address-space limit for the child, against decompression bombs


def read_verified(corpus_file: CorpusFile | None) -> tuple[str, bytes]:
    """The file's bytes, after checking them against the manifest's SHA-256."""
    root = require_corpus()
    assert corpus_file is not None
    data = (root / corpus_file.path).read_bytes()
    assert hashlib.sha256(data).hexdigest() == corpus_file.sha256, (
        f"{corpus_file.path} does not match MANIFEST.tsv: the corpus checkout is damaged"
    )
    return corpus_file.name, data


def test_manifest_lists_every_file() -> None:
    root = require_corpus()
    on_disk = {p.relative_to(root).as_posix() for p in root.glob("*/*.pdf")}
    assert on_disk == {f.path for f in FILES}
    assert len(REALWORLD) >= 80 and len(BROKEN) >= 30 and len(LOCKED) == 3


@pytest.mark.parametrize("corpus_file", corpus_params(OPENS))
def test_realworld_file_imports(corpus_file: CorpusFile | None) -> None:
    name, data = read_verified(corpus_file)
    assert corpus_file is not None
    info = inspect_pdf(data, name)
    assert info.page_count == corpus_file.pages == len(info.pages)
    assert [p.page_index for p in info.pages] == list(range(info.page_count))
    assert all(p.width > 0 and p.height > 0 and p.rotation in (0, 90, 180, 270) for p in info.pages)
    assert info.sha256 == corpus_file.sha256
    assert info.repaired is False  # none of the real-world files is damaged
    assert info.encrypted == ("encrypted" in corpus_file.features)
    if "rotated" in corpus_file.features:
        assert any(p.rotation for p in info.pages)
    if "scanned" in corpus_file.features:
        assert info.has_text is False  # OCR is the only way into these
    elif not corpus_file.features & {"no-text", "some-image-only-pages"}:
        assert info.has_text is True


@pytest.mark.parametrize("corpus_file", corpus_params(LOCKED))
def test_password_protected_file_needs_its_password(corpus_file: CorpusFile | None) -> None:
    name, data = read_verified(corpus_file)
    assert corpus_file is not None and corpus_file.user_password is not None
    with pytest.raises(PasswordRequired, match=f"^{name} is protected with a password"):
        inspect_pdf(data, name)
    with pytest.raises(PasswordRequired, match="is not correct"):
        inspect_pdf(data, name, password=corpus_file.user_password + "x")
    info = inspect_pdf(data, name, password=corpus_file.user_password)
    assert info.page_count == corpus_file.pages
    assert info.encrypted is True


# Runs inspect_pdf on one file and prints the outcome as JSON; any other exception escapes
# as a traceback on stderr and a non-zero exit, which the test reports.
CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from redactor.core.errors import PdfError
from redactor.pdf.intake import inspect_pdf
path, name = sys.argv[1], sys.argv[2]
with open(path, "rb") as handle:
    data = handle.read()
try:
    info = inspect_pdf(data, name)
except PdfError as exc:
    result = {{"outcome": "refused", "error": type(exc).__name__, "message": str(exc)}}
else:
    result = {{"outcome": "opened", "pages": info.page_count, "repaired": info.repaired}}
print(json.dumps(result))
"""


def run_isolated(path: Path, name: str) -> dict[str, object]:
    env = dict(os.environ)
    # The child must import this checkout's redactor even when it is not installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD.format(memory=CHILD_MEMORY), str(path), name],
            capture_output=True,
            text=True,
            timeout=CHILD_SECONDS,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: inspect_pdf did not finish within {CHILD_SECONDS} s (hang)")
    assert proc.returncode == 0, f"{name}: crashed (exit {proc.returncode}):\n{proc.stderr}"
    assert proc.stderr == "", f"{name}: noise on stderr:\n{proc.stderr}"
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, f"{name}: noise on stdout:\n{proc.stdout}"  # MuPDF prints there
    result: dict[str, object] = json.loads(lines[0])
    return result


@pytest.mark.parametrize("corpus_file", corpus_params(BROKEN))
def test_broken_file_opens_or_is_refused_cleanly(corpus_file: CorpusFile | None) -> None:
    name, _ = read_verified(corpus_file)
    assert corpus_file is not None
    result = run_isolated(require_corpus() / corpus_file.path, name)
    if result["outcome"] == "refused":
        message = str(result["message"])
        assert result["error"] in ("PdfError", "PasswordRequired")
        assert name in message
        assert "\n" not in message and message.endswith(".")
    else:
        assert result["outcome"] == "opened"
        assert isinstance(result["pages"], int) and result["pages"] >= 1
        if "repaired" in corpus_file.features:
            assert result["repaired"] is True
    if corpus_file.features & {"open-fails", "not-a-pdf", "zero-bytes", "header-only"}:
        assert result["outcome"] == "refused"
