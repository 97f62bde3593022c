"""`user remove` killed at every step of its roll-forward sequence: the removed user never
keeps a working key while the app reports them removed, and the next unlock finishes the
rotation instead of discarding it. (tools/kill_trials.py runs the random-kill version.)"""

from __future__ import annotations

import signal

import pytest

from clinic_app.crypto.keyslots import COPY_NAMES, KeySlotFile
from clinic_app.faults import CRASH_AT_ENV
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.backup_support import populate
from tests.core.rotation_support import (
    PENDING,
    inspect,
    problems_after_next_unlock,
    removed_user_keeps_no_key_while_listed_gone,
)

STEPS = [
    "rotation.pending_written",
    "rotation.rekeyed",
    "rotation.checkpointed",
    "rotation.rows_removed",
    "slots.first_copy_written",
    "rotation.slots_replaced",
]


@pytest.fixture
def stolen(vault, vault_dir) -> KeySlotFile:
    with open_session(vault, "manager", PASSWORD) as s:
        populate(s, clients=3)
    return KeySlotFile.load(vault_dir / COPY_NAMES[0])  # the paralegal keeps a copy before removal


def _finished_cleanly(vault_dir, stolen) -> None:
    assert problems_after_next_unlock(vault_dir, stolen, "paralegal", PASSWORD, clients=3) == []
    assert not inspect(vault_dir, stolen, "paralegal", "manager", PASSWORD)["listed"]


@pytest.mark.parametrize("step", STEPS)
def test_kill_at_every_step_of_user_removal(vault_dir, stolen, cli, step):
    killed = cli("user", "remove", "paralegal", env={CRASH_AT_ENV: step})
    assert killed.code == -signal.SIGKILL, killed.err
    state = inspect(vault_dir, stolen, "paralegal", "manager", PASSWORD)
    assert removed_user_keeps_no_key_while_listed_gone(state), state
    if step in ("rotation.pending_written",):
        assert state["listed"]  # not reported removed before the rekey
    _finished_cleanly(vault_dir, stolen)


@pytest.mark.parametrize("second_step", ["rotation.rekeyed", "rotation.checkpointed", "rotation.rows_removed"])
def test_kill_again_while_unlock_finishes_the_rotation(vault_dir, stolen, cli, second_step):
    assert cli("user", "remove", "paralegal", env={CRASH_AT_ENV: "rotation.pending_written"}).code == -signal.SIGKILL
    again = cli("client", "list", user="attorney", env={CRASH_AT_ENV: second_step})
    assert again.code == -signal.SIGKILL, again.err
    assert removed_user_keeps_no_key_while_listed_gone(inspect(vault_dir, stolen, "paralegal", "manager", PASSWORD))
    _finished_cleanly(vault_dir, stolen)


def test_the_user_being_removed_cannot_finish_or_stop_the_rotation(vault_dir, stolen, cli):
    assert cli("user", "remove", "paralegal", env={CRASH_AT_ENV: "rotation.pending_written"}).code == -signal.SIGKILL
    refused = cli("client", "list", user="paralegal")
    assert refused.code == 3 and "wrong user name or password" in refused.err
    assert (vault_dir / PENDING).exists()
    _finished_cleanly(vault_dir, stolen)


def test_removal_without_a_crash_leaves_no_old_key_pages(vault_dir, stolen, cli):
    assert cli("user", "remove", "paralegal").code == 0
    _finished_cleanly(vault_dir, stolen)
