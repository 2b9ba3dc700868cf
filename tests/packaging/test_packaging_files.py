"""The packaging files: valid for their tools, consistent with each other and the version source.

The frozen build itself is too slow for the suite; `python packaging/build.py` builds it and
smoke-tests it (see packaging/README.md).
"""

from __future__ import annotations

import ast
import configparser
import hashlib
import importlib.util
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import redactor
from tests.helpers import REPO_ROOT, require_tool

PACKAGING = REPO_ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "nl.redactor.Redactor"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
# sha256 of the AGPL-3.0 text as the FSF publishes it (gnu.org/licenses/agpl-3.0.txt).
AGPL_SHA256 = "8486a10c4393cee1c25392769ddd3b2d6c242d6ec7928e1414efff7dfb2f07ef"


def load(name: str) -> ModuleType:
    """A packaging/ script as a module (packaging/ is not a package and must not become one:
    it would shadow the `packaging` distribution that pikepdf needs)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # the scripts import project_info by name
    spec = importlib.util.spec_from_file_location(
        f"redactor_packaging_{name}", PACKAGING / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def test_version_is_read_from_the_package() -> None:
    assert load("project_info").read_version() == redactor.__version__


def test_no_packaging_file_repeats_the_version_number() -> None:
    version = redactor.__version__
    files = [
        p
        for p in PACKAGING.rglob("*")
        if p.is_file() and "dist" not in p.parts and "build" not in p.parts
    ]
    files.append(REPO_ROOT / ".github" / "workflows" / "windows-build.yml")
    offenders = [
        str(p.relative_to(REPO_ROOT))
        for p in files
        if p.suffix in {".py", ".iss", ".xml", ".desktop", ".yml", ".spec", ".sh", ".md"}
        and version in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_desktop_file_is_valid_and_matches_the_mime_type() -> None:
    tool = require_tool("desktop-file-validate")
    desktop = LINUX / f"{APP_ID}.desktop"
    result = subprocess.run([tool, str(desktop)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",))
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"].split()[0] == "redactor-gui"
    mime = ET.parse(LINUX / "redactor-mime.xml").getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None
    assert section["MimeType"].rstrip(";") == mime.get("type")


def test_mime_type_claims_the_case_extension(tmp_path: Path) -> None:
    tool = require_tool("update-mime-database")
    (tmp_path / "packages").mkdir()
    (tmp_path / "packages" / "redactor-mime.xml").write_bytes(
        (LINUX / "redactor-mime.xml").read_bytes()
    )
    subprocess.run([tool, str(tmp_path)], check=True, capture_output=True)
    assert "application/x-redactor-case:*.redactor" in (tmp_path / "globs2").read_text()


def test_metainfo_is_valid_with_and_without_the_release(tmp_path: Path) -> None:
    tool = require_tool("appstreamcli")
    source = LINUX / f"{APP_ID}.metainfo.xml"
    built = load("build").write_metainfo(tmp_path / f"{APP_ID}.metainfo.xml", redactor.__version__)
    release = ET.parse(built).getroot().find("releases/release")
    assert release is not None and release.get("version") == redactor.__version__
    for path in (source, built):
        result = subprocess.run(
            [tool, "validate", "--no-net", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert ET.parse(source).getroot().findtext("launchable") == f"{APP_ID}.desktop"


def test_icons_are_generated_from_the_svg(qapp: object) -> None:
    # qapp first: make_icons would otherwise create a QGuiApplication, and widget tests
    # later in the session need a QApplication.
    icons = load("make_icons")
    assert icons.check() == []  # every PNG and the .ico match a fresh rendering
    assert sorted(icons.read_ico(icons.ICO)) == sorted(icons.ICO_SIZES)


def test_licence_is_the_exact_agpl_text() -> None:
    assert hashlib.sha256((REPO_ROOT / "LICENSE").read_bytes()).hexdigest() == AGPL_SHA256


def test_notices_name_every_bundled_distribution() -> None:
    licences = load("licences")
    dists = licences.runtime_distributions()
    names = {d.metadata["Name"].lower() for d in dists}
    assert {"pyside6-essentials", "pymupdf-lite", "sqlalchemy", "pikepdf"} <= {
        n.replace("_", "-") for n in names
    }
    assert licences.missing_from_notices(dists) == []
    for item in licences.bundled_licences(dists):
        assert item.source.is_file(), item


def test_notices_check_catches_an_unlisted_distribution(tmp_path: Path) -> None:
    licences = load("licences")
    dists = licences.runtime_distributions()
    text = (PACKAGING / "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8")
    notices = tmp_path / "NOTICES.md"
    notices.write_text(text.replace("pikepdf", "p-d-f"), encoding="utf-8")
    assert licences.missing_from_notices(dists, notices) == ["pikepdf"]


def test_spec_is_python_and_names_both_programs() -> None:
    tree = ast.parse((PACKAGING / "redactor.spec").read_text(encoding="utf-8"))
    names = {
        kw.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EXE"
        for kw in node.keywords
        if kw.arg == "name" and isinstance(kw.value, ast.Constant)
    }
    assert names == {"redactor", "redactor-gui"}


def test_installer_is_per_user_and_keeps_user_data() -> None:
    iss = (PACKAGING / "windows" / "redactor.iss").read_text(encoding="utf-8")
    lines = [
        line.strip()
        for line in iss.splitlines()
        if line.strip() and not line.strip().startswith(";")
    ]
    assert "PrivilegesRequired=lowest" in lines
    assert not any(line.startswith("Root: HKLM") for line in lines)
    assert all("Root: HKA" in line for line in lines if line.startswith("Root:"))
    assert "[UninstallDelete]" not in lines  # never delete anything the installer did not put there
    assert any(line.startswith('Name: "{autoprograms}') for line in lines)
    assert any('Subkey: "Software\\Classes\\.redactor"' in line for line in lines)


def _fake_bundle(root: Path) -> Path:
    """A bundle shaped like the real one, with shell scripts for the two programs."""
    bundle = root / "redactor"
    bundle.mkdir()
    for exe in ("redactor", "redactor-gui"):
        (bundle / exe).write_text("#!/bin/sh\necho 'redactor, version 9.9.9'\n")
        (bundle / exe).chmod(0o755)
    (bundle / "_internal").mkdir()
    load("build").add_linux_integration(bundle, "9.9.9")
    return bundle


def test_install_sh_installs_into_home_and_uninstalls(tmp_path: Path) -> None:
    require_tool("sh")
    bundle = _fake_bundle(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    done = subprocess.run(
        ["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Redactor 9.9.9 is installed" in done.stdout
    share = home / ".local" / "share"
    dest = home / ".local" / "lib" / "redactor"
    assert (home / ".local" / "bin" / "redactor").resolve() == (dest / "redactor").resolve()
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{dest}/redactor-gui" %f' in desktop
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "mime" / "packages" / "redactor-mime.xml").is_file()
    user_case = home / "Documents" / "dossier.redactor"  # user data must survive uninstalling
    user_case.parent.mkdir()
    user_case.write_text("case")

    gone = subprocess.run(
        ["sh", str(dest / "uninstall.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert gone.returncode == 0, gone.stderr
    assert not dest.exists()
    assert not (home / ".local" / "bin" / "redactor").exists()
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))
    assert user_case.read_text() == "case"


@pytest.mark.parametrize("script", ["install.sh"])
def test_shell_scripts_parse(script: str) -> None:
    require_tool("sh")
    subprocess.run(["sh", "-n", str(LINUX / script)], check=True)
