"""Find Redactor's data files (ground catalogs, translations, icons).

The files live in the repository's top-level resources/ folder. An installed wheel (or a
frozen build) carries them inside the package as redactor/resources; a source checkout or an
editable install has only the top-level folder. We look in the package first, so an
installed copy never picks up some unrelated folder next to it.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from redactor.core.errors import RedactorError

log = logging.getLogger(__name__)

# redactor/core/resources.py -> the repository root is three levels up.
_CHECKOUT_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resources_root() -> Traversable:
    """The folder that holds catalogs/, translations/ and icons/."""
    return _pick_root(files("redactor") / "resources", _CHECKOUT_RESOURCES)


def resource_path(*parts: str) -> Traversable:
    """A file or folder under the resources root, e.g. resource_path("catalogs", "woo.toml")."""
    path = resources_root()
    for part in parts:  # Traversable.joinpath takes one segment on Python 3.11
        path = path / part
    return path


def _pick_root(installed: Traversable, checkout: Traversable) -> Traversable:
    if installed.is_dir():
        return installed
    if checkout.is_dir():
        log.debug("using resources from the source checkout: %s", checkout)
        return checkout
    raise RedactorError(
        "Redactor's data folder is missing (looked in {installed} and {checkout}); "
        "the installation is incomplete, please reinstall.",
        installed=str(installed),
        checkout=str(checkout),
    )
