"""Sealing a secret to an X25519 public key (ECIES: X25519 + HKDF-SHA256 + AES-256-GCM).

Key slots keep a private key wrapped under the user's password and an envelope of the
database key sealed to the public key. So a manager can re-seal a new database key for
every remaining user without knowing their passwords (key rotation on user removal).
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12


class SealError(Exception):
    """Authentication failed: wrong key or tampered data."""


def aead_encrypt(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def aead_decrypt(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        raise SealError("authentication failed") from exc


def new_keypair() -> tuple[bytes, bytes]:
    private = X25519PrivateKey.generate()
    # The *_raw methods, not serialization's encodings: importing those costs every unlock ~5 ms.
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def _shared_key(private_raw: bytes, peer_public_raw: bytes, aad: bytes) -> bytes:
    shared = X25519PrivateKey.from_private_bytes(private_raw).exchange(X25519PublicKey.from_public_bytes(peer_public_raw))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"clinic-envelope|" + aad).derive(shared)


def seal(public_raw: bytes, secret: bytes, aad: bytes) -> dict[str, bytes]:
    ephemeral_private, ephemeral_public = new_keypair()
    nonce, ciphertext = aead_encrypt(_shared_key(ephemeral_private, public_raw, aad), secret, aad)
    return {"ephemeral": ephemeral_public, "nonce": nonce, "ciphertext": ciphertext}


def sender_tag(sender_private_raw: bytes, recipient_public_raw: bytes, message: bytes) -> bytes:
    """Static-static X25519: only the holder of either private key can make or check it, so a
    recipient who knows the sender's public key (from a signed list) knows who sealed."""
    shared = X25519PrivateKey.from_private_bytes(sender_private_raw).exchange(
        X25519PublicKey.from_public_bytes(recipient_public_raw)
    )
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"clinic-sender-tag").derive(shared)
    return hmac.new(key, message, hashlib.sha256).digest()


def open_sealed(private_raw: bytes, sealed: dict[str, bytes], aad: bytes) -> bytes:
    key = _shared_key(private_raw, sealed["ephemeral"], aad)
    return aead_decrypt(key, sealed["nonce"], sealed["ciphertext"], aad)
