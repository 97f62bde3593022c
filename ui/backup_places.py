"""Where to suggest putting a backup: a removable drive when one is mounted, never silently
the disk the vault lives on (a backup there dies with that disk)."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

# Where Linux desktops mount USB drives and SD cards (udisks2: /media/$USER on Debian and
# Ubuntu, /run/media/$USER on Fedora and Arch).
MOUNT_PARENTS = ("/media/{user}", "/run/media/{user}")


def removable_folders(user: str | None = None, parents: tuple[str, ...] = MOUNT_PARENTS) -> list[Path]:
    """Writable mounted drives under the usual mount folders, by name."""
    try:
        user = user or getpass.getuser()
    except (KeyError, OSError):
        return []
    found = []
    for parent in parents:
        folder = Path(parent.format(user=user))
        try:
            entries = sorted(p for p in folder.iterdir() if p.is_dir())
        except OSError:
            continue
        found += [p for p in entries if os.access(p, os.W_OK)]
    return found


def same_disk(path: str | Path, other: str | Path) -> bool:
    """Whether `path` (or the nearest folder of it that exists) is on the same device as `other`."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return probe.stat().st_dev == Path(other).stat().st_dev
    except OSError:
        return False


def suggested_folder(saved: str, user: str | None = None) -> Path:
    """The folder the user chose before, else the first removable drive, else home."""
    if saved:
        return Path(saved)
    drives = removable_folders(user)
    return drives[0] if drives else Path.home()
