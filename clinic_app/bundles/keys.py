"""Bundle keys: the clinic key pair (X25519), the vault's signing key (Ed25519), the trusted clinic key.

The clinic's private key is a role secret (clinic_app.role_secrets): sealed into the key
slots of attorneys and managers and the recovery slot only, so a paralegal's slot, with
any tool, cannot open bundles. Its public half and the rest live in the vault's meta table.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from clinic_app import role_secrets
from clinic_app.crypto.base64_text import b64, unb64
from clinic_app.errors import ClinicError

KEY_FILE_FORMAT = "clinic-bundle-key"
KEY_FILE_VERSION = 1
KEY_FILE_SUFFIX = ".clinickey"
LAPTOP_KEY_FILE_FORMAT = "clinic-laptop-key"
LAPTOP_KEY_FILE_SUFFIX = ".laptopkey"

CLINIC_KEY_SECRET = role_secrets.BUNDLE_CLINIC_KEY  # declared with its roles in role_secrets.SECRETS
_CLINIC_PUBLIC = "bundle.clinic_public_key"
_SIGNING_PRIVATE = "bundle.signing_private_key"
_TRUSTED_PUBLIC = "bundle.trusted_clinic_key"
_TRUSTED_NAME = "bundle.trusted_clinic_name"


class BundleKeyError(ClinicError):
    """A key file that is not one, or does not match the fingerprint the person was told."""


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
    """The clinic's public bundle key as the file field laptops trust (`bundle key`)."""

    FORMAT = KEY_FILE_FORMAT

    public_key: bytes
    clinic_name: str
    vault_id: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def to_bytes(self) -> bytes:
        doc = {
            "format": self.FORMAT,
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
            if not isinstance(doc, dict) or doc.get("format") != cls.FORMAT:
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

    def check_fingerprint(self, expected: str | None) -> None:
        """Refuse the key unless it has the fingerprint the person was told (when they give one)."""
        if expected is not None and normalise_fingerprint(expected) != self.fingerprint:
            raise BundleKeyError("bundle_key.fingerprint_mismatch", fingerprint=self.fingerprint)


class LaptopKey(ClinicKey):
    """A field laptop's public signing key, as the file its clinic's manager enrols (`bundle
    enrol`): the same shape as the clinic key file, another format, so neither passes for the other."""

    FORMAT = LAPTOP_KEY_FILE_FORMAT

    @classmethod
    def from_bytes(cls, data: bytes) -> "LaptopKey":
        try:
            return super().from_bytes(data)
        except BundleKeyError as exc:  # the same checks; words that name the laptop's file
            if exc.code == "bundle_key.not_a_key":
                raise BundleKeyError("bundle_key.not_a_laptop_key") from exc
            if exc.code == "bundle_key.damaged":
                raise BundleKeyError("bundle_key.laptop_key_damaged") from exc
            raise


# -- storage inside the vault ---------------------------------------------------------------


def _meta(session, key: str) -> str:
    return session.meta(key)


def _set_meta(session, key: str, value: str) -> None:
    with session.db.transaction() as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def public_of(private_key: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def clinic_public_key(session) -> bytes | None:
    stored = _meta(session, _CLINIC_PUBLIC)
    return unb64(stored) if stored else None


def clinic_private_key(session) -> bytes | None:
    """This user's copy of the clinic's private key; None when not held (yet)."""
    return role_secrets.secret(session, CLINIC_KEY_SECRET)


def clinic_key_held_by_someone(session) -> bool:
    """Whether any user's slot holds the private key (after a restore nobody may)."""
    return role_secrets.exists(session, CLINIC_KEY_SECRET)


def ensure_clinic_key(session, new: bool = False) -> tuple[bytes, bool]:
    """This vault's clinic public key, made on first use, on request (`new`), or anew when no
    holder has the private key any more. Returns (public key, created now). Attorneys and
    managers only."""
    existing = clinic_public_key(session)
    held = existing is not None and (clinic_private_key(session) is not None or clinic_key_held_by_someone(session))
    if held and not new:
        return existing, False
    public_key = public_of(role_secrets.create(session, CLINIC_KEY_SECRET))
    _set_meta(session, _CLINIC_PUBLIC, b64(public_key))
    return public_key, True


def signing_key(session) -> Ed25519PrivateKey:
    """The vault's own Ed25519 key that signs every bundle it sends, made on first use."""
    stored = _meta(session, _SIGNING_PRIVATE)
    if stored:
        return Ed25519PrivateKey.from_private_bytes(unb64(stored))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    _set_meta(session, _SIGNING_PRIVATE, b64(raw))
    return key


def laptop_key(session) -> LaptopKey:
    """This vault's public signing key, named as its bundles name it, for the clinic to enrol."""
    public_key = signing_key(session).public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return LaptopKey(public_key, session.clinic_name, session.vault_id)


def trusted_clinic_key(session) -> ClinicKey | None:
    stored = _meta(session, _TRUSTED_PUBLIC)
    if not stored:
        return None
    return ClinicKey(unb64(stored), _meta(session, _TRUSTED_NAME), "")


def set_trusted_clinic_key(session, key: ClinicKey) -> None:
    with session.db.transaction():
        _set_meta(session, _TRUSTED_PUBLIC, b64(key.public_key))
        _set_meta(session, _TRUSTED_NAME, key.clinic_name)
