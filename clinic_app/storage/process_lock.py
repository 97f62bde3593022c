"""One writer per vault: OS file locks held while a session is open.

Two locks, both advisory and released by the OS when the process dies (even `kill -9`):
- `vault.lock`, taken before the database exists (vault creation, restore staging);
- the database file itself (`vault.db`), so deleting `vault.lock` never admits a second
  writer. POSIX: `flock` on its own descriptor, which is independent of the byte-range
  `fcntl` locks SQLite takes on the same file. Windows: one byte far past any page SQLite
  reads (Windows byte locks are mandatory, so it must not cover real data).
"""

from __future__ import annotations

import os
from pathlib import Path

from clinic_app.errors import VaultInUse
from clinic_app.paths import VAULT_DB_NAME

LOCK_NAME = "vault.lock"
DB_NAME = VAULT_DB_NAME
_WINDOWS_LOCK_OFFSET = 1 << 46  # beyond any database SQLite can write (max 2**44 bytes of pages)


def _lock_fd(fd: int, offset: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, offset, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_fd(fd: int, offset: int) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, offset, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class ProcessLock:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._fd: int | None = None
        self._db_fd: int | None = None

    def _take(self, path: Path, offset: int, create: bool) -> int:
        flags = os.O_RDWR | (os.O_CREAT if create else 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags, 0o600)
        try:
            _lock_fd(fd, offset)
        except OSError as exc:
            os.close(fd)
            raise VaultInUse("vault.in_use") from exc
        return fd

    def acquire(self) -> None:
        """Both locks (the database's only if the database exists yet)."""
        self._fd = self._take(self.path, 0, create=True)
        try:
            self.hold_database()
        except BaseException:
            _unlock_fd(self._fd, 0)
            self._fd = None
            raise

    def hold_database(self) -> None:
        """Lock `vault.db`; called again once a new vault's database has been created."""
        db_path = self.folder / DB_NAME
        if self._db_fd is None and db_path.exists():
            self._db_fd = self._take(db_path, _WINDOWS_LOCK_OFFSET, create=False)

    def release(self) -> None:
        try:
            if self._db_fd is not None:
                _unlock_fd(self._db_fd, _WINDOWS_LOCK_OFFSET)
        finally:
            self._db_fd = None
            if self._fd is not None:
                try:
                    _unlock_fd(self._fd, 0)
                finally:
                    self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
