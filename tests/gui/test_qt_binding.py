"""Guards against known-broken Qt bindings."""

from __future__ import annotations

import sys

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    changed = Signal(int)


def test_signal_emit_does_not_steal_a_reference_to_true() -> None:
    """PySide6 6.12.0's SignalInstance.emit() returns True without a reference: every emit from
    Python lowers True's reference count, and the GUI aborts after a few thousand signals
    ("Fatal Python error: bool_dealloc"). pyproject.toml must exclude such a version."""
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.changed.emit(1)
    assert sys.getrefcount(True) >= before - 5, (
        f"PySide6 {pyside_version} corrupts the reference count of True on every signal emit; "
        "install a different version (6.11.x works)"
    )
