"""Finding the resources folder: inside the installed package first, else the source checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.core.errors import RedactorError
from redactor.core.resources import _pick_root, resource_path


def test_resource_path_finds_the_catalogs() -> None:
    woo = resource_path("catalogs", "woo.toml")
    assert woo.is_file()
    assert 'id = "woo"' in woo.read_text(encoding="utf-8")


def test_installed_resources_win_over_the_checkout(tmp_path: Path) -> None:
    installed = tmp_path / "site-packages" / "redactor" / "resources"
    checkout = tmp_path / "checkout" / "resources"
    installed.mkdir(parents=True)
    checkout.mkdir(parents=True)
    assert _pick_root(installed, checkout) == installed


def test_checkout_is_used_when_the_package_has_no_resources(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout" / "resources"
    checkout.mkdir(parents=True)
    assert _pick_root(tmp_path / "redactor" / "resources", checkout) == checkout


def test_missing_resources_give_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RedactorError, match="data folder is missing"):
        _pick_root(tmp_path / "a", tmp_path / "b")
