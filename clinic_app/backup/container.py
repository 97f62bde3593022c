"""The backup file: one SQLCipher 4 database keyed from the backup passphrase.

There is no separate header or sidecar. SQLCipher keeps a 16-byte salt in plaintext at the
start of every database file; we choose those bytes ourselves and give them a shape:

    bytes 0-3   b"CIBK"   says "Clinic Intake backup" before any key is tried
    byte  4     container version (2; 1 is still read)
    byte  5     KDF profile (which frozen Argon2id parameters derived the key)
    bytes 6-15  random

The whole 16 bytes are the Argon2id salt, and SQLCipher gets the derived 256-bit key as a
raw key with this explicit salt. So a backup is readable in place (no unpacking), every
byte after the salt is encrypted and authenticated per page, and a file that is not a
backup is told apart from a wrong passphrase. The container version fixes the SQLCipher
settings: version 1 used SQLCipher 4's defaults (HMAC-SHA512); version 2 authenticates
pages with HMAC-SHA256, which laptop CPUs compute in hardware (SHA-NI, ARMv8 SHA2) and
SHA-512 they do not, so making and checking a backup costs less. A raw key means no
PBKDF2 runs (kdf_iter does not apply), and the page size is the vault's (SQLite's backup
copies pages as they are).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import sqlcipher3.dbapi2 as sqlcipher

from clinic_app.crypto.kdf import KdfParams, derive_key
from clinic_app.errors import AuthenticationFailed, ClinicError, SchemaTooNew, ValidationError

MAGIC = b"CIBK"
CONTAINER_VERSION = 2
# Per container version: SQLCipher settings given after the key, before the first page is read.
CIPHER_SETTINGS: dict[int, dict[str, str]] = {
    1: {},
    2: {"cipher_hmac_algorithm": "HMAC_SHA256"},
}
SALT_BYTES = 16
PAGE_SIZE = 4096  # SQLCipher 4 default; a whole backup is a multiple of it
FILE_SUFFIX = ".clinicbackup"
MIN_PASSPHRASE_LENGTH = 12

# Frozen per id: a profile never changes once backups exist with it; stronger ones get new ids.
KDF_PROFILES: dict[int, KdfParams] = {
    1: KdfParams(algorithm="argon2id", version=1, time_cost=3, memory_kib=262144, parallelism=2),
    0x7F: KdfParams(algorithm="argon2id", version=1, time_cost=1, memory_kib=1024, parallelism=1),  # tests only
}
DEFAULT_PROFILE = 1
TEST_PROFILE = 0x7F


class BackupError(ClinicError):
    """A backup could not be made, read or restored."""


class NotABackup(BackupError):
    pass


class BackupDamaged(BackupError):
    pass


class WrongBackupPassphrase(AuthenticationFailed):
    pass


class BackupTooNew(SchemaTooNew):
    pass


def check_passphrase(passphrase: str) -> None:
    """Refuse an empty or short passphrase instead of writing a weak backup."""
    if len(passphrase or "") < MIN_PASSPHRASE_LENGTH:
        raise ValidationError("backup.passphrase_too_short", minimum=MIN_PASSPHRASE_LENGTH)


def profile_for_new_backups() -> int:
    from clinic_app.crypto.kdf import TEST_KDF_ENV

    return TEST_PROFILE if os.environ.get(TEST_KDF_ENV) == "1" else DEFAULT_PROFILE


@dataclass(frozen=True)
class BackupKey:
    """The salt that starts the file and the key derived from the passphrase with it."""

    salt: bytes
    key: bytes

    @property
    def profile(self) -> int:
        return self.salt[5]

    @property
    def cipher_settings(self) -> dict[str, str]:
        return CIPHER_SETTINGS[self.salt[4]]

    def key_pragma(self, new_file: bool = False) -> str:
        """A new file takes its salt from the key; an existing one is read from its first bytes."""
        return f"PRAGMA key = \"x'{self.key.hex()}{self.salt.hex() if new_file else ''}'\""

    def to_json(self) -> dict:
        return {"salt": self.salt.hex(), "key": self.key.hex()}

    @classmethod
    def from_json(cls, data: dict) -> "BackupKey":
        return cls(bytes.fromhex(data["salt"]), bytes.fromhex(data["key"]))


def new_backup_key(passphrase: str, profile: int | None = None) -> BackupKey:
    check_passphrase(passphrase)
    profile = profile_for_new_backups() if profile is None else profile
    salt = MAGIC + bytes([CONTAINER_VERSION, profile]) + os.urandom(SALT_BYTES - 6)
    return BackupKey(salt, derive_key(passphrase.encode("utf-8"), salt, KDF_PROFILES[profile]))


def read_salt(path: Path) -> bytes:
    """The first 16 bytes, checked for shape; raises NotABackup / BackupDamaged."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except IsADirectoryError:
        raise NotABackup("backup.is_a_folder", file=path.name) from None
    except FileNotFoundError:
        raise BackupError("backup.no_such_file", path=str(path)) from None
    if len(salt) < SALT_BYTES or not salt.startswith(MAGIC):
        raise NotABackup("backup.not_a_backup", file=path.name)
    if salt[4] > CONTAINER_VERSION:
        raise BackupTooNew("backup.made_by_newer_app", file=path.name)
    if salt[4] not in CIPHER_SETTINGS or salt[5] not in KDF_PROFILES:
        raise BackupDamaged("backup.damaged_header", file=path.name)
    if size % PAGE_SIZE:
        raise BackupDamaged("backup.incomplete", file=path.name)
    return salt


def key_for_file(path: Path, passphrase: str | BackupKey) -> BackupKey:
    """The key that should open `path`: derived from its salt, or a stored key for that salt."""
    salt = read_salt(path)
    if isinstance(passphrase, BackupKey):
        if passphrase.salt != salt:
            raise WrongBackupPassphrase("backup.stored_key_does_not_open")
        return passphrase
    return BackupKey(salt, derive_key(passphrase.encode("utf-8"), salt, KDF_PROFILES[salt[5]]))


def connect(path: Path, key: BackupKey, read_only: bool, new_file: bool = False) -> sqlcipher.Connection:
    """A keyed connection with its version's settings, SQLCipher's own error logging off
    (the CLI prints one line)."""
    uri = f"{Path(path).absolute().as_uri()}?mode={'ro' if read_only else 'rw'}"
    conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(key.key_pragma(new_file))
    for name, value in key.cipher_settings.items():
        conn.execute(f"PRAGMA {name} = {value}")
    return conn


def open_backup(path: Path, passphrase: str | BackupKey) -> tuple[sqlcipher.Connection, BackupKey]:
    """Open a backup read-only; raises NotABackup, BackupDamaged or WrongBackupPassphrase."""
    path = Path(path)
    key = key_for_file(path, passphrase)
    conn = connect(path, key, read_only=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise WrongBackupPassphrase("backup.wrong_passphrase") from None
    return conn, key


def db_adapter(conn: sqlcipher.Connection):
    """What AuditLog.verify needs (`lock`, `conn`) around a plain connection."""
    return SimpleNamespace(conn=conn, lock=threading.RLock())
