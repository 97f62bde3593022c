"""A restored vault keeps the backup's key-slot file as `keyslots.inherited.json`, so an
attorney added again with their old password gets the restricted-data key back. The attack:
a paralegal, added again too, edits that file with their own old slot and password so that
the attorney inherits a key of the paralegal's choosing (then shares it, and what attorneys
write from then on is readable with it)."""

from __future__ import annotations

import shutil

import pytest

from clinic_app.crypto.keyslots import KeySlotFile, Sealer, user_slot_id
from clinic_app.lifecycle import open_session, restore_backup
from clinic_app.services.restricted import RESTRICTED_KEY
from clinic_app.vault import INHERITED_SLOTS_NAME, Vault
from clinic_app.vault_check import check
from tests.conftest import PASSWORD
from ui.vault_notice_text import finding_text
from tests.core.backup_support import BACKUP_PASSPHRASE
from tests.core.restricted_helpers import store_work_product

PLANTED = b"\x07" * 32


@pytest.fixture
def restored(vault, vault_dir, tmp_path):
    """A backup restored after the laptop is gone; attorney and paralegal added again with
    their old passwords; returns (restored folder, matter with a restricted value)."""
    matter_id, _, _ = store_work_product(vault, "secret analysis")
    with open_session(vault, "manager", PASSWORD) as s:
        backup = s.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    shutil.rmtree(vault_dir)
    result = restore_backup(backup, BACKUP_PASSPHRASE, tmp_path / "restored", "manager", "a new manager password")
    result.session.users.add("attorney", "attorney", PASSWORD)
    result.session.users.add("paralegal", "paralegal", PASSWORD)
    result.session.lock()
    return tmp_path / "restored", matter_id


def _plant(folder, sealer_of) -> None:
    """The paralegal's edit: the attorney's inherited restricted key replaced by PLANTED."""
    path = folder / INHERITED_SLOTS_NAME
    old = KeySlotFile.load(path)
    attorney = old.find(user_slot_id(old.vault_id, "attorney"))
    attorney.seal_secret(old.vault_id, RESTRICTED_KEY, PLANTED, sealer_of(old))
    old.save(path)  # the file's checksum is a plain SHA-256: recomputed


def _paralegal_slot(old: KeySlotFile) -> Sealer:
    paralegal = old.find(user_slot_id(old.vault_id, "paralegal"))
    return Sealer(paralegal.id, slot_private_key=paralegal.unwrap_private(old.vault_id, PASSWORD.encode()))


@pytest.mark.parametrize("sealer_of", [_paralegal_slot, lambda old: None], ids=["sealed_by_paralegal", "unsigned"])
def test_a_forged_inherited_secret_is_refused_and_reported(restored, sealer_of):
    folder, matter_id = restored
    _plant(folder, sealer_of)
    with open_session(Vault(folder), "attorney", PASSWORD) as s:
        assert s.role_secrets.get(RESTRICTED_KEY) != PLANTED
        refused = [p for p in s.grants.problems if p.code == "grants.inherited_forged"]
        assert [p.params["secret"] for p in refused] == [RESTRICTED_KEY]
        assert "kept from the backup" in finding_text(refused[0])  # its own words, not "the signed list was changed"
        assert any(e.action == "grants.inherited_refused" for e in s.audit.entries())
    with open_session(Vault(folder), "manager", "a new manager password") as s:  # and `vault check` says so to anyone
        report = check(s)
    assert any("warn" in line and "forged 'restricted' for 'attorney'" in line for line in report["lines"])


def test_a_genuine_inherited_secret_still_opens(restored):
    folder, matter_id = restored
    with open_session(Vault(folder), "attorney", PASSWORD) as s:
        assert [v.value for v in s.restricted.values(matter_id)] == ["secret analysis"]
        # Settings signed before the restore are not checkable, so they are told (docs/security.md).
        assert [p for p in s.grants.problems if not p.code.startswith("settings.")] == []


def test_an_inherited_file_whose_signed_list_is_replaced_opens_nothing(restored):
    """The paralegal signs a list of their own and seals the planted key with that key."""
    from clinic_app import grants

    folder, _matter_id = restored
    path = folder / INHERITED_SLOTS_NAME
    old = KeySlotFile.load(path)
    own_seed = b"\x05" * 32
    roster, _sig = grants.Roster.from_signed(old.roster)
    old.roster = grants.changed_roster(roster, grants.signing_key_from(own_seed))
    old.save(path)
    _plant(folder, lambda o: Sealer(grants.CLINIC_SEALER, signing_key=grants.signing_key_from(own_seed)))
    with open_session(Vault(folder), "attorney", PASSWORD) as s:
        assert s.role_secrets.get(RESTRICTED_KEY) != PLANTED
        assert any(p.code == "grants.inherited_forged" for p in s.grants.problems)


@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b.replace(b'"', b"'", 1), lambda b: b""], ids=["cut", "edited", "emptied"])
def test_a_damaged_inherited_file_is_told_at_login_and_by_vault_check(restored, damage):
    """Before: the file was passed over without a word, and the attorney's restricted facts stayed closed."""
    folder, _matter_id = restored
    path = folder / INHERITED_SLOTS_NAME
    path.write_bytes(damage(path.read_bytes()))
    with open_session(Vault(folder), "attorney", PASSWORD) as s:
        damaged = [p for p in s.grants.problems if p.code == "grants.inherited_damaged"]
        assert [p.params["file"] for p in damaged] == [INHERITED_SLOTS_NAME]
        assert "kept from the backup" in finding_text(damaged[0])
    with open_session(Vault(folder), "manager", "a new manager password") as s:
        report = check(s)
    assert any("warn" in line and INHERITED_SLOTS_NAME in line and "damaged" in line for line in report["lines"])
