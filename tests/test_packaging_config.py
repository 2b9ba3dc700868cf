"""pyproject.toml lists the packages explicitly; this keeps the list true to the tree."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "redactor").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    missing = {name for name in found if name not in listed}
    assert not missing, (
        f"add these to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    )


def test_resource_folders_are_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {f"redactor.resources.{p.name}" for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert folders <= listed, sorted(folders - listed)
