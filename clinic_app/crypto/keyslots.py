"""The key-slot file: one slot per user plus one for the recovery key (LUKS-style).

Each slot holds an X25519 private key wrapped with a key derived from that user's
password (Argon2id), the database key sealed to the slot's public key, and any named
secrets sealed to it (see `clinic_app.role_secrets`). The file holds no client data; slot
ids are keyed hashes of user names, so it does not list staff names.

Two copies, like LUKS2's two headers: `keyslots.json` then `keyslots.copy.json`, each
carrying a SHA-256 checksum of its own body and each replaced atomically, one after the
other. The first copy is always written first, so when both are whole it is the newer;
a damaged or missing copy is rewritten from the whole one (`SlotStore.repair`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clinic_app.crypto import envelope
from clinic_app.crypto.base64_text import b64, unb64
from clinic_app.crypto.kdf import KdfParams, derive_key, new_salt
from clinic_app.errors import CorruptVault
from clinic_app.faults import crash_point
from clinic_app.fileio import atomic_write
from clinic_app.findings import Finding
from clinic_app.paths import KEYSLOT_COPY_NAMES
from clinic_app.translation import _

FORMAT = "clinic-keyslots"
FORMAT_VERSION = 2  # 2: checksum, two copies, sealed secrets; 1 (no checksum) is read and upgraded
RECOVERY_SLOT_ID = "recovery"
COPY_NAMES = KEYSLOT_COPY_NAMES


def user_slot_id(vault_id: str, username: str) -> str:
    return hmac.new(vault_id.encode(), username.casefold().encode("utf-8"), hashlib.sha256).hexdigest()[:32]


PAYLOAD_MAGIC = b"CLP2"  # version 1 payloads are the bare 32-byte private key


@dataclass
class Unwrapped:
    """What a slot's password opens: its private key, the signing key it trusts (grants.py),
    the newest signed user list it has seen, the audit-log head it last saw (audit.py), and
    the key-encryption key (for cheap updates). Only the password's owner can change these."""

    private_key: bytes
    trusted_signer: bytes | None
    seen_version: int
    kek: bytes
    audit_seq: int = 0
    audit_hash: bytes = bytes(32)


def _payload(u: Unwrapped) -> bytes:
    return (
        PAYLOAD_MAGIC + u.private_key + (u.trusted_signer or bytes(32)) + u.seen_version.to_bytes(8, "big")
        + u.audit_seq.to_bytes(8, "big") + u.audit_hash
    )


def _parse_payload(plain: bytes, kek: bytes) -> Unwrapped:
    if len(plain) == 32:
        return Unwrapped(plain, None, 0, kek)
    if len(plain) not in (76, 116) or not plain.startswith(PAYLOAD_MAGIC):
        raise envelope.SealError("unknown key-slot payload")
    trusted = plain[36:68]
    found = Unwrapped(plain[4:36], trusted if any(trusted) else None, int.from_bytes(plain[68:76], "big"), kek)
    if len(plain) == 116:
        found.audit_seq, found.audit_hash = int.from_bytes(plain[76:84], "big"), plain[84:116]
    return found


CLINIC_SEALER = "clinic"  # `Sealer.by` of a secret sealed and signed with the clinic signing key


@dataclass
class Sealer:
    """Who seals a secret: the clinic signing key (`by` = "clinic", an Ed25519 signature) or a
    user's slot (`by` = its slot id, a static X25519 tag the recipient checks against the
    sender's public key in the signed user list)."""

    by: str
    slot_private_key: bytes | None = None
    signing_key: object | None = None  # Ed25519PrivateKey

    def prove(self, recipient_public: bytes, message: bytes) -> bytes:
        if self.signing_key is not None:
            return self.signing_key.sign(message)
        return envelope.sender_tag(self.slot_private_key, recipient_public, message)


