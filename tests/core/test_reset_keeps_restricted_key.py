"""A password reset with the recovery key keeps the one restricted-data key: the reset attorney,
the other attorneys and the recovery slot all hold the key the values were written under.

The attorney reset here is the one who made the key, so every other copy was sealed by the key
pair the reset replaces (the worst case: before, every copy stopped verifying and nobody read
a restricted value again). Real vaults, the real CLI for `vault recover`, kills as tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from clinic_app import role_secrets
from clinic_app.crypto.keyslots import RECOVERY_SLOT_ID, user_slot_id
from clinic_app.errors import AuthenticationFailed, ValidationError
from clinic_app.lifecycle import create_vault, open_session, recover_session, replace_recovery_key
from clinic_app.vault import Vault, normalise_recovery_key
from clinic_app.vault_check import check
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import store_work_product

NEW_PASSWORD = "a brand new password 1"
BEFORE, AFTER = "A-number written before the reset", "A-number written after the reset"


@pytest.fixture
def clinic(vault_dir):
    """manager, attorney (logs in first: makes the key, seals every copy), attorney2 (never
    logged in: their copy is the one `attorney` sealed), paralegal; one value. (vault, key, matter)."""
    vault = Vault(vault_dir)
    session, recovery_key = create_vault(vault, "manager", PASSWORD, clinic_name="Test Clinic")
    for name, role in (("attorney", "attorney"), ("attorney2", "attorney"), ("paralegal", "paralegal")):
        session.users.add(name, role, PASSWORD)
    session.lock()
    matter_id, _, _ = store_work_product(vault, BEFORE)
    return vault, recovery_key, matter_id


def key_and_values(vault, user, password, matter_id):
    with open_session(vault, user, password) as s:
        key = role_secrets.secret(s, role_secrets.RESTRICTED)
        return key, sorted(v.value for v in s.restricted.values(matter_id))


def recovery_copy(vault, recovery_key) -> bytes:
    """The restricted-data key as the recovery slot holds it (opened with the recovery key)."""
    slots = vault.slot_store.load()
    slot = slots.find(RECOVERY_SLOT_ID)
    private = slot.unwrap_private(slots.vault_id, normalise_recovery_key(recovery_key))
    return slot.open_secret(slots.vault_id, private, role_secrets.RESTRICTED)


def reset(how, vault, recovery_key, cli):
    if how == "cli":
        done = cli("vault", "recover", user="attorney", password=None,
                   env={"CLINIC_RECOVERY_KEY": recovery_key, "CLINIC_NEW_PASSWORD": NEW_PASSWORD})
        assert done.code == 0, done.err
    elif how == "manager":
        with open_session(vault, "manager", PASSWORD) as s:
            s.users.reset_password("attorney", recovery_key, NEW_PASSWORD)
    else:
        recover_session(vault, recovery_key, "attorney", NEW_PASSWORD).lock()


@pytest.mark.parametrize("key_kind", ["original", "replaced"])
@pytest.mark.parametrize("how", ["cli", "recover", "manager"])
def test_after_a_reset_everyone_entitled_reads_old_and_new_values_under_the_one_key(clinic, cli, how, key_kind):
    vault, recovery_key, matter_id = clinic
    if key_kind == "replaced":
        with open_session(vault, "manager", PASSWORD) as s:
            recovery_key = replace_recovery_key(s).key
        open_session(vault, "attorney", PASSWORD).lock()  # completes the new slot
    key, _ = key_and_values(vault, "attorney", PASSWORD, matter_id)
    assert recovery_copy(vault, recovery_key) == key

    reset(how, vault, recovery_key, cli)

    if key_kind == "replaced":
        # The replacement made a rotation due; the one that ran is signed by the attorney's old
        # key pair, which the list no longer names, so the first log-in after the reset rotates
        # once more (values re-encrypted, every holder given the new key): still one key.
        key, _ = key_and_values(vault, "attorney", NEW_PASSWORD, matter_id)
    assert key_and_values(vault, "attorney", NEW_PASSWORD, matter_id) == (key, [BEFORE])
    assert key_and_values(vault, "attorney2", PASSWORD, matter_id) == (key, [BEFORE])
    with open_session(vault, "attorney", NEW_PASSWORD) as s:
        s.restricted.put(matter_id, "immigration_analysis", AFTER)
    for user, password in (("attorney", NEW_PASSWORD), ("attorney2", PASSWORD)):
        assert key_and_values(vault, user, password, matter_id) == (key, sorted([BEFORE, AFTER]))
    assert recovery_copy(vault, recovery_key) == key  # one key: no second one was minted
    with open_session(vault, "manager", PASSWORD) as s:
        assert check(s)["ok"], check(s)["lines"]


KILLED_RESET = """
import os, sys
from clinic_app.lifecycle import recover_session
from clinic_app.vault import Vault
os.environ["CLINIC_TEST_CRASH_AT"] = sys.argv[4]
recover_session(Vault(sys.argv[1]), sys.argv[2], "attorney", sys.argv[3]).lock()
print("not killed")
"""


def test_a_kill_while_the_reset_writes_the_slot_file_leaves_one_key_readable_by_all(clinic):
    vault, recovery_key, matter_id = clinic
    key, _ = key_and_values(vault, "attorney", PASSWORD, matter_id)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_RESET, str(vault.folder), recovery_key, NEW_PASSWORD, "slots.first_copy_written"],
        capture_output=True, text=True, env={**os.environ},
    )
    assert killed.returncode == -9 and "not killed" not in killed.stdout, killed
    copies = [p.read_bytes() for p in vault.slot_store.paths]
    assert copies[0] != copies[1]  # killed between the two copies of the one write
    # The first copy is the newer: the reset happened, with the key re-sealed in the same write.
    assert key_and_values(vault, "attorney", NEW_PASSWORD, matter_id) == (key, [BEFORE])
    assert key_and_values(vault, "attorney2", PASSWORD, matter_id) == (key, [BEFORE])
    assert recovery_copy(vault, recovery_key) == key
    with pytest.raises(AuthenticationFailed):
        open_session(vault, "attorney", PASSWORD)


# -- a new recovery key that does not carry the restricted-data key yet ----------------------


@pytest.fixture
def replaced_before_any_attorney_login(clinic):
    """A manager replaced the recovery key; no attorney has logged in since."""
    vault, _old, matter_id = clinic
    with open_session(vault, "manager", PASSWORD) as s:
        made = replace_recovery_key(s)
    assert made.waiting_for_holder == (role_secrets.RESTRICTED,)
    return vault, made.key, matter_id


def test_resetting_the_only_holder_with_a_key_that_lacks_it_is_refused_and_changes_nothing(replaced_before_any_attorney_login, cli):
    vault, recovery_key, matter_id = replaced_before_any_attorney_login
    # attorney2's copy was sealed by `attorney`: after a reset of `attorney` it would verify no more.
    def attorney_slot():
        slots = vault.slot_store.load()
        return slots.find(user_slot_id(slots.vault_id, "attorney")).to_json()

    before = [p.read_bytes() for p in vault.slot_store.paths]
    refused = cli("vault", "recover", user="attorney", password=None,
                  env={"CLINIC_RECOVERY_KEY": recovery_key, "CLINIC_NEW_PASSWORD": NEW_PASSWORD})
    assert refused.code == ValidationError.exit_code and refused.out == "", refused
    [line] = refused.err.strip().splitlines()
    assert line.startswith("error: ") and "restricted-data key" in line and "log" in line, line
    assert [p.read_bytes() for p in vault.slot_store.paths] == before
    kept = attorney_slot()
    with open_session(vault, "manager", PASSWORD) as s:
        with pytest.raises(ValidationError) as raised:
            s.users.reset_password("attorney", recovery_key, NEW_PASSWORD)
        assert raised.value.code == "vault.reset_would_lose_key"
        assert raised.value.params == {"username": "attorney", "secret": role_secrets.RESTRICTED}
        incomplete = [line for line in check(s)["lines"] if "does not carry the restricted key yet" in line]
        assert len(incomplete) == 1 and incomplete[0].startswith("warn"), check(s)["lines"]
    assert attorney_slot() == kept  # (the manager's own log-in writes the file; the attorney's slot stays)
    # Nothing lost: the attorney's old password still opens the key, and that log-in
    # completes the recovery slot, after which the reset goes through and keeps the key.
    key, values = key_and_values(vault, "attorney", PASSWORD, matter_id)
    assert values == [BEFORE]
    with open_session(vault, "manager", PASSWORD) as s:
        assert not [line for line in check(s)["lines"] if "does not carry" in line]
    recover_session(vault, recovery_key, "attorney", NEW_PASSWORD).lock()
    key, values = key_and_values(vault, "attorney", NEW_PASSWORD, matter_id)  # (rotated: the new key made it due)
    assert values == [BEFORE]
    assert key_and_values(vault, "attorney2", PASSWORD, matter_id) == (key, [BEFORE])
    assert recovery_copy(vault, recovery_key) == key


def test_a_reset_the_key_outlives_goes_through_and_says_the_key_comes_at_another_attorneys_login(clinic, cli):
    vault, _old, matter_id = clinic
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.add("attorney3", "attorney", PASSWORD)
    open_session(vault, "attorney", PASSWORD).lock()  # seals attorney3's copy; attorney3 never logs in
    # attorney2 logged in once: their copy is theirs now, whoever is reset later...
    with open_session(vault, "attorney2", PASSWORD) as s:
        key = role_secrets.secret(s, role_secrets.RESTRICTED)
    with open_session(vault, "manager", PASSWORD) as s:  # ...then a new recovery key, no attorney since
        recovery_key = replace_recovery_key(s).key
    done = cli("vault", "recover", user="attorney", password=None,
               env={"CLINIC_RECOVERY_KEY": recovery_key, "CLINIC_NEW_PASSWORD": NEW_PASSWORD})
    assert done.code == 0, done.err
    assert "restricted" in done.out and "another attorney" in done.out, done.out
    with open_session(vault, "attorney", NEW_PASSWORD) as s:
        assert role_secrets.secret(s, role_secrets.RESTRICTED) is None
    key, values = key_and_values(vault, "attorney2", PASSWORD, matter_id)  # shares it (and rotates: the new key made it due)
    assert values == [BEFORE]
    # attorney3's copy was sealed by the old key pair: taken out at the reset, so attorney2's
    # log-in sealed it again (before, it stayed, unverifiable, and looked genuine to attorney2)
    assert key_and_values(vault, "attorney3", PASSWORD, matter_id) == (key, [BEFORE])
    assert key_and_values(vault, "attorney", NEW_PASSWORD, matter_id) == (key, [BEFORE])
    assert recovery_copy(vault, recovery_key) == key


# -- a holder's own copy outlives whoever sealed it ----------------------------------------------


@pytest.mark.parametrize("change", ["remove", "make_paralegal"])
def test_the_attorney_who_sealed_the_copies_leaving_does_not_take_the_key_with_them(clinic, change):
    vault, _key, matter_id = clinic
    key, _ = key_and_values(vault, "attorney2", PASSWORD, matter_id)  # their copy was sealed by `attorney`
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("attorney") if change == "remove" else s.users.set_role("attorney", "paralegal")
    new_key, values = key_and_values(vault, "attorney2", PASSWORD, matter_id)
    assert values == [BEFORE]
    assert new_key != key  # the leaver knew it: rotated


def test_each_holder_seals_their_own_copy_once_they_have_opened_it(clinic):
    vault, _key, _matter = clinic
    open_session(vault, "attorney2", PASSWORD).lock()
    slots = vault.slot_store.load()
    mine = slots.find(user_slot_id(slots.vault_id, "attorney2")).sealed_secrets[role_secrets.RESTRICTED]
    assert mine["by"].decode() == user_slot_id(slots.vault_id, "attorney2")


# -- attacks on the key's copies by staff with a valid password and their own tools -------------


def _own_slot(folder_vault, username, password=PASSWORD):
    """(slot file, the user's slot, its private key): what anyone gets from their own slot."""
    slots = folder_vault.slot_store.load()
    slot = slots.find(user_slot_id(slots.vault_id, username))
    return slots, slot, slot.unwrap_private(slots.vault_id, password.encode())


def _stored(vault, matter_id):
    with open_session(vault, "manager", PASSWORD) as s:
        return s.db.query("SELECT id, matter_id, field, value FROM restricted_values WHERE matter_id = ?", (matter_id,))


def _opens_any(key: bytes, rows) -> list[str]:
    from clinic_app.crypto import value_cipher

    opened = []
    for value_id, matter_id, field, stored in rows:
        try:
            opened.append(value_cipher.decrypt({role_secrets.key_id(key): key}, stored, f"restricted|{value_id}|{matter_id}|{field}"))
        except Exception:  # noqa: BLE001 - any refusal counts as not opened
            pass
    return opened


def _store_a_decoy_under(session, matter_id, key: bytes, empty_the_store: bool = False) -> None:
    """With the staff member's own database key and raw SQL: a value under a key of their choosing."""
    from clinic_app.crypto import value_cipher

    purpose_id, category = session.db.query_one("SELECT purpose_id, category FROM restricted_values LIMIT 1")
    if empty_the_store:
        session.db.execute("DELETE FROM restricted_values")
    fake_id = "f" * 32
    aad = f"restricted|{fake_id}|{matter_id}|immigration_analysis"
    session.db.execute(
        "INSERT INTO restricted_values (id, purpose_id, matter_id, category, field, value, created_at, created_by, updated_at, updated_by)"
        " VALUES (?,?,?,?,?,?,'2026-01-01','staff','2026-01-01','staff')",
        (fake_id, purpose_id, matter_id, category, "immigration_analysis", value_cipher.encrypt(key, role_secrets.key_id(key), "decoy", aad)),
    )


@pytest.mark.parametrize("with_a_value_of_their_own", [False, True])
def test_a_manager_planting_a_key_sealed_with_the_clinic_key_reads_no_later_value(clinic, with_a_value_of_their_own):
    """The clinic signing key (managers') signs the user list and seals the managers' secrets;
    before, a copy of the attorneys' key it sealed was taken as genuine, so a manager could
    put a key of their choosing in an attorney's slot and read what that attorney wrote next."""
    from clinic_app import grants
    from clinic_app.crypto.keyslots import Sealer

    vault, _key, matter_id = clinic
    key, _ = key_and_values(vault, "attorney2", PASSWORD, matter_id)
    slots, manager_slot, private = _own_slot(vault, "manager")
    seed = manager_slot.open_secret(slots.vault_id, private, role_secrets.SIGNING)
    chosen = os.urandom(32)
    target = slots.find(user_slot_id(slots.vault_id, "attorney2"))
    target.seal_secret(slots.vault_id, role_secrets.RESTRICTED, chosen, Sealer("clinic", signing_key=grants.signing_key_from(seed)))
    vault.slot_store.save(slots)
    if with_a_value_of_their_own:  # a row under the chosen key, so "a value is under it" holds
        with open_session(vault, "manager", PASSWORD) as s:
            _store_a_decoy_under(s, matter_id, chosen)
    with open_session(vault, "attorney2", PASSWORD) as s:
        assert role_secrets.secret(s, role_secrets.RESTRICTED) != chosen
        assert "role_secret.copy_refused" in [p.code for p in s.grants.problems]
    open_session(vault, "attorney", PASSWORD).lock()  # a holder seals the genuine key again
    with open_session(vault, "attorney2", PASSWORD) as s:
        assert role_secrets.secret(s, role_secrets.RESTRICTED) == key
        s.restricted.put(matter_id, "immigration_analysis", AFTER)
    assert AFTER not in _opens_any(chosen, _stored(vault, matter_id))


def test_an_old_copy_put_back_after_a_rotation_is_refused(clinic):
    """attorney3 leaves knowing the key; the rotation gives everyone a new one. Someone with the
    slot file puts attorney2's copy from before the rotation back: before, attorney2 took the
    old key again and wrote new values under it, readable with the key the leaver kept."""
    import copy

    vault, _key, matter_id = clinic
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.add("attorney3", "attorney", PASSWORD)
    open_session(vault, "attorney", PASSWORD).lock()
    kept, _ = key_and_values(vault, "attorney3", PASSWORD, matter_id)
    slots = vault.slot_store.load()
    old_copy = copy.deepcopy(slots.find(user_slot_id(slots.vault_id, "attorney2")).sealed_secrets[role_secrets.RESTRICTED])
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("attorney3")
    rotated, values = key_and_values(vault, "attorney", PASSWORD, matter_id)
    assert rotated != kept and values == [BEFORE]
    slots = vault.slot_store.load()
    slots.find(user_slot_id(slots.vault_id, "attorney2")).sealed_secrets[role_secrets.RESTRICTED] = old_copy
    vault.slot_store.save(slots)
    with open_session(vault, "attorney2", PASSWORD) as s:
        assert role_secrets.secret(s, role_secrets.RESTRICTED) != kept
        assert "role_secret.copy_refused" in [p.code for p in s.grants.problems]
    open_session(vault, "attorney", PASSWORD).lock()  # a holder seals the current key again
    assert key_and_values(vault, "attorney2", PASSWORD, matter_id) == (rotated, [BEFORE])
    with open_session(vault, "attorney2", PASSWORD) as s:
        s.restricted.put(matter_id, "immigration_analysis", AFTER)
    assert _opens_any(kept, _stored(vault, matter_id)) == []


def test_a_paralegal_copying_an_attorneys_copy_or_slot_opens_nothing(clinic):
    from clinic_app.crypto.envelope import SealError

    vault, _key, _matter = clinic
    slots, para, para_private = _own_slot(vault, "paralegal")
    attorney = slots.find(user_slot_id(slots.vault_id, "attorney"))
    para.sealed_secrets[role_secrets.RESTRICTED] = attorney.sealed_secrets[role_secrets.RESTRICTED]
    with pytest.raises(SealError):  # sealed to the attorney's public key, bound to the attorney's slot id
        para.open_secret(slots.vault_id, para_private, role_secrets.RESTRICTED)
    vault.slot_store.save(slots)
    with open_session(vault, "paralegal", PASSWORD) as s:
        assert role_secrets.secret(s, role_secrets.RESTRICTED) is None
    # The attorney's whole slot under the paralegal's id: the paralegal's password opens nothing.
    slots = vault.slot_store.load()
    stolen = type(attorney).from_json({**attorney.to_json(), "id": para.id})
    with pytest.raises(SealError):
        stolen.unwrap_private(slots.vault_id, PASSWORD.encode())


@pytest.mark.parametrize("change", ["remove", "make_paralegal"])
def test_the_sealing_attorney_leaving_before_a_colleague_ever_logged_in_loses_nothing(clinic, change):
    """attorney2 has never logged in: their copy (and the recovery slot's) is the one `attorney`
    sealed, which verifies no more once `attorney` is off the list. The rotation their leaving
    makes due still opens it, as the key every stored value is under, and rotates away from it."""
    vault, recovery_key, matter_id = clinic
    key, _ = key_and_values(vault, "attorney", PASSWORD, matter_id)
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("attorney") if change == "remove" else s.users.set_role("attorney", "paralegal")
    new_key, values = key_and_values(vault, "attorney2", PASSWORD, matter_id)
    assert values == [BEFORE] and new_key not in (None, key)
    assert recovery_copy(vault, recovery_key) == new_key
    assert _opens_any(key, _stored(vault, matter_id)) == []


def test_a_copy_nobody_can_vouch_for_is_not_taken_without_a_rotation_due(clinic):
    """The rescue above is for a rotation only: a key of a paralegal's choosing, planted after they
    deleted every value and stored one under it, is at most the old key of a rotation."""
    from clinic_app.crypto.keyslots import Sealer

    vault, _key, matter_id = clinic
    chosen = os.urandom(32)
    slots, _para, para_private = _own_slot(vault, "paralegal")
    target = slots.find(user_slot_id(slots.vault_id, "attorney2"))
    target.seal_secret(slots.vault_id, role_secrets.RESTRICTED, chosen, Sealer(user_slot_id(slots.vault_id, "attorney"), slot_private_key=para_private))
    vault.slot_store.save(slots)
    with open_session(vault, "paralegal", PASSWORD) as s:
        _store_a_decoy_under(s, matter_id, chosen, empty_the_store=True)
    with open_session(vault, "attorney2", PASSWORD) as s:
        assert role_secrets.secret(s, role_secrets.RESTRICTED) != chosen


def test_with_no_value_yet_the_remaining_attorney_gets_a_key_of_their_own(vault_dir):
    """Nothing is under the key yet, and the only copy a remaining attorney has was sealed by the
    one who left: before, it counted as 'another attorney holds it', so nobody could ever store a
    restricted fact again. Now a new key is made (one: every old copy goes)."""
    from tests.core.restricted_helpers import add_matter

    vault = Vault(vault_dir)
    session, recovery_key = create_vault(vault, "manager", PASSWORD, clinic_name="Test Clinic")
    session.users.add("attorney", "attorney", PASSWORD)
    session.users.add("attorney2", "attorney", PASSWORD)
    session.lock()
    open_session(vault, "attorney", PASSWORD).lock()  # makes the key, seals attorney2's copy
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("attorney")
    with open_session(vault, "attorney2", PASSWORD) as s:
        key = role_secrets.secret(s, role_secrets.RESTRICTED)
        assert key is not None
    with open_session(vault, "manager", PASSWORD) as s:
        matter_id = add_matter(s)
    with open_session(vault, "attorney2", PASSWORD) as s:
        from datetime import timedelta

        from clinic_app import clock
        from clinic_app.restricted_categories import PurposeKind, category_of

        s.restricted.open_purpose(matter_id, PurposeKind.ATTORNEY_WORK_PRODUCT, [category_of("immigration_analysis")],
                                  client_consent=True, expires_on=clock.today() + timedelta(days=30))
        s.restricted.put(matter_id, "immigration_analysis", AFTER)
    assert key_and_values(vault, "attorney2", PASSWORD, matter_id) == (key, [AFTER])
    assert recovery_copy(vault, recovery_key) == key


# -- a new recovery key because the old sheet was lost ---------------------------------------


def test_the_old_sheet_and_an_old_copy_of_the_slot_file_open_no_value_written_after_a_new_key(clinic):
    """Whoever finds the lost sheet and kept an old keyslots.json opens the old recovery slot's
    copy of the attorneys' key with raw tools. A new recovery key makes that key due for
    rotation, so the next attorney login re-encrypts every value away from it."""
    import copy

    vault, old_key, matter_id = clinic
    open_session(vault, "attorney", PASSWORD).lock()
    kept_file = copy.deepcopy(vault.slot_store.load())  # the old slot, as a copy of the folder has it
    old_slot = kept_file.find(RECOVERY_SLOT_ID)
    private = old_slot.unwrap_private(kept_file.vault_id, normalise_recovery_key(old_key))
    found = old_slot.open_secret(kept_file.vault_id, private, role_secrets.RESTRICTED)
    assert _opens_any(found, _stored(vault, matter_id)) == [BEFORE]
    with open_session(vault, "manager", PASSWORD) as s:
        new_key = replace_recovery_key(s).key
    open_session(vault, "attorney", PASSWORD).lock()  # rotates
    with open_session(vault, "attorney", PASSWORD) as s:
        s.restricted.put(matter_id, "immigration_analysis", AFTER)
    assert _opens_any(found, _stored(vault, matter_id)) == []
    assert key_and_values(vault, "attorney2", PASSWORD, matter_id)[1] == sorted([BEFORE, AFTER])
    assert recovery_copy(vault, new_key) == key_and_values(vault, "attorney", PASSWORD, matter_id)[0]


def test_the_old_recovery_slot_put_back_resets_no_password(clinic, cli):
    """The old slot put back into the file (the signed list names the new one): before, the old
    key reset any password through the app."""
    import copy

    vault, old_key, matter_id = clinic
    kept = copy.deepcopy(vault.slot_store.load().find(RECOVERY_SLOT_ID))
    with open_session(vault, "manager", PASSWORD) as s:
        replace_recovery_key(s)
    slots = vault.slot_store.load()
    slots.upsert(kept)
    vault.slot_store.save(slots)
    refused = cli("vault", "recover", user="attorney", password=None,
                  env={"CLINIC_RECOVERY_KEY": old_key, "CLINIC_NEW_PASSWORD": NEW_PASSWORD})
    assert refused.code == AuthenticationFailed.exit_code and refused.err.startswith("error: "), refused
    with open_session(vault, "manager", PASSWORD) as s:
        with pytest.raises(AuthenticationFailed):
            s.users.reset_password("attorney", old_key, NEW_PASSWORD)
    open_session(vault, "attorney", PASSWORD).lock()  # the attorney's password still works
