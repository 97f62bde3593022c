""""Restore over this vault" swaps two folders; a kill part-way is settled at the next open.

The swap (`lifecycle.restore_over_this_vault`) writes a marker beside the vault folder
(`<vault>.restore-swap.json`: the side name the old vault goes to and the restore's temp
folder), renames the vault folder to its side name, renames the restored vault into place,
opens it, and deletes the marker. A kill leaves the marker; `settle` reads it, with what is on
disk, before the vault is opened or a new one offered:

- the old vault still in place (killed before the first rename): the temp folder is removed;
- no vault in place, the old one under its side name (killed between the renames): it is put
  back (rolled back, not forward: the restored vault's recovery key was never shown, and the
  restore never said it was done), the temp folder removed;
- the restored vault in place (killed while it was being opened): the swap is done, but its
  new recovery key was never shown.

Each is said once (the marker goes): a `Finding` the CLI and the app word. The marker holds
names only; a planted one can at most move a folder the marker's own names point to, beside
the vault, back to the vault's empty place.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.paths import vault_exists

if TYPE_CHECKING:
    from clinic_app.findings import Finding

# The app's start settles before the unlock screen: the rest is imported only when a marker is there.
MARKER_SUFFIX = ".restore-swap.json"
SIDE_INFIX = ".before-restore-"
RESTORE_TEMP_PREFIX = ".clinic-tmp-" + "restore-"  # fileio.TEMP_PREFIX (tests/core/test_restore_over_kill.py)


def marker_path(folder: Path) -> Path:
    return folder.parent / (folder.name + MARKER_SUFFIX)


def side_name(folder: Path, stamp: str) -> Path:
    return folder.with_name(f"{folder.name}{SIDE_INFIX}{stamp}")


_swapping: set[Path] = set()  # this process's own swaps under way: nothing to settle there


def begin(folder: Path, old_copy: Path, staging: Path) -> None:
    """Before the first rename: what a kill from here on leaves to settle."""
    from clinic_app.fileio import atomic_write

    _swapping.add(folder)
    atomic_write(marker_path(folder), json.dumps({"old_copy": old_copy.name, "staging": staging.name}).encode())


def end(folder: Path) -> None:
    from clinic_app.fileio import fsync_dir

    marker_path(folder).unlink(missing_ok=True)
    fsync_dir(folder.parent)
    forget(folder)


def forget(folder: Path) -> None:
    """This process's swap is over (done, or left to `settle` by an error)."""
    _swapping.discard(folder)


def settle(folder: str | os.PathLike) -> Finding | None:
    """Finish or roll back a swap a kill interrupted; what was done, or None if nothing was."""
    folder = Path(folder).absolute()
    if folder in _swapping:
        return None
    marker = marker_path(folder)
    try:
        names = json.loads(marker.read_bytes())
        old_copy, staging = folder.parent / names["old_copy"], folder.parent / names["staging"]
        if not (names["old_copy"].startswith(folder.name + SIDE_INFIX) and names["staging"].startswith(RESTORE_TEMP_PREFIX)):
            raise ValueError
        if any(sep in names["old_copy"] + names["staging"] for sep in ("/", "\\")) or ".." in names["old_copy"] + names["staging"]:
            raise ValueError
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        marker.unlink(missing_ok=True)  # not ours to act on; nothing was moved by it
        return None
    import shutil

    from clinic_app.fileio import fsync_dir
    from clinic_app.findings import Finding
    from clinic_app.translation import _

    if vault_exists(folder):
        finding = None
        if staging.exists():  # killed before the first rename: the old vault never moved
            shutil.rmtree(staging, ignore_errors=True)
            finding = rolled_back()
        elif old_copy.exists():
            finding = Finding(
                "restore.key_not_shown",
                _("a restore over this vault was interrupted as it ended: the restored vault is in place (the previous one is kept "
                  "as {previous}), but its new recovery key was never shown").format(previous=old_copy.name),
                previous=old_copy.name,
            )
    elif vault_exists(old_copy) and not (folder.exists() and any(folder.iterdir())):  # killed between the renames
        if folder.exists():
            folder.rmdir()
        os.rename(old_copy, folder)
        fsync_dir(folder.parent)
        shutil.rmtree(staging, ignore_errors=True)
        finding = rolled_back()
    else:
        return None  # neither in place: leave the marker and the folders for a person to look at
    end(folder)
    return finding


def rolled_back() -> Finding:
    from clinic_app.findings import Finding
    from clinic_app.translation import _

    return Finding("restore.rolled_back", _("a restore over this vault was interrupted; the vault is as it was before that restore"))
