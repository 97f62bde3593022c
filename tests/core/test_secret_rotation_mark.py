"""The rotation a demoted attorney's departure makes due cannot be cancelled with raw SQL.

The attack: an attorney copies the restricted-data key while they hold it (their own slot,
their own password), is made a paralegal, then deletes the `meta` row that marks the key for
rotation, with their still-valid database key. Without the rotation, every value entered
afterwards is under the key they kept."""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlcipher

from clinic_app.crypto import value_cipher
from clinic_app.crypto.envelope import SealError
from clinic_app.crypto.keyslots import COPY_NAMES, KeySlotFile, user_slot_id
from clinic_app.lifecycle import open_session
from clinic_app.services.restricted import RESTRICTED_KEY
from clinic_app.storage.database import key_pragma
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import store_work_product

LATER = "CANARY-entered-after-the-demotion"


def _own_keys(folder, username: str) -> tuple[bytes, dict[str, bytes]]:
    """What a staff member opens from their own slot with their own password."""
    slots = KeySlotFile.load(folder / COPY_NAMES[0])
    slot = slots.find(user_slot_id(slots.vault_id, username))
    private = slot.unwrap_private(slots.vault_id, PASSWORD.encode())
    db_key = slot.open_db_key(slots.vault_id, private, slots.generation)
    return db_key, {name: slot.open_secret(slots.vault_id, private, name) for name in slot.sealed_secrets}


def _raw(folder, db_key: bytes, sql: str, params=()) -> list[tuple]:
    conn = sqlcipher.connect(str(folder / "vault.db"))
    try:
        conn.execute(key_pragma(db_key))
        rows = conn.execute(sql, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def _demoted_attorney_keeps_the_key(vault, vault_dir) -> bytes:
    store_work_product(vault, "CANARY-before")
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.add("leaving", "attorney", PASSWORD)
    open_session(vault, "attorney", PASSWORD).lock()  # shares the key with "leaving"
    _, kept = _own_keys(vault_dir, "leaving")
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.set_role("leaving", "paralegal")
    return kept[RESTRICTED_KEY]


def _value_entered_later(vault) -> None:
    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = s.db.query_one("SELECT matter_id FROM restricted_values")[0]
        s.restricted.put(matter_id, "immigration_analysis", LATER)


def _opens_with(vault_dir, db_key: bytes, key: bytes) -> list[str]:
    opened = []
    for value_id, matter_id, field, stored in _raw(vault_dir, db_key, "SELECT id, matter_id, field, value FROM restricted_values"):
        try:
            opened.append(value_cipher.decrypt({value_cipher.stored_key_id(stored): key}, stored, f"restricted|{value_id}|{matter_id}|{field}"))
        except SealError:
            pass
    return opened


def test_deleting_the_rotation_mark_does_not_keep_later_values_under_the_kept_key(vault, vault_dir):
    kept = _demoted_attorney_keeps_the_key(vault, vault_dir)
    db_key, _ = _own_keys(vault_dir, "leaving")  # a demotion does not change the database key
    assert _raw(vault_dir, db_key, "SELECT key FROM meta WHERE key LIKE 'role_secret.rotate:%'")  # the mark is there
    _raw(vault_dir, db_key, "DELETE FROM meta WHERE key LIKE 'role_secret.rotate:%'")  # the attack
    _value_entered_later(vault)
    assert LATER not in _opens_with(vault_dir, db_key, kept)
    with open_session(vault, "attorney", PASSWORD) as s:  # the attorneys lose nothing
        assert LATER in [v.value for v in s.restricted.values(s.db.query_one("SELECT matter_id FROM restricted_values")[0])]


def test_a_forged_rotated_entry_does_not_cancel_the_rotation(vault, vault_dir):
    """An entry saying the key was rotated counts only when an attorney on the signed list
    signed it; the demoted attorney's own key (a paralegal's now) does not."""
    from clinic_app import grants, role_secrets
    from clinic_app.audit import AuditLog
    from clinic_app.storage.database import Database

    kept = _demoted_attorney_keeps_the_key(vault, vault_dir)
    db_key, _ = _own_keys(vault_dir, "leaving")
    _raw(vault_dir, db_key, "DELETE FROM meta WHERE key LIKE 'role_secret.rotate:%'")
    slots = KeySlotFile.load(vault_dir / COPY_NAMES[0])
    private = slots.find(user_slot_id(slots.vault_id, "leaving")).unwrap_private(slots.vault_id, PASSWORD.encode())
    db = Database(vault_dir / "vault.db", db_key)
    try:
        for actor, signer in (("leaving", grants.user_signing_key(private)), ("attorney", None)):
            AuditLog(db, signer=signer).append(actor, role_secrets.ROTATED, role_secrets.AUDIT_OBJECT, RESTRICTED_KEY)
    finally:
        db.close()
    _value_entered_later(vault)
    assert LATER not in _opens_with(vault_dir, db_key, kept)


def test_without_tampering_the_key_is_rotated_once(vault, vault_dir):
    kept = _demoted_attorney_keeps_the_key(vault, vault_dir)
    db_key, _ = _own_keys(vault_dir, "leaving")
    for _ in range(3):
        open_session(vault, "attorney", PASSWORD).lock()
    _value_entered_later(vault)
    assert _opens_with(vault_dir, db_key, kept) == []  # the value from before was re-encrypted too
    with open_session(vault, "manager", PASSWORD) as s:
        assert [e.action for e in s.audit.entries()].count("role_secret.rotated") == 1
