"""Every audit entry in the name of an account that signs is signed with that account's key,
logins included, so an entry a staff member appends with raw SQL in someone else's name is a
finding: at the next login of anyone who had not seen it (managers are told) and in `vault
check`. The attack is the paralegal with their own password, the database key their slot
unwraps and raw sqlcipher3; the history of restored vaults, re-added accounts and vaults
signed by an older version stays readable."""

from __future__ import annotations

import shutil

from clinic_app import grants
from clinic_app.audit import AuditLog, entry_hash
from clinic_app.crypto.keyslots import SlotStore, user_slot_id
from clinic_app.lifecycle import open_session, restore_backup
from clinic_app.storage.database import Database
from clinic_app.vault import Vault
from clinic_app.vault_check import check
from tests.conftest import PASSWORD
from tests.core.test_audit_anchor import _paralegal_connection
from tests.core.backup_support import BACKUP_PASSPHRASE
from ui.vault_notice_text import finding_text


def forge_entry(folder, actor: str, action: str = "login", sig: str = "", by=("paralegal", PASSWORD)) -> int:
    """A staff member (`by`: the paralegal) appends an entry in `actor`'s name with raw SQL,
    chained correctly; its sequence number."""
    conn = _paralegal_connection(folder, *by)
    try:
        seq, prev = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        args = (seq + 1, "2026-11-26T10:00:00Z", actor, action, "user", actor, "", prev)
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, detail, prev_hash, hash, sig) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (*args, entry_hash(*args), sig),
        )
    finally:
        conn.close()
    return seq + 1


def _not_signed(problems) -> list[tuple[int, str]]:
    return [(p.params["seq"], p.params["username"]) for p in problems if getattr(p, "code", "") == "audit.not_signed"]


def test_logins_are_signed_by_the_user_who_logged_in(vault):
    with open_session(vault, "paralegal", PASSWORD) as s:
        login = next(e for e in s.audit.entries() if e.action == "login" and e.actor == "paralegal")
        seq, actor, digest, sig = next(r for r in s.audit.signatures() if r[0] == login.seq)
        key = s.grants.verified[user_slot_id(s.vault_id, "paralegal")].user_key
        assert sig and grants.verify(key, bytes.fromhex(sig), bytes.fromhex(digest))
        bad, good, unchecked = grants.audit_signature_report(s.grants, s.audit.signatures())
        assert bad == [] and unchecked == 0 and good == len(s.audit.signatures())


def test_an_unsigned_login_forged_in_a_managers_name_is_a_finding_managers_see(vault, vault_dir, cli):
    open_session(vault, "manager", PASSWORD).lock()
    seq = forge_entry(vault_dir, "manager")
    report = cli("vault", "check", user="paralegal")
    assert report.code == 1, report.out
    assert f"FAIL audit log: entry {seq}: in 'manager''s name but not signed by their key (written outside the app)" in report.out
    with open_session(vault, "manager", PASSWORD) as s:  # the manager had not seen it: told at login
        assert _not_signed(s.audit_problems) == [(seq, "manager")]
        assert f"Audit entry {seq}" in finding_text(s.audit_problems[0])
    with open_session(vault, "manager", PASSWORD) as s:  # the anchor does not move past it: told again
        assert _not_signed(s.audit_problems) == [(seq, "manager")]


def test_an_entry_forged_for_an_account_that_has_not_logged_in_yet_is_caught(vault, vault_dir, cli):
    """The attorney's grant says from which entry on their key signs, so their first login
    is not needed to tell a forgery in their name."""
    seq = forge_entry(vault_dir, "attorney", "user.role_changed", sig="00" * 64)
    report = cli("vault", "check")
    assert report.code == 1
    assert f"FAIL audit log: entry {seq}: the signature of 'attorney' does not verify (forged or altered)" in report.out


