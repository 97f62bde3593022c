"""Atomic file writes: temp file in the same folder, mode 0600, fsync, replace."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".clinic-tmp-"


def fsync_file(path: str | os.PathLike) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; replace is durable enough there
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_output(path: str | os.PathLike, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces `path` in one step, on error nothing changes."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, mode)  # restrictive before any byte is written
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(folder)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: str | os.PathLike, data: bytes, mode: int = 0o600) -> None:
    with atomic_output(path, mode) as handle:
        handle.write(data)


def remove_stale_temp_files(folder: str | os.PathLike, prefix: str = TEMP_PREFIX) -> int:
    """Delete temp files a killed process left behind (they never carry plaintext)."""
    removed = 0
    base = Path(folder)
    if not base.is_dir():
        return 0
    for leftover in base.glob(prefix + "*"):
        leftover.unlink(missing_ok=True)
        removed += 1
    return removed
