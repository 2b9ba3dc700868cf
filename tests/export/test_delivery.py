"""Delivery: safe names, the staging folder, atomic moves, overwrite rules, full and read-only disks."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from redactor.core.errors import ExportError
from redactor.export import delivery
from redactor.export.delivery import MANIFEST_NAME, Staging, safe_file_name


def _names(taken: set[str] | None = None, *names: str) -> list[str]:
    taken = set() if taken is None else taken
    return [safe_file_name(n, taken, fallback="document-1") for n in names]


class TestSafeFileName:
    def test_keeps_an_ordinary_name(self) -> None:
        assert _names(None, "Besluit Woo-verzoek 2024.pdf") == ["Besluit Woo-verzoek 2024.pdf"]

    def test_drops_directories_of_every_platform(self) -> None:
        assert _names(None, "../../etc/passwd", "C:\\Users\\x\\..\\brief.PDF") == [
            "passwd.pdf",
            "brief.pdf",
        ]

    def test_replaces_characters_windows_refuses(self) -> None:
        (name,) = _names(None, 'a<b>c:d"e|f?g*h\x01.pdf')
        assert name == "a_b_c_d_e_f_g_h_.pdf"

    def test_reserved_windows_names_and_dots(self) -> None:
        assert _names(None, "CON.pdf", "lpt1.report.pdf", " .hidden. .pdf", "...") == [
            "_CON.pdf",
            "_lpt1.report.pdf",
            "hidden.pdf",
            "document-1.pdf",
        ]

    def test_unique_without_regard_to_case(self) -> None:
        taken = {"manifest.json"}
        assert _names(taken, "Brief.pdf", "brief.PDF", "BRIEF", "brief (2).pdf") == [
            "Brief.pdf",
            "brief (2).pdf",
            "BRIEF (3).pdf",
            "brief (2) (2).pdf",
        ]

    def test_long_names_fit_every_file_system(self) -> None:
        (name,) = _names(None, "é" * 300 + ".pdf")
        assert name.endswith(".pdf")
        assert len(name.encode("utf-8")) <= 255
        assert "\ufffd" not in name  # cut on a character, not inside one


class TestRefuseExisting:
    def test_empty_folder_is_fine(self, tmp_path: Path) -> None:
        delivery.refuse_existing(tmp_path, ["a.pdf"], overwrite=False)

    @pytest.mark.parametrize("present", [MANIFEST_NAME, "a.pdf"])
    def test_refuses_an_earlier_export_unless_overwriting(
        self, tmp_path: Path, present: str
    ) -> None:
        (tmp_path / present).write_text("x")
        with pytest.raises(ExportError, match=r"already holds an export \(.*" + present):
            delivery.refuse_existing(tmp_path, ["a.pdf"], overwrite=False)
        delivery.refuse_existing(tmp_path, ["a.pdf"], overwrite=True)

    def test_a_folder_in_the_way_is_refused_even_when_overwriting(self, tmp_path: Path) -> None:
        (tmp_path / "a.pdf").mkdir()
        with pytest.raises(ExportError, match=r"holds a folder named a\.pdf"):
            delivery.refuse_existing(tmp_path, ["a.pdf"], overwrite=True)


class TestOutdir:
    def test_creates_a_missing_folder(self, tmp_path: Path) -> None:
        assert delivery.prepare_outdir(tmp_path / "new" / "out") is True
        assert (tmp_path / "new" / "out").is_dir()
        assert delivery.prepare_outdir(tmp_path / "new" / "out") is False

    def test_a_file_is_not_a_folder(self, tmp_path: Path) -> None:
        (tmp_path / "f").write_text("x")
        with pytest.raises(ExportError, match="is a file, not a folder"):
            delivery.prepare_outdir(tmp_path / "f")
        with pytest.raises(ExportError, match="cannot be created"):
            delivery.prepare_outdir(tmp_path / "f" / "sub")

    def test_read_only_folder_is_refused(self, read_only_dir: Path) -> None:
        with pytest.raises(ExportError, match=r"cannot be written to .*choose a folder"):
            Staging(read_only_dir)
        assert list(read_only_dir.iterdir()) == []


class TestStaging:
    def _stage(self, outdir: Path, files: dict[str, bytes]) -> Staging:
        staging = Staging(outdir)
        for name, data in files.items():
            staging.write(name, data)
        return staging

    def test_is_hidden_inside_the_output_folder(self, tmp_path: Path) -> None:
        staging = Staging(tmp_path)
        assert staging.path.parent == tmp_path
        assert staging.path.name.startswith(".redactor-export-staging-")
        staging.discard()
        assert not staging.path.exists()

    def test_delivers_everything_and_leaves_no_staging(self, tmp_path: Path) -> None:
        staging = self._stage(tmp_path, {"a.pdf": b"A", "b.pdf": b"B", MANIFEST_NAME: b"{}"})
        staging.deliver(["a.pdf", "b.pdf"], overwrite=False)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", MANIFEST_NAME]
        assert (tmp_path / "b.pdf").read_bytes() == b"B"

    def test_refuses_to_deliver_without_a_manifest(self, tmp_path: Path) -> None:
        staging = self._stage(tmp_path, {"a.pdf": b"A"})
        with pytest.raises(ExportError, match=r"manifest.json was not written"):
            staging.deliver(["a.pdf"], overwrite=False)
        assert not (tmp_path / "a.pdf").exists()

    def test_overwrite_replaces_the_previous_export_and_its_leftovers(self, tmp_path: Path) -> None:
        old = {"a.pdf": b"old A", "gone.pdf": b"old", "inventarislijst.csv": b"old"}
        for name, data in old.items():
            (tmp_path / name).write_bytes(data)
        (tmp_path / MANIFEST_NAME).write_text(
            json.dumps(
                {
                    "documents": [{"output_file": "a.pdf"}, {"output_file": "gone.pdf"}],
                    "records": {"inventarislijst.csv": "x"},
                }
            )
        )
        (tmp_path / "mine.txt").write_text("not part of any export")
        staging = self._stage(tmp_path, {"a.pdf": b"new A", MANIFEST_NAME: b"{}"})
        staging.deliver(["a.pdf"], overwrite=True)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", MANIFEST_NAME, "mine.txt"]
        assert (tmp_path / "a.pdf").read_bytes() == b"new A"

    def test_a_crafted_old_manifest_cannot_delete_other_files(self, tmp_path: Path) -> None:
        outside = tmp_path / "outside.txt"
        outside.write_text("keep")
        outdir = tmp_path / "out"
        (outdir / "sub").mkdir(parents=True)
        (outdir / "sub" / "x.pdf").write_text("keep")
        (outdir / MANIFEST_NAME).write_text(
            json.dumps(
                {
                    "documents": [
                        {"output_file": "../outside.txt"},
                        {"output_file": str(outside)},
                        {"output_file": "sub/x.pdf"},
                        {"output_file": "sub"},
                    ],
                    "records": ["not", "a", "dict"],
                }
            )
        )
        assert delivery.previous_export_files(outdir) == set()
        staging = self._stage(outdir, {"a.pdf": b"A", MANIFEST_NAME: b"{}"})
        staging.deliver(["a.pdf"], overwrite=True)
        assert outside.read_text() == "keep"
        assert (outdir / "sub" / "x.pdf").read_text() == "keep"

    def test_a_failed_move_puts_the_previous_export_back(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "a.pdf").write_bytes(b"old A")
        (tmp_path / MANIFEST_NAME).write_text(json.dumps({"documents": [{"output_file": "a.pdf"}]}))
        staging = self._stage(
            tmp_path, {"a.pdf": b"new A", "b.pdf": b"new B", MANIFEST_NAME: b"{}"}
        )
        real_replace = os.replace

        def failing_replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
            # The file system gives up just before the new manifest would go into place.
            if Path(dst) == tmp_path / MANIFEST_NAME and Path(src).parent == staging.path:
                raise OSError(errno.EIO, "Input/output error")
            real_replace(src, dst)

        monkeypatch.setattr(delivery.os, "replace", failing_replace)
        with pytest.raises(ExportError, match="nothing was exported and the previous export"):
            staging.deliver(["a.pdf", "b.pdf"], overwrite=True)
        monkeypatch.undo()
        staging.discard()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", MANIFEST_NAME]
        assert (tmp_path / "a.pdf").read_bytes() == b"old A"


class TestDiskFull:
    def test_dev_full_gives_the_disk_full_sentence(self) -> None:
        if not Path("/dev/full").exists():
            pytest.skip("/dev/full exists on Linux only")
        with pytest.raises(ExportError) as caught:
            delivery.write_file(Path("/dev/full"), b"x" * 100_000)
        assert str(caught.value) == "The disk is full while writing full; nothing was exported."

    def test_a_full_tmpfs_gives_the_disk_full_sentence(
        self, small_disk: Callable[[int], Path]
    ) -> None:
        outdir = small_disk(64)
        staging = Staging(outdir)
        with pytest.raises(ExportError, match=r"^The disk is full while writing big\.pdf; nothing"):
            staging.write("big.pdf", os.urandom(200_000))
        staging.discard()
        assert list(outdir.iterdir()) == []

    def test_other_write_errors_name_the_file(self, tmp_path: Path) -> None:
        with pytest.raises(ExportError, match=r"Could not write x\.pdf in .*nothing was exported"):
            delivery.write_file(tmp_path / "missing" / "x.pdf", b"x")
