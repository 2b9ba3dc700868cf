"""Export benchmark: Redactor's export (verification included) against bare PyMuPDF redaction.

    /work/venv/bin/python benchmarks/export_bench.py                 # 250 and 1,000 pages
    /work/venv/bin/python benchmarks/export_bench.py --pages 100     # a quick run
    /work/venv/bin/python benchmarks/export_bench.py --pages 200 --split   # + where time goes

A generated case of text documents (100 pages each, ten boxes per page over words) is exported
with redactor.export.engine.export_case (all workers, verification, records, manifest), and the
same pages go through a bare script doing only add_redact_annot + apply_redactions +
save(garbage=4), one process. It prints pages/second for both and their ratio (the target is
at least 0.5x), and the peak memory (max RSS) of the exporting process and of its largest
worker; run at two sizes, the peaks show whether memory grows with the number of pages.

Every phase runs in its own fresh process so that each peak-RSS figure belongs to that phase
alone (ru_maxrss is a high-water mark for the life of a process). Not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PAGES_PER_DOC = 100
BOXES_PER_PAGE = 10
LINES_PER_PAGE = 40
WORDS = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "te",
    "dat",
    "voor",
    "met",
    "aan",
    "bij",
    "door",
    "over",
    "onder",
    "besluit",
    "verzoek",
    "ministerie",
    "gemeente",
    "overleg",
    "advies",
    "nota",
    "bijlage",
    "ambtenaar",
    "contract",
    "bedrag",
    "vergadering",
    "openbaarheid",
    "documenten",
    "inventaris",
    "beoordeling",
    "procedure",
    "termijn",
    "zienswijze",
    "brief",
    "telefoon",
    "adres",
    "afdeling",
    "directie",
    "beleid",
    "toezicht",
    "rapport",
    "onderzoek",
]
NAMES = [
    "Jansen",
    "de",
    "Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
]


def cpu_seconds(*who: int) -> float:
    """User + system CPU time: less sensitive than wall time to other load on the machine."""
    return sum(resource.getrusage(w).ru_utime + resource.getrusage(w).ru_stime for w in who)


def _maxrss_mib(who: int) -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    value = resource.getrusage(who).ru_maxrss
    return value / (1024 * 1024 if sys.platform == "darwin" else 1024)


# --- phase: generate ---------------------------------------------------------------------------


def generate(folder: Path, pages: int, per_doc: int = PAGES_PER_DOC, seed: int = 1) -> None:
    """Write the case's source PDFs and, per document, the boxes (JSON) over words."""
    import pymupdf

    rng = random.Random(seed)
    index = 0
    remaining = pages
    while remaining > 0:
        count = min(per_doc, remaining)
        remaining -= count
        index += 1
        doc = pymupdf.open()
        for _ in range(count):
            page = doc.new_page(width=595, height=842)
            lines = []
            for _ in range(LINES_PER_PAGE):
                words = [rng.choice(WORDS) for _ in range(9)]
                words.insert(rng.randrange(len(words)), rng.choice(NAMES) + str(rng.randrange(100)))
                lines.append(" ".join(words))
            page.insert_text(
                (50, 50), "\n".join(lines), fontname="helv", fontsize=10, lineheight=1.7
            )
        data = doc.tobytes(garbage=3, deflate=True)
        boxes = []
        for page_index, page in enumerate(doc):
            words = page.get_text("words")
            by_line: dict[tuple[int, int], list[tuple[float, ...]]] = {}
            for w in words:
                by_line.setdefault((w[5], w[6]), []).append(w)
            chosen_lines = rng.sample(sorted(by_line), BOXES_PER_PAGE)
            for line in chosen_lines:
                # The name in the line when there is one, so boxes hide what a reviewer hides.
                candidates = [w for w in by_line[line] if w[4][-1].isdigit()] or by_line[line]
                w = rng.choice(candidates)
                boxes.append([page_index, w[0], w[1], w[2], w[3]])
        doc.close()
        (folder / f"doc{index:03d}.pdf").write_bytes(data)
        (folder / f"doc{index:03d}.json").write_text(json.dumps({"pages": count, "boxes": boxes}))


def _documents(folder: Path) -> list[Path]:
    return sorted(folder.glob("doc*.pdf"))


# --- phase: bare -------------------------------------------------------------------------------


def bare(folder: Path, out: Path) -> dict[str, float]:
    """Only what MuPDF itself must do: redaction annotations, apply, save with garbage=4."""
    import pymupdf

    pages = 0
    start = time.perf_counter()
    for path in _documents(folder):
        spec = json.loads(path.with_suffix(".json").read_text())
        doc = pymupdf.open(path)
        for page_index, x0, y0, x1, y1 in spec["boxes"]:
            doc[page_index].add_redact_annot(pymupdf.Rect(x0, y0, x1, y1), fill=(0, 0, 0))
        for page in doc:
            page.apply_redactions()
        doc.save(out / path.name, garbage=4)
        doc.close()
        pages += spec["pages"]
    seconds = time.perf_counter() - start
    return {
        "pages": pages,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds(resource.RUSAGE_SELF),
        "rss_self_mib": _maxrss_mib(resource.RUSAGE_SELF),
    }


