"""Role grants that cannot be forged: the attack is a paralegal with their own password, the
database key their slot unwraps, raw sqlcipher3 and the key-slot file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from clinic_app import grants
from clinic_app.crypto.kdf import params_for_new_slots
from clinic_app.crypto.keyslots import COPY_NAMES, KeySlot, KeySlotFile, SlotStore, user_slot_id
from clinic_app.errors import AuthenticationFailed, GrantRefused
from clinic_app.lifecycle import open_session
from clinic_app.services.restricted import RESTRICTED_KEY
from clinic_app.storage.database import key_pragma
from clinic_app.vault import Vault
from clinic_app.vault_check import check
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import store_work_product

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"


def _paralegal_db_key(folder: Path, who: str = "paralegal", password: str = PASSWORD) -> bytes:
    slots = KeySlotFile.load(folder / COPY_NAMES[0])
    slot = slots.find(user_slot_id(slots.vault_id, who))
    return slot.open_db_key(slots.vault_id, slot.unwrap_private(slots.vault_id, password.encode()), slots.generation)


def _raw_sql(folder: Path, key: bytes, sql: str, params=()) -> None:
    conn = sqlcipher.connect(str(folder / "vault.db"), isolation_level=None)
    try:
        conn.execute(key_pragma(key))
        conn.execute(sql, params)
    finally:
        conn.close()


def test_update_users_escalation_is_refused_and_named_by_vault_check(vault, vault_dir, cli):
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    escalated = cli("user", "add", "evil", "--role", "manager", user="paralegal", env={"CLINIC_NEW_PASSWORD": PASSWORD})
    assert escalated.code == 3 and "role grant does not verify" in escalated.err, escalated.err
    assert "evil" not in cli("user", "list").out
    report = cli("vault", "check")
    assert report.code == 1
    assert "FAIL role grants: user 'paralegal': role or name changed outside the app (signed as 'paralegal')" in report.out
    assert cli("client", "list", user="attorney").code == 0  # everyone else still works


def test_a_refused_grant_is_its_own_error_not_a_wrong_password(vault, vault_dir, cli):
    """The password was right: callers tell the two apart by class, not by a code string."""
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    with pytest.raises(GrantRefused) as refused:
        open_session(vault, "paralegal", PASSWORD)
    assert isinstance(refused.value, AuthenticationFailed) and refused.value.exit_code == 3
    with pytest.raises(AuthenticationFailed) as wrong:
        open_session(vault, "paralegal", "not the password")
    assert not isinstance(wrong.value, GrantRefused)
    shown = cli("client", "list", user="paralegal")
    assert shown.code == 3 and shown.err.startswith("error: ") and len(shown.err.strip().splitlines()) == 1, shown.err


def test_a_forged_attorney_gets_no_restricted_key(vault, vault_dir):
    store_work_product(vault, "secret analysis")
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'attorney' WHERE username = 'paralegal'")
    open_session(vault, "attorney", PASSWORD).lock()  # an attorney's unlock shares the key with verified attorneys only
    slots = KeySlotFile.load(vault_dir / COPY_NAMES[0])
    assert RESTRICTED_KEY not in slots.find(user_slot_id(slots.vault_id, "paralegal")).sealed_secrets
    with pytest.raises(AuthenticationFailed, match="role grant"):
        open_session(vault, "paralegal", PASSWORD)


def test_a_user_added_outside_the_app_cannot_log_in(vault, vault_dir, cli):
    key = _paralegal_db_key(vault_dir)
    store = SlotStore(vault_dir)
    slots = store.load()
    evil_id = user_slot_id(slots.vault_id, "evil")
    slots.upsert(KeySlot.create(slots.vault_id, evil_id, "user", PASSWORD.encode(), params_for_new_slots(), key, slots.generation))
    store.save(slots)
    _raw_sql(
        vault_dir, key,
        "INSERT INTO users (id, username, role, slot_id, created_at, created_by) VALUES ('x', 'evil', 'manager', ?, '', '')",
        (evil_id,),
    )
    refused = cli("user", "list", user="evil")
    assert refused.code == 3 and "role grant does not verify" in refused.err
    report = cli("vault", "check")
    assert report.code == 1 and "FAIL role grants: user 'evil': no signed grant (added outside the app)" in report.out


def test_a_roster_signed_with_another_key_verifies_for_nobody(vault, vault_dir):
    store = SlotStore(vault_dir)
    slots = store.load()
    forged_seed = b"\x01" * 32
    roster, _ = grants.Roster.from_signed(slots.roster)
    roster.grants[user_slot_id(slots.vault_id, "paralegal")] = grants.Grant(
        user_slot_id(slots.vault_id, "paralegal"), "paralegal", "manager"
    )
    roster.signer, roster.version = grants.public_of_seed(forged_seed), roster.version + 1
    slots.roster = roster.signed(grants.signing_key_from(forged_seed))
    store.save(slots)
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    for user in ("paralegal", "manager"):
        with pytest.raises(AuthenticationFailed, match="role grant"):
            open_session(vault, user, PASSWORD)


def test_role_changes_through_the_app_are_signed(vault, vault_dir):
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.set_role("paralegal", "attorney")
        s.users.add("second", "manager", PASSWORD)
        assert any(e.action == "user.role_changed" for e in s.audit.entries())
    with open_session(vault, "paralegal", PASSWORD) as s:
        assert s.role.value == "attorney"
    with open_session(vault, "second", PASSWORD) as s:
        assert grants.SIGNING_SECRET in s.role_secrets  # a new manager can sign in turn
        s.users.set_role("attorney", "paralegal")
    with open_session(vault, "manager", PASSWORD) as s:
        report = check(s)
        assert report["ok"], report["problems"]
        assert any(line.startswith("ok   role grants signed") for line in report["lines"])


def test_an_older_vault_is_signed_at_the_first_manager_login(tmp_path):
    folder = tmp_path / "schema-1"
    shutil.copytree(FIXTURES / "schema-1", folder)
    vault = Vault(folder)
    with open_session(vault, "attorney", "fixture-password") as s:  # before any manager: nothing signed yet
        assert s.grants.legacy
    with open_session(vault, "manager", "fixture-password") as s:
        assert not s.grants.legacy and check(s)["ok"]
    with open_session(vault, "attorney", "fixture-password") as s:  # trusts the clinic key from now on
        assert not s.grants.legacy
    doc = json.loads((folder / COPY_NAMES[0]).read_bytes())
    assert {u["username"] for u in doc["roster"]["users"]} == {"manager", "attorney"}
    key = _paralegal_db_key(folder, "attorney", "fixture-password")
    _raw_sql(folder, key, "UPDATE users SET role = 'manager' WHERE username = 'attorney'")
    with pytest.raises(AuthenticationFailed, match="role grant"):
        open_session(vault, "attorney", "fixture-password")


def _add_second_attorney(vault) -> None:
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.add("second", "attorney", PASSWORD)


def test_a_swapped_slot_public_key_never_receives_the_restricted_key(vault, vault_dir, cli):
    """The paralegal puts their own public key into a new attorney's slot, hoping the next
    attorney login seals the restricted-data key to it."""
    from clinic_app.crypto.envelope import new_keypair

    matter_id, _, _ = store_work_product(vault, "secret analysis")
    _add_second_attorney(vault)
    store = SlotStore(vault_dir)
    slots = store.load()
    _, attacker_public = new_keypair()
    slots.find(user_slot_id(slots.vault_id, "second")).public_key = attacker_public
    store.save(slots)
    open_session(vault, "attorney", PASSWORD).lock()
    slots = store.load()
    assert RESTRICTED_KEY not in slots.find(user_slot_id(slots.vault_id, "second")).sealed_secrets
    report = cli("vault", "check")
    assert report.code == 1 and "user 'second': key slot replaced or missing outside the app" in report.out


def test_a_planted_restricted_key_is_not_opened_and_is_sealed_over(vault, vault_dir):
    """The paralegal seals a key of their own choosing into a new attorney's slot, so that
    what that attorney writes would be readable with it."""
    from clinic_app.crypto.keyslots import Sealer

    matter_id, _, _ = store_work_product(vault, "secret analysis")
    _add_second_attorney(vault)
    store = SlotStore(vault_dir)
    slots = store.load()
    paralegal = slots.find(user_slot_id(slots.vault_id, "paralegal"))
    paralegal_private = paralegal.unwrap_private(slots.vault_id, PASSWORD.encode())
    planted = b"\x07" * 32
    target = slots.find(user_slot_id(slots.vault_id, "second"))
    target.seal_secret(slots.vault_id, RESTRICTED_KEY, planted, Sealer(paralegal.id, slot_private_key=paralegal_private))
    store.save(slots)
    with open_session(vault, "second", PASSWORD) as s:
        assert s.role_secrets.get(RESTRICTED_KEY) != planted  # not opened: the paralegal may not seal it
    open_session(vault, "attorney", PASSWORD).lock()  # a genuine holder seals over it
    with open_session(vault, "second", PASSWORD) as s:
        assert s.role_secrets[RESTRICTED_KEY] != planted
        assert [v.value for v in s.restricted.values(matter_id)] == ["secret analysis"]


def test_a_list_signed_after_a_removal_in_the_same_session_leaves_the_removed_user_out(vault):
    """The removal's signed list is the one the session signs the next change from (it used
    to sign the next change from the list before the removal: the removed user came back,
    under the same version number, and was reported as deleted outside the app)."""
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("paralegal")
        s.users.add("second", "attorney", PASSWORD)
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.grants.problems == []
        assert sorted(g.username for g in s.grants.roster.grants.values()) == ["attorney", "manager", "second"]
        assert check(s)["ok"]


def test_a_grant_is_found_by_its_user_name_case_aside(vault):
    """Audit entries and revocations name their actor, not a slot: `Roster.grant_named`."""
    with open_session(vault, "manager", PASSWORD) as s:
        roster = s.grants.roster
        manager = roster.grant_named("Manager")
        assert manager is not None and manager.role == "manager" and manager.slot_id in roster.grants
        assert roster.grant_named("paralegal").role == "paralegal"
        assert roster.grant_named("nobody") is None
