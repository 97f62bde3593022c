"""The key-slot file: one slot per user plus one for the recovery key (LUKS-style).

Each slot holds an X25519 private key wrapped with a key derived from that user's
password (Argon2id) and the database key sealed to the slot's public key. The file holds
no client data; slot ids are keyed hashes of user names, so it does not list staff names.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path

from clinic_app.crypto import envelope
from clinic_app.crypto.kdf import KdfParams, derive_key, new_salt
from clinic_app.errors import CorruptVault
from clinic_app.fileio import atomic_write

FORMAT = "clinic-keyslots"
FORMAT_VERSION = 1
RECOVERY_SLOT_ID = "recovery"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def user_slot_id(vault_id: str, username: str) -> str:
    return hmac.new(vault_id.encode(), username.casefold().encode("utf-8"), hashlib.sha256).hexdigest()[:32]


@dataclass
class KeySlot:
    id: str
    kind: str  # "user" | "recovery"
    kdf: KdfParams
    salt: bytes
    wrapped_private: dict[str, bytes]  # nonce, ciphertext
    public_key: bytes
    sealed_db_key: dict[str, bytes]  # ephemeral, nonce, ciphertext

    def _aad(self, vault_id: str, what: str) -> bytes:
        return f"{vault_id}|{self.id}|{what}".encode()

    def unwrap_private(self, vault_id: str, secret: bytes) -> bytes:
        kek = derive_key(secret, self.salt, self.kdf)
        return envelope.aead_decrypt(
            kek, self.wrapped_private["nonce"], self.wrapped_private["ciphertext"], self._aad(vault_id, "private")
        )

    def open_db_key(self, vault_id: str, private_key: bytes, generation: int) -> bytes:
        return envelope.open_sealed(private_key, self.sealed_db_key, self._aad(vault_id, f"dbkey|{generation}"))

    def reseal(self, vault_id: str, db_key: bytes, generation: int) -> None:
        self.sealed_db_key = envelope.seal(self.public_key, db_key, self._aad(vault_id, f"dbkey|{generation}"))

    @classmethod
    def create(
        cls, vault_id: str, slot_id: str, kind: str, secret: bytes, kdf: KdfParams, db_key: bytes, generation: int
    ) -> "KeySlot":
        private_key, public_key = envelope.new_keypair()
        slot = cls(slot_id, kind, kdf, new_salt(), {}, public_key, {})
        slot.rewrap(vault_id, private_key, secret, kdf)
        slot.reseal(vault_id, db_key, generation)
        return slot

    def rewrap(self, vault_id: str, private_key: bytes, secret: bytes, kdf: KdfParams) -> None:
        """New password: same key pair, new salt and wrapping."""
        self.kdf = kdf
        self.salt = new_salt()
        kek = derive_key(secret, self.salt, kdf)
        nonce, ciphertext = envelope.aead_encrypt(kek, private_key, self._aad(vault_id, "private"))
        self.wrapped_private = {"nonce": nonce, "ciphertext": ciphertext}

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "wrapped_private": {k: _b64(v) for k, v in self.wrapped_private.items()},
            "public_key": _b64(self.public_key),
            "sealed_db_key": {k: _b64(v) for k, v in self.sealed_db_key.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> "KeySlot":
        return cls(
            id=data["id"],
            kind=data["kind"],
            kdf=KdfParams.from_json(data["kdf"]),
            salt=_unb64(data["salt"]),
            wrapped_private={k: _unb64(v) for k, v in data["wrapped_private"].items()},
            public_key=_unb64(data["public_key"]),
            sealed_db_key={k: _unb64(v) for k, v in data["sealed_db_key"].items()},
        )


@dataclass
class KeySlotFile:
    vault_id: str
    generation: int = 1  # bumped on every database key rotation
    slots: list[KeySlot] = field(default_factory=list)

    def find(self, slot_id: str) -> KeySlot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    def remove(self, slot_id: str) -> None:
        self.slots = [s for s in self.slots if s.id != slot_id]

    def upsert(self, slot: KeySlot) -> None:
        self.remove(slot.id)
        self.slots.append(slot)

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "slots": [s.to_json() for s in self.slots],
        }
        return json.dumps(doc, indent=1, sort_keys=True).encode()

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> "KeySlotFile":
        try:
            doc = json.loads(Path(path).read_bytes())
            if doc.get("format") != FORMAT:
                raise CorruptVault("the key-slot file is not a Clinic Intake key-slot file")
            if doc.get("version", 0) > FORMAT_VERSION:
                raise CorruptVault("the key-slot file was written by a newer version of the app")
            return cls(doc["vault_id"], int(doc["generation"]), [KeySlot.from_json(s) for s in doc["slots"]])
        except CorruptVault:
            raise
        except FileNotFoundError as exc:
            raise CorruptVault("the vault's key-slot file is missing") from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise CorruptVault("the vault's key-slot file is damaged") from exc
