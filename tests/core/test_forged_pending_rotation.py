"""A forged interrupted removal: `keyslots.pending.json` is what an unlock finishes (rekey,
delete the user rows, write the slot files), and anyone can write it: sealing the new database
key to every slot needs only their public keys. A paralegal writes one that "removes" the
manager, as if the manager had started it; the next unlock of anyone else must not finish it,
because no signed user list without the manager says a manager asked for it."""

from __future__ import annotations

import secrets

import pytest

from clinic_app.crypto.keyslots import SlotStore, user_slot_id
from clinic_app.lifecycle import open_session
from clinic_app.vault import PENDING_SLOTS_NAME
from tests.conftest import PASSWORD


def _forge_a_removal_of(vault_dir, victim: str, with_roster: bool = True) -> None:
    slot_file = SlotStore(vault_dir).load()
    victim_slot = user_slot_id(slot_file.vault_id, victim)
    slot_file.remove(victim_slot)
    slot_file.generation += 1
    new_key = secrets.token_bytes(32)
    for slot in slot_file.slots:
        slot.reseal(slot_file.vault_id, new_key, slot_file.generation)
    slot_file.removing, slot_file.removing_by = {victim_slot: victim}, victim
    if not with_roster:
        slot_file.roster = None
    slot_file.save(vault_dir / PENDING_SLOTS_NAME)


@pytest.mark.parametrize("roster", ["the current signed list", "no list"])
def test_a_forged_pending_removal_is_not_finished_by_another_users_unlock(vault, vault_dir, roster):
    _forge_a_removal_of(vault_dir, "manager", with_roster=roster == "the current signed list")
    with open_session(vault, "attorney", PASSWORD) as s:
        assert "manager" in [u.username for u in s.users.list()]
        assert not any(e.action == "user.remove" for e in s.audit.entries())
    with open_session(vault, "manager", PASSWORD) as s:  # still gets in, nothing lost
        assert s.role.value == "manager"


def test_a_genuine_interrupted_removal_is_still_finished(vault, vault_dir, cli):
    import signal

    from clinic_app.faults import CRASH_AT_ENV

    assert cli("user", "remove", "paralegal", env={CRASH_AT_ENV: "rotation.rekeyed"}).code == -signal.SIGKILL
    with open_session(vault, "attorney", PASSWORD) as s:
        assert "paralegal" not in [u.username for u in s.users.list()]
    assert not (vault_dir / PENDING_SLOTS_NAME).exists()


@pytest.mark.parametrize("roster", ["the current signed list", "no list"])
def test_vault_check_names_a_forged_pending_removal_it_left_unfinished(vault, vault_dir, cli, roster):
    """Before: `vault check` passed (exit 0) with the forged file on disk, unnamed."""
    _forge_a_removal_of(vault_dir, "manager", with_roster=roster == "the current signed list")
    checked = cli("vault", "check", user="attorney")
    assert checked.code == 1, checked.out + checked.err
    assert any("FAIL" in line and "keyslots.pending.json removes manager" in line for line in checked.out.splitlines()), checked.out
    assert (vault_dir / PENDING_SLOTS_NAME).exists()  # left for a person to look at, not finished


def test_vault_check_is_quiet_about_a_genuine_interrupted_removal(vault, vault_dir, cli):
    import signal

    from clinic_app.faults import CRASH_AT_ENV

    assert cli("user", "remove", "paralegal", env={CRASH_AT_ENV: "rotation.rekeyed"}).code == -signal.SIGKILL
    checked = cli("vault", "check", user="manager")
    assert checked.code == 0, checked.out + checked.err
    assert "pending" not in checked.out
