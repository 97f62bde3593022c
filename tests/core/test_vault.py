"""Vault creation, unlocking, key slots, rotation, recovery, throttling, the process lock."""

import hashlib
import shutil

import pytest

from clinic_app.domain.models import Client
from clinic_app.errors import AuthenticationFailed, ThrottledError, ValidationError, VaultExists
from clinic_app.lifecycle import create_vault, open_session, recover_session
from clinic_app.unlock_throttle import ThrottlePolicy
from clinic_app.vault import Vault
from tests.conftest import PASSWORD

CANARY = "Canary-Xq7-Zebra-Notes"


def file_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_has_no_sqlite_header_and_no_readable_client_text(vault, vault_dir):
    with open_session(vault, "paralegal", PASSWORD) as s:
        s.clients.create(Client("Ana", "Canarywoman", notes=CANARY * 20))
    data = (vault_dir / "vault.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        assert CANARY.encode(encoding) not in data
        assert "Canarywoman".encode(encoding) not in data
    assert not list(vault_dir.glob("*-wal")) or CANARY.encode() not in (vault_dir / "vault.db-wal").read_bytes()
    assert (vault_dir / "vault.db").stat().st_mode & 0o077 == 0
    assert (vault_dir / "keyslots.json").stat().st_mode & 0o077 == 0


def test_wrong_password_fails_and_changes_nothing(vault, vault_dir):
    before = file_hash(vault_dir / "vault.db")
    with pytest.raises(AuthenticationFailed):
        open_session(vault, "manager", "not the password")
    with pytest.raises(AuthenticationFailed):
        open_session(vault, "nobody", PASSWORD)
    assert file_hash(vault_dir / "vault.db") == before


def test_create_refuses_an_existing_vault_and_weak_passwords(vault, vault_dir, tmp_path):
    with pytest.raises(VaultExists):
        create_vault(Vault(vault_dir), "other", PASSWORD)
    with pytest.raises(ValidationError):
        create_vault(Vault(tmp_path / "v2"), "boss", "short")


def test_growing_delay_after_repeated_wrong_passwords(make_vault):
    now = [1000.0]
    vault = make_vault(throttle=ThrottlePolicy(free_attempts=2, first_delay=10, max_delay=100))
    vault.throttle.clock = lambda: now[0]
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            open_session(vault, "attorney", "wrong-password")
    with pytest.raises(ThrottledError) as caught:
        open_session(vault, "attorney", PASSWORD)  # even the right password waits
    assert caught.value.retry_after == pytest.approx(10)
    now[0] += 10
    with pytest.raises(AuthenticationFailed):
        open_session(vault, "attorney", "wrong-again")
    with pytest.raises(ThrottledError) as caught:
        open_session(vault, "attorney", PASSWORD)
    assert caught.value.retry_after == pytest.approx(20)  # doubled
    now[0] += 20
    with open_session(vault, "attorney", PASSWORD) as s:  # success clears it and audits the failures
        failed = [e for e in s.audit.entries() if e.action == "login.failed"]
        assert failed and "wrong passwords before this login: 3" in failed[0].detail
    assert vault.throttle.wait_needed("any") == 0


def test_removing_a_user_rotates_the_key_so_an_old_slot_file_opens_nothing(vault, vault_dir, tmp_path):
    stolen = tmp_path / "stolen-keyslots.json"
    shutil.copy(vault_dir / "keyslots.json", stolen)
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("paralegal")
        assert [e.action for e in s.audit.entries(limit=3)] == ["grants.list_signed", "vault.key_rotated", "user.remove"]
    with pytest.raises(AuthenticationFailed):
        open_session(vault, "paralegal", PASSWORD)
    # The removed user kept a copy of the old slot file: it no longer opens the database.
    shutil.copy(vault_dir / "keyslots.json", tmp_path / "current.json")
    shutil.copy(stolen, vault_dir / "keyslots.json")
    with pytest.raises(Exception):
        open_session(vault, "paralegal", PASSWORD)
    shutil.copy(tmp_path / "current.json", vault_dir / "keyslots.json")
    with open_session(vault, "attorney", PASSWORD) as s:  # remaining users still get in
        assert s.user.role == "attorney"


def test_change_own_password(vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        with pytest.raises(AuthenticationFailed):
            s.users.change_own_password("wrong", "a brand new password")
        s.users.change_own_password(PASSWORD, "a brand new password")
    with pytest.raises(AuthenticationFailed):
        open_session(vault, "attorney", PASSWORD)
    open_session(vault, "attorney", "a brand new password").lock()


def test_recovery_key_resets_a_password(vault_dir):
    session, recovery_key = create_vault(Vault(vault_dir), "manager", PASSWORD)
    session.lock()
    vault = Vault(vault_dir)
    with pytest.raises(AuthenticationFailed):
        recover_session(vault, "AAAA-BBBB", "manager", "new password 123")
    with recover_session(vault, recovery_key.lower().replace("-", " "), "manager", "new password 123") as s:
        assert s.user.username == "manager"
    open_session(vault, "manager", "new password 123").lock()


def test_second_process_is_told_the_vault_is_in_use(vault, cli):
    with open_session(vault, "manager", PASSWORD):
        result = cli("client", "list")
        assert result.code == 1
        assert result.err.strip().startswith("error: this vault is open in another")
    assert cli("client", "list").code == 0


def test_locking_forgets_the_key(vault):
    s = open_session(vault, "manager", PASSWORD)
    s.lock()
    with pytest.raises(Exception):
        s.clients.count()
    assert not s.is_open


def test_work_started_before_a_lock_fails_as_locked(vault):
    from clinic_app.errors import VaultLocked

    s = open_session(vault, "manager", PASSWORD)
    db = s.db  # a background task took the database before the user locked
    s.lock()
    with pytest.raises(VaultLocked):
        with db.transaction():
            pass
    with pytest.raises(VaultLocked):
        db.query("SELECT 1")


def test_unlock_returns_the_open_vault_and_nothing_above_it(vault, vault_dir):
    from clinic_app.errors import VaultInUse
    from clinic_app.vault import OpenVault

    opened = vault.unlock("attorney", PASSWORD)
    try:
        assert isinstance(opened, OpenVault)
        assert opened.user.username == "attorney" and opened.folder == vault_dir
        assert not hasattr(opened, "clients") and not hasattr(opened, "require")
        with pytest.raises(VaultInUse):  # the process lock is held
            vault.unlock("manager", PASSWORD)
    finally:
        opened.close()
    assert not opened.is_open
    open_session(vault, "manager", PASSWORD).lock()  # closing released the lock


def test_the_vault_id_is_read_once_per_opening(vault, traced_statements):
    session = open_session(vault, "attorney", PASSWORD)
    try:
        ids = {session.vault_id, session.ctx.vault_id, session.as_system().vault_id}
        meta_reads = [s for s in traced_statements if "meta" in s and "vault_id" in s]
    finally:
        session.lock()
    assert ids == {Vault(vault.folder).slot_store.load().vault_id}
    assert len(meta_reads) == 1, meta_reads
