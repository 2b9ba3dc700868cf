"""Export cost on the real-world corpus, beside bare PyMuPDF on the same boxes.

    /work/venv/bin/python benchmarks/corpus_bench.py                  # every 10th word boxed
    /work/venv/bin/python benchmarks/corpus_bench.py --every 3 --max-pages 5

export_bench.py measures throughput on generated text pages. Real documents carry embedded
fonts, images, line art and odd structure, and are mostly short: this script shows what the
same comparison gives on them. Every PDF in the corpus's realworld/ folder that opens without
a password is cut to its first --max-pages pages, and every --every'th word gets a box (as a
reviewer draws one: the word's rectangle, a little wider). Then, in this one process:
  bare      add_redact_annot + apply_redactions per page, save(garbage=4)  (as export_bench)
  redactor  redact_document + verify_redacted, the tools the gate runs included
It prints CPU milliseconds per page for both, per file and in total, and the throughput
ratio that many workers would give on as many CPUs (workers x bare / redactor: the export
keeps every CPU busy, see export_bench). Not a test: nothing fails, a file that does not
verify is listed.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's code, not an installed copy

import pymupdf  # noqa: E402

from redactor.core.export_model import BoxSpec, RenderOptions  # noqa: E402
from redactor.core.geometry import Rect  # noqa: E402
from redactor.export.verify import verify_redacted  # noqa: E402
from redactor.pdf.geometry import unrotated_to_displayed  # noqa: E402
from redactor.pdf.redact import redact_document  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_bench import cpu_seconds  # noqa: E402


def _corpus() -> Path:
    return Path(os.environ.get("REDACTOR_CORPUS", REPO.parent / "shared" / "corpus")) / "realworld"


def _cpu() -> float:
    """CPU seconds of this process and of the tools it has run (pdftoppm, pdftotext)."""
    return cpu_seconds(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)


def _first_pages(data: bytes, max_pages: int) -> bytes | None:
    """The file cut to its first pages (both sides then work on the same document), or None
    for a file this script cannot use (no opening, a password)."""
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        return None
    with doc:
        if doc.needs_pass:
            return None
        if doc.page_count > max_pages:
            doc.select(range(max_pages))
        return doc.tobytes(garbage=1)


def _boxes(data: bytes, every: int) -> tuple[list[BoxSpec], int]:
    """Boxes over every `every`th word, in displayed space; and the page count."""
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        boxes: list[BoxSpec] = []
        for index in range(doc.page_count):
            page = doc[index]
            width, height = page.rect.width, page.rect.height
            for number, word in enumerate(page.get_text("words")):
                if number % every:
                    continue
                r = unrotated_to_displayed(page, word[:4])
                rect = Rect(r.x0 - 0.5, r.y0, r.x1 + 1.5, r.y1).clipped_to(width, height)
                if rect.width >= 1 and rect.height >= 1:
                    boxes.append(BoxSpec(index, rect, ("5.1.2e",)))
        return boxes, doc.page_count


def _bare(data: bytes, boxes: list[BoxSpec], out: Path) -> None:
    """export_bench's bare script on these boxes (given in displayed space, as the reviewer
    drew them; the bare script takes MuPDF's unrotated space)."""
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        by_page: dict[int, list[BoxSpec]] = {}
        for spec in boxes:
            by_page.setdefault(spec.page_index, []).append(spec)
        for index, specs in by_page.items():
            page = doc[index]
            to_unrotated = page.derotation_matrix
            for spec in specs:
                r = spec.rect
                page.add_redact_annot(pymupdf.Rect(r.x0, r.y0, r.x1, r.y1) * to_unrotated)
            page.apply_redactions()
        doc.save(out, garbage=4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=int, default=10, help="box every Nth word (default 10)")
    parser.add_argument("--max-pages", type=int, default=10, help="pages per file (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="for the ratio (default 2)")
    args = parser.parse_args()
    options = RenderOptions()
    out = Path(os.environ.get("TMPDIR", "/tmp")) / "corpus_bench_bare.pdf"
    totals = {"pages": 0, "bare": 0.0, "redactor": 0.0}
    failed: list[str] = []
    print(f"{'file':48} {'pages':>5} {'boxes':>6} {'bare ms/p':>9} {'redactor ms/p':>13}")
    for path in sorted(_corpus().glob("*.pdf")):
        data = _first_pages(path.read_bytes(), args.max_pages)
        if data is None:
            continue
        boxes, pages = _boxes(data, args.every)
        if not boxes:
            continue
        start = _cpu()
        try:
            _bare(data, boxes, out)
        except Exception as exc:  # the bare script is a yardstick: a file it fails is skipped
            print(f"{path.name[:48]:48} bare script failed ({type(exc).__name__}); skipped")
            continue
        bare = _cpu() - start
        start = _cpu()
        try:
            redacted = redact_document(data, boxes, [], options)
            report = verify_redacted(
                redacted.pdf, boxes, [], redacted.removed_terms, options, pages
            )
            if not report.passed:
                failed.append(path.name)
        except Exception as exc:
            failed.append(f"{path.name} ({type(exc).__name__})")
            continue
        ours = _cpu() - start
        totals["pages"] += pages
        totals["bare"] += bare
        totals["redactor"] += ours
        print(
            f"{path.name[:48]:48} {pages:5} {len(boxes):6} "
            f"{bare * 1000 / pages:9.1f} {ours * 1000 / pages:13.1f}"
        )
    out.unlink(missing_ok=True)
    pages = totals["pages"]
    if not pages:
        print("no usable files: set REDACTOR_CORPUS to the corpus folder")
        return
    bare_ms = totals["bare"] * 1000 / pages
    ours_ms = totals["redactor"] * 1000 / pages
    print(
        f"\nAll {pages} pages: bare {bare_ms:.1f} ms/page, Redactor {ours_ms:.1f} "
        f"ms/page (CPU). With {args.workers} workers on {args.workers} CPUs: throughput ratio "
        f"about {args.workers * bare_ms / ours_ms:.2f}."
    )
    if failed:
        print("Did not verify or failed: " + ", ".join(failed))


if __name__ == "__main__":
    main()
