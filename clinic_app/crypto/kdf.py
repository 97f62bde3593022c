"""Password-based key derivation. Parameters are versioned data stored with each key slot."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from clinic_app.process_guard import forbid_attaching

KEY_BYTES = 32
# The most a key slot may ask for: 4x the default memory, 16 passes, 16 lanes (about 10 s on
# the reference machine at worst); anything beyond is an edited file (KdfParams.in_bounds).
MAX_MEMORY_KIB = 4 * 262144
MAX_PASSES = 16
MAX_LANES = 16


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
    def in_bounds(self) -> bool:
        """Parameters this app could have written. The key-slot file is the staff's to edit,
        so a slot edited to ask for 16 GiB, 10^9 passes or no lanes is damaged, not obeyed
        (an unlock would hang or fail with an internal error)."""
        numbers = (self.version, self.time_cost, self.memory_kib, self.parallelism)
        if not all(type(n) is int for n in numbers):
            return False
        if self.algorithm == "hkdf-sha256":
            return True  # costs nothing whatever the numbers say
        return self.algorithm == "argon2id" and 1 <= self.parallelism <= MAX_LANES and (
            1 <= self.time_cost <= MAX_PASSES and 8 * self.parallelism <= self.memory_kib <= MAX_MEMORY_KIB
        )

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
