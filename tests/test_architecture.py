"""The layering that ARCHITECTURE.md promises, checked: Qt stays out of the core."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = ["core", "store", "pdf", "export", "detect", "app", "cli"]


def _core_modules() -> list[str]:
    names = []
    for package in CORE_PACKAGES:
        base = ROOT / "redactor" / package
        if base.is_file() or (base.with_suffix(".py")).is_file():
            names.append(f"redactor.{package}")
            continue
        for path in sorted(base.rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            if "migrations" in rel.parts:
                continue
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts.pop()
            names.append(".".join(parts))
    return names


def test_core_imports_with_qt_unavailable() -> None:
    """Every non-GUI module imports in a Python where PySide6 cannot be imported at all."""
    modules = _core_modules()
    assert "redactor.store.case_store" in modules  # the scan found the real tree
    script = textwrap.dedent(
        f"""
        import importlib, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("Qt is not installed here")
                return None

        sys.meta_path.insert(0, BlockQt())
        for name in {modules!r}:
            importlib.import_module(name)
        leaked = [m for m in sys.modules if m.startswith(("PySide6", "redactor.gui"))]
        assert not leaked, leaked
        print("ok", len({modules!r}))
        """
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")


def test_import_contracts() -> None:
    """import-linter's contracts in pyproject.toml (Qt only in gui/, layers point down)."""
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail(
            "lint-imports is not installed; install the test extras: pip install -e '.[test]'"
        )
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
