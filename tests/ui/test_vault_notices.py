"""After unlock, the real window shows what the core found wrong while opening the vault, to
the people who must act: a damaged key-slot copy (whoever unlocked), a role changed in the
users table outside the app and a cut audit log (managers; others are told to ask one).
Real vaults damaged on disk or with raw SQL, the real MainWindow, English and Spanish."""

from __future__ import annotations

import pytest

from clinic_app.crypto.keyslots import COPY_NAMES
from clinic_app.findings import CODES as FINDING_CODES, Finding
from tests.core.test_audit_anchor import cut_the_newest_entries
from tests.core.test_role_grants import _paralegal_db_key, _raw_sql
from tests.ui.conftest import unlock
from ui.vault_notice_text import finding_text


def shown_notices(window) -> str:
    """The text of the notices dialog the window opened at unlock ("" when none)."""
    dialog = window.vault_notices
    if dialog is None:
        return ""
    assert dialog.isVisible() and dialog.parent() is window
    return dialog.plain_text().replace("\u00a0", " ")  # menu paths are kept on one line


def damage_second_slot_copy(folder) -> None:
    path = folder / COPY_NAMES[1]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_clean_unlock_shows_nothing(main_window):
    unlock(main_window, "manager")
    assert main_window.session is not None and main_window.vault_notices is None


def test_a_repaired_slot_copy_is_told_to_the_user_who_unlocked(main_window, vault_dir):
    damage_second_slot_copy(vault_dir)
    unlock(main_window, "paralegal")
    text = shown_notices(main_window)
    assert "The vault's key file was repaired" in text
    assert "A copy of the vault's key file (keyslots.copy.json) was damaged or missing; the app rewrote it from the other, intact copy." in text
    assert "Nothing was lost" in text and "tell a clinic manager" in text
    main_window.lock()  # repaired: the next unlock has nothing to say
    unlock(main_window, "paralegal")
    assert main_window.vault_notices is None


def test_a_manager_who_meets_a_repaired_copy_is_told_to_make_a_backup(main_window, vault_dir):
    damage_second_slot_copy(vault_dir)
    unlock(main_window, "manager")
    text = shown_notices(main_window)
    assert "keyslots.copy.json" in text and "make a backup now (Tools ▸ Backup)" in text


def test_a_role_changed_in_the_users_table_is_shown_to_managers_with_what_to_do(main_window, vault, vault_dir):
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    unlock(main_window, "attorney")  # not the one to act: told to ask a manager, no details
    text = shown_notices(main_window)
    assert "Accounts and roles were changed outside the app" in text and "Tell a clinic manager today" in text
    assert "paralegal" not in text
    main_window.lock()

    unlock(main_window, "manager")
    text = shown_notices(main_window)
    assert (
        "The role of “paralegal” was changed outside the app: a manager signed it as paralegal, the vault now says manager. "
        "Set the right role in Clinic ▸ Users." in text
    )
    assert "Clinic ▸ Check the vault" in text
    main_window.vault_notices.accept()
    main_window.session.users.set_role("paralegal", "paralegal")  # what the notice says to do
    main_window.lock()
    unlock(main_window, "manager")
    assert main_window.vault_notices is None


def test_a_cut_audit_log_is_shown_to_managers(main_window, vault, vault_dir):
    cut_the_newest_entries(vault, vault_dir)
    unlock(main_window, "manager")
    text = shown_notices(main_window)
    assert "The audit log was cut or rewritten" in text
    assert "when you last locked the vault: entries were deleted" in text
    assert "make a backup of it now as evidence (Tools ▸ Backup)" in text


@pytest.fixture
def spanish_ui(qapp):
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    yield
    install_translators(qapp, "en")


def test_the_notices_in_spanish(spanish_ui, main_window, vault_dir):
    damage_second_slot_copy(vault_dir)
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'attorney' WHERE username = 'paralegal'")
    unlock(main_window, "manager")
    text = shown_notices(main_window)
    assert main_window.vault_notices.windowTitle() == "Problemas encontrados al abrir la bóveda"
    assert "keyslots.copy.json" in text and "No se perdió nada" in text
    assert "El rol de «paralegal» se cambió fuera de la aplicación" in text and "asistente legal" in text and "abogado" in text
    for english in ("What to do", "Tools", "Clinic ▸", "outside the app", "manager"):
        assert english not in text


def run_vault_check(qtbot, window, monkeypatch):
    """Clinic ▸ Check the vault, on a real worker thread; returns the dialog once it is done."""
    from ui import tasks
    from ui.dialogs.vault_check_dialog import VaultCheckDialog

    opened = []

    def run(dialog):
        opened.append(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.report is not None or not dialog.progress.isVisible(), timeout=20000)
        return 0

    monkeypatch.setattr(VaultCheckDialog, "exec", run)
    tasks.set_synchronous(False)
    try:
        assert window.check_vault_action.isVisible()
        window.check_vault_action.trigger()
    finally:
        tasks.set_synchronous(True)
    return opened[0]


def test_check_the_vault_in_the_app_finds_nothing_on_a_clean_vault(qtbot, main_window, monkeypatch):
    unlock(main_window, "paralegal")  # anyone who can open the vault may check it, as with the CLI
    dialog = run_vault_check(qtbot, main_window, monkeypatch)
    assert dialog.report["ok"] and dialog.summary.text().startswith("No problems found.")
    assert "audit chain intact" in dialog.lines.toPlainText()
    assert main_window.session.db.query_one("SELECT count(*) FROM audit_log WHERE action = 'vault.check'")[0] == 1


