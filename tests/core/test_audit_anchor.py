"""An audit log whose truncation shows: with the database key a staff member can drop the
append-only triggers and delete or rewrite entries; the anchor in every other user's key
slot (set at each lock, under their password) and `vault check` give them away."""

from __future__ import annotations


import sqlcipher3.dbapi2 as sqlcipher

from clinic_app.audit import entry_hash
from clinic_app.crypto.keyslots import COPY_NAMES, KeySlotFile, user_slot_id
from clinic_app.lifecycle import open_session
from clinic_app.storage.database import key_pragma
from tests.conftest import PASSWORD


def _paralegal_connection(folder, who: str = "paralegal", password: str = PASSWORD):
    """Raw sqlcipher3 on the vault with the database key `who`'s own slot and password unwrap."""
    slots = KeySlotFile.load(folder / COPY_NAMES[0])
    slot = slots.find(user_slot_id(slots.vault_id, who))
    key = slot.open_db_key(slots.vault_id, slot.unwrap_private(slots.vault_id, password.encode()), slots.generation)
    conn = sqlcipher.connect(str(folder / "vault.db"), isolation_level=None)
    conn.execute(key_pragma(key))
    return conn


def _drop_triggers(conn) -> None:
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")


def cut_the_newest_entries(vault, folder) -> None:
    """A manager's entry someone wants gone, then the paralegal, with the database key, drops
    the triggers and deletes the newest four entries."""
    with open_session(vault, "manager", PASSWORD) as s:
        s.record("client.delete", "client", "c-1", "the entry someone wants gone")
    conn = _paralegal_connection(folder)
    try:
        _drop_triggers(conn)
        newest = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (newest - 4,))
    finally:
        conn.close()


def test_dropping_triggers_and_deleting_the_newest_entries_fails_vault_check(vault, vault_dir, cli):
    cut_the_newest_entries(vault, vault_dir)
    report = cli("vault", "check")
    assert report.code == 1, report.out
    assert "FAIL audit log: trigger audit_log_no_update is missing (dropped outside the app)" in report.out
    assert "FAIL audit log: trigger audit_log_no_delete is missing (dropped outside the app)" in report.out
    assert "truncated" in report.out or "deleted or rewritten" in report.out
    assert "warning: audit log:" in report.err
    again = cli("vault", "check")  # the anchor is not moved past the tampering: still caught
    assert again.code == 1 and ("truncated" in again.out or "deleted or rewritten" in again.out)


def test_emptying_the_log_fails_vault_check(vault, vault_dir, cli):
    open_session(vault, "manager", PASSWORD).lock()
    conn = _paralegal_connection(vault_dir)
    try:
        _drop_triggers(conn)
        conn.execute("DELETE FROM audit_log")
    finally:
        conn.close()
    report = cli("vault", "check")
    assert report.code == 1 and "truncated" in report.out


def test_rewriting_an_entry_and_recomputing_the_whole_chain_is_caught_by_the_anchor(vault, vault_dir, cli):
    open_session(vault, "manager", PASSWORD).lock()
    conn = _paralegal_connection(vault_dir)
    try:
        _drop_triggers(conn)
        rows = conn.execute("SELECT seq, at, actor, action, object_type, object_id, detail FROM audit_log ORDER BY seq").fetchall()
        prev = "0" * 64
        for seq, at, actor, action, otype, oid, detail in rows:  # a perfect chain, one entry blamed on someone else
            if action == "user.add":
                actor = "attorney"
            digest = entry_hash(seq, at, actor, action, otype, oid, detail, prev)
            conn.execute("UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?", (actor, prev, digest, seq))
            prev = digest
        conn.execute(
            """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""
        )
        conn.execute(
            """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""
        )
    finally:
        conn.close()
    report = cli("vault", "check")
    assert report.code == 1, report.out
    assert "deleted or rewritten" in report.out
    assert "audit chain intact" not in report.out
    # the entry now says the attorney added the user, but it carries the manager's signature
    assert "signature of 'attorney' does not verify (forged or altered)" in report.out


def test_an_entry_forged_in_another_users_name_does_not_verify(vault, vault_dir, cli):
    """No one has locked since, so no anchor can help: the signature still does."""
    conn = _paralegal_connection(vault_dir)
    try:
        seq, prev = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        args = (seq + 1, "2026-11-26T10:00:00Z", "manager", "privacy.purge", "vault", "", "on demand", prev)
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, detail, prev_hash, hash, sig) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (*args, entry_hash(*args), "00" * 64),
        )
    finally:
        conn.close()
    report = cli("vault", "check")
    assert report.code == 1
    assert f"FAIL audit log: entry {seq + 1}: the signature of 'manager' does not verify (forged or altered)" in report.out


def test_an_untouched_log_passes_and_role_changes_are_audited(vault, vault_dir, cli):
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.set_role("paralegal", "attorney")
        s.users.add("temp", "paralegal", PASSWORD)
        s.users.remove("temp")
        actions = [e.action for e in s.audit.entries()]
    for action in ("user.role_changed", "user.add", "user.remove", "vault.key_rotated"):
        assert action in actions
    report = cli("vault", "check")
    assert report.code == 0, report.out + report.err
    assert "as long as this account last saw it" in report.out
    assert "audit entries signed by their actors' keys" in report.out
