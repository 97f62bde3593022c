"""A manager makes a new recovery key (`lifecycle.replace_recovery_key`, `vault new-recovery-key`):
the old key stops working, the new one recovers with what the old one carried, a kill while the
slot file is written leaves one of the two keys working."""

from __future__ import annotations

import pytest

from clinic_app import lifecycle, role_secrets
from clinic_app.crypto.keyslots import RECOVERY_SLOT_ID
from clinic_app.errors import AuthenticationFailed, PermissionDenied
from clinic_app.lifecycle import create_vault, open_session, recover_session, replace_recovery_key
from clinic_app.vault import Vault
from clinic_app.vault_check import check
from tests.conftest import PASSWORD

NEW_PASSWORD = "a brand new password 1"


@pytest.fixture
def clinic(vault_dir):
    """A vault with a manager, an attorney who has logged in once (so the restricted-data key
    exists and is sealed to the recovery slot) and a paralegal; returns (vault, old recovery key)."""
    vault = Vault(vault_dir)
    session, old_key = create_vault(vault, "manager", PASSWORD, clinic_name="Test Clinic")
    session.users.add("attorney", "attorney", PASSWORD)
    session.users.add("paralegal", "paralegal", PASSWORD)
    session.lock()
    attorney = open_session(vault, "attorney", PASSWORD)
    assert role_secrets.secret(attorney, role_secrets.RESTRICTED) is not None
    attorney.lock()
    return vault, old_key


def restricted_key_of(vault: Vault, user: str, password: str) -> bytes | None:
    s = open_session(vault, user, password)
    try:
        return role_secrets.secret(s, role_secrets.RESTRICTED)
    finally:
        s.lock()


def test_the_old_key_stops_working_and_the_new_one_recovers_an_attorney_with_the_role_secrets(clinic):
    vault, old_key = clinic
    restricted = restricted_key_of(vault, "attorney", PASSWORD)
    manager = open_session(vault, "manager", PASSWORD)
    made = replace_recovery_key(manager)
    assert made.key != old_key and len(made.key) == len(old_key)
    # The manager does not hold the restricted-data key: the new slot waits for an attorney.
    assert made.waiting_for_holder == (role_secrets.RESTRICTED,)
    entry = next(e for e in manager.audit.entries(manager.vault_id) if e.action == "recovery.key_replaced")
    assert entry.actor == "manager"
    assert any(actor == "manager" and sig for _seq, actor, _hash, sig in manager.audit.signatures())  # signed
    assert check(manager)["ok"], check(manager)["lines"]
    manager.lock()

    with pytest.raises(AuthenticationFailed) as wrong:
        vault.check_recovery_key(old_key)
    assert wrong.value.code == "vault.wrong_recovery_key"
    vault.check_recovery_key(made.key)

    # The attorney's next log-in seals the restricted-data key to the new slot...
    # (rotated: whoever finds the old sheet may hold an old copy of the slot file)
    assert restricted_key_of(vault, "attorney", PASSWORD) not in (None, restricted)
    assert role_secrets.RESTRICTED in vault.slot_store.load().find(RECOVERY_SLOT_ID).sealed_secrets
    # ...so an attorney who forgot their password recovers with the new key and still opens it.
    # (A reset attorney holds the key, rotated after the reset, as with the key made at creation.)
    recover_session(vault, made.key, "attorney", NEW_PASSWORD).lock()
    assert restricted_key_of(vault, "attorney", NEW_PASSWORD) is not None
    with pytest.raises(AuthenticationFailed):
        recover_session(vault, old_key, "paralegal", NEW_PASSWORD)