@dataclass
class KeySlot:
    id: str
    kind: str  # "user" | "recovery"
    kdf: KdfParams
    salt: bytes
    wrapped_private: dict[str, bytes]  # nonce, ciphertext
    public_key: bytes
    sealed_db_key: dict[str, bytes]  # ephemeral, nonce, ciphertext
    sealed_secrets: dict[str, dict[str, bytes]] = field(default_factory=dict)  # name -> sealed envelope
    # Only on a slot just made by `create`, never saved: lets its maker derive the user's key.
    new_private_key: bytes | None = field(default=None, repr=False, compare=False)

    def _aad(self, vault_id: str, what: str) -> bytes:
        return f"{vault_id}|{self.id}|{what}".encode()

    def unwrap(self, vault_id: str, secret: bytes) -> Unwrapped:
        if not self.kdf.in_bounds:  # edited: never run it (see KdfParams.in_bounds)
            raise CorruptVault("keyslots.damaged")
        kek = derive_key(secret, self.salt, self.kdf)
        plain = envelope.aead_decrypt(
            kek, self.wrapped_private["nonce"], self.wrapped_private["ciphertext"], self._aad(vault_id, "private")
        )
        return _parse_payload(plain, kek)

    def unwrap_private(self, vault_id: str, secret: bytes) -> bytes:
        return self.unwrap(vault_id, secret).private_key

    def store_payload(self, vault_id: str, content: Unwrapped) -> None:
        """Same password (same salt and KDF, `content.kek`), new content: no key derivation."""
        nonce, ciphertext = envelope.aead_encrypt(content.kek, _payload(content), self._aad(vault_id, "private"))
        self.wrapped_private = {"nonce": nonce, "ciphertext": ciphertext}

    def open_db_key(self, vault_id: str, private_key: bytes, generation: int) -> bytes:
        return envelope.open_sealed(private_key, self.sealed_db_key, self._aad(vault_id, f"dbkey|{generation}"))

    def reseal(self, vault_id: str, db_key: bytes, generation: int) -> None:
        self.sealed_db_key = envelope.seal(self.public_key, db_key, self._aad(vault_id, f"dbkey|{generation}"))

    def secret_message(self, vault_id: str, name: str, sealed: dict[str, bytes]) -> bytes:
        return b"|".join([self._aad(vault_id, f"secret|{name}"), sealed["ephemeral"], sealed["nonce"], sealed["ciphertext"]])

    def seal_secret(self, vault_id: str, name: str, secret: bytes, sealer: "Sealer | None" = None) -> None:
        """Seal `secret` to this slot; `sealer` says who sealed it (see `Sealer`)."""
        sealed = envelope.seal(self.public_key, secret, self._aad(vault_id, f"secret|{name}"))
        if sealer is not None:
            sealed["by"] = sealer.by.encode()
            sealed["proof"] = sealer.prove(self.public_key, self.secret_message(vault_id, name, sealed))
        self.sealed_secrets[name] = sealed

    def vouch(self, vault_id: str, name: str, sealer: "Sealer") -> None:
        """Add proof of sealing to an envelope already here (a first signed list adopts them)."""
        sealed = self.sealed_secrets[name]
        sealed["by"] = sealer.by.encode()
        sealed["proof"] = sealer.prove(self.public_key, self.secret_message(vault_id, name, sealed))

    def sealed_by(self, name: str) -> str:
        """Who sealed the named secret to this slot (a slot id, or the clinic key); "" if not sealed."""
        return self.sealed_secrets.get(name, {}).get("by", b"").decode("utf-8", "replace")

    def open_secret(self, vault_id: str, private_key: bytes, name: str, check=None) -> bytes | None:
        """The named secret, or None when it is not sealed to this slot. `check(by, proof,
        message, private_key)` must accept who sealed it, else SealError."""
        sealed = self.sealed_secrets.get(name)
        if sealed is None:
            return None
        if check is not None:
            if not check(self.sealed_by(name), sealed.get("proof", b""), self.secret_message(vault_id, name, sealed), private_key):
                raise envelope.SealError(f"{name}: not sealed by someone entitled to it")
        return envelope.open_sealed(private_key, sealed, self._aad(vault_id, f"secret|{name}"))

    @classmethod
    def create(
        cls, vault_id: str, slot_id: str, kind: str, secret: bytes, kdf: KdfParams, db_key: bytes, generation: int,
        trusted_signer: bytes | None = None, seen_version: int = 0,
    ) -> "KeySlot":
        private_key, public_key = envelope.new_keypair()
        slot = cls(slot_id, kind, kdf, new_salt(), {}, public_key, {})
        slot.rewrap(vault_id, private_key, secret, kdf, trusted_signer, seen_version)
        slot.reseal(vault_id, db_key, generation)
        slot.new_private_key = private_key
        return slot

    def rewrap(
        self, vault_id: str, private_key: bytes, secret: bytes, kdf: KdfParams,
        trusted_signer: bytes | None = None, seen_version: int = 0,
    ) -> None:
        """New password: same key pair (and trust), new salt and wrapping."""
        self.rewrap_content(vault_id, Unwrapped(private_key, trusted_signer, seen_version, b""), secret, kdf)

    def rewrap_content(self, vault_id: str, content: Unwrapped, secret: bytes, kdf: KdfParams) -> Unwrapped:
        """New password, same content (key pair, trust, audit anchor); returns it with the new KEK."""
        self.kdf = kdf
        self.salt = new_salt()
        content = dataclasses.replace(content, kek=derive_key(secret, self.salt, kdf))
        self.store_payload(vault_id, content)
        return content

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "salt": b64(self.salt),
            "wrapped_private": {k: b64(v) for k, v in self.wrapped_private.items()},
            "public_key": b64(self.public_key),
            "sealed_db_key": {k: b64(v) for k, v in self.sealed_db_key.items()},
            "sealed_secrets": {n: {k: b64(v) for k, v in e.items()} for n, e in sorted(self.sealed_secrets.items())},
        }

    @classmethod
    def from_json(cls, data: dict) -> "KeySlot":
        return cls(
            id=data["id"],
            kind=data["kind"],
            kdf=KdfParams.from_json(data["kdf"]),
            salt=unb64(data["salt"]),
            wrapped_private={k: unb64(v) for k, v in data["wrapped_private"].items()},
            public_key=unb64(data["public_key"]),
            sealed_db_key={k: unb64(v) for k, v in data["sealed_db_key"].items()},
            sealed_secrets={n: {k: unb64(v) for k, v in e.items()} for n, e in data.get("sealed_secrets", {}).items()},
        )


