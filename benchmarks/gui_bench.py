"""The review window on a generated 1,000-page document, beside bare PyMuPDF in the same run.

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python benchmarks/gui_bench.py [--pages 1000]

Measures, each phase in its own child process (so peak memory is that phase's alone). The case
is opened in a window that is up, with its render process started (as when a reviewer chooses a
case); starting the application is not measured.
  GUI   time from opening the case to the first page painted; the time to get each page painted
        while paging through every page (median, 95th percentile); the resident memory after the
        first page, halfway and after the last page (flat = the bounded cache works); the
        longest the GUI thread was blocked while paging (PyMuPDF holds the GIL as it renders).
  bare  PyMuPDF opening the same bytes and rendering page 1 at the same zoom; rendering every
        page (median, p95); peak memory.
  cold  the first page again, with an empty source cache: a case imported elsewhere (another
        machine, an older version, a PostgreSQL team case), whose source is read from the case
        and written to the cache on this first open.
The first page is a single event per process, and a few milliseconds of another program's work
on a shared machine move it a lot: it is measured in --first-runs more fresh processes on each
side (the paging run's and the bare run's own first page included) and the medians compared.
Those runs also time the steps of the opening on the window's thread (database, page list,
layout, ...), to show where the first page's time goes.
The documents are imported the way the window imports them, so their sources are in a source
cache (a temporary folder, $REDACTOR_CACHE_DIR) as they are after an import.
Targets (issue 4): first page within 2x bare open+render, page paint p95 within 2x bare render,
memory flat.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM; getrusage's ru_maxrss would include the
    parent's peak, which a child started by fork+exec inherits on Linux)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3  # kB
    return 0.0


def peak_of(pid: int | None) -> float:
    """Peak resident memory of another process (the render process), in MB."""
    if pid is None:
        return 0.0
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3
    return 0.0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- phases (child processes) ---------------------------------------------------------------


def _bare_first_page(pdf: Path, zoom: float) -> tuple[Any, float]:
    """Bare PyMuPDF opens the document and renders page 1: (the document, seconds)."""
    import pymupdf

    data = pdf.read_bytes()
    start = time.perf_counter()
    doc = pymupdf.open(stream=data, filetype="pdf")
    doc.load_page(0).get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    return doc, time.perf_counter() - start


def phase_bare(pdf: Path, zoom: float) -> dict[str, float]:
    import pymupdf

    doc, first = _bare_first_page(pdf, zoom)
    times = []
    for index in range(doc.page_count):
        t = time.perf_counter()
        pix = doc.load_page(index).get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        _ = pix.samples
        times.append(time.perf_counter() - t)
    doc.close()
    return {
        "first": first,
        "median": statistics.median(times),
        "p95": p95(times),
        "peak_mb": peak_mb(),
    }


def phase_bare_first(pdf: Path, zoom: float) -> dict[str, float]:
    """Only bare PyMuPDF's open + render of page 1 (another sample of `phase_bare`'s first)."""
    doc, first = _bare_first_page(pdf, zoom)
    doc.close()
    return {"first": first}


# The steps of opening a case, timed on the window's thread (first-only runs): label, owner
# class (module, name) and method. Each gives when it started and how long it took.
STEPS = (
    ("open the case database", ("redactor.app.session", "CaseSession"), "open"),
    ("start page 1 rendering", ("redactor.gui.main_window", "MainWindow"), "_document_pending"),
    ("switch to the page view", ("redactor.gui.main_window", "MainWindow"), "_case_opened"),
    ("read the page list", ("redactor.app.session", "CaseSession"), "pages"),
    (
        "read boxes and decisions",
        ("redactor.gui.case_controller", "CaseController"),
        "_read_document",
    ),
    ("lay out the pages", ("redactor.gui.page_view", "PageView"), "set_document"),
    ("paint the view", ("redactor.gui.page_view", "PageView"), "paintEvent"),
)


def time_steps(start: list[float]) -> dict[str, tuple[float, float]]:
    """Wrap the STEPS' methods so each records (start, duration) in seconds after start[0]; a
    step that runs more than once keeps its first run (the one on the way to the first page)."""
    import importlib

    steps: dict[str, tuple[float, float]] = {}
    for label, (module, name), method in STEPS:
        owner = getattr(importlib.import_module(module), name)
        original = getattr(owner, method)

        def timed(
            *args: object, _f: Any = original, _label: str = label, **kwargs: object
        ) -> object:
            t = time.perf_counter()
            try:
                return _f(*args, **kwargs)
            finally:
                if _label not in steps and start[0]:
                    steps[_label] = (t - start[0], time.perf_counter() - t)

        setattr(owner, method, timed)
    return steps


def phase_gui(case: Path, first_only: bool = False) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer

    from redactor.gui.application import start
    from redactor.gui.page_renderer import PageKey

    clock_start = [0.0]
    steps = time_steps(clock_start) if first_only else {}

    gui = start("bench", show_dialogs=False, ask_reviewer=False, file_logging=False)
    app, window = gui.app, gui.window
    window.resize(1400, 950)
    for _ in range(20):
        app.processEvents()
    view, renderer = window.view, window.renderer
    if renderer.service is not None:
        assert renderer.service.wait_ready(), "the render process did not start"

    def painted(index: int) -> bool:
        assert view.document_id is not None
        return renderer.image(PageKey(view.document_id, index, view.render_zoom())) is not None

    def wait(index: int, limit: float = 30.0) -> float:
        """Wait for the page's image; the time it arrived (then paint it)."""
        deadline = time.perf_counter() + limit
        while not painted(index):
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError(f"page {index + 1} was not rendered in {limit} s")
            time.sleep(0.0005)
        arrived = time.perf_counter()
        view.viewport().repaint()  # the paint itself, with the image drawn
        return arrived

    start_t = clock_start[0] = time.perf_counter()
    assert window.open_case(str(case))
    opened = time.perf_counter() - start_t
    app.processEvents()
    view.viewport().repaint()
    arrived = wait(0) - start_t
    first = time.perf_counter() - start_t
    rss_first = rss_mb()
    if first_only:
        window.worker.shutdown()
        gui.stop()
        return {"first": first, "opened": opened, "arrived": arrived, "steps": steps}

    # The GUI thread's longest stall while paging: a 5 ms timer that records its gaps.
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()

    times, rss_half = [], 0.0
    pages = view.page_count()
    for index in range(pages):
        t = time.perf_counter()
        view.go_to_page(index)
        app.processEvents()
        wait(index)
        times.append(time.perf_counter() - t)
        if index == pages // 2:
            rss_half = rss_mb()
    timer.stop()
    service = window.renderer.service
    result: dict[str, object] = {
        "first": first,
        "opened": opened,
        "median": statistics.median(times),
        "p95": p95(times),
        "rss_first_mb": rss_first,
        "rss_half_mb": rss_half,
        "rss_last_mb": rss_mb(),
        "peak_mb": peak_mb(),
        "render_peak_mb": peak_of(service.pid if service is not None else None),
        "cache_mb": renderer.cached_bytes() / 1e6,
        "cache_limit_mb": renderer.max_bytes / 1e6,
        "zoom": view.render_zoom(),
        "max_stall_ms": max(gaps) if gaps else 0.0,
        "pages": pages,
    }
    window.worker.shutdown()
    gui.stop()
    return result