# --- phase: redactor ---------------------------------------------------------------------------


def _jobs(folder: Path) -> Iterator[object]:
    """Like the app's build_jobs: each source is read only when the engine asks for it."""
    from redactor.core.export_model import BoxSpec
    from redactor.core.geometry import Rect
    from redactor.export.jobs import DocumentJob

    for number, path in enumerate(_documents(folder), start=1):
        spec = json.loads(path.with_suffix(".json").read_text())
        source = path.read_bytes()
        boxes = tuple(
            BoxSpec(p, Rect(x0, y0, x1, y1), ("5.1.2e",)) for p, x0, y0, x1, y1 in spec["boxes"]
        )
        yield DocumentJob(
            document_id=number,
            file_name=path.name,
            source=source,
            source_sha256=hashlib.sha256(source).hexdigest(),
            boxes=boxes,
            withheld=(),
            page_count=spec["pages"],
            judgement="deels openbaar",
            grounds=("5.1.2e",),
            note="",
            date="2024-01-15",
            inventory_id=str(number),
        )


def _settings(mode: str, workers: int | None) -> object:
    import redactor
    from redactor.core.export_model import OutputMode, RenderOptions
    from redactor.export.jobs import ExportSettings

    return ExportSettings(
        render=RenderOptions(mode=OutputMode(mode)),
        exported_by="benchmark",
        case_title="Benchmark case",
        tool_version=redactor.__version__,
        workers=workers,
    )


def run_redactor(folder: Path, out: Path, mode: str, workers: int | None) -> dict[str, float]:
    from redactor.export.engine import export_case

    documents = _documents(folder)
    start = time.perf_counter()
    result = export_case(
        _jobs(folder),
        [],
        out,
        _settings(mode, workers),
        total=len(documents),  # type: ignore[arg-type]
    )
    seconds = time.perf_counter() - start
    pages = sum(d.page_count for d in result.documents)
    return {
        "pages": pages,
        "seconds": seconds,
        "passed": result.passed,
        # Workers and the tools they run (pdftoppm, pdftotext) count as children once waited for.
        "cpu_seconds": cpu_seconds(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN),
        "rss_self_mib": _maxrss_mib(resource.RUSAGE_SELF),
        "rss_worker_mib": _maxrss_mib(resource.RUSAGE_CHILDREN),
        "workers": _settings(mode, workers).worker_count,  # type: ignore[attr-defined]
    }


# --- phase: split (where the time goes, one document in this process) ------------------------


def split(folder: Path, mode: str, profile: bool) -> dict[str, object]:
    from redactor.export.verify import verify_redacted
    from redactor.pdf.redact import redact_document

    job = next(iter(_jobs(folder)))
    options = _settings(mode, 0).render  # type: ignore[attr-defined]
    out: dict[str, object] = {"pages": job.page_count}  # type: ignore[attr-defined]

    def timed(name: str, call: Callable[[], T]) -> T:
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        value = call()
        if profiler:
            profiler.disable()
        out[f"{name}_seconds"] = time.perf_counter() - start
        if profiler:
            stats = pstats.Stats(profiler)
            rows = sorted(stats.stats.items(), key=lambda kv: kv[1][3], reverse=True)  # type: ignore[attr-defined]
            out[f"{name}_top_cumulative"] = [
                f"{v[3]:7.2f}s {k[2]} ({Path(k[0]).name}:{k[1]})" for k, v in rows[:20]
            ]
        return value

    redacted = timed(
        "redact",
        lambda: redact_document(job.source, job.boxes, job.withheld, options),  # type: ignore[attr-defined]
    )
    report = timed(
        "verify",
        lambda: verify_redacted(
            redacted.pdf,
            job.boxes,
            job.withheld,
            redacted.removed_terms,
            options,
            job.page_count,  # type: ignore[attr-defined]
        ),
    )
    out["checks"] = len(report.checks)
    out["passed"] = report.passed
    out["removed_terms"] = len(redacted.removed_terms)
    out["rss_self_mib"] = _maxrss_mib(resource.RUSAGE_SELF)
    out["rss_children_mib"] = _maxrss_mib(resource.RUSAGE_CHILDREN)  # pdftoppm, pdftotext
    return out


# --- orchestration -----------------------------------------------------------------------------


REPO = Path(__file__).resolve().parents[1]