@dataclass
class KeySlotFile:
    vault_id: str
    generation: int = 1  # bumped on every database key rotation
    slots: list[KeySlot] = field(default_factory=list)
    # An interrupted key rotation's intent (pending file only): {slot id: user name} to remove.
    removing: dict[str, str] = field(default_factory=dict)
    removing_by: str = ""
    roster: dict | None = None  # the signed user list (grants.py); opaque here

    def find(self, slot_id: str) -> KeySlot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    def remove(self, slot_id: str) -> None:
        self.slots = [s for s in self.slots if s.id != slot_id]

    def upsert(self, slot: KeySlot) -> None:
        self.remove(slot.id)
        self.slots.append(slot)

    def _body(self) -> dict:
        body = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "slots": [s.to_json() for s in self.slots],
        }
        if self.roster:
            body["roster"] = self.roster
        if self.removing:
            body["removing"] = dict(sorted(self.removing.items()))
            body["removing_by"] = self.removing_by
        return body

    def to_bytes(self) -> bytes:
        body = self._body()
        return json.dumps({**body, "checksum": _checksum(body)}, indent=1, sort_keys=True).encode()

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> "KeySlotFile":
        """Parse one copy; CorruptVault when it is damaged (bad JSON, checksum or fields)."""
        try:
            doc = json.loads(data)
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise CorruptVault("keyslots.not_a_keyslot_file")
            version = doc.get("version", 0)
            if version > FORMAT_VERSION:
                raise CorruptVault("keyslots.too_new")
            if version >= 2:
                claimed = doc.pop("checksum", None)
                if claimed != _checksum(doc):
                    raise CorruptVault("keyslots.checksum_mismatch")
            removing = {str(k): str(v) for k, v in doc.get("removing", {}).items()}
            slots = [KeySlot.from_json(s) for s in doc["slots"]]
            roster = doc.get("roster")
            if roster is not None and not isinstance(roster, dict):
                raise CorruptVault("keyslots.damaged")
            return cls(doc["vault_id"], int(doc["generation"]), slots, removing, str(doc.get("removing_by", "")), roster)
        except CorruptVault:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CorruptVault("keyslots.damaged") from exc

    @classmethod
    def load(cls, path: Path) -> "KeySlotFile":
        try:
            return cls.from_bytes(Path(path).read_bytes())
        except FileNotFoundError as exc:
            raise CorruptVault("keyslots.missing") from exc


