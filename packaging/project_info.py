"""Names and the version shared by the packaging scripts and the PyInstaller spec.

The version has one source, ``redactor/__init__.py``; it is read from the file text so that
building never has to import the application.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP_NAME = "Redactor"
APP_ID = "nl.redactor.Redactor"  # reverse-DNS id: desktop file, metainfo, icon name
MIME_TYPE = "application/x-redactor-case"
CONSOLE_EXE = "redactor"  # redactor.cli:main
GUI_EXE = "redactor-gui"  # redactor.cli:gui_main (no console window on Windows)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest size an .ico may hold


def read_version(repo: Path = REPO) -> str:
    """``__version__`` from redactor/__init__.py, without importing the package."""
    source = (repo / "redactor" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise RuntimeError("redactor/__init__.py has no literal __version__ = '...'")


def icon_png(size: int, repo: Path = REPO) -> Path:
    return repo / "resources" / "icons" / f"redactor-{size}.png"
