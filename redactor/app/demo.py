"""The demo case: a fresh sample case with generated Dutch-government-style documents.

`redactor demo` builds it in the user's data folder and opens it, so a newcomer sees the tool
working with one command. A colleague ("Demo: B. Jansen") has already proposed boxes over the
personal data; in four-eyes mode the newcomer reviews them in the review queue, draws more,
and sees what the export will make of it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from redactor.app.session import CaseSession
from redactor.app.user_dirs import user_dir
from redactor.pdf.samples import demo_documents

log = logging.getLogger(__name__)

DATA_DIR_ENV = "REDACTOR_DATA_DIR"
COLLEAGUE = "Demo: B. Jansen"
KEEP_OLD_CASES = 0  # a fresh case each time; older demo cases are removed


def demo_folder() -> Path:
    return user_dir("data", DATA_DIR_ENV) / "demo"


def build_demo_case(reviewer: str, folder: Path | None = None) -> Path:
    """Build a new demo case and return its path (older demo cases in the folder are removed)."""
    folder = folder or demo_folder()
    documents = folder / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    _remove_old_cases(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"demo-{stamp}.redactor"
    samples = demo_documents()
    files = []
    for sample in samples:
        target = documents / sample.file_name
        target.write_bytes(sample.data)
        files.append(target)
    colleague = COLLEAGUE if reviewer != COLLEAGUE else COLLEAGUE + " (2)"
    with CaseSession.create(
        str(path), reviewer=colleague, title="Demo: Woo-verzoek Stationsplein", four_eyes=True
    ) as session:
        added = session.add_documents(files)
        for doc, sample in zip(added, samples, strict=True):
            for item in sample.sensitive:
                note = ""
                if session.catalog.resolve(item.ground).requires_motivation:
                    note = "Persoonsgegevens; privacybelang weegt zwaarder dan openbaarheid."
                session.add_redactions(
                    doc.id, [(item.page_index, r) for r in item.rects], [item.ground], note
                )
    log.info("built the demo case %s", path)
    return path


def _remove_old_cases(folder: Path) -> None:
    for old in sorted(folder.glob("demo-*.redactor*")):
        try:
            old.unlink()
        except OSError as exc:  # open in another window: leave it, the new case has its own name
            log.info("cannot remove old demo case %s: %s", old, exc)
