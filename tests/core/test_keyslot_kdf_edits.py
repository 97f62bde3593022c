"""A staff member edits another user's key-slot settings (the file is theirs to write; its
checksum they can recompute): an unlock must say the slot is damaged, at once, never hang on a
16 GiB key derivation or end in an internal error; other users go on working."""

from __future__ import annotations

import dataclasses

import pytest

from clinic_app.crypto.keyslots import SlotStore, user_slot_id

EDITS = [
    {"memory_kib": 2**31},  # before: internal error (HashingError)
    {"memory_kib": 2**24, "time_cost": 1},  # 16 GiB: before, the unlock ran out of memory or hung
    {"time_cost": 10**9},  # before: hung
    {"parallelism": 0},  # before: internal error (HashingError)
    {"memory_kib": -1},  # before: internal error (OverflowError)
    {"memory_kib": "1024"},  # before: internal error
    {"algorithm": "bogus"},  # before: internal error (ValueError)
]


@pytest.mark.parametrize("edit", EDITS, ids=[",".join(f"{k}={v}" for k, v in e.items()) for e in EDITS])
def test_an_edited_key_derivation_is_damage_said_plainly(vault, vault_dir, cli, edit):
    store = SlotStore(vault_dir)
    slot_file = store.load()
    slot = slot_file.find(user_slot_id(slot_file.vault_id, "manager"))
    slot.kdf = dataclasses.replace(slot.kdf, **edit)
    store.save(slot_file)  # both copies, checksums recomputed, as a key holder can
    result = cli("client", "list")
    assert result.code != 0
    assert result.err.strip().splitlines() == ["error: the vault's key-slot file is damaged"]
    assert cli("client", "list", user="paralegal").code == 0