def _phase(*args: str) -> dict[str, object]:
    # The repository first on the path, so the benchmark measures this checkout's code.
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    done = subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"phase {args[:2]} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(
    pages: int, per_doc: int, mode: str, workers: int | None, do_split: bool, profile: bool
) -> dict:
    with tempfile.TemporaryDirectory(prefix="redactor-bench-") as tmp:
        root = Path(tmp)
        src, bare_out, red_out = root / "src", root / "bare", root / "redactor"
        for d in (src, bare_out):
            d.mkdir()
        _phase(
            "--phase",
            "generate",
            "--dir",
            str(src),
            "--single",
            str(pages),
            "--pages-per-doc",
            str(per_doc),
        )
        w = [] if workers is None else ["--workers", str(workers)]
        result = {
            "pages": pages,
            "load": " ".join(f"{v:.2f}" for v in os.getloadavg()),
            "bare": _phase("--phase", "bare", "--dir", str(src), "--out", str(bare_out)),
            "redactor": _phase(
                "--phase", "redactor", "--dir", str(src), "--out", str(red_out), "--mode", mode, *w
            ),
        }
        if do_split:
            result["split"] = _phase(
                "--phase",
                "split",
                "--dir",
                str(src),
                "--mode",
                mode,
                *(["--profile"] if profile else []),
            )
        return result


def _print(results: list[dict], mode: str, per_doc: int) -> None:
    print(
        f"\nExport benchmark ({mode} mode, {BOXES_PER_PAGE} boxes/page, {per_doc} pages/document)"
    )
    print(f"CPUs: {os.cpu_count()}   Python {sys.version.split()[0]}")
    print(f"Load average before the run: {results[0]['load']}")
    head = (
        f"{'pages':>6} {'bare p/s':>9} {'redactor p/s':>13} {'ratio':>6} {'workers':>7} "
        f"{'bare cpu ms/p':>13} {'redactor cpu ms/p':>17} "
        f"{'bare MiB':>9} {'parent MiB':>11} {'worker MiB':>11}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        b, x = r["bare"], r["redactor"]
        bps = b["pages"] / b["seconds"]
        xps = x["pages"] / x["seconds"]
        print(
            f"{r['pages']:>6} {bps:>9.1f} {xps:>13.1f} {xps / bps:>6.2f} {x['workers']:>7} "
            f"{1000 * b['cpu_seconds'] / b['pages']:>13.1f} "
            f"{1000 * x['cpu_seconds'] / x['pages']:>17.1f} "
            f"{b['rss_self_mib']:>9.0f} {x['rss_self_mib']:>11.0f} {x['rss_worker_mib']:>11.0f}"
        )
    for r in results:
        s = r.get("split")
        if s:
            print(
                f"\nOne document of {s['pages']} pages in one process: redact "
                f"{s['redact_seconds']:.2f} s, verify {s['verify_seconds']:.2f} s "
                f"({s['checks']} checks, passed: {s['passed']}, {s['removed_terms']} removed terms); "
                f"peak RSS {s['rss_self_mib']:.0f} MiB, its tools {s['rss_children_mib']:.0f} MiB"
            )
            for stage in ("redact", "verify"):
                if s.get(f"{stage}_top_cumulative"):
                    print(f"  {stage}, most expensive calls (cumulative):")
                    for line in s[f"{stage}_top_cumulative"]:
                        print("   ", line)
    print(
        "\nTarget: ratio >= 0.50; parent and worker MiB should not grow with pages. The CPU"
        "\ncolumns (all processes, ms per page) depend less on other load than pages/s do."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[250, 1000], help="case sizes")
    parser.add_argument(
        "--pages-per-doc", type=int, default=PAGES_PER_DOC, help="document size (default 100)"
    )
    parser.add_argument("--mode", choices=["text", "image"], default="text")
    parser.add_argument("--workers", type=int, default=None, help="default: one per CPU, at most 4")
    parser.add_argument("--split", action="store_true", help="time redact vs verify")
    parser.add_argument("--profile", action="store_true", help="with --split: profile verify")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    # Internal: one phase in this (fresh) process.
    parser.add_argument(
        "--phase", choices=["generate", "bare", "redactor", "split"], help=argparse.SUPPRESS
    )
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase == "generate":
        generate(args.dir, args.single, args.pages_per_doc)
        print(json.dumps({"ok": True}))
        return
    if args.phase == "bare":
        print(json.dumps(bare(args.dir, args.out)))
        return
    if args.phase == "redactor":
        print(json.dumps(run_redactor(args.dir, args.out, args.mode, args.workers)))
        return
    if args.phase == "split":
        print(json.dumps(split(args.dir, args.mode, args.profile)))
        return

    results = [
        measure(p, args.pages_per_doc, args.mode, args.workers, args.split, args.profile)
        for p in args.pages
    ]
    if args.json:
        print(json.dumps(results, indent=2))
    _print(results, args.mode, args.pages_per_doc)


if __name__ == "__main__":
    main()
