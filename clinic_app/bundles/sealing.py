"""The sealed bundle file: encrypted to the clinic's public key, signed by the sender, padded.

    MAGIC | u32 header length | header (JSON) | AES-256-GCM ciphertext of the inner part

The header names only the recipient key (its fingerprint) and carries the random content
key sealed to it (X25519 + HKDF-SHA256 + AES-256-GCM, `crypto.envelope`); the whole
header is the AAD of the content, so no byte of it can change unnoticed. The sender
forgets the content key, so the sending vault cannot open its own bundle.

    inner = u32 sender length | sender (JSON) | u16 signature length | Ed25519 signature
            | u64 body length | body (zlib) | zero padding (Padmé, at least MIN_PADDED)

The signature covers the header, the sender part and the body's SHA-256, so it also
binds the bundle to its recipient. Nothing in the file or its name is client data.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clinic_app.bundles.keys import b64, fingerprint, key_id, unb64
from clinic_app.crypto import envelope
from clinic_app.errors import ClinicError

MAGIC = b"CLINBNDL"
FORMAT = "clinic-bundle"
VERSION = 1
SUFFIX = ".clinicbundle"
MIN_PADDED = 64 * 1024  # one client or twenty: the same size on the stick
MAX_HEADER = 4096
MAX_BODY = 1 << 30  # decompressed; a signed bundle is still refused beyond this
_SIGNATURE_DOMAIN = b"clinic-bundle-signature|v1|"
_KEY_AAD = b"clinic-bundle-content-key|"


class BundleRefused(ClinicError):
    """A bundle that cannot be accepted. `code` says why; the message never names a client."""


@dataclass(frozen=True)
class Sender:
    vault_id: str
    user: str
    signing_key: bytes  # Ed25519 public key, raw
    bundle_id: str
    sent_at: str
    clinic_name: str = ""

    def to_bytes(self) -> bytes:
        return json.dumps(
            {"vault_id": self.vault_id, "user": self.user, "signing_key": b64(self.signing_key),
             "bundle_id": self.bundle_id, "sent_at": self.sent_at, "clinic_name": self.clinic_name},
            ensure_ascii=False, sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> "Sender":
        doc = json.loads(data.decode("utf-8"))
        fields = {k: doc[k] for k in ("vault_id", "user", "bundle_id", "sent_at")}
        if not all(isinstance(v, str) and v for v in fields.values()):
            raise ValueError("sender")
        return cls(signing_key=unb64(doc["signing_key"]), clinic_name=str(doc.get("clinic_name", "")), **fields)

    @property
    def signer_fingerprint(self) -> str:
        return fingerprint(self.signing_key)


@dataclass(frozen=True)
class OpenedBundle:
    sender: Sender
    body: bytes  # decompressed payload JSON


def padme(length: int) -> int:
    """Padmé padding (Nikitin et al. 2019): at most 12 % overhead, leaks O(log log n) bits."""
    if length < 2:
        return length
    exponent = length.bit_length() - 1
    mantissa_bits = exponent.bit_length()
    low_bits = exponent - mantissa_bits
    mask = (1 << low_bits) - 1
    return (length + mask) & ~mask


def public_signing_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def signed_message(header: bytes, sender: bytes, body_digest: bytes) -> bytes:
    return _SIGNATURE_DOMAIN + struct.pack(">I", len(header)) + header + struct.pack(">I", len(sender)) + sender + body_digest


def pack_inner(sender: bytes, signature: bytes, compressed_body: bytes) -> bytes:
    parts = [struct.pack(">I", len(sender)), sender, struct.pack(">H", len(signature)), signature,
             struct.pack(">Q", len(compressed_body)), compressed_body]
    length = sum(len(p) for p in parts)
    parts.append(bytes(padme(max(length, MIN_PADDED)) - length))
    return b"".join(parts)


def new_header(recipient_public: bytes) -> tuple[bytes, bytes]:
    """A fresh content key and the header that carries it sealed to the recipient."""
    content_key = os.urandom(32)
    recipient = key_id(recipient_public)
    sealed = envelope.seal(recipient_public, content_key, _KEY_AAD + recipient.encode())
    nonce = os.urandom(envelope.NONCE_BYTES)
    header = json.dumps(
        {"format": FORMAT, "version": VERSION, "recipient": recipient,
         "key": {k: b64(v) for k, v in sealed.items()}, "nonce": b64(nonce)},
        sort_keys=True,
    ).encode("ascii")
    return header, content_key


def _prefix(header: bytes) -> bytes:
    return MAGIC + struct.pack(">I", len(header)) + header


def encrypt(header: bytes, content_key: bytes, inner: bytes) -> bytes:
    nonce = unb64(json.loads(header)["nonce"])
    prefix = _prefix(header)
    return prefix + AESGCM(content_key).encrypt(nonce, inner, prefix)


def seal(body: bytes, sender: Sender, recipient_public: bytes, signer: Ed25519PrivateKey) -> bytes:
    """Compress, sign, pad and encrypt `body` for the holder of `recipient_public`."""
    compressed = zlib.compress(body, 6)
    header, content_key = new_header(recipient_public)
    sender_bytes = sender.to_bytes()
    signature = signer.sign(signed_message(header, sender_bytes, hashlib.sha256(compressed).digest()))
    return encrypt(header, content_key, pack_inner(sender_bytes, signature, compressed))


def recipient_of(data: bytes) -> str:
    """The recipient key id named in a bundle's header (readable without any key)."""
    return _read_header(data)[0]["recipient"]


