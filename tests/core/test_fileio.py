"""Atomic writes: all or nothing, owner-only, no temp file left behind."""

import pytest

from clinic_app.fileio import TEMP_PREFIX, atomic_output, atomic_write, remove_stale_temp_files


def test_atomic_write_replaces_whole_and_is_private(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    atomic_write(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert target.stat().st_mode & 0o777 == 0o600
    assert list(tmp_path.iterdir()) == [target]


def test_a_failure_mid_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as handle:
            handle.write(b"partial")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_stale_temp_files_are_cleaned(tmp_path):
    (tmp_path / f"{TEMP_PREFIX}abc").write_bytes(b"x")
    (tmp_path / "keep.txt").write_bytes(b"y")
    assert remove_stale_temp_files(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