def test_check_the_vault_names_a_role_changed_outside_the_app(qtbot, main_window, vault_dir, monkeypatch):
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    unlock(main_window, "manager")
    assert "Clinic ▸ Check the vault" in shown_notices(main_window)  # what the notice says to do
    main_window.vault_notices.accept()
    dialog = run_vault_check(qtbot, main_window, monkeypatch)
    assert not dialog.report["ok"]
    assert dialog.summary.text().startswith("1 problem found") and "Restore\u00a0a" not in dialog.summary.text()
    assert "FAIL role grants: user 'paralegal': role or name changed outside the app" in dialog.lines.toPlainText()


def test_a_recovery_for_an_account_whose_role_was_changed_outside_the_app_says_why_it_fails(qtbot, tmp_path):
    """The recovery key was right: say the account does not verify, not "Wrong recovery key"."""
    from clinic_app.lifecycle import create_vault
    from clinic_app.vault import Vault
    from tests.conftest import PASSWORD
    from ui.dialogs.recover_dialog import RecoverDialog

    vault = Vault(tmp_path / "v")
    session, recovery_key = create_vault(vault, "manager", PASSWORD, "Clinic")
    session.users.add("paralegal", "paralegal", PASSWORD)
    session.lock()
    _raw_sql(vault.folder, _paralegal_db_key(vault.folder), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    dialog = RecoverDialog(vault, "paralegal")
    qtbot.addWidget(dialog)
    dialog.key.setText(recovery_key)
    dialog.password.setText("a new password")
    dialog.confirm.setText("a new password")
    with qtbot.assertNotEmitted(dialog.recovered):
        dialog.reset()
    assert dialog.error.text().startswith("This account's role does not verify: the user list was changed outside the app.")


def test_an_account_whose_role_was_changed_outside_the_app_is_told_why_it_cannot_unlock(main_window, vault_dir):
    """The password was right (the refusal comes after the key slot opened), so say what is
    wrong and who fixes it, not "Wrong user name or password"."""
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    unlock(main_window, "paralegal")
    assert main_window.session is None
    text = main_window.unlock_page.error.text()
    assert text.startswith("This account's role does not verify: the user list was changed outside the app.")
    assert "Ask a manager" in text
    unlock(main_window, "paralegal", "not the password")
    assert main_window.unlock_page.error.text() == "Wrong user name or password."


PARAMS = {"file": "keyslots.copy.json", "folder": "/media/backups", "previous": "vault.before-restore-20261127T090000Z", "users": "manager", "username": "ana", "role": "attorney", "signed_role": "paralegal", "version": 3, "seen": 5, "count": 40, "seq": 41}


@pytest.mark.parametrize("code", FINDING_CODES)
def test_every_finding_the_core_declares_has_its_own_words_in_english_and_spanish(qapp, code):
    from ui.i18n import install_translators

    finding = Finding(code, "THE CORE'S ENGLISH", **PARAMS)
    english = finding_text(finding)
    install_translators(qapp, "es")
    try:
        spanish = finding_text(finding)
    finally:
        install_translators(qapp, "en")
    for words in (english, spanish):
        assert words and "THE CORE'S ENGLISH" not in words and code not in words and "{" not in words
    assert spanish != english


def test_a_finding_code_this_app_has_no_words_for_is_named_never_shown_in_the_core_english(qapp):
    from ui.i18n import install_translators

    finding = str.__new__(Finding, "user 'ana': renamed outside the app")  # a newer core's code (this core refuses to make one)
    finding.code, finding.params = "grants.user_renamed", {"username": "ana"}
    english = finding_text(finding)
    assert english == "Something was changed outside the app (“grants.user_renamed”, which this version of the app cannot put into words)."
    install_translators(qapp, "es")
    try:
        spanish = finding_text(finding)
    finally:
        install_translators(qapp, "en")
    assert "grants.user_renamed" in spanish and "renamed outside" not in spanish and spanish != english


def test_check_the_vault_says_a_damaged_page_in_the_ui_language(qtbot, qapp, main_window, vault_dir, monkeypatch):
    """SQLCipher's own English ("HMAC verification failed for page 4") never reaches the
    window: the check's line is the core's sentence, in Spanish when the app is in Spanish."""
    from tests.core.test_vault_damage import PAGE
    from ui.i18n import install_translators

    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    data[9 * PAGE + 1000] ^= 0x5A  # the tenth page (SQLite counts from 1): the clients table, which an unlock does not read
    db.write_bytes(bytes(data))
    install_translators(qapp, "es")
    try:
        unlock(main_window)
        text = run_vault_check(qtbot, main_window, monkeypatch).lines.toPlainText()
    finally:
        install_translators(qapp, "en")
    assert "la página 10 está dañada o se cambió fuera de la aplicación" in text, text
    assert "HMAC" not in text.replace("HMAC en cada", "") and "verification failed" not in text


def test_a_setting_the_app_passed_over_is_told_to_managers_only_under_its_own_title(main_window, vault_dir):
    """Before, a retention no manager signed was shown under "Accounts and roles were changed",
    and everyone else was told to ask a manager about accounts."""
    import json

    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE settings SET value = ? WHERE key = 'clinic.name'", (json.dumps("Forged Clinic"),))
    unlock(main_window, "paralegal")
    assert main_window.vault_notices is None  # nothing for them to do
    main_window.lock()
    unlock(main_window, "manager")
    text = shown_notices(main_window)
    assert "Settings a manager must set again" in text and "Accounts and roles" not in text
    assert "Packets print the letterhead a manager signed" in text and "Clinic ▸ Clinic settings" in text
