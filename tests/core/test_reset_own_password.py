"""A manager resetting their own password from an open session (Clinic ▸ Users ▸ Reset
password) would leave the session signing with the old slot's key: every audit entry after
it fails its signature, and the audit anchor written at lock goes into the new slot under
the old password's key. The core refuses it with its own code (change your own password
with Change my password, or at the unlock screen with the recovery key when it is
forgotten); nothing changes and the vault still checks clean."""

from __future__ import annotations

import pytest

from clinic_app.errors import ValidationError
from clinic_app.lifecycle import create_vault, open_session
from clinic_app.vault import Vault
from tests.conftest import PASSWORD

NEW_PASSWORD = "a brand new password"


@pytest.fixture
def manager_and_key(vault_dir):
    session, recovery_key = create_vault(Vault(vault_dir), "manager", PASSWORD, clinic_name="Test Clinic")
    session.users.add("ana", "paralegal", PASSWORD)
    yield session, recovery_key
    session.lock()


def test_resetting_your_own_password_in_session_is_refused_and_the_vault_stays_consistent(manager_and_key, vault_dir, cli):
    """The fault first: whatever the reset does, what follows it must check clean with the
    password that opens the vault afterwards; then: it was refused, and nothing changed."""
    session, recovery_key = manager_and_key
    try:
        session.users.reset_password("MANAGER", recovery_key, NEW_PASSWORD)  # the own name, in any case
        refused, opens_with = "", NEW_PASSWORD
    except ValidationError as exc:
        refused, opens_with = exc.code, PASSWORD
    session.users.set_signature("manager", title="Clinic Director")  # one more audited thing
    session.lock()

    checked = cli("vault", "check", password=opens_with)
    assert checked.code == 0, checked.out + checked.err
    reopened = open_session(Vault(vault_dir), "manager", opens_with)
    try:
        assert reopened.audit_problems == []
        actions = [e.action for e in reopened.audit.entries()]
    finally:
        reopened.lock()

    assert refused == "user.cannot_reset_own_password"
    assert "recovery.password_reset" not in actions
    assert cli("user", "list", password=PASSWORD).code == 0  # the old password still opens
    wrong = cli("user", "list", password=NEW_PASSWORD)
    assert wrong.code != 0 and wrong.err.count("\n") == 1 and wrong.err.startswith("error: ")


def test_resetting_someone_elses_password_still_works_and_checks_clean(manager_and_key, vault_dir, cli):
    session, recovery_key = manager_and_key
    session.users.reset_password("ana", recovery_key, NEW_PASSWORD)
    session.users.set_signature("manager", title="Clinic Director")
    session.lock()
    checked = cli("vault", "check")
    assert checked.code == 0, checked.out + checked.err
    assert cli("user", "list", user="ana", password=NEW_PASSWORD).code == 0


def test_the_refusal_is_one_rule_the_dialog_asks_too():
    """What the Users dialog asks before enabling Reset password: the core's own answer."""
    from clinic_app.services.users import reset_refusal

    assert reset_refusal("manager", "Manager").code == "user.cannot_reset_own_password"
    assert reset_refusal("manager", "ana") is None


def test_a_forgotten_own_password_is_reset_at_unlock_and_checks_clean(manager_and_key, vault_dir, cli):
    """The way the refusal points to: `vault recover` (the unlock screen's Forgot the password?)
    starts a session on the new slot, so what that user does next signs and anchors right."""
    session, recovery_key = manager_and_key
    session.lock()
    recovered = cli("vault", "recover", password=None, env={"CLINIC_RECOVERY_KEY": recovery_key, "CLINIC_NEW_PASSWORD": NEW_PASSWORD})
    assert recovered.code == 0, recovered.err
    assert cli("user", "set", "manager", "--title", "Clinic Director", password=NEW_PASSWORD).code == 0  # one more audited thing
    checked = cli("vault", "check", password=NEW_PASSWORD)
    assert checked.code == 0, checked.out + checked.err


def test_removing_oneself_is_one_rule_the_dialog_asks_too():
    """What the Users dialog asks before enabling Remove user, and what remove raises."""
    from clinic_app.services.users import remove_refusal

    assert remove_refusal("manager", "Manager").code == "user.cannot_remove_self"
    assert remove_refusal("manager", "ana") is None