def test_a_manager_recovered_with_the_new_key_can_still_sign_the_user_list(clinic):
    vault, _old_key = clinic
    manager = open_session(vault, "manager", PASSWORD)
    made = replace_recovery_key(manager)
    manager.users.add("second", "paralegal", PASSWORD)  # signed from the list that names the new slot
    manager.lock()
    recovered = recover_session(vault, made.key, "manager", NEW_PASSWORD)
    try:
        assert role_secrets.secret(recovered, role_secrets.SIGNING) is not None
        recovered.users.add("third", "paralegal", PASSWORD)
        assert check(recovered)["ok"], check(recovered)["lines"]
    finally:
        recovered.lock()
    vault.check_recovery_key(made.key)


@pytest.mark.parametrize("user", ["paralegal", "attorney"])
def test_only_a_manager_may_make_one(clinic, user):
    vault, old_key = clinic
    s = open_session(vault, user, PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            replace_recovery_key(s)
    finally:
        s.lock()
    vault.check_recovery_key(old_key)  # nothing changed


def test_cli_prints_the_key_once_and_refuses_a_paralegal(clinic, cli, tmp_path):
    vault, old_key = clinic
    refused = cli("vault", "new-recovery-key", user="paralegal")
    assert refused.code == PermissionDenied.exit_code, refused
    assert refused.err.startswith("error: ") and len(refused.err.strip().splitlines()) == 1, refused.err
    assert refused.out == ""
    vault.check_recovery_key(old_key)

    sheet = tmp_path / "sheet.pdf"
    made = cli("vault", "new-recovery-key", "--recovery-sheet", str(sheet))
    assert made.code == 0, made.err
    lines = made.out.splitlines()
    assert "shown once" in lines[0]
    new_key = lines[1].strip()
    assert made.out.count(new_key) == 1 and "restricted-data key" in made.out
    assert sheet.read_bytes().startswith(b"%PDF")
    vault.check_recovery_key(new_key)
    with pytest.raises(AuthenticationFailed):
        vault.check_recovery_key(old_key)


KILLED_MAKER = """
import os
import sys
from clinic_app import lifecycle, vault as vault_module
from clinic_app.vault import Vault
vault_module.new_recovery_key = lambda: sys.argv[2]  # a key the test knows, though never shown
session = lifecycle.open_session(Vault(sys.argv[1]), "manager", sys.argv[3])
os.environ["CLINIC_TEST_CRASH_AT"] = sys.argv[4]  # not at the unlock's own slot writes
lifecycle.replace_recovery_key(session)
print("not killed")
"""


def test_a_kill_while_the_slot_file_is_written_leaves_the_old_or_the_new_key_working(clinic, monkeypatch):
    import os
    import subprocess
    import sys

    from clinic_app.vault import new_recovery_key

    vault, old_key = clinic
    new_key = new_recovery_key()
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MAKER, str(vault.folder), new_key, PASSWORD, "slots.first_copy_written"],
        capture_output=True, text=True,
    )
    assert killed.returncode == -9 and "not killed" not in killed.stdout, killed
    copies = [p.read_bytes() for p in vault.slot_store.paths]
    assert copies[0] != copies[1]  # killed between the two copies: the first holds the new slot

    working = []
    for key in (old_key, new_key):
        try:
            vault.check_recovery_key(key)
            working.append(key)
        except AuthenticationFailed:
            pass
    assert working == [new_key]  # the first copy is the newer one; never neither
    # The one that works recovers, and the vault is whole (the stale copy repaired). (Not the
    # attorney yet: the new slot lacks the restricted-data key until an attorney logs in, and
    # resetting its only holder is refused, test_reset_keeps_restricted_key.py.)
    recover_session(vault, new_key, "paralegal", NEW_PASSWORD).lock()
    manager = open_session(vault, "manager", PASSWORD)
    try:
        assert check(manager)["ok"], check(manager)["lines"]
    finally:
        manager.lock()
    assert len({p.read_bytes() for p in vault.slot_store.paths}) == 1


def test_restore_key_not_shown_advice_points_to_the_new_command():
    from clinic_app.cli.common import _RESTORE_ADVICE

    assert "vault new-recovery-key" in _RESTORE_ADVICE["restore.key_not_shown"]
