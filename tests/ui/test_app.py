"""Start-up: the first run shows the create-vault wizard, later runs the unlock screen."""

from PySide6.QtWidgets import QDialog

from clinic_app.lifecycle import create_vault
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from ui.app import open_main_window
from ui.dialogs.create_vault_wizard import CreateVaultWizard


def test_first_run_creates_a_vault_then_opens_the_client_list(qtbot, tmp_path, monkeypatch):
    def finish_wizard(wizard):
        wizard.session, wizard.recovery_key = create_vault(wizard.vault, "boss", PASSWORD, "Clinic")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CreateVaultWizard, "exec", finish_wizard)
    window = open_main_window(Vault(tmp_path / "vault"))
    qtbot.addWidget(window)
    assert window.session.user.username == "boss"
    assert window.stack.currentWidget() is window.splitter
    window.drop_data()


def test_cancelled_first_run_opens_nothing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(CreateVaultWizard, "exec", lambda wizard: QDialog.DialogCode.Rejected)
    assert open_main_window(Vault(tmp_path / "vault")) is None
    assert not (tmp_path / "vault").exists()


def test_existing_vault_opens_at_the_unlock_screen(qtbot, vault):
    window = open_main_window(vault, "paralegal")
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.username.text() == "paralegal"
    assert window.session is None

