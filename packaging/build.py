"""Build the frozen Redactor application, package it, and smoke-test what was built.

    python packaging/build.py                  # Linux: bundle, tarball, smoke test
    python packaging/build.py --windows        # Windows: bundle, Inno Setup installer, smoke test
    python packaging/build.py --smoke-only     # smoke-test the bundle already in packaging/dist
    python packaging/build.py --write-metainfo FILE   # only the AppStream file, with the release

Needs the build environment: ``pip install .[package]`` (PyInstaller) and, for --windows,
Inno Setup 6 (``iscc`` on PATH or in its default folder). The results go to packaging/dist/
(ignored by git); PyInstaller's work files to packaging/build/.

The smoke test runs the frozen programs headless (QT_QPA_PLATFORM=offscreen) with a temporary
home folder: --version, new, add (a generated PDF), mark, export, audit --verify and the GUI
with --smoke-test. Any non-zero exit, or a Python traceback or Qt plug-in failure in the
output, fails the build. It prints the bundle size and the start-up times.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from project_info import (
    APP_ID,
    CONSOLE_EXE,
    GUI_EXE,
    ICON_SIZES,
    REPO,
    icon_png,
    read_version,
)

log = logging.getLogger("build")

HERE = REPO / "packaging"
LINUX = HERE / "linux"
SPEC = HERE / "redactor.spec"
ISS = HERE / "windows" / "redactor.iss"
DEFAULT_DIST = HERE / "dist"
DEFAULT_WORK = HERE / "build"
BUNDLE = "redactor"  # COLLECT name in the spec
WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if WINDOWS else ""

# Output that means the frozen program is broken even when it exits 0.
BAD_OUTPUT = re.compile(
    r"Traceback \(most recent call last\)|ModuleNotFoundError|ImportError"
    r"|Could not (?:find|load) the Qt platform plugin|Failed to execute script"
    r"|This application failed to start",
)
SECRET = "Jan Jansen"  # the text the smoke test redacts, and must not find in the export
PUBLIC = "Deze zin blijft openbaar."  # text that must survive the export


class BuildError(Exception):
    """A step failed; the message says which and why."""


# --- small helpers ------------------------------------------------------------------------


def run(cmd: Sequence[str | Path], **kwargs: object) -> None:
    log.info("$ %s", " ".join(str(c) for c in cmd))
    result = subprocess.run([str(c) for c in cmd], check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise BuildError(f"{Path(str(cmd[0])).name} failed with exit code {result.returncode}")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def release_date() -> str:
    """The date of the commit being built (reproducible), else today."""
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO), "log", "-1", "--format=%cs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", out):
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return dt.date.today().isoformat()


def write_metainfo(dest: Path, version: str) -> Path:
    """The committed metainfo plus a <releases> entry for this version."""
    source = LINUX / f"{APP_ID}.metainfo.xml"
    text = source.read_text(encoding="utf-8")
    release = (
        f'  <releases>\n    <release version="{version}" date="{release_date()}"/>\n  </releases>\n'
    )
    if ET.fromstring(text.encode("utf-8")).find("releases") is not None:
        raise BuildError(f"{source.name} must not contain <releases>; the build adds it")
    text = text.replace("</component>", release + "</component>")
    ET.fromstring(text.encode("utf-8"))  # still well-formed
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    return dest


# --- build steps ------------------------------------------------------------------------------


def pyinstaller(dist: Path, work: Path, clean: bool) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError("PyInstaller is missing: pip install '.[package]'") from None
    cmd: list[str | Path] = [sys.executable, "-m", "PyInstaller", "--noconfirm"]
    cmd += ["--log-level", "WARN", "--distpath", dist, "--workpath", work]
    if clean:
        cmd.append("--clean")
    run([*cmd, SPEC], cwd=REPO)
    bundle = dist / BUNDLE
    for exe in (CONSOLE_EXE, GUI_EXE):
        if not (bundle / f"{exe}{EXE_SUFFIX}").is_file():
            raise BuildError(f"PyInstaller did not produce {exe}{EXE_SUFFIX}")
    return bundle


def add_documents(bundle: Path) -> None:
    """Licence and notices at the top of the folder, where users look for them."""
    shutil.copy2(REPO / "LICENSE", bundle / "LICENSE.txt")
    shutil.copy2(HERE / "THIRD-PARTY-NOTICES.md", bundle / "THIRD-PARTY-NOTICES.md")


def add_linux_integration(bundle: Path, version: str) -> None:
    """share/ with the desktop file, metainfo, MIME type and icons, plus install.sh."""
    share = bundle / "share"
    if share.exists():
        shutil.rmtree(share)
    (share / "applications").mkdir(parents=True)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", share / "applications")
    write_metainfo(share / "metainfo" / f"{APP_ID}.metainfo.xml", version)
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(LINUX / "redactor-mime.xml", share / "mime" / "packages")
    hicolor = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(icon_png(size), folder / f"{APP_ID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(
        REPO / "resources" / "icons" / "redactor.svg",
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg",
    )
    shutil.copy2(LINUX / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)


def _reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Same bytes from the same files: no owner names, fixed times."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or info.mtime
    return info


def make_tarball(bundle: Path, dist: Path, version: str) -> Path:
    top = f"redactor-{version}-linux-x86_64"
    tarball = dist / f"{top}.tar.gz"
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        for path in sorted(bundle.rglob("*")):
            tar.add(
                path, arcname=f"{top}/{path.relative_to(bundle)}", recursive=False, filter=_reset
            )
    return tarball


def make_zip(bundle: Path, dist: Path, version: str) -> Path:
    """The portable Windows folder, for users who may not run installers."""
    top = f"redactor-{version}-windows-x64"
    archive = dist / f"{top}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(bundle.rglob("*")):
            zf.write(path, f"{top}/{path.relative_to(bundle)}")
    return archive


def find_iscc() -> Path:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return Path(base) / "Inno Setup 6" / "ISCC.exe"
    raise BuildError("Inno Setup 6 (ISCC.exe) was not found; install it or put it on PATH")


def make_installer(bundle: Path, dist: Path, version: str) -> Path:
    run(
        [
            find_iscc(),
            f"/DAppVersion={version}",
            f"/DSourceDir={bundle}",
            f"/DOutputDir={dist}",
            f"/DRepoDir={REPO}",
            ISS,
        ]
    )
    setup = dist / f"redactor-{version}-windows-x64-setup.exe"
    if not setup.is_file():
        raise BuildError(f"Inno Setup did not produce {setup.name}")
    return setup


# --- smoke test -------------------------------------------------------------------------------


@dataclass
class SmokeResult:
    transcript: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def smoke_env(home: Path) -> dict[str, str]:
    """Headless, and nothing read from or written to the real user's folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "PYTHON"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        REDACTOR_REVIEWER="smoke-test",
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def make_smoke_pdf(path: Path, first_line: str) -> None:
    """A one-page PDF made with the build environment's PyMuPDF."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 90), first_line, fontsize=12)
    page.insert_text((72, 130), PUBLIC, fontsize=12)
    doc.save(path)
    doc.close()


def run_frozen(
    exe: Path, args: Sequence[str], env: dict[str, str], cwd: Path, result: SmokeResult
) -> tuple[float, str]:
    """Run one frozen command; fail on a non-zero exit or a traceback in its output."""
    start = time.perf_counter()
    proc = subprocess.run(
        [str(exe), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
    )
    elapsed = time.perf_counter() - start
    output = proc.stdout + proc.stderr
    line = f"$ {exe.name} {' '.join(args)}  -> exit {proc.returncode} in {elapsed:.2f} s"
    result.transcript.append(line)
    result.transcript += [f"    {t}" for t in output.strip().splitlines()]
    log.info("%s", line)
    for text in output.strip().splitlines():
        log.info("    %s", text)
    if proc.returncode != 0:
        raise BuildError(f"smoke test: '{exe.name} {' '.join(args)}' exited {proc.returncode}")
    bad = BAD_OUTPUT.search(output)
    if bad:
        raise BuildError(f"smoke test: '{exe.name} {' '.join(args)}' printed '{bad.group(0)}'")
    return elapsed, output


def check_export(outdir: Path, redacted: str, untouched: str) -> None:
    """The frozen export removed the marked name from one PDF and kept the rest of the text."""
    import pymupdf

    texts = {}
    for name in (redacted, untouched):
        if not (outdir / name).is_file():
            raise BuildError(f"smoke test: the export wrote no {name} into {outdir}")
        with pymupdf.open(outdir / name) as doc:
            texts[name] = "".join(page.get_text() for page in doc)
    if SECRET in texts[redacted]:
        raise BuildError(f"smoke test: '{SECRET}' is still in the exported {redacted}")
    if SECRET not in texts[untouched] or any(PUBLIC not in t for t in texts.values()):
        raise BuildError("smoke test: the export lost text that was not marked")


def smoke_test(bundle: Path, version: str, repeat: int = 3) -> SmokeResult:
    cli = bundle / f"{CONSOLE_EXE}{EXE_SUFFIX}"
    gui = bundle / f"{GUI_EXE}{EXE_SUFFIX}"
    result = SmokeResult()
    with tempfile.TemporaryDirectory(prefix="redactor-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env = smoke_env(tmp / "home")
        work = tmp / "work"
        work.mkdir()
        pdf, other = work / "smoke.pdf", work / "other.pdf"
        make_smoke_pdf(pdf, f"Behandelaar: {SECRET}, telefoon 06-12345678")
        make_smoke_pdf(other, f"Afzender: {SECRET} (niet gelakt in dit document)")
        case = work / "smoke.redactor"

        def step(*args: str, exe: Path = cli) -> tuple[float, str]:
            return run_frozen(exe, args, env, work, result)

        _, out = step("--version")
        if version not in out:
            raise BuildError(f"smoke test: --version printed {out.strip()!r}, not {version}")
        step("new", str(case))
        step("add", str(case), str(pdf), str(other))  # two documents: two export workers
        # The name sits on the first text line: baseline at y=90 pt from the top, 12 pt type.
        step("mark", str(case), pdf.name, "1", "60", "76", "420", "95", "--ground", "5.1.2e")
        step("export", str(case), str(work / "export"))
        check_export(work / "export", pdf.name, other.name)
        step("audit", str(case), "--verify")

        # Start-up: the console program's shortest path, then the window (first run warms
        # the disk cache; the median of the following runs is reported).
        result.timings["version"] = statistics.median(step("--version")[0] for _ in range(repeat))
        gui_times = [step("gui", "--smoke-test", str(case))[0] for _ in range(repeat + 1)]
        result.timings["gui_smoke_first"] = gui_times[0]
        result.timings["gui_smoke"] = statistics.median(gui_times[1:])
        step("--smoke-test", exe=gui)
        # Real start-up on an X display, straight into the main window on the case (--as
        # skips the first-start "Who are you?" question). The median of a few runs.
        command = [cli, "--as", "smoke-test", "gui", str(case)]
        windows = [time_to_window(command, env, work) for _ in range(repeat)]
        measured = [w for w in windows if w is not None]
        if measured:
            result.timings["window_x11"] = statistics.median(measured)
    return result


@contextlib.contextmanager
def virtual_display(xvfb: str) -> Iterator[str | None]:
    """An Xvfb server on a display number it picks itself (-displayfd): never a stale one."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], 10)
        number = os.read(read_fd, 16).decode().strip() if ready else ""
        yield f":{number}" if number.isdigit() else None
    finally:
        os.close(read_fd)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def time_to_window(
    cmd: Sequence[str | Path], env: dict[str, str], cwd: Path, timeout: float = 30
) -> float | None:
    """Seconds from launch until a Redactor window is mapped on a real (virtual) X display.

    Only where Xvfb and xwininfo exist; the offscreen smoke test cannot see a window appear."""
    xvfb, xwininfo = shutil.which("Xvfb"), shutil.which("xwininfo")
    if not (xvfb and xwininfo) or WINDOWS:
        log.info("Xvfb/xwininfo not found: no time-to-window measurement")
        return None
    with virtual_display(xvfb) as display, tempfile.TemporaryFile("w+") as output:
        x_env = {**env, "DISPLAY": display or "", "QT_QPA_PLATFORM": "xcb"}
        if display is None or not _display_answers(xwininfo, x_env):
            log.warning("Xvfb did not start")
            return None
        start = time.perf_counter()
        app = subprocess.Popen(
            [str(c) for c in cmd], cwd=cwd, env=x_env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            while time.perf_counter() - start < timeout:
                if _redactor_window_mapped(xwininfo, x_env):
                    return time.perf_counter() - start
                if app.poll() is not None:
                    output.seek(0)
                    log.warning(
                        "Redactor exited with %s before showing a window:\n%s",
                        app.returncode,
                        output.read()[-2000:],
                    )
                    return None
                time.sleep(0.05)
            log.warning("no Redactor window within %.0f s", timeout)
            return None
        finally:
            if app.poll() is None:
                app.terminate()
                try:
                    app.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    app.kill()


def _display_answers(xwininfo: str, env: dict[str, str], wait: float = 10) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        probe = subprocess.run([xwininfo, "-root"], env=env, capture_output=True, check=False)
        if probe.returncode == 0:
            return True
        time.sleep(0.05)
    return False


def _redactor_window_mapped(xwininfo: str, env: dict[str, str]) -> bool:
    tree = subprocess.run(
        [xwininfo, "-root", "-tree"], env=env, capture_output=True, text=True, check=False
    ).stdout
    # Top-level windows carry the WM_CLASS (program name, application name "Redactor"); the
    # display is private to this measurement, so nothing else has windows on it.
    for window_id in re.findall(r'^\s*(0x[0-9a-f]+) .*\("[^"]*" "Redactor"\)', tree, re.M):
        state = subprocess.run(
            [xwininfo, "-id", window_id], env=env, capture_output=True, text=True, check=False
        ).stdout
        if "IsViewable" in state:
            return True
    return False


def unpack_tarball(tarball: Path, into: Path) -> Path:
    """Smoke-test what users download, not the folder it was made from."""
    with tarfile.open(tarball) as tar:
        tar.extractall(into, filter="tar")
    (top,) = into.iterdir()
    return top


# --- main ---------------------------------------------------------------------------------------


def report(bundle: Path, artefacts: list[Path], smoke: SmokeResult | None) -> None:
    print(f"\nBundle: {bundle} ({mib(folder_size(bundle))} unpacked)")
    for path in artefacts:
        print(f"Artefact: {path} ({mib(path.stat().st_size)})")
    if smoke is None:
        return
    t = smoke.timings
    print(f"Start-up, console ('redactor --version', median): {t['version']:.2f} s")
    print(
        f"GUI smoke test (start, show window, ~1 s of events, quit), median: {t['gui_smoke']:.2f} s"
        f" (first, cold: {t['gui_smoke_first']:.2f} s)"
    )
    if "window_x11" in t:
        print(f"Start-up to a mapped main window on Xvfb: {t['window_x11']:.2f} s")
    print("Smoke test passed.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--windows", action="store_true", help="build the Windows installer (on Windows)"
    )
    parser.add_argument(
        "--smoke-only", action="store_true", help="only smoke-test the existing bundle"
    )
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST, help="output folder")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="PyInstaller work folder")
    parser.add_argument(
        "--write-metainfo", type=Path, metavar="FILE", help="write the metainfo and stop"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    version = read_version()

    try:
        if args.write_metainfo:
            write_metainfo(args.write_metainfo, version)
            return 0
        if args.windows and not WINDOWS:
            raise BuildError(
                "--windows builds on Windows only (PyInstaller does not cross-compile)"
            )
        dist, work = args.dist.resolve(), args.work.resolve()
        bundle = dist / BUNDLE
        artefacts: list[Path] = []
        if not args.smoke_only:
            log.info("Building Redactor %s for %s", version, sys.platform)
            bundle = pyinstaller(dist, work, args.clean)
            add_documents(bundle)
            if WINDOWS:
                artefacts.append(make_zip(bundle, dist, version))
                if args.windows:
                    artefacts.append(make_installer(bundle, dist, version))
            else:
                add_linux_integration(bundle, version)
                artefacts.append(make_tarball(bundle, dist, version))
        if not bundle.is_dir():
            raise BuildError(f"no bundle at {bundle}; build it first")
        smoke = None
        if not args.no_smoke:
            tarballs = [a for a in artefacts if a.suffixes[-2:] == [".tar", ".gz"]]
            if tarballs:
                with tempfile.TemporaryDirectory(prefix="redactor-unpacked-") as tmp:
                    smoke = smoke_test(unpack_tarball(tarballs[0], Path(tmp)), version)
            else:
                smoke = smoke_test(bundle, version)
        report(bundle, artefacts, smoke)
    except BuildError as exc:
        log.error("BUILD FAILED: %s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
