"""Password-based key derivation. Parameters are versioned data stored with each key slot."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from clinic_app.process_guard import forbid_attaching

KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    algorithm: str = "argon2id"  # or "hkdf-sha256" for the high-entropy recovery key
    version: int = 1
    time_cost: int = 3
    memory_kib: int = 262144  # 256 MiB: about 0.45 s on the reference 2-core machine
    parallelism: int = 2

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "KdfParams":
        return cls(**{k: data[k] for k in ("algorithm", "version", "time_cost", "memory_kib", "parallelism")})

    @property
    def is_weak(self) -> bool:
        return self.algorithm == "argon2id" and (self.memory_kib < 65536 or self.time_cost < 2)


DEFAULT_PARAMS = KdfParams()
RECOVERY_PARAMS = KdfParams(algorithm="hkdf-sha256", time_cost=0, memory_kib=0, parallelism=0)
# Only for tests: set CLINIC_INSECURE_TEST_KDF=1. `vault check` warns about slots made with it.
TEST_PARAMS = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
TEST_KDF_ENV = "CLINIC_INSECURE_TEST_KDF"


def params_for_new_slots() -> KdfParams:
    return TEST_PARAMS if os.environ.get(TEST_KDF_ENV) == "1" else DEFAULT_PARAMS


def new_salt() -> bytes:
    return os.urandom(16)


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    # Every password, passphrase and recovery key passes here first: from now on this
    # process holds keys, so no other process may read its memory (process_guard).
    forbid_attaching()
    if params.algorithm == "argon2id":
        return hash_secret_raw(
            secret, salt, params.time_cost, params.memory_kib, params.parallelism, KEY_BYTES, Type.ID
        )
    if params.algorithm == "hkdf-sha256":
        return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"clinic-recovery").derive(secret)
    raise ValueError(f"unknown KDF algorithm {params.algorithm!r}")
