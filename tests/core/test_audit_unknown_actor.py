"""Entries appended in the name of someone the signed user list does not name: an account
that never existed here (a look-alike of a real name) or one removed before the entry. No key
can check them, so before they were counted as "not checkable" and `vault check` passed; but
the log itself says who was added and removed, and when."""

from __future__ import annotations

import pytest

from clinic_app.audit import AuditLog
from clinic_app.crypto.keyslots import SlotStore, user_slot_id
from clinic_app.lifecycle import open_session
from clinic_app.storage.database import Database
from tests.conftest import PASSWORD

LOOKALIKE = "m\u0430nager"  # a Cyrillic "а": reads as "manager"


def _append_as_paralegal(vault_dir, actor: str) -> None:
    """With the paralegal's own database key and no signature: what raw SQL can do."""
    slots = SlotStore(vault_dir).load()
    slot = slots.find(user_slot_id(slots.vault_id, "paralegal"))
    key = slot.open_db_key(slots.vault_id, slot.unwrap_private(slots.vault_id, PASSWORD.encode()), slots.generation)
    db = Database(vault_dir / "vault.db", key)
    try:
        AuditLog(db).append(actor, "client.delete", "client", "c-forged", "in someone else's name")
    finally:
        db.close()


@pytest.mark.parametrize("actor", ["lookalike", "removed", "never added"])
def test_an_entry_in_the_name_of_an_account_not_here_then_is_reported(vault, vault_dir, cli, actor):
    if actor == "removed":
        with open_session(vault, "manager", PASSWORD) as s:
            s.users.add("leaving", "paralegal", PASSWORD)
            s.users.remove("leaving")
    name = {"lookalike": LOOKALIKE, "removed": "leaving", "never added": "nobody"}[actor]
    _append_as_paralegal(vault_dir, name)
    report = cli("vault", "check")
    assert report.code == 1, report.out
    assert f"in {name!r}'s name but not signed by their key (written outside the app)" in report.out
    with open_session(vault, "manager", PASSWORD) as s:
        assert [(p.code, p.params["username"]) for p in s.audit_problems] == [("audit.not_signed", name)]


def test_entries_of_a_removed_account_from_before_its_removal_are_not_reported(vault, vault_dir, cli):
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.add("leaving", "paralegal", PASSWORD)
    open_session(vault, "leaving", PASSWORD).lock()
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("leaving")
    report = cli("vault", "check")
    assert report.code == 0, report.out
