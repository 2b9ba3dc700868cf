"""The licence texts that ship inside the frozen application.

Every Python distribution that the application needs at run time (the dependency closure of
pyproject.toml's [project] dependencies, as installed in the build environment) contributes
the licence files from its own metadata, so the bundle carries what the wheels carry. Texts
that no installed metadata provides (Qt's LGPL, Python's PSF licence) come from
packaging/licenses/ and from the interpreter. THIRD-PARTY-NOTICES.md must name every
bundled distribution; ``missing_from_notices`` lets the build refuse a bundle that it does
not describe.
"""

from __future__ import annotations

import logging
import re
import sys
import sysconfig
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NOTICES = HERE / "THIRD-PARTY-NOTICES.md"
EXTRA_TEXTS = HERE / "licenses"  # LGPL-3.0 and GPL-3.0 for Qt/PySide6, which ship none

_LICENCE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
# Distributions that are only build tools; never bundled even if something lists them.
_BUILD_ONLY = {"pip", "setuptools", "wheel", "pyinstaller", "pyinstaller-hooks-contrib"}


@dataclass(frozen=True)
class BundledLicence:
    source: Path
    dest: str  # folder inside the bundle's licenses/ directory


def runtime_distributions(pyproject: Path = REPO / "pyproject.toml") -> list[metadata.Distribution]:
    """The installed distributions the application needs, following requirements and extras."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pending = [Requirement(r) for r in project["dependencies"]]
    found: dict[str, metadata.Distribution] = {}
    visited: set[tuple[str, str]] = set()
    while pending:
        req = pending.pop()
        name = canonicalize_name(req.name)
        if name in _BUILD_ONLY:
            continue
        try:
            dist = found.get(name) or metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{req.name} is required but not installed in {sys.prefix}") from None
        found[name] = dist
        for extra in {"", *req.extras}:  # the base requirements, then each requested extra
            if (name, extra) in visited:
                continue
            visited.add((name, extra))
            for text in dist.requires or []:
                sub = Requirement(text)
                if sub.marker is None or sub.marker.evaluate({"extra": extra}):
                    pending.append(sub)
    return sorted(found.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def _dist_licence_files(dist: metadata.Distribution) -> list[tuple[Path, str]]:
    """(file, path relative to the dist-info folder) for each licence file a wheel declares."""
    found: list[tuple[Path, str]] = []
    for entry in dist.files or []:
        parts = entry.parts
        if not parts or not parts[0].endswith(".dist-info") or len(parts) < 2:
            continue
        inner = "/".join(parts[1:])
        if inner.startswith("licenses/") or (len(parts) == 2 and _LICENCE_NAME.match(parts[1])):
            rel = inner.removeprefix("licenses/")
            found.append((Path(str(dist.locate_file(entry))), rel))
    return found


def python_licence() -> Path:
    """The PSF licence of the interpreter the bundle is frozen from."""
    candidates = [
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows installs
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise SystemExit("Python's LICENSE.txt was not found; the bundle must carry it.")


def bundled_licences(dists: list[metadata.Distribution]) -> list[BundledLicence]:
    """Every licence file to copy, as PyInstaller (source, dest folder) pairs under licenses/."""
    out = [
        BundledLicence(REPO / "LICENSE", "licenses"),
        BundledLicence(NOTICES, "licenses"),
        BundledLicence(python_licence(), "licenses/python"),
    ]
    out += [BundledLicence(p, "licenses/common") for p in sorted(EXTRA_TEXTS.glob("*.txt"))]
    for dist in dists:
        name = canonicalize_name(dist.metadata["Name"])
        files = _dist_licence_files(dist)
        if not files:
            log.info("%s declares no licence file; THIRD-PARTY-NOTICES.md covers it", name)
        for path, rel in files:
            folder = "/".join(filter(None, [f"licenses/{name}", str(Path(rel).parent)]))
            out.append(BundledLicence(path, folder.removesuffix("/.")))
    return out


def missing_from_notices(dists: list[metadata.Distribution], notices: Path = NOTICES) -> list[str]:
    """Names of bundled distributions that THIRD-PARTY-NOTICES.md does not mention."""
    text = notices.read_text(encoding="utf-8").lower()
    words = {canonicalize_name(w.strip("-_.")) for w in re.findall(r"[a-z0-9][a-z0-9._-]*", text)}
    names = [canonicalize_name(d.metadata["Name"]) for d in dists]
    return [name for name in names if name not in words]
