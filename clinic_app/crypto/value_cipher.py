"""One text value encrypted under a role secret (AES-256-GCM), bound to where it is stored.

Stored form: `enc1:<key id>:<base64 nonce + ciphertext>`. The key id picks the key from a
keyring (two keys are live while a rotation is half done); `aad` names the row and field,
so a value moved to another row does not open.
"""

from __future__ import annotations

from clinic_app.crypto.base64_text import b64, unb64
from clinic_app.crypto.envelope import NONCE_BYTES, SealError, aead_decrypt, aead_encrypt

PREFIX = "enc1:"


class KeyMissing(SealError):
    """The value is under a key this keyring does not hold."""


def is_encrypted(stored: str) -> bool:
    return isinstance(stored, str) and stored.startswith(PREFIX)


def encrypt(key: bytes, key_id: str, plaintext: str, aad: str) -> str:
    nonce, ciphertext = aead_encrypt(key, plaintext.encode("utf-8"), aad.encode("utf-8"))
    return f"{PREFIX}{key_id}:{b64(nonce + ciphertext)}"


def stored_key_id(stored: str) -> str:
    return stored[len(PREFIX) :].split(":", 1)[0]


def decrypt(keyring: dict[str, bytes], stored: str, aad: str) -> str:
    key_id, _, body = stored[len(PREFIX) :].partition(":")
    key = keyring.get(key_id)
    if key is None:
        raise KeyMissing("the value is under a key this user does not hold")
    try:
        raw = unb64(body)
    except ValueError as exc:
        raise SealError("damaged value") from exc
    return aead_decrypt(key, raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad.encode("utf-8")).decode("utf-8")