def _checksum(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


class SlotStore:
    """The two copies of a vault's key-slot file."""

    def __init__(self, folder: Path):
        self.paths = [Path(folder) / name for name in COPY_NAMES]

    def exists(self) -> bool:
        return any(p.exists() for p in self.paths)

    def _read(self) -> Iterator[tuple[KeySlotFile | None, bytes | None, str]]:
        """Per copy, lazily: (parsed or None, raw bytes or None, what is wrong or '')."""
        for path in self.paths:
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                yield None, None, "missing"
                continue
            try:
                yield KeySlotFile.from_bytes(raw), raw, ""
            except CorruptVault as exc:
                yield None, raw, str(exc)

    def load(self) -> KeySlotFile:
        """The newest whole copy (the first, unless it is damaged). Reads only."""
        return self._best(self._read())

    @staticmethod
    def _best(copies) -> KeySlotFile:
        first_problem = None
        for parsed, _raw, problem in copies:  # the second copy is read only if the first is not whole
            if parsed is not None:
                return parsed
            first_problem = problem if first_problem is None else first_problem
        if first_problem == "missing":
            raise CorruptVault("keyslots.missing")
        raise CorruptVault("keyslots.both_copies_damaged")

    def damage(self) -> list[Finding]:
        """One line per damaged copy (missing second copies of old vaults are not damage)."""
        return self._damage(list(self._read()))

    def _damage(self, copies) -> list[Finding]:
        lines = []
        for path, (parsed, raw, problem) in zip(self.paths, copies):
            if parsed is None and raw is not None:
                lines.append(Finding("keyslots.copy_damaged", _("{file}: {problem}").format(file=path.name, problem=problem), file=path.name))
            elif parsed is None and path == self.paths[0]:
                lines.append(Finding("keyslots.copy_missing", _("{file}: missing").format(file=path.name), file=path.name))
        return lines

    def repair(self) -> tuple[KeySlotFile, list[Finding]]:
        """Rewrite damaged, missing, old-format or stale copies from the newest whole one.

        Call with the process lock held. Returns the file as read (what the caller unwraps,
        opens and shares from, so it need not read again) and one finding per *damaged* copy
        that was repaired.
        """
        copies = list(self._read())  # both copies, read once for all three questions
        best = self._best(copies)
        damaged = self._damage(copies)
        data = best.to_bytes()
        for path, (_parsed, raw, _problem) in zip(self.paths, copies):
            if raw != data:
                atomic_write(path, data)
        repaired = [Finding("keyslots.repaired", _("{damage}; repaired from the other copy").format(damage=line), **line.params) for line in damaged]
        return best, repaired

    def save(self, slot_file: KeySlotFile) -> None:
        """Both copies, one after the other, each atomically: a crash leaves one whole copy."""
        data = slot_file.to_bytes()
        first, second = self.paths
        atomic_write(first, data)
        crash_point("slots.first_copy_written")
        atomic_write(second, data)
