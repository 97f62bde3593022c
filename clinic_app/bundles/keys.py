"""Bundle keys: the clinic key pair (X25519), the vault's signing key (Ed25519), the trusted clinic key.

The clinic's private key lives behind `_save_private_key` / `_load_private_key` only, so
where it is kept can change in one place (today: inside the encrypted database).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from clinic_app.crypto import envelope
from clinic_app.errors import ClinicError

KEY_FILE_FORMAT = "clinic-bundle-key"
KEY_FILE_VERSION = 1
KEY_FILE_SUFFIX = ".clinickey"

_CLINIC_PRIVATE = "bundle.clinic_private_key"
_CLINIC_PUBLIC = "bundle.clinic_public_key"
_SIGNING_PRIVATE = "bundle.signing_private_key"
_TRUSTED_PUBLIC = "bundle.trusted_clinic_key"
_TRUSTED_NAME = "bundle.trusted_clinic_name"


class BundleKeyError(ClinicError):
    """A key file that is not one, or does not match the fingerprint the person was told."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_id(public_key: bytes) -> str:
    """The full fingerprint written into every bundle's header (hex SHA-256)."""
    return hashlib.sha256(b"clinic-bundle-key|" + public_key).hexdigest()


def fingerprint(public_key: bytes) -> str:
    """80 bits in base32, four groups of four: short enough to read aloud on the phone."""
    text = base64.b32encode(bytes.fromhex(key_id(public_key))[:10]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def normalise_fingerprint(text: str) -> str:
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


@dataclass(frozen=True)
class ClinicKey:
    public_key: bytes
    clinic_name: str
    vault_id: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def to_bytes(self) -> bytes:
        doc = {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "clinic_name": self.clinic_name,
            "vault_id": self.vault_id,
            "public_key": b64(self.public_key),
            "fingerprint": self.fingerprint,
        }
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> "ClinicKey":
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT:
                raise ValueError("format")
            if doc.get("version") != KEY_FILE_VERSION:
                raise BundleKeyError("bundle_key.version")
            key = cls(unb64(doc["public_key"]), str(doc.get("clinic_name", "")), str(doc.get("vault_id", "")))
            if len(key.public_key) != 32:
                raise ValueError("length")
        except BundleKeyError:
            raise
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise BundleKeyError("bundle_key.not_a_key") from exc
        if normalise_fingerprint(str(doc.get("fingerprint", ""))) != key.fingerprint:
            raise BundleKeyError("bundle_key.damaged")
        return key


# -- storage inside the vault ---------------------------------------------------------------


def _meta(session, key: str) -> str:
    return session.meta(key)


def _set_meta(session, key: str, value: str) -> None:
    with session.db.transaction() as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _save_private_key(session, private_key: bytes) -> None:
    """The one place that stores the clinic's bundle private key (switch here to role-sealed slots)."""
    _set_meta(session, _CLINIC_PRIVATE, b64(private_key))


def _load_private_key(session) -> bytes | None:
    """The one place that reads it back; None when this vault has no clinic key."""
    stored = _meta(session, _CLINIC_PRIVATE)
    return unb64(stored) if stored else None


def clinic_public_key(session) -> bytes | None:
    stored = _meta(session, _CLINIC_PUBLIC)
    return unb64(stored) if stored else None


def ensure_clinic_key(session) -> tuple[bytes, bool]:
    """This vault's clinic public key, made on first use. Returns (public key, created now)."""
    existing = clinic_public_key(session)
    if existing is not None:
        return existing, False
    private_key, public_key = envelope.new_keypair()
    with session.db.transaction():
        _save_private_key(session, private_key)
        _set_meta(session, _CLINIC_PUBLIC, b64(public_key))
    return public_key, True


def clinic_private_key(session) -> bytes | None:
    return _load_private_key(session)


def signing_key(session) -> Ed25519PrivateKey:
    """The vault's own Ed25519 key that signs every bundle it sends, made on first use."""
    stored = _meta(session, _SIGNING_PRIVATE)
    if stored:
        return Ed25519PrivateKey.from_private_bytes(unb64(stored))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    _set_meta(session, _SIGNING_PRIVATE, b64(raw))
    return key


def trusted_clinic_key(session) -> ClinicKey | None:
    stored = _meta(session, _TRUSTED_PUBLIC)
    if not stored:
        return None
    return ClinicKey(unb64(stored), _meta(session, _TRUSTED_NAME), "")


def set_trusted_clinic_key(session, key: ClinicKey) -> None:
    with session.db.transaction():
        _set_meta(session, _TRUSTED_PUBLIC, b64(key.public_key))
        _set_meta(session, _TRUSTED_NAME, key.clinic_name)