def _read_header(data: bytes) -> tuple[dict, bytes]:
    if len(data) < len(MAGIC) + 4 or not data.startswith(MAGIC):
        raise BundleRefused("bundle.not_a_bundle")
    (length,) = struct.unpack_from(">I", data, len(MAGIC))
    start = len(MAGIC) + 4
    if length > MAX_HEADER or len(data) < start + length:
        raise BundleRefused("bundle.damaged")
    header_bytes = data[start : start + length]
    try:
        header = json.loads(header_bytes)
        if header.get("format") != FORMAT or not isinstance(header.get("recipient"), str):
            raise ValueError("format")
    except (ValueError, AttributeError) as exc:
        raise BundleRefused("bundle.damaged") from exc
    if header.get("version") != VERSION:
        raise BundleRefused("bundle.version")
    return header, header_bytes


def open_bundle(data: bytes, private_key: bytes, public_key: bytes) -> OpenedBundle:
    """Check, decrypt and verify a bundle addressed to (`private_key`, `public_key`)."""
    header, header_bytes = _read_header(data)
    if header["recipient"] != key_id(public_key):
        raise BundleRefused("bundle.wrong_recipient")
    damaged = BundleRefused("bundle.damaged")
    prefix = _prefix(header_bytes)
    try:
        sealed_key = {k: unb64(v) for k, v in header["key"].items()}
        content_key = envelope.open_sealed(private_key, sealed_key, _KEY_AAD + header["recipient"].encode())
        inner = AESGCM(content_key).decrypt(unb64(header["nonce"]), data[len(prefix):], prefix)
    except (envelope.SealError, InvalidTag, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise damaged from exc
    try:
        (sender_len,) = struct.unpack_from(">I", inner, 0)
        sender_bytes = inner[4 : 4 + sender_len]
        (sig_len,) = struct.unpack_from(">H", inner, 4 + sender_len)
        pos = 6 + sender_len
        signature = inner[pos : pos + sig_len]
        (body_len,) = struct.unpack_from(">Q", inner, pos + sig_len)
        pos += sig_len + 8
        compressed = inner[pos : pos + body_len]
        if len(compressed) != body_len:
            raise ValueError("length")
        sender = Sender.from_bytes(sender_bytes)
    except (struct.error, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise damaged from exc
    if sig_len == 0:
        raise BundleRefused("bundle.unsigned")
    try:
        Ed25519PublicKey.from_public_bytes(sender.signing_key).verify(
            signature, signed_message(header_bytes, sender_bytes, hashlib.sha256(compressed).digest())
        )
    except (InvalidSignature, ValueError) as exc:
        raise BundleRefused("bundle.bad_signature") from exc
    decompressor = zlib.decompressobj()
    try:
        body = decompressor.decompress(compressed, MAX_BODY)
    except zlib.error as exc:
        raise damaged from exc
    if decompressor.unconsumed_tail or not decompressor.eof:
        raise BundleRefused("bundle.too_large")
    return OpenedBundle(sender, body)


def new_file_name() -> str:
    """Random: no client, sender or date in the name."""
    return os.urandom(10).hex() + SUFFIX
