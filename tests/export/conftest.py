"""Fixtures for the export tests: real small and read-only file systems (tmpfs mounts)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import skip_or_fail


def _mount(target: Path, options: str) -> None:
    if os.name != "posix" or shutil.which("mount") is None:
        skip_or_fail("a tmpfs mount is needed for a real full or read-only disk (POSIX only)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        # Mounting needs root (or CAP_SYS_ADMIN). Without it there is no honest full disk.
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode})")


def _umount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """`small_disk(kib)` -> a folder on a real tmpfs of that size (skips if mounting fails)."""
    mounted: list[Path] = []

    def make(kib: int) -> Path:
        target = tmp_path / f"disk{len(mounted)}"
        target.mkdir()
        _mount(target, f"size={kib}k,mode=0755")
        mounted.append(target)
        return target

    yield make
    for target in mounted:
        _umount(target)


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write into: a read-only tmpfs as root, chmod 0555 otherwise."""
    target = tmp_path / "readonly"
    target.mkdir()
    if os.name == "posix" and os.geteuid() == 0:
        _mount(target, "ro,size=64k")
        yield target
        _umount(target)
    else:
        target.chmod(0o555)
        yield target
        target.chmod(0o755)