# -- the run --------------------------------------------------------------------------------


def build(folder: Path, pages: int, scanned_every: int = 4) -> tuple[Path, Path]:
    from redactor.app.session import CaseSession
    from redactor.app.source_cache import SourceCache
    from redactor.pdf.samples import long_document

    pdf = folder / f"dossier-{pages}.pdf"
    pdf.write_bytes(long_document(pages, scanned_every=scanned_every))
    case = folder / "bench.redactor"
    sources = SourceCache(folder / "cache" / "sources")
    with CaseSession.create(str(case), reviewer="bench", sources=sources) as session:
        session.add_documents([pdf])
    return pdf, case


def child(args: list[str], cache: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REDACTOR_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument(
        "--scanned-every",
        type=int,
        default=4,
        help="every n-th page is a scan (0: text pages only)",
    )
    parser.add_argument(
        "--first-runs",
        type=int,
        default=4,
        help="more fresh processes that measure only the first page, on each side (median)",
    )
    parser.add_argument("--phase", choices=("bare", "gui"), help=argparse.SUPPRESS)
    parser.add_argument("--pdf", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--case", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--zoom", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--first-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "bare":
        measure = phase_bare_first if args.first_only else phase_bare
        print(json.dumps(measure(args.pdf, args.zoom)))
        return
    if args.phase == "gui":
        with tempfile.TemporaryDirectory() as config:
            os.environ["REDACTOR_CONFIG_DIR"] = config
            print(json.dumps(phase_gui(args.case, args.first_only)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"Generating a {args.pages}-page document…", flush=True)
        pdf, case = build(folder, args.pages, args.scanned_every)
        cache = folder / "cache"
        gui = child(["--phase", "gui", "--case", str(case)], cache)
        bare_args = ["--phase", "bare", "--pdf", str(pdf), "--zoom", str(gui["zoom"])]
        bare = child(bare_args, cache)
        # Taken in turns, so that a burst of load elsewhere hits both sides alike.
        firsts: list[dict[str, Any]] = []
        bare_firsts = [bare["first"]]
        for _ in range(args.first_runs):
            firsts.append(child(["--phase", "gui", "--case", str(case), "--first-only"], cache))
            bare_firsts.append(child([*bare_args, "--first-only"], cache)["first"])
        cold = child(["--phase", "gui", "--case", str(case), "--first-only"], folder / "empty")
        pdf_mb = pdf.stat().st_size / 1e6
    gui_firsts = [gui["first"], *(f["first"] for f in firsts)]
    gui["first"] = statistics.median(gui_firsts)
    bare["first"] = statistics.median(bare_firsts)
    kind = f"every {args.scanned_every}th page a scan" if args.scanned_every else "text only"
    print(
        f"\n{args.pages} pages ({kind}, {pdf_mb:.1f} MB), rendered at {gui['zoom']:.3f} px/pt (fit width in a 1400x950 window)\n"
    )
    rows = [
        ("first page painted (s)", gui["first"], bare["first"], "open + render page 1"),
        ("page paint median (ms)", gui["median"] * 1e3, bare["median"] * 1e3, "render one page"),
        ("page paint p95 (ms)", gui["p95"] * 1e3, bare["p95"] * 1e3, "render one page"),
        ("peak memory (MB)", gui["peak_mb"] + gui["render_peak_mb"], bare["peak_mb"], "peak RSS"),
    ]
    print(f"{'':26} {'Redactor':>10} {'bare':>10} {'ratio':>7}   bare measures")
    for name, ours, theirs, what in rows:
        print(f"{name:26} {ours:10.3f} {theirs:10.3f} {ours / theirs:7.2f}   {what}")
    print(
        f"\nresident memory after page 1 / half / last: {gui['rss_first_mb']:.0f} / "
        f"{gui['rss_half_mb']:.0f} / {gui['rss_last_mb']:.0f} MB "
        f"(render cache {gui['cache_mb']:.0f} MB of at most {gui['cache_limit_mb']:.0f} MB)"
    )
    print(
        f"peak memory = window process {gui['peak_mb']:.0f} MB + render process "
        f"{gui['render_peak_mb']:.0f} MB"
    )
    print(
        f"first page painted in each run (s): Redactor "
        f"{', '.join(f'{t:.3f}' for t in gui_firsts)}; bare "
        f"{', '.join(f'{t:.3f}' for t in bare_firsts)}"
    )
    if firsts:
        print(
            f"\nwhere the first page's time goes (median of {len(firsts)} runs, ms after "
            "choosing the case; the render process works on page 1 from 'start page 1 "
            "rendering' on)"
        )
        print(f"  {'step':30} {'at':>7} {'took':>7}")
        for label, _owner, _method in STEPS:
            runs = [f["steps"][label] for f in firsts if label in f["steps"]]
            if runs:
                at = statistics.median(r[0] for r in runs) * 1e3
                took = statistics.median(r[1] for r in runs) * 1e3
                print(f"  {label:30} {at:7.1f} {took:7.1f}")
        for label, key in (
            ("open_case returned", "opened"),
            ("page 1's image arrived", "arrived"),
            ("page 1 painted", "first"),
        ):
            at = statistics.median(f[key] for f in firsts) * 1e3
            print(f"  {label:30} {at:7.1f}")
    print(f"longest GUI-thread stall while paging: {gui['max_stall_ms']:.0f} ms")
    print(
        f"first page with an empty source cache (read from the case, then cached): "
        f"{cold['first']:.3f} s ({cold['first'] / bare['first']:.1f}x bare)"
    )
    ok_first = gui["first"] <= 2 * bare["first"]
    ok_p95 = gui["p95"] <= 2 * bare["p95"]
    flat = gui["rss_last_mb"] <= gui["rss_half_mb"] * 1.1 + 20
    print(
        f"targets: first page <= 2x {'met' if ok_first else 'MISSED'}; p95 <= 2x "
        f"{'met' if ok_p95 else 'MISSED'}; memory flat {'yes' if flat else 'NO'}"
    )


if __name__ == "__main__":
    main()