def test_a_restored_vault_and_a_readded_account_keep_a_readable_history(vault, vault_dir, tmp_path):
    """Entries signed with a key the account no longer has (before the restore, before the
    account was removed and added again) are counted, never called forged."""
    open_session(vault, "paralegal", PASSWORD).lock()
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("paralegal")
        s.users.add("paralegal", "paralegal", "another password 2")
    open_session(vault, "paralegal", "another password 2").lock()
    with open_session(vault, "manager", PASSWORD) as s:
        report = check(s)
        assert report["ok"], report["lines"]
        backup = s.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    shutil.rmtree(vault_dir)
    restored = restore_backup(backup, BACKUP_PASSPHRASE, tmp_path / "restored", "manager", "a new manager password")
    with restored.session as s:
        report = check(s)
        assert report["ok"], report["lines"]
        assert any("signed with a key the account no longer has" in line for line in report["lines"])
    with open_session(Vault(tmp_path / "restored"), "manager", "a new manager password") as s:
        assert s.audit_problems == []
        s.users.add("paralegal", "paralegal", PASSWORD)
    forged = forge_entry(tmp_path / "restored", "manager")
    with open_session(Vault(tmp_path / "restored"), "manager", "a new manager password") as s:
        assert _not_signed(s.audit_problems) == [(forged, "manager")]


def _as_an_older_version_left_it(vault, vault_dir) -> None:
    """A vault signed by the version before this one: grants that do not say from which entry
    on each account signs, and unsigned logins in the log after signed entries."""
    store = SlotStore(vault_dir)
    slot_file = store.load()
    manager = slot_file.find(user_slot_id(slot_file.vault_id, "manager"))
    private = manager.unwrap_private(slot_file.vault_id, PASSWORD.encode())
    seed = manager.open_secret(slot_file.vault_id, private, grants.SIGNING_SECRET)
    roster, _sig = grants.Roster.from_signed(slot_file.roster)
    undated = {k: grants.Grant(g.slot_id, g.username, g.role, g.slot_key, g.user_key) for k, g in roster.grants.items()}
    slot_file.roster = grants.Roster(roster.vault_id, roster.version, roster.signer, undated, roster.recovery_key).signed(
        grants.signing_key_from(seed)
    )
    assert all("since" not in u for u in slot_file.roster["users"])
    store.save(slot_file)
    db = Database(vault_dir / "vault.db", manager.open_db_key(slot_file.vault_id, private, slot_file.generation))
    try:
        for who in ("manager", "attorney", "manager"):
            AuditLog(db).append(who, "login", "user", who)  # what that version wrote at every login
    finally:
        db.close()


def test_a_vault_an_older_version_signed_is_dated_at_a_managers_login_and_keeps_its_history(vault, vault_dir, cli):
    _as_an_older_version_left_it(vault, vault_dir)
    with open_session(vault, "attorney", PASSWORD) as s:  # no manager yet: old unsigned logins are no finding
        assert s.audit_problems == []
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.audit_problems == []
        assert all(g.since is not None for g in s.grants.roster.grants.values())
        report = check(s)
        assert report["ok"], report["lines"]
    seq = forge_entry(vault_dir, "attorney")
    report = cli("vault", "check")
    assert report.code == 1 and f"entry {seq}: in 'attorney''s name but not signed" in report.out


def test_a_removal_finished_by_another_users_login_is_signed_by_them(vault, cli):
    """The manager's `user remove` is killed after the rekey; the attorney's unlock finishes it
    and writes the entries in their own name, naming who started it."""
    import signal

    from clinic_app.faults import CRASH_AT_ENV

    open_session(vault, "manager", PASSWORD).lock()
    assert cli("user", "remove", "paralegal", env={CRASH_AT_ENV: "rotation.rekeyed"}).code == -signal.SIGKILL
    with open_session(vault, "attorney", PASSWORD) as s:
        removal = next(e for e in s.audit.entries() if e.action == "user.remove")
        assert (removal.actor, removal.object_id) == ("attorney", "paralegal") and "manager" in removal.detail
        report = check(s)
        assert report["ok"], report["lines"]
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.audit_problems == []
