"""`unlock-attempts.json` sits beside the vault in the clear (the database is still locked
when it is read), so a staff member can write it and a bad disk can change it. Whatever it
holds, an unlock waits at most the policy's longest delay and never ends in an internal
error: before, an edited moment in the future locked the manager out for 30,000 years, and
a list, a number or a huge count ended every unlock in an internal error."""

from __future__ import annotations

import json

import pytest

from clinic_app.crypto.keyslots import SlotStore, user_slot_id
from clinic_app.unlock_throttle import FILE_NAME, ThrottlePolicy, UnlockThrottle


def _manager_slot(vault_dir) -> str:
    slot_file = SlotStore(vault_dir).load()
    return user_slot_id(slot_file.vault_id, "manager")


EDITS = {
    "a list": lambda slot, now: [],
    "a number for the slot": lambda slot, now: {slot: 5},
    "words for numbers": lambda slot, now: {slot: {"failures": "many", "last": "yesterday"}},
    "no moment": lambda slot, now: {slot: {"failures": 4}},
    "a moment far in the future": lambda slot, now: {slot: {"failures": 4, "last": now + 1e12}},
    "an infinite moment": lambda slot, now: {slot: {"failures": 4, "last": float("inf")}},
    "a huge count": lambda slot, now: {slot: {"failures": 10**6, "last": now}},
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edited_attempts_file_never_locks_out_for_long_nor_crashes(vault, vault_dir, cli, edit):
    now = UnlockThrottle(vault_dir).clock()
    (vault_dir / FILE_NAME).write_text(json.dumps(EDITS[edit](_manager_slot(vault_dir), now)))
    assert 0 <= UnlockThrottle(vault_dir).wait_needed(_manager_slot(vault_dir)) <= ThrottlePolicy().max_delay
    result = cli("client", "list")
    assert "internal error" not in result.err
    assert result.code == 0 or result.err.strip().splitlines()[0].startswith("error: too many wrong passwords")
