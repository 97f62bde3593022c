"""First run: the wizard creates the vault, shows the recovery key once, saves the sheet."""

import stat

from PySide6.QtWidgets import QWizard

from clinic_app.lifecycle import open_session
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from ui.dialogs.create_vault_wizard import CreateVaultWizard


def test_wizard_creates_a_vault_and_shows_the_recovery_key(qtbot, tmp_path):
    vault = Vault(tmp_path / "vault")
    wizard = CreateVaultWizard(vault)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.clinic_page.clinic_name.setText("Eastside Clinic")
    wizard.next()
    page = wizard.manager_page
    page.username.setText("boss")
    page.password.setText("short")
    page.confirm.setText("short")
    wizard.next()
    assert wizard.currentPage() is page and "8" in page.error.text()
    page.password.setText(PASSWORD)
    page.confirm.setText(PASSWORD + "x")
    wizard.next()
    assert "not the same" in page.error.text() and not vault.exists()
    page.confirm.setText(PASSWORD)
    wizard.next()
    assert vault.exists()
    assert wizard.currentPage() is wizard.recovery_page
    key = wizard.recovery_page.key_label.text()
    assert len(key.replace("-", "")) == 32
    assert page.password.text() == ""  # not kept in the widget
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()

    sheet = tmp_path / "out" / "recovery.pdf"
    wizard.recovery_page.write_sheet(str(sheet))
    assert sheet.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600

    wizard.recovery_page.confirmed.setChecked(True)
    assert finish.isEnabled()
    session = wizard.session
    wizard.accept()
    assert wizard.recovery_key is None and wizard.recovery_page.key_label.text() == ""
    assert session.clinic_name == "Eastside Clinic" and session.user.username == "boss"
    session.lock()
    open_session(Vault(tmp_path / "vault"), "boss", PASSWORD).lock()


def wizard_at_the_recovery_key(qtbot, folder) -> CreateVaultWizard:
    """A wizard that has created the vault in `folder` and shows the recovery key."""
    wizard = CreateVaultWizard(Vault(folder))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.clinic_page.clinic_name.setText("C")
    wizard.next()
    wizard.manager_page.username.setText("boss")
    wizard.manager_page.password.setText(PASSWORD)
    wizard.manager_page.confirm.setText(PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.recovery_page
    return wizard


def test_cannot_leave_without_confirming_the_key(qtbot, tmp_path, message_boxes):
    wizard = wizard_at_the_recovery_key(qtbot, tmp_path / "vault")
    wizard.reject()
    assert wizard.isVisible() and message_boxes.shown
    wizard.session.lock()
