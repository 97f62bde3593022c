"""Restricted values are readable only by attorneys, cryptographically: the attack is a
paralegal (or manager) with their own password, their own slot and raw sqlcipher3."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from clinic_app.crypto import value_cipher
from clinic_app.crypto.envelope import SealError
from clinic_app.crypto.keyslots import COPY_NAMES, RECOVERY_SLOT_ID, KeySlotFile, user_slot_id
from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import create_vault, open_session
from clinic_app.services.restricted import RESTRICTED_KEY
from clinic_app.storage.database import key_pragma
from clinic_app.vault import Vault, normalise_recovery_key
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import all_tables_except, contains, store_work_product

CANARY = "CANARY-undocumented-since-2009"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"


def _slot(folder: Path, username: str):
    slots = KeySlotFile.load(folder / COPY_NAMES[0])
    slot_id = RECOVERY_SLOT_ID if username == RECOVERY_SLOT_ID else user_slot_id(slots.vault_id, username)
    return slots, slots.find(slot_id)


def _unwrapped(folder: Path, username: str, secret: bytes = PASSWORD.encode()):
    """What a staff member gets from their own slot with their own password."""
    slots, slot = _slot(folder, username)
    private = slot.unwrap_private(slots.vault_id, secret)
    db_key = slot.open_db_key(slots.vault_id, private, slots.generation)
    opened = {name: slot.open_secret(slots.vault_id, private, name) for name in slot.sealed_secrets}
    return db_key, opened


def _raw_rows(folder: Path, db_key: bytes) -> list[tuple]:
    conn = sqlcipher.connect(str(folder / "vault.db"))
    try:
        conn.execute(key_pragma(db_key))
        return conn.execute("SELECT id, matter_id, field, value FROM restricted_values").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("who", ["paralegal", "manager"])
def test_a_paralegal_or_manager_with_raw_sqlcipher_gets_only_ciphertext(vault, vault_dir, who):
    store_work_product(vault, CANARY)
    db_key, opened = _unwrapped(vault_dir, who)
    rows = _raw_rows(vault_dir, db_key)  # their key opens the database ...
    assert len(rows) == 1
    value_id, matter_id, field, stored = rows[0]
    assert value_cipher.is_encrypted(stored) and CANARY not in stored  # ... but the value is ciphertext
    assert RESTRICTED_KEY not in opened  # their slot does not carry the attorneys' key
    aad = f"restricted|{value_id}|{matter_id}|{field}"
    key_id = value_cipher.stored_key_id(stored)
    for candidate in [db_key, *opened.values()]:  # every key they hold
        with pytest.raises(SealError):
            value_cipher.decrypt({key_id: candidate}, stored, aad)
    with open_session(vault, who, PASSWORD) as s:  # and the app says no, as before
        with pytest.raises(PermissionDenied):
            s.restricted.values(matter_id)
        assert contains(all_tables_except(s, set()), CANARY) == []


def test_the_attorney_and_the_recovery_key_open_the_value(vault_dir):
    vault = Vault(vault_dir)
    session, recovery_key = create_vault(vault, "manager", PASSWORD)
    session.users.add("attorney", "attorney", PASSWORD)
    session.lock()
    matter_id, _, _ = store_work_product(vault, CANARY)
    for who, secret in (("attorney", PASSWORD.encode()), (RECOVERY_SLOT_ID, normalise_recovery_key(recovery_key))):
        db_key, opened = _unwrapped(vault_dir, who, secret)
        [(value_id, m, field, stored)] = _raw_rows(vault_dir, db_key)
        ring = {value_cipher.stored_key_id(stored): opened[RESTRICTED_KEY]}
        assert value_cipher.decrypt(ring, stored, f"restricted|{value_id}|{m}|{field}") == CANARY


def test_a_new_attorney_receives_the_key_when_an_attorney_who_holds_it_logs_in(vault, vault_dir):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.add("second", "attorney", PASSWORD)  # the manager does not hold the key to give
    with open_session(vault, "second", PASSWORD) as s:
        with pytest.raises(PermissionDenied, match="not been shared with you yet"):
            s.restricted.values(matter_id)
    open_session(vault, "attorney", PASSWORD).lock()  # seals it for "second"
    with open_session(vault, "second", PASSWORD) as s:
        assert [v.value for v in s.restricted.values(matter_id)] == [CANARY]


def test_removing_an_attorney_rotates_the_key_and_reencrypts_every_value(vault, vault_dir):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.add("leaving", "attorney", PASSWORD)
    open_session(vault, "attorney", PASSWORD).lock()
    _, kept = _unwrapped(vault_dir, "leaving")  # the leaving attorney keeps a copy of the key
    old_key = kept[RESTRICTED_KEY]
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("leaving")
    with open_session(vault, "attorney", PASSWORD) as s:  # the next attorney unlock rotates
        assert [v.value for v in s.restricted.values(matter_id)] == [CANARY]
        assert any(e.action == "role_secret.rotated" for e in s.audit.entries())
    db_key, opened = _unwrapped(vault_dir, "attorney")
    [(value_id, m, field, stored)] = _raw_rows(vault_dir, db_key)
    assert opened[RESTRICTED_KEY] != old_key
    with pytest.raises(SealError):
        value_cipher.decrypt({value_cipher.stored_key_id(stored): old_key}, stored, f"restricted|{value_id}|{m}|{field}")
    assert all(RESTRICTED_KEY + ".next" not in s.sealed_secrets for s in KeySlotFile.load(vault_dir / COPY_NAMES[0]).slots)


def test_an_attorney_made_paralegal_loses_the_key_from_their_slot(vault, vault_dir):
    store_work_product(vault, CANARY)
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.set_role("attorney", "paralegal")
    _, opened = _unwrapped(vault_dir, "attorney")
    assert RESTRICTED_KEY not in opened


def test_values_an_older_version_stored_in_the_clear_are_encrypted_at_the_first_attorney_unlock(tmp_path):
    folder = tmp_path / "schema-3"
    shutil.copytree(FIXTURES / "schema-3", folder)
    vault = Vault(folder)
    with open_session(vault, "manager", "fixture-password") as s:
        matter_id = s.db.query_one("SELECT id FROM matters")[0]
        s.db.execute(
            "INSERT INTO restricted_purposes (id, matter_id, kind, categories, enabled_by, client_consent, consent_on, "
            "expires_on, created_at, created_by, updated_at, updated_by) VALUES "
            "('p1', ?, 'attorney_work_product', '[\"immigration_analysis\"]', 'attorney', 1, '2026-01-01', '2099-01-01', '', '', '', '')",
            (matter_id,),
        )
        s.db.execute(
            "INSERT INTO restricted_values (id, purpose_id, matter_id, category, field, value, created_at, created_by, "
            "updated_at, updated_by) VALUES ('v1', 'p1', ?, 'immigration_analysis', 'immigration_analysis', ?, '', '', '', '')",
            (matter_id, CANARY),
        )
    with open_session(vault, "attorney", "fixture-password") as s:
        assert [v.value for v in s.restricted.values(matter_id)] == [CANARY]
        stored = s.db.query_one("SELECT value FROM restricted_values")[0]
        assert value_cipher.is_encrypted(stored) and CANARY not in stored


def test_a_restore_keeps_restricted_values_readable_through_the_backed_up_slots(vault, vault_dir, tmp_path):
    """The backup carries the key slots, so the restore does not depend on the old laptop."""
    from clinic_app.lifecycle import restore_backup
    from tests.core.backup_support import BACKUP_PASSPHRASE

    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "manager", PASSWORD) as s:
        backup = s.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    shutil.rmtree(vault_dir)  # the laptop is gone
    restored = restore_backup(backup, BACKUP_PASSPHRASE, tmp_path / "restored", "manager", "a new manager password")
    restored.session.users.add("attorney", "attorney", PASSWORD)  # added again, with the same password
    restored.session.users.add("second", "attorney", "another password 1")
    restored.session.lock()
    again = Vault(tmp_path / "restored")
    with open_session(again, "second", "another password 1") as s:  # a new attorney does not make a new key over old values
        with pytest.raises(PermissionDenied, match="not been shared"):
            s.restricted.values(matter_id)
    with open_session(again, "attorney", PASSWORD) as s:
        assert [v.value for v in s.restricted.values(matter_id)] == [CANARY]
    with open_session(again, "second", "another password 1") as s:  # shared by the attorney's login
        assert [v.value for v in s.restricted.values(matter_id)] == [CANARY]
